using C3V.Actors;
using C3V.Direct;
using C3V.World;

namespace C3V.Pipeline;

/// <summary>A chosen clip and where it came from: a procedural clip's name, or "library:FILE" for a user's BVH.</summary>
public sealed record MotionChoice(MotionClip Clip, string Source);

/// <summary>
/// Picks the motion clip for a motion phrase, as the method retrieves motions from a labelled library: the
/// user's asset library first (its motion entries, BVH files, by their description and tags), then the
/// embedded procedural clips. Every candidate's labels are compared with the phrase, by sentence-embedding
/// cosine when an embedder is given, and by shared words otherwise (and to break ties). A library entry wins
/// when it scores at or above the threshold; otherwise the best procedural clip does, and a phrase that matches
/// nothing gets the idle clip for in-place actions and the walk for travelling ones.
/// The actor counts too: a role noun that names an activity ("a swimmer", "two skaters", "a juggler") supplies the
/// motion when the phrase names none, and an old person walks with the old walk (stooped, shorter steps).
/// </summary>
public static class MotionChooser
{
    const string LibraryPrefix = "library:";

    /// <summary>The procedural clip for <paramref name="motion"/> (no user library).</summary>
    public static MotionClip Choose(MotionPlan motion, ITextEmbedder? embedder) => Choose(motion, embedder, library: null).Clip;

    /// <param name="rig">The body's rig: only its clips fit it (a user's BVH library is for people).</param>
    /// <param name="actor">Who moves: its noun and age can supply or adjust the motion (optional).</param>
    public static MotionChoice Choose(MotionPlan motion, ITextEmbedder? embedder, AssetLibrary? library, BodyRig rig = BodyRig.Human, ActorPlan? actor = null)
    {
        var choice = ChooseFor(motion, embedder, library, rig, actor);
        if (choice.Source.StartsWith(LibraryPrefix, StringComparison.Ordinal) || rig != BodyRig.Human || actor is null || !IsOld(actor)) return choice;
        // An old person's ordinary walk is the old walk; a run or a dance stays what it is.
        bool plainWalk = choice.Clip.Labels.Contains("walk") || choice.Clip.Name == "walk slowly";
        return plainWalk && ProceduralMotions.Find(OldWalk) is { } old ? new MotionChoice(old, old.Name) : choice;
    }

    const string OldWalk = "walk old";

    static bool IsOld(ActorPlan actor) =>
        AvatarSpecReader.Read(string.Join(", ", actor.Attributes.Prepend(actor.Description)), 0).Age == AgeGroup.Old;

    /// <summary>
    /// What <see cref="Choose"/> reads of the actor, for a cache key: the activity its noun names and whether it is
    /// old (an old man and a child given the same phrase may get different clips). Two actors with equal keys get the
    /// same clip for the same phrase.
    /// </summary>
    internal static string ActorKey(ActorPlan actor) => $"{ActivityOf(actor.Noun)}|{(IsOld(actor) ? "old" : "")}";

    /// <summary>
    /// The activity a role noun names, for an actor whose phrase names no motion: agent nouns in -er/-or lose the
    /// suffix ("swimmers" → "swimm", "skier" → "ski", "juggler" → "juggl"), which the word stems then match against
    /// the clips' labels like any verb. Null for other nouns.
    /// </summary>
    internal static string? ActivityOf(string noun)
    {
        string n = noun.Trim().ToLowerInvariant();
        if (n.EndsWith('s') && n.Length > 5) n = n[..^1];
        return n.Length > 4 && (n.EndsWith("er") || n.EndsWith("or")) ? n[..^2] : null;
    }

    static MotionChoice ChooseFor(MotionPlan motion, ITextEmbedder? embedder, AssetLibrary? library, BodyRig rig, ActorPlan? actor)
    {
        // a speed word chooses the clip too: "walking" slowly is a stroll, a fast "running" a sprint
        string phrase = motion.Description.Trim().ToLowerInvariant() + motion.Speed switch { MotionSpeed.Slow => " slowly", MotionSpeed.Fast => " fast", _ => "" };
        double threshold = embedder is null ? 0.34 : 0.45;
        var entries = rig != BodyRig.Human ? [] : library?.Entries.Where(e => e.Kind == AssetKind.Motion).ToArray() ?? [];
        if (entries.Length > 0)
        {
            var scores = Score(phrase, entries.Select(LabelsOf).ToArray(), embedder);
            int best = Enumerable.Range(0, entries.Length).MaxBy(i => scores[i]);
            if (scores[best] >= threshold) return new MotionChoice(Load(library!, entries[best]), LibraryPrefix + entries[best].File);
        }
        var clips = ProceduralMotions.For(rig);
        var labels = clips.Select(c => c.Labels.Prepend(c.Name).ToArray()).ToArray();
        var procedural = Score(phrase, labels, embedder);
        int bestClip = Enumerable.Range(0, clips.Count).MaxBy(i => procedural[i]);
        // No motion in the phrase: the actor's role may name one (word match only: the suffix-stripped noun is not a word to embed).
        if (procedural[bestClip] < threshold && actor is not null && ActivityOf(actor.Noun) is { } activity)
        {
            var byRole = Score(activity, labels, embedder: null);
            int best = Enumerable.Range(0, clips.Count).MaxBy(i => byRole[i]);
            if (byRole[best] >= 0.99) return new MotionChoice(clips[best], clips[best].Name);
        }
        // Nothing matches: the rig's walk for travelling actions, its idle (the first clip) for the rest.
        var clip = procedural[bestClip] >= threshold ? clips[bestClip]
            : motion.Travels ? clips.FirstOrDefault(c => c.Labels.Contains("walk")) ?? clips[0] : clips[0];
        return new MotionChoice(clip, clip.Name);
    }

    /// <summary>The clip a previous choice named (its <see cref="MotionChoice.Source"/>), or null when it is gone.</summary>
    public static MotionClip? Resolve(string source, AssetLibrary? library)
    {
        if (!source.StartsWith(LibraryPrefix, StringComparison.Ordinal)) return ProceduralMotions.Find(source);
        var entry = library?.Entries.FirstOrDefault(e => e.Kind == AssetKind.Motion && e.File == source[LibraryPrefix.Length..]);
        return entry is null ? null : Load(library!, entry);
    }

    static string[] LabelsOf(AssetEntry e) => e.Labels.Append(Path.GetFileNameWithoutExtension(e.File).Replace('_', ' ')).ToArray();

    /// <summary>
    /// A BVH entry retargeted onto the 22 joints. Units: the entry's when it names other than the default metres
    /// (or a scale), else guessed from the leg length (which also recognises metres, and CMU's units).
    /// </summary>
    static MotionClip Load(AssetLibrary library, AssetEntry entry)
    {
        bool explicitUnits = AssetLibrary.UnitFactor(entry.Units) != 1f || entry.Scale != 1f;
        return MotionLibrary.LoadClip(library.PathOf(entry), new RetargetOptions { MetresPerUnit = explicitUnits ? entry.MetresPerUnit : null });
    }

    static double[] Score(string phrase, string[][] texts, ITextEmbedder? embedder)
    {
        var scores = new double[texts.Length];
        for (int i = 0; i < texts.Length; i++) scores[i] = texts[i].Max(t => WordScore(phrase, t));
        if (embedder is null) return scores;
        var vectors = embedder.Embed(texts.SelectMany(t => t).Prepend(phrase).ToList());
        int k = 1;
        for (int i = 0; i < texts.Length; i++)
        {
            double best = 0;
            foreach (var _ in texts[i]) best = Math.Max(best, Cosine(vectors[0], vectors[k++]));
            scores[i] = 0.7 * best + 0.3 * scores[i];
        }
        return scores;
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
