using C3V.Output;

namespace C3V.Render;

/// <summary>
/// The images of one <see cref="GaussianRasterizer.Render"/> call. Pixels are row-major, row 0 at the top.
/// </summary>
/// <remarks>
/// <see cref="Depth"/> is camera z in metres (see <see cref="DepthMode"/>); where nothing was hit
/// (alpha 0) it is <see cref="NoHitDepth"/> (0). A result can be passed back to
/// <see cref="GaussianRasterizer.Backward"/> as long as the same rasterizer has not rendered again since.
/// </remarks>
public sealed class RenderResult
{
    /// <summary>Depth written where no splat contributes.</summary>
    public const float NoHitDepth = 0f;

    public int Width { get; }
    public int Height { get; }
    /// <summary>[H·W·3] RGB, interleaved, background composited.</summary>
    public float[] Color { get; }
    /// <summary>[H·W] accumulated opacity 1 − T.</summary>
    public float[] Alpha { get; }
    /// <summary>[H·W] camera z (metres), <see cref="NoHitDepth"/> where nothing was hit.</summary>
    public float[] Depth { get; }

    /// <summary>Which render of which rasterizer produced this (checked by the backward pass).</summary>
    internal GaussianRasterizer? Owner { get; set; }
    internal long Frame { get; set; }
    internal RenderOptions Options { get; set; } = RenderOptions.Default;

    public RenderResult(int width, int height)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "image size must be positive");
        Width = width; Height = height;
        Color = new float[width * height * 3];
        Alpha = new float[width * height];
        Depth = new float[width * height];
    }

    /// <summary>The colour image (a copy).</summary>
    public Image ToImage() => new(Width, Height, (float[])Color.Clone());

    /// <summary>The depth image through <see cref="DepthColormap"/> (near bright, far dark, no hit black).</summary>
    public Image DepthImage(float? near = null, float? far = null) => DepthColormap.Apply(Depth, Alpha, Width, Height, near, far);
}
