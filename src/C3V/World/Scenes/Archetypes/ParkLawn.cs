using System.Numerics;

namespace C3V.World;

/// <summary>A park lawn with trees, a gravel path, benches, a pond and a lamp post.</summary>
public sealed class ParkLawn : SceneArchetype
{
    public override string Id => "park_lawn";
    public override IReadOnlyList<string> Labels =>
    [
        "a lawn in a park with trees", "a green park", "a public garden with benches", "a grassy lawn",
        "a city park with a pond", "a backyard garden with grass", "a picnic area in a park", "a football pitch in a stadium", "a sports field",
    ];

    protected override void Build(SceneContext ctx)
    {
        uint seed = ctx.NoiseSeed;
        ctx.WalkRect = (-6.5f, 6.5f, -7f, 5f);
        ctx.CameraEye = new Vector3(0, 2.2f, 9.5f);
        ctx.CameraTarget = new Vector3(0, 0.8f, -3f);
        Props.Sky(ctx);
        var pond = new Vector3(-3.6f, 0, -4.5f);
        float pondR = 2f;
        // Gravel path: a gentle S from the bottom right to the back.
        float PathX(float z) => 1.8f + 1.6f * MathF.Sin(z * 0.3f);
        Props.Field(ctx, (-10, 10, -15, 8), (x, z) =>
        {
            if (MathF.Abs(x - PathX(z)) < 0.75f) return new Vector3(0.72f, 0.66f, 0.55f) * (0.9f + 0.2f * ValueNoise.At(x * 5, z * 5, seed));
            float n = ValueNoise.Fbm(x * 0.3f, z * 0.3f, seed);
            return Vector3.Lerp(new Vector3(0.22f, 0.5f, 0.14f), new Vector3(0.38f, 0.62f, 0.2f), n);
        });
        var rng = ctx.Random.Fork("pond");
        ctx.Builder.Disc(pond + new Vector3(0, 0.03f, 0), pondR, 0.12f, (a, r) => new Vector3(0.2f, 0.38f, 0.55f) * (0.85f + 0.3f * r), rng, 0.03f);
        ctx.Builder.Disc(pond + new Vector3(0, 0.05f, 0), pondR + 0.25f, 0.1f, new Vector3(0.55f, 0.53f, 0.5f), rng, 0.08f, innerRadius: pondR);

        var trees = new[] { new Vector3(4.8f, 0, -5.5f), new Vector3(-6.2f, 0, -9f), new Vector3(6.5f, 0, 2f), new Vector3(-7f, 0, 1.5f), new Vector3(1f, 0, -12f) };
        var leaf = ctx.Parameters.Accent;
        for (int i = 0; i < trees.Length; i++) Props.Tree(ctx, trees[i], i == 0 ? 6.5f : 5.5f + i * 0.4f, leaf);
        var r = ctx.Random.Fork("far");
        for (int i = 0; i < (int)(18 * ctx.Parameters.Density); i++)
            Props.Tree(ctx, new Vector3(r.Range(-35, 35), 0, r.Range(-40, -16)), r.Range(6, 10), key: "far" + i);
        var bench = new Vector3(-1.2f, 0, -7.2f);
        Props.Bench(ctx, bench, 0);
        Props.LampPost(ctx, new Vector3(PathX(-2) + 1.2f, 0, -2));
        for (int i = 0; i < 5; i++) Props.Bush(ctx, new Vector3(r.Range(-9, 9), 0, r.Range(-11, -8.5f)), r.Range(0.8f, 1.4f));

        ctx.Landmark("the tree", ["the big tree", "the oak tree", "tree"], trees[0].X - 0.8f, trees[0].Z + 0.8f, 0.8f);
        ctx.Obstacles.Add(new Obstacle("the tree trunk", new Vector2(trees[0].X, trees[0].Z), 0.5f));
        ctx.Landmark("the pond", ["the water", "the pool", "the lake"], pond.X + pondR + 0.4f, pond.Z + 0.6f, pondR);
        ctx.Obstacles.Add(new Obstacle("the pond", new Vector2(pond.X, pond.Z), pondR + 0.2f));
        ctx.Landmark("the bench", ["the park bench", "the seat"], bench.X, bench.Z + 0.7f, 0.8f);
        ctx.Landmark("the path", ["the gravel path", "the walkway", "the footpath"], PathX(1), 1f, 0.7f);
        ctx.Landmark("the lawn", ["the grass", "the park", "the garden", "the meadow"], -1.5f, 1f, 4f);
        ctx.Landmark("the lamp post", ["the street lamp", "the lamp", "the light"], PathX(-2) + 1.2f, -1.5f, 0.2f);
    }
}
