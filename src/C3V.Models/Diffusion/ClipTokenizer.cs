using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using C3V.Common;

namespace C3V.Models.Diffusion;

/// <summary>
/// The CLIP text tokenizer (byte-level BPE with an end-of-word marker, as in OpenAI's CLIP and Stable
/// Diffusion's <c>tokenizer/vocab.json</c> + <c>merges.txt</c>): lower-cased, whitespace collapsed, split
/// by CLIP's pattern, each word's UTF-8 bytes mapped to printable characters, merged by rank, then wrapped in
/// start/end tokens and padded with the end token to the context length.
/// </summary>
public sealed class ClipTokenizer
{
    public const string StartToken = "<|startoftext|>", EndToken = "<|endoftext|>";
    static readonly Regex Pattern = new(@"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    readonly Dictionary<string, int> _vocab;
    readonly Dictionary<(string, string), int> _ranks = [];
    readonly string[] _byteChars = ByteToUnicode();
    public int ContextLength { get; }
    public int StartId { get; }
    public int EndId { get; }

    public ClipTokenizer(string vocabPath, string mergesPath, int contextLength = 77)
    {
        try { _vocab = JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllBytes(vocabPath)) ?? throw new InvalidFileException(vocabPath, "empty vocabulary"); }
        catch (FileNotFoundException) { throw new InvalidFileException(vocabPath, "file not found"); }
        catch (JsonException e) { throw new InvalidFileException(vocabPath, $"expected a JSON object of token → id ({e.Message})"); }
        if (!File.Exists(mergesPath)) throw new InvalidFileException(mergesPath, "file not found");
        int rank = 0;
        foreach (var line in File.ReadLines(mergesPath))
        {
            if (line.StartsWith("#version", StringComparison.Ordinal) || line.Length == 0) continue;
            var parts = line.Split(' ');
            if (parts.Length != 2) throw new InvalidFileException(mergesPath, $"line '{line}': expected two symbols");
            _ranks.TryAdd((parts[0], parts[1]), rank++);
        }
        StartId = _vocab.TryGetValue(StartToken, out var s) ? s : throw new InvalidFileException(vocabPath, $"no {StartToken} token");
        EndId = _vocab.TryGetValue(EndToken, out var e2) ? e2 : throw new InvalidFileException(vocabPath, $"no {EndToken} token");
        ContextLength = contextLength;
    }

    /// <summary>Token ids of <paramref name="text"/>: start, the text's tokens (cut to fit), end, then end-token padding.</summary>
    public int[] Encode(string text)
    {
        var ids = new List<int> { StartId };
        string clean = Regex.Replace(text.Trim(), @"\s+", " ").ToLowerInvariant();
        foreach (Match m in Pattern.Matches(clean))
        {
            var word = string.Concat(Encoding.UTF8.GetBytes(m.Value).Select(b => _byteChars[b]));
            foreach (var token in Bpe(word))
                if (_vocab.TryGetValue(token, out int id)) ids.Add(id);
        }
        if (ids.Count > ContextLength - 1) ids.RemoveRange(ContextLength - 1, ids.Count - (ContextLength - 1));
        ids.Add(EndId);
        while (ids.Count < ContextLength) ids.Add(EndId);
        return [.. ids];
    }

    /// <summary>Merges a word's symbols (the last one marked end-of-word) by rank until no known pair is left.</summary>
    IEnumerable<string> Bpe(string word)
    {
        var symbols = word.Select(c => c.ToString()).ToList();
        if (symbols.Count == 0) return [];
        symbols[^1] += "</w>";
        while (symbols.Count > 1)
        {
            int best = -1, bestRank = int.MaxValue;
            for (int i = 0; i < symbols.Count - 1; i++)
                if (_ranks.TryGetValue((symbols[i], symbols[i + 1]), out int r) && r < bestRank) { bestRank = r; best = i; }
            if (best < 0) break;
            string merged = symbols[best] + symbols[best + 1];
            // merge every occurrence of the pair, left to right
            var next = new List<string>(symbols.Count);
            for (int i = 0; i < symbols.Count; i++)
            {
                if (i < symbols.Count - 1 && symbols[i] == symbols[best] && symbols[i + 1] == symbols[best + 1] && merged == symbols[i] + symbols[i + 1])
                { next.Add(merged); i++; }
                else next.Add(symbols[i]);
            }
            symbols = next;
        }
        return symbols;
    }

    /// <summary>GPT-2/CLIP's reversible map from bytes to printable characters (printable Latin-1 kept, the rest shifted past 255).</summary>
    static string[] ByteToUnicode()
    {
        var map = new string[256];
        int n = 0;
        for (int b = 0; b < 256; b++)
        {
            bool printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = printable ? ((char)b).ToString() : ((char)(256 + n++)).ToString();
        }
        return map;
    }
}
