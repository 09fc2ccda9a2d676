using System.Numerics;

namespace C3V.Actors;

[Flags]
public enum BirdFeatures { None = 0, Comb = 1, Crest = 2, Flippers = 4, LongTail = 8, Teeth = 16, Arms = 32, Eyespots = 64 }

/// <summary>
/// Proportions and plumage of one bird (or two-legged dinosaur) on the bird rig. Lengths are fractions of the
/// standing height <see cref="Height"/> (metres) so one build scales; angles in degrees.
/// </summary>
public sealed record BirdBuild
{
    public required string Id { get; init; }
    public required float Height { get; init; }
    /// <summary>Hip height above the ground.</summary>
    public float Legs { get; init; } = 0.3f;
    public float BodyLength { get; init; } = 0.6f;
    public float BodyRadius { get; init; } = 0.17f;
    /// <summary>Body axis elevation: 0 horizontal (duck), 80 upright (penguin, owl).</summary>
    public float Pitch { get; init; } = 25;
    public float Neck { get; init; } = 0.12f;
    public float NeckAngle { get; init; } = 70;
    public float NeckThickness { get; init; } = 0.07f;
    public float Head { get; init; } = 0.11f;
    public float Beak { get; init; } = 0.08f;
    /// <summary>Beak depth relative to its length (a parrot's hook is deep, a heron's bill thin).</summary>
    public float BeakDepth { get; init; } = 0.35f;
    /// <summary>Full wingspan tip to tip.</summary>
    public float Span { get; init; } = 1.4f;
    public float TailLength { get; init; } = 0.3f;
    public Vector3 Body { get; init; } = new(0.5f, 0.4f, 0.3f);
    public Vector3 Belly { get; init; } = new(0.85f, 0.78f, 0.65f);
    public Vector3 Wing { get; init; } = new(0.4f, 0.32f, 0.24f);
    public Vector3 HeadColor { get; init; } = new(0.5f, 0.4f, 0.3f);
    public Vector3 BeakColor { get; init; } = new(0.25f, 0.22f, 0.2f);
    public Vector3 LegColor { get; init; } = new(0.55f, 0.45f, 0.4f);
    /// <summary>Wing tips (primaries) colour.</summary>
    public Vector3 Tips { get; init; } = new(0.3f, 0.25f, 0.2f);
    public BirdFeatures Features { get; init; }
}

/// <summary>The bird table: one <see cref="BirdBuild"/> per bird body id of <see cref="BodyCatalog"/>.</summary>
public static class BirdBuilds
{
    static readonly Vector3 White = new(0.95f, 0.95f, 0.93f), Black = new(0.06f, 0.06f, 0.07f), Orange = new(0.95f, 0.55f, 0.12f), Yellow = new(0.95f, 0.8f, 0.2f);

    public static IReadOnlyDictionary<string, BirdBuild> All { get; } = new BirdBuild[]
    {
        new() { Id = "small bird", Height = 0.14f, Legs = 0.36f, BodyLength = 0.7f, BodyRadius = 0.22f, Pitch = 30, Neck = 0.05f, Head = 0.16f, Beak = 0.09f, Span = 1.6f, TailLength = 0.45f, Body = new(0.5f, 0.36f, 0.22f), Belly = new(0.88f, 0.8f, 0.66f), Wing = new(0.42f, 0.3f, 0.18f), HeadColor = new(0.45f, 0.33f, 0.22f), Tips = new(0.25f, 0.18f, 0.12f) },
        new() { Id = "pigeon", Height = 0.3f, Legs = 0.3f, BodyLength = 0.75f, BodyRadius = 0.2f, Pitch = 20, Neck = 0.12f, Head = 0.12f, Beak = 0.06f, Span = 2.1f, TailLength = 0.45f, Body = new(0.55f, 0.57f, 0.62f), Belly = new(0.6f, 0.62f, 0.67f), Wing = new(0.62f, 0.64f, 0.68f), HeadColor = new(0.38f, 0.42f, 0.5f), Tips = new(0.2f, 0.2f, 0.24f), LegColor = new(0.8f, 0.35f, 0.35f) },
        new() { Id = "crow", Height = 0.4f, Legs = 0.25f, BodyLength = 0.7f, BodyRadius = 0.17f, Pitch = 25, Neck = 0.1f, Head = 0.12f, Beak = 0.12f, Span = 2.2f, TailLength = 0.5f, Body = Black, Belly = Black, Wing = new(0.08f, 0.08f, 0.1f), HeadColor = Black, Tips = Black, BeakColor = Black, LegColor = Black },
        new() { Id = "gull", Height = 0.4f, Legs = 0.25f, BodyLength = 0.8f, BodyRadius = 0.17f, Pitch = 15, Neck = 0.12f, Head = 0.12f, Beak = 0.12f, Span = 3.2f, TailLength = 0.4f, Body = White, Belly = White, Wing = new(0.65f, 0.67f, 0.7f), HeadColor = White, Tips = Black, BeakColor = Yellow, LegColor = new(0.9f, 0.7f, 0.45f) },
        new() { Id = "parrot", Height = 0.4f, Legs = 0.2f, BodyLength = 0.55f, BodyRadius = 0.15f, Pitch = 60, Neck = 0.08f, Head = 0.15f, Beak = 0.09f, BeakDepth = 0.9f, Span = 1.8f, TailLength = 0.8f, Body = new(0.15f, 0.7f, 0.2f), Belly = new(0.3f, 0.8f, 0.25f), Wing = new(0.1f, 0.55f, 0.2f), HeadColor = new(0.9f, 0.15f, 0.1f), Tips = new(0.15f, 0.3f, 0.85f), BeakColor = new(0.9f, 0.88f, 0.8f), Features = BirdFeatures.LongTail },
        new() { Id = "owl", Height = 0.45f, Legs = 0.15f, BodyLength = 0.65f, BodyRadius = 0.26f, Pitch = 75, Neck = 0.04f, Head = 0.22f, Beak = 0.05f, BeakDepth = 0.8f, Span = 2.2f, TailLength = 0.25f, Body = new(0.55f, 0.42f, 0.28f), Belly = new(0.85f, 0.78f, 0.62f), Wing = new(0.5f, 0.38f, 0.25f), HeadColor = new(0.6f, 0.47f, 0.32f), Tips = new(0.35f, 0.25f, 0.15f), BeakColor = new(0.3f, 0.28f, 0.25f), Features = BirdFeatures.Crest },
        new() { Id = "eagle", Height = 0.8f, Legs = 0.22f, BodyLength = 0.7f, BodyRadius = 0.17f, Pitch = 45, Neck = 0.08f, Head = 0.12f, Beak = 0.1f, BeakDepth = 0.7f, Span = 2.6f, TailLength = 0.4f, Body = new(0.3f, 0.2f, 0.12f), Belly = new(0.28f, 0.18f, 0.1f), Wing = new(0.32f, 0.22f, 0.13f), HeadColor = White, Tips = new(0.15f, 0.1f, 0.07f), BeakColor = Yellow, LegColor = Yellow },
        new() { Id = "penguin", Height = 0.7f, Legs = 0.08f, BodyLength = 0.75f, BodyRadius = 0.22f, Pitch = 85, Neck = 0.04f, Head = 0.12f, Beak = 0.09f, BeakDepth = 0.3f, Span = 0.75f, TailLength = 0.1f, Body = Black, Belly = White, Wing = Black, HeadColor = Black, Tips = Black, BeakColor = new(0.15f, 0.12f, 0.12f), LegColor = new(0.2f, 0.18f, 0.18f), Features = BirdFeatures.Flippers },
        new() { Id = "duck", Height = 0.4f, Legs = 0.2f, BodyLength = 0.9f, BodyRadius = 0.2f, Pitch = 8, Neck = 0.2f, NeckAngle = 75, Head = 0.13f, Beak = 0.13f, BeakDepth = 0.25f, Span = 2.0f, TailLength = 0.25f, Body = new(0.6f, 0.55f, 0.5f), Belly = new(0.75f, 0.7f, 0.65f), Wing = new(0.5f, 0.42f, 0.35f), HeadColor = new(0.1f, 0.45f, 0.2f), Tips = new(0.2f, 0.25f, 0.55f), BeakColor = Yellow, LegColor = Orange },
        new() { Id = "goose", Height = 0.75f, Legs = 0.2f, BodyLength = 0.7f, BodyRadius = 0.15f, Pitch = 10, Neck = 0.35f, NeckAngle = 80, NeckThickness = 0.05f, Head = 0.08f, Beak = 0.08f, Span = 2.0f, TailLength = 0.2f, Body = new(0.55f, 0.5f, 0.45f), Belly = new(0.85f, 0.83f, 0.8f), Wing = new(0.45f, 0.4f, 0.36f), HeadColor = Black, Tips = new(0.3f, 0.28f, 0.26f), BeakColor = Black, LegColor = Black },
        new() { Id = "swan", Height = 1.1f, Legs = 0.12f, BodyLength = 0.7f, BodyRadius = 0.14f, Pitch = 5, Neck = 0.5f, NeckAngle = 80, NeckThickness = 0.035f, Head = 0.06f, Beak = 0.08f, BeakDepth = 0.3f, Span = 2.2f, TailLength = 0.15f, Body = White, Belly = White, Wing = White, HeadColor = White, Tips = White, BeakColor = Orange, LegColor = Black },
        new() { Id = "chicken", Height = 0.45f, Legs = 0.3f, BodyLength = 0.65f, BodyRadius = 0.2f, Pitch = 20, Neck = 0.14f, NeckAngle = 75, Head = 0.11f, Beak = 0.06f, Span = 1.4f, TailLength = 0.35f, Body = new(0.75f, 0.42f, 0.18f), Belly = new(0.7f, 0.4f, 0.2f), Wing = new(0.6f, 0.3f, 0.12f), HeadColor = new(0.75f, 0.42f, 0.18f), Tips = new(0.3f, 0.15f, 0.08f), BeakColor = Yellow, LegColor = Yellow, Features = BirdFeatures.Comb },
        new() { Id = "flamingo", Height = 1.3f, Legs = 0.55f, BodyLength = 0.3f, BodyRadius = 0.08f, Pitch = 10, Neck = 0.3f, NeckAngle = 75, NeckThickness = 0.022f, Head = 0.05f, Beak = 0.07f, BeakDepth = 0.4f, Span = 1.1f, TailLength = 0.1f, Body = new(0.95f, 0.55f, 0.6f), Belly = new(0.95f, 0.6f, 0.65f), Wing = new(0.92f, 0.45f, 0.5f), HeadColor = new(0.95f, 0.55f, 0.6f), Tips = Black, BeakColor = Black, LegColor = new(0.9f, 0.5f, 0.55f) },
        new() { Id = "ostrich", Height = 2.5f, Legs = 0.45f, BodyLength = 0.35f, BodyRadius = 0.11f, Pitch = 15, Neck = 0.38f, NeckAngle = 85, NeckThickness = 0.02f, Head = 0.04f, Beak = 0.035f, Span = 0.6f, TailLength = 0.1f, Body = Black, Belly = Black, Wing = White, HeadColor = new(0.7f, 0.6f, 0.55f), Tips = White, BeakColor = new(0.7f, 0.6f, 0.5f), LegColor = new(0.75f, 0.6f, 0.55f) },
        new() { Id = "peacock", Height = 1.0f, Legs = 0.25f, BodyLength = 0.45f, BodyRadius = 0.1f, Pitch = 20, Neck = 0.25f, NeckAngle = 80, NeckThickness = 0.03f, Head = 0.06f, Beak = 0.04f, Span = 1.2f, TailLength = 1.1f, Body = new(0.1f, 0.3f, 0.75f), Belly = new(0.1f, 0.28f, 0.7f), Wing = new(0.55f, 0.45f, 0.3f), HeadColor = new(0.1f, 0.35f, 0.8f), Tips = new(0.4f, 0.3f, 0.2f), Features = BirdFeatures.Crest | BirdFeatures.LongTail | BirdFeatures.Eyespots },
        new() { Id = "dinosaur", Height = 3.8f, Legs = 0.5f, BodyLength = 0.55f, BodyRadius = 0.15f, Pitch = 8, Neck = 0.14f, NeckAngle = 35, NeckThickness = 0.08f, Head = 0.13f, Beak = 0.16f, BeakDepth = 0.6f, Span = 0.4f, TailLength = 0.9f, Body = new(0.3f, 0.42f, 0.22f), Belly = new(0.6f, 0.6f, 0.45f), Wing = new(0.3f, 0.42f, 0.22f), HeadColor = new(0.3f, 0.42f, 0.22f), Tips = new(0.3f, 0.42f, 0.22f), BeakColor = new(0.3f, 0.42f, 0.22f), LegColor = new(0.28f, 0.38f, 0.2f), Features = BirdFeatures.Teeth | BirdFeatures.Arms },
    }.ToDictionary(b => b.Id);
}
