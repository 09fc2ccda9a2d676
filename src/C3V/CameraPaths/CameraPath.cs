using System.Numerics;
using C3V.Common;
using C3V.Render;

namespace C3V.CameraPaths;

/// <summary>How the camera moves during a clip.</summary>
public enum CameraKind
{
    /// <summary>The reference view (the view the director placed the actors in), framed on the action (see <see cref="ShotFraming"/>).</summary>
    Static,
    /// <summary>Swings around a vertical axis through the subject, ±20° about the reference view.</summary>
    Orbit,
    /// <summary>Pushes in along the view direction, from 15% further out to 25% closer.</summary>
    Dolly,
    /// <summary>Travels with the main actor, keeping it framed (a third of the frame tall), at the reference view's offset and height.</summary>
    Follow,
    /// <summary>Rises from a low angle to a high one while aiming at the subject.</summary>
    Crane,
}

/// <summary>
/// A camera path in world space (Y up, metres): a camera for every time of the clip. Motions use quintic
/// smootherstep easing (zero velocity and acceleration at both ends, so the camera starts and stops without a
/// jolt), and the eye is kept at least <see cref="GroundClearance"/> above the ground so it never dips under it.
/// </summary>
public sealed class CameraPath
{
    public const float GroundClearance = 0.3f;
    /// <summary>How tall the followed actor appears, as a fraction of the frame (when the reference shows it smaller).</summary>
    public const float FollowFill = 1f / 3f;
    /// <summary>Most of the frame's width a followed group takes (the rest is margin, and the lag of a smoothed path).</summary>
    const float GroupFill = 0.7f;
    const float OrbitSwing = 40f * MathF.PI / 180f;

    readonly Func<float, Camera> _at;
    public CameraKind Kind { get; }
    public float Duration { get; }

    CameraPath(CameraKind kind, float duration, Func<float, Camera> at) { Kind = kind; Duration = duration; _at = at; }

    /// <summary>The camera at <paramref name="time"/> seconds (clamped to the clip).</summary>
    public Camera At(float time) => _at(Math.Clamp(time, 0, Duration));

    public static float SmootherStep(float t)
    {
        t = Math.Clamp(t, 0, 1);
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    public static CameraKind Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "static" => CameraKind.Static,
        "orbit" => CameraKind.Orbit,
        "dolly" => CameraKind.Dolly,
        "follow" => CameraKind.Follow,
        "crane" => CameraKind.Crane,
        _ => throw new C3VException($"--camera: '{text}' is not a camera path (static, orbit, dolly, follow, crane)"),
    };

    public static string Name(CameraKind kind) => kind.ToString().ToLowerInvariant();

    /// <param name="reference">The reference view (the scene's default camera at the output size).</param>
    /// <param name="subject">The point the moves are about (the actors' centre at chest height).</param>
    /// <param name="groundY">Ground height the eye stays above.</param>
    /// <param name="follow">The followed point over time (the actors' centre at their feet) and the tallest's height; required by <see cref="CameraKind.Follow"/>.</param>
    /// <param name="followSpread">How far (metres, on the ground) the actors reach from the followed point at most: the follow shot keeps them all whole.</param>
    public static CameraPath Create(CameraKind kind, Camera reference, Vector3 subject, float groundY, float duration,
        Func<float, Vector3>? follow = null, float followHeight = 1.75f, float followSpread = 0)
    {
        if (!(duration > 0)) throw new ArgumentOutOfRangeException(nameof(duration));
        float Progress(float t) => SmootherStep(t / duration);
        var eye0 = reference.Position;
        return kind switch
        {
            CameraKind.Static => new(kind, duration, _ => reference),
            CameraKind.Orbit => new(kind, duration, t => Orbit(reference, subject, OrbitSwing * (Progress(t) - 0.5f), groundY)),
            CameraKind.Dolly => new(kind, duration, t =>
            {
                float dist = Vector3.Distance(eye0, subject);
                var eye = eye0 + reference.Forward * (dist * (-0.15f + 0.40f * Progress(t)));
                return MoveEye(reference, KeepAboveGround(eye, groundY));
            }),
            CameraKind.Crane => new(kind, duration, t =>
            {
                // From 60% of the reference height above the subject to 170% of it, same horizontal distance.
                float rise = eye0.Y - subject.Y;
                if (rise < 0.5f) rise = 0.5f;
                var eye = new Vector3(eye0.X, subject.Y + rise * (0.6f + 1.1f * Progress(t)), eye0.Z);
                return Aim(reference, KeepAboveGround(eye, groundY), subject);
            }),
            CameraKind.Follow => FollowPath(reference, groundY, duration,
                follow ?? throw new ArgumentException("the follow camera needs the main actor's path", nameof(follow)), followHeight, followSpread),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    static Vector3 KeepAboveGround(Vector3 eye, float groundY) => eye with { Y = MathF.Max(eye.Y, groundY + GroundClearance) };

    /// <summary>The reference camera rigidly rotated by <paramref name="angle"/> about the vertical axis through <paramref name="pivot"/>.</summary>
    static Camera Orbit(Camera reference, Vector3 pivot, float angle, float groundY)
    {
        var rot = Matrix4x4.CreateRotationY(angle);
        var eye = pivot + Vector3.Transform(reference.Position - pivot, rot);
        // Camera axes (rows of R) turn with the rig: new R = R · rot⁻¹, written out for row vectors.
        var r = reference.R;
        var x = Vector3.TransformNormal(new Vector3(r[0], r[1], r[2]), rot);
        var y = Vector3.TransformNormal(new Vector3(r[3], r[4], r[5]), rot);
        var z = Vector3.TransformNormal(new Vector3(r[6], r[7], r[8]), rot);
        eye = KeepAboveGround(eye, groundY);
        return WithAxes(reference, x, y, z, eye);
    }

    static Camera MoveEye(Camera reference, Vector3 eye)
    {
        var r = reference.R;
        return WithAxes(reference, new(r[0], r[1], r[2]), new(r[3], r[4], r[5]), new(r[6], r[7], r[8]), eye);
    }

    /// <summary>
    /// A camera at <paramref name="eye"/> looking at <paramref name="target"/>, with the reference's focal lengths
    /// and a centred principal point (a framed reference may have shifted it), so the target is at the centre.
    /// </summary>
    static Camera Aim(Camera reference, Vector3 eye, Vector3 target)
    {
        var look = Camera.LookAt(eye, target, Vector3.UnitY, reference.FovY, reference.Width, reference.Height);
        return reference with { R = look.R, T = look.T, Cx = reference.Width / 2f, Cy = reference.Height / 2f };
    }

    static Camera WithAxes(Camera reference, Vector3 x, Vector3 y, Vector3 z, Vector3 eye) => reference with
    {
        R = [x.X, x.Y, x.Z, y.X, y.Y, y.Z, z.X, z.Y, z.Z],
        T = -new Vector3(Vector3.Dot(x, eye), Vector3.Dot(y, eye), Vector3.Dot(z, eye)),
    };

    /// <summary>
    /// Follows the actor: its path is smoothed with a centred Gaussian (σ = 0.6 s; the whole path is known,
    /// so the smoothing has no lag), the eye keeps the reference view's offset from the actor's start, and the
    /// camera aims at the smoothed actor at two-thirds of its height, so it stays framed near the centre. Followed
    /// as a group (several actors, <paramref name="spread"/> metres round the point at most), it stands back and zooms
    /// no further than keeps the whole group in the frame.
    /// </summary>
    static CameraPath FollowPath(Camera reference, float groundY, float duration, Func<float, Vector3> actor, float height, float spread)
    {
        const int samples = 121;
        var raw = new Vector3[samples];
        for (int i = 0; i < samples; i++) raw[i] = actor(duration * i / (samples - 1));
        var smooth = new Vector3[samples];
        float sigma = 0.6f / duration * (samples - 1);
        for (int i = 0; i < samples; i++)
        {
            Vector3 sum = default; float wsum = 0;
            for (int j = 0; j < samples; j++)
            {
                float d = (j - i) / MathF.Max(sigma, 1e-3f);
                float w = MathF.Exp(-0.5f * d * d);
                sum += raw[j] * w; wsum += w;
            }
            smooth[i] = sum / wsum;
        }
        var lift = new Vector3(0, height * 0.66f, 0);
        // Keep the reference view's direction to the subject, at a distance that frames the actor (≥ 3 heights).
        var offset = reference.Position - (smooth[0] + lift);
        // the group's width (with a margin) fits in GroupFill of the frame's width, even unzoomed
        float width = 2 * MathF.Max(0, spread) + 0.5f * height;
        float minDistance = MathF.Max(MathF.Max(3f * height, 2f), width * reference.Fx / (GroupFill * reference.Width));
        if (offset.Length() < minDistance) offset = Vector3.Normalize(offset) * minDistance;
        // The actor stays at its distance, so a longer lens keeps it a third of the frame tall (at most 3× zoom), and
        // the group within the frame.
        float zoom = Math.Clamp(MathF.Min(FollowFill * reference.Height * offset.Length() / (height * reference.Fy),
            GroupFill * reference.Width * offset.Length() / (width * reference.Fx)), 1f, 3f);
        var lens = reference with { Fx = reference.Fx * zoom, Fy = reference.Fy * zoom };
        return new(CameraKind.Follow, duration, t =>
        {
            float f = Math.Clamp(t / duration, 0, 1) * (samples - 1);
            int i0 = Math.Min((int)f, samples - 2);
            var p = Vector3.Lerp(smooth[i0], smooth[i0 + 1], f - i0) + lift;
            return Aim(lens, KeepAboveGround(p + offset, groundY), p);
        });
    }
}
