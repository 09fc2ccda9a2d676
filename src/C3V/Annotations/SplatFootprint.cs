using System.Numerics;
using C3V.Render;
using C3V.Splats;

namespace C3V.Annotations;

/// <summary>Where a posed actor's splats land in one frame: their image bounds, the share in view, the lowest one.</summary>
/// <param name="Box">Bounds, clipped to the frame, of the 1σ discs of the splats whose centres project inside it
/// (null when none does).</param>
/// <param name="Visible">Share of the splats whose centres are in front of the camera and inside the frame.</param>
/// <param name="LowestY">Lowest world Y of any splat centre.</param>
public readonly record struct SplatFootprint(PixelRect? Box, float Visible, float LowestY)
{
    /// <summary>
    /// Measures the cloud <paramref name="instance"/> places in the world as <paramref name="camera"/> sees it.
    /// One pass over the splats with the instance transform and the camera folded into one affine map. Each
    /// splat widens the box by its largest standard deviation projected at its depth: the 1σ disc is about where
    /// an opaque splat's own opacity falls to one half, so the box bounds what the render shows of the actor
    /// (its 3σ tail, which the rasterizer also draws, is too faint to widen it). The rasterizer's low-pass
    /// dilation (0.3 px² added to the projected covariance) widens tiny splats to about a pixel: so does the box.
    /// </summary>
    public static SplatFootprint Measure(in CloudInstance instance, Camera camera, float nearPlane = 0.01f)
    {
        var cloud = instance.Cloud;
        var t = instance.Transform;
        // world = s·R_t·p + T ; camera = R_c·world + t_c  ⇒  camera = (R_c·s·R_t)·p + (R_c·T + t_c)
        var rt = Matrix4x4.CreateFromQuaternion(t.Rotation);
        var m = new float[9];
        var w = new float[3]; // world Y row: s·R_t row 1
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
            {
                float sum = 0;
                for (int k = 0; k < 3; k++) sum += camera.R[r * 3 + k] * RowMajor(rt, k, c);
                m[r * 3 + c] = sum * t.Scale;
            }
        for (int c = 0; c < 3; c++) w[c] = RowMajor(rt, 1, c) * t.Scale;
        var tc = camera.WorldToCamera(t.Translation);
        float fx = camera.Fx, fy = camera.Fy, cx = camera.Cx, cy = camera.Cy, width = camera.Width, height = camera.Height;
        float x0 = float.PositiveInfinity, y0 = float.PositiveInfinity, x1 = float.NegativeInfinity, y1 = float.NegativeInfinity;
        float lowest = float.PositiveInfinity;
        int inside = 0, n = cloud.Count;
        ReadOnlySpan<float> xs = cloud.X.AsSpan(0, n), ys = cloud.Y.AsSpan(0, n), zs = cloud.Z.AsSpan(0, n);
        ReadOnlySpan<float> sx = cloud.ScaleX.AsSpan(0, n), sy = cloud.ScaleY.AsSpan(0, n), sz = cloud.ScaleZ.AsSpan(0, n);
        float f = MathF.Max(fx, fy) * t.Scale;
        for (int i = 0; i < n; i++)
        {
            float px = xs[i], py = ys[i], pz = zs[i];
            float wy = w[0] * px + w[1] * py + w[2] * pz;
            if (wy < lowest) lowest = wy;
            float z = m[6] * px + m[7] * py + m[8] * pz + tc.Z;
            if (z <= nearPlane) continue;
            float inv = 1f / z;
            float u = fx * (m[0] * px + m[1] * py + m[2] * pz + tc.X) * inv + cx;
            float v = fy * (m[3] * px + m[4] * py + m[5] * pz + tc.Y) * inv + cy;
            if (u < 0 || v < 0 || u >= width || v >= height) continue;
            inside++;
            float r = f * MathF.Exp(MathF.Max(sx[i], MathF.Max(sy[i], sz[i]))) * inv;
            r = MathF.Sqrt(r * r + LowPass);
            if (u - r < x0) x0 = u - r;
            if (u + r > x1) x1 = u + r;
            if (v - r < y0) y0 = v - r;
            if (v + r > y1) y1 = v + r;
        }
        PixelRect? box = inside > 0 ? new PixelRect(MathF.Max(0, x0), MathF.Max(0, y0), MathF.Min(width, x1), MathF.Min(height, y1)) : null;
        return new SplatFootprint(box, n > 0 ? inside / (float)n : 0, (n > 0 ? lowest : 0) + t.Translation.Y);
    }

    const float LowPass = 0.3f;

    /// <summary>Element (row, col) of the rotation that System.Numerics stores for row vectors (its transpose).</summary>
    static float RowMajor(in Matrix4x4 m, int row, int col) => (row, col) switch
    {
        (0, 0) => m.M11, (0, 1) => m.M21, (0, 2) => m.M31,
        (1, 0) => m.M12, (1, 1) => m.M22, (1, 2) => m.M32,
        (2, 0) => m.M13, (2, 1) => m.M23, _ => m.M33,
    };
}
