using System.Numerics;
using C3V.Splats;

namespace C3V.Render;

/// <summary>
/// One cloud to render, placed in the world by <paramref name="Transform"/> (object → world:
/// p' = Scale·(Rotation·p) + Translation). A frame renders the scene and every posed actor together, each
/// with its own transform, so they are depth-sorted together.
/// </summary>
public readonly record struct CloudInstance(GaussianCloud Cloud, RigidTransform Transform)
{
    public CloudInstance(GaussianCloud cloud) : this(cloud, RigidTransform.Identity) { }
}

/// <summary>What <see cref="RenderResult.Depth"/> holds.</summary>
public enum DepthMode
{
    /// <summary>Σ wᵢ·zᵢ / Σ wᵢ (blend weights wᵢ = αᵢ·Tᵢ): the alpha-normalised expected camera z.</summary>
    Expected,
    /// <summary>z of the contributor at which the accumulated alpha first reaches ½ (else the last one).</summary>
    Median,
}

/// <summary>Options of <see cref="GaussianRasterizer.Render"/>.</summary>
public sealed record RenderOptions
{
    public static RenderOptions Default { get; } = new();

    /// <summary>Colour behind everything (linear RGB 0..1); black by default.</summary>
    public Vector3 Background { get; init; }
    /// <summary>
    /// gsplat's "antialiased" mode: opacity × √(det Σ₂ / det(Σ₂ + 0.3·I)), so that the 0.3-pixel dilation
    /// does not make small or distant splats look fatter and brighter than they are.
    /// </summary>
    public bool Antialiased { get; init; }
    public DepthMode DepthMode { get; init; } = DepthMode.Expected;
    /// <summary>Highest SH degree evaluated (0–3); clouds of lower degree use what they have.</summary>
    public int ShDegree { get; init; } = GaussianCloud.MaxShDegree;
    /// <summary>Splats whose centre is nearer than this (camera z, metres) are culled.</summary>
    public float NearPlane { get; init; } = 0.01f;
}
