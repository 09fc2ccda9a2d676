using System.Numerics;

namespace C3V.World;

/// <summary>
/// Pieces shared by the castle archetypes (courtyard and hall): coursed stone masonry, crenellations,
/// wall torches and hanging banners. Sizes are metres.
/// </summary>
static class CastleParts
{
    /// <summary>
    /// Colour of coursed ashlar masonry at (u, v) metres on a wall: blocks 0.9 × 0.45 m, every other course
    /// offset by half a block, darker mortar joints and a per-block tone.
    /// </summary>
    public static Vector3 Masonry(Vector3 stone, float u, float v, uint seed)
    {
        const float bw = 0.9f, bh = 0.45f;
        float row = MathF.Floor(v / bh);
        float uu = u + (row % 2 == 0 ? 0 : bw / 2);
        float col = MathF.Floor(uu / bw);
        float fu = uu - col * bw, fv = v - row * bh;
        if (fu < 0.04f || fv < 0.04f) return stone * 0.62f;
        float tone = 0.82f + 0.3f * ValueNoise.At(col * 1.7f + 0.3f, row * 2.3f + 0.7f, seed);
        return stone * tone * (0.95f + 0.08f * ValueNoise.At(u * 5, v * 5, seed + 1));
    }

    /// <summary>Irregular flagstone paving at world (x, z): blocks of 1.1 × 0.8 m in staggered rows, dark joints.</summary>
    public static Vector3 Flagstones(Vector3 stone, float x, float z, uint seed)
    {
        float row = MathF.Floor(z / 0.8f);
        float xx = x + ValueNoise.At(row * 3.1f, 0.5f, seed) * 1.1f;
        float col = MathF.Floor(xx / 1.1f);
        float fx = xx - col * 1.1f, fz = z - row * 0.8f;
        if (fx < 0.04f || fz < 0.04f) return stone * 0.55f;
        return stone * (0.8f + 0.3f * ValueNoise.At(col * 2.1f, row * 1.3f, seed + 2)) * (0.95f + 0.08f * ValueNoise.At(x * 4, z * 4, seed + 3));
    }

    /// <summary>A masonry wall box (standing on <paramref name="foot"/>, axis-aligned) with merlons along its top.</summary>
    public static void Wall(SceneContext ctx, Vector3 foot, Vector3 size, Vector3 stone, string key, Func<int, float, float, Vector3?>? openings = null)
    {
        uint seed = ctx.NoiseSeed;
        var rng = ctx.Random.Fork(key);
        float spacing = 0.12f * ctx.Lod(foot + new Vector3(0, size.Y / 2, 0));
        ctx.Builder.Box(foot, size, 0, spacing, (face, u, v) => openings?.Invoke(face, u, v) ?? Masonry(stone, u, v, seed + (uint)face), rng, 0.03f);
        // Merlons: 0.7 m blocks with 0.6 m gaps along the longer horizontal side.
        bool alongX = size.X >= size.Z;
        float len = alongX ? size.X : size.Z;
        int n = (int)(len / 1.3f);
        for (int i = 0; i < n; i++)
        {
            float o = -len / 2 + (i + 0.5f) * len / n;
            var p = foot + (alongX ? new Vector3(o, size.Y, 0) : new Vector3(0, size.Y, o));
            var m = alongX ? new Vector3(0.7f, 0.7f, size.Z) : new Vector3(size.X, 0.7f, 0.7f);
            ctx.Builder.Box(p, m, 0, spacing, (face, u, v) => Masonry(stone, u, v, seed + 11), rng, 0.03f);
        }
    }

    /// <summary>
    /// A torch on a bracket at <paramref name="mount"/> sticking out along <paramref name="outward"/>; its flame
    /// glows (drawn untinted and bright) so it reads as a light even in a dark scene.
    /// </summary>
    public static void Torch(SceneContext ctx, Vector3 mount, Vector3 outward)
    {
        var rng = ctx.Random.Fork("torch" + mount);
        var b = ctx.Builder;
        var tip = mount + outward * 0.3f + new Vector3(0, 0.35f, 0);
        b.Rod(mount, tip, 0.04f, 0.03f, new Vector3(0.22f, 0.16f, 0.1f), rng);
        var tint = b.Tint;
        b.Tint = new Vector3(1.9f);
        b.Ellipsoid(tip + new Vector3(0, 0.14f, 0), new Vector3(0.09f, 0.18f, 0.09f), 0.025f, d => new Vector3(1f, 0.62f + 0.3f * d.Y, 0.2f), rng, 0.05f);
        b.Tint = tint;
    }

    /// <summary>A banner hanging flat against a wall: top edge centred at <paramref name="top"/>, cloth along +X, a pale stripe and a swallow-tailed bottom.</summary>
    public static void Banner(SceneContext ctx, Vector3 top, float width, float height, Vector3 normal, Vector3 cloth)
    {
        var rng = ctx.Random.Fork("banner" + top);
        var across = Vector3.Normalize(Vector3.Cross(Vector3.UnitY, normal)) * width;
        var origin = top - across / 2 - new Vector3(0, height, 0);
        ctx.Builder.Surface((a, c) => origin + a * across + new Vector3(0, c * height, 0) + normal * 0.03f, 0.05f,
            (a, c) => MathF.Abs(a - 0.5f) < 0.08f ? new Vector3(0.9f, 0.75f, 0.3f) : cloth * (0.85f + 0.15f * c), rng, 0.03f,
            skip: (a, c) => c < 0.15f * (1 - MathF.Abs(2 * a - 1)), // V-shaped notch at the bottom
            outwardFrom: top - normal - new Vector3(0, height / 2, 0));
    }
}
