using C3V.World;

namespace C3V.Actors;

/// <summary>
/// One kind of body a noun names: which rig builds it (<see cref="Kind"/>), which build of that rig
/// (<see cref="Build"/>: a species, a vehicle type), a size factor for young or small variants, and real sizes.
/// </summary>
/// <param name="Noun">The noun as written (singular).</param>
/// <param name="Height">Typical overall height of the body, metres (top of the head for people and animals, the
/// roof for vehicles).</param>
/// <param name="MinHeight">Smallest usual adult height, metres.</param>
/// <param name="MaxHeight">Largest usual height, metres.</param>
/// <param name="Variant">A breed or variant word the builder reads (e.g. "polar" for a polar bear).</param>
public sealed record BodyType(string Noun, ActorKind Kind, string Build, float Height, float MinHeight, float MaxHeight, float Scale = 1, string? Variant = null)
{
    /// <summary>The rig's id plus the build, e.g. "quadruped/dog".</summary>
    public string Id => $"{Kind.ToString().ToLowerInvariant()}/{Build}";

    /// <summary>The skeleton layout this body is built on (and so the clips that fit it).</summary>
    public BodyRig Rig => Kind switch
    {
        ActorKind.Quadruped => BodyRig.Quadruped,
        ActorKind.Bird => BodyRig.Bird,
        ActorKind.Vehicle or ActorKind.Object => BodyRig.Rigid,
        ActorKind.Creature => Build switch { "gorilla" or "dragon" => BodyRig.Quadruped, "dinosaur" => BodyRig.Bird, _ => BodyRig.Human },
        _ => BodyRig.Human,
    };
}

/// <summary>
/// The bodies stage's noun table: which body each actor noun gets, and its real size range, for the actor
/// stage (which rig to build), the annotations (<see cref="ActorKinds"/>) and the director (sizes for the
/// lifter, a category for the parser). Query with <see cref="ForNoun"/> (a head noun) or <see cref="Find"/>
/// (the first body noun in a phrase).
/// </summary>
public static class BodyCatalog
{
    static BodyType Q(string noun, string build, float height, float min, float max, float scale = 1, string? variant = null) =>
        new(noun, ActorKind.Quadruped, build, height, min, max, scale, variant);
    static BodyType B(string noun, string build, float height, float min, float max, float scale = 1) => new(noun, ActorKind.Bird, build, height, min, max, scale);
    static BodyType V(string noun, string build, float height, float min, float max) => new(noun, ActorKind.Vehicle, build, height, min, max);
    static BodyType O(string noun, string build, float height, float min, float max) => new(noun, ActorKind.Object, build, height, min, max);
    static BodyType C(string noun, string build, float height, float min, float max, float scale = 1) => new(noun, ActorKind.Creature, build, height, min, max, scale);
    static BodyType H(string noun, float height) => new(noun, ActorKind.Human, "human", height, height * 0.88f, height * 1.1f);

    /// <summary>Every entry. Heights: quadrupeds to the top of the head in the standing rest pose.</summary>
    public static IReadOnlyList<BodyType> All { get; } =
    [
        // Quadrupeds (withers → head-top: a dog of 0.55 m at the shoulder stands about 0.75 m to the ears).
        Q("dog", "dog", 0.75f, 0.45f, 0.95f), Q("hound", "dog", 0.8f, 0.6f, 0.95f), Q("labrador", "dog", 0.8f, 0.7f, 0.9f, variant: "labrador"),
        Q("retriever", "dog", 0.8f, 0.7f, 0.9f, variant: "retriever"), Q("collie", "dog", 0.75f, 0.65f, 0.85f), Q("spaniel", "dog", 0.6f, 0.5f, 0.7f, 0.8f),
        Q("beagle", "dog", 0.5f, 0.45f, 0.6f, 0.7f, "beagle"), Q("poodle", "dog", 0.7f, 0.3f, 0.8f, variant: "poodle"), Q("dalmatian", "dog", 0.8f, 0.7f, 0.9f, variant: "dalmatian"),
        Q("husky", "big dog", 0.8f, 0.7f, 0.9f, 0.85f, "husky"),
        Q("mastiff", "big dog", 0.95f, 0.85f, 1.05f, 1.05f), Q("rottweiler", "big dog", 0.85f, 0.75f, 0.95f), Q("doberman", "big dog", 0.9f, 0.8f, 1.0f),
        Q("puppy", "dog", 0.4f, 0.2f, 0.55f), Q("pup", "dog", 0.4f, 0.2f, 0.55f),
        Q("chihuahua", "small dog", 0.3f, 0.2f, 0.35f, 0.7f), Q("terrier", "small dog", 0.45f, 0.3f, 0.55f), Q("pug", "small dog", 0.4f, 0.35f, 0.45f, 1, "pug"),
        Q("corgi", "small dog", 0.4f, 0.35f, 0.45f, 1, "corgi"), Q("dachshund", "small dog", 0.35f, 0.3f, 0.4f, 0.9f, "dachshund"), Q("pomeranian", "small dog", 0.3f, 0.25f, 0.35f, 0.8f),
        Q("cat", "cat", 0.35f, 0.28f, 0.42f), Q("kitten", "cat", 0.2f, 0.12f, 0.28f), Q("kitty", "cat", 0.3f, 0.2f, 0.4f), Q("tabby", "cat", 0.35f, 0.28f, 0.42f, 1, "tabby"),
        Q("horse", "horse", 2.2f, 1.9f, 2.5f), Q("stallion", "horse", 2.3f, 2.0f, 2.5f), Q("mare", "horse", 2.2f, 1.9f, 2.4f), Q("pony", "horse", 1.5f, 1.1f, 1.8f, 0.7f), Q("foal", "horse", 1.4f, 1.1f, 1.7f),
        Q("unicorn", "horse", 2.2f, 1.9f, 2.5f, 1, "unicorn"), Q("donkey", "donkey", 1.7f, 1.4f, 1.9f), Q("mule", "donkey", 1.9f, 1.6f, 2.1f, 1.1f, "mule"), Q("zebra", "zebra", 1.9f, 1.7f, 2.1f),
        Q("cow", "cow", 1.65f, 1.45f, 1.85f), Q("cattle", "cow", 1.65f, 1.45f, 1.85f), Q("calf", "cow", 0.95f, 0.7f, 1.2f), Q("bull", "bull", 1.75f, 1.5f, 1.95f), Q("ox", "bull", 1.8f, 1.6f, 2.0f),
        Q("buffalo", "bull", 1.8f, 1.6f, 2.0f), Q("yak", "bull", 1.8f, 1.6f, 2.0f),
        Q("wolf", "wolf", 1.0f, 0.85f, 1.1f), Q("coyote", "wolf", 0.75f, 0.65f, 0.85f, 0.75f), Q("fox", "fox", 0.5f, 0.42f, 0.58f),
        Q("bear", "bear", 1.2f, 0.9f, 1.5f), Q("grizzly", "bear", 1.35f, 1.1f, 1.5f, 1.1f, "grizzly"), Q("cub", "bear", 0.6f, 0.4f, 0.8f), Q("panda", "panda", 0.95f, 0.8f, 1.05f),
        Q("sheep", "sheep", 0.95f, 0.8f, 1.1f), Q("lamb", "sheep", 0.55f, 0.4f, 0.7f), Q("ram", "sheep", 1.0f, 0.85f, 1.15f, 1.05f, "ram"), Q("goat", "goat", 0.95f, 0.7f, 1.1f),
        Q("pig", "pig", 0.85f, 0.6f, 1.0f), Q("piglet", "pig", 0.4f, 0.3f, 0.5f), Q("hog", "pig", 0.9f, 0.75f, 1.0f), Q("boar", "pig", 0.95f, 0.8f, 1.05f, 1, "boar"),
        Q("deer", "deer", 1.6f, 1.3f, 1.9f), Q("stag", "deer", 1.8f, 1.5f, 2.0f, 1.1f), Q("doe", "deer", 1.45f, 1.2f, 1.6f, 0.95f, "doe"), Q("fawn", "deer", 0.9f, 0.6f, 1.1f),
        Q("reindeer", "deer", 1.6f, 1.4f, 1.8f, 1.05f, "reindeer"), Q("elk", "deer", 2.2f, 1.9f, 2.5f, 1.35f), Q("moose", "deer", 2.4f, 2.0f, 2.7f, 1, "moose"),
        Q("lion", "lion", 1.3f, 1.15f, 1.45f), Q("lioness", "lion", 1.15f, 1.0f, 1.3f, 0.9f, "lioness"), Q("tiger", "tiger", 1.2f, 1.0f, 1.35f),
        Q("leopard", "leopard", 0.85f, 0.7f, 0.95f), Q("cheetah", "leopard", 0.95f, 0.8f, 1.05f, 1.1f, "cheetah"), Q("jaguar", "leopard", 0.9f, 0.75f, 1.0f, 1.05f, "jaguar"),
        Q("panther", "leopard", 0.9f, 0.75f, 1.0f, 1.05f, "panther"), Q("elephant", "elephant", 3.3f, 2.6f, 3.9f), Q("giraffe", "giraffe", 5.0f, 4.3f, 5.7f),
        Q("camel", "camel", 2.2f, 1.9f, 2.4f), Q("rabbit", "rabbit", 0.3f, 0.2f, 0.4f), Q("bunny", "rabbit", 0.25f, 0.2f, 0.35f, 0.85f), Q("hare", "rabbit", 0.35f, 0.3f, 0.45f, 1.2f),
        Q("chimpanzee", "gorilla", 1.0f, 0.8f, 1.2f, 0.7f, "chimpanzee"), Q("ape", "gorilla", 1.3f, 1.0f, 1.5f), Q("monkey", "gorilla", 0.55f, 0.4f, 0.7f, 0.4f, "monkey"),
        // Creatures that are not people.
        C("gorilla", "gorilla", 1.5f, 1.3f, 1.8f), C("dragon", "dragon", 2.6f, 1.8f, 4.0f), C("dinosaur", "dinosaur", 3.8f, 2.5f, 5.0f), C("t-rex", "dinosaur", 3.8f, 3.2f, 4.5f),
        C("trex", "dinosaur", 3.8f, 3.2f, 4.5f), C("tyrannosaurus", "dinosaur", 3.8f, 3.2f, 4.5f), C("velociraptor", "dinosaur", 1.6f, 1.2f, 2.0f, 0.42f), C("raptor", "dinosaur", 1.6f, 1.2f, 2.0f, 0.42f), C("ghost", "ghost", 1.75f, 1.5f, 2.0f), C("spirit", "ghost", 1.75f, 1.5f, 2.0f),
        // Birds (height standing).
        B("bird", "small bird", 0.14f, 0.08f, 0.25f), B("sparrow", "small bird", 0.12f, 0.1f, 0.15f), B("robin", "small bird", 0.13f, 0.11f, 0.15f), B("songbird", "small bird", 0.13f, 0.1f, 0.16f),
        B("pigeon", "pigeon", 0.3f, 0.25f, 0.35f), B("dove", "pigeon", 0.28f, 0.24f, 0.32f), B("crow", "crow", 0.4f, 0.35f, 0.45f), B("raven", "crow", 0.5f, 0.45f, 0.6f, 1.2f),
        B("seagull", "gull", 0.4f, 0.35f, 0.45f), B("gull", "gull", 0.4f, 0.35f, 0.45f), B("parrot", "parrot", 0.4f, 0.3f, 0.5f), B("owl", "owl", 0.45f, 0.3f, 0.6f),
        B("eagle", "eagle", 0.8f, 0.7f, 0.95f), B("hawk", "eagle", 0.55f, 0.45f, 0.65f, 0.7f), B("falcon", "eagle", 0.45f, 0.35f, 0.55f, 0.6f), B("vulture", "eagle", 0.85f, 0.7f, 1.0f, 1.1f),
        B("penguin", "penguin", 0.7f, 0.4f, 1.1f), B("duck", "duck", 0.4f, 0.3f, 0.5f), B("duckling", "duck", 0.15f, 0.1f, 0.2f, 0.4f), B("goose", "goose", 0.75f, 0.6f, 0.9f),
        B("swan", "swan", 1.1f, 0.9f, 1.3f), B("chicken", "chicken", 0.45f, 0.35f, 0.55f), B("hen", "chicken", 0.45f, 0.35f, 0.55f), B("rooster", "chicken", 0.6f, 0.5f, 0.7f, 1.2f),
        B("chick", "chicken", 0.1f, 0.07f, 0.14f, 0.25f), B("flamingo", "flamingo", 1.3f, 1.1f, 1.5f), B("ostrich", "ostrich", 2.5f, 2.1f, 2.8f), B("peacock", "peacock", 1.0f, 0.8f, 1.2f),
        // Vehicles (height to the roof / handlebars).
        V("car", "car", 1.45f, 1.3f, 1.7f), V("taxi", "car", 1.5f, 1.4f, 1.6f), V("automobile", "car", 1.45f, 1.3f, 1.7f), V("jeep", "suv", 1.8f, 1.6f, 2.0f), V("suv", "suv", 1.8f, 1.6f, 2.0f),
        V("van", "van", 2.0f, 1.8f, 2.5f), V("truck", "truck", 3.0f, 2.2f, 4.0f), V("lorry", "truck", 3.2f, 2.5f, 4.0f), V("bus", "bus", 3.0f, 2.8f, 3.4f), V("tractor", "tractor", 2.5f, 2.0f, 3.0f),
        V("bicycle", "bicycle", 1.05f, 0.9f, 1.2f), V("bike", "bicycle", 1.05f, 0.9f, 1.2f), V("motorcycle", "motorcycle", 1.2f, 1.0f, 1.4f), V("motorbike", "motorcycle", 1.2f, 1.0f, 1.4f),
        V("scooter", "scooter", 1.1f, 0.9f, 1.3f), V("skateboard", "skateboard", 0.12f, 0.1f, 0.15f), V("boat", "boat", 1.4f, 0.8f, 3.0f), V("sailboat", "sailboat", 6f, 4f, 10f),
        V("ship", "ship", 12f, 6f, 30f), V("canoe", "canoe", 0.5f, 0.4f, 0.7f), V("kayak", "canoe", 0.45f, 0.35f, 0.6f), V("train", "train", 4.0f, 3.5f, 4.5f), V("tram", "train", 3.5f, 3.2f, 3.8f),
        V("drone", "drone", 0.2f, 0.1f, 0.4f), V("helicopter", "helicopter", 3.5f, 3.0f, 4.5f), V("airplane", "airplane", 4.0f, 2.0f, 12f), V("plane", "airplane", 4.0f, 2.0f, 12f),
        // Rigid objects.
        O("ball", "ball", 0.22f, 0.05f, 0.7f), O("football", "ball", 0.22f, 0.2f, 0.24f), O("basketball", "ball", 0.24f, 0.23f, 0.25f), O("balloon", "balloon", 0.35f, 0.25f, 0.5f),
        O("kite", "kite", 0.9f, 0.5f, 1.5f), O("box", "box", 0.4f, 0.2f, 1.0f), O("crate", "box", 0.5f, 0.3f, 1.0f), O("barrel", "barrel", 0.9f, 0.6f, 1.1f),
        // People (so a phrase such as "a girl with her dog" is a person: the first body noun decides).
        H("person", 1.72f), H("man", 1.78f), H("woman", 1.65f), H("boy", 1.3f), H("girl", 1.25f), H("child", 1.25f), H("kid", 1.25f), H("baby", 0.75f), H("people", 1.72f),
        H("lady", 1.65f), H("guy", 1.78f), H("rider", 1.75f), H("cowboy", 1.8f), H("farmer", 1.78f), H("shepherd", 1.78f), H("hiker", 1.75f), H("jogger", 1.75f), H("runner", 1.75f),
        H("cyclist", 1.75f), H("skier", 1.75f), H("dancer", 1.7f), H("knight", 1.8f), H("soldier", 1.8f), H("owner", 1.75f), H("trainer", 1.75f), H("teenager", 1.68f),
        new("robot", ActorKind.Robot, "robot", 1.8f, 0.5f, 3f), new("android", ActorKind.Robot, "robot", 1.8f, 1.5f, 2f),
    ];

    static readonly Dictionary<string, BodyType> ByNoun = BuildIndex();

    static Dictionary<string, BodyType> BuildIndex()
    {
        var d = new Dictionary<string, BodyType>(StringComparer.OrdinalIgnoreCase);
        foreach (var b in All) d.TryAdd(b.Noun, b);
        // Plurals ("dogs", "horses", "puppies", "wolves", "geese", "mice").
        foreach (var b in All)
        {
            string n = b.Noun;
            d.TryAdd(n + "s", b);
            d.TryAdd(n + "es", b);
            if (n.EndsWith('y')) d.TryAdd(n[..^1] + "ies", b);
            if (n.EndsWith('f')) d.TryAdd(n[..^1] + "ves", b);
        }
        d.TryAdd("geese", d["goose"]); d.TryAdd("men", d["man"]); d.TryAdd("women", d["woman"]); d.TryAdd("children", d["child"]);
        d.TryAdd("oxen", d["ox"]); d.TryAdd("deers", d["deer"]); d.TryAdd("dinosaurs", d["dinosaur"]);
        return d;
    }

    /// <summary>The body a head noun names ("dog", "horses", "bus"), or null when the table does not know it.</summary>
    public static BodyType? ForNoun(string? noun) =>
        string.IsNullOrWhiteSpace(noun) ? null : ByNoun.GetValueOrDefault(noun.Trim().ToLowerInvariant());

    /// <summary>
    /// The first body noun in <paramref name="text"/> ("a brown dog runs" → dog; "a girl with her dog" → person;
    /// "a polar bear" → bear with the polar variant). Two-word names are tried before single words.
    /// </summary>
    public static BodyType? Find(string? text)
    {
        var words = Tokenizer.Words((text ?? "").ToLowerInvariant());
        for (int i = 0; i < words.Count; i++)
        {
            // "german shepherd" is a dog, a lone "shepherd" a person; "polar bear" keeps its variant word.
            if (i + 1 < words.Count && words[i] == "german" && words[i + 1] == "shepherd") return ByNoun["shepherd"] with { Kind = ActorKind.Quadruped, Build = "big dog", Height = 0.85f, Variant = "shepherd" };
            if (i + 1 < words.Count && words[i] == "t" && words[i + 1] == "rex") return ByNoun["t-rex"];
            if (ByNoun.TryGetValue(words[i], out var b)) return b;
        }
        return null;
    }
}
