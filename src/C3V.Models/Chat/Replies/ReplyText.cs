using System.Text.RegularExpressions;

namespace C3V.Models.Chat.Replies;

/// <summary>
/// The JSON text inside a reply as real models write it: reasoning in &lt;think&gt;…&lt;/think&gt; dropped, a
/// Markdown fence opened, prose before and after cut away (the first balanced object is taken). Replies with
/// no object say why: empty, cut off at the output limit, a refusal, or prose only. Every change made to get
/// at the JSON is noted, so the transcript says how the reply was read.
/// </summary>
public static partial class ReplyText
{
    /// <summary>The JSON object's text and how it was found, or null and the reason there is none.</summary>
    public sealed record Extracted(string? Json, IReadOnlyList<string> Notes, string? Error);

    public static Extracted Extract(string? reply, bool cutAtLimit)
    {
        var notes = new List<string>();
        string text = (reply ?? "").Trim();
        if (text.Length == 0) return new(null, notes, cutAtLimit ? "the reply is empty: the output limit was reached before any answer" : "the reply is empty");

        text = DropReasoning(text, notes, out bool reasoningUnclosed);
        if (reasoningUnclosed)
            return new(null, notes, cutAtLimit
                ? "the reply was cut off at the output limit while still reasoning (<think> never closed); answer with the JSON object only"
                : "the reply holds reasoning only (<think> never closed) and no answer");

        if (Fenced().Match(text) is { Success: true } fence)
        {
            notes.Add("took the JSON from a ``` fence");
            text = fence.Groups["body"].Value.Trim();
        }

        int open = text.IndexOf('{');
        if (open < 0)
        {
            if (text.StartsWith('[')) return new(null, notes, "the reply is a list, not the JSON object asked for");
            if (LooksLikeRefusal(text)) return new(null, notes, $"the model declined to answer (\"{Shorten(text)}\"); the request is a harmless description of a video scene");
            return new(null, notes, $"the reply holds no JSON object (\"{Shorten(text)}\")");
        }
        int close = BalancedEnd(text, open);
        if (close < 0)
            return new(null, notes, cutAtLimit
                ? "the reply was cut off at the output limit before the JSON object was complete; answer more briefly"
                : "the JSON object in the reply is not complete (it ends before every brace and bracket is closed)");
        if (open > 0 || close < text.Length - 1) notes.Add("ignored text around the JSON object");
        return new(text[open..(close + 1)], notes, null);
    }

    /// <summary>Removes every closed &lt;think&gt; block; an unclosed one leaves no answer to read.</summary>
    static string DropReasoning(string text, List<string> notes, out bool unclosed)
    {
        unclosed = false;
        if (Reasoning().IsMatch(text))
        {
            text = Reasoning().Replace(text, "").Trim();
            notes.Add("dropped <think> reasoning");
        }
        // some servers strip the opening tag and leave "…reasoning</think>answer"
        int orphanClose = text.IndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        if (orphanClose >= 0 && text.IndexOf("<think>", StringComparison.OrdinalIgnoreCase) is < 0 or > 0 && !text[..orphanClose].Contains('{'))
        {
            text = text[(orphanClose + "</think>".Length)..].Trim();
            notes.Add("dropped reasoning before </think>");
        }
        if (text.StartsWith("<think>", StringComparison.OrdinalIgnoreCase)) unclosed = true;
        return text;
    }

    /// <summary>Index of the brace closing the object opened at <paramref name="open"/>, skipping strings; -1 when it never closes.</summary>
    static int BalancedEnd(string text, int open)
    {
        int depth = 0;
        bool inString = false;
        for (int i = open; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '{' or '[': depth++; break;
                case '}' or ']':
                    if (--depth == 0) return i;
                    break;
            }
        }
        return -1;
    }

    static bool LooksLikeRefusal(string text) => Refusal().IsMatch(text);

    static string Shorten(string text)
    {
        text = Regex.Replace(text, @"\s+", " ");
        return text.Length <= 80 ? text : text[..77] + "...";
    }

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Reasoning();

    [GeneratedRegex(@"```[a-zA-Z]*[ \t]*\r?\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fenced();

    [GeneratedRegex(@"\b(I\s*(?:'m|am)\s+(?:sorry|unable|not able)|I\s+(?:can(?:'|no)t|cannot|won't|will not)\s+(?:help|assist|do|comply|provide|answer)|as an AI)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Refusal();
}
