namespace C3V.Direct.Rules;

/// <summary>What the rule parser knows about an actor noun: its category and typical standing height.</summary>
public readonly record struct NounInfo(ActorCategory Category, double HeightMeters);

/// <summary>What the rule parser knows about a verb: whether it carries the actor across the scene.</summary>
public readonly record struct VerbInfo(string Lemma, bool Travels);

/// <summary>
/// The rule director's English word lists: actor nouns (category, typical height), motion verbs (do they
/// travel), place nouns (scenes vs. things in a scene), image-region words and function words. Colours,
/// garments, sizes and counts come from the world stage's vocabulary (<see cref="World.AttributeVocabulary"/>,
/// <see cref="World.ColorNames"/>); words found in neither are classified by meaning (<see cref="PhraseClassifier"/>).
/// </summary>
static class Lexicon
{
    static Dictionary<string, NounInfo> Nouns(ActorCategory c, double h, params string[] words) =>
        words.Distinct().ToDictionary(w => w, _ => new NounInfo(c, h));

    /// <summary>Singular actor nouns.</summary>
    public static readonly IReadOnlyDictionary<string, NounInfo> ActorNouns = new[]
    {
        Nouns(ActorCategory.Human, 1.78, "man", "gentleman", "guy", "boyfriend", "husband", "father", "dad", "king", "prince", "cowboy", "monk", "businessman", "grandfather", "grandpa", "knight", "samurai", "warrior", "soldier", "pirate", "wizard", "warlock", "sorcerer", "priest", "sailor", "fisherman", "policeman", "fireman", "firefighter", "farmer", "viking"),
        Nouns(ActorCategory.Human, 1.65, "woman", "lady", "girlfriend", "wife", "mother", "mom", "queen", "princess", "grandmother", "grandma", "witch", "sorceress", "ballerina", "nun", "bride", "geisha"),
        Nouns(ActorCategory.Human, 1.72, "person", "human", "adult", "dancer", "athlete", "player", "runner", "jogger", "skater", "boxer", "fighter", "chef", "cook", "doctor", "nurse", "teacher", "student", "worker", "hiker", "tourist", "astronaut", "ninja", "clown", "magician", "musician", "singer", "guitarist", "drummer", "pianist", "violinist", "performer", "actor", "actress", "model", "gymnast", "acrobat", "juggler", "climber", "swimmer", "surfer", "skier", "snowboarder", "cyclist", "officer", "guard", "detective", "scientist", "explorer", "traveler", "traveller", "pedestrian", "character", "hero", "villain", "superhero", "teenager", "teen", "youth", "stranger", "friend", "couple", "waiter", "waitress", "janitor", "gardener", "mime", "referee", "goalkeeper", "karateka", "yogi", "dj", "rapper", "mechanic", "painter", "photographer"),
        Nouns(ActorCategory.Human, 1.72, "thief", "burglar", "robber", "criminal", "partner", "striker", "defender", "coach", "pilot", "shepherd", "owner", "trainer", "rider", "wrestler", "sprinter", "kickboxer", "fencer", "tailor", "hunter", "butler", "maid", "servant", "sheriff", "cop", "spectator", "boss", "employee", "customer", "shopper", "vendor", "seller", "baker", "butcher", "carpenter", "builder", "plumber", "driver", "passenger", "neighbor", "neighbour", "visitor", "guest", "poet", "writer", "artist", "sculptor", "archer", "ranger", "lifeguard", "paramedic", "surgeon", "dentist", "professor", "lecturer", "pupil", "classmate", "teammate", "opponent", "rival", "champion", "captain", "sergeant", "emperor", "monarch", "jester", "bard", "beggar", "peasant", "merchant", "nomad", "bodybuilder", "weightlifter", "footballer", "pitcher", "batter", "golfer", "mountaineer", "backpacker", "camper", "diver", "rower", "paddler", "skateboarder", "rollerblader", "jockey", "toddler", "pensioner", "bystander", "onlooker", "commuter", "cellist", "saxophonist", "trumpeter", "flutist", "harpist", "bassist", "choreographer", "stuntman", "bouncer", "barista", "bartender", "cashier", "florist", "miner", "welder", "astronomer", "inventor", "nanny", "babysitter", "twin", "sibling", "cousin", "companion", "buddy", "pal", "roommate", "colleague", "coworker", "mentor", "apprentice", "squire", "cheerleader", "gladiator", "caveman", "member", "attendant", "medic", "pickpocket", "usher", "guide", "lover", "official", "volunteer", "intern", "resident", "citizen", "patient", "recruit", "cadet", "veteran", "supporter", "spectator", "parent", "grandparent", "newcomer", "villager", "townsperson", "firefighter", "paramedic", "courier", "tourist", "lumberjack", "hunter", "shopkeeper", "postman", "mailman", "fireman", "lawyer", "judge", "banker", "reporter", "journalist", "cameraman", "clerk", "secretary", "housekeeper", "cleaner", "athlete", "player"),
        Nouns(ActorCategory.Human, 1.78, "brother", "uncle", "grandson", "nephew", "grandad", "granddad", "lord", "duke", "sultan", "pharaoh"),
        Nouns(ActorCategory.Human, 1.65, "sister", "aunt", "granddaughter", "niece", "duchess", "heroine", "empress", "cowgirl", "maiden"),
        Nouns(ActorCategory.Human, 1.25, "child", "kid", "boy", "girl", "schoolboy", "schoolgirl", "toddler", "son", "daughter"),
        Nouns(ActorCategory.Human, 0.75, "baby", "infant"),
        Nouns(ActorCategory.Creature, 1.6, "alien", "elf", "fairy", "pixie", "angel", "demon", "devil", "goblin", "ghost", "spirit", "mermaid", "centaur", "minotaur", "werewolf", "yeti", "gnome", "dwarf", "imp", "satyr", "faun", "humanoid", "monster", "creature", "skeleton", "lizardman", "zombie", "vampire", "mummy"),
        Nouns(ActorCategory.Creature, 2.4, "troll", "ogre", "orc", "giant", "golem", "cyclops"),
        Nouns(ActorCategory.Robot, 1.8, "robot", "android", "cyborg", "droid", "automaton", "mech", "bot", "terminator"),
        Nouns(ActorCategory.Animal, 0.6, "dog", "puppy", "wolf", "fox", "goat", "sheep", "pig", "coyote", "hyena", "lamb", "panda", "koala", "monkey", "kangaroo", "penguin", "chimpanzee"),
        Nouns(ActorCategory.Animal, 0.8, "seal", "otter", "beaver", "badger", "skunk", "meerkat", "sloth", "walrus", "hare", "cub", "calf", "piglet", "foal", "boar", "lynx", "jackal", "mongoose", "weasel", "ferret", "porcupine", "armadillo", "crocodile", "alligator", "iguana", "tortoise", "snake", "cobra", "swan", "eagle", "hawk", "falcon", "seagull", "gull", "flamingo", "peacock", "sparrow", "robin", "dove", "raven", "stag", "doe", "fawn", "elk", "ox", "buffalo", "yak", "mule", "stallion", "mare", "ram", "jaguar", "panther", "lioness", "grizzly", "ape", "hound", "labrador", "retriever", "collie", "poodle", "husky", "terrier", "beagle", "dalmatian", "chick", "duckling"),
        Nouns(ActorCategory.Animal, 0.3, "cat", "kitten", "rabbit", "bunny", "duck", "chicken", "hen", "rooster", "bird", "crow", "owl", "squirrel", "raccoon", "frog", "turtle", "lizard", "rat", "mouse", "hedgehog", "pigeon", "goose", "parrot"),
        Nouns(ActorCategory.Animal, 1.5, "horse", "pony", "cow", "bull", "deer", "bear", "lion", "tiger", "leopard", "cheetah", "zebra", "camel", "donkey", "moose", "gorilla", "ostrich", "reindeer", "unicorn", "llama", "alpaca"),
        Nouns(ActorCategory.Animal, 3.2, "elephant", "dinosaur", "dragon", "rhino", "rhinoceros", "hippo", "t-rex", "mammoth"),
        Nouns(ActorCategory.Animal, 5.0, "giraffe"),
        Nouns(ActorCategory.Object, 0.25, "ball", "football", "basketball", "balloon", "drone", "box", "toy", "frisbee", "kite", "puck", "crate", "barrel"),
        Nouns(ActorCategory.Object, 1.5, "car", "bicycle", "bike", "motorcycle", "cart", "scooter", "wheelchair", "bus", "truck", "van", "taxi", "jeep", "tractor", "lorry", "motorbike", "boat", "canoe", "kayak", "sailboat", "helicopter", "airplane", "plane", "tram", "ambulance", "limousine", "skateboard", "suv"),
    }.SelectMany(d => d).DistinctBy(kv => kv.Key).ToDictionary(kv => kv.Key, kv => kv.Value); // the first list naming a noun wins

    /// <summary>
    /// An actor noun (singular): the parser's own list first, then the bodies stage's table
    /// (<see cref="Actors.BodyCatalog"/>), so every noun a body can be built for is read as an actor with that body's category.
    /// </summary>
    public static bool TryActorNoun(string singular, out NounInfo info)
    {
        if (ActorNouns.TryGetValue(singular, out info)) return true;
        if (Actors.BodyCatalog.ForNoun(singular) is { } body && body.Noun == singular)
        {
            info = new NounInfo(body.Kind switch
            {
                Actors.ActorKind.Human => ActorCategory.Human,
                Actors.ActorKind.Robot => ActorCategory.Robot,
                Actors.ActorKind.Creature => ActorCategory.Creature,
                Actors.ActorKind.Quadruped or Actors.ActorKind.Bird => ActorCategory.Animal,
                _ => ActorCategory.Object,
            }, body.Height);
            return true;
        }
        return false;
    }

    /// <summary>Whether a word (singular or plural) is an actor noun.</summary>
    public static bool IsActorNoun(string word) => TryActorNoun(Singular(word), out _);

    /// <summary>Whether a word (singular or plural) names a vehicle ("bus", "boats"): present in a scene, it is an actor like a being.</summary>
    public static bool IsVehicleNoun(string word) => Actors.BodyCatalog.ForNoun(Singular(word)) is { Kind: Actors.ActorKind.Vehicle };

    /// <summary>Words before a noun that make it a likeness or a plaything, not the thing ("a toy train", "a stone lion statue").</summary>
    public static readonly HashSet<string> LikenessWords = ["toy", "plush", "stuffed", "model", "miniature", "statue", "sculpture", "figurine", "painting", "picture", "poster", "drawing", "cardboard", "paper", "stone", "bronze", "marble"];

    /// <summary>Whether a word (singular or plural) names a living or self-moving being (a person, animal, creature, robot), not a thing.</summary>
    public static bool IsAnimateNoun(string word) => TryActorNoun(Singular(word), out var info) && info.Category != ActorCategory.Object;

    static IEnumerable<(string, VerbInfo)> Verbs(bool travels, params string[] lemmas) =>
        lemmas.Select(l => (l, new VerbInfo(l, travels)));

    /// <summary>Verb lemmas; inflected forms (walks, walking, walked) are derived in <see cref="VerbForms"/>.</summary>
    static readonly (string, VerbInfo)[] VerbLemmas =
    [
        .. Verbs(true, "walk", "run", "jog", "stroll", "march", "sprint", "wander", "stride", "trot", "gallop", "crawl", "fly", "limp", "sneak", "tiptoe", "chase", "follow", "move", "go", "come", "cross", "circle", "skate", "ride", "cycle", "drive", "roam", "patrol", "pace", "travel", "hike", "hurry", "rush", "dash", "race", "swim", "slide", "glide", "roll", "stagger", "shuffle", "waddle", "hop", "skip", "leave", "enter", "approach", "head", "return", "flee", "escape", "step", "zoom", "scurry", "prowl", "stalk", "amble", "saunter", "meander", "trudge", "plod", "creep", "charge", "bolt", "dart", "scamper", "scuttle", "slither", "swoop", "soar", "paddle", "sail", "wade", "overtake", "outrun", "outpace", "pursue", "arrive", "depart", "parade", "prance", "strut", "speed", "swerve", "accelerate", "descend", "ascend", "scramble", "pedal", "lead", "commute", "jaywalk", "skid", "tumble", "frolic", "romp", "lunge", "pounce", "advance", "retreat", "proceed", "migrate", "sprawl"),
        .. Verbs(false, "dance", "play", "fight", "beat", "hit", "tap", "shoot", "aim", "raise", "drum", "strum", "conduct", "preach", "scream", "roar", "howl", "bark", "growl", "box", "jump", "wave", "sit", "stand", "clap", "cheer", "kick", "punch", "stretch", "spin", "twirl", "bow", "salute", "sing", "practice", "practise", "perform", "exercise", "train", "meditate", "pose", "celebrate", "shake", "nod", "laugh", "cry", "talk", "shout", "yell", "throw", "catch", "juggle", "lift", "squat", "kneel", "lie", "sleep", "rest", "wait", "watch", "look", "read", "eat", "drink", "cook", "paint", "swing", "sway", "bounce", "rock", "spar", "wrestle", "fence", "do", "make", "hold", "carry", "greet", "hug", "kiss", "point", "dive", "flip", "cartwheel", "somersault", "breakdance", "boogie", "shiver", "tremble", "think", "argue", "stomp", "pray", "fish", "golf", "skateboard", "surf", "ski", "snowboard", "yawn", "idle", "stay", "remain", "sweep", "mop", "dig", "build", "climb", "crouch", "strike", "attack", "defend", "block", "flex", "wiggle", "march-in-place", "face", "embrace", "cuddle", "chat", "speak", "duel", "battle", "brawl", "jab", "pirouette", "waltz", "tango", "peck", "graze", "knit", "sew", "draw", "grapple", "munch", "chew", "nibble", "chop", "feed", "pet", "stroke", "sharpen", "write", "sniff", "lick", "scratch", "hammer", "wash", "toss", "serve", "push", "pull", "drag", "neigh", "meow", "moo", "chirp", "flap", "hover", "float", "steer", "turn", "leap", "stumble", "fall", "rise", "lean", "bend", "reach", "grab", "pick", "drop", "knock", "blow", "whistle", "hum", "photograph", "sketch", "rake", "shovel", "mow", "bathe", "splash", "dodge", "tackle", "dribble", "swat", "nap", "doze", "sip", "listen", "observe", "stare", "gaze", "glance", "peek", "wink", "smile", "frown", "beckon", "gesture", "signal", "applaud", "curtsy", "rehearse", "chant", "recite", "lecture", "teach", "give", "offer", "receive", "deliver", "spike", "volley", "reel", "hunt", "search", "explore", "inspect", "repair", "polish", "stir", "slice", "bake", "fry", "grill", "pour", "wipe", "fold", "load", "stack", "vault", "twist", "shimmy", "bask", "sunbathe", "relax", "lounge", "forage", "gnaw", "burrow", "perch", "preen", "wag", "pant", "purr", "hiss", "squawk", "quack", "honk", "brake", "land", "launch", "tickle", "bite", "sniffle", "sneeze", "cough", "giggle", "weep", "sob", "mourn", "smash", "slam", "swipe", "slap", "poke", "ponder", "pluck", "drill", "harvest", "shear", "shave", "undress", "scold", "bicker", "tease", "taunt", "meet", "stop", "pause", "halt"),
    ];

    static readonly Dictionary<string, string> Irregular = new()
    {
        ["ran"] = "run", ["flew"] = "fly", ["went"] = "go", ["came"] = "come", ["rode"] = "ride", ["drove"] = "drive",
        ["swam"] = "swim", ["sat"] = "sit", ["stood"] = "stand", ["fought"] = "fight", ["threw"] = "throw",
        ["caught"] = "catch", ["sang"] = "sing", ["lay"] = "lie", ["lying"] = "lie", ["slept"] = "sleep", ["ate"] = "eat",
        ["drank"] = "drink", ["slid"] = "slide", ["left"] = "leave", ["did"] = "do", ["does"] = "do", ["doing"] = "do",
        ["goes"] = "go", ["made"] = "make", ["held"] = "hold", ["dug"] = "dig", ["built"] = "build", ["struck"] = "strike",
        ["swung"] = "swing", ["dove"] = "dive", ["taught"] = "teach", ["hid"] = "hide",
        ["thrown"] = "throw", ["ridden"] = "ride", ["driven"] = "drive", ["bitten"] = "bite", ["beaten"] = "beat", ["led"] = "lead",
        ["fed"] = "feed", ["shot"] = "shoot", ["drawn"] = "draw", ["flown"] = "fly", ["spun"] = "spin", ["overtaken"] = "overtake",
        ["outran"] = "outrun", ["overtook"] = "overtake",
    };

    /// <summary>Past participles that do not end in "-ed" ("is thrown by", "was caught by"): passives are read with them.</summary>
    public static readonly HashSet<string> IrregularParticiples =
        ["caught", "held", "struck", "thrown", "ridden", "driven", "bitten", "beaten", "led", "fed", "shot", "hit", "taught", "swung", "built", "dug", "drawn", "flown", "spun", "overtaken", "outrun"];

    /// <summary>Every inflected form (walk, walks, walking, walked) → verb.</summary>
    public static readonly IReadOnlyDictionary<string, VerbInfo> VerbForms = BuildVerbForms();

    static Dictionary<string, VerbInfo> BuildVerbForms()
    {
        var d = new Dictionary<string, VerbInfo>();
        foreach (var (lemma, info) in VerbLemmas)
            foreach (var form in Inflect(lemma)) d.TryAdd(form, info);
        var byLemma = VerbLemmas.ToDictionary(v => v.Item1, v => v.Item2);
        foreach (var (form, lemma) in Irregular)
            if (byLemma.TryGetValue(lemma, out var info)) d[form] = info;
        return d;
    }

    /// <summary>Regular English inflections of a verb lemma.</summary>
    static IEnumerable<string> Inflect(string l)
    {
        yield return l;
        bool sibilant = l.EndsWith('s') || l.EndsWith('x') || l.EndsWith('z') || l.EndsWith("ch") || l.EndsWith("sh");
        bool consonantY = l.Length > 1 && l.EndsWith('y') && !"aeiou".Contains(l[^2]);
        yield return sibilant ? l + "es" : consonantY ? l[..^1] + "ies" : l.EndsWith('o') ? l + "es" : l + "s";
        bool cvc = l.Length >= 3 && !"aeiou".Contains(l[^1]) && "aeiou".Contains(l[^2]) && !"aeiou".Contains(l[^3])
            && !"wxy".Contains(l[^1]) && l.Length <= 4;
        if (l.EndsWith("ie")) yield return l[..^2] + "ying";
        else if (l.EndsWith('e') && !l.EndsWith("ee")) yield return l[..^1] + "ing";
        else if (cvc) yield return l + l[^1] + "ing";
        else yield return l + "ing";
        if (l.EndsWith('e')) yield return l + "d";
        else if (consonantY) yield return l[..^1] + "ied";
        else if (cvc) yield return l + l[^1] + "ed";
        else yield return l + "ed";
    }

    /// <summary>Auxiliaries and aspect verbs skipped in front of the main verb ("is dancing", "starts to walk").</summary>
    public static readonly HashSet<string> Auxiliaries =
        ["is", "are", "was", "were", "be", "being", "been", "keeps", "keep", "starts", "start", "begins", "begin", "continues", "continue", "seems", "seem", "will", "can", "to", "also", "slowly", "quickly", "happily", "gracefully", "energetically", "calmly", "fast", "slow", "just", "suddenly", "casually", "confidently", "proudly", "then", "still"];

    /// <summary>Words that start a subject noun phrase.</summary>
    public static readonly HashSet<string> Determiners = ["a", "an", "the", "this", "that", "some", "another", "his", "her", "their", "its", "my", "our", "your", "one"];

    public static readonly HashSet<string> Pronouns = ["he", "she", "it", "they", "him", "them", "both"];

    /// <summary>Nouns that name a whole place (a scene), not a thing in one.</summary>
    public static readonly HashSet<string> PlaceNouns =
    [
        "stage", "floor", "ground", "road", "street", "city", "town", "village", "desert", "beach", "sea", "ocean", "forest", "woods",
        "park", "garden", "yard", "backyard", "field", "meadow", "lawn", "room", "hall", "kitchen", "bedroom", "living", "office",
        "villa", "house", "mansion", "castle", "palace", "temple", "church", "museum", "library", "studio", "gym", "arena",
        "stadium", "court", "pitch", "square", "plaza", "market", "mall", "station", "airport", "harbor", "harbour", "port",
        "dock", "pier", "bridge", "island", "mountain", "mountains", "hill", "hills", "valley", "canyon", "cave", "jungle",
        "swamp", "lake", "river", "riverbank", "shore", "coast", "cliff", "glacier", "tundra", "snowfield", "volcano", "planet",
        "moon", "mars", "spaceship", "space", "alley", "highway", "path", "trail", "track", "runway", "rooftop", "roof", "terrace",
        "balcony", "courtyard", "classroom", "corridor", "hallway", "warehouse", "factory", "lab", "laboratory", "ruins", "wasteland",
        "battlefield", "farm", "ranch", "countryside", "savanna", "savannah", "prairie", "oasis", "dune", "dunes", "landscape",
        "scene", "place", "world", "ballroom", "club", "nightclub", "bar", "restaurant", "cafe", "shop", "store", "theater",
        "theatre", "cabin", "playground", "campsite", "camp", "graveyard", "cemetery", "dojo", "ring", "rink", "pool", "poolside",
        "parking", "lot", "sidewalk", "pavement", "boulevard", "avenue", "metropolis", "suburb", "neighborhood", "neighbourhood",
        "downtown", "wilderness", "grassland", "snow", "ice", "sand", "grass", "water", "sky", "night", "sunset", "sunrise", "dusk", "dawn",
        "rain", "fog", "slope", "circus", "fairground", "carnival", "zoo", "aquarium", "hospital", "school", "schoolyard", "prison", "jail", "bakery", "attic", "basement", "garage", "tunnel", "sewer", "subway", "train", "bus", "ship", "boat", "yacht", "iceberg", "clearing", "platform", "deck", "patio", "greenhouse", "orchard", "vineyard", "stream", "seaside", "bay",
    ];

    /// <summary>Place nouns for a building: next to or in front of one, the scene is its outside ("the front of a house").</summary>
    public static readonly HashSet<string> BuildingNouns =
        ["house", "cabin", "cottage", "barn", "castle", "palace", "church", "temple", "mansion", "villa", "shop", "store", "cafe", "restaurant", "bar", "museum", "library", "school", "hospital", "station", "hotel", "tower", "farmhouse", "hut", "garage", "warehouse", "factory", "bakery"];

    /// <summary>Things found indoors: when one is the only place named ("in front of a fireplace"), the scene is a room.</summary>
    public static readonly HashSet<string> IndoorThings =
        ["fireplace", "sofa", "couch", "armchair", "chair", "bed", "table", "desk", "piano", "bookshelf", "bookcase", "television", "tv", "fridge", "refrigerator", "stove", "oven", "sink", "cupboard", "wardrobe", "mirror", "rug", "carpet", "lamp", "shelf", "counter", "bathtub", "dresser", "cradle", "crib", "computer"];

    /// <summary>Place nouns that make a good whole scene on their own (a "stage") rather than a bare surface ("floor").</summary>
    public static readonly HashSet<string> SurfaceNouns = ["floor", "ground", "grass", "sand", "snow", "ice", "water", "path", "track", "lawn"];

    /// <summary>Words that make a phrase an image region ("the bottom right corner of the image").</summary>
    public static readonly HashSet<string> RegionWords =
        ["left", "right", "top", "bottom", "upper", "lower", "corner", "center", "centre", "middle", "side", "edge", "foreground", "background", "distance", "front", "back", "frame", "image", "picture", "screen", "view", "scene", "of", "hand"];

    /// <summary>Verbs that make another actor the target ("chasing a cat"): the object becomes an actor too.</summary>
    public static readonly HashSet<string> PursuitVerbs = ["chase", "follow", "approach", "stalk"];

    /// <summary>Verbs that send a thing they act on flying or rolling ("kicks a ball", "throws a frisbee to her dog").</summary>
    public static readonly HashSet<string> PropelVerbs = ["kick", "throw", "toss", "hit", "roll", "push", "bat", "serve", "pass", "shoot", "fling", "lob", "bounce", "dribble", "launch", "strike", "swat", "spike", "volley", "fly"];

    /// <summary>Verbs that pass another traveller ("overtakes a walking man"): both travel, the subject faster.</summary>
    public static readonly HashSet<string> OvertakeVerbs = ["overtake", "outrun", "outpace", "pass"];

    /// <summary>Things one stands on to move ("on a skateboard", "on roller skates"): a prop of the rider, not an actor.</summary>
    public static readonly HashSet<string> RideNouns = ["skateboard", "scooter", "skate", "rollerblade", "longboard", "surfboard", "snowboard", "ski", "unicycle", "hoverboard"];

    /// <summary>How one moves on a ride noun: a board or skates is skating, anything else is riding it.</summary>
    public static string RideGerund(string ride) => ride switch
    {
        "skateboard" or "longboard" or "skate" or "rollerblade" or "hoverboard" => "skating",
        "surfboard" => "surfing", "snowboard" => "snowboarding", "ski" => "skiing",
        _ => $"riding a {ride}",
    };

    /// <summary>General verbs of going: done by an actor named for its way of moving ("a skier slides"), they are that way ("skiing").</summary>
    public static readonly HashSet<string> GenericGoVerbs = ["ride", "move", "go", "travel", "slide", "glide", "head", "come", "proceed", "advance", "cruise"];

    /// <summary>The verb an agent noun is named for ("jogger" → "jog", "cyclist" → "cycle"), or null.</summary>
    public static string? AgentVerb(string noun) => noun switch
    {
        "jogger" => "jog", "runner" or "sprinter" => "run", "cyclist" or "biker" => "cycle", "rider" or "jockey" => "ride", "skater" or "skateboarder" or "rollerblader" => "skate",
        "skier" => "ski", "swimmer" => "swim", "walker" or "pedestrian" => "walk", "hiker" or "backpacker" => "hike", "driver" => "drive", "rower" or "paddler" => "paddle", "surfer" => "surf", "snowboarder" => "snowboard",
        _ => null,
    };

    /// <summary>Verbs whose object is held or worn, a prop rather than an actor ("holds a ball").</summary>
    public static readonly HashSet<string> HoldVerbs = ["hold", "carry", "wear", "grab", "clutch", "grip", "wave", "swing", "juggle", "draw", "raise", "lift", "play"];

    /// <summary>Verbs that say their speed themselves: a sprint is fast, a stroll slow.</summary>
    public static MotionSpeed? SpeedOf(string lemma) => lemma switch
    {
        "sprint" or "dash" or "race" or "rush" or "hurry" or "zoom" or "bolt" or "charge" or "speed" or "scurry" or "flee" or "overtake" or "outrun" or "outpace" => MotionSpeed.Fast,
        "stroll" or "amble" or "saunter" or "wander" or "tiptoe" or "sneak" or "creep" or "meander" or "shuffle" or "trudge" or "plod" or "crawl" or "limp" or "stagger" or "waddle" => MotionSpeed.Slow,
        _ => null,
    };

    /// <summary>
    /// Verbs two actors do to or with each other, and the interaction they make: the composer stands them
    /// facing each other at the distance it needs ("shake hands" ≈ 1 m, "box" ≈ 1.3 m, "fence" ≈ 2 m).
    /// </summary>
    public static Interaction? InteractionOf(string lemma, string phrase) => lemma switch
    {
        _ when phrase.Contains("sword") || phrase.Contains("fencing") || lemma is "fence" or "duel" => Interaction.SwordFight,
        _ when phrase.Contains("shak") && phrase.Contains("hand") || lemma is "greet" => Interaction.Handshake,
        "box" or "punch" or "spar" or "jab" => Interaction.Boxing,
        "fight" or "wrestle" or "kick" or "attack" or "strike" or "battle" or "brawl" => Interaction.Fighting,
        _ when phrase.Contains("punch") || phrase.Contains("jab") => Interaction.Boxing, // "trade punches"
        _ when phrase.Contains("kick") || phrase.Contains("blows") => Interaction.Fighting, // "exchange kicks"
        "hug" or "embrace" or "cuddle" => Interaction.Hug,
        "talk" or "chat" or "argue" or "speak" or "converse" or "discuss" or "whisper" or "meet" => Interaction.Talking,
        "dance" or "waltz" or "tango" => Interaction.Dancing,
        "play" => Interaction.Playing,
        _ => null,
    };

    static readonly Dictionary<string, string> IrregularPlurals = new()
    {
        ["men"] = "man", ["women"] = "woman", ["people"] = "person", ["children"] = "child", ["mice"] = "mouse",
        ["geese"] = "goose", ["feet"] = "foot", ["teeth"] = "tooth", ["wolves"] = "wolf", ["elves"] = "elf",
        ["dwarves"] = "dwarf", ["sheep"] = "sheep", ["deer"] = "deer", ["fish"] = "fish", ["gentlemen"] = "gentleman",
        ["businessmen"] = "businessman", ["firemen"] = "fireman", ["policemen"] = "policeman", ["fishermen"] = "fisherman",
        ["ladies"] = "lady", ["fairies"] = "fairy", ["puppies"] = "puppy", ["bunnies"] = "bunny", ["babies"] = "baby",
        ["ponies"] = "pony", ["pixies"] = "pixie", ["zombies"] = "zombie", ["cowboys"] = "cowboy", ["boys"] = "boy",
        ["monkeys"] = "monkey", ["donkeys"] = "donkey", ["turkeys"] = "turkey", ["buses"] = "bus", ["foxes"] = "fox",
        ["boxes"] = "box", ["witches"] = "witch", ["princesses"] = "princess", ["actresses"] = "actress",
        ["waitresses"] = "waitress", ["sorceresses"] = "sorceress", ["mummies"] = "mummy",
    };

    /// <summary>The singular of an English noun (irregulars, then -ies/-es/-s), or the word itself.</summary>
    public static string Singular(string word)
    {
        if (IrregularPlurals.TryGetValue(word, out var s)) return s;
        if (ActorNouns.ContainsKey(word) || Actors.BodyCatalog.ForNoun(word)?.Noun == word || word.Length <= 3) return word;
        if (Actors.BodyCatalog.ForNoun(word) is { } body) return body.Noun; // "geese", "oxen", "wolves"
        if (word.EndsWith("ies")) return word[..^3] + "y";
        if (word.EndsWith("ses") || word.EndsWith("xes") || word.EndsWith("ches") || word.EndsWith("shes")) return word[..^2];
        if (word.EndsWith('s') && !word.EndsWith("ss")) return word[..^1];
        return word;
    }

    public static bool IsPlural(string word) => Singular(word) != word;
}
