using System.Numerics;

namespace C3V.Compose;

/// <summary>Options for moving an actor along its path.</summary>
public sealed record TimingOptions
{
    /// <summary>
    /// A clip whose natural root speed (at the actor's world scale) is below this is not locomotion (dance,
    /// wave): the actor is carried along the path evenly over the whole video and its clip plays at its own rate.
    /// </summary>
    public float MinLocomotionSpeed { get; init; } = 0.2f;
    /// <summary>
    /// The clip may be played faster or slower than recorded within these rates to make the path's length
    /// fit the video's duration; outside them the actor keeps its natural pace (arrives early and stands,
    /// or does not reach the end), because skating feet look worse than a short walk.
    /// </summary>
    public float MinPlaybackRate { get; init; } = 0.75f;
    public float MaxPlaybackRate { get; init; } = 1.5f;
    /// <summary>Half-width, in actor heights, of the chord that smooths the heading (and so the yaw).</summary>
    public float HeadingWindow { get; init; } = 0.15f;
}

/// <summary>How an actor moves along its path: speed, clip rate and when it gets where.</summary>
public sealed record PathTiming(
    float PathLength,
    float Duration,
    float Speed,
    float PlaybackRate,
    bool Locomotion,
    float ArrivalTime,
    float ReachedFraction)
{
    /// <summary>
    /// Plans the motion: a locomotion clip moves the actor at its natural root speed times its world scale
    /// (so the feet move with the ground), with the playback rate nudged within bounds to fit the duration.
    /// </summary>
    /// <param name="naturalSpeed">The clip's root speed in m/s at scale 1.</param>
    public static PathTiming Plan(float pathLength, float duration, float naturalSpeed, float scale, TimingOptions? options = null)
    {
        options ??= new TimingOptions();
        if (!(duration > 0)) throw new ArgumentOutOfRangeException(nameof(duration), "duration must be positive");
        float worldSpeed = MathF.Max(0, naturalSpeed) * scale;
        if (worldSpeed < options.MinLocomotionSpeed || pathLength < 1e-3f)
        {
            float even = pathLength / duration;
            return new PathTiming(pathLength, duration, even, 1f, false, duration, 1f);
        }
        float rate = Math.Clamp(pathLength / duration / worldSpeed, options.MinPlaybackRate, options.MaxPlaybackRate);
        float speed = rate * worldSpeed;
        float arrival = pathLength / speed;
        return new PathTiming(pathLength, duration, speed, rate, true, MathF.Min(arrival, duration), MathF.Min(1f, speed * duration / pathLength));
    }

    /// <summary>Arc length along the path at time <paramref name="t"/> seconds.</summary>
    public float ArcLengthAt(float t) => Math.Clamp(Speed * t, 0, PathLength);

    /// <summary>
    /// The clip's time at video time <paramref name="t"/>: the clip runs at the playback rate while walking
    /// and holds its pose once the actor has arrived (a walking pose frozen beats walking on the spot).
    /// </summary>
    public float MotionTimeAt(float t) => PlaybackRate * (Locomotion ? MathF.Min(t, ArrivalTime) : t);

    /// <summary>Video time at which the actor passes arc length <paramref name="s"/> (clamped to the video).</summary>
    public float TimeAtArcLength(float s) => Speed > 0 ? Math.Clamp(s / Speed, 0, Duration) : 0;
}

/// <summary>Builds an actor's per-frame track from its path and timing.</summary>
public static class TrackBuilder
{
    /// <param name="fallbackYaw">Yaw used while the actor does not move horizontally (e.g. facing the camera).</param>
    /// <param name="actorHeight">Actor height at scale 1, sets the heading's smoothing window.</param>
    /// <param name="pivot">
    /// The planted foot (actor frame, scale 1) at a motion time, null in flight. When given, a turn made while a
    /// foot stays planted pivots about that foot instead of the pelvis: the actor is shifted by the
    /// displacement the turn would give the foot, so the foot does not slide. The shifts left and right of the
    /// path alternate with the feet and stay within centimetres of it.
    /// </param>
    public static ActorTrack Build(string actorId, CatmullRomPath path, PathTiming timing, float scale, float fps, int frames,
        float fallbackYaw, float actorHeight, TimingOptions? options = null, Func<float, Vector3?>? pivot = null)
    {
        options ??= new TimingOptions();
        if (!(fps > 0)) throw new ArgumentOutOfRangeException(nameof(fps));
        float window = MathF.Max(0.05f, options.HeadingWindow * actorHeight * scale);
        // Yaw when standing still before or after moving: the heading at the nearest end of the path.
        float startYaw = YawOf(path.SmoothedHeading(0, window * 2), fallbackYaw);
        var list = new ActorFrame[frames];
        float yaw = startYaw;
        var shift = Vector3.Zero;
        Vector3? planted = null;
        for (int f = 0; f < frames; f++)
        {
            float t = f / fps;
            float s = timing.ArcLengthAt(t);
            float previousYaw = yaw, motionTime = timing.MotionTimeAt(t);
            yaw = YawOf(path.SmoothedHeading(s, window), yaw);
            var foot = pivot?.Invoke(motionTime);
            if (foot is { } p && planted is not null && yaw != previousYaw)
            {
                var d = scale * (Vector3.Transform(p, Quaternion.CreateFromAxisAngle(Vector3.UnitY, previousYaw))
                               - Vector3.Transform(p, Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw)));
                shift += new Vector3(d.X, 0, d.Z);
            }
            planted = foot;
            list[f] = new ActorFrame(path.Evaluate(s) + shift, yaw, scale, motionTime);
        }
        return new ActorTrack(actorId, list);
    }

    /// <summary>
    /// The yaw (rotation about +Y) that turns the actor's +Z (its facing) to <paramref name="heading"/>:
    /// R_y(θ)·(0,0,1) = (sin θ, 0, cos θ), so θ = atan2(x, z). A zero heading keeps <paramref name="previous"/>.
    /// </summary>
    public static float YawOf(Vector3 heading, float previous) =>
        heading.X * heading.X + heading.Z * heading.Z > 1e-10f ? MathF.Atan2(heading.X, heading.Z) : previous;
}
