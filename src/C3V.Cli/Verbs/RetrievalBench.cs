using System.Diagnostics;
using C3V.Models.Embeddings;
using C3V.World;

namespace C3V.Cli.Verbs;

/// <summary>MiniLM timings: model load, embedding speed, cache hits and retrieval over 10,000 labels.</summary>
static class RetrievalBench
{
    public static void Run(TextWriter o)
    {
        var sw = Stopwatch.StartNew();
        var model = MiniLmEmbedder.Shared;
        model.Embed(["warm up"]);
        o.WriteLine($"MiniLM load + first embedding: {sw.Elapsed.TotalMilliseconds:F0} ms");
        var texts = Enumerable.Range(0, 64).Select(i => $"benchmark phrase number {i} about a person walking").ToArray();
        sw.Restart();
        model.Embed(texts);
        o.WriteLine($"MiniLM embedding: {sw.Elapsed.TotalMilliseconds / texts.Length:F1} ms per short phrase (batch of {texts.Length})");

        // 10,000 labels: random unit vectors stand in for embedded labels (the search cost does not depend on
        // what the vectors mean); the query is a real MiniLM embedding.
        var fake = new RandomEmbedder(model.Dimension);
        var concepts = Enumerable.Range(0, 2500).Select(i => new Concept($"c{i}", [$"a{i}", $"b{i}", $"c{i}", $"d{i}"])).ToArray();
        var index = new ConceptIndex(fake, concepts);
        var query = model.Embed(["a woman dances happily"])[0];
        index.Search(query, 10);
        const int reps = 50;
        sw.Restart();
        for (int i = 0; i < reps; i++) index.Search(query, 10);
        o.WriteLine($"retrieval over {index.LabelCount} labels ({concepts.Length} concepts): {sw.Elapsed.TotalMilliseconds / reps:F2} ms per query (mean of {reps})");

        // Top-1 accuracy on the held-out retrieval test set (docs/world.md).
        var (per, misses) = RetrievalTestSet.Evaluate(model);
        foreach (var (kind, (ok, n)) in per) o.WriteLine($"retrieval test set, {kind.ToString().ToLowerInvariant()}: {ok}/{n}");
        int right = per.Values.Sum(p => p.Correct), total = per.Values.Sum(p => p.Total);
        o.WriteLine($"retrieval test set, all: {right}/{total} = {100.0 * right / total:F1} %");
        foreach (var (c, got) in misses) o.WriteLine($"  miss: \"{c.Phrase}\" -> {got.Id} ({got.Score:F2}), expected {string.Join(" | ", c.Expected)}");
    }

    sealed class RandomEmbedder(int dim) : ITextEmbedder
    {
        readonly Random _rng = new(1);
        public string ModelName => "random";
        public int Dimension => dim;
        public float[][] Embed(IReadOnlyList<string> texts) => texts.Select(_ =>
        {
            var v = new float[dim];
            for (int i = 0; i < dim; i++) v[i] = (float)(_rng.NextDouble() - 0.5);
            float n = MathF.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / n).ToArray();
        }).ToArray();
    }
}
