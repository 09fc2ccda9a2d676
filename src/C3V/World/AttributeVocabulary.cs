namespace C3V.World;

/// <summary>The kinds of attribute words the deterministic parser knows.</summary>
public enum AttributeKind { Garment, Feature, Material, Size, Build, Count, Spatial }

/// <summary>Where a garment is worn; avatar generators use it to decide which body part a colour dresses.</summary>
public enum GarmentSlot { None, Head, Face, Neck, Torso, Legs, FullBody, Feet, Hands, Back }

/// <summary>
/// One canonical attribute with the words that mean it. <paramref name="Value"/> carries the number of a size
/// (height factor relative to normal), a count, or 0 where the kind has none.
/// </summary>
public sealed record AttributeTerm(AttributeKind Kind, string Canonical, IReadOnlyList<string> Synonyms,
    GarmentSlot Slot = GarmentSlot.None, float Value = 0)
{
    /// <summary>The canonical word first, then its synonyms: the phrases that match this term.</summary>
    public IEnumerable<string> Phrases => Synonyms.Prepend(Canonical);
}

/// <summary>
/// The deterministic attribute vocabulary: garments (with the body slot they cover), body features that take a
/// colour (hair, skin, fur…), materials, sizes, builds, counts and spatial words. Phrases may have several
/// words ("suit jacket", "in front of"); the parser matches the longest. Unknown words can be mapped onto
/// these canonical terms with an <see cref="ITextEmbedder"/> (see <see cref="AttributeResolver"/>).
/// </summary>
public static class AttributeVocabulary
{
    static AttributeTerm G(string name, GarmentSlot slot, params string[] syn) => new(AttributeKind.Garment, name, syn, slot);
    static AttributeTerm T(AttributeKind kind, string name, params string[] syn) => new(kind, name, syn);
    static AttributeTerm V(AttributeKind kind, string name, float value, params string[] syn) => new(kind, name, syn, Value: value);

    public static readonly IReadOnlyList<AttributeTerm> Garments =
    [
        G("shirt", GarmentSlot.Torso, "blouse", "top", "tunic", "polo"),
        G("t-shirt", GarmentSlot.Torso, "tshirt", "tee", "t shirt", "tank top", "jersey"),
        G("sweater", GarmentSlot.Torso, "jumper", "pullover", "cardigan", "sweatshirt", "knit"),
        G("hoodie", GarmentSlot.Torso, "hooded sweatshirt", "hooded jacket", "hooded top"),
        G("jacket", GarmentSlot.Torso, "windbreaker", "anorak", "parka", "bomber", "blazer"),
        G("suit jacket", GarmentSlot.Torso, "suit", "tuxedo", "tux", "dinner jacket", "business suit"),
        G("coat", GarmentSlot.Torso, "overcoat", "trench coat", "raincoat", "lab coat", "fur coat"),
        G("vest", GarmentSlot.Torso, "waistcoat", "gilet"),
        G("dress", GarmentSlot.FullBody, "gown", "sundress", "frock", "ball gown", "wedding dress"),
        G("robe", GarmentSlot.FullBody, "kimono", "bathrobe", "cloak", "kaftan", "toga"),
        G("overalls", GarmentSlot.FullBody, "jumpsuit", "boiler suit", "coveralls", "dungarees", "onesie"),
        G("tracksuit", GarmentSlot.FullBody, "track suit", "sweatsuit", "jogging suit", "training suit"),
        G("leotard", GarmentSlot.Torso, "bodysuit"),
        G("ski suit", GarmentSlot.FullBody, "ski clothes", "ski gear", "snowsuit", "ski jacket", "ski outfit"),
        G("spacesuit", GarmentSlot.FullBody, "space suit", "astronaut suit", "pressure suit"),
        G("armor", GarmentSlot.FullBody, "armour", "plate armor", "chainmail", "breastplate"),
        G("uniform", GarmentSlot.FullBody, "scrubs", "outfit", "costume"),
        G("trousers", GarmentSlot.Legs, "pants", "slacks", "chinos", "leggings", "sweatpants", "joggers"),
        G("jeans", GarmentSlot.Legs, "denim jeans", "denims"),
        G("shorts", GarmentSlot.Legs, "swim trunks", "trunks", "bermudas"),
        G("skirt", GarmentSlot.Legs, "miniskirt", "kilt", "tutu"),
        G("hat", GarmentSlot.Head, "top hat", "fedora", "sun hat", "cowboy hat", "bowler", "sombrero", "witch hat"),
        G("cap", GarmentSlot.Head, "baseball cap", "beanie", "beret", "bonnet", "toque"),
        G("helmet", GarmentSlot.Head, "hard hat", "motorcycle helmet", "space helmet"),
        G("crown", GarmentSlot.Head, "tiara", "diadem"),
        G("hood", GarmentSlot.Head),
        G("glasses", GarmentSlot.Face, "sunglasses", "spectacles", "goggles", "shades"),
        G("mask", GarmentSlot.Face, "face mask", "balaclava"),
        G("scarf", GarmentSlot.Neck, "shawl", "muffler", "bandana"),
        G("tie", GarmentSlot.Neck, "necktie", "bow tie"),
        G("necklace", GarmentSlot.Neck, "pendant", "chain"),
        G("gloves", GarmentSlot.Hands, "glove", "mittens", "mitts", "gauntlets"),
        G("boots", GarmentSlot.Feet, "boot", "ski boots", "wellingtons", "wellies"),
        G("shoes", GarmentSlot.Feet, "shoe", "sneakers", "trainers", "sandals", "heels", "high heels", "loafers", "slippers"),
        G("cape", GarmentSlot.Back, "mantle"),
        G("backpack", GarmentSlot.Back, "rucksack", "knapsack"),
        G("apron", GarmentSlot.Torso, "pinafore"),
        G("bikini", GarmentSlot.Torso, "swimsuit", "bathing suit", "swimwear"),
    ];

    /// <summary>Parts of a body that take a colour ("blonde hair", "green skin").</summary>
    public static readonly IReadOnlyList<AttributeTerm> Features =
    [
        T(AttributeKind.Feature, "hair", "hairdo", "ponytail", "braids", "curls", "mane"),
        T(AttributeKind.Feature, "skin", "complexion"),
        T(AttributeKind.Feature, "eyes", "eye"),
        T(AttributeKind.Feature, "beard", "moustache", "mustache", "goatee"),
        T(AttributeKind.Feature, "fur", "pelt", "coat of fur"),
        T(AttributeKind.Feature, "wings", "wing"),
        T(AttributeKind.Feature, "tail"),
        T(AttributeKind.Feature, "horns", "antlers"),
    ];

    public static readonly IReadOnlyList<AttributeTerm> Materials =
    [
        T(AttributeKind.Material, "wood", "wooden", "timber", "oak", "pine wood", "plywood"),
        T(AttributeKind.Material, "stone", "rock", "granite", "cobblestone", "cobbled"),
        T(AttributeKind.Material, "marble"),
        T(AttributeKind.Material, "brick", "bricks", "brick wall"),
        T(AttributeKind.Material, "concrete", "cement", "asphalt", "tarmac"),
        T(AttributeKind.Material, "metal", "metallic", "steel", "iron", "aluminium", "aluminum", "chrome", "tin"),
        T(AttributeKind.Material, "glass", "crystal", "glassy"),
        T(AttributeKind.Material, "plastic", "vinyl", "rubber"),
        T(AttributeKind.Material, "leather", "suede"),
        T(AttributeKind.Material, "cotton", "linen"),
        T(AttributeKind.Material, "wool", "woolen", "woollen", "knitted", "fleece", "cashmere"),
        T(AttributeKind.Material, "silk", "silken", "satin", "velvet"),
        T(AttributeKind.Material, "denim"),
        T(AttributeKind.Material, "fur", "furry", "fluffy"),
        T(AttributeKind.Material, "gold", "golden", "gilded"),
        T(AttributeKind.Material, "silver", "silvery"),
        T(AttributeKind.Material, "sand", "sandy"),
        T(AttributeKind.Material, "snow", "snowy", "icy", "ice"),
        T(AttributeKind.Material, "grass", "grassy", "turf", "lawn"),
        T(AttributeKind.Material, "water", "watery"),
        T(AttributeKind.Material, "dirt", "mud", "muddy", "soil", "earth", "dusty"),
        T(AttributeKind.Material, "paper", "cardboard"),
    ];

    /// <summary>Sizes: <see cref="AttributeTerm.Value"/> is a height factor relative to an ordinary one.</summary>
    public static readonly IReadOnlyList<AttributeTerm> Sizes =
    [
        V(AttributeKind.Size, "tiny", 0.3f, "minuscule", "miniature", "mini", "teeny", "pocket-sized"),
        V(AttributeKind.Size, "small", 0.6f, "little", "petite", "smallish", "wee"),
        V(AttributeKind.Size, "short", 0.85f, "shortish", "stubby"),
        V(AttributeKind.Size, "medium", 1f, "average", "normal-sized", "mid-sized", "regular"),
        V(AttributeKind.Size, "tall", 1.15f, "lanky", "towering"),
        V(AttributeKind.Size, "big", 1.5f, "large", "sizeable", "oversized", "bigger"),
        V(AttributeKind.Size, "huge", 2.5f, "giant", "enormous", "gigantic", "massive", "colossal", "immense", "titanic"),
    ];

    public static readonly IReadOnlyList<AttributeTerm> Builds =
    [
        T(AttributeKind.Build, "slim", "thin", "skinny", "slender", "lean", "wiry", "scrawny"),
        T(AttributeKind.Build, "athletic", "muscular", "strong", "fit", "buff", "brawny", "sporty"),
        T(AttributeKind.Build, "heavy", "fat", "chubby", "stout", "plump", "portly", "overweight", "burly", "stocky"),
        T(AttributeKind.Build, "average build", "medium build"),
    ];

    /// <summary>Counts: <see cref="AttributeTerm.Value"/> is the number ("a few" → 3, "a crowd of" → 6).</summary>
    public static readonly IReadOnlyList<AttributeTerm> Counts =
    [
        V(AttributeKind.Count, "one", 1, "a", "an", "single", "a single", "lone", "a lone", "solitary"),
        V(AttributeKind.Count, "two", 2, "a pair of", "a couple of", "both", "twin", "twins", "pair of", "couple of"),
        V(AttributeKind.Count, "three", 3, "a few", "few", "several", "a trio of", "trio of", "a group of", "group of", "some"),
        V(AttributeKind.Count, "four", 4, "a quartet of", "quartet of"),
        V(AttributeKind.Count, "five", 5),
        V(AttributeKind.Count, "six", 6, "a crowd of", "crowd of", "many", "lots of", "a lot of", "a bunch of", "bunch of", "a dozen", "dozens of"),
        V(AttributeKind.Count, "seven", 7), V(AttributeKind.Count, "eight", 8), V(AttributeKind.Count, "nine", 9),
        V(AttributeKind.Count, "ten", 10), V(AttributeKind.Count, "eleven", 11), V(AttributeKind.Count, "twelve", 12),
    ];

    /// <summary>Spatial relations and image regions the placement stage understands.</summary>
    public static readonly IReadOnlyList<AttributeTerm> Spatial =
    [
        T(AttributeKind.Spatial, "left", "leftmost", "left side", "left hand side", "left-hand side", "to the left"),
        T(AttributeKind.Spatial, "right", "rightmost", "right side", "right hand side", "right-hand side", "to the right"),
        T(AttributeKind.Spatial, "center", "centre", "middle", "central", "in the middle of", "center of", "centre of"),
        T(AttributeKind.Spatial, "top", "upper", "top of"),
        T(AttributeKind.Spatial, "bottom", "lower", "bottom of"),
        T(AttributeKind.Spatial, "corner", "corners"),
        T(AttributeKind.Spatial, "front", "in front of", "before", "foreground", "ahead of", "facing"),
        T(AttributeKind.Spatial, "behind", "back of", "in back of", "background", "rear", "at the back"),
        T(AttributeKind.Spatial, "near", "close to", "nearby", "next to", "beside", "by", "alongside", "near to", "close"),
        T(AttributeKind.Spatial, "far", "far from", "far away", "distant", "away from", "in the distance"),
        T(AttributeKind.Spatial, "on", "on top of", "onto", "upon", "atop"),
        T(AttributeKind.Spatial, "under", "below", "beneath", "underneath"),
        T(AttributeKind.Spatial, "above", "over"),
        T(AttributeKind.Spatial, "between", "among", "amid", "in between"),
        T(AttributeKind.Spatial, "around", "circling", "round", "in circles around"),
        T(AttributeKind.Spatial, "from", "out of", "away"),
        T(AttributeKind.Spatial, "to", "towards", "toward", "into", "up to", "over to"),
        T(AttributeKind.Spatial, "across", "through", "along", "past"),
        T(AttributeKind.Spatial, "inside", "in", "within"),
        T(AttributeKind.Spatial, "outside", "outdoors"),
    ];

    /// <summary>Every term of every kind.</summary>
    public static IEnumerable<AttributeTerm> All =>
        Garments.Concat(Features).Concat(Materials).Concat(Sizes).Concat(Builds).Concat(Counts).Concat(Spatial);

    /// <summary>The terms of one kind.</summary>
    public static IReadOnlyList<AttributeTerm> OfKind(AttributeKind kind) => kind switch
    {
        AttributeKind.Garment => Garments,
        AttributeKind.Feature => Features,
        AttributeKind.Material => Materials,
        AttributeKind.Size => Sizes,
        AttributeKind.Build => Builds,
        AttributeKind.Count => Counts,
        AttributeKind.Spatial => Spatial,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    static readonly Dictionary<(AttributeKind, string), AttributeTerm> Index = BuildIndex();

    static Dictionary<(AttributeKind, string), AttributeTerm> BuildIndex()
    {
        var d = new Dictionary<(AttributeKind, string), AttributeTerm>();
        foreach (var t in All)
            foreach (var p in t.Phrases)
                d.TryAdd((t.Kind, Tokenizer.Join(Tokenizer.Words(p))), t);
        return d;
    }

    /// <summary>The term of <paramref name="kind"/> that <paramref name="phrase"/> names exactly (case and
    /// hyphens ignored), or null.</summary>
    public static AttributeTerm? Find(AttributeKind kind, string phrase) =>
        Index.GetValueOrDefault((kind, Tokenizer.Join(Tokenizer.Words(phrase))));

    /// <summary>The longest phrase (in words, up to 4) of <paramref name="kind"/> starting at word
    /// <paramref name="start"/>; returns the term and the number of words it spans, or (null, 0).</summary>
    public static (AttributeTerm? Term, int Length) MatchAt(AttributeKind kind, IReadOnlyList<string> words, int start)
    {
        for (int len = Math.Min(4, words.Count - start); len >= 1; len--)
        {
            string key = string.Join(' ', words.Skip(start).Take(len));
            if (Index.TryGetValue((kind, key), out var t)) return (t, len);
        }
        return (null, 0);
    }
}
