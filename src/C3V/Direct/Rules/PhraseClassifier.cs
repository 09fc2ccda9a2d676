using C3V.World;

namespace C3V.Direct.Rules;

/// <summary>
/// Classifies words the rule parser's lists do not hold, by cosine similarity of sentence embeddings
/// (MiniLM by default) to short prototype descriptions. Without an embedder it falls back to word-shape
/// heuristics (agent suffixes for people, -ing for actions): the parser still works, a little less well.
/// </summary>
public sealed class PhraseClassifier
{
    readonly ITextEmbedder? embedder;
    readonly Dictionary<string, float[]> cache = [];
    readonly Lock gate = new();

    public PhraseClassifier(ITextEmbedder? embedder) => this.embedder = embedder;

    public bool HasEmbedder => embedder is not null;

    static readonly (ActorCategory Category, string Prototype)[] CategoryPrototypes =
    [
        (ActorCategory.Human, "a person, a man or a woman with a job"),
        (ActorCategory.Creature, "a fantasy creature, a magical being, an alien or a monster"),
        (ActorCategory.Robot, "a robot, a metal machine that walks"),
        (ActorCategory.Animal, "an animal, a wild beast or a pet"),
        (ActorCategory.Object, "an object, a thing or a vehicle"),
    ];

    /// <summary>The category of an actor noun the lexicon does not know.</summary>
    public ActorCategory ClassifyActor(string noun)
    {
        // agent nouns ("sprinter", "sailor", "pianist", "magician", "postman") are people, whatever the embedding says
        if (noun.Length > 4 && (noun.EndsWith("er") || noun.EndsWith("or") || noun.EndsWith("ist") || noun.EndsWith("ian") || noun.EndsWith("man") || noun.EndsWith("ess")))
            return ActorCategory.Human;
        if (embedder is not null)
            return CategoryPrototypes[Nearest(noun, CategoryPrototypes.Select(p => p.Prototype).ToArray()).Index].Category;
        // Agent nouns (skater, sailor, pianist, magician) are people; anything else doing something is assumed a person too.
        return ActorCategory.Human;
    }

    /// <summary>Whether an unknown verb phrase moves the actor across the scene (walking) rather than in place (dancing).</summary>
    public bool Travels(string verbPhrase)
    {
        if (embedder is null) return false;
        var (index, _) = Nearest(verbPhrase, ["moving from one place to another, walking or running along a path", "acting in one place without going anywhere, like dancing or waving"]);
        return index == 0;
    }

    /// <summary>Whether a thing is found indoors ("fireplace", "sofa"): the lexicon's list, else by meaning.</summary>
    public bool IsIndoor(string thing)
    {
        string head = thing.Split(' ')[^1];
        if (Lexicon.IndoorThings.Contains(head)) return true;
        if (Lexicon.BuildingNouns.Contains(head) || Lexicon.PlaceNouns.Contains(head)) return false; // "a cabin" is seen from outside
        if (embedder is null) return false;
        var (index, _) = Nearest("a " + thing, ["furniture or a thing inside a home, indoors", "a thing outdoors, in a garden, a street or nature"]);
        return index == 0;
    }

    static readonly (string Scene, string Prototype)[] Settings =
    [
        ("an open lawn", "people or animals playing, running, resting or grazing outdoors on the grass"),
        ("an empty stage", "a performance: dancing, singing, acting, juggling or playing music on a stage"),
        ("a street", "people walking, waiting or hurrying in a town street with traffic"),
        ("a living room", "people at home indoors, reading, sitting on furniture, cooking"),
    ];

    /// <summary>The setting a prompt that names no place suggests by meaning ("a boy kicks a ball": a lawn), or null without an embedder.</summary>
    public string? SettingOf(string prompt) =>
        embedder is null ? null : Settings[Nearest(prompt, Settings.Select(s => s.Prototype).ToArray()).Index].Scene;

    /// <summary>Whether an unknown noun phrase names a whole place (a scene) rather than a thing within one.</summary>
    public bool IsPlace(string phrase)
    {
        if (embedder is null) return false;
        var (index, _) = Nearest(phrase, ["a place or landscape, a location where things happen", "a single object or piece of furniture"]);
        return index == 0;
    }

    (int Index, float Score) Nearest(string text, string[] prototypes)
    {
        var q = Embed(text);
        int best = 0;
        float bestScore = float.NegativeInfinity;
        for (int i = 0; i < prototypes.Length; i++)
        {
            var p = Embed(prototypes[i]);
            float dot = 0;
            for (int k = 0; k < q.Length; k++) dot += q[k] * p[k];
            if (dot > bestScore) { bestScore = dot; best = i; }
        }
        return (best, bestScore);
    }

    float[] Embed(string text)
    {
        lock (gate)
        {
            if (!cache.TryGetValue(text, out var v))
            {
                v = embedder!.Embed([text])[0];
                cache[text] = v;
            }
            return v;
        }
    }
}
