namespace C3V.World;

/// <summary>
/// Maps words the deterministic vocabulary does not know onto the terms it does, by sentence-embedding
/// similarity ("kimono-like wrap" → robe, "stetson" → hat, "vermillion-ish" → a red). Exact vocabulary
/// matches are answered without the model. Each kind's index is built on first use and kept.
/// </summary>
public sealed class AttributeResolver
{
    /// <summary>Below this cosine a word is left unmapped (a guess would be worse than nothing).</summary>
    public const float DefaultThreshold = 0.45f;

    readonly ITextEmbedder _embedder;
    readonly Dictionary<AttributeKind, ConceptIndex> _indexes = [];
    ConceptIndex? _colors;
    readonly Lock _gate = new();

    public AttributeResolver(ITextEmbedder embedder, float threshold = DefaultThreshold)
    {
        _embedder = embedder;
        Threshold = threshold;
    }

    public float Threshold { get; }

    /// <summary>The term of <paramref name="kind"/> that <paramref name="word"/> means, with the cosine score
    /// (1 for an exact vocabulary match), or null when nothing is close enough.</summary>
    public (AttributeTerm Term, float Score)? Resolve(string word, AttributeKind kind)
    {
        if (string.IsNullOrWhiteSpace(word)) return null;
        if (AttributeVocabulary.Find(kind, word) is { } exact) return (exact, 1f);
        var top = IndexOf(kind).Search(word, 1);
        if (top.Count == 0 || top[0].Score < Threshold) return null;
        return (AttributeVocabulary.OfKind(kind).First(t => t.Canonical == top[0].Id), top[0].Score);
    }

    /// <summary>The colour a word means: a table colour directly, else the nearest colour name by meaning.</summary>
    public (NamedColor Color, float Score)? ResolveColor(string word)
    {
        if (string.IsNullOrWhiteSpace(word)) return null;
        if (ColorNames.TryGet(word, out var exact)) return (exact, 1f);
        ConceptIndex index;
        lock (_gate)
            index = _colors ??= new ConceptIndex(_embedder,
                ColorNames.All.Select(c => new Concept(c.Name, [c.Name + " colour", c.Name]))) ;
        var top = index.Search(word + " colour", 1);
        if (top.Count == 0 || top[0].Score < Threshold) return null;
        return (ColorNames.Get(top[0].Id), top[0].Score);
    }

    /// <summary>Fills in <see cref="DescribedNoun.Term"/> for the nouns the parser did not know: a noun that
    /// means a garment (or a body feature) moves to that list with its resolved term.</summary>
    public TextAttributes ResolveUnknown(TextAttributes attributes)
    {
        var garments = attributes.Garments.ToList();
        var features = attributes.Features.ToList();
        var others = new List<DescribedNoun>();
        foreach (var noun in attributes.OtherNouns)
        {
            var g = Resolve(noun.Noun, AttributeKind.Garment);
            var f = Resolve(noun.Noun, AttributeKind.Feature);
            if (g is { } gm && (f is null || gm.Score >= f.Value.Score)) garments.Add(noun with { Term = gm.Term });
            else if (f is { } fm) features.Add(noun with { Term = fm.Term });
            else others.Add(noun);
        }
        return attributes with { Garments = garments, Features = features, OtherNouns = others };
    }

    ConceptIndex IndexOf(AttributeKind kind)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(kind, out var index))
                _indexes[kind] = index = new ConceptIndex(_embedder,
                    AttributeVocabulary.OfKind(kind).Select(t => new Concept(t.Canonical, t.Phrases.ToArray())));
            return index;
        }
    }
}
