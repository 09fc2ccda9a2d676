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
    /// A path shorter than this (metres) is acting in place, whatever the clip's root speed: a jump or a kick
    /// drifts its root forward, and timing such a clip as a walk over a few centimetres would stop it at once.
    /// </summary>
    public float MinLocomotionPath { get; init; } = 0.3f;
    /// <summary>
    /// The clip may be played faster or slower than recorded within these rates to make the path's length
    /// fit the video's duration; outside them the actor keeps its natural pace (arrives early and stands,
    /// or does not reach the end), because skating feet look worse than a short walk.
    /// </summary>
    public float MinPlaybackRate { get; init; } = 0.75f;
    public float MaxPlaybackRate { get; init; } = 1.5f;
    /// <summary>
    /// Seconds a walker takes to come to a stop at the end of its path: its speed, and its clip's pace with it,
    /// fall to 0 over this time (a walk stops within a stride or so).
    /// </summary>
    public float SettleSeconds { get; init; } = 0.4f;
    /// <summary>
    /// Seconds, once stopped, over which the pose blends into standing. It starts only after the stop: while
    /// the body still moves over the planted foot, blending would drag that foot along.
    /// </summary>
    public float RestBlendSeconds { get; init; } = 0.3f;
    /// <summary>Seconds stopping adds to a walk at cruise speed: half the settle (the last metres are slower) and the blend into standing.</summary>
    public float StopSeconds => SettleSeconds / 2 + RestBlendSeconds;
    /// <summary>
    /// Share by which a pace the plan asks (a stroll, a sprint) may be raised so that a long walk ends as the video
    /// does; it is lowered by at most <see cref="PaceSlack"/> for a short one (a sprint must not become a jog to fill
    /// the time: better arrive early and stand). A stroll stays a stroll.
    /// </summary>
    public float PaceTolerance { get; init; } = 0.25f;
    /// <summary>Share by which a pace may be lowered so that a short walk ends as the video does.</summary>
    public float PaceSlack { get; init; } = 0.1f;
    /// <summary>Half-width, in actor heights, of the chord that smooths the heading (and so the yaw).</summary>
    public float HeadingWindow { get; init; } = 0.15f;
}

/// <summary>
/// How an actor moves along its path: speed, clip rate and when it gets where. A walker cruises at
/// <see cref="Speed"/> until <see cref="SettleStart"/>, then slows to a stop over <see cref="Settle"/> seconds
/// (speed falling linearly to 0), its clip advancing with the distance covered so the feet keep pace with the
/// ground, and arrives at its clip's stop phase; then its pose blends into standing (<see cref="RestWeightAt"/>).
/// It never walks on the spot after arriving.
/// </summary>
public sealed record PathTiming(
    float PathLength,
    float Duration,
    float Speed,
    float PlaybackRate,
    bool Locomotion,
    float ArrivalTime,
    float ReachedFraction,
    float Settle = 0,
    float Phase = 0,
    float RestBlend = 0,
    float Delay = 0,
    float Lead = 0,
    bool Tail = false)
{
    /// <summary>Seconds over which an actor that waited (<see cref="Delay"/>) blends from standing into its motion.</summary>
    public const float StartBlendSeconds = 0.3f;

    /// <summary>
    /// This timing started <paramref name="delay"/> seconds into a video of <paramref name="duration"/> seconds: the
    /// actor stands until then ("then" in a prompt: it acts after the others). Plan it for the time left.
    /// </summary>
    public PathTiming After(float delay, float duration) =>
        delay <= 0 ? this : this with { Delay = delay, Duration = duration }; // ReachedFraction holds: same motion, shifted

    /// <summary>When the walker starts slowing down (its arrival minus <see cref="Settle"/>).</summary>
    public float SettleStart => ArrivalTime - Settle;

    /// <summary>
    /// Plans the motion: a locomotion clip moves the actor at its natural root speed times its world scale
    /// (so the feet move with the ground), with the playback rate nudged within bounds so that walking and
    /// settling fill the duration.
    /// </summary>
    /// <param name="naturalSpeed">The clip's root speed in m/s at scale 1.</param>
    /// <param name="stopPhase">
    /// Time in a looping clip's cycle of <paramref name="cycle"/> seconds where the feet are closest to standing
    /// (the swing foot passing the planted one): the walker starts its clip at the phase that brings it there
    /// on arrival, so blending into standing hardly moves the feet.
    /// </param>
    /// <param name="rate">
    /// The playback rate a pace asks (a sprint, a stroll), or null to fit the walk to the time within
    /// <see cref="TimingOptions.MinPlaybackRate"/>–<see cref="TimingOptions.MaxPlaybackRate"/>. With a rate, the fit
    /// may only raise it by <paramref name="raise"/> or lower it by <paramref name="lower"/> (shares): beyond that the
    /// actor keeps the pace, arriving early and standing, or not reaching the end.
    /// </param>
    public static PathTiming Plan(float pathLength, float duration, float naturalSpeed, float scale, TimingOptions? options = null,
        float stopPhase = 0, float cycle = 0, float? rate = null, float raise = 0, float lower = 0)
    {
        options ??= new TimingOptions();
        if (!(duration > 0)) throw new ArgumentOutOfRangeException(nameof(duration), "duration must be positive");
        float worldSpeed = MathF.Max(0, naturalSpeed) * scale;
        if (worldSpeed < options.MinLocomotionSpeed || pathLength < options.MinLocomotionPath)
        {
            float even = pathLength / duration;
            return new PathTiming(pathLength, duration, even, 1f, false, duration, 1f);
        }
        float settle = MathF.Max(0, options.SettleSeconds), blend = MathF.Max(0, options.RestBlendSeconds);
        // cruising, stopping (half a settle at cruise speed) and settling into standing should take the whole video
        float fit = pathLength / MathF.Max(1e-3f, duration - settle / 2 - blend) / worldSpeed;
        float playback = rate is { } r ? Math.Clamp(fit, r * (1 - lower), r * (1 + raise)) : Math.Clamp(fit, options.MinPlaybackRate, options.MaxPlaybackRate);
        float speed = playback * worldSpeed;
        // a path shorter than the stop itself is all stopping
        settle = MathF.Min(settle, 2 * pathLength / speed);
        float arrival = (pathLength - speed * settle / 2) / speed + settle;
        float phase = cycle > 0 ? PositiveModulo(stopPhase - playback * pathLength / speed, cycle) : 0;
        var timing = new PathTiming(pathLength, duration, speed, playback, true, arrival, 1f, settle, phase, blend);
        return timing with { ReachedFraction = timing.ArcLengthAt(duration) / pathLength };
    }

    /// <summary>
    /// This timing follows <paramref name="lead"/> seconds of acting in place (a <see cref="MotionSequence"/>'s parts
    /// before its travel), whose clip time runs with the video; with <paramref name="tail"/>, the clip runs on after
    /// arrival (the parts after the travel) instead of the actor coming to rest.
    /// </summary>
    public PathTiming WithLead(float lead, bool tail, float duration) =>
        this with { Lead = lead, Phase = lead, Tail = tail, Duration = duration };

    /// <summary>Arc length along the path at time <paramref name="t"/> seconds.</summary>
    public float ArcLengthAt(float t)
    {
        t = MathF.Max(0, t - Delay - Lead);
        if (!Locomotion || t <= SettleStart) return MathF.Min(Speed * t, PathLength);
        if (t >= ArrivalTime) return PathLength;
        float u = t - SettleStart;
        return MathF.Min(PathLength, Speed * (SettleStart + u - u * u / (2 * Settle)));
    }

    /// <summary>
    /// The clip's time at video time <paramref name="t"/>: a walker's clip starts at <see cref="Phase"/> and advances
    /// with the distance covered (the playback rate while cruising, slower as it stops, held once it stands);
    /// other clips play at their rate.
    /// </summary>
    public float MotionTimeAt(float t)
    {
        if (Lead > 0 && t < Delay + Lead) return MathF.Max(0, t - Delay); // acting in place before the travel
        if (!Locomotion) return Lead + PlaybackRate * MathF.Max(0, t - Delay - Lead);
        float walked = Phase + PlaybackRate * ArcLengthAt(t) / Speed;
        // the parts after the travel play on from where the walk's clip stopped
        return Tail ? walked + MathF.Max(0, t - Delay - Lead - ArrivalTime) : walked;
    }

    static float PositiveModulo(float x, float m) => x - m * MathF.Floor(x / m);

    /// <summary>
    /// Weight of the standing pose at <paramref name="t"/>: 1 while the actor waits (<see cref="Delay"/>), falling
    /// to 0 over <see cref="StartBlendSeconds"/> as it starts; then, for a walker, 0 while walking and stopping,
    /// rising smoothly (smoothstep) to 1 over <see cref="RestBlend"/> seconds after arrival, with the clip held at
    /// its stop phase (the planted foot under the body: only the other foot moves, stepping down beside it).
    /// </summary>
    public float RestWeightAt(float t)
    {
        // an actor that waits stands, then blends into its motion
        if (t < Delay) return 1;
        float waking = Delay > 0 ? 1 - SmoothStep((t - Delay) / StartBlendSeconds) : 0;
        t -= Delay + Lead;
        if (!Locomotion || Tail || t <= ArrivalTime) return waking;
        if (RestBlend <= 0 || t >= ArrivalTime + RestBlend) return 1;
        return MathF.Max(waking, SmoothStep((t - ArrivalTime) / RestBlend));
    }

    /// <summary>
    /// How much the actor is still before its travel at <paramref name="t"/>: 1 while it waits (<see cref="Delay"/>)
    /// and acts in place before the walk (<see cref="Lead"/>), falling to 0 over the <paramref name="turn"/> seconds
    /// before it sets off (the time it needs to turn its way); 0 for a timing that never travels.
    /// </summary>
    public float BeforeTravelWeightAt(float t, float turn = StartBlendSeconds)
    {
        if (!Locomotion) return t < Delay ? 1 : 0;
        float start = Delay + Lead;
        if (start <= 0) return 0;
        turn = MathF.Max(1e-3f, turn);
        return 1 - SmoothStep((t - (start - turn)) / turn);
    }

    static float SmoothStep(float u)
    {
        u = Math.Clamp(u, 0, 1);
        return u * u * (3 - 2 * u);
    }

    /// <summary>Video time at which the actor passes arc length <paramref name="s"/> (clamped to the video).</summary>
    public float TimeAtArcLength(float s)
    {
        float start = Delay + Lead;
        if (Speed <= 0) return Math.Min(start, Duration);
        float cruise = Speed * SettleStart;
        if (!Locomotion || s <= cruise || Settle <= 0) return Math.Clamp(start + s / Speed, 0, Duration);
        // s = cruise + v(u − u²/2T) → u = T(1 − √(1 − 2(s − cruise)/(vT)))
        float k = MathF.Max(0, 1 - 2 * (s - cruise) / (Speed * Settle));
        return Math.Clamp(start + SettleStart + Settle * (1 - MathF.Sqrt(k)), 0, Duration);
    }
}

/// <summary>Builds an actor's per-frame track from its path and timing.</summary>
public static class TrackBuilder
{
    /// <summary>Fastest turn (rad/s) when turning to face a target: about half a turn a second, a brisk human turn.</summary>
    public const float MaxTurnRate = 3f;

    /// <param name="fallbackYaw">Yaw used while the actor does not move horizontally (e.g. facing the camera).</param>
    /// <param name="actorHeight">Actor height at scale 1, sets the heading's smoothing window.</param>
    /// <param name="pivot">
    /// The planted foot (actor frame, scale 1) at a motion time and standing weight, null in flight. When given, a
    /// turn made while a foot stays planted pivots about that foot instead of the pelvis: the actor is shifted by
    /// the displacement the turn would give the foot, so the foot does not slide. The shifts left and right of the
    /// path alternate with the feet and stay within centimetres of it.
    /// </param>
    /// <param name="target">
    /// Where the actor's action is aimed at each frame (another actor it waves or talks to), or null. While the
    /// actor is not walking (acting in place, waiting for its turn, acting before its walk, or once it has stopped)
    /// it turns to face the target; while it walks it faces its way. Without a target, an actor that waits or acts
    /// before its walk faces the camera (<paramref name="fallbackYaw"/>), not the way it will go. Every change of
    /// facing is a turn of at most <see cref="MaxTurnRate"/>.
    /// </param>
    public static ActorTrack Build(string actorId, CatmullRomPath path, PathTiming timing, float scale, float fps, int frames,
        float fallbackYaw, float actorHeight, TimingOptions? options = null, Func<float, float, Vector3?>? pivot = null,
        Func<int, Vector3?>? target = null)
    {
        options ??= new TimingOptions();
        if (!(fps > 0)) throw new ArgumentOutOfRangeException(nameof(fps));
        float window = MathF.Max(0.05f, options.HeadingWindow * actorHeight * scale);
        // Yaw when standing still before or after moving: the heading at the nearest end of the path.
        float startYaw = YawOf(path.SmoothedHeading(0, window * 2), fallbackYaw);
        // an actor carried evenly along no path (a dance, a wave) stands the whole time
        bool stands = !timing.Locomotion && timing.PathLength < 0.05f;
        var list = new ActorFrame[frames];
        // Facing the target (or the camera) before setting off, it starts turning its way early enough to have
        // turned by the time it walks: about a third of a second per radian, and the blend's time.
        float before0 = target?.Invoke(0) is { } aim0 ? YawOf(aim0 - path.Evaluate(0), fallbackYaw) : fallbackYaw;
        float turnSeconds = PathTiming.StartBlendSeconds + MathF.Abs(Wrap(startYaw - before0)) / MaxTurnRate;
        float yaw = startYaw;
        var shift = Vector3.Zero;
        Vector3? planted = null;
        for (int f = 0; f < frames; f++)
        {
            float t = f / fps;
            float s = timing.ArcLengthAt(t);
            float previousYaw = yaw, motionTime = timing.MotionTimeAt(t), rest = timing.RestWeightAt(t);
            var position = path.Evaluate(s) + shift;
            float desired = YawOf(path.SmoothedHeading(s, window), yaw);
            float before = stands ? 1 : timing.BeforeTravelWeightAt(t, turnSeconds);
            if (target?.Invoke(f) is { } aim)
            {
                // facing the target while not walking: blended from the heading as the actor stops or sets off
                float standing = MathF.Max(before, stands ? 1 : rest);
                desired += standing * Wrap(YawOf(aim - position, desired) - desired);
            }
            else if (before > 0) desired += before * Wrap(fallbackYaw - desired);
            // no faster than a person turns
            yaw = f == 0 ? desired : previousYaw + Math.Clamp(Wrap(desired - previousYaw), -MaxTurnRate / fps, MaxTurnRate / fps);
            var foot = pivot?.Invoke(motionTime, rest);
            if (foot is { } p && planted is not null && yaw != previousYaw)
            {
                var d = scale * (Vector3.Transform(p, Quaternion.CreateFromAxisAngle(Vector3.UnitY, previousYaw))
                               - Vector3.Transform(p, Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw)));
                shift += new Vector3(d.X, 0, d.Z);
                position += new Vector3(d.X, 0, d.Z);
            }
            planted = foot;
            list[f] = new ActorFrame(position, yaw, scale, motionTime, rest);
        }
        return new ActorTrack(actorId, list);
    }

    /// <summary>An angle wrapped to (−π, π].</summary>
    public static float Wrap(float angle)
    {
        angle %= 2 * MathF.PI;
        return angle > MathF.PI ? angle - 2 * MathF.PI : angle <= -MathF.PI ? angle + 2 * MathF.PI : angle;
    }

    /// <summary>
    /// The yaw (rotation about +Y) that turns the actor's +Z (its facing) to <paramref name="heading"/>:
    /// R_y(θ)·(0,0,1) = (sin θ, 0, cos θ), so θ = atan2(x, z). A zero heading keeps <paramref name="previous"/>.
    /// </summary>
    public static float YawOf(Vector3 heading, float previous) =>
        heading.X * heading.X + heading.Z * heading.Z > 1e-10f ? MathF.Atan2(heading.X, heading.Z) : previous;
}
