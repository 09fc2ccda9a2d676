using System.Numerics;

namespace C3V.World;

/// <summary>
/// Deterministic random numbers for scene generation (SplitMix64), independent of the runtime's
/// <see cref="Random"/> implementation so a seed gives the same scene on every .NET version. <see cref="Fork"/>
/// derives an independent stream per prop, so adding one prop does not move all the others.
/// </summary>
public sealed class SceneRandom(ulong seed)
{
    ulong _state = seed;

    public SceneRandom Fork(string name)
    {
        ulong h = 1469598103934665603UL;
        foreach (char c in name) h = (h ^ c) * 1099511628211UL;
        return new SceneRandom(Mix(_state ^ h));
    }

    public ulong NextULong() => Mix(_state += 0x9E3779B97F4A7C15UL);

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public float Next() => (NextULong() >> 40) * (1f / (1UL << 24));
    public float Range(float min, float max) => min + (max - min) * Next();
    public int Int(int minInclusive, int maxExclusive) => minInclusive + (int)(Next() * (maxExclusive - minInclusive));
    /// <summary>Standard normal (Box–Muller).</summary>
    public float Normal()
    {
        float u = MathF.Max(Next(), 1e-7f), v = Next();
        return MathF.Sqrt(-2f * MathF.Log(u)) * MathF.Cos(2f * MathF.PI * v);
    }
    /// <summary>Uniform direction on the unit sphere.</summary>
    public Vector3 OnSphere()
    {
        float z = Range(-1, 1), a = Range(0, 2 * MathF.PI), r = MathF.Sqrt(1 - z * z);
        return new Vector3(r * MathF.Cos(a), z, r * MathF.Sin(a));
    }
    /// <summary><paramref name="rgb"/> with its brightness and each channel jittered by about <paramref name="amount"/>.</summary>
    public Vector3 Jitter(Vector3 rgb, float amount)
    {
        float k = 1 + amount * Normal();
        var c = rgb * k + new Vector3(Normal(), Normal(), Normal()) * (amount * 0.3f);
        return Vector3.Clamp(c, Vector3.Zero, Vector3.One);
    }
}

/// <summary>Smooth deterministic 2D value noise (and its fractal sum) for ground and sky variation.</summary>
public static class ValueNoise
{
    static float Hash(int x, int y, uint seed)
    {
        uint h = (uint)x * 374761393u + (uint)y * 668265263u + seed * 2246822519u;
        h = (h ^ (h >> 13)) * 1274126177u;
        return ((h ^ (h >> 16)) & 0xFFFFFF) / (float)0xFFFFFF;
    }

    /// <summary>Noise in [0, 1] with features about one unit apart.</summary>
    public static float At(float x, float y, uint seed)
    {
        int xi = (int)MathF.Floor(x), yi = (int)MathF.Floor(y);
        float fx = x - xi, fy = y - yi;
        float sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
        float a = Hash(xi, yi, seed), b = Hash(xi + 1, yi, seed), c = Hash(xi, yi + 1, seed), d = Hash(xi + 1, yi + 1, seed);
        return a + (b - a) * sx + (c - a) * sy + (a - b - c + d) * sx * sy;
    }

    /// <summary>Fractal sum of <paramref name="octaves"/> octaves, in [0, 1].</summary>
    public static float Fbm(float x, float y, uint seed, int octaves = 3)
    {
        float sum = 0, amp = 1, norm = 0;
        for (int o = 0; o < octaves; o++)
        {
            sum += amp * At(x, y, seed + (uint)o * 101u);
            norm += amp;
            amp *= 0.5f; x *= 2.03f; y *= 2.03f;
        }
        return sum / norm;
    }
}
