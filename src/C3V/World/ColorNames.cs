using System.Globalization;
using System.Numerics;

namespace C3V.World;

/// <summary>A named colour: display (sRGB) components in 0..1 and the basic colour family it belongs to.</summary>
/// <param name="Family">One of <see cref="ColorNames.Families"/>, e.g. "red" for crimson, so callers can explain
/// or group shades ("crimson" → red).</param>
public readonly record struct NamedColor(string Name, Vector3 Rgb, string Family);

/// <summary>
/// The project's single colour table: colour words (single words and common two-word names such as
/// "navy blue", "forest green") to display RGB in 0..1, as splat DC colours and <see cref="Output.Image"/>
/// pixels use them. Also parses modifiers ("dark", "light", "pale", "bright", "deep", "pastel"), hyphenated and
/// "-ish" forms ("sky-blue", "reddish") and hex codes ("#ff8800").
/// </summary>
/// <remarks>Values follow the usual web/X11 colour definitions where a name has one, rounded to two decimals
/// of 0..1; the family assignments are ours.</remarks>
public static class ColorNames
{
    /// <summary>The basic colour families every named colour maps onto.</summary>
    public static readonly IReadOnlyList<string> Families =
        ["red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white", "gray"];

    static readonly NamedColor[] Table =
    [
        // reds
        C("red", 0.86f, 0.10f, 0.10f, "red"), C("crimson", 0.86f, 0.08f, 0.24f, "red"),
        C("scarlet", 1.00f, 0.14f, 0.00f, "red"), C("maroon", 0.50f, 0.00f, 0.00f, "red"),
        C("burgundy", 0.50f, 0.00f, 0.13f, "red"), C("cherry", 0.82f, 0.12f, 0.23f, "red"),
        C("ruby", 0.88f, 0.07f, 0.37f, "red"), C("wine", 0.45f, 0.18f, 0.22f, "red"),
        C("brick", 0.70f, 0.13f, 0.13f, "red"), C("rust", 0.72f, 0.25f, 0.05f, "red"),
        C("vermilion", 0.89f, 0.26f, 0.20f, "red"), C("blood red", 0.54f, 0.01f, 0.01f, "red"),
        // oranges
        C("orange", 1.00f, 0.55f, 0.00f, "orange"), C("tangerine", 0.95f, 0.52f, 0.00f, "orange"),
        C("coral", 1.00f, 0.50f, 0.31f, "orange"), C("peach", 1.00f, 0.80f, 0.64f, "orange"),
        C("apricot", 0.98f, 0.81f, 0.69f, "orange"), C("amber", 1.00f, 0.75f, 0.00f, "orange"),
        C("copper", 0.72f, 0.45f, 0.20f, "orange"), C("salmon", 0.98f, 0.50f, 0.45f, "orange"),
        C("terracotta", 0.89f, 0.45f, 0.36f, "orange"), C("pumpkin", 1.00f, 0.46f, 0.09f, "orange"),
        // yellows
        C("yellow", 1.00f, 0.90f, 0.10f, "yellow"), C("gold", 1.00f, 0.84f, 0.00f, "yellow"),
        C("golden", 0.85f, 0.65f, 0.13f, "yellow"), C("lemon", 1.00f, 0.97f, 0.00f, "yellow"),
        C("mustard", 0.88f, 0.68f, 0.13f, "yellow"), C("canary", 1.00f, 0.94f, 0.40f, "yellow"),
        C("blonde", 0.98f, 0.94f, 0.75f, "yellow"), C("blond", 0.98f, 0.94f, 0.75f, "yellow"),
        C("straw", 0.89f, 0.85f, 0.44f, "yellow"), C("butter", 1.00f, 0.93f, 0.55f, "yellow"),
        // greens
        C("green", 0.13f, 0.55f, 0.13f, "green"), C("lime", 0.20f, 0.80f, 0.20f, "green"),
        C("olive", 0.50f, 0.50f, 0.00f, "green"), C("emerald", 0.31f, 0.78f, 0.47f, "green"),
        C("jade", 0.00f, 0.66f, 0.42f, "green"), C("mint", 0.60f, 1.00f, 0.60f, "green"),
        C("sage", 0.70f, 0.74f, 0.60f, "green"), C("khaki", 0.76f, 0.69f, 0.57f, "green"),
        C("forest green", 0.13f, 0.55f, 0.13f, "green"), C("dark green", 0.00f, 0.39f, 0.00f, "green"),
        C("army green", 0.29f, 0.33f, 0.13f, "green"), C("moss", 0.54f, 0.60f, 0.36f, "green"),
        C("teal", 0.00f, 0.50f, 0.50f, "green"), C("chartreuse", 0.50f, 1.00f, 0.00f, "green"),
        C("pine", 0.00f, 0.47f, 0.44f, "green"), C("grass green", 0.35f, 0.65f, 0.20f, "green"),
        // blues
        C("blue", 0.12f, 0.30f, 0.85f, "blue"), C("navy", 0.00f, 0.00f, 0.50f, "blue"),
        C("navy blue", 0.00f, 0.00f, 0.50f, "blue"), C("sky blue", 0.53f, 0.81f, 0.92f, "blue"),
        C("royal blue", 0.25f, 0.41f, 0.88f, "blue"), C("baby blue", 0.54f, 0.81f, 0.94f, "blue"),
        C("azure", 0.00f, 0.50f, 1.00f, "blue"), C("cobalt", 0.00f, 0.28f, 0.67f, "blue"),
        C("cyan", 0.00f, 0.90f, 0.90f, "blue"), C("turquoise", 0.25f, 0.88f, 0.82f, "blue"),
        C("aqua", 0.00f, 0.85f, 0.85f, "blue"), C("indigo", 0.29f, 0.00f, 0.51f, "blue"),
        C("sapphire", 0.06f, 0.32f, 0.73f, "blue"), C("denim", 0.08f, 0.38f, 0.74f, "blue"),
        C("steel blue", 0.27f, 0.51f, 0.71f, "blue"), C("cerulean", 0.00f, 0.48f, 0.65f, "blue"),
        C("midnight blue", 0.10f, 0.10f, 0.44f, "blue"), C("ice blue", 0.60f, 0.90f, 0.96f, "blue"),
        // purples
        C("purple", 0.50f, 0.00f, 0.50f, "purple"), C("violet", 0.56f, 0.00f, 1.00f, "purple"),
        C("lavender", 0.71f, 0.49f, 0.86f, "purple"), C("lilac", 0.78f, 0.64f, 0.78f, "purple"),
        C("plum", 0.56f, 0.27f, 0.52f, "purple"), C("mauve", 0.88f, 0.69f, 1.00f, "purple"),
        C("magenta", 1.00f, 0.00f, 1.00f, "purple"), C("amethyst", 0.60f, 0.40f, 0.80f, "purple"),
        C("eggplant", 0.38f, 0.25f, 0.32f, "purple"), C("orchid", 0.85f, 0.44f, 0.84f, "purple"),
        // pinks
        C("pink", 1.00f, 0.60f, 0.75f, "pink"), C("hot pink", 1.00f, 0.41f, 0.71f, "pink"),
        C("rose", 1.00f, 0.00f, 0.50f, "pink"), C("fuchsia", 1.00f, 0.00f, 0.65f, "pink"),
        C("blush", 0.87f, 0.36f, 0.51f, "pink"), C("bubblegum", 1.00f, 0.76f, 0.80f, "pink"),
        C("raspberry", 0.89f, 0.04f, 0.36f, "pink"),
        // browns
        C("brown", 0.45f, 0.27f, 0.13f, "brown"), C("beige", 0.96f, 0.96f, 0.86f, "brown"),
        C("tan", 0.82f, 0.71f, 0.55f, "brown"), C("chocolate", 0.48f, 0.25f, 0.00f, "brown"),
        C("coffee", 0.44f, 0.31f, 0.22f, "brown"), C("caramel", 0.76f, 0.52f, 0.25f, "brown"),
        C("chestnut", 0.58f, 0.27f, 0.21f, "brown"), C("mahogany", 0.75f, 0.25f, 0.00f, "brown"),
        C("bronze", 0.80f, 0.50f, 0.20f, "brown"), C("sand", 0.76f, 0.70f, 0.50f, "brown"),
        C("sandy", 0.96f, 0.64f, 0.38f, "brown"), C("taupe", 0.28f, 0.24f, 0.20f, "brown"),
        C("camel", 0.76f, 0.60f, 0.42f, "brown"), C("ochre", 0.80f, 0.47f, 0.13f, "brown"),
        C("umber", 0.39f, 0.32f, 0.28f, "brown"), C("sepia", 0.44f, 0.26f, 0.08f, "brown"),
        C("walnut", 0.36f, 0.25f, 0.18f, "brown"), C("hazel", 0.56f, 0.46f, 0.24f, "brown"),
        C("auburn", 0.65f, 0.16f, 0.16f, "brown"), C("brunette", 0.23f, 0.14f, 0.08f, "brown"),
        // neutrals
        C("black", 0.04f, 0.04f, 0.04f, "black"), C("jet", 0.05f, 0.05f, 0.05f, "black"),
        C("ebony", 0.08f, 0.07f, 0.06f, "black"), C("onyx", 0.06f, 0.06f, 0.07f, "black"),
        C("charcoal", 0.21f, 0.27f, 0.31f, "gray"), C("white", 0.96f, 0.96f, 0.96f, "white"),
        C("ivory", 1.00f, 1.00f, 0.94f, "white"), C("cream", 1.00f, 0.99f, 0.82f, "white"),
        C("snow", 1.00f, 0.98f, 0.98f, "white"), C("pearl", 0.92f, 0.92f, 0.87f, "white"),
        C("off white", 0.95f, 0.94f, 0.90f, "white"), C("eggshell", 0.94f, 0.92f, 0.84f, "white"),
        C("gray", 0.50f, 0.50f, 0.50f, "gray"), C("grey", 0.50f, 0.50f, 0.50f, "gray"),
        C("silver", 0.75f, 0.75f, 0.75f, "gray"), C("slate", 0.44f, 0.50f, 0.56f, "gray"),
        C("ash", 0.70f, 0.75f, 0.71f, "gray"), C("graphite", 0.25f, 0.25f, 0.27f, "gray"),
        C("stone", 0.55f, 0.53f, 0.50f, "gray"), C("pewter", 0.59f, 0.61f, 0.59f, "gray"),
        C("smoke", 0.45f, 0.51f, 0.46f, "gray"), C("platinum", 0.90f, 0.89f, 0.89f, "gray"),
    ];

    static readonly Dictionary<string, NamedColor> ByName = BuildIndex();

    static NamedColor C(string name, float r, float g, float b, string family) => new(name, new Vector3(r, g, b), family);

    static Dictionary<string, NamedColor> BuildIndex()
    {
        var d = new Dictionary<string, NamedColor>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in Table) d[c.Name] = c;
        // "-ish" forms of the families: reddish, bluish, greenish, …
        d["reddish"] = d["red"] with { Name = "reddish" };
        d["orangish"] = d["orange"] with { Name = "orangish" };
        d["yellowish"] = d["yellow"] with { Name = "yellowish" };
        d["greenish"] = d["green"] with { Name = "greenish" };
        d["bluish"] = d["blue"] with { Name = "bluish" };
        d["blueish"] = d["blue"] with { Name = "blueish" };
        d["purplish"] = d["purple"] with { Name = "purplish" };
        d["pinkish"] = d["pink"] with { Name = "pinkish" };
        d["brownish"] = d["brown"] with { Name = "brownish" };
        d["blackish"] = d["black"] with { Name = "blackish" };
        d["whitish"] = d["white"] with { Name = "whitish" };
        d["grayish"] = d["gray"] with { Name = "grayish" };
        d["greyish"] = d["gray"] with { Name = "greyish" };
        return d;
    }

    /// <summary>Every entry of the table (canonical names, in table order).</summary>
    public static IReadOnlyList<NamedColor> All => Table;

    /// <summary>The words that modify a colour, with the operation they stand for.</summary>
    public static IReadOnlyCollection<string> Modifiers => ModifierWords;
    static readonly string[] ModifierWords = ["dark", "deep", "light", "pale", "bright", "vivid", "pastel", "dull", "muted", "neon"];

    /// <summary>True when <paramref name="word"/> alone is a colour name (no modifiers).</summary>
    public static bool IsColorWord(string word) => ByName.ContainsKey(Normalize(word));

    /// <summary>
    /// Colour of a phrase such as "crimson", "navy blue", "dark green", "light-blue", "pale pink", "reddish" or
    /// "#ff8800". Case-insensitive; surrounding blanks ignored.
    /// </summary>
    public static bool TryGet(string phrase, out NamedColor color)
    {
        color = default;
        if (string.IsNullOrWhiteSpace(phrase)) return false;
        string p = Normalize(phrase);
        if (p.StartsWith('#')) return TryHex(p, out color);
        if (ByName.TryGetValue(p, out color)) return true;
        int space = p.IndexOf(' ');
        if (space <= 0) return false;
        string first = p[..space], rest = p[(space + 1)..];
        if (Array.IndexOf(ModifierWords, first) < 0 || !TryGet(rest, out var baseColor)) return false;
        color = baseColor with { Name = p, Rgb = Modify(first, baseColor.Rgb) };
        return true;
    }

    /// <summary>Like <see cref="TryGet"/>, throwing a <see cref="Common.C3VException"/> naming the phrase when unknown.</summary>
    public static NamedColor Get(string phrase) =>
        TryGet(phrase, out var c) ? c : throw new Common.C3VException($"unknown colour \"{phrase}\"");

    /// <summary>The RGB of a colour phrase, or <paramref name="fallback"/> when the phrase is not a colour.</summary>
    public static Vector3 RgbOr(string phrase, Vector3 fallback) => TryGet(phrase, out var c) ? c.Rgb : fallback;

    /// <summary>The table colour closest to <paramref name="rgb"/> (Euclidean distance in display RGB).</summary>
    public static NamedColor Nearest(Vector3 rgb)
    {
        NamedColor best = Table[0];
        float bestD = float.PositiveInfinity;
        foreach (var c in Table)
        {
            float d = Vector3.DistanceSquared(c.Rgb, rgb);
            if (d < bestD) { bestD = d; best = c; }
        }
        return best;
    }

    static string Normalize(string s) => string.Join(' ', s.Trim().ToLowerInvariant()
        .Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Modifiers work in HSV-like terms: darker scales the value, lighter/paler mix towards white,
    /// brighter/vivid raise the saturation.</summary>
    static Vector3 Modify(string modifier, Vector3 rgb) => modifier switch
    {
        "dark" or "deep" => rgb * 0.55f,
        "light" => Vector3.Lerp(rgb, Vector3.One, 0.45f),
        "pale" or "pastel" => Vector3.Lerp(rgb, Vector3.One, 0.6f),
        "dull" or "muted" => Vector3.Lerp(rgb, new Vector3((rgb.X + rgb.Y + rgb.Z) / 3f), 0.5f),
        "bright" or "vivid" or "neon" => Saturate(rgb),
        _ => rgb,
    };

    static Vector3 Saturate(Vector3 rgb)
    {
        float max = MathF.Max(rgb.X, MathF.Max(rgb.Y, rgb.Z));
        if (max <= 1e-4f) return rgb;
        float mean = (rgb.X + rgb.Y + rgb.Z) / 3f;
        var s = Vector3.Lerp(new Vector3(mean), rgb, 1.4f) / max; // push away from gray, then up to full value
        return Vector3.Clamp(s, Vector3.Zero, Vector3.One);
    }

    static bool TryHex(string p, out NamedColor color)
    {
        color = default;
        string h = p[1..];
        if (h.Length == 3) h = string.Concat(h.Select(ch => new string(ch, 2)));
        if (h.Length != 6 || !int.TryParse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int v)) return false;
        var rgb = new Vector3((v >> 16 & 255) / 255f, (v >> 8 & 255) / 255f, (v & 255) / 255f);
        color = new NamedColor(p, rgb, FamilyOf(rgb));
        return true;
    }

    /// <summary>The basic family of an arbitrary RGB: that of the nearest family's base colour.</summary>
    public static string FamilyOf(Vector3 rgb)
    {
        string best = "gray";
        float bestD = float.PositiveInfinity;
        foreach (var f in Families)
        {
            float d = Vector3.DistanceSquared(ByName[f].Rgb, rgb);
            if (d < bestD) { bestD = d; best = f; }
        }
        return best;
    }
}
