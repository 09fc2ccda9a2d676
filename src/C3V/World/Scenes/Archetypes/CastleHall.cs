using System.Numerics;

namespace C3V.World;

/// <summary>
/// The great hall of a castle: a dim stone interior lit by torches, two rows of pillars, a red carpet up
/// the middle to a throne on a dais, banners on the walls, a fireplace and a door in the back wall.
/// </summary>
public sealed class CastleHall : SceneArchetype
{
    public override string Id => "castle_hall";
    public override IReadOnlyList<string> Labels =>
    [
        "a castle hall", "a dark stone throne room", "the great hall of a medieval castle with pillars and torches",
        "a king's throne room with banners", "inside a castle", "a gothic hall lit by torches", "a dungeon-like stone chamber",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        float w = 7f * ctx.Parameters.Size, back = -12f, front = 9f, h = 7.5f;
        bool night = ctx.Parameters.TimeOfDay == TimeOfDay.Night;
        ctx.WalkRect = (-w + 1f, w - 1f, back + 0.8f, 4.5f);
        ctx.CameraEye = new Vector3(0, 2.2f, 7.5f);
        ctx.CameraTarget = new Vector3(0, 1.7f, -4f);
        ctx.CameraFovYDegrees = 55;
        // Indoors: light from the torches and a high window, warm and dim; darker still "at night"/"dark".
        b.Sun = Vector3.Normalize(new Vector3(0.2f, 0.7f, 0.7f));
        b.Ambient = 0.55f;
        b.Tint = night ? new Vector3(0.62f, 0.5f, 0.4f) : new Vector3(0.85f, 0.74f, 0.62f);
        ctx.Background = new Vector3(0.05f, 0.04f, 0.035f);
        var stone = ctx.Parameters.Accent ?? new Vector3(0.5f, 0.48f, 0.45f);
        var rng = ctx.Random.Fork("hall");
        var inside = new Vector3(0, h / 2, (back + front) / 2);

        // Floor: flagstones with a red carpet up the middle from the front to the dais.
        var carpet = new Vector3(0.55f, 0.07f, 0.08f);
        b.Ground(-w - 0.2f, w + 0.2f, back - 0.2f, front, 0.1f, ctx.Ground, (x, z) =>
        {
            if (MathF.Abs(x) < 1.1f && z > back + 2.6f)
                return MathF.Abs(x) > 0.95f ? new Vector3(0.8f, 0.62f, 0.25f) : carpet * (0.9f + 0.15f * ValueNoise.At(x * 6, z * 6, seed));
            return CastleParts.Flagstones(stone * 0.85f, x, z, seed);
        }, rng);
        // Ceiling: dark timber beams across a dark vault.
        b.Quad(new Vector3(-w - 0.2f, h, back - 0.2f), new Vector3(2 * w + 0.4f, 0, 0), new Vector3(0, 0, front - back + 0.2f), 0.2f,
            (_, v) => v % 2.5f < 0.4f ? new Vector3(0.2f, 0.13f, 0.08f) : new Vector3(0.16f, 0.15f, 0.14f), rng, outwardFrom: new Vector3(0, h + 1, 0));
        // Back wall with a door on the left and a fireplace on the right (built below); side walls with tall windows.
        float doorX = -4.5f, doorW = 1.6f, doorH = 3f;
        b.Quad(new Vector3(-w - 0.1f, -0.1f, back), new Vector3(2 * w + 0.2f, 0, 0), new Vector3(0, h + 0.2f, 0), 0.09f, (u, v) =>
        {
            float x = u - w - 0.1f, du = MathF.Abs(x - doorX);
            float archTop = doorH - doorW / 2 + MathF.Sqrt(MathF.Max(0, doorW * doorW / 4 - du * du));
            if (du < doorW / 2 && v < archTop + 0.1f)
                return (du % 0.3f) < 0.03f ? new Vector3(0.12f, 0.08f, 0.05f) : new Vector3(0.3f, 0.19f, 0.1f); // planked door
            return CastleParts.Masonry(stone, u, v, seed + 1);
        }, rng, 0.02f, outwardFrom: inside);
        foreach (float side in new[] { -1f, 1f })
            b.Quad(new Vector3(side * w, -0.1f, front), new Vector3(0, 0, back - front - 0.1f), new Vector3(0, h + 0.2f, 0), 0.1f, (u, v) =>
            {
                float z = front - u;
                // tall lancet windows high in the walls: night sky or daylight
                float dz = MathF.Abs(((z - back) % 5f) - 2.5f);
                if (dz < 0.5f && v > 3.6f && v < 6f + 0.5f * MathF.Sqrt(MathF.Max(0, 0.25f - dz * dz)))
                    return night ? new Vector3(0.08f, 0.1f, 0.22f) : new Vector3(0.75f, 0.82f, 0.9f) * 1.3f;
                return CastleParts.Masonry(stone, u, v, seed + 2);
            }, rng, 0.02f, outwardFrom: inside);
        b.Quad(new Vector3(-w, 0, front), new Vector3(2 * w, 0, 0), new Vector3(0, h, 0), 0.25f, stone * 0.7f, rng, outwardFrom: inside);

        // Two rows of pillars with torches on their inner faces.
        var pillars = new List<Vector3>();
        foreach (float side in new[] { -1f, 1f })
            for (float z = 3f; z > back + 2f; z -= 4.5f)
            {
                var p = new Vector3(side * 3.6f, 0, z);
                pillars.Add(p);
                var pr = ctx.Random.Fork("pillar" + p);
                b.Box(p, new Vector3(1.0f, 0.4f, 1.0f), 0, 0.05f, stone * 0.8f, pr);
                b.Surface((u, v) => p + new Vector3(0.4f * MathF.Cos(u * MathF.Tau), 0.4f + v * (h - 0.4f), 0.4f * MathF.Sin(u * MathF.Tau)), 0.07f,
                    (u, v) => CastleParts.Masonry(stone * 1.05f, u * 2.5f, v * h, seed + 3), pr, 0.03f, outwardFrom: p + new Vector3(0, h / 2, 0));
                CastleParts.Torch(ctx, p + new Vector3(-side * 0.42f, 2.4f, 0), new Vector3(-side, 0, 0));
                ctx.Obstacles.Add(new Obstacle("pillar", new Vector2(p.X, p.Z), 0.75f));
            }
        // Banners between the windows on the side walls.
        var bannerCloth = ctx.Parameters.Accent is null ? new Vector3(0.5f, 0.06f, 0.08f) : new Vector3(0.1f, 0.16f, 0.45f);
        foreach (float side in new[] { -1f, 1f })
            for (float z = back + 5f; z < front - 2; z += 5f)
                CastleParts.Banner(ctx, new Vector3(side * (w - 0.05f), 5.6f, z), 1.2f, 3.4f, new Vector3(-side, 0, 0), bannerCloth);

        // Dais and throne at the back, two banners behind it.
        var dais = new Vector3(0, 0, back + 1.3f);
        var dr = ctx.Random.Fork("dais");
        b.Box(dais, new Vector3(4.4f, 0.25f, 2.6f), 0, 0.06f, (face, u, v) => face == 2 ? carpet * 0.9f : stone * 0.75f, dr);
        b.Box(dais + new Vector3(0, 0.25f, -0.3f), new Vector3(3.2f, 0.25f, 1.8f), 0, 0.06f, (face, u, v) => face == 2 ? carpet * 0.9f : stone * 0.75f, dr);
        var throne = dais + new Vector3(0, 0.5f, -0.5f);
        var gold = new Vector3(0.85f, 0.66f, 0.22f);
        b.Box(throne, new Vector3(1.2f, 0.55f, 0.9f), 0, 0.04f, (face, u, v) => face == 2 ? carpet : gold * 0.85f, dr);
        b.Box(throne + new Vector3(0, 0, -0.4f), new Vector3(1.2f, 2.4f, 0.16f), 0, 0.04f,
            (face, u, v) => face == 4 && u > 0.15f && u < 1.05f && v > 0.6f && v < 2.1f ? carpet : gold, dr);
        foreach (float sx in new[] { -0.6f, 0.6f })
            b.Box(throne + new Vector3(sx, 0.55f, 0), new Vector3(0.12f, 0.35f, 0.85f), 0, 0.03f, gold, dr);
        foreach (float sx in new[] { -2.4f, 2.4f })
            CastleParts.Banner(ctx, new Vector3(sx, 6.2f, back), 1.4f, 4f, Vector3.UnitZ, bannerCloth);
        foreach (float sx in new[] { -1.4f, 1.4f })
            CastleParts.Torch(ctx, new Vector3(sx, 2.8f, back), Vector3.UnitZ);

        // Fireplace on the right of the back wall, with glowing embers.
        var fire = new Vector3(4.5f, 0, back + 0.4f);
        var fr = ctx.Random.Fork("fireplace");
        b.Box(fire, new Vector3(2.6f, 2.4f, 0.8f), 0, 0.05f, (face, u, v) =>
            face == 4 && u > 0.5f && u < 2.1f && v < 1.4f ? new Vector3(0.04f, 0.03f, 0.03f) : CastleParts.Masonry(stone * 0.9f, u, v, seed + 4), fr);
        var tint = b.Tint;
        b.Tint = new Vector3(1.7f);
        for (int i = 0; i < 5; i++)
            b.Ellipsoid(fire + new Vector3(-0.5f + 0.25f * i, 0.2f, 0.45f), new Vector3(0.14f, 0.22f + 0.06f * (i % 2), 0.12f), 0.03f,
                d => new Vector3(1f, 0.45f + 0.35f * d.Y, 0.1f), fr, 0.08f);
        b.Tint = tint;

        // A long table with benches along the left.
        var table = new Vector3(-5.2f, 0, -3f);
        var tr = ctx.Random.Fork("table");
        var oak = new Vector3(0.38f, 0.24f, 0.13f);
        b.Box(table + new Vector3(0, 0.75f, 0), new Vector3(1.0f, 0.08f, 4.5f), 0, 0.05f, oak, tr);
        foreach (float dz in new[] { -2f, 2f })
            b.Box(table + new Vector3(0, 0, dz), new Vector3(0.8f, 0.75f, 0.12f), 0, 0.05f, oak * 0.8f, tr);
        b.Box(table + new Vector3(0.85f, 0, 0), new Vector3(0.35f, 0.45f, 4.2f), 0, 0.05f, oak * 0.9f, tr);

        float frontOfDais = dais.Z + 1.3f;
        ctx.Landmark("the throne", ["the king's throne", "the dais", "the end of the hall", "the royal seat"], 0, frontOfDais + 0.5f, 1.4f);
        ctx.Obstacles.Add(new Obstacle("the dais", new Vector2(dais.X, dais.Z), 2.2f));
        ctx.Landmark("the door", ["the hall door", "the doorway", "the entrance", "the exit", "the archway"], doorX, back + 0.8f, 0.6f);
        ctx.Landmark("the fireplace", ["the hearth", "the fire"], fire.X - 0.2f, fire.Z + 1.3f, 1f);
        ctx.Obstacles.Add(new Obstacle("the fireplace", new Vector2(fire.X, fire.Z), 1.3f));
        ctx.Landmark("the carpet", ["the red carpet", "the aisle", "the middle of the hall", "the hall"], 0, 0.5f, 1f);
        ctx.Landmark("the left pillars", ["the pillars", "the columns", "the pillar", "the column"], -2.6f, -1.5f, 0.8f);
        ctx.Landmark("the right pillars", ["the right columns"], 2.6f, -1.5f, 0.8f);
        ctx.Landmark("the table", ["the long table", "the banquet table", "the feast table"], table.X + 1.4f, table.Z + 1f, 1f);
        ctx.Obstacles.Add(new Obstacle("the table", new Vector2(table.X, table.Z - 1.2f), 1.4f));
        ctx.Obstacles.Add(new Obstacle("the table", new Vector2(table.X, table.Z + 1.2f), 1.4f));
    }
}
