using System.Numerics;
using C3V.World;

namespace C3V.Actors.Looks;

/// <summary>
/// Decides whether a measured pixel colour shows a named colour. Baked lighting darkens or brightens a surface by a
/// factor (about 0.6–1.1), so a candidate colour is compared at its best shading factor, in CIELAB (ΔE). The named
/// colour wins when no clearly different basic colour (ΔE &gt; 25 from it) explains the pixels better.
/// </summary>
public static class ColorJudge
{
    /// <summary>Basic colours a measured colour could also be, plus the range of skin tones.</summary>
    static readonly (string Name, Vector3 Rgb)[] Basics =
    [
        ("red", new(0.8f, 0.1f, 0.1f)), ("orange", new(0.95f, 0.5f, 0.1f)), ("yellow", new(0.95f, 0.85f, 0.15f)),
        ("green", new(0.15f, 0.6f, 0.2f)), ("blue", new(0.15f, 0.3f, 0.8f)), ("navy", new(0.05f, 0.08f, 0.35f)),
        ("purple", new(0.5f, 0.15f, 0.6f)), ("pink", new(0.95f, 0.55f, 0.7f)), ("brown", new(0.45f, 0.28f, 0.12f)),
        ("black", new(0.05f, 0.05f, 0.05f)), ("white", new(0.95f, 0.95f, 0.95f)), ("grey", new(0.5f, 0.5f, 0.5f)),
        ("skin", new(0.96f, 0.80f, 0.69f)), ("skin", new(0.84f, 0.64f, 0.50f)), ("skin", new(0.55f, 0.37f, 0.25f)),
        ("skin", new(0.40f, 0.26f, 0.18f)),
    ];

    /// <summary>
    /// RGB of an expected colour word: a colour name of <see cref="ColorNames"/>, or "skin" (any of the skin tones).
    /// Null when the word is neither.
    /// </summary>
    public static Vector3[]? Expected(string word)
    {
        if (word == "gray") word = "grey";
        if (word == "silver") return [new(0.75f, 0.76f, 0.78f)];
        // A basic colour word means its basic entries as well as the table's shade of it ("navy": both navies).
        var basics = Basics.Where(b => b.Name == word).Select(b => b.Rgb);
        var named = ColorNames.TryGet(word, out var c) ? [c.Rgb] : Array.Empty<Vector3>();
        var all = basics.Concat(named).ToArray();
        return all.Length > 0 ? all : null;
    }

    /// <summary>Whether <paramref name="measured"/> shows <paramref name="expected"/> (one of its RGB variants).</summary>
    public static bool Shows(Vector3 measured, Vector3[] expected)
    {
        float own = expected.Min(e => Distance(measured, e));
        foreach (var (_, rgb) in Basics)
        {
            if (expected.Any(e => DeltaE(Lab(e), Lab(rgb)) <= 25)) continue;
            if (Distance(measured, rgb) < own) return false;
        }
        return true;
    }

    /// <summary>The nearest basic colour name (for reports).</summary>
    public static string Describe(Vector3 measured) => Basics.MinBy(b => Distance(measured, b.Rgb)).Name;

    /// <summary>ΔE between the measured colour and the candidate at the candidate's best shading factor.</summary>
    static float Distance(Vector3 measured, Vector3 candidate)
    {
        var m = Lab(measured);
        float best = float.PositiveInfinity;
        for (float s = 0.6f; s <= 1.101f; s += 0.05f)
            best = MathF.Min(best, DeltaE(m, Lab(Vector3.Clamp(candidate * s, Vector3.Zero, Vector3.One))));
        return best;
    }

    static float DeltaE(Vector3 a, Vector3 b) => Vector3.Distance(a, b);

    /// <summary>CIELAB (D65) of a display sRGB colour.</summary>
    public static Vector3 Lab(Vector3 srgb)
    {
        float r = MaterialTexture.SrgbToLinear(Math.Clamp(srgb.X, 0, 1));
        float g = MaterialTexture.SrgbToLinear(Math.Clamp(srgb.Y, 0, 1));
        float b = MaterialTexture.SrgbToLinear(Math.Clamp(srgb.Z, 0, 1));
        float x = (0.4124f * r + 0.3576f * g + 0.1805f * b) / 0.95047f;
        float y = 0.2126f * r + 0.7152f * g + 0.0722f * b;
        float z = (0.0193f * r + 0.1192f * g + 0.9505f * b) / 1.08883f;
        static float F(float t) => t > 0.008856f ? MathF.Cbrt(t) : 7.787f * t + 16f / 116f;
        float fx = F(x), fy = F(y), fz = F(z);
        return new Vector3(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }
}
