namespace C3V.World;

/// <summary>What the generator chose for a description and why.</summary>
public sealed record ArchetypeChoice(SceneArchetype Archetype, float Score, IReadOnlyList<RetrievalCandidate> Candidates, string? Warning);

/// <summary>
/// Picks the archetype a description means and generates it. With an <see cref="ITextEmbedder"/> the choice is
/// retrieval by meaning over the archetypes' labels; without one, it counts the description's content words
/// found in each archetype's labels. Descriptions that match nothing get the neutral studio and a warning.
/// </summary>
public sealed class ProceduralSceneGenerator
{
    /// <summary>Cosine below which a description is taken to name no known place.</summary>
    public const float MinScore = 0.3f;

    readonly ConceptIndex? _index;

    public ProceduralSceneGenerator(ITextEmbedder? embedder)
    {
        if (embedder != null) _index = new ConceptIndex(embedder, SceneArchetypes.Concepts);
    }

    public ArchetypeChoice Choose(string description)
    {
        if (string.IsNullOrWhiteSpace(description) || Tokenizer.Words(description).Count == 0)
            return new ArchetypeChoice(SceneArchetypes.Neutral, 0, [], "the scene description is empty; using the neutral studio scene");
        IReadOnlyList<RetrievalCandidate> ranked = _index != null ? _index.Search(description, SceneArchetypes.All.Count) : KeywordRank(description);
        if (ranked.Count == 0 || ranked[0].Score < (_index != null ? MinScore : 1e-6f))
            return new ArchetypeChoice(SceneArchetypes.Neutral, ranked.Count > 0 ? ranked[0].Score : 0, ranked,
                $"no known kind of place matches \"{description}\"; using the neutral studio scene");
        return new ArchetypeChoice(SceneArchetypes.Find(ranked[0].Id)!, ranked[0].Score, ranked, null);
    }

    public Scene Generate(string description, int seed, ArchetypeChoice? choice = null)
    {
        choice ??= Choose(description);
        return choice.Archetype.Generate(description ?? "", seed, null, choice.Warning is null ? [] : [choice.Warning]);
    }

    static readonly HashSet<string> Stop = ["a", "an", "the", "of", "in", "on", "with", "and", "by", "at", "to", "some", "small", "big", "large"];

    /// <summary>Score = share of the description's content words that appear in the archetype's labels.</summary>
    static IReadOnlyList<RetrievalCandidate> KeywordRank(string description)
    {
        var words = Tokenizer.Words(description).Where(w => !Stop.Contains(w)).Select(Stem).Distinct().ToArray();
        if (words.Length == 0) return [];
        return SceneArchetypes.All.Select(a =>
        {
            var vocab = a.Labels.SelectMany(Tokenizer.Words).Select(Stem).ToHashSet();
            float score = words.Count(vocab.Contains) / (float)words.Length;
            return new RetrievalCandidate(a.Id, a.Labels, score, a.Labels[0]);
        }).OrderByDescending(c => c.Score).ThenBy(c => c.Id, StringComparer.Ordinal).ToArray();
    }

    static string Stem(string w) => w.Length > 4 && w.EndsWith('s') && !w.EndsWith("ss") ? w[..^1] : w;
}
