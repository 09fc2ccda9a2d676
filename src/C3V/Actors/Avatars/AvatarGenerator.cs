using System.Numerics;
using C3V.Splats;
using Paint = C3V.Actors.SurfacePaint;
using Part = C3V.Actors.BodyPart;
using Sample = C3V.Actors.SurfaceSample;

namespace C3V.Actors;

/// <summary>A generated, rigged Gaussian character.</summary>
public sealed record Avatar(AvatarSpec Spec, SkinnedCloud Cloud)
{
    public Skeleton Skeleton => Cloud.Skeleton;
    /// <summary>Per Gaussian, the prop it belongs to ("umbrella", "backpack", …) or null for the body and its clothes.</summary>
    public IReadOnlyList<string?> PartTags { get; init; } = [];
}

/// <summary>
/// Builds a rigged Gaussian humanoid from an <see cref="AvatarSpec"/> with no model weights: the body,
/// garments and extras are closed surfaces (<see cref="Tube"/>s and <see cref="Sheet"/>s) laid out on the
/// skeleton's rest T-pose, sampled every ~8 mm into flat Gaussians (oriented along the surface, thin along
/// the normal), coloured by garment rules with soft baked lighting and contact darkening, and skinned to the
/// nearest bones of each part. Samples buried inside another solid part are dropped.
/// </summary>
public static class AvatarGenerator
{
    /// <summary>Sample spacing for a 1.75 m figure, metres; scaled with height.</summary>
    public const float BaseSpacing = 0.0078f;

    public static Avatar Generate(AvatarSpec spec, int seed = 0)
    {
        var b = new AvatarBuilder(spec, seed);
        var cloud = b.Build();
        return new Avatar(spec, cloud) { PartTags = b.Tags };
    }

    /// <summary>Convenience: <see cref="AvatarSpec.FromDescription"/> then <see cref="Generate(AvatarSpec,int)"/>.</summary>
    public static Avatar Generate(string description, int seed = 0) => Generate(AvatarSpec.FromDescription(description, seed), seed);
}

