using System.Numerics;
using C3V.World;

namespace C3V.Actors;

/// <summary>
/// One animal to build: its species build, size, coat colours and pattern. Read from text by
/// <see cref="FromDescription"/> ("a brown dog", "a white horse", "a spotted cow", "a black cat", "a puppy").
/// </summary>
public sealed record QuadrupedSpec(string Description, QuadrupedBuild Build, float Withers, bool Young)
{
    /// <summary>Breed and variant words: the species they belong to and how they change its look.</summary>
    static readonly Dictionary<string, Func<QuadrupedBuild, QuadrupedBuild>> Variants = new()
    {
        ["dalmatian"] = b => b with { Coat = new(0.94f, 0.93f, 0.9f), Marking = new(0.07f, 0.06f, 0.06f), Pattern = CoatPattern.Spots, Ears = EarShape.Floppy, LightBelly = false },
        ["husky"] = b => b with { Coat = new(0.45f, 0.45f, 0.47f), Marking = new(0.94f, 0.94f, 0.93f), Pattern = CoatPattern.Tuxedo, Ears = EarShape.Pointed, Tail = TailShape.Bushy, TailAngle = 40, Fur = 0.6f },
        ["shepherd"] = b => b with { Coat = new(0.62f, 0.42f, 0.2f), Marking = new(0.08f, 0.07f, 0.06f), Pattern = CoatPattern.Points, Ears = EarShape.Pointed, Tail = TailShape.Bushy },
        ["retriever"] = b => b with { Coat = new(0.85f, 0.64f, 0.32f), Marking = new(0.92f, 0.78f, 0.5f), Fur = 0.6f, Tail = TailShape.Bushy },
        ["labrador"] = b => b with { Coat = new(0.88f, 0.72f, 0.45f), Marking = new(0.92f, 0.82f, 0.6f) },
        ["poodle"] = b => b with { Coat = new(0.95f, 0.94f, 0.92f), Marking = new(0.95f, 0.94f, 0.92f), Fur = 1.0f, Ears = EarShape.Floppy },
        ["corgi"] = b => b with { Coat = new(0.85f, 0.52f, 0.2f), Marking = new(0.95f, 0.94f, 0.92f), Pattern = CoatPattern.Tuxedo, Ears = EarShape.Big, Body = 1.3f, Leg = 0.13f, Tail = TailShape.Stub, TailLength = 0.1f },
        ["dachshund"] = b => b with { Coat = new(0.5f, 0.25f, 0.1f), Body = 1.6f, Leg = 0.12f, Ears = EarShape.Floppy, Muzzle = 1.0f },
        ["pug"] = b => b with { Coat = new(0.85f, 0.72f, 0.52f), Marking = new(0.1f, 0.08f, 0.07f), Pattern = CoatPattern.Points, Muzzle = 0.25f, Tail = TailShape.Curly, Fur = 0.05f },
        ["beagle"] = b => b with { Coat = new(0.95f, 0.93f, 0.9f), Marking = new(0.62f, 0.38f, 0.16f), Pattern = CoatPattern.Patches, Ears = EarShape.Floppy },
        ["calico"] = b => b with { Coat = new(0.95f, 0.93f, 0.9f), Marking = new(0.85f, 0.5f, 0.2f), Pattern = CoatPattern.Patches },
        ["tabby"] = b => b with { Coat = new(0.62f, 0.5f, 0.38f), Marking = new(0.25f, 0.18f, 0.12f), Pattern = CoatPattern.Stripes },
        ["panther"] = b => b with { Coat = new(0.06f, 0.05f, 0.05f), Marking = new(0.1f, 0.09f, 0.09f), Pattern = CoatPattern.Solid, LightBelly = false },
        ["cheetah"] = b => b with { Coat = new(0.88f, 0.7f, 0.42f), Leg = 0.07f, Head = 0.25f },
        ["jaguar"] = b => b with { Withers = 0.75f, Depth = 0.48f },
        ["lioness"] = b => b with { Features = b.Features & ~QuadrupedFeatures.Mane },
        ["polar"] = b => b with { Coat = new(0.95f, 0.94f, 0.88f), Marking = new(0.9f, 0.88f, 0.82f), Muzzle = 0.8f },
        ["grizzly"] = b => b with { Coat = new(0.45f, 0.32f, 0.2f), Marking = new(0.6f, 0.48f, 0.32f) },
        ["doe"] = b => b with { Features = b.Features & ~QuadrupedFeatures.Antlers },
        ["reindeer"] = b => b with { Coat = new(0.45f, 0.36f, 0.28f), Marking = new(0.9f, 0.88f, 0.84f), Leg = 0.07f, Fur = 0.4f },
        ["moose"] = b => b with { Coat = new(0.25f, 0.17f, 0.12f), Withers = 1.9f, Muzzle = 1.3f },
        ["ram"] = b => b with { Features = b.Features | QuadrupedFeatures.Horns },
        ["boar"] = b => b with { Coat = new(0.3f, 0.22f, 0.16f), Marking = new(0.35f, 0.27f, 0.2f), Fur = 0.6f, Features = QuadrupedFeatures.Tusks, Ears = EarShape.Pointed },
        ["chimpanzee"] = b => b with { Coat = new(0.12f, 0.1f, 0.09f), Marking = new(0.75f, 0.6f, 0.5f), Pattern = CoatPattern.Points, Ears = EarShape.Round },
        ["monkey"] = b => b with { Coat = new(0.45f, 0.32f, 0.2f), Marking = new(0.85f, 0.7f, 0.55f), Pattern = CoatPattern.Points, Ears = EarShape.Round, Tail = TailShape.Long, TailLength = 1.0f, TailAngle = 30 },
        ["unicorn"] = b => b with { Coat = new(0.96f, 0.95f, 0.97f), Marking = new(0.85f, 0.75f, 0.95f), Features = b.Features | QuadrupedFeatures.Horns },
        ["mule"] = b => b with { Coat = new(0.35f, 0.25f, 0.18f) },
    };

    static readonly string[] YoungWords = ["puppy", "puppies", "pup", "kitten", "kittens", "foal", "calf", "lamb", "cub", "fawn", "piglet", "kid", "baby", "young"];
    static readonly string[] SpotWords = ["spotted", "spotty", "spots", "dotted"];
    static readonly string[] StripeWords = ["striped", "stripy", "stripes", "tabby", "brindle"];
    static readonly string[] PatchWords = ["patched", "patchy", "piebald", "pinto", "calico", "patches", "paint"];

    /// <summary>The animal a description names, or null when it names none of <see cref="QuadrupedBuilds"/>.</summary>
    public static QuadrupedSpec? FromDescription(string description, int seed = 0)
    {
        var body = BodyCatalog.Find(description);
        if (body is null || body.Rig != BodyRig.Quadruped) return null;
        if (!QuadrupedBuilds.All.TryGetValue(body.Build, out var build)) return null;
        var text = description.ToLowerInvariant();
        var words = Tokenizer.Words(text);
        bool Any(IEnumerable<string> ws) => ws.Any(words.Contains);
        bool variant = false;
        foreach (var w in words)
            if (Variants.TryGetValue(w, out var v)) { build = v(build); variant = true; }
        if (body.Variant is { } named && Variants.TryGetValue(named, out var bv)) { build = bv(build); variant = true; }

        // Coat colours: the first colour named is the coat, a second one the markings ("a black and white cow").
        var colors = AttributeExtractor.Extract(text).Colors.Select(c => FurTone(c)).ToList();
        if (colors.Count > 0) build = build with { Coat = colors[0], Marking = colors.Count > 1 ? colors[1] : Lighter(colors[0]) };
        if (colors.Count > 1 && build.Pattern == CoatPattern.Solid) build = build with { Pattern = CoatPattern.Patches };
        // One colour named ("a black cat", "a brown cow"): a solid coat, unless the pattern is what the species or breed is
        // known by (a tiger's stripes, a dalmatian's spots).
        if (colors.Count == 1 && !variant && build.Id is not ("tiger" or "zebra" or "leopard" or "giraffe" or "panda" or "fox")) build = build with { Pattern = CoatPattern.Solid };
        if (Any(SpotWords)) build = build with { Pattern = CoatPattern.Spots, Marking = colors.Count > 1 ? colors[1] : Contrast(build.Coat) };
        if (Any(StripeWords)) build = build with { Pattern = CoatPattern.Stripes, Marking = colors.Count > 1 ? colors[1] : Contrast(build.Coat) };
        if (Any(PatchWords)) build = build with { Pattern = CoatPattern.Patches, Marking = colors.Count > 1 ? colors[1] : Contrast(build.Coat) };
        if (words.Contains("fluffy") || words.Contains("shaggy")) build = build with { Fur = 1.0f };

        bool young = Any(YoungWords);
        float size = AttributeExtractor.Extract(text).SizeFactor * body.Scale * (young ? 0.55f : 1f);
        if (young) build = build with { Head = build.Head * 1.3f, Muzzle = build.Muzzle * 0.7f, Features = build.Features & ~(QuadrupedFeatures.Antlers | QuadrupedFeatures.Mane | QuadrupedFeatures.Tusks) };
        // A little natural variation in size per seed (±6 %), so two dogs of one prompt differ.
        float jitter = 1 + 0.06f * (float)(new Random(seed * 7919 + 3).NextDouble() * 2 - 1);
        return new QuadrupedSpec(description, build, Math.Clamp(build.Withers * size * jitter, 0.05f, 6f), young);
    }

    /// <summary>Colour words read as fur: "brown" is a brown coat, not the web's red-brown; "red" (a red fox, a red setter) is russet.</summary>
    static Vector3 FurTone(NamedColor c) => c.Name switch
    {
        "brown" => new(0.42f, 0.27f, 0.15f),
        "red" => new(0.72f, 0.32f, 0.12f),
        "golden" or "gold" => new(0.86f, 0.64f, 0.3f),
        "ginger" or "orange" => new(0.88f, 0.48f, 0.16f),
        "black" => new(0.07f, 0.06f, 0.06f),
        "white" => new(0.94f, 0.93f, 0.9f),
        "grey" or "gray" => new(0.52f, 0.52f, 0.53f),
        "yellow" => new(0.9f, 0.78f, 0.45f),
        _ => c.Rgb,
    };

    static Vector3 Lighter(Vector3 c) => Vector3.Lerp(c, new Vector3(0.95f, 0.92f, 0.85f), 0.45f);
    static Vector3 Contrast(Vector3 c) => c.X + c.Y + c.Z > 1.5f ? new Vector3(0.08f, 0.07f, 0.06f) : new Vector3(0.93f, 0.92f, 0.88f);
}
