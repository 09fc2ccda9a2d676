namespace C3V.Direct.Rules;

/// <summary>A word of the prompt (lower case) with its span in the original text, or a clause punctuation mark.</summary>
readonly record struct Token(string Word, int Start, int End)
{
    public bool IsPunctuation => Word.Length == 1 && ",.;:!?".Contains(Word[0]);
}

/// <summary>
/// Splits a prompt into tokens with the world stage's word rules (lower case, hyphens split words,
/// possessive 's dropped, clause punctuation kept) while remembering where each word came from, so the
/// plan can quote the prompt's own phrases ("a green t-shirt").
/// </summary>
static class PromptTokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var list = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int start = i;
                var sb = new System.Text.StringBuilder();
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d) || (d == '.' && sb.Length > 0 && char.IsDigit(sb[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1])))
                    {
                        sb.Append(char.ToLowerInvariant(d));
                        i++;
                    }
                    else if (d is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                    {
                        // "cabin's" → "cabin" (possessive dropped); "don't" → "dont"
                        if (char.ToLowerInvariant(text[i + 1]) == 's' && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
                        {
                            list.Add(new Token(sb.ToString(), start, i));
                            i += 2;
                            sb.Clear();
                            break;
                        }
                        i++;
                    }
                    else break;
                }
                if (sb.Length > 0) list.Add(new Token(sb.ToString(), start, i));
                continue;
            }
            if (",.;:!?".Contains(c)) list.Add(new Token(c.ToString(), i, i + 1));
            i++;
        }
        return list;
    }
}
