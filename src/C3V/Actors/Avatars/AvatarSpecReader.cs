using System.Numerics;
using C3V.World;

namespace C3V.Actors;

/// <summary>Reads an <see cref="AvatarSpec"/> from a description (see <see cref="AvatarSpec.FromDescription"/>).</summary>
internal static class AvatarSpecReader
{
    internal static readonly Vector3[] SkinTones =
    [
        new(0.96f, 0.80f, 0.69f), new(0.91f, 0.72f, 0.58f), new(0.84f, 0.64f, 0.50f),
        new(0.70f, 0.50f, 0.36f), new(0.55f, 0.37f, 0.25f), new(0.40f, 0.26f, 0.18f),
    ];
    static readonly Vector3[] HairColors =
    [
        new(0.08f, 0.06f, 0.05f), new(0.25f, 0.16f, 0.10f), new(0.45f, 0.30f, 0.16f),
        new(0.80f, 0.66f, 0.40f), new(0.55f, 0.22f, 0.10f), new(0.15f, 0.10f, 0.07f),
    ];
    static readonly Vector3[] ClothColors =
    [
        new(0.80f, 0.15f, 0.15f), new(0.15f, 0.35f, 0.75f), new(0.18f, 0.55f, 0.30f), new(0.95f, 0.75f, 0.15f),
        new(0.55f, 0.25f, 0.65f), new(0.92f, 0.92f, 0.90f), new(0.20f, 0.20f, 0.22f), new(0.95f, 0.50f, 0.15f),
        new(0.45f, 0.70f, 0.85f), new(0.85f, 0.45f, 0.60f), new(0.50f, 0.38f, 0.25f), new(0.35f, 0.40f, 0.45f),
    ];
    static readonly Vector3[] TrouserColors =
    [
        new(0.18f, 0.25f, 0.45f), new(0.15f, 0.15f, 0.17f), new(0.45f, 0.38f, 0.28f), new(0.35f, 0.35f, 0.38f), new(0.60f, 0.55f, 0.45f),
    ];

    static readonly string[] FeminineWords = ["woman", "women", "girl", "lady", "she", "her", "queen", "princess", "witch", "mother", "grandmother", "ballerina", "bride", "actress", "female", "businesswoman", "policewoman", "firewoman", "grandma", "granny", "schoolgirl", "girls"];
    static readonly string[] MasculineWords = ["man", "men", "boy", "guy", "he", "his", "king", "prince", "father", "grandfather", "gentleman", "male", "warlock", "wizard", "businessman", "policeman", "fireman", "sportsman", "grandpa", "grandad", "granddad", "schoolboy", "boys"];
    static readonly string[] ChildWords = ["child", "kid", "boy", "girl", "toddler", "children", "kids", "boys", "girls", "schoolboy", "schoolgirl", "baby", "toddlers"];
    static readonly string[] OldWords = ["old", "elderly", "aged", "senior", "grandmother", "grandfather", "grandma", "grandpa", "granny", "grandad", "granddad", "pensioner", "retiree"];

    /// <summary>Props held or worn, by the words that name them.</summary>
    static readonly (HeldProp Prop, string[] Words)[] PropWords =
    [
        (HeldProp.Cane, ["cane", "walking stick", "crutch"]),
        (HeldProp.Umbrella, ["umbrella", "parasol", "brolly"]),
        (HeldProp.Sword, ["sword", "katana", "sabre", "saber", "cutlass", "rapier", "longsword"]),
        (HeldProp.Shield, ["shield"]),
        (HeldProp.Guitar, ["guitar", "ukulele", "banjo", "lute"]),
        (HeldProp.Bag, ["bag", "handbag", "purse", "briefcase", "suitcase", "satchel", "tote"]),
    ];

    /// <summary>
    /// Age from the words: a child (a toddler more so) has a larger head for its height, narrower shoulders and a
    /// smaller body; an old person grey or white hair, a slight stoop and is a little shorter.
    /// </summary>
    static AvatarSpec Aged(AvatarSpec spec, IReadOnlyList<string> words, Random rng)
    {
        if (words.Any(w => w is "toddler" or "toddlers" or "baby"))
            return spec with { Age = AgeGroup.Child, Height = 0.9f, HeadScale = 1.5f, Shoulders = spec.Shoulders * 0.8f, Girth = 1.1f };
        if (words.Any(w => ChildWords.Contains(w)))
            return spec with { Age = AgeGroup.Child, Height = 1.25f, HeadScale = 1.3f, Shoulders = spec.Shoulders * 0.85f };
        if (words.Any(w => OldWords.Contains(w)))
            return spec with
            {
                Age = AgeGroup.Old, Height = spec.Height * 0.97f, Stoop = 0.2f,
                HairColor = rng.Next(2) == 0 ? new(0.72f, 0.72f, 0.7f) : new(0.9f, 0.9f, 0.88f),
            };
        return spec;
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same in every process.</summary>
    static int StableHash(string text)
    {
        uint h = 2166136261;
        foreach (char c in text) h = (h ^ c) * 16777619;
        return unchecked((int)h);
    }

    public static AvatarSpec Read(string description, int seed)
    {
        description ??= "";
        var text = description.ToLowerInvariant();
        var words = Tokenizer.Words(text);
        bool Any(params string[] ws) => ws.Any(w => words.Contains(w));
        var attrs = AttributeExtractor.Extract(text);
        // The text takes part, so "a gorilla" and "a teenager" of one seed are not dressed alike; a stable hash, not
        // HashCode.Combine, whose seed changes per process.
        var rng = new Random(unchecked(seed * 486187739 + 0x5eed + StableHash(text.Trim())));
        Vector3 Pick(Vector3[] palette) => palette[rng.Next(palette.Length)];

        bool feminine = Any(FeminineWords) || (!Any(MasculineWords) && rng.Next(2) == 0);
        var kind = AvatarKind.Human;
        if (Any("alien", "aliens", "extraterrestrial", "martian", "et")) kind = AvatarKind.Alien;
        else if (Any("robot", "robots", "android", "droid", "cyborg", "mech", "automaton")) kind = AvatarKind.Robot;
        else if (Any("fairy", "fairies", "pixie", "sprite", "faerie")) kind = AvatarKind.Fairy;
        else if (Any("warlock", "wizard", "sorcerer", "mage", "witch", "magician", "druid")) kind = AvatarKind.Warlock;
        else if (Any("astronaut", "astronauts", "cosmonaut", "spaceman", "spacewoman")) kind = AvatarKind.Astronaut;

        var spec = new AvatarSpec
        {
            Description = description,
            Kind = kind,
            Feminine = feminine,
            Height = feminine ? 1.66f : 1.78f,
            Shoulders = feminine ? 0.92f : 1.05f,
            Skin = Pick(SkinTones),
            HairColor = Pick(HairColors),
            Hair = feminine ? HairStyle.Long : HairStyle.Short,
            TopColor = Pick(ClothColors),
            BottomColor = Pick(TrouserColors),
            ShoeColor = rng.Next(3) == 0 ? new Vector3(0.9f, 0.9f, 0.88f) : new Vector3(0.14f, 0.11f, 0.09f),
            EyeColor = rng.Next(3) == 0 ? new Vector3(0.25f, 0.45f, 0.65f) : new Vector3(0.30f, 0.20f, 0.12f),
            ExtrasColor = Pick(ClothColors),
            HeadwearColor = Pick(ClothColors),
        };
        spec = spec with { Bottom = feminine && rng.Next(3) == 0 ? BottomKind.Skirt : BottomKind.Trousers };

        spec = kind switch
        {
            AvatarKind.Alien => spec with { Skin = rng.Next(2) == 0 ? new(0.45f, 0.75f, 0.35f) : new(0.62f, 0.66f, 0.68f), Hair = HairStyle.Bald, Height = 1.5f, EyeColor = new(0.02f, 0.02f, 0.03f), Top = TopKind.None, Bottom = BottomKind.None },
            AvatarKind.Robot => spec with { Skin = new(0.70f, 0.72f, 0.76f), Hair = HairStyle.Bald, Top = TopKind.None, Bottom = BottomKind.None, Shoulders = 1.1f, EyeColor = new(0.3f, 0.85f, 1.0f) },
            AvatarKind.Fairy => spec with { Height = 1.05f, Extras = AvatarExtras.Wings, Top = TopKind.Dress, TopColor = new(0.55f, 0.85f, 0.55f), Bottom = BottomKind.None, ExtrasColor = new(0.75f, 0.85f, 1.0f), Feminine = !Any(MasculineWords) },
            AvatarKind.Warlock => spec with { Top = TopKind.Robe, TopColor = new(0.25f, 0.12f, 0.40f), Bottom = BottomKind.None, Headwear = HeadwearKind.WizardHat, HeadwearColor = new(0.25f, 0.12f, 0.40f), Extras = AvatarExtras.Staff | AvatarExtras.Beard, HairColor = new(0.75f, 0.75f, 0.75f), Hair = HairStyle.Long },
            AvatarKind.Astronaut => spec with { Top = TopKind.SpaceSuit, TopColor = new(0.93f, 0.93f, 0.92f), Bottom = BottomKind.None, Headwear = HeadwearKind.Helmet, HeadwearColor = new(0.93f, 0.93f, 0.92f), Extras = AvatarExtras.Backpack, ExtrasColor = new(0.85f, 0.85f, 0.85f), ShoeColor = new(0.75f, 0.75f, 0.75f), GloveColor = new(0.8f, 0.8f, 0.8f) },
            _ => spec,
        };
        if (kind == AvatarKind.Warlock && Any("witch")) spec = spec with { Extras = spec.Extras & ~AvatarExtras.Beard, HairColor = new(0.1f, 0.08f, 0.07f), TopColor = new(0.1f, 0.1f, 0.12f), HeadwearColor = new(0.1f, 0.1f, 0.12f) };

        // Age, build, size.
        if (kind == AvatarKind.Human) spec = Aged(spec, words, rng);
        // "a little girl" is a young one, already child-sized: a shrinking size word only trims a child a little.
        if (attrs.Size is { } size && kind != AvatarKind.Fairy)
            spec = spec with { Height = Math.Clamp(spec.Height * (spec.Age == AgeGroup.Child && size.Value < 1 ? MathF.Max(size.Value, 0.9f) : size.Value), 0.3f, 4f) };
        spec = attrs.Build?.Canonical switch
        {
            "slim" => spec with { Girth = 0.86f },
            "athletic" => spec with { Girth = 1.05f, Shoulders = spec.Shoulders * 1.12f },
            "heavy" => spec with { Girth = 1.3f, Shoulders = spec.Shoulders * 1.05f },
            _ => spec,
        };

        // Special people.
        if (Any("skier", "skiing", "ski")) spec = spec with { Top = TopKind.SkiSuit, Bottom = BottomKind.None, Extras = spec.Extras | AvatarExtras.Glasses };
        spec = RoleOutfits.Dress(spec, text, words);
        if (Any("king", "queen", "princess", "prince")) spec = spec with { Headwear = HeadwearKind.Crown, HeadwearColor = new(0.95f, 0.78f, 0.2f), Extras = spec.Extras | AvatarExtras.Cape, ExtrasColor = new(0.6f, 0.05f, 0.1f) };
        if (Any("angel")) spec = spec with { Extras = spec.Extras | AvatarExtras.Wings, ExtrasColor = new(0.97f, 0.97f, 0.95f), Top = TopKind.Robe, TopColor = new(0.95f, 0.95f, 0.93f) };
        if (Any("superhero", "hero")) spec = spec with { Extras = spec.Extras | AvatarExtras.Cape };
        // The stock vampire: pale, black-haired, in a dark suit and a cape lined in deep red (named colours still win below).
        if (Any("vampire", "dracula"))
            spec = spec with
            {
                Skin = new(0.93f, 0.90f, 0.88f), HairColor = new(0.05f, 0.04f, 0.04f), Top = TopKind.Jacket, TopColor = new(0.09f, 0.09f, 0.11f),
                Bottom = BottomKind.Trousers, BottomColor = new(0.07f, 0.07f, 0.08f), Extras = spec.Extras | AvatarExtras.Cape, ExtrasColor = new(0.45f, 0.03f, 0.06f),
            };
        if (Any("hiker", "student", "tourist")) spec = spec with { Extras = spec.Extras | AvatarExtras.Backpack };
        if (Any("bald")) spec = spec with { Hair = HairStyle.Bald };
        if (Any("blonde", "blond")) spec = spec with { HairColor = new(0.88f, 0.74f, 0.42f) };
        if (Any("redhead", "ginger")) spec = spec with { HairColor = new(0.65f, 0.25f, 0.10f) };
        if (Any("pale", "fair")) spec = spec with { Skin = SkinTones[0] };
        if (Any("tanned", "tan", "olive")) spec = spec with { Skin = SkinTones[3] };
        if (text.Contains("dark-skinned") || text.Contains("dark skinned") || text.Contains("black skin")) spec = spec with { Skin = SkinTones[5] };
        if (Any("staff", "wand")) spec = spec with { Extras = spec.Extras | AvatarExtras.Staff };
        foreach (var (prop, names) in PropWords)
            if (names.Any(n => n.Contains(' ') ? text.Contains(n) : words.Contains(n) || words.Contains(n + "s"))) spec = spec with { Props = spec.Props | prop };
        foreach (var o in attrs.OtherNouns)
            if (o.Color is { } pc && PropWords.Any(pw => pw.Words.Contains(o.Noun))) spec = spec with { PropColor = pc.Rgb };

        // Garments and features with their colours, in the order written.
        foreach (var g in attrs.Garments)
        {
            var c = g.Color?.Rgb;
            var pattern = g.Pattern switch { "striped" => GarmentPattern.Striped, "checked" => GarmentPattern.Checked, "dotted" => GarmentPattern.Dotted, "camouflage" => GarmentPattern.Camouflage, _ => GarmentPattern.Plain };
            // A second colour names the pattern's ("a red and white striped shirt").
            if (pattern != GarmentPattern.Plain) spec = spec with { PatternColor = g.Colors.Count > 1 ? g.Colors[1].Rgb : null };
            if (g.Slot is GarmentSlot.Torso or GarmentSlot.FullBody) spec = spec with { TopPattern = pattern };
            if (g.Slot is GarmentSlot.Legs or GarmentSlot.FullBody) spec = spec with { BottomPattern = pattern };
            switch (g.Term?.Canonical)
            {
                case "tracksuit": spec = spec with { Top = TopKind.TrackTop, TopColor = c ?? spec.TopColor, Bottom = BottomKind.Trousers, BottomColor = c ?? spec.TopColor }; break;
                case "leotard": spec = spec with { Top = TopKind.Leotard, TopColor = c ?? spec.TopColor }; break;
                case "t-shirt" or "bikini": spec = spec with { Top = TopKind.TShirt, TopColor = c ?? spec.TopColor }; break;
                case "shirt" or "apron": spec = spec with { Top = TopKind.Shirt, TopColor = c ?? spec.TopColor }; break;
                case "sweater": spec = spec with { Top = TopKind.Sweater, TopColor = c ?? spec.TopColor }; break;
                case "hoodie": spec = spec with { Top = TopKind.Hoodie, TopColor = c ?? spec.TopColor }; break;
                case "coat": spec = spec with { Top = TopKind.Coat, TopColor = c ?? spec.TopColor, Bottom = spec.Bottom == BottomKind.None ? BottomKind.Trousers : spec.Bottom }; break;
                case "suit jacket": spec = spec with { Top = TopKind.Jacket, TopColor = c ?? spec.TopColor, Bottom = BottomKind.Trousers, BottomColor = c ?? spec.TopColor }; break;
                case "jacket" or "vest": spec = spec with { Top = TopKind.Jacket, TopColor = c ?? spec.TopColor, Bottom = spec.Bottom == BottomKind.None ? BottomKind.Trousers : spec.Bottom }; break;
                case "dress": spec = spec with { Top = TopKind.Dress, TopColor = c ?? spec.TopColor, Bottom = BottomKind.None }; break;
                case "robe": spec = spec with { Top = TopKind.Robe, TopColor = c ?? spec.TopColor, Bottom = BottomKind.None }; break;
                case "overalls" or "uniform": spec = spec with { Top = TopKind.Overalls, TopColor = c ?? spec.TopColor, Bottom = BottomKind.None }; break;
                case "ski suit": spec = spec with { Top = TopKind.SkiSuit, TopColor = c ?? spec.TopColor, Bottom = BottomKind.None, Extras = spec.Extras | AvatarExtras.Glasses }; break;
                case "spacesuit": spec = spec with { Top = TopKind.SpaceSuit, TopColor = c ?? new(0.93f, 0.93f, 0.92f), Bottom = BottomKind.None, Headwear = HeadwearKind.Helmet }; break;
                case "armor": spec = spec with { Top = TopKind.Armor, TopColor = c ?? new(0.72f, 0.73f, 0.75f), Bottom = BottomKind.None }; break;
                case "trousers" or "jeans": spec = spec with { Bottom = BottomKind.Trousers, BottomColor = c ?? (g.Term.Canonical == "jeans" ? new(0.22f, 0.33f, 0.55f) : spec.BottomColor), Top = spec.Top is TopKind.Dress or TopKind.Robe ? TopKind.TShirt : spec.Top }; break;
                case "shorts": spec = spec with { Bottom = BottomKind.Shorts, BottomColor = c ?? spec.BottomColor }; break;
                case "skirt": spec = spec with { Bottom = g.Noun == "tutu" ? BottomKind.Tutu : BottomKind.Skirt, BottomColor = c ?? spec.BottomColor, Top = spec.Top is TopKind.Dress or TopKind.Robe ? TopKind.TShirt : spec.Top }; break;
                case "hat": spec = spec with { Headwear = text.Contains("wizard") || text.Contains("pointed") || text.Contains("witch") ? HeadwearKind.WizardHat : g.Noun == "top hat" ? HeadwearKind.TopHat : HeadwearKind.Hat, HeadwearColor = c ?? (g.Noun == "top hat" ? new(0.08f, 0.08f, 0.09f) : spec.HeadwearColor) }; break;
                case "cap" or "crown" or "helmet" or "hood":
                    spec = spec with
                    {
                        Headwear = g.Term.Canonical switch { "cap" => HeadwearKind.Cap, "crown" => HeadwearKind.Crown, "helmet" => HeadwearKind.Helmet, _ => HeadwearKind.Hood },
                        HeadwearColor = c ?? (g.Term.Canonical == "crown" ? new(0.95f, 0.78f, 0.2f) : spec.HeadwearColor),
                    };
                    break;
                case "glasses": spec = spec with { Extras = spec.Extras | AvatarExtras.Glasses }; break;
                case "scarf": spec = spec with { Extras = spec.Extras | AvatarExtras.Scarf, ExtrasColor = c ?? spec.ExtrasColor }; break;
                case "gloves": spec = spec with { GloveColor = c ?? spec.GloveColor ?? new(0.2f, 0.2f, 0.2f) }; break;
                case "boots" or "shoes": spec = spec with { ShoeColor = c ?? spec.ShoeColor }; break;
                case "cape": spec = spec with { Extras = spec.Extras | AvatarExtras.Cape, ExtrasColor = c ?? spec.ExtrasColor }; break;
                case "backpack": spec = spec with { Extras = spec.Extras | AvatarExtras.Backpack, ExtrasColor = c ?? spec.ExtrasColor }; break;
            }
        }
        foreach (var f in attrs.Features)
        {
            var c = f.Color?.Rgb;
            switch (f.Term?.Canonical)
            {
                case "hair":
                    spec = spec with { HairColor = c ?? spec.HairColor, Hair = spec.Hair == HairStyle.Bald ? HairStyle.Short : spec.Hair };
                    if (text.Contains("long hair") || text.Contains("ponytail") || text.Contains("braids")) spec = spec with { Hair = HairStyle.Long };
                    if (text.Contains("short hair")) spec = spec with { Hair = HairStyle.Short };
                    break;
                case "skin": if (c is { } skin) spec = spec with { Skin = skin }; break;
                case "eyes": if (c is { } eye) spec = spec with { EyeColor = eye }; break;
                case "beard": spec = spec with { Extras = spec.Extras | AvatarExtras.Beard, HairColor = c ?? spec.HairColor }; break;
                case "wings": spec = spec with { Extras = spec.Extras | AvatarExtras.Wings, ExtrasColor = c ?? spec.ExtrasColor }; break;
                case "fur": if (c is { } fur) spec = spec with { Skin = fur }; break;
            }
        }
        // "a green alien", "a silver robot": a colour right before the creature noun colours its body.
        foreach (var o in attrs.OtherNouns)
        {
            if (o.Color is not { } oc) continue;
            if (kind is AvatarKind.Alien && o.Noun is "alien" or "aliens" or "martian" or "extraterrestrial") spec = spec with { Skin = oc.Rgb };
            if (kind is AvatarKind.Robot && o.Noun is "robot" or "robots" or "android" or "droid" or "cyborg") spec = spec with { Skin = oc.Rgb };
            if (kind is AvatarKind.Fairy && o.Noun is "fairy" or "pixie" or "sprite") spec = spec with { TopColor = oc.Rgb };
            if (kind is AvatarKind.Warlock && o.Noun is "warlock" or "wizard" or "witch" or "sorcerer" or "mage") spec = spec with { TopColor = oc.Rgb, HeadwearColor = oc.Rgb };
        }
        if (spec.Top is TopKind.SpaceSuit && spec.Headwear == HeadwearKind.None) spec = spec with { Headwear = HeadwearKind.Helmet, HeadwearColor = spec.TopColor };
        return spec;
    }
}
