using System.Numerics;

namespace C3V.World;

/// <summary>A snowy mountain slope rising away from the camera, with snow-laden pines, flags and far peaks.</summary>
/// <remarks>The ground is a plane sloping up towards −Z (about 11°), so its height is known everywhere.</remarks>
public sealed class SnowySlope : SceneArchetype
{
    public override string Id => "snowy_slope";
    public override IReadOnlyList<string> Labels =>
    [
        "a snowy mountain slope", "a ski slope in the mountains", "a snow-covered hillside with pine trees", "an alpine ski resort piste",
        "winter snow in the mountains", "a snowfield on a mountain",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        ctx.Ground = new GroundPlane(0, 0, -0.2f);
        ctx.WalkRect = (-6.5f, 6.5f, -10f, 5f);
        ctx.CameraEye = new Vector3(0, 1.4f, 9.5f);
        ctx.CameraTarget = new Vector3(0, 2.4f, -6f);
        Props.Sky(ctx, new Vector3(0.8f, 0.88f, 0.97f), new Vector3(0.25f, 0.45f, 0.85f));
        Props.Field(ctx, (-11, 11, -22, 8), (x, z) =>
        {
            float n = ValueNoise.Fbm(x * 0.3f, z * 0.3f, seed);
            var snow = Vector3.Lerp(new Vector3(0.82f, 0.87f, 0.95f), new Vector3(0.97f, 0.98f, 1f), n);
            // ski tracks: two faint grooves curving down the slope
            float track = MathF.Abs(x - 1.5f * MathF.Sin(z * 0.2f) - 1f);
            return track is > 0.1f and < 0.2f ? snow * 0.85f : snow;
        }, 0.16f, 90);
        var r = ctx.Random.Fork("pines");
        int n = (int)(30 * ctx.Parameters.Density);
        for (int i = 0; i < n; i++)
        {
            float x = r.Range(-22, 22), z = r.Range(-40, 4);
            if (MathF.Abs(x) < 8 && z > -16) continue;
            Props.Pine(ctx, ctx.Ground.OnGround(x, z), r.Range(5, 9), snow: true, key: "pine" + i);
        }
        var pine = ctx.Ground.OnGround(-5.5f, -5f);
        Props.Pine(ctx, pine, 6.5f, snow: true, key: "landmark pine");
        // Course flags.
        var rng = ctx.Random.Fork("flags");
        var flags = new[] { new Vector2(2.5f, -3f), new Vector2(-1.5f, -8f) };
        for (int i = 0; i < flags.Length; i++)
        {
            var f = ctx.Ground.OnGround(flags[i].X, flags[i].Y);
            b.Rod(f, f + new Vector3(0, 1.8f, 0), 0.025f, 0.03f, new Vector3(0.9f, 0.9f, 0.9f), rng);
            b.Quad(f + new Vector3(0, 1.25f, 0), new Vector3(0.6f, 0, 0), new Vector3(0, 0.5f, 0), 0.04f,
                i == 0 ? new Vector3(0.9f, 0.1f, 0.1f) : new Vector3(0.1f, 0.2f, 0.9f), rng);
        }
        // Far peaks: big rocky cones with snow caps, above and behind the slope.
        var peaks = ctx.Random.Fork("peaks");
        for (int i = 0; i < 5; i++)
        {
            var foot = new Vector3(-70 + i * 35 + peaks.Range(-8, 8), ctx.Ground.HeightAt(0, -90), -90 - peaks.Range(0, 25));
            float h = peaks.Range(30, 50), rad = peaks.Range(30, 40);
            b.Surface((u, v) =>
            {
                float a = u * 2 * MathF.PI, rr = rad * (1 - v) * (0.85f + 0.3f * ValueNoise.At(u * 9, v * 3, seed + (uint)i));
                return foot + new Vector3(rr * MathF.Cos(a), v * h, rr * MathF.Sin(a));
            }, 1.2f, (u, v) => v > 0.55f - 0.1f * ValueNoise.At(u * 20, 0, seed) ? new Vector3(0.95f, 0.96f, 1f) : new Vector3(0.42f, 0.42f, 0.48f),
                peaks, 0.05f, outwardFrom: foot + new Vector3(0, h * 0.3f, 0));
        }
        ctx.Landmark("the top of the slope", ["the top of the hill", "uphill", "the summit", "the top"], 0, -9.5f, 3f);
        ctx.Landmark("the bottom of the slope", ["the foot of the slope", "downhill", "the bottom of the hill"], 0, 4f, 3f);
        ctx.Landmark("the pine tree", ["the tree", "the fir tree", "the snowy tree"], pine.X + 1.2f, pine.Z + 1f, 1.5f);
        ctx.Obstacles.Add(new Obstacle("the pine tree", new Vector2(pine.X, pine.Z), 1.2f));
        ctx.Landmark("the red flag", ["the flag", "the gate", "the ski gate"], flags[0].X, flags[0].Y + 0.5f, 0.3f);
        ctx.Landmark("the blue flag", ["the second flag"], flags[1].X, flags[1].Y + 0.5f, 0.3f);
        ctx.Landmark("the snow", ["the slope", "the piste", "the ski slope"], 0, -1f, 5f);
    }
}
