namespace C3V.Direct;

/// <summary>Small text helpers shared by the parser and landmark matching.</summary>
static class TextNormal
{
    static readonly string[] Articles = ["the ", "a ", "an ", "its ", "his ", "her ", "their "];

    /// <summary>Lower-cased, trimmed, without a leading article or possessive.</summary>
    public static string StripArticle(string phrase)
    {
        string p = phrase.Trim().ToLowerInvariant();
        foreach (var a in Articles)
            if (p.StartsWith(a, StringComparison.Ordinal)) return p[a.Length..].Trim();
        return p;
    }
}
