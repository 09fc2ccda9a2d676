using System.Numerics;
using C3V.Direct;
using C3V.Render;

namespace C3V.Compose;

/// <summary>How a waypoint's 3D position was found.</summary>
public enum LiftSource
{
    /// <summary>The scene's rendered depth at the box's bottom centre, unprojected, then snapped to the ground.</summary>
    Depth,
    /// <summary>No usable depth there (sky, a miss, a depth far off the ground): the camera ray met the ground plane.</summary>
    GroundRay,
    /// <summary>Neither: the ray never meets the ground in front of the camera; placed at the fallback distance.</summary>
    Fallback,
}

/// <summary>Options of <see cref="Lifter"/>.</summary>
public sealed record LiftOptions
{
    /// <summary>Half-size in pixels of the window whose median valid depth is read at the feet (2 → 5×5).</summary>
    public int DepthWindow { get; init; } = 2;
    /// <summary>
    /// A depth-unprojected foot point further than this (metres, times the actor's height) above or below the
    /// ground is not believed: the box bottom is over something else (a wall, a bush); the ground ray is used.
    /// </summary>
    public float MaxGroundGap { get; init; } = 0.5f;
    /// <summary>Distance (along the view axis) used when the foot ray never meets the ground.</summary>
    public float FallbackDepth { get; init; } = 5f;
    /// <summary>
    /// Weights of the three scale estimates in the log-space blend: the actor's real height (world scale 1),
    /// the director's size (fraction of image height at the start) and the waypoint boxes' heights.
    /// A scene whose units are not metres (a captured .ply) should give the real height weight 0.
    /// </summary>
    public float RealHeightWeight { get; init; } = 1f;
    public float DirectorWeight { get; init; } = 1f;
    public float BoxWeight { get; init; } = 1f;
    /// <summary>Estimates further apart than this ratio are reported as a disagreement.</summary>
    public float DisagreementRatio { get; init; } = 1.3f;
    /// <summary>
    /// An estimate further than this ratio from the median of three is rejected, not blended: one wildly wrong
    /// source (a size read off a box cut by the image's edge, a misjudged LLM size) must not drag the scale.
    /// </summary>
    public float RejectRatio { get; init; } = 2f;
}

/// <summary>One lifted waypoint.</summary>
/// <param name="GroundGap">Height above the ground of the depth-unprojected feet before snapping (NaN when depth was not used).</param>
public sealed record LiftedWaypoint(Vector3 Position, LiftSource Source, float GroundGap, PixelBox Box);

/// <summary>The 3D start of an actor's composition: ground positions of the waypoints and a world scale.</summary>
public sealed record LiftedActor(
    IReadOnlyList<LiftedWaypoint> Waypoints,
    float Scale,
    float ScaleFromRealHeight,
    float ScaleFromDirector,
    float ScaleFromBoxes,
    float DisagreementRatio,
    IReadOnlyList<string> Notes)
{
    public IReadOnlyList<Vector3> Positions => Waypoints.Select(w => w.Position).ToArray();
}

/// <summary>
/// Stage 3 of the method: turns the director's boxes into 3D. Each waypoint's feet are at the bottom centre
/// of its box; the scene's rendered depth there is unprojected through the reference camera and snapped to
/// the ground height so the actor stands rather than floats. The director's size (a fraction of the image
/// height) and the boxes' heights each imply a world scale given the actor's real height; those and the
/// real height itself (scale 1) are blended and disagreements reported.
/// </summary>
public static class Lifter
{
    /// <summary>Lifts a director's placement; its boxes are rescaled if the camera's image size differs from the placement's view.</summary>
    public static LiftedActor Lift(Placement placement, ReadOnlySpan<float> depth, Camera camera, float groundHeight, float actorHeight, LiftOptions? options = null)
    {
        if (placement.Problem() is { } problem) throw new ArgumentException($"placement of '{placement.ActorId}': {problem}", nameof(placement));
        float sx = camera.Width / (float)placement.ViewWidth, sy = camera.Height / (float)placement.ViewHeight;
        var boxes = placement.Waypoints.Select(b => new PixelBox(b.Left * sx, b.Top * sy, b.Right * sx, b.Bottom * sy)).ToArray();
        return Lift(boxes, (float)placement.Scale, depth, camera, groundHeight, actorHeight, options);
    }

    /// <param name="boxes">Waypoint boxes in pixels of the camera's image; the feet are at each box's bottom centre.</param>
    /// <param name="depth">Rendered z-depth of the scene [H·W] in the reference view; non-finite or ≤ 0 means nothing was hit.</param>
    /// <param name="scaleFraction">The director's actor height as a fraction of the image height (≤ 0: not given).</param>
    /// <param name="actorHeight">The actor's height in its own frame at scale 1 (metres).</param>
    public static LiftedActor Lift(IReadOnlyList<PixelBox> boxes, float scaleFraction, ReadOnlySpan<float> depth,
        Camera camera, float groundHeight, float actorHeight, LiftOptions? options = null)
    {
        options ??= new LiftOptions();
        if (boxes.Count == 0) throw new ArgumentException("no waypoints to lift", nameof(boxes));
        if (depth.Length != camera.Width * camera.Height)
            throw new ArgumentException($"depth has {depth.Length} values, the {camera.Width}×{camera.Height} camera needs {camera.Width * camera.Height}", nameof(depth));
        if (!(actorHeight > 0)) throw new ArgumentOutOfRangeException(nameof(actorHeight), "actor height must be positive");

        var notes = new List<string>();
        var lifted = new LiftedWaypoint[boxes.Count];
        for (int i = 0; i < boxes.Count; i++)
        {
            lifted[i] = LiftOne(boxes[i], depth, camera, groundHeight, actorHeight, options);
            if (lifted[i].Source != LiftSource.Depth)
                notes.Add($"waypoint {i}: {(lifted[i].Source == LiftSource.GroundRay ? "no usable depth at the feet, used the ground ray" : "the feet are above the horizon, placed at the fallback distance")}");
        }

        float sDirector = scaleFraction > 0
            ? scaleFraction * camera.Height / PixelHeight(camera, lifted[0].Position, actorHeight)
            : float.NaN;
        float sBoxes = BoxScale(boxes, lifted, camera, actorHeight);

        var estimates = new List<(string Name, float Value, float Weight)>();
        if (options.RealHeightWeight > 0) estimates.Add(("real height", 1f, options.RealHeightWeight));
        if (float.IsFinite(sDirector) && sDirector > 0 && options.DirectorWeight > 0) estimates.Add(("director", sDirector, options.DirectorWeight));
        if (float.IsFinite(sBoxes) && sBoxes > 0 && options.BoxWeight > 0) estimates.Add(("boxes", sBoxes, options.BoxWeight));
        float ratio = estimates.Count > 1 ? estimates.Max(e => e.Value) / estimates.Min(e => e.Value) : 1f;
        if (estimates.Count >= 3)
        {
            // The median of three is the one source two others can outvote.
            float median = estimates.Select(e => e.Value).Order().ElementAt(estimates.Count / 2);
            foreach (var e in estimates.Where(e => MathF.Max(e.Value / median, median / e.Value) > options.RejectRatio).ToList())
            {
                estimates.Remove(e);
                notes.Add($"the {e.Name} scale {Fmt(e.Value)} is ×{MathF.Max(e.Value / median, median / e.Value):0.0} from the others' median {Fmt(median)}: ignored");
            }
        }
        double logSum = 0, wSum = 0;
        foreach (var e in estimates) { logSum += e.Weight * Math.Log(e.Value); wSum += e.Weight; }
        float scale = wSum > 0 ? (float)Math.Exp(logSum / wSum) : 1f;
        if (ratio > options.DisagreementRatio)
            notes.Add($"scale estimates disagree by ×{ratio:0.00}: real height 1, director {Fmt(sDirector)}, boxes {Fmt(sBoxes)}; using {scale:0.###}");
        return new LiftedActor(lifted, scale, 1f, sDirector, sBoxes, ratio, notes);
    }

    /// <summary>
    /// Median over the waypoints of box height / the actor's pixel height at scale 1 there. A box cut by the
    /// image's edge (the actor walking in or out of view) is shorter than the actor and is left out, unless
    /// every box is.
    /// </summary>
    static float BoxScale(IReadOnlyList<PixelBox> boxes, LiftedWaypoint[] lifted, Camera camera, float actorHeight)
    {
        var whole = new List<float>();
        var all = new List<float>();
        for (int i = 0; i < lifted.Length; i++)
        {
            var b = boxes[i];
            float h = b.Height, unit = PixelHeight(camera, lifted[i].Position, actorHeight);
            if (!(h > 0 && unit > 0 && float.IsFinite(unit))) continue;
            all.Add(h / unit);
            bool cut = b.Left <= 1 || b.Top <= 1 || b.Right >= camera.Width - 1 || b.Bottom >= camera.Height - 1;
            if (!cut) whole.Add(h / unit);
        }
        return whole.Count > 0 ? Median(whole) : all.Count > 0 ? Median(all) : float.NaN;
    }

    static string Fmt(float v) => float.IsFinite(v) ? v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    static LiftedWaypoint LiftOne(PixelBox w, ReadOnlySpan<float> depth, Camera camera, float ground, float actorHeight, LiftOptions o)
    {
        float z = FootDepth(depth, camera.Width, camera.Height, w.BottomCenter, o.DepthWindow);
        if (z > 0)
        {
            var p = camera.Unproject(w.BottomCenter, z);
            float gap = p.Y - ground;
            if (MathF.Abs(gap) <= o.MaxGroundGap * actorHeight)
                return new LiftedWaypoint(p with { Y = ground }, LiftSource.Depth, gap, w);
        }
        // The ray through the foot pixel meets the plane y = ground at camera + d·dir with d = (ground − cy)/dir.y.
        var origin = camera.Position;
        var dir = camera.RayDirection(w.BottomCenter);
        if (dir.Y < -1e-4f && origin.Y > ground || dir.Y > 1e-4f && origin.Y < ground)
        {
            float d = (ground - origin.Y) / dir.Y;
            return new LiftedWaypoint(origin + d * dir, LiftSource.GroundRay, float.NaN, w);
        }
        var far = camera.Unproject(w.BottomCenter, o.FallbackDepth);
        return new LiftedWaypoint(far with { Y = ground }, LiftSource.Fallback, float.NaN, w);
    }

    /// <summary>Image height in pixels of an upright segment of <paramref name="height"/> standing at <paramref name="feet"/>.</summary>
    public static float PixelHeight(Camera camera, Vector3 feet, float height)
    {
        var (a, za) = camera.Project(feet);
        var (b, zb) = camera.Project(feet + new Vector3(0, height, 0));
        if (za <= 0 || zb <= 0) return float.NaN;
        return Vector2.Distance(a, b);
    }

    /// <summary>
    /// Depth at a sub-pixel position: bilinear between the four nearest pixel centres when they agree (on
    /// ground seen at a grazing angle one pixel spans decimetres, so rounding to a pixel is not enough),
    /// else the median of the valid depths in the window (a depth edge under the feet).
    /// </summary>
    static float FootDepth(ReadOnlySpan<float> depth, int width, int height, Vector2 pixel, int window)
    {
        float fx = pixel.X - 0.5f, fy = pixel.Y - 0.5f;
        int x0 = (int)MathF.Floor(fx), y0 = (int)MathF.Floor(fy);
        if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height)
        {
            float a = depth[y0 * width + x0], b = depth[y0 * width + x0 + 1];
            float c = depth[(y0 + 1) * width + x0], d = depth[(y0 + 1) * width + x0 + 1];
            float lo = MathF.Min(MathF.Min(a, b), MathF.Min(c, d)), hi = MathF.Max(MathF.Max(a, b), MathF.Max(c, d));
            if (lo > 0 && float.IsFinite(hi) && hi <= 1.2f * lo)
            {
                float tx = fx - x0, ty = fy - y0;
                return (1 - ty) * ((1 - tx) * a + tx * b) + ty * ((1 - tx) * c + tx * d);
            }
        }
        return MedianDepth(depth, width, height, pixel, window);
    }

    static float MedianDepth(ReadOnlySpan<float> depth, int width, int height, Vector2 pixel, int window)
    {
        int cx = (int)MathF.Floor(pixel.X), cy = (int)MathF.Floor(pixel.Y);
        Span<float> values = stackalloc float[(2 * window + 1) * (2 * window + 1)];
        int n = 0;
        for (int y = cy - window; y <= cy + window; y++)
        {
            if ((uint)y >= (uint)height) continue;
            for (int x = cx - window; x <= cx + window; x++)
            {
                if ((uint)x >= (uint)width) continue;
                float d = depth[y * width + x];
                if (float.IsFinite(d) && d > 0) values[n++] = d;
            }
        }
        if (n == 0) return float.NaN;
        values = values[..n];
        values.Sort();
        return values[n / 2];
    }

    static float Median(List<float> v)
    {
        v.Sort();
        return v.Count % 2 == 1 ? v[v.Count / 2] : 0.5f * (v[v.Count / 2 - 1] + v[v.Count / 2]);
    }
}
