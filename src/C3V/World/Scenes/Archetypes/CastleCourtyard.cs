using System.Numerics;

namespace C3V.World;

/// <summary>
/// The inner courtyard of a medieval castle: flagstone paving, crenellated curtain walls, two round towers
/// with conical roofs, a gatehouse with a portcullis, a stone well, a hay cart, banners and torches.
/// </summary>
public sealed class CastleCourtyard : SceneArchetype
{
    public override string Id => "castle_courtyard";
    public override IReadOnlyList<string> Labels =>
    [
        "a castle courtyard", "a medieval castle with stone walls and towers", "the inner yard of a fortress",
        "a castle gate and a stone well", "the bailey of a medieval keep with battlements", "outside a castle, within its walls",
        "a knight's castle",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        var stone = ctx.Parameters.Accent ?? new Vector3(0.62f, 0.6f, 0.56f);
        float backZ = -12f, sideX = 13f;
        ctx.WalkRect = (-8f, 8f, -10.4f, 5f);
        ctx.CameraEye = new Vector3(0, 2.4f, 10f);
        ctx.CameraTarget = new Vector3(0, 1.8f, -4f);
        Props.Sky(ctx);

        Props.Field(ctx, (-sideX, sideX, backZ - 1, 8), (x, z) =>
        {
            // a worn sandy track from the gate to the front, flagstones elsewhere
            var c = CastleParts.Flagstones(stone * 0.95f, x, z, seed);
            float track = Math.Clamp(1.3f - MathF.Abs(x + 0.3f * MathF.Sin(z * 0.4f)), 0, 1);
            return Vector3.Lerp(c, new Vector3(0.6f, 0.52f, 0.4f), 0.45f * track);
        }, 0.12f, 60);

        // Curtain walls: the back one with the gate, the two sides running towards the camera.
        float gateW = 3.2f, gateH = 4.2f, wallH = 7f, wallT = 1.5f;
        var wood = new Vector3(0.3f, 0.2f, 0.12f);
        CastleParts.Wall(ctx, new Vector3(0, 0, backZ), new Vector3(2 * sideX, wallH, wallT), stone, "back wall", (face, u, v) =>
        {
            if (face != 4) return null;
            float du = MathF.Abs(u - sideX);
            // Round-arched gate: a dark passage behind a portcullis grid.
            float archTop = gateH - gateW / 2 + MathF.Sqrt(MathF.Max(0, gateW * gateW / 4 - du * du));
            if (du < gateW / 2 && v < archTop)
            {
                bool bar = (du % 0.4f) < 0.07f || (v % 0.4f) < 0.07f;
                return bar ? new Vector3(0.18f, 0.16f, 0.15f) : new Vector3(0.05f, 0.045f, 0.04f);
            }
            if (du < gateW / 2 + 0.35f && v < archTop + 0.35f) return stone * 0.8f; // voussoirs around the arch
            return null;
        });
        foreach (float side in new[] { -1f, 1f })
            CastleParts.Wall(ctx, new Vector3(side * sideX, 0, (backZ + 8) / 2), new Vector3(wallT, wallH - 1, 8 - backZ), stone, "side wall" + side);
        // Gatehouse: a taller block over the gate.
        CastleParts.Wall(ctx, new Vector3(0, wallH, backZ), new Vector3(6f, 2.5f, wallT + 0.4f), stone, "gatehouse");

        // Round towers at the back corners with conical slate roofs.
        var roof = new Vector3(0.25f, 0.27f, 0.36f);
        foreach (float side in new[] { -1f, 1f })
        {
            var foot = new Vector3(side * (sideX - 3f), 0, backZ + 0.5f);
            var tr = ctx.Random.Fork("tower" + side);
            float h = 11f, r = 2.4f;
            b.Surface((u, v) => foot + new Vector3(r * MathF.Cos(u * MathF.Tau), v * h, r * MathF.Sin(u * MathF.Tau)), 0.14f,
                (u, v) =>
                {
                    // an arrow slit on the side facing the yard (+Z, angle π/2)
                    float ang = u * MathF.Tau;
                    bool slit = MathF.Abs(ang - MathF.PI / 2) * r < 0.1f && v * h is > 5.5f and < 7f;
                    return slit ? new Vector3(0.05f) : CastleParts.Masonry(stone * 1.05f, ang * r, v * h, seed + 5);
                }, tr, 0.03f, outwardFrom: foot + new Vector3(0, h / 2, 0));
            b.Cylinder(foot + new Vector3(0, h, 0), r + 0.35f, 3.6f, 0.12f, roof, tr, cap: false, topRadius: 0.02f);
            b.Disc(foot + new Vector3(0, h, 0), r + 0.35f, 0.15f, roof * 0.8f, tr);
            CastleParts.Banner(ctx, foot + new Vector3(-side * 0.9f, 9.5f, r - 0.2f), 1.1f, 2.6f, Vector3.UnitZ, new Vector3(0.6f, 0.08f, 0.08f));
        }

        // Banners either side of the gate, torches beside it.
        foreach (float side in new[] { -1f, 1f })
        {
            float x = side * 5.5f, frontZ = backZ + wallT / 2;
            CastleParts.Banner(ctx, new Vector3(x, 6.2f, frontZ), 1.3f, 3.2f, Vector3.UnitZ, ctx.Parameters.Accent ?? new Vector3(0.12f, 0.2f, 0.55f));
            CastleParts.Torch(ctx, new Vector3(side * (gateW / 2 + 0.8f), 2.6f, frontZ), Vector3.UnitZ);
        }

        // A stone well with a little roof on two posts and a bucket.
        var well = new Vector3(4.2f, 0, -3.5f);
        var wr = ctx.Random.Fork("well");
        b.Surface((u, v) => well + new Vector3(0.9f * MathF.Cos(u * MathF.Tau), v * 0.85f, 0.9f * MathF.Sin(u * MathF.Tau)), 0.06f,
            (u, v) => CastleParts.Masonry(stone * 0.95f, u * 5.6f, v * 0.85f + 0.1f, seed + 7), wr, 0.03f, outwardFrom: well + new Vector3(0, 0.4f, 0));
        b.Disc(well + new Vector3(0, 0.85f, 0), 0.9f, 0.05f, stone * 0.85f, wr, innerRadius: 0.72f);
        b.Disc(well + new Vector3(0, 0.5f, 0), 0.72f, 0.06f, new Vector3(0.04f, 0.07f, 0.1f), wr);
        foreach (float sx in new[] { -0.8f, 0.8f })
            b.Rod(well + new Vector3(sx, 0.85f, 0), well + new Vector3(sx, 2.3f, 0), 0.06f, 0.04f, wood, wr);
        b.Rod(well + new Vector3(-0.85f, 1.9f, 0), well + new Vector3(0.85f, 1.9f, 0), 0.05f, 0.04f, wood * 1.2f, wr);
        foreach (float sz in new[] { -1f, 1f })
            b.Quad(well + new Vector3(-1.05f, 2.25f, 0), new Vector3(2.1f, 0, 0), new Vector3(0, -0.5f, sz * 0.75f), 0.06f, new Vector3(0.45f, 0.25f, 0.15f), wr,
                outwardFrom: well + new Vector3(0, 1.5f, 0));
        b.Cylinder(well + new Vector3(0.1f, 1.25f, 0), 0.15f, 0.25f, 0.03f, new Vector3(0.4f, 0.3f, 0.18f), wr, topRadius: 0.18f);

        // A hay cart on the left.
        var cart = new Vector3(-5f, 0, -5f);
        var cr = ctx.Random.Fork("cart");
        b.Box(cart + new Vector3(0, 0.6f, 0), new Vector3(1.5f, 0.5f, 2.4f), 0, 0.05f, wood * 1.3f, cr);
        b.Ellipsoid(cart + new Vector3(0, 1.15f, 0), new Vector3(0.75f, 0.45f, 1.15f), 0.06f, d => new Vector3(0.85f, 0.72f, 0.35f) * (0.85f + 0.2f * d.Y), cr, 0.1f, 0.3f, minY: 0);
        foreach (float sx in new[] { -0.85f, 0.85f })
            b.Rod(cart + new Vector3(sx, 0.45f, 0.3f), cart + new Vector3(sx * 1.1f, 0.45f, 0.3f), 0.45f, 0.05f, wood, cr, caps: true);
        b.Rod(cart + new Vector3(-0.3f, 0.6f, 1.2f), cart + new Vector3(-0.3f, 0.2f, 2.6f), 0.04f, 0.04f, wood, cr);
        b.Rod(cart + new Vector3(0.3f, 0.6f, 1.2f), cart + new Vector3(0.3f, 0.2f, 2.6f), 0.04f, 0.04f, wood, cr);
        // Barrels by the left wall.
        for (int i = 0; i < 3; i++)
            b.Cylinder(new Vector3(-7.6f + 0.8f * (i % 2), 0, -8.6f + 0.9f * i), 0.35f, 0.9f, 0.04f, new Vector3(0.45f, 0.3f, 0.16f), ctx.Random.Fork("barrel" + i));

        float gateZ = backZ + wallT / 2;
        ctx.Landmark("the gate", ["the castle gate", "the gatehouse", "the portcullis", "the entrance", "the archway", "the door"], 0, gateZ + 0.9f, 1.5f);
        ctx.Landmark("the well", ["the stone well", "the wishing well"], well.X - 1.4f, well.Z + 0.4f, 0.9f);
        ctx.Obstacles.Add(new Obstacle("the well", new Vector2(well.X, well.Z), 1.1f));
        ctx.Landmark("the cart", ["the hay cart", "the wagon", "the hay"], cart.X + 1.3f, cart.Z + 0.3f, 1.2f);
        ctx.Obstacles.Add(new Obstacle("the cart", new Vector2(cart.X, cart.Z + 0.5f), 1.5f));
        ctx.Landmark("the left tower", ["the tower", "the keep", "the turret"], -sideX + 5f, backZ + 2f, 2.4f);
        ctx.Landmark("the right tower", ["the other tower"], sideX - 5f, backZ + 2f, 2.4f);
        ctx.Landmark("the walls", ["the castle walls", "the battlements", "the ramparts", "the wall"], -4f, backZ + 1.6f, 6f);
        ctx.Landmark("the courtyard", ["the yard", "the bailey", "the middle of the courtyard", "the square"], 0, 1f, 5f);
        ctx.Landmark("the barrels", ["the barrel"], -6.4f, -7.6f, 0.8f);
        ctx.Obstacles.Add(new Obstacle("the barrels", new Vector2(-7.2f, -7.7f), 1.2f));
    }
}
