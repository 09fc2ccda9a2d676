using System.Numerics;
using C3V.Render;
using C3V.Splats;

namespace C3V.World;

/// <summary>
/// Makes every landmark a spot the director can use: on walkable ground, inside the default view (away from
/// its border) and not hidden behind scenery. An archetype places a landmark by its object ("in front of the
/// door"); when that spot is inside an obstacle, outside the picture or behind a pillar, the landmark moves to
/// the nearest spot around it that passes all three tests. Visibility is judged on a small render of the scene
/// through the default camera (median depth): a point 0.5 m above the spot must not be behind what is drawn
/// at its pixel.
/// </summary>
static class LandmarkSettler
{
    const int Size = 128;          // render size for the visibility test (the camera is square-aspect)
    const float Margin = 4;        // pixels kept clear of the image border at that size
    const float DepthSlack = 0.4f; // metres a drawn surface may stand in front of the probe point

    public static List<Landmark> Settle(IReadOnlyList<Landmark> landmarks, GaussianCloud cloud, Camera defaultCamera, WalkableRegion walk, GroundPlane ground)
    {
        var cam = defaultCamera.Resized(Size, Size);
        var depth = new GaussianRasterizer().Render([new CloudInstance(cloud)], cam, new RenderOptions { DepthMode = DepthMode.Median }).Depth;

        bool Usable(float x, float z)
        {
            if (!walk.Contains(x, z)) return false;
            var p = ground.OnGround(x, z);
            var (px, d) = cam.Project(p);
            if (d <= 0 || px.X < Margin || px.Y < Margin || px.X > Size - Margin || px.Y > Size - Margin) return false;
            var (probe, dz) = cam.Project(p + new Vector3(0, 0.5f, 0));
            int ix = Math.Clamp((int)probe.X, 0, Size - 1), iy = Math.Clamp((int)probe.Y, 0, Size - 1);
            float seen = depth[iy * Size + ix];
            return !(seen > 0 && seen < dz - DepthSlack);
        }

        var result = new List<Landmark>(landmarks.Count);
        foreach (var l in landmarks)
        {
            float x = l.Position.X, z = l.Position.Z;
            if (!Usable(x, z) && Nearest(x, z, Usable) is { } spot) (x, z) = (spot.X, spot.Y);
            result.Add(l with { Position = ground.OnGround(x, z) });
        }
        return result;
    }

    /// <summary>The nearest usable point on rings of growing radius (0.25 m steps, up to 6 m) around (x, z), or null.</summary>
    static Vector2? Nearest(float x, float z, Func<float, float, bool> usable)
    {
        for (float r = 0.25f; r <= 6f; r += 0.25f)
        {
            int n = Math.Max(8, (int)(MathF.Tau * r / 0.25f));
            // start towards the camera side (+Z) so ties prefer the side the viewer sees
            for (int k = 0; k < n; k++)
            {
                float a = MathF.PI / 2 + (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * MathF.Tau / n;
                float cx = x + r * MathF.Cos(a), cz = z + r * MathF.Sin(a);
                if (usable(cx, cz)) return new Vector2(cx, cz);
            }
        }
        return null;
    }
}
