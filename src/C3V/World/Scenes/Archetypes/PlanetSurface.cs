using System.Numerics;

namespace C3V.World;

/// <summary>
/// The surface of the moon (grey regolith, craters, black starry sky, the Earth, a lander and a flag); "mars",
/// "red/alien planet" descriptions get rusty ground and a dusty salmon sky instead.
/// </summary>
public sealed class PlanetSurface : SceneArchetype
{
    public override string Id => "planet_surface";
    public override IReadOnlyList<string> Labels =>
    [
        "the surface of the moon", "a lunar landscape with craters", "an alien planet surface", "the red surface of mars",
        "outer space on another planet", "astronauts on the moon next to a lander",
    ];

    static readonly string[] MarsWords = ["mars", "martian", "red planet", "alien planet", "desert planet", "red"];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        bool mars = MeansMars(ctx.Description);
        ctx.WalkRect = (-6.5f, 6.5f, -8f, 5f);
        ctx.CameraEye = new Vector3(0, 2.0f, 9.5f);
        ctx.CameraTarget = new Vector3(0, 0.7f, -4f);
        b.Ambient = 0.35f;
        b.Sun = Vector3.Normalize(new Vector3(0.7f, 0.5f, 0.4f));
        var rng = ctx.Random.Fork("planet");
        var center = new Vector3(ctx.CameraEye.X, 0, ctx.CameraEye.Z);
        if (mars)
        {
            ctx.Background = new Vector3(0.78f, 0.6f, 0.48f);
            b.SkyDome(center, 90, (el, _) => Vector3.Lerp(new Vector3(0.85f, 0.66f, 0.52f), new Vector3(0.55f, 0.42f, 0.38f), Math.Clamp(el, 0, 1)), rng);
        }
        else
        {
            ctx.Background = new Vector3(0.01f, 0.01f, 0.02f);
            b.SkyDome(center, 90, (_, _) => new Vector3(0.01f, 0.01f, 0.02f), rng);
            for (int i = 0; i < 500; i++)
            {
                var d = rng.OnSphere();
                if (d.Y < 0.03f) continue;
                float s = rng.Range(0.08f, 0.22f);
                b.Add(center + d * 87, new Vector3(s), Quaternion.Identity, new Vector3(0.9f + rng.Range(0, 0.1f)), rng.Range(0.4f, 1f));
            }
            // The Earth, half lit.
            var earthC = center + Vector3.Normalize(new Vector3(-0.3f, 0.22f, -1f)) * 80;
            b.Ellipsoid(earthC, new Vector3(5.5f), 0.5f, d =>
            {
                float land = ValueNoise.Fbm(d.X * 3 + 5, d.Y * 3 + d.Z * 2, seed, 3);
                var c = land > 0.55f ? new Vector3(0.3f, 0.5f, 0.25f) : new Vector3(0.15f, 0.35f, 0.8f);
                if (ValueNoise.At(d.X * 6, d.Z * 6 + d.Y * 4, seed + 3) > 0.7f) c = new Vector3(0.95f);
                return c * MathF.Max(0.08f, Vector3.Dot(d, Vector3.Normalize(new Vector3(1, 0.3f, 0.6f))));
            }, rng, 0.02f);
        }
        var dust = mars ? new Vector3(0.7f, 0.38f, 0.22f) : new Vector3(0.55f, 0.55f, 0.53f);
        // Craters: shallow bowls with raised rims, away from the walkable middle.
        var craters = new List<(Vector2 C, float R)> { (new Vector2(-4.5f, -6f), 2.2f), (new Vector2(8f, -14f), 4f), (new Vector2(-12f, -22f), 6f), (new Vector2(14f, -4f), 3f) };
        var cr = ctx.Random.Fork("craters");
        for (int i = 0; i < 20; i++) craters.Add((new Vector2(cr.Range(-50, 50), cr.Range(-70, -12)), cr.Range(1.5f, 7f)));
        float Relief(float x, float z)
        {
            float h = 0;
            foreach (var (c, r) in craters)
            {
                float d = Vector2.Distance(new Vector2(x, z), c) / r;
                if (d < 1) h += -0.25f * r * (1 - d * d) * 0.4f;
                else if (d < 1.4f) h += 0.12f * r * MathF.Sin((d - 1) / 0.4f * MathF.PI) * 0.4f;
            }
            return h;
        }
        Props.Field(ctx, (-10, 10, -16, 8), (x, z) =>
        {
            float n = ValueNoise.Fbm(x * 0.4f, z * 0.4f, seed);
            return dust * (0.75f + 0.4f * n);
        }, 0.15f, 85, Relief);
        var r = ctx.Random.Fork("rocks");
        for (int i = 0; i < (int)(20 * ctx.Parameters.Density); i++)
        {
            float x = r.Range(-12, 12), z = r.Range(-20, 5);
            if (MathF.Abs(x) < 4 && z > -6) continue;
            Props.Rock(ctx, new Vector3(x, Relief(x, z), z), new Vector3(r.Range(0.2f, 0.8f), r.Range(0.15f, 0.5f), r.Range(0.2f, 0.8f)), dust * 0.8f, "rock" + i);
        }
        var boulder = new Vector3(-3.2f, 0, 1.2f);
        Props.Rock(ctx, boulder, new Vector3(0.8f, 0.6f, 0.7f), dust * 0.75f, "boulder");
        // Lander: a gold-foil body on four legs; a flag beside it.
        var lander = new Vector3(3.8f, 0, -5.2f);
        var lr = ctx.Random.Fork("lander");
        b.Box(lander + new Vector3(0, 0.9f, 0), new Vector3(1.8f, 1.1f, 1.8f), 0.4f, 0.06f, new Vector3(0.85f, 0.68f, 0.25f), lr, 0.12f);
        b.Box(lander + new Vector3(0, 2f, 0), new Vector3(1.4f, 0.9f, 1.4f), 0.4f, 0.06f, new Vector3(0.8f, 0.8f, 0.82f), lr);
        foreach (var (dx, dz) in new[] { (1.3f, 1.3f), (-1.3f, 1.3f), (1.3f, -1.3f), (-1.3f, -1.3f) })
        {
            b.Rod(lander + new Vector3(dx * 0.6f, 1f, dz * 0.6f), lander + new Vector3(dx, 0.05f, dz), 0.05f, 0.04f, new Vector3(0.75f, 0.75f, 0.78f), lr);
            b.Disc(lander + new Vector3(dx, 0.04f, dz), 0.2f, 0.05f, new Vector3(0.75f, 0.75f, 0.78f), lr);
        }
        var flag = new Vector3(1.5f, 0, -3.8f);
        b.Rod(flag, flag + new Vector3(0, 1.9f, 0), 0.02f, 0.03f, new Vector3(0.9f, 0.9f, 0.9f), lr);
        b.Quad(flag + new Vector3(0, 1.3f, 0), new Vector3(0.9f, 0, 0), new Vector3(0, 0.55f, 0), 0.04f,
            (u, v) => v > 0.3f && u < 0.35f ? new Vector3(0.1f, 0.15f, 0.5f) : ((int)(v / 0.08f) % 2 == 0 ? new Vector3(0.8f, 0.1f, 0.1f) : new Vector3(0.95f)), lr);

        ctx.Landmark("the crater", ["the big crater", "the hole", "the pit"], craters[0].C.X + craters[0].R + 0.3f, craters[0].C.Y + 0.8f, craters[0].R);
        ctx.Landmark("the lander", ["the spaceship", "the rocket", "the lunar module", "the spacecraft"], lander.X - 0.5f, lander.Z + 2f, 1.6f);
        ctx.Obstacles.Add(new Obstacle("the lander", new Vector2(lander.X, lander.Z), 1.7f));
        ctx.Landmark("the flag", ["the flagpole"], flag.X, flag.Z + 0.5f, 0.3f);
        ctx.Landmark("the boulder", ["the rock", "the big rock", "the stone"], boulder.X + 0.4f, boulder.Z + 1f, 0.8f, 0.8f);
    }

    /// <summary>True when a description asks for Mars or another red planet rather than the moon.</summary>
    public static bool MeansMars(string description)
    {
        string t = " " + Tokenizer.Join(Tokenizer.Words(description)) + " ";
        return MarsWords.Any(w => t.Contains(" " + w + " ")) && !t.Contains(" moon ");
    }
}
