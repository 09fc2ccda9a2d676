using System.Numerics;

namespace C3V.World;

/// <summary>A sandy beach facing the sea: surf line, wet sand, palms, an umbrella and a towel.</summary>
public sealed class Beach : SceneArchetype
{
    public override string Id => "beach";
    public override IReadOnlyList<string> Labels =>
    [
        "a sandy beach", "a beach by the ocean with waves", "a tropical beach with palm trees", "the seaside shore",
        "a sunny coast with sand and sea", "a beach with a parasol and a towel", "a harbour quay with boats by the sea", "the shore of a lake",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        ctx.WalkRect = (-7f, 7f, -6f, 5f);
        ctx.CameraEye = new Vector3(0, 2.0f, 9f);
        ctx.CameraTarget = new Vector3(0, 0.8f, -4f);
        Props.Sky(ctx, new Vector3(0.75f, 0.88f, 0.97f), new Vector3(0.18f, 0.48f, 0.88f));
        var rng = ctx.Random.Fork("beach");
        float Shore(float x) => -7.5f + 0.8f * MathF.Sin(x * 0.25f) + 0.4f * ValueNoise.At(x * 0.3f, 0, seed);
        var sand = ctx.Parameters.Accent ?? new Vector3(0.9f, 0.8f, 0.6f);
        Vector3 Color(float x, float z)
        {
            float s = Shore(x);
            float n = ValueNoise.Fbm(x * 0.5f, z * 0.5f, seed);
            if (z > s + 1.2f) return sand * (0.92f + 0.12f * n);
            if (z > s) return Vector3.Lerp(sand * 0.72f, sand, (z - s) / 1.2f);              // wet sand
            if (z > s - 0.5f) return new Vector3(0.95f, 0.97f, 0.97f);                          // surf foam
            float deep = Math.Clamp((s - z) / 25f, 0, 1);
            var sea = Vector3.Lerp(new Vector3(0.25f, 0.72f, 0.78f), new Vector3(0.05f, 0.32f, 0.55f), MathF.Sqrt(deep));
            return sea * (0.9f + 0.15f * ValueNoise.Fbm(x * 0.3f, z * 0.8f, seed + 7)) + (ValueNoise.At(x * 0.6f, z * 2.5f, seed) > 0.85f ? new Vector3(0.2f) : Vector3.Zero);
        }
        Props.Field(ctx, (-11, 11, -16, 8), Color, 0.14f, 140);
        foreach (var p in new[] { new Vector3(-6.5f, 0, -2.5f), new Vector3(7f, 0, 1f), new Vector3(-9.5f, 0, 3f) }) SeasideVilla.Palm(ctx, p, 6f);
        // Umbrella (striped canopy on a pole) and a towel.
        var umb = new Vector3(2.8f, 0, -1.5f);
        b.Rod(umb, umb + new Vector3(0, 2.3f, 0), 0.03f, 0.04f, new Vector3(0.9f, 0.9f, 0.9f), rng);
        var top = umb + new Vector3(0, 2.45f, 0);
        b.Surface((u, v) =>
        {
            float a = u * 2 * MathF.PI, rr = 1.3f * v;
            return top + new Vector3(rr * MathF.Cos(a), -0.45f * v * v, rr * MathF.Sin(a));
        }, 0.06f, (u, _) => (int)(u * 8) % 2 == 0 ? (ctx.Parameters.Accent is null ? new Vector3(0.9f, 0.2f, 0.15f) : ctx.Parameters.Accent.Value) : new Vector3(0.97f, 0.97f, 0.95f),
            rng, 0.03f, outwardFrom: top - new Vector3(0, 1, 0));
        var towel = new Vector3(1.0f, 0.01f, 0.5f);
        b.Quad(towel, new Vector3(1f, 0, 0), new Vector3(0, 0, 1.8f), 0.05f, (u, v) => (int)(v / 0.3f) % 2 == 0 ? new Vector3(0.2f, 0.4f, 0.85f) : new Vector3(0.95f, 0.85f, 0.3f), rng);

        ctx.Landmark("the sea", ["the ocean", "the water", "the waves", "the shoreline", "the shore", "the surf"], 0, Shore(0) + 1.2f, 6f);
        ctx.Landmark("the umbrella", ["the parasol", "the beach umbrella", "the sunshade"], umb.X, umb.Z + 0.9f, 1.3f);
        ctx.Obstacles.Add(new Obstacle("the umbrella pole", new Vector2(umb.X, umb.Z), 0.2f));
        ctx.Landmark("the towel", ["the beach towel", "the blanket"], towel.X + 0.5f, towel.Z + 0.9f, 0.9f);
        ctx.Landmark("the palm tree", ["the palm", "the tree", "the palms"], -5.8f, -1.8f, 0.6f);
        ctx.Landmark("the sand", ["the beach", "the dry sand"], -1.5f, 2.5f, 4f);
    }
}
