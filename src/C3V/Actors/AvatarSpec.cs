using System.Numerics;
using C3V.World;

namespace C3V.Actors;

public enum AvatarKind { Human, Alien, Robot, Fairy, Warlock, Astronaut }
public enum TopKind { None, TShirt, Shirt, Sweater, Jacket, Dress, Robe, SkiSuit, SpaceSuit, Overalls, Armor, Hoodie, TrackTop, Leotard, Coat }
public enum BottomKind { None, Trousers, Shorts, Skirt, Tutu }
public enum HeadwearKind { None, Hat, Cap, Helmet, Hood, WizardHat, Crown, TopHat, ChefHat, Tricorn, PeakedCap, FireHelmet, Bun }
/// <summary>Age group: a child has a larger head for its height and shorter limbs; an old person grey hair, a stoop and a slower pace.</summary>
public enum AgeGroup { Adult, Child, Old }
/// <summary>A pattern printed on a garment in its colour and <see cref="AvatarSpec.PatternColor"/> (bands: a firefighter's reflective strips, 35 cm apart).</summary>
public enum GarmentPattern { Plain, Striped, Checked, Dotted, Camouflage, Bands }

/// <summary>Props held in a hand or worn (each is tagged in the generated cloud, see <see cref="Avatar.PartTags"/>).</summary>
[Flags]
public enum HeldProp { None = 0, Cane = 1, Umbrella = 2, Sword = 4, Shield = 8, Bag = 16, Guitar = 32 }
public enum HairStyle { Bald, Short, Long }

[Flags]
public enum AvatarExtras { None = 0, Wings = 1, Cape = 2, Backpack = 4, Staff = 8, Glasses = 16, Beard = 32, Scarf = 64 }

/// <summary>
/// What an avatar looks like: body, skin, garments with colours, hair, headwear and extras. Colours are
/// display RGB in 0..1. Built from text by <see cref="FromDescription"/>; anything the text leaves open is
/// chosen from plausible palettes with the seed, so the same text and seed give the same avatar.
/// </summary>
public sealed record AvatarSpec
{
    public string Description { get; init; } = "";
    public AvatarKind Kind { get; init; } = AvatarKind.Human;
    /// <summary>Standing height in metres (top of the head).</summary>
    public float Height { get; init; } = 1.75f;
    /// <summary>Girth factor: 0.85 slim … 1 average … 1.3 heavy.</summary>
    public float Girth { get; init; } = 1f;
    /// <summary>Shoulder width factor (muscular or male builds are wider).</summary>
    public float Shoulders { get; init; } = 1f;
    public bool Feminine { get; init; }
    public Vector3 Skin { get; init; } = new(0.87f, 0.69f, 0.56f);
    public TopKind Top { get; init; } = TopKind.TShirt;
    public Vector3 TopColor { get; init; } = new(0.2f, 0.4f, 0.8f);
    public BottomKind Bottom { get; init; } = BottomKind.Trousers;
    public Vector3 BottomColor { get; init; } = new(0.2f, 0.2f, 0.25f);
    public Vector3 ShoeColor { get; init; } = new(0.15f, 0.12f, 0.1f);
    public Vector3? GloveColor { get; init; }
    public HairStyle Hair { get; init; } = HairStyle.Short;
    public Vector3 HairColor { get; init; } = new(0.25f, 0.16f, 0.1f);
    public HeadwearKind Headwear { get; init; }
    public Vector3 HeadwearColor { get; init; } = new(0.3f, 0.3f, 0.3f);
    public AvatarExtras Extras { get; init; }
    /// <summary>Colour of the extras that take one (cape, wings, backpack, scarf).</summary>
    public Vector3 ExtrasColor { get; init; } = new(0.6f, 0.1f, 0.1f);
    public Vector3 EyeColor { get; init; } = new(0.3f, 0.2f, 0.1f);
    public AgeGroup Age { get; init; }
    /// <summary>Head size relative to an adult's for the same height (a child's head is a larger share of its body).</summary>
    public float HeadScale { get; init; } = 1f;
    /// <summary>Forward bend of the upper spine and neck in the rest pose, radians (an old person's stoop); every clip keeps it.</summary>
    public float Stoop { get; init; }
    /// <summary>
    /// Walking pace relative to an adult's (old people walk slower: 0.75). Not applied by the look itself: the motion and
    /// composition stages may scale a walk's speed with it.
    /// </summary>
    public float PaceFactor => Age == AgeGroup.Old ? 0.75f : 1f;
    public GarmentPattern TopPattern { get; init; }
    public GarmentPattern BottomPattern { get; init; }
    /// <summary>Second colour of a pattern (stripes, checks, dots); null: a darker or lighter shade of the garment's.</summary>
    public Vector3? PatternColor { get; init; }
    public HeldProp Props { get; init; }
    /// <summary>The colour named for a held prop ("a red umbrella"); null: the prop's own.</summary>
    public Vector3? PropColor { get; init; }
    /// <summary>Armour and helmets are polished metal (bright highlights, sky reflected on top) rather than painted plates.</summary>
    public bool Metallic { get; init; }
    /// <summary>Big padded boxing gloves on both hands, in <see cref="GloveColor"/>.</summary>
    public bool BoxingGloves { get; init; }
    /// <summary>A clown's round nose.</summary>
    public Vector3? NoseColor { get; init; }

    /// <summary>
    /// Reads avatar attributes from a description such as "a tall woman in a red dress with a blue hat",
    /// "a green alien", "an old man with a cane", "a ballerina", "a knight with a sword and a shield". Colours
    /// attach to the garment, feature or prop they precede (parsing by <see cref="AttributeExtractor"/>, colour
    /// words from <see cref="ColorNames"/>). Unspecified choices come from <paramref name="seed"/>.
    /// </summary>
    public static AvatarSpec FromDescription(string description, int seed = 0) => AvatarSpecReader.Read(description, seed);
}
