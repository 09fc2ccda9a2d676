using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// People named by their role are dressed for it: the outfit a reader pictures for a ballerina, a boxer, a knight, a
/// pirate, a ninja, a samurai, a clown, a chef, a doctor, a nurse, a firefighter, a police officer, a soldier, a
/// businessman. Applied before the garments named in the text, so "a chef in a black apron" still gets the apron.
/// </summary>
internal static class RoleOutfits
{
    static readonly Vector3 White = new(0.95f, 0.95f, 0.93f), Black = new(0.08f, 0.08f, 0.09f);

    /// <summary>The roles and the words that name them (singular and plural).</summary>
    static readonly (string[] Words, Func<AvatarSpec, AvatarSpec> Dress)[] Roles =
    [
        (["ballerina", "ballerinas", "ballet dancer", "ballet"], s => s with
        {
            Top = TopKind.Leotard, TopColor = new(0.96f, 0.72f, 0.8f), Bottom = BottomKind.Tutu, BottomColor = new(0.98f, 0.85f, 0.9f),
            ShoeColor = new(0.97f, 0.75f, 0.82f), Headwear = HeadwearKind.Bun, Hair = HairStyle.Short, Feminine = true,
        }),
        (["boxer", "boxers"], s => s with
        {
            Top = TopKind.None, Bottom = BottomKind.Shorts, BottomColor = new(0.75f, 0.08f, 0.1f), BoxingGloves = true,
            GloveColor = new(0.8f, 0.06f, 0.06f), ShoeColor = new(0.12f, 0.1f, 0.1f), Hair = HairStyle.Short, Headwear = HeadwearKind.None,
        }),
        (["knight", "knights", "paladin", "crusader"], s => s with
        {
            Top = TopKind.Armor, TopColor = new(0.78f, 0.8f, 0.84f), Bottom = BottomKind.None, Headwear = HeadwearKind.Helmet,
            HeadwearColor = new(0.78f, 0.8f, 0.84f), Metallic = true, GloveColor = new(0.7f, 0.72f, 0.76f), ShoeColor = new(0.6f, 0.62f, 0.66f),
        }),
        (["pirate", "pirates", "buccaneer"], s => s with
        {
            Top = TopKind.Shirt, TopColor = new(0.93f, 0.9f, 0.82f), TopPattern = GarmentPattern.Striped, PatternColor = new(0.7f, 0.1f, 0.1f),
            Bottom = BottomKind.Trousers, BottomColor = new(0.12f, 0.1f, 0.1f), Headwear = HeadwearKind.Tricorn, HeadwearColor = Black,
            ShoeColor = new(0.1f, 0.07f, 0.05f), Props = s.Props | HeldProp.Sword, Extras = s.Feminine ? s.Extras : s.Extras | AvatarExtras.Beard,
        }),
        (["ninja", "ninjas"], s => s with
        {
            Top = TopKind.Sweater, TopColor = Black, Bottom = BottomKind.Trousers, BottomColor = Black, Headwear = HeadwearKind.Hood,
            HeadwearColor = Black, GloveColor = Black, ShoeColor = Black, Hair = HairStyle.Bald,
        }),
        (["samurai"], s => s with
        {
            Top = TopKind.Armor, TopColor = new(0.45f, 0.06f, 0.06f), Bottom = BottomKind.Trousers, BottomColor = new(0.12f, 0.12f, 0.16f),
            Headwear = HeadwearKind.Helmet, HeadwearColor = new(0.12f, 0.1f, 0.1f), Metallic = false, Props = s.Props | HeldProp.Sword, Hair = HairStyle.Bald,
        }),
        (["clown", "clowns", "jester"], s => s with
        {
            Top = TopKind.Overalls, TopColor = new(0.95f, 0.8f, 0.1f), TopPattern = GarmentPattern.Dotted, PatternColor = new(0.85f, 0.1f, 0.15f),
            Hair = HairStyle.Long, HairColor = new(0.95f, 0.35f, 0.05f), NoseColor = new(0.9f, 0.05f, 0.05f), ShoeColor = new(0.85f, 0.1f, 0.1f),
            GloveColor = White, Headwear = HeadwearKind.None,
        }),
        (["chef", "chefs", "cook"], s => s with
        {
            Top = TopKind.Shirt, TopColor = White, Bottom = BottomKind.Trousers, BottomColor = new(0.2f, 0.2f, 0.22f), BottomPattern = GarmentPattern.Checked,
            PatternColor = new(0.85f, 0.85f, 0.85f), Headwear = HeadwearKind.ChefHat, HeadwearColor = White,
        }),
        (["doctor", "doctors", "surgeon", "scientist"], s => s with { Top = TopKind.Coat, TopColor = White, Bottom = BottomKind.Trousers, BottomColor = new(0.25f, 0.3f, 0.4f) }),
        (["nurse", "nurses"], s => s with { Top = TopKind.Shirt, TopColor = new(0.45f, 0.7f, 0.8f), Bottom = BottomKind.Trousers, BottomColor = new(0.45f, 0.7f, 0.8f), ShoeColor = White }),
        (["firefighter", "firefighters", "fireman", "firemen", "firewoman"], s => s with
        {
            Top = TopKind.Overalls, TopColor = new(0.13f, 0.13f, 0.14f), TopPattern = GarmentPattern.Bands, PatternColor = new(0.95f, 0.9f, 0.2f),
            Headwear = HeadwearKind.FireHelmet, HeadwearColor = new(0.8f, 0.08f, 0.06f), ShoeColor = Black, GloveColor = new(0.3f, 0.25f, 0.18f),
        }),
        (["police", "policeman", "policewoman", "policemen", "cop", "cops", "officer", "sheriff"], s => s with
        {
            Top = TopKind.Shirt, TopColor = new(0.1f, 0.14f, 0.3f), Bottom = BottomKind.Trousers, BottomColor = new(0.08f, 0.1f, 0.2f),
            Headwear = HeadwearKind.PeakedCap, HeadwearColor = new(0.08f, 0.1f, 0.22f), ShoeColor = Black,
        }),
        (["soldier", "soldiers", "marine", "trooper", "army"], s => s with
        {
            Top = TopKind.Overalls, TopColor = new(0.36f, 0.4f, 0.24f), TopPattern = GarmentPattern.Camouflage, PatternColor = new(0.25f, 0.22f, 0.14f),
            Bottom = BottomKind.Trousers, BottomColor = new(0.36f, 0.4f, 0.24f), BottomPattern = GarmentPattern.Camouflage,
            Headwear = HeadwearKind.Helmet, HeadwearColor = new(0.3f, 0.34f, 0.2f), ShoeColor = new(0.12f, 0.1f, 0.08f),
        }),
        (["businessman", "businesswoman", "banker", "lawyer"], s => s with { Top = TopKind.Jacket, TopColor = new(0.15f, 0.17f, 0.22f), Bottom = BottomKind.Trousers, BottomColor = new(0.15f, 0.17f, 0.22f) }),
    ];

    /// <summary>The outfit of the first role named in <paramref name="text"/> (lower case), or the spec unchanged.</summary>
    public static AvatarSpec Dress(AvatarSpec spec, string text, IReadOnlyList<string> words)
    {
        foreach (var (names, dress) in Roles)
            if (names.Any(n => n.Contains(' ') ? text.Contains(n) : words.Contains(n)))
                return dress(spec);
        return spec;
    }
}
