using C3V.Models.Gguf;

namespace C3V.Tests.Models.Gguf;

/// <summary>
/// A tiny llama-architecture model written with <see cref="GgufWriter"/>: random weights (seeded), a
/// SentencePiece-style vocabulary of a few hundred tokens (control tokens, the 256 byte-fallback tokens,
/// printable characters and common words with "▁" for a leading space), ChatML markers and a ChatML chat
/// template. It says nothing useful; a grammar makes what it says well-formed.
/// </summary>
static class TinyLlama
{
    public const int Embedding = 64, Heads = 4, KvHeads = 2, FeedForward = 128, Layers = 2, TrainedContext = 32768;

    const string ChatTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    /// <summary>
    /// The vocabulary: control tokens, the 256 byte-fallback tokens, ChatML markers, the printable characters
    /// and "▁" (a space), then <paramref name="merges"/> pieces learnt from <paramref name="corpus"/> the way
    /// byte-pair encoding learns them (the most frequent adjacent pair becomes a piece, repeatedly), so every
    /// piece's halves are pieces too and SentencePiece's merging reaches it.
    /// </summary>
    public static List<string> Vocabulary(string corpus, int merges)
    {
        var tokens = new List<string> { "<unk>", "<s>", "</s>" };
        for (int b = 0; b < 256; b++) tokens.Add($"<0x{b:X2}>");
        tokens.Add("<|im_start|>");
        tokens.Add("<|im_end|>");
        tokens.Add("▁");
        for (char c = '!'; c <= '~'; c++) tokens.Add(c.ToString());

        // words as symbol lists, a space joined to the word after it as SentencePiece writes it
        var words = ("▁" + corpus.Replace('\n', ' ').Replace(' ', '▁')).Split('▁', StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(w => "▁" + w).ToDictionary(g => g.Key.Select(c => c.ToString()).ToList(), g => g.Count());
        var known = tokens.ToHashSet();
        for (int m = 0; m < merges; m++)
        {
            var pairs = new Dictionary<(string, string), int>();
            foreach (var (symbols, count) in words)
                for (int i = 0; i + 1 < symbols.Count; i++)
                    pairs[(symbols[i], symbols[i + 1])] = pairs.GetValueOrDefault((symbols[i], symbols[i + 1])) + count;
            var best = pairs.Where(p => p.Value > 1 && !known.Contains(p.Key.Item1 + p.Key.Item2))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1 + p.Key.Item2, StringComparer.Ordinal).FirstOrDefault();
            if (best.Value == 0) break;
            string piece = best.Key.Item1 + best.Key.Item2;
            tokens.Add(piece);
            known.Add(piece);
            foreach (var symbols in words.Keys)
                for (int i = 0; i + 1 < symbols.Count; i++)
                    if (symbols[i] == best.Key.Item1 && symbols[i + 1] == best.Key.Item2)
                    {
                        symbols[i] = piece;
                        symbols.RemoveAt(i + 1);
                    }
        }
        return tokens;
    }

    /// <summary>Writes the model; its vocabulary learns <paramref name="merges"/> pieces from <paramref name="corpus"/>.</summary>
    public static void Write(string path, string corpus, int merges = 400, int seed = 1)
    {
        var vocab = Vocabulary(corpus, merges);
        int n = vocab.Count;
        int imStart = vocab.IndexOf("<|im_start|>"), imEnd = vocab.IndexOf("<|im_end|>");
        var types = vocab.Select((t, i) => i switch
        {
            0 => 2,                                         // unknown
            1 or 2 => 3,                                    // control
            _ when i == imStart || i == imEnd => 3,
            _ when t.StartsWith("<0x", StringComparison.Ordinal) && t.Length == 6 => 6, // byte fallback
            _ => 1,                                         // normal
        }).ToArray();
        // SentencePiece merges the pair whose result scores highest: pieces learnt earlier first
        var scores = vocab.Select((t, i) => types[i] == 1 ? -i : 0f).ToArray();

        var rng = new Random(seed);
        float[] Random(int count, float std)
        {
            var a = new float[count];
            for (int i = 0; i < count; i++)
            {
                double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
                a[i] = (float)(std * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }
            return a;
        }
        float[] Ones(int count) => Enumerable.Repeat(1f, count).ToArray();
        int kv = Embedding / Heads * KvHeads;

        var w = new GgufWriter()
            .Add("general.architecture", "llama")
            .Add("general.name", "c3v tiny test llama")
            .Add("llama.context_length", (uint)TrainedContext)
            .Add("llama.embedding_length", (uint)Embedding)
            .Add("llama.block_count", (uint)Layers)
            .Add("llama.feed_forward_length", (uint)FeedForward)
            .Add("llama.attention.head_count", (uint)Heads)
            .Add("llama.attention.head_count_kv", (uint)KvHeads)
            .Add("llama.attention.layer_norm_rms_epsilon", 1e-5f)
            .Add("llama.rope.dimension_count", (uint)(Embedding / Heads))
            .Add("llama.rope.freq_base", 10000f)
            .Add("llama.vocab_size", (uint)n)
            .Add("tokenizer.ggml.model", "llama")
            .Add("tokenizer.ggml.tokens", vocab)
            .Add("tokenizer.ggml.scores", scores)
            .Add("tokenizer.ggml.token_type", types)
            .Add("tokenizer.ggml.unknown_token_id", 0u)
            .Add("tokenizer.ggml.bos_token_id", 1u)
            .Add("tokenizer.ggml.eos_token_id", (uint)imEnd)
            .Add("tokenizer.ggml.add_bos_token", true)
            .Add("tokenizer.ggml.add_eos_token", false)
            .Add("tokenizer.chat_template", ChatTemplate);
        // Random weights, with one push: every token's embedding carries a constant in dimension 0 that the
        // residual stream keeps, and the output rows of JSON's closing marks ('"', ',', ']', '}') weigh that
        // dimension heavily (the quote most). Left alone, a random model fills every string and list to the grammar's bound;
        // with the push it closes them early, so answers are short (and still wholly the model's tokens).
        var embedding = Random(n * Embedding, 1f);
        for (int t = 0; t < n; t++) embedding[t * Embedding] += 8f;
        var output = Random(n * Embedding, 0.25f);
        // the quote weighs most: inside a string every other mark is just a character
        foreach (var (mark, weight) in new[] { ("\"", 6f), ("]", 3f), ("}", 2f), (",", 1f) }) output[vocab.IndexOf(mark) * Embedding] += weight;
        w.Tensor("token_embd.weight", embedding, Embedding, n);
        w.Tensor("output_norm.weight", Ones(Embedding), Embedding);
        w.Tensor("output.weight", output, Embedding, n);
        for (int l = 0; l < Layers; l++)
        {
            w.Tensor($"blk.{l}.attn_norm.weight", Ones(Embedding), Embedding);
            w.Tensor($"blk.{l}.attn_q.weight", Random(Embedding * Embedding, 0.125f), Embedding, Embedding);
            w.Tensor($"blk.{l}.attn_k.weight", Random(Embedding * kv, 0.125f), Embedding, kv);
            w.Tensor($"blk.{l}.attn_v.weight", Random(Embedding * kv, 0.125f), Embedding, kv);
            w.Tensor($"blk.{l}.attn_output.weight", Random(Embedding * Embedding, 0.125f), Embedding, Embedding);
            w.Tensor($"blk.{l}.ffn_norm.weight", Ones(Embedding), Embedding);
            w.Tensor($"blk.{l}.ffn_gate.weight", Random(Embedding * FeedForward, 0.125f), Embedding, FeedForward);
            w.Tensor($"blk.{l}.ffn_up.weight", Random(Embedding * FeedForward, 0.125f), Embedding, FeedForward);
            w.Tensor($"blk.{l}.ffn_down.weight", Random(FeedForward * Embedding, 0.09f), FeedForward, Embedding);
        }
        w.Save(path, overwrite: true);
    }
}
