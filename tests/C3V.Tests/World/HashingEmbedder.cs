using C3V.World;

namespace C3V.Tests.World;

/// <summary>A deterministic stand-in embedder for fast tests: a hashed bag of words, unit length.</summary>
sealed class HashingEmbedder(int dimension = 64) : ITextEmbedder
{
    public int Calls { get; private set; }
    public int TextsEmbedded { get; private set; }
    public string ModelName => $"test-hashing-{Dimension}";
    public int Dimension => dimension;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        Calls++;
        TextsEmbedded += texts.Count;
        return texts.Select(t =>
        {
            var v = new float[Dimension];
            foreach (var w in Tokenizer.Words(t))
            {
                uint h = 2166136261;
                foreach (char c in w) h = (h ^ c) * 16777619;
                v[h % (uint)Dimension] += 1;
            }
            float n = MathF.Sqrt(v.Sum(x => x * x));
            if (n == 0) v[0] = 1; else for (int i = 0; i < v.Length; i++) v[i] /= n;
            return v;
        }).ToArray();
    }
}
