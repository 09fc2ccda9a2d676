using System.Numerics;

namespace C3V.Actors;

public enum EarShape { Pointed, Floppy, Round, Small, Long, Big }
public enum TailShape { Thin, Bushy, Tufted, Hair, Curly, Stub, Long }
public enum CoatPattern { Solid, Spots, Stripes, Patches, Tuxedo, Points, Panda }

[Flags]
public enum QuadrupedFeatures { None = 0, Mane = 1, Horns = 2, Antlers = 4, Udder = 8, Wool = 16, Hump = 32, Trunk = 64, Tusks = 128, Wings = 256, Spikes = 512 }

/// <summary>
/// Proportions of one quadruped species on the shared parametric rig. Every length but <see cref="Withers"/> is
/// a fraction of the withers height, so one build scales to a puppy or a great dane. Figures are typical
/// adults (withers: dog 0.55 m, cat 0.25 m, horse 1.6 m, cow 1.4 m …).
/// </summary>
public sealed record QuadrupedBuild
{
    public required string Id { get; init; }
    /// <summary>Shoulder height of a typical adult, metres.</summary>
    public required float Withers { get; init; }
    /// <summary>Shoulder-to-hip joint distance along the back.</summary>
    public float Body { get; init; } = 1.0f;
    /// <summary>Chest depth (top of back to underside of the chest).</summary>
    public float Depth { get; init; } = 0.42f;
    /// <summary>Body width relative to its depth.</summary>
    public float Width { get; init; } = 0.75f;
    /// <summary>Leg radius at the top of the limb.</summary>
    public float Leg { get; init; } = 0.09f;
    /// <summary>Front legs' length relative to the hind legs (apes: &gt; 1, they knuckle-walk with the back sloping).</summary>
    public float FrontLegs { get; init; } = 1f;
    public float Neck { get; init; } = 0.35f;
    /// <summary>Neck elevation above horizontal, degrees.</summary>
    public float NeckAngle { get; init; } = 45;
    public float NeckThickness { get; init; } = 0.16f;
    /// <summary>Skull length (without the muzzle).</summary>
    public float Head { get; init; } = 0.22f;
    /// <summary>How far the face points down from horizontal in the rest pose, degrees (a horse carries its head steeply).</summary>
    public float HeadAngle { get; init; } = 20;
    /// <summary>Muzzle length relative to the skull.</summary>
    public float Muzzle { get; init; } = 0.8f;
    public EarShape Ears { get; init; } = EarShape.Pointed;
    public TailShape Tail { get; init; } = TailShape.Thin;
    public float TailLength { get; init; } = 0.6f;
    /// <summary>Tail elevation at its root, degrees (positive raised, negative hanging).</summary>
    public float TailAngle { get; init; } = -30;
    public Vector3 Coat { get; init; } = new(0.45f, 0.3f, 0.18f);
    /// <summary>Second coat colour: belly/markings, pattern spots or stripes.</summary>
    public Vector3 Marking { get; init; } = new(0.85f, 0.78f, 0.65f);
    public CoatPattern Pattern { get; init; } = CoatPattern.Solid;
    /// <summary>Lighter belly and throat (countershading).</summary>
    public bool LightBelly { get; init; } = true;
    public QuadrupedFeatures Features { get; init; }
    /// <summary>Hooves (dark feet) rather than paws.</summary>
    public bool Hooves { get; init; }
    /// <summary>Fur shagginess: amplitude of the coat relief (0 sleek, 1 shaggy).</summary>
    public float Fur { get; init; } = 0.3f;
}

/// <summary>The species table: one <see cref="QuadrupedBuild"/> per body id of <see cref="BodyCatalog"/>.</summary>
public static class QuadrupedBuilds
{
    static readonly Vector3 Cream = new(0.88f, 0.82f, 0.7f), White = new(0.93f, 0.92f, 0.88f), Black = new(0.07f, 0.06f, 0.06f);

    public static IReadOnlyDictionary<string, QuadrupedBuild> All { get; } = new QuadrupedBuild[]
    {
        new() { Id = "dog", Withers = 0.55f, Coat = new(0.55f, 0.38f, 0.22f), Marking = Cream, Ears = EarShape.Floppy, TailAngle = 10, TailLength = 0.55f },
        new() { Id = "small dog", Withers = 0.3f, Body = 0.95f, Depth = 0.45f, Head = 0.28f, Muzzle = 0.55f, Leg = 0.1f, Coat = new(0.8f, 0.65f, 0.45f), Marking = White, Ears = EarShape.Pointed, TailAngle = 35, TailLength = 0.45f, Fur = 0.5f },
        new() { Id = "big dog", Withers = 0.72f, Body = 1.05f, Depth = 0.45f, Coat = new(0.25f, 0.18f, 0.12f), Marking = new(0.6f, 0.42f, 0.25f), Ears = EarShape.Pointed, TailAngle = -10, TailLength = 0.6f, Pattern = CoatPattern.Points },
        new() { Id = "cat", Withers = 0.26f, Body = 1.1f, Depth = 0.4f, Width = 0.8f, Leg = 0.08f, Neck = 0.25f, NeckAngle = 50, Head = 0.32f, Muzzle = 0.3f, Ears = EarShape.Pointed, Tail = TailShape.Long, TailLength = 1.1f, TailAngle = 40, Coat = new(0.55f, 0.5f, 0.45f), Marking = Cream, Pattern = CoatPattern.Stripes, Fur = 0.3f },
        new() { Id = "horse", HeadAngle = 55, Withers = 1.6f, Body = 0.85f, Depth = 0.45f, Width = 0.7f, Leg = 0.07f, Neck = 0.55f, NeckAngle = 55, NeckThickness = 0.17f, Head = 0.24f, Muzzle = 1.3f, Ears = EarShape.Small, Tail = TailShape.Hair, TailLength = 0.55f, TailAngle = -55, Coat = new(0.45f, 0.27f, 0.15f), Marking = Black, LightBelly = false, Features = QuadrupedFeatures.Mane, Hooves = true, Fur = 0.05f },
        new() { Id = "donkey", HeadAngle = 50, Withers = 1.2f, Body = 0.85f, Depth = 0.45f, Width = 0.72f, Leg = 0.075f, Neck = 0.45f, NeckAngle = 45, NeckThickness = 0.17f, Head = 0.27f, Muzzle = 1.1f, Ears = EarShape.Long, Tail = TailShape.Tufted, TailLength = 0.5f, TailAngle = -60, Coat = new(0.5f, 0.47f, 0.44f), Marking = new(0.85f, 0.83f, 0.8f), Features = QuadrupedFeatures.Mane, Hooves = true, Fur = 0.15f },
        new() { Id = "zebra", HeadAngle = 50, Withers = 1.35f, Body = 0.85f, Depth = 0.45f, Width = 0.72f, Leg = 0.075f, Neck = 0.5f, NeckAngle = 50, NeckThickness = 0.17f, Head = 0.25f, Muzzle = 1.2f, Ears = EarShape.Small, Tail = TailShape.Tufted, TailLength = 0.5f, TailAngle = -60, Coat = White, Marking = Black, Pattern = CoatPattern.Stripes, LightBelly = false, Features = QuadrupedFeatures.Mane, Hooves = true, Fur = 0.05f },
        new() { Id = "cow", HeadAngle = 45, Withers = 1.4f, Body = 1.0f, Depth = 0.55f, Width = 0.8f, Leg = 0.08f, Neck = 0.3f, NeckAngle = 20, NeckThickness = 0.2f, Head = 0.26f, Muzzle = 0.9f, Ears = EarShape.Small, Tail = TailShape.Tufted, TailLength = 0.6f, TailAngle = -80, Coat = White, Marking = Black, Pattern = CoatPattern.Patches, LightBelly = false, Features = QuadrupedFeatures.Horns | QuadrupedFeatures.Udder, Hooves = true, Fur = 0.05f },
        new() { Id = "bull", HeadAngle = 40, Withers = 1.5f, Body = 1.0f, Depth = 0.58f, Width = 0.85f, Leg = 0.09f, Neck = 0.28f, NeckAngle = 15, NeckThickness = 0.24f, Head = 0.26f, Muzzle = 0.8f, Ears = EarShape.Small, Tail = TailShape.Tufted, TailLength = 0.6f, TailAngle = -80, Coat = new(0.12f, 0.09f, 0.08f), Marking = new(0.3f, 0.2f, 0.15f), LightBelly = false, Features = QuadrupedFeatures.Horns, Hooves = true, Fur = 0.05f },
        new() { Id = "wolf", HeadAngle = 15, Withers = 0.8f, Body = 1.05f, Depth = 0.42f, Width = 0.7f, Coat = new(0.5f, 0.48f, 0.45f), Marking = new(0.88f, 0.86f, 0.82f), Ears = EarShape.Pointed, Tail = TailShape.Bushy, TailLength = 0.55f, TailAngle = -40, Muzzle = 1.0f, Fur = 0.7f },
        new() { Id = "fox", HeadAngle = 15, Withers = 0.4f, Body = 1.15f, Depth = 0.4f, Width = 0.7f, Leg = 0.075f, Coat = new(0.85f, 0.42f, 0.13f), Marking = White, Ears = EarShape.Big, Tail = TailShape.Bushy, TailLength = 0.85f, TailAngle = -20, Muzzle = 1.1f, Pattern = CoatPattern.Points, Fur = 0.6f },
        new() { Id = "bear", HeadAngle = 25, Withers = 1.0f, Body = 0.95f, Depth = 0.55f, Width = 0.85f, Leg = 0.13f, Neck = 0.3f, NeckAngle = 15, NeckThickness = 0.24f, Head = 0.3f, Muzzle = 0.6f, Ears = EarShape.Round, Tail = TailShape.Stub, TailLength = 0.1f, Coat = new(0.33f, 0.21f, 0.12f), Marking = new(0.45f, 0.32f, 0.2f), LightBelly = false, Fur = 1.0f },
        new() { Id = "panda", HeadAngle = 20, Withers = 0.8f, Body = 0.9f, Depth = 0.58f, Width = 0.9f, Leg = 0.13f, Neck = 0.25f, NeckAngle = 15, NeckThickness = 0.26f, Head = 0.38f, Muzzle = 0.4f, Ears = EarShape.Round, Tail = TailShape.Stub, TailLength = 0.1f, Coat = White, Marking = Black, Pattern = CoatPattern.Panda, LightBelly = false, Fur = 0.9f },
        new() { Id = "sheep", HeadAngle = 40, Withers = 0.75f, Body = 0.9f, Depth = 0.6f, Width = 0.95f, Leg = 0.06f, Neck = 0.25f, NeckAngle = 35, Head = 0.25f, Muzzle = 0.6f, Ears = EarShape.Small, Tail = TailShape.Stub, TailLength = 0.15f, Coat = new(0.92f, 0.9f, 0.82f), Marking = new(0.15f, 0.13f, 0.12f), Pattern = CoatPattern.Points, LightBelly = false, Features = QuadrupedFeatures.Wool, Hooves = true, Fur = 1.0f },
        new() { Id = "goat", HeadAngle = 40, Withers = 0.7f, Body = 0.9f, Depth = 0.45f, Width = 0.75f, Leg = 0.065f, Neck = 0.35f, NeckAngle = 50, Head = 0.25f, Muzzle = 0.8f, Ears = EarShape.Floppy, Tail = TailShape.Stub, TailLength = 0.15f, TailAngle = 40, Coat = new(0.9f, 0.88f, 0.84f), Marking = new(0.45f, 0.35f, 0.25f), Features = QuadrupedFeatures.Horns, Hooves = true, Fur = 0.3f },
        new() { Id = "pig", HeadAngle = 20, Withers = 0.7f, Body = 1.05f, Depth = 0.65f, Width = 0.95f, Leg = 0.09f, Neck = 0.15f, NeckAngle = 10, NeckThickness = 0.28f, Head = 0.3f, Muzzle = 0.6f, Ears = EarShape.Floppy, Tail = TailShape.Curly, TailLength = 0.25f, TailAngle = 30, Coat = new(0.93f, 0.66f, 0.62f), Marking = new(0.85f, 0.55f, 0.52f), LightBelly = false, Hooves = true, Fur = 0.0f },
        new() { Id = "deer", HeadAngle = 40, Withers = 1.0f, Body = 0.85f, Depth = 0.42f, Width = 0.65f, Leg = 0.06f, Neck = 0.5f, NeckAngle = 60, NeckThickness = 0.14f, Head = 0.24f, Muzzle = 0.9f, Ears = EarShape.Big, Tail = TailShape.Stub, TailLength = 0.18f, TailAngle = 20, Coat = new(0.6f, 0.4f, 0.22f), Marking = White, Features = QuadrupedFeatures.Antlers, Hooves = true, Fur = 0.1f },
        new() { Id = "lion", Withers = 1.1f, Body = 1.0f, Depth = 0.48f, Width = 0.75f, Leg = 0.1f, Neck = 0.3f, NeckAngle = 30, NeckThickness = 0.2f, Head = 0.3f, Muzzle = 0.55f, Ears = EarShape.Round, Tail = TailShape.Tufted, TailLength = 0.8f, TailAngle = -50, Coat = new(0.78f, 0.6f, 0.35f), Marking = new(0.45f, 0.28f, 0.13f), Features = QuadrupedFeatures.Mane, Fur = 0.2f },
        new() { Id = "tiger", Withers = 1.0f, Body = 1.1f, Depth = 0.46f, Width = 0.75f, Leg = 0.1f, Neck = 0.3f, NeckAngle = 25, NeckThickness = 0.2f, Head = 0.3f, Muzzle = 0.55f, Ears = EarShape.Round, Tail = TailShape.Long, TailLength = 0.85f, TailAngle = -45, Coat = new(0.9f, 0.5f, 0.15f), Marking = Black, Pattern = CoatPattern.Stripes, Fur = 0.15f },
        new() { Id = "leopard", Withers = 0.7f, Body = 1.1f, Depth = 0.44f, Width = 0.7f, Leg = 0.09f, Neck = 0.3f, NeckAngle = 30, Head = 0.3f, Muzzle = 0.5f, Ears = EarShape.Round, Tail = TailShape.Long, TailLength = 0.95f, TailAngle = -40, Coat = new(0.85f, 0.66f, 0.38f), Marking = new(0.12f, 0.09f, 0.07f), Pattern = CoatPattern.Spots, Fur = 0.1f },
        new() { Id = "elephant", HeadAngle = 60, Withers = 3.0f, Body = 0.6f, Depth = 0.5f, Width = 0.8f, Leg = 0.12f, Neck = 0.12f, NeckAngle = 20, NeckThickness = 0.2f, Head = 0.28f, Muzzle = 0.2f, Ears = EarShape.Big, Tail = TailShape.Tufted, TailLength = 0.4f, TailAngle = -75, Coat = new(0.5f, 0.49f, 0.48f), Marking = new(0.42f, 0.41f, 0.4f), LightBelly = false, Features = QuadrupedFeatures.Trunk | QuadrupedFeatures.Tusks, Hooves = false, Fur = 0.0f },
        new() { Id = "giraffe", HeadAngle = 25, Withers = 3.0f, Body = 0.55f, Depth = 0.32f, Width = 0.7f, Leg = 0.05f, Neck = 0.75f, NeckAngle = 65, NeckThickness = 0.09f, Head = 0.1f, Muzzle = 1.1f, Ears = EarShape.Small, Tail = TailShape.Tufted, TailLength = 0.35f, TailAngle = -70, Coat = new(0.95f, 0.85f, 0.62f), Marking = new(0.6f, 0.35f, 0.15f), Pattern = CoatPattern.Spots, Features = QuadrupedFeatures.Horns, Hooves = true, Fur = 0.0f },
        new() { Id = "camel", HeadAngle = 15, Withers = 1.85f, Body = 0.75f, Depth = 0.4f, Width = 0.7f, Leg = 0.06f, Neck = 0.5f, NeckAngle = 25, NeckThickness = 0.11f, Head = 0.17f, Muzzle = 1.0f, Ears = EarShape.Small, Tail = TailShape.Tufted, TailLength = 0.3f, TailAngle = -70, Coat = new(0.78f, 0.6f, 0.38f), Marking = new(0.85f, 0.7f, 0.5f), Features = QuadrupedFeatures.Hump, Fur = 0.2f },
        new() { Id = "rabbit", Withers = 0.2f, Body = 0.9f, Depth = 0.6f, Width = 0.8f, Leg = 0.1f, Neck = 0.15f, NeckAngle = 50, Head = 0.4f, Muzzle = 0.4f, Ears = EarShape.Long, Tail = TailShape.Stub, TailLength = 0.2f, TailAngle = 40, Coat = new(0.62f, 0.52f, 0.42f), Marking = White, Fur = 0.6f },
        new() { Id = "gorilla", HeadAngle = 10, Withers = 1.3f, Body = 0.55f, Depth = 0.6f, Width = 1.0f, Leg = 0.14f, FrontLegs = 1.35f, Neck = 0.12f, NeckAngle = 20, NeckThickness = 0.25f, Head = 0.28f, Muzzle = 0.35f, Ears = EarShape.Small, Tail = TailShape.Stub, TailLength = 0.0f, Coat = new(0.1f, 0.09f, 0.09f), Marking = new(0.25f, 0.24f, 0.24f), LightBelly = false, Fur = 0.7f },
        new() { Id = "dragon", HeadAngle = 25, Withers = 1.6f, Body = 1.2f, Depth = 0.5f, Width = 0.75f, Leg = 0.12f, Neck = 0.7f, NeckAngle = 45, NeckThickness = 0.15f, Head = 0.3f, Muzzle = 1.0f, Ears = EarShape.Small, Tail = TailShape.Long, TailLength = 1.6f, TailAngle = -15, Coat = new(0.2f, 0.5f, 0.22f), Marking = new(0.85f, 0.75f, 0.35f), Features = QuadrupedFeatures.Wings | QuadrupedFeatures.Horns | QuadrupedFeatures.Spikes, Fur = 0.0f },
    }.ToDictionary(b => b.Id);
}
