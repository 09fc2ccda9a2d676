using System.Numerics;

namespace C3V.World;

/// <summary>A modern white villa on a stone terrace with a swimming pool, above the sea.</summary>
public sealed class SeasideVilla : SceneArchetype
{
    public override string Id => "seaside_villa";
    public override IReadOnlyList<string> Labels =>
    [
        "a modern villa by the sea with a swimming pool", "a luxury house with a pool and an ocean view",
        "a poolside terrace of a mansion", "a holiday villa on the coast", "a swimming pool next to a white house",
        "a resort with a pool overlooking the ocean",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        ctx.WalkRect = (-7f, 7f, -10f, 5f);
        ctx.CameraEye = new Vector3(1.5f, 3.0f, 9.5f);
        ctx.CameraTarget = new Vector3(-0.5f, 1.0f, -4f);
        Props.Sky(ctx, new Vector3(0.72f, 0.86f, 0.97f), new Vector3(0.2f, 0.48f, 0.9f));
        var rng = ctx.Random.Fork("terrace");
        // Pool: a blue rectangle sunk 5 cm, with a light stone coping; the terrace skips it.
        float px0 = -0.5f, px1 = 5.5f, pz0 = -5.5f, pz1 = -1.2f;
        bool InPool(float x, float z) => x > px0 && x < px1 && z > pz0 && z < pz1;
        float terraceEnd = -11f;
        b.Ground(-12, 12, terraceEnd, 8, 0.15f, ctx.Ground, (x, z) =>
        {
            bool joint = MathF.Abs(x % 1.2f) < 0.03f || MathF.Abs(z % 1.2f) < 0.03f;
            var stone = new Vector3(0.86f, 0.82f, 0.74f) * (0.95f + 0.06f * ValueNoise.At(x * 0.8f, z * 0.8f, seed));
            bool coping = x > px0 - 0.35f && x < px1 + 0.35f && z > pz0 - 0.35f && z < pz1 + 0.35f;
            return coping ? new Vector3(0.95f, 0.94f, 0.9f) : joint ? stone * 0.8f : stone;
        }, rng, InPool);
        var water = ctx.Parameters.Accent ?? new Vector3(0.15f, 0.62f, 0.82f);
        b.Ground(px0, px1, pz0, pz1, 0.12f, new GroundPlane(-0.05f), (x, z) =>
            water * (0.85f + 0.3f * ValueNoise.Fbm(x * 1.5f, z * 1.5f, seed + 3)), rng);
        // Sea: a wide plane below the terrace edge out to the horizon, with a glass railing at the edge.
        b.Ground(-120, 120, -160, terraceEnd, 1.2f, new GroundPlane(-3f), (x, z) =>
            Vector3.Lerp(new Vector3(0.05f, 0.3f, 0.5f), new Vector3(0.2f, 0.5f, 0.68f), ValueNoise.Fbm(x * 0.1f, z * 0.05f, seed + 5)), rng);
        b.Quad(new Vector3(-12, -3f, terraceEnd), new Vector3(24, 0, 0), new Vector3(0, 3f, 0), 0.3f, new Vector3(0.8f, 0.76f, 0.66f), rng);
        b.Quad(new Vector3(-12, 0, terraceEnd + 0.05f), new Vector3(24, 0, 0), new Vector3(0, 1f, 0), 0.12f, new Vector3(0.7f, 0.82f, 0.85f), rng);
        // Villa: stacked white boxes with wide dark glazing on the front, a flat roof, a door.
        var villa = new Vector3(-5.6f, 0, -6.5f);
        var size = new Vector3(7f, 3.2f, 5f);
        float doorU = 2.0f;
        b.Box(villa, size, 0, 0.1f, (face, u, v) =>
        {
            if (face == 4 && u > doorU && u < doorU + 1.1f && v < 2.3f) return new Vector3(0.32f, 0.22f, 0.15f);
            if (face is 4 or 0 && v > 0.5f && v < 2.8f && u > 3.5f && u < size.X - 0.4f) return new Vector3(0.18f, 0.28f, 0.36f);
            return new Vector3(0.95f, 0.95f, 0.93f);
        }, ctx.Random.Fork("villa"));
        b.Box(villa + new Vector3(1.2f, 3.2f, -0.8f), new Vector3(5f, 2.6f, 3.6f), 0, 0.1f, (face, u, v) =>
            face is 4 && v > 0.4f && v < 2.2f && u > 0.4f && u < 4.6f ? new Vector3(0.2f, 0.3f, 0.38f) : new Vector3(0.95f, 0.95f, 0.93f),
            ctx.Random.Fork("villa2"));
        float doorX = villa.X - size.X / 2 + doorU + 0.55f, frontZ = villa.Z + size.Z / 2;
        ctx.Obstacles.Add(new Obstacle("the villa", new Vector2(villa.X, villa.Z), 4f));
        // Palms and loungers.
        foreach (var p in new[] { new Vector3(6.4f, 0, -7.4f), new Vector3(-8.5f, 0, 1.5f) }) Palm(ctx, p, 6.5f);
        // Loungers at the right end of the pool's near side, leaving its left half free to stand by.
        for (int i = 0; i < 2; i++)
        {
            var l = new Vector3(px1 - 2.6f + i * 1.4f, 0, pz1 + 1.4f);
            b.Box(l, new Vector3(0.7f, 0.35f, 1.9f), 0, 0.05f, new Vector3(0.95f, 0.95f, 0.95f), ctx.Random.Fork("lounger" + i));
            ctx.Obstacles.Add(new Obstacle("the sun lounger", new Vector2(l.X, l.Z), 1f));
        }

        ctx.Landmark("the pool", ["the swimming pool", "the water", "the poolside"], px0 + 1.6f, pz1 + 0.6f, 2.4f);
        // The pool is a 6 × 4.3 m rectangle: a 3 × 2 grid of discs covers it, corners included.
        for (int i = 0; i < 3; i++)
            foreach (float z in new[] { pz0 + 1.1f, pz1 - 1.1f })
                ctx.Obstacles.Add(new Obstacle("the pool", new Vector2(px0 + 1f + i * 2f, z), 1.5f));
        ctx.Landmark("the villa", ["the house", "the mansion", "the building"], villa.X, frontZ + 0.8f, 3.5f);
        ctx.Landmark("the door", ["the villa's door", "the front door", "the entrance"], doorX, frontZ + 0.5f, 0.5f);
        ctx.Landmark("the sea", ["the ocean", "the railing", "the edge of the terrace", "the view"], 2f, terraceEnd + 0.8f, 8f);
        ctx.Landmark("the terrace", ["the patio", "the deck"], -1.5f, 1.5f, 4f);
        ctx.Landmark("the sun lounger", ["the lounger", "the deck chair", "the sunbed"], px1 - 1.9f, pz1 + 2.8f, 1f);
        ctx.Landmark("the palm tree", ["the palm", "the tree"], 6.0f, -6.4f, 0.5f);
    }

    /// <summary>A palm: a slightly curved trunk and drooping fronds.</summary>
    internal static void Palm(SceneContext ctx, Vector3 foot, float height)
    {
        var rng = ctx.Random.Fork("palm" + foot);
        var b = ctx.Builder;
        Vector3 Trunk(float t) => foot + new Vector3(0.5f * t * t, height * t, 0.2f * t * t);
        b.Surface((u, v) =>
        {
            float a = u * 2 * MathF.PI, r = 0.18f - 0.06f * v;
            return Trunk(v) + new Vector3(r * MathF.Cos(a), 0, r * MathF.Sin(a));
        }, 0.07f, (_, v) => new Vector3(0.5f, 0.4f, 0.28f) * (0.8f + 0.2f * MathF.Abs(MathF.Sin(v * 40))), rng, 0.05f, outwardFrom: Trunk(0.5f));
        var top = Trunk(1);
        for (int k = 0; k < 8; k++)
        {
            float ang = k / 8f * 2 * MathF.PI + rng.Range(-0.2f, 0.2f);
            var dir = new Vector3(MathF.Cos(ang), 0, MathF.Sin(ang));
            var side = Vector3.Cross(dir, Vector3.UnitY);
            b.Surface((u, v) =>
            {
                float len = v * 2.6f;
                var c = top + dir * len + new Vector3(0, 0.6f * v - 1.6f * v * v, 0);
                return c + side * (u - 0.5f) * 0.7f * MathF.Sin(MathF.PI * MathF.Min(1, v * 1.1f));
            }, 0.08f, (_, v) => new Vector3(0.2f, 0.5f, 0.15f) * (0.8f + 0.3f * v), rng, 0.1f, outwardFrom: top - new Vector3(0, 1, 0));
        }
    }
}
