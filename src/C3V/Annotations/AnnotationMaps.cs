using C3V.Render;
using C3V.Splats;

namespace C3V.Annotations;

/// <summary>
/// Per-pixel ground truth of one frame: depth in millimetres (camera z; 0 where nothing was hit) and an instance
/// mask (0 = scene or nothing, i + 1 = actor i). The scene and each actor are rasterised alone with the frame's
/// camera; a pixel belongs to the nearest actor whose own opacity there reaches <see cref="MaskAlpha"/> and
/// which is in front of the scene (or where the scene is not opaque). Depth is that actor's depth, else the scene's.
/// </summary>
public sealed class AnnotationMaps(GaussianRasterizer rasterizer)
{
    /// <summary>Opacity from which a pixel counts as the actor's (half covered).</summary>
    public const float MaskAlpha = 0.5f;

    /// <summary>Deepest depth a 16-bit millimetre sample holds (65.535 m); farther hits are clamped to it.</summary>
    public const float MaxDepthMeters = ushort.MaxValue / 1000f;

    RenderResult? _scene, _actor;
    Camera? _sceneCamera;
    GaussianCloud? _sceneCloud;
    float[] _bestDepth = [];

    /// <summary>Renders the maps of one frame into <paramref name="depthMm"/> and <paramref name="mask"/> (width·height each).</summary>
    public void Render(GaussianCloud scene, ReadOnlySpan<CloudInstance> actors, Camera camera, Span<ushort> depthMm, Span<byte> mask)
    {
        if (actors.Length > byte.MaxValue - 1) throw new ArgumentException($"an 8-bit mask holds at most {byte.MaxValue - 1} actors", nameof(actors));
        int n = camera.Width * camera.Height;
        if (depthMm.Length != n || mask.Length != n) throw new ArgumentException("map size does not match the camera");
        var options = new RenderOptions { DepthMode = DepthMode.Expected };
        // A static camera sees the same scene in every frame: rendered once.
        if (_scene is null || !ReferenceEquals(_sceneCloud, scene) || !Same(_sceneCamera!, camera))
        {
            _scene = rasterizer.Render([new CloudInstance(scene)], camera, options, _scene is { } s && s.Width == camera.Width && s.Height == camera.Height ? s : null);
            _sceneCloud = scene;
            _sceneCamera = camera;
        }
        if (_bestDepth.Length != n) _bestDepth = new float[n];
        var bestDepth = _bestDepth;
        for (int p = 0; p < n; p++)
        {
            bool sceneHit = _scene.Alpha[p] >= MaskAlpha && _scene.Depth[p] != RenderResult.NoHitDepth;
            bestDepth[p] = sceneHit ? _scene.Depth[p] : float.PositiveInfinity;
            mask[p] = 0;
        }
        for (int a = 0; a < actors.Length; a++)
        {
            _actor = rasterizer.Render([actors[a]], camera, options, _actor);
            for (int p = 0; p < n; p++)
            {
                float d = _actor.Depth[p];
                if (_actor.Alpha[p] >= MaskAlpha && d != RenderResult.NoHitDepth && d < bestDepth[p])
                {
                    bestDepth[p] = d;
                    mask[p] = (byte)(a + 1);
                }
            }
        }
        for (int p = 0; p < n; p++)
        {
            float d = float.IsPositiveInfinity(bestDepth[p]) ? _scene.Depth[p] : bestDepth[p];
            depthMm[p] = d <= 0 ? (ushort)0 : (ushort)MathF.Round(MathF.Min(d, MaxDepthMeters) * 1000f);
        }
    }

    static bool Same(Camera a, Camera b) => a.Width == b.Width && a.Height == b.Height && a.Fx == b.Fx && a.Fy == b.Fy
        && a.Cx == b.Cx && a.Cy == b.Cy && a.T == b.T && a.R.AsSpan().SequenceEqual(b.R);
}
