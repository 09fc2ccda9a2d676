using System.Numerics;

namespace C3V.World;

/// <summary>A living room: wooden floor, walls with a window and a door, sofa, coffee table, rug, TV, lamp, shelf, plant.</summary>
public sealed class LivingRoom : SceneArchetype
{
    public override string Id => "living_room";
    public override IReadOnlyList<string> Labels =>
    [
        "a living room", "a cozy lounge with a sofa and a TV", "inside a house, a family room", "an apartment interior with a couch",
        "a sitting room with a rug and a coffee table", "indoors at home",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        float w = 4.5f * ctx.Parameters.Size, back = -4.5f, front = 6f, h = 2.8f;
        ctx.WalkRect = (-w + 0.5f, w - 0.5f, back + 0.6f, 3.5f);
        ctx.CameraEye = new Vector3(0, 1.7f, 5.6f);
        ctx.CameraTarget = new Vector3(0, 1.0f, -2f);
        ctx.CameraFovYDegrees = 58;
        b.Ambient = 0.7f;
        b.Sun = Vector3.Normalize(new Vector3(-0.3f, 0.8f, 0.5f));
        ctx.Background = new Vector3(0.85f, 0.82f, 0.76f);
        var rng = ctx.Random.Fork("room");
        var wall = ctx.Parameters.Accent ?? new Vector3(0.86f, 0.8f, 0.7f);
        bool night = ctx.Parameters.TimeOfDay == TimeOfDay.Night;
        // Floor planks, ceiling, three walls (and the wall behind the camera, out of view but closing the room).
        b.Ground(-w - 0.2f, w + 0.2f, back - 0.2f, front, 0.1f, ctx.Ground, (x, z) =>
            new Vector3(0.58f, 0.4f, 0.24f) * (0.85f + 0.2f * ValueNoise.At(MathF.Floor(x / 0.22f) * 2.3f, z * 0.4f, seed)) * (MathF.Abs(x % 0.22f) < 0.01f ? 0.7f : 1f), rng);
        b.Quad(new Vector3(-w - 0.2f, h, back - 0.2f), new Vector3(2 * w + 0.4f, 0, 0), new Vector3(0, 0, front - back + 0.2f), 0.16f, new Vector3(0.93f, 0.92f, 0.9f), rng,
            outwardFrom: new Vector3(0, h + 1, 0));
        var room = new Vector3(0, h / 2, 0);
        float winU0 = 4.6f, winU1 = 7.4f;
        b.Quad(new Vector3(-w - 0.1f, -0.1f, back), new Vector3(2 * w + 0.2f, 0, 0), new Vector3(0, h + 0.2f, 0), 0.08f, (u, v) =>
        {
            if (u > winU0 && u < winU1 && v > 0.9f && v < 2.3f)
                return night ? new Vector3(0.05f, 0.07f, 0.15f) : Vector3.Lerp(new Vector3(0.75f, 0.88f, 1f), new Vector3(0.45f, 0.7f, 0.45f), v < 1.3f ? 1 : 0);
            if (u > winU0 - 0.08f && u < winU1 + 0.08f && v > 0.82f && v < 2.38f) return new Vector3(0.96f, 0.96f, 0.96f);
            return v < 0.1f ? new Vector3(0.95f, 0.95f, 0.95f) : wall;
        }, rng, 0.02f, outwardFrom: new Vector3(0, h / 2, back - 1));
        float doorZ0 = -2.4f, doorZ1 = -1.4f;
        foreach (float side in new[] { -1f, 1f })
            b.Quad(new Vector3(side * w, -0.1f, front), new Vector3(0, 0, back - front - 0.1f), new Vector3(0, h + 0.2f, 0), 0.09f, (u, v) =>
            {
                float z = front - u;
                if (side > 0 && z > doorZ0 && z < doorZ1 && v < 2.1f) return new Vector3(0.5f, 0.33f, 0.2f);
                return wall * 0.95f;
            }, rng, 0.02f, outwardFrom: new Vector3(side * (w + 1), h / 2, 0));
        b.Quad(new Vector3(-w, 0, front), new Vector3(2 * w, 0, 0), new Vector3(0, h, 0), 0.2f, wall, rng, outwardFrom: new Vector3(0, h / 2, front + 1));

        // Rug, sofa against the left wall facing +X, coffee table, TV on a stand at the right, lamp, shelf, plant.
        var rug = new Vector3(-0.6f, 0.01f, -1.2f);
        b.Disc(rug, 1.6f, 0.07f, (a, r) => r > 0.85f ? new Vector3(0.7f, 0.2f, 0.2f) : new Vector3(0.75f, 0.62f, 0.45f) * (0.9f + 0.1f * MathF.Sin(r * 30)), rng, 0.03f);
        var sofa = new Vector3(-w + 0.55f, 0, -1.2f);
        var fabric = new Vector3(0.3f, 0.38f, 0.55f);
        var sr = ctx.Random.Fork("sofa");
        b.Box(sofa, new Vector3(0.95f, 0.45f, 2.3f), 0, 0.06f, fabric, sr);
        b.Box(sofa + new Vector3(-0.35f, 0.45f, 0), new Vector3(0.25f, 0.5f, 2.3f), 0, 0.06f, fabric * 0.9f, sr);
        foreach (float dz in new[] { -1.1f, 1.1f }) b.Box(sofa + new Vector3(0, 0.45f, dz), new Vector3(0.95f, 0.22f, 0.2f), 0, 0.05f, fabric * 0.9f, sr);
        var table = new Vector3(-0.5f, 0, -1.2f);
        var tr = ctx.Random.Fork("table");
        b.Box(table + new Vector3(0, 0.38f, 0), new Vector3(0.7f, 0.06f, 1.2f), 0, 0.04f, new Vector3(0.35f, 0.22f, 0.12f), tr);
        foreach (var (dx, dz) in new[] { (0.3f, 0.55f), (-0.3f, 0.55f), (0.3f, -0.55f), (-0.3f, -0.55f) })
            b.Rod(table + new Vector3(dx, 0, dz), table + new Vector3(dx, 0.38f, dz), 0.025f, 0.03f, new Vector3(0.3f, 0.2f, 0.1f), tr);
        var tv = new Vector3(w - 0.35f, 0, -1.2f);
        var tvr = ctx.Random.Fork("tv");
        b.Box(tv, new Vector3(0.5f, 0.5f, 1.8f), 0, 0.05f, new Vector3(0.25f, 0.2f, 0.16f), tvr);
        b.Box(tv + new Vector3(0, 0.55f, 0), new Vector3(0.06f, 0.8f, 1.4f), 0, 0.03f,
            (face, _, _) => face == 1 ? (night ? new Vector3(0.35f, 0.55f, 0.9f) : new Vector3(0.06f, 0.07f, 0.09f)) : new Vector3(0.1f), tvr);
        var lamp = new Vector3(-w + 0.45f, 0, -3.9f);
        b.Rod(lamp, lamp + new Vector3(0, 1.5f, 0), 0.02f, 0.03f, new Vector3(0.2f), tvr);
        var shade = b.Tint;
        if (night) b.Tint = new Vector3(1.4f);
        b.Cylinder(lamp + new Vector3(0, 1.45f, 0), 0.25f, 0.35f, 0.04f, new Vector3(0.97f, 0.9f, 0.7f), tvr, cap: false, topRadius: 0.16f);
        b.Tint = shade;
        var shelf = new Vector3(2.2f, 0, back + 0.2f);
        b.Box(shelf, new Vector3(1.4f, 1.9f, 0.35f), 0, 0.05f, (face, u, v) =>
            face == 4 && (v % 0.45f) > 0.06f ? new Vector3(0.3f + 0.4f * ValueNoise.At(u * 8, v * 2, seed), 0.25f, 0.3f + 0.3f * ValueNoise.At(u * 7, v, seed + 1)) : new Vector3(0.45f, 0.3f, 0.18f),
            ctx.Random.Fork("shelf"));
        var plant = new Vector3(-2.2f, 0, back + 0.5f);
        b.Cylinder(plant, 0.22f, 0.45f, 0.04f, new Vector3(0.7f, 0.4f, 0.25f), ctx.Random.Fork("pot"));
        Props.Bush(ctx, plant + new Vector3(0, 0.4f, 0), 0.9f);

        ctx.Landmark("the sofa", ["the couch", "the settee"], sofa.X + 0.9f, sofa.Z, 1.2f);
        ctx.Obstacles.Add(new Obstacle("the sofa", new Vector2(sofa.X, sofa.Z), 1.2f));
        ctx.Landmark("the coffee table", ["the table"], table.X + 0.8f, table.Z + 0.2f, 0.7f);
        ctx.Obstacles.Add(new Obstacle("the coffee table", new Vector2(table.X, table.Z), 0.7f));
        ctx.Landmark("the tv", ["the television", "the tv set", "the screen"], tv.X - 1f, tv.Z, 0.9f);
        ctx.Landmark("the rug", ["the carpet", "the middle of the room"], rug.X + 0.6f, rug.Z + 1f, 1.6f);
        ctx.Landmark("the window", ["the back wall"], (winU0 + winU1) / 2 - w, back + 0.7f, 1.4f);
        ctx.Landmark("the door", ["the doorway", "the room's door", "the exit"], w - 0.6f, (doorZ0 + doorZ1) / 2, 0.5f);
        ctx.Landmark("the lamp", ["the floor lamp", "the corner of the room"], lamp.X + 0.5f, lamp.Z + 0.5f, 0.3f);
        ctx.Landmark("the bookshelf", ["the shelf", "the bookcase"], shelf.X, shelf.Z + 0.7f, 0.7f);
    }
}
