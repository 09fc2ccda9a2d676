using System.Numerics;

namespace C3V.World;

/// <summary>
/// A long straight street running away from the camera: asphalt with lane markings, a crosswalk, sidewalks,
/// buildings, street lamps and trees. "anime"/"cartoon" descriptions get a bright, saturated palette with
/// cherry blossoms.
/// </summary>
public sealed class LongStreet : SceneArchetype
{
    public override string Id => "long_street";
    public override IReadOnlyList<string> Labels =>
    [
        "a long road", "a city street with buildings", "a long straight street in anime style", "an avenue with sidewalks",
        "a road through town", "a quiet residential street", "a crosswalk on a downtown street", "a highway stretching to the horizon", "a car park, a parking lot by the road", "a bridge carrying a road", "a train station platform",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        bool anime = ctx.Parameters.Stylized;
        ctx.WalkRect = (-6.5f, 6.5f, -30f, 5f);
        ctx.CameraEye = new Vector3(0, 1.8f, 9f);
        ctx.CameraTarget = new Vector3(0, 1.4f, -20f);
        if (anime) Props.Sky(ctx, new Vector3(0.75f, 0.92f, 1f), new Vector3(0.25f, 0.6f, 1f));
        else Props.Sky(ctx);
        var rng = ctx.Random.Fork("street");
        float half = 3.6f, walk = 3f;
        var asphalt = anime ? new Vector3(0.38f, 0.4f, 0.48f) : new Vector3(0.24f, 0.24f, 0.26f);
        var pavement = anime ? new Vector3(0.85f, 0.78f, 0.7f) : new Vector3(0.62f, 0.6f, 0.57f);
        Vector3 Color(float x, float z)
        {
            float ax = MathF.Abs(x);
            if (ax > half + walk) return anime ? new Vector3(0.45f, 0.75f, 0.35f) : new Vector3(0.4f, 0.38f, 0.35f);
            if (ax > half) return pavement * (MathF.Abs(z % 1.5f) < 0.04f ? 0.8f : 1f);
            if (z > 1.5f && z < 4f && MathF.Abs(x % 1f) < 0.45f) return new Vector3(0.93f, 0.93f, 0.9f); // crosswalk
            if (ax < 0.08f && MathF.Abs(z % 4f) < 2f) return new Vector3(0.95f, 0.85f, 0.3f);          // centre dashes
            return asphalt * (0.9f + 0.15f * ValueNoise.At(x * 2, z * 2, seed));
        }
        b.Ground(-12, 12, -25, 10, 0.13f, ctx.Ground, Color, rng);
        b.Ground(-14, 14, -60, -25, 0.3f, ctx.Ground, Color, rng);
        b.Ground(-14, 14, -140, -60, 0.7f, ctx.Ground, Color, rng);
        // Buildings on both sides, receding; heights and colours vary.
        var r = ctx.Random.Fork("buildings");
        Vector3[] walls = anime
            ? [new(0.98f, 0.82f, 0.75f), new(0.8f, 0.9f, 1f), new(1f, 0.95f, 0.78f), new(0.88f, 0.8f, 0.95f)]
            : [new(0.72f, 0.64f, 0.55f), new(0.6f, 0.55f, 0.52f), new(0.78f, 0.74f, 0.68f), new(0.55f, 0.4f, 0.33f)];
        foreach (float side in new[] { -1f, 1f })
        {
            float z = 4;
            int k = 0;
            while (z > -130)
            {
                float depth = r.Range(6, 10), height = r.Range(6, 16) * ctx.Parameters.Size, width = r.Range(7, 10);
                var foot = new Vector3(side * (half + walk + 0.2f + width / 2), 0, z - depth / 2);
                Props.Building(ctx, foot, new Vector3(width, height, depth), 0, walls[r.Int(0, walls.Length)],
                    anime ? new Vector3(0.55f, 0.8f, 0.95f) : new Vector3(0.25f, 0.32f, 0.4f), key: $"b{side}{k++}");
                z -= depth + r.Range(0.2f, 1.5f);
            }
            for (int i = 0; i < 6; i++)
            {
                float lz = 2 - i * 9;
                Props.LampPost(ctx, new Vector3(side * (half + 0.4f), 0, lz), 4.2f);
                var leaves = anime ? new Vector3(1f, 0.72f, 0.82f) : (Vector3?)null;
                Props.Tree(ctx, new Vector3(side * (half + walk - 0.8f), 0, lz - 4.5f), 4.5f, leaves, key: $"st{side}{i}");
            }
        }
        ctx.Landmark("the road", ["the street", "the middle of the road", "the avenue"], 0, -4f, half);
        ctx.Landmark("the crosswalk", ["the zebra crossing", "the crossing", "the pedestrian crossing"], 0, 2.7f, 1.5f);
        ctx.Landmark("the left sidewalk", ["the sidewalk", "the pavement", "the footpath"], -(half + 1.4f), -3f, 1.2f);
        ctx.Landmark("the right sidewalk", ["the right pavement"], half + 1.4f, -3f, 1.2f);
        ctx.Landmark("the end of the road", ["the far end of the street", "the horizon", "down the road"], 0, -29f, 2f);
        ctx.Landmark("the street lamp", ["the lamp post", "the streetlight", "the lamp"], half + 0.4f, 1.2f, 0.2f);
        ctx.Obstacles.Add(new Obstacle("the street lamp", new Vector2(half + 0.4f, 2), 0.25f));
    }
}
