using System.Numerics;
using System.Runtime.InteropServices;

namespace C3V.World;

/// <summary>Something that can be retrieved by text: an id and the phrases that describe it.</summary>
public sealed record Concept(string Id, IReadOnlyList<string> Labels);

/// <summary>One ranked answer: the concept, its cosine score and the label that matched best.</summary>
public sealed record RetrievalCandidate(string Id, IReadOnlyList<string> Labels, float Score, string BestLabel);

/// <summary>
/// Retrieval by meaning over any set of (id, labels): every label is embedded once (through the embedder,
/// normally a <see cref="CachedTextEmbedder"/>), stored as one row of a flat matrix, and a query is scored by
/// SIMD dot products against all rows (the vectors are unit length, so a dot product is the cosine). A
/// concept's score is the best score of its labels. Motions, scene archetypes, avatars, library assets and
/// attribute words all use this one index.
/// </summary>
public sealed class ConceptIndex
{
    readonly ITextEmbedder _embedder;
    readonly Concept[] _concepts;
    readonly float[] _matrix;      // [labelCount, dim] row-major
    readonly int[] _labelOwner;    // label row → concept index
    readonly string[] _labelText;  // label row → label
    readonly int _dim;

    public ConceptIndex(ITextEmbedder embedder, IEnumerable<Concept> concepts)
    {
        _embedder = embedder;
        _concepts = concepts.ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in _concepts)
        {
            if (!seen.Add(c.Id)) throw new ArgumentException($"duplicate concept id \"{c.Id}\"", nameof(concepts));
            if (c.Labels.Count == 0) throw new ArgumentException($"concept \"{c.Id}\" has no labels", nameof(concepts));
        }
        var owners = new List<int>();
        var texts = new List<string>();
        for (int ci = 0; ci < _concepts.Length; ci++)
            foreach (var label in _concepts[ci].Labels)
            {
                owners.Add(ci);
                texts.Add(label);
            }
        _labelOwner = owners.ToArray();
        _labelText = texts.ToArray();
        _dim = embedder.Dimension;
        var vectors = embedder.Embed(texts);
        _matrix = new float[texts.Count * _dim];
        for (int r = 0; r < vectors.Length; r++)
        {
            if (vectors[r].Length != _dim) throw new InvalidOperationException($"embedder returned {vectors[r].Length} values, expected {_dim}");
            vectors[r].CopyTo(_matrix, r * _dim);
        }
    }

    public IReadOnlyList<Concept> Concepts => _concepts;
    public int LabelCount => _labelText.Length;
    public ITextEmbedder Embedder => _embedder;

    /// <summary>The <paramref name="top"/> best concepts for <paramref name="text"/>, best first.</summary>
    public IReadOnlyList<RetrievalCandidate> Search(string text, int top = 5) =>
        Search(_embedder.Embed([text])[0], top);

    /// <summary>The <paramref name="top"/> best concepts for an already embedded (unit) query, best first.</summary>
    public IReadOnlyList<RetrievalCandidate> Search(ReadOnlySpan<float> query, int top = 5)
    {
        if (query.Length != _dim) throw new ArgumentException($"query has {query.Length} values, expected {_dim}", nameof(query));
        var best = new float[_concepts.Length];
        var bestRow = new int[_concepts.Length];
        Array.Fill(best, float.NegativeInfinity);
        for (int r = 0; r < _labelOwner.Length; r++)
        {
            float s = Dot(query, _matrix.AsSpan(r * _dim, _dim));
            int c = _labelOwner[r];
            if (s > best[c]) { best[c] = s; bestRow[c] = r; }
        }
        // Ranked by score, ties by id so equal scores come out in a stable order.
        return Enumerable.Range(0, _concepts.Length)
            .OrderByDescending(c => best[c]).ThenBy(c => _concepts[c].Id, StringComparer.Ordinal)
            .Take(Math.Max(0, top))
            .Select(c => new RetrievalCandidate(_concepts[c].Id, _concepts[c].Labels, best[c], _labelText[bestRow[c]]))
            .ToArray();
    }

    /// <summary>Dot product with <see cref="Vector{T}"/> lanes (AVX on this machine), scalar tail.</summary>
    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length, i = 0;
        var acc = Vector<float>.Zero;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (int k = 0; k < va.Length; k++) acc += va[k] * vb[k];
        i = va.Length * Vector<float>.Count;
        float s = Vector.Sum(acc);
        for (; i < n; i++) s += a[i] * b[i];
        return s;
    }
}
