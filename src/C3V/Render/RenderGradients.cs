using System.Numerics;

namespace C3V.Render;

/// <summary>
/// Loss gradients with respect to the raw parameters of one cloud, laid out like
/// <see cref="Splats.GaussianCloud"/> (positions, log-scales, quaternion w/x/y/z before normalisation,
/// opacity logits, SH [N, K, 3]). Gaussians that were culled or not visible get 0.
/// </summary>
public sealed class CloudGradients
{
    public int Count { get; }
    public int ShCoeffCount { get; }
    public float[] X { get; }
    public float[] Y { get; }
    public float[] Z { get; }
    public float[] ScaleX { get; }
    public float[] ScaleY { get; }
    public float[] ScaleZ { get; }
    public float[] RotW { get; }
    public float[] RotX { get; }
    public float[] RotY { get; }
    public float[] RotZ { get; }
    public float[] Opacity { get; }
    public float[] Sh { get; }

    public CloudGradients(int count, int shCoeffCount)
    {
        Count = count; ShCoeffCount = shCoeffCount;
        X = new float[count]; Y = new float[count]; Z = new float[count];
        ScaleX = new float[count]; ScaleY = new float[count]; ScaleZ = new float[count];
        RotW = new float[count]; RotX = new float[count]; RotY = new float[count]; RotZ = new float[count];
        Opacity = new float[count];
        Sh = new float[count * shCoeffCount * 3];
    }

    internal void Clear()
    {
        foreach (var a in (float[][])[X, Y, Z, ScaleX, ScaleY, ScaleZ, RotW, RotX, RotY, RotZ, Opacity, Sh]) Array.Clear(a);
    }
}

/// <summary>
/// Loss gradient with respect to a <see cref="Splats.RigidTransform"/>: translation (world), uniform scale,
/// and rotation as a world-frame rotation vector ω at 0 for R ← exp([ω]ₓ)·R (so the gradient with respect
/// to a yaw about world Y is <c>Rotation.Y</c>).
/// </summary>
public readonly record struct TransformGradient(Vector3 Translation, Vector3 Rotation, float Scale);

/// <summary>What <see cref="GaussianRasterizer.Backward"/> returns: one entry per rendered cloud instance, in order.</summary>
public sealed class RenderGradients
{
    public IReadOnlyList<CloudGradients> Clouds { get; }
    public TransformGradient[] Transforms { get; }

    public RenderGradients(IReadOnlyList<CloudGradients> clouds)
    {
        Clouds = clouds;
        Transforms = new TransformGradient[clouds.Count];
    }
}
