using System.Text;

namespace C3V.World;

/// <summary>
/// The word splitting shared by the attribute parser, the vocabularies and retrieval: lower case, letters and
/// digits only, hyphens and other punctuation split words ("t-shirt" → "t shirt"), a possessive "'s" is
/// dropped ("cabin's" → "cabin"). <see cref="Tokens"/> keeps clause punctuation (",", ".", ";", ":", "!", "?")
/// as tokens of its own so a parser can tell where a phrase ends.
/// </summary>
public static class Tokenizer
{
    public static IReadOnlyList<string> Words(string text) => Split(text, keepPunctuation: false);

    public static IReadOnlyList<string> Tokens(string text) => Split(text, keepPunctuation: true);

    public static string Join(IEnumerable<string> words) => string.Join(' ', words);

    /// <summary>True for the clause punctuation tokens <see cref="Tokens"/> emits.</summary>
    public static bool IsPunctuation(string token) => token.Length == 1 && ",.;:!?".Contains(token[0]);

    static List<string> Split(string text, bool keepPunctuation)
    {
        var list = new List<string>();
        var sb = new StringBuilder();
        string s = text ?? "";
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); continue; }
            // possessive: "cabin's", "cabin’s" → "cabin"
            if ((c == '\'' || c == '’') && sb.Length > 0 && i + 1 < s.Length && (s[i + 1] == 's' || s[i + 1] == 'S')
                && (i + 2 >= s.Length || !char.IsLetterOrDigit(s[i + 2])))
            {
                i++;
                continue;
            }
            if (c is '\'' or '’' && sb.Length > 0 && i + 1 < s.Length && char.IsLetter(s[i + 1])) continue; // don't → dont
            Flush(sb, list);
            if (keepPunctuation && ",.;:!?".Contains(c)) list.Add(c.ToString());
        }
        Flush(sb, list);
        return list;
    }

    static void Flush(StringBuilder sb, List<string> list)
    {
        if (sb.Length == 0) return;
        list.Add(sb.ToString());
        sb.Clear();
    }
}
