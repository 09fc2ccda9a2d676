using System.Globalization;

namespace C3V.World;

/// <summary>A noun with the colour and material words in front of it ("red dress", "wooden chair").</summary>
/// <param name="Noun">The noun's words as written (lower case), e.g. "ski clothes" or "alien".</param>
/// <param name="Term">The vocabulary term (garment or body feature) the noun names, or null when the noun is
/// not in the vocabulary (then <see cref="AttributeResolver"/> can map it by meaning).</param>
/// <param name="Colors">The colours in front of the noun, in order ("red and white shirt" gives two).</param>
/// <param name="Pattern">A pattern word in front of the noun, canonical: "striped", "checked", "dotted" or "camouflage".</param>
public sealed record DescribedNoun(string Noun, AttributeTerm? Term, IReadOnlyList<NamedColor> Colors, AttributeTerm? Material, string? Pattern = null)
{
    public NamedColor? Color => Colors.Count > 0 ? Colors[0] : null;
    public GarmentSlot Slot => Term?.Slot ?? GarmentSlot.None;
}

/// <summary>A number in front of a noun ("two dancers", "a few trees", "3 cats").</summary>
public sealed record CountMention(int Value, string Noun);

/// <summary>
/// What the deterministic parser found in a phrase. Every list is in the order of the text.
/// </summary>
public sealed record TextAttributes(
    IReadOnlyList<NamedColor> Colors,
    IReadOnlyList<DescribedNoun> Garments,
    IReadOnlyList<DescribedNoun> Features,
    IReadOnlyList<DescribedNoun> OtherNouns,
    IReadOnlyList<AttributeTerm> Materials,
    AttributeTerm? Size,
    AttributeTerm? Build,
    IReadOnlyList<CountMention> Counts,
    IReadOnlyList<AttributeTerm> Spatial)
{
    /// <summary>Size factor (1 when no size word was given).</summary>
    public float SizeFactor => Size?.Value ?? 1f;
    /// <summary>True when the text contains the spatial term <paramref name="canonical"/> ("left", "behind", …).</summary>
    public bool Has(string canonical) => Spatial.Any(s => s.Canonical == canonical);
}

/// <summary>
/// Deterministic attribute parsing: colours (from <see cref="ColorNames"/>), garments and body features with
/// the colours and materials written in front of them, materials, size and build words, counts and spatial
/// words (from <see cref="AttributeVocabulary"/>). No model is involved, so the same text always gives the
/// same answer; nouns it does not know are kept in <see cref="TextAttributes.OtherNouns"/> when a colour or
/// material describes them, for an embedding-based <see cref="AttributeResolver"/> to map.
/// </summary>
public static class AttributeExtractor
{
    // Words that may stand between a colour and its noun without ending the noun phrase.
    static readonly HashSet<string> Fillers =
    [
        "a", "an", "the", "very", "dot", "long", "shiny", "old", "new", "flowing", "pretty", "fancy", "thick", "baggy", "loose", "tight", "fitted",
        "sleeveless", "hooded", "torn", "ragged", "elegant", "formal", "casual", "cute", "colored", "coloured",
        "patterned", "floral", "glowing", "sparkly", "shimmering", "and", "or", "with", "bright", "dark", "light",
    ];

    // Pattern words and the pattern they name; they stand between a colour and its noun ("a red striped shirt").
    static readonly Dictionary<string, string> Patterns = new()
    {
        ["striped"] = "striped", ["stripy"] = "striped", ["stripey"] = "striped", ["pinstriped"] = "striped", ["pinstripe"] = "striped",
        ["checked"] = "checked", ["checkered"] = "checked", ["chequered"] = "checked", ["plaid"] = "checked", ["tartan"] = "checked", ["gingham"] = "checked",
        ["spotted"] = "dotted", ["dotted"] = "dotted", ["polka"] = "dotted", ["polka-dot"] = "dotted", ["spotty"] = "dotted",
        ["camouflage"] = "camouflage", ["camo"] = "camouflage",
    };

    // Words that end a pending adjective run when they are the next word (verbs and clause words).
    static readonly HashSet<string> Breakers =
    [
        "is", "are", "was", "were", "be", "who", "that", "which", "while", "as", "then", "walks", "runs",
        "dances", "jumps", "stands", "sits", "wearing", "wears", "dressed", "holding", "holds", "carrying",
    ];

    public static TextAttributes Extract(string text)
    {
        var tokens = Tokenizer.Tokens(text ?? "");
        var colors = new List<NamedColor>();
        var garments = new List<DescribedNoun>();
        var features = new List<DescribedNoun>();
        var others = new List<DescribedNoun>();
        var materials = new List<AttributeTerm>();
        var counts = new List<CountMention>();
        var spatial = new List<AttributeTerm>();
        AttributeTerm? size = null, build = null;

        var pendingColors = new List<NamedColor>();
        AttributeTerm? pendingMaterial = null;
        string? pendingPattern = null;
        int? pendingCount = null;

        void Reset() { pendingColors.Clear(); pendingMaterial = null; pendingPattern = null; pendingCount = null; }

        void Noun(List<DescribedNoun> target, string noun, AttributeTerm? term)
        {
            target.Add(new DescribedNoun(noun, term, pendingColors.ToArray(), pendingMaterial, pendingPattern));
            if (pendingCount is int n) counts.Add(new CountMention(n, noun));
            Reset();
        }

        int i = 0;
        while (i < tokens.Count)
        {
            string w = tokens[i];
            if (Tokenizer.IsPunctuation(w) || Breakers.Contains(w)) { Reset(); i++; continue; }

            // Counts: digits or count phrases ("two", "a pair of", "a few", and "a"/"an" as one).
            if (int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number is > 0 and < 1000)
            {
                pendingCount = number;
                i++;
                continue;
            }
            var (countTerm, countLen) = AttributeVocabulary.MatchAt(AttributeKind.Count, tokens, i);
            if (countTerm != null)
            {
                pendingCount = (int)countTerm.Value;
                i += countLen;
                continue;
            }

            // Colours: the longest colour phrase (modifier + two-word name at most).
            int colorLen = ColorLengthAt(tokens, i, out var color);
            // Words that are both a colour and a material ("sand", "gold", "stone") are the material when they
            // end the phrase ("near the sand") and a colour when they describe a noun ("a sand castle").
            bool materialNoun = colorLen == 1 && AttributeVocabulary.MatchAt(AttributeKind.Material, tokens, i).Term != null
                && !IsFollowedByNoun(tokens, i + 1);
            if (colorLen > 0 && !materialNoun)
            {
                colors.Add(color);
                pendingColors.Add(color);
                i += colorLen;
                continue;
            }

            var (garment, gLen) = AttributeVocabulary.MatchAt(AttributeKind.Garment, tokens, i);
            var (feature, fLen) = AttributeVocabulary.MatchAt(AttributeKind.Feature, tokens, i);
            var (material, mLen) = AttributeVocabulary.MatchAt(AttributeKind.Material, tokens, i);
            // A material directly followed by a garment or noun is an adjective ("wool coat"); longest match wins
            // between garment and feature ("fur coat" is a garment, "fur" alone a feature or material).
            if (garment != null && gLen >= Math.Max(fLen, mLen))
            {
                Noun(garments, Tokenizer.Join(tokens.Skip(i).Take(gLen)), garment);
                i += gLen;
                continue;
            }
            if (material != null && mLen >= fLen && IsFollowedByNoun(tokens, i + mLen))
            {
                materials.Add(material);
                pendingMaterial = material;
                i += mLen;
                continue;
            }
            if (feature != null)
            {
                Noun(features, Tokenizer.Join(tokens.Skip(i).Take(fLen)), feature);
                i += fLen;
                continue;
            }
            if (material != null)
            {
                materials.Add(material);
                if (pendingColors.Count > 0) Noun(others, Tokenizer.Join(tokens.Skip(i).Take(mLen)), null);
                i += mLen;
                continue;
            }

            var (sizeTerm, sLen) = AttributeVocabulary.MatchAt(AttributeKind.Size, tokens, i);
            if (sizeTerm != null) { size ??= sizeTerm; i += sLen; continue; }
            var (buildTerm, bLen) = AttributeVocabulary.MatchAt(AttributeKind.Build, tokens, i);
            if (buildTerm != null) { build ??= buildTerm; i += bLen; continue; }

            var (spatialTerm, spLen) = AttributeVocabulary.MatchAt(AttributeKind.Spatial, tokens, i);
            if (spatialTerm != null)
            {
                spatial.Add(spatialTerm);
                Reset();
                i += spLen;
                continue;
            }

            if (Patterns.TryGetValue(w, out var pattern)) { pendingPattern = pattern; i++; continue; }
            if (Fillers.Contains(w)) { i++; continue; }

            // Any other word is a noun head: keep it when something describes it.
            if (pendingColors.Count > 0 || pendingMaterial != null || pendingCount != null || pendingPattern != null)
                Noun(others, w, null);
            i++;
        }

        return new TextAttributes(colors, garments, features, others, materials.Distinct().ToArray(), size, build,
            counts, spatial);
    }

    /// <summary>Length in words of the longest colour phrase at <paramref name="start"/> (0 when none).</summary>
    static int ColorLengthAt(IReadOnlyList<string> tokens, int start, out NamedColor color)
    {
        color = default;
        for (int len = Math.Min(3, tokens.Count - start); len >= 1; len--)
        {
            if (tokens.Skip(start).Take(len).Any(Tokenizer.IsPunctuation)) continue;
            string phrase = Tokenizer.Join(tokens.Skip(start).Take(len));
            if (ColorNames.TryGet(phrase, out color)) return len;
        }
        return 0;
    }

    static bool IsFollowedByNoun(IReadOnlyList<string> tokens, int next) =>
        next < tokens.Count && !Tokenizer.IsPunctuation(tokens[next]) && !Breakers.Contains(tokens[next])
        && AttributeVocabulary.MatchAt(AttributeKind.Spatial, tokens, next).Term == null
        && tokens[next] is not ("and" or "or" or "with");
}
