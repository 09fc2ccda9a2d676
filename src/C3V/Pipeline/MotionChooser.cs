using C3V.Actors;
using C3V.Direct;
using C3V.World;

namespace C3V.Pipeline;

/// <summary>
/// Picks the motion clip for a motion phrase, as the method retrieves motions from a labelled library: every
/// clip's name and labels are compared with the phrase, by sentence-embedding cosine when an embedder is
/// given, and by shared words otherwise (and to break ties). A phrase that matches nothing gets the idle clip
/// for in-place actions and the walk for travelling ones.
/// </summary>
public static class MotionChooser
{
    public static MotionClip Choose(MotionPlan motion, ITextEmbedder? embedder, IReadOnlyList<MotionClip>? library = null)
    {
        library ??= ProceduralMotions.All;
        string phrase = motion.Description.Trim().ToLowerInvariant();
        var texts = library.Select(c => c.Labels.Prepend(c.Name).ToArray()).ToArray();
        var scores = new double[library.Count];
        for (int i = 0; i < library.Count; i++) scores[i] = texts[i].Max(t => WordScore(phrase, t));
        if (embedder is not null)
        {
            var all = texts.SelectMany(t => t).Prepend(phrase).ToList();
            var vectors = embedder.Embed(all);
            int k = 1;
            for (int i = 0; i < library.Count; i++)
            {
                double best = 0;
                foreach (var _ in texts[i]) best = Math.Max(best, Cosine(vectors[0], vectors[k++]));
                scores[i] = 0.7 * best + 0.3 * scores[i];
            }
        }
        int bestIndex = Enumerable.Range(0, library.Count).MaxBy(i => scores[i]);
        if (scores[bestIndex] < (embedder is null ? 0.34 : 0.45))
            return library.FirstOrDefault(c => c.Name == (motion.Travels ? "walk" : "idle")) ?? library[bestIndex];
        return library[bestIndex];
    }

    static readonly HashSet<string> Stop = ["a", "an", "the", "is", "are", "to", "of", "and", "on", "in", "at", "with", "his", "her", "their"];

    /// <summary>Share of the label's words found in the phrase (stems: a trailing -ing/-s/-es is ignored).</summary>
    static double WordScore(string phrase, string label)
    {
        var p = Words(phrase).ToHashSet();
        var l = Words(label).ToList();
        if (l.Count == 0 || p.Count == 0) return 0;
        return l.Count(p.Contains) / (double)Math.Max(l.Count, Math.Min(p.Count, 3));
    }

    static IEnumerable<string> Words(string text) => text.ToLowerInvariant()
        .Split([' ', '-', ',', '.', '!', '?'], StringSplitOptions.RemoveEmptyEntries)
        .Where(w => !Stop.Contains(w)).Select(Stem);

    static string Stem(string w)
    {
        if (w.Length > 5 && w.EndsWith("ing")) w = w[..^3];
        else if (w.Length > 4 && w.EndsWith("ed")) w = w[..^2];
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss")) w = w[..^1];
        if (w.Length > 3 && w.EndsWith('e')) w = w[..^1];      // dance, dances, dancing → danc
        if (w.Length > 3 && w[^1] == w[^2]) w = w[..^1];       // running → runn → run
        return w;
    }

    static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 0;
    }
}
