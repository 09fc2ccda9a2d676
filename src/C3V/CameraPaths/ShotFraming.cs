using System.Numerics;
using C3V.Render;

namespace C3V.CameraPaths;

/// <summary>Where an actor stands at one moment (its feet) and how tall it is there, for framing.</summary>
public readonly record struct ActorSample(Vector3 Feet, float Height);

/// <summary>A thing of the scene the shot must show whole (a landmark an actor walks to): its foot point and its rough
/// extent on the ground, which also stands for its height.</summary>
public readonly record struct SceneryMark(Vector3 Foot, float Radius);

/// <summary>
/// Frames the action in the reference view. A scene's default view shows the whole set, where a person is
/// about an eighth of the image tall; the clip is about the actors, so the render zooms in on where they go:
/// the same eye and direction with a narrower field and a shifted principal point — exactly a crop of the
/// reference image, rendered at full resolution. The crop holds every actor at every moment (with a margin),
/// stays inside the reference image (so nothing outside the set the director saw comes into view, and the
/// ground cannot be clipped) and stops zooming once an actor would be taller than <see cref="Options.Fill"/>
/// of the frame.
/// </summary>
public static class ShotFraming
{
    public sealed record Options
    {
        /// <summary>The tallest an actor may appear, as a fraction of the image height.</summary>
        public float Fill { get; init; } = 0.4f;
        /// <summary>Space kept between the action and the frame's edges, as a fraction of the frame.</summary>
        public float Margin { get; init; } = 0.1f;
        public float MaxZoom { get; init; } = 3f;
    }

    /// <summary>
    /// The framing for a camera path: paths that push in (dolly, up to 25 % closer, about 1.33× larger) or swing
    /// (orbit, ±20°) move the action towards the edges, so they frame it with a wider margin.
    /// </summary>
    public static Options For(CameraKind kind) => kind is CameraKind.Dolly or CameraKind.Orbit ? new Options { Margin = 0.2f } : new Options();

    /// <summary>
    /// The zoomed reference (the reference itself when the action already fills it or is not in front of it).
    /// <paramref name="scenery"/> (e.g. the landmark an actor walks to) is kept in the crop too, so a walk "to the
    /// mower" ends with the mower in shot; it widens the crop but does not count as an actor's height.
    /// </summary>
    public static Camera Frame(Camera reference, IReadOnlyList<ActorSample> samples, Options? options = null, IReadOnlyList<SceneryMark>? scenery = null)
    {
        options ??= new Options();
        if (samples.Count == 0) return reference;
        float x0 = float.MaxValue, y0 = float.MaxValue, x1 = float.MinValue, y1 = float.MinValue, tallest = 0;
        var right = new Vector3(reference.R[0], reference.R[1], reference.R[2]);
        void Include(Vector2 p)
        {
            x0 = MathF.Min(x0, p.X); x1 = MathF.Max(x1, p.X);
            y0 = MathF.Min(y0, p.Y); y1 = MathF.Max(y1, p.Y);
        }
        foreach (var m in scenery ?? [])
        {
            var side = right * m.Radius;
            var top = m.Foot + new Vector3(0, MathF.Max(m.Radius, 0.3f), 0);
            foreach (var point in (ReadOnlySpan<Vector3>)[m.Foot - side, m.Foot + side, top])
            {
                var (p, depth) = reference.Project(point);
                if (depth > 0) Include(p); // behind the camera: the actors' crop decides
            }
        }
        foreach (var s in samples)
        {
            var head = s.Feet + new Vector3(0, s.Height, 0);
            // The body's width: a quarter of its height to either side, across the view.
            var side = right * (0.25f * s.Height);
            var (feet, df) = reference.Project(s.Feet);
            var (top, dt) = reference.Project(head);
            var (left, dl) = reference.Project(s.Feet - side);
            var (rightPx, dr) = reference.Project(s.Feet + side);
            if (df <= 0 || dt <= 0 || dl <= 0 || dr <= 0) return reference;
            foreach (var p in (ReadOnlySpan<Vector2>)[feet, top, left, rightPx]) Include(p);
            tallest = MathF.Max(tallest, feet.Y - top.Y);
        }
        float w = reference.Width, h = reference.Height;
        float usable = 1 - 2 * options.Margin;
        float zoom = MathF.Min(w * usable / MathF.Max(x1 - x0, 1), h * usable / MathF.Max(y1 - y0, 1));
        if (tallest > 0) zoom = MathF.Min(zoom, options.Fill * h / tallest);
        zoom = Math.Clamp(zoom, 1, options.MaxZoom);
        if (zoom <= 1.01f) return reference;
        // The crop window (reference pixels), centred on the action and kept inside the reference image.
        float cw = w / zoom, ch = h / zoom;
        float left0 = Math.Clamp(0.5f * (x0 + x1) - 0.5f * cw, 0, w - cw);
        float top0 = Math.Clamp(0.5f * (y0 + y1) - 0.5f * ch, 0, h - ch);
        return reference with
        {
            Fx = reference.Fx * zoom, Fy = reference.Fy * zoom,
            Cx = (reference.Cx - left0) * zoom, Cy = (reference.Cy - top0) * zoom,
        };
    }
}
