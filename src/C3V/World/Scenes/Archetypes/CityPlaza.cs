using System.Numerics;

namespace C3V.World;

/// <summary>A paved city plaza with a fountain and statue in the middle, buildings around, benches, lamps, planters.</summary>
public sealed class CityPlaza : SceneArchetype
{
    public override string Id => "city_plaza";
    public override IReadOnlyList<string> Labels =>
    [
        "a city plaza with a fountain", "a town square", "a paved public square surrounded by buildings", "a piazza in an old european town",
        "a market square downtown", "an urban square with benches and street lamps", "a flat rooftop above the city",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        ctx.WalkRect = (-8f, 8f, -9f, 5f);
        ctx.CameraEye = new Vector3(0, 2.6f, 10f);
        ctx.CameraTarget = new Vector3(0, 1.2f, -4f);
        Props.Sky(ctx);
        var fountain = new Vector3(0, 0, -4.5f);
        var stone = ctx.Parameters.Accent ?? new Vector3(0.72f, 0.68f, 0.62f);
        Props.Field(ctx, (-13, 13, -18, 8), (x, z) =>
        {
            // Concentric rings of paving around the fountain, square tiles elsewhere.
            float d = Vector2.Distance(new Vector2(x, z), new Vector2(fountain.X, fountain.Z));
            float tile = d < 7 ? MathF.Abs(d % 0.8f) : MathF.Min(MathF.Abs(x % 0.9f), MathF.Abs(z % 0.9f));
            var c = stone * (0.88f + 0.15f * ValueNoise.At(x * 1.1f, z * 1.1f, seed));
            if (d < 7 && (int)(d / 0.8f) % 3 == 0) c *= 0.85f;
            return tile < 0.04f ? c * 0.75f : c;
        }, 0.14f, 80);
        // Fountain: a round basin wall, water, a column with a bowl and a statue-like figure on top.
        var fr = ctx.Random.Fork("fountain");
        b.Cylinder(fountain, 2.2f, 0.55f, 0.06f, stone * 0.95f, fr, cap: false);
        b.Cylinder(fountain, 2.0f, 0.55f, 0.06f, stone * 0.85f, fr, cap: false);
        b.Disc(fountain + new Vector3(0, 0.55f, 0), 2.2f, 0.06f, stone, fr, innerRadius: 2.0f);
        b.Disc(fountain + new Vector3(0, 0.42f, 0), 2.0f, 0.1f, (a, r) => new Vector3(0.3f, 0.55f, 0.7f) * (0.85f + 0.25f * ValueNoise.At(a * 20, r * 6, seed)), fr, 0.04f);
        b.Cylinder(fountain, 0.3f, 1.6f, 0.05f, stone, fr);
        b.Cylinder(fountain + new Vector3(0, 1.6f, 0), 0.25f, 0.25f, 0.05f, stone, fr, topRadius: 0.9f);
        b.Ellipsoid(fountain + new Vector3(0, 2.4f, 0), new Vector3(0.25f, 0.55f, 0.22f), 0.05f, _ => new Vector3(0.45f, 0.55f, 0.5f), fr); // bronze figure
        b.Ellipsoid(fountain + new Vector3(0, 3.05f, 0), new Vector3(0.15f), 0.04f, _ => new Vector3(0.45f, 0.55f, 0.5f), fr);
        // Buildings on three sides.
        var r = ctx.Random.Fork("buildings");
        Vector3[] walls = [new(0.85f, 0.75f, 0.6f), new(0.78f, 0.55f, 0.45f), new(0.9f, 0.85f, 0.72f), new(0.7f, 0.72f, 0.75f)];
        for (int i = 0; i < 5; i++)
            Props.Building(ctx, new Vector3(-16 + i * 8, 0, -17), new Vector3(7.6f, r.Range(9, 15), 6), 0, walls[i % 4], new Vector3(0.25f, 0.3f, 0.38f), key: "back" + i);
        foreach (float side in new[] { -1f, 1f })
            for (int i = 0; i < 3; i++)
                Props.Building(ctx, new Vector3(side * 16, 0, -10 + i * 8), new Vector3(6, r.Range(9, 14), 7.6f), 0, walls[(i + 2) % 4], new Vector3(0.25f, 0.3f, 0.38f), key: $"side{side}{i}");
        var bench = new Vector3(-5.5f, 0, -1f);
        Props.Bench(ctx, bench, MathF.PI / 2);
        Props.Bench(ctx, new Vector3(5.5f, 0, -1f), -MathF.PI / 2);
        var lamp = new Vector3(4.5f, 0, -7.5f);
        Props.LampPost(ctx, lamp, 4f);
        Props.LampPost(ctx, new Vector3(-4.5f, 0, -7.5f), 4f);
        foreach (var p in new[] { new Vector3(-9f, 0, -6f), new Vector3(9f, 0, -6f) })
        {
            b.Box(p, new Vector3(1.4f, 0.6f, 1.4f), 0, 0.07f, stone * 0.8f, ctx.Random.Fork("planter" + p));
            Props.Tree(ctx, p + new Vector3(0, 0.6f, 0), 4.5f, key: "plaza tree");
        }

        ctx.Landmark("the fountain", ["the statue", "the middle of the square", "the centre of the plaza"], fountain.X, fountain.Z + 2.8f, 2.3f);
        ctx.Obstacles.Add(new Obstacle("the fountain", new Vector2(fountain.X, fountain.Z), 2.4f));
        ctx.Landmark("the bench", ["the benches", "the park bench"], bench.X + 0.7f, bench.Z, 0.8f);
        ctx.Landmark("the lamp post", ["the street lamp", "the lamp"], lamp.X - 0.5f, lamp.Z + 0.5f, 0.2f);
        ctx.Landmark("the buildings", ["the building", "the far side of the square"], 0, -8.5f, 8f);
        ctx.Landmark("the square", ["the plaza", "the piazza", "the open space"], 0, 1.5f, 5f);
    }
}
