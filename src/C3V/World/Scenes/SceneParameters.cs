using System.Numerics;

namespace C3V.World;

public enum TimeOfDay { Day, Sunset, Night }

/// <summary>
/// The knobs every archetype understands, read from the description by deterministic parsing:
/// size ("huge", "small"), time of day ("at night", "sunset"), density ("dense", "sparse"), an accent colour
/// (the first colour word, e.g. "a red cabin") and a stylised palette ("anime", "cartoon").
/// </summary>
public sealed record SceneParameters
{
    /// <summary>Scale of the surroundings relative to the archetype's default (0.6..1.6).</summary>
    public float Size { get; init; } = 1f;
    public TimeOfDay TimeOfDay { get; init; } = TimeOfDay.Day;
    /// <summary>How many props (trees, rocks, buildings…) relative to the default (0.4..2).</summary>
    public float Density { get; init; } = 1f;
    /// <summary>Colour named in the description, used for the archetype's main prop; null for its default.</summary>
    public Vector3? Accent { get; init; }
    /// <summary>Saturated, flat "anime/cartoon" palette.</summary>
    public bool Stylized { get; init; }

    public static SceneParameters Default { get; } = new();

    static readonly string[] NightWords = ["night", "nighttime", "midnight", "dark", "moonlit", "starry", "evening"];
    static readonly string[] SunsetWords = ["sunset", "sunrise", "dusk", "dawn", "twilight", "golden hour"];
    static readonly string[] DenseWords = ["dense", "lush", "crowded", "busy", "thick", "overgrown", "full"];
    static readonly string[] SparseWords = ["sparse", "empty", "bare", "deserted", "abandoned", "lonely", "minimal"];
    static readonly string[] StyleWords = ["anime", "cartoon", "manga", "stylized", "stylised", "toon", "cel", "ghibli"];

    public static SceneParameters Parse(string description)
    {
        var words = Tokenizer.Words(description ?? "");
        string joined = " " + Tokenizer.Join(words) + " ";
        bool Any(string[] list) => list.Any(w => joined.Contains(" " + w + " "));
        var attrs = AttributeExtractor.Extract(description ?? "");
        float size = attrs.Size is { } s ? Math.Clamp(0.6f + 0.4f * s.Value, 0.6f, 1.6f) : 1f;
        return new SceneParameters
        {
            Size = size,
            TimeOfDay = Any(SunsetWords) ? TimeOfDay.Sunset : Any(NightWords) ? TimeOfDay.Night : TimeOfDay.Day,
            Density = Any(DenseWords) ? 1.7f : Any(SparseWords) ? 0.5f : 1f,
            // Colour words that also name a material ("sandy beach", "golden sand", "snowy") describe the place,
            // not a prop to recolour.
            Accent = attrs.Colors.Where(c => AttributeVocabulary.Find(AttributeKind.Material, c.Name) == null)
                .Select(c => (Vector3?)c.Rgb).FirstOrDefault(),
            Stylized = Any(StyleWords),
        };
    }
}
