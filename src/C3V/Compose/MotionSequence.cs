using System.Numerics;
using C3V.Actors;
using C3V.Actors.Humans;

namespace C3V.Compose;

/// <summary>
/// One motion of an actor's sequence ("stretches, then jogs away"): its clip, whether it carries the actor along
/// its path, how many times it is done (null: as long as it lasts), how long when the plan says, and how much
/// faster than recorded it plays (a speed word: 0.8 slow, 1.25 fast).
/// </summary>
public sealed record SegmentClip(MotionClip Clip, bool Travels, int? Count = null, float? Seconds = null, float Rate = 1)
{
    /// <summary>The label recorded for this segment (the clip's name).</summary>
    public string Name => Clip.Name;
}

/// <summary>Where one segment sits in the video: seconds from the start of the actor's timeline.</summary>
public readonly record struct SegmentSpan(string Name, float Start, float End);

/// <summary>
/// An actor's motions laid out on the video's timeline as one clip the composition samples: the in-place parts
/// before the travel (its "lead", acted where the actor starts), the travel (the locomotion clip's cycles, started
/// at the phase its timing chose, for as long as the walk lasts) and the in-place parts after it (acted where it
/// arrives), each cross-faded into the next over <see cref="Blend"/> seconds. An in-place part is repeated for
/// its count, or fills its share of the video: a looping clip keeps looping, a one-shot that ends as it began
/// (a jump, a bow) is chained into clean repetitions, and one that ends elsewhere (sitting down) holds its end.
/// </summary>
public sealed class MotionSequence
{
    /// <summary>Seconds over which one segment's pose is blended into the next.</summary>
    public const float Blend = 0.3f;
    /// <summary>Most of the video the in-place parts before a travel may take, so the travel is seen.</summary>
    const float MaxLeadShare = 0.5f;
    /// <summary>Most of the video kept for the in-place parts after a travel when planning the walk's pace.</summary>
    const float MaxTailShare = 0.35f;
    /// <summary>Shortest time an uncounted looping part is given before the next (one cycle of a wave is brief).</summary>
    const float MinLoopSeconds = 1.5f;
    /// <summary>Fastest a counted repetition is played to fit its count into the shot (three 2 s jumps in 3 s: 2×).</summary>
    const float MaxCountSpeedUp = 3f;
    const float Fps = 30;

    /// <summary>The clip over the whole timeline (in place, not looping: past its end it holds the last pose).</summary>
    public MotionClip Clip { get; }
    /// <summary>Seconds acted in place before the travel starts (0 without a lead or a travel).</summary>
    public float Lead { get; }
    /// <summary>Whether in-place parts follow the travel (then the actor acts where it arrives instead of standing).</summary>
    public bool HasTail { get; }
    /// <summary>The timing of the travel part (null when nothing travels), its phase already baked into <see cref="Clip"/>.</summary>
    public PathTiming? Travel { get; }
    public IReadOnlyList<SegmentSpan> Spans { get; }

    MotionSequence(MotionClip clip, float lead, bool tail, PathTiming? travel, IReadOnlyList<SegmentSpan> spans)
    {
        Clip = clip;
        Lead = lead;
        HasTail = tail;
        Travel = travel;
        Spans = spans;
    }

    /// <summary>
    /// One part of the timeline: what it plays, from when to when (clip seconds), and how local time maps into its
    /// clip. A part chained into repetitions (<paramref name="Cycle"/> &gt; 0) turns by <paramref name="Turn"/> radians
    /// more each repetition, so a turn chained is a spin, not a turn that snaps back.
    /// </summary>
    sealed record Part(string Name, MotionClip InPlace, float Start, float End, Func<float, float> LocalTime, float Cycle = 0, float Turn = 0);

    /// <summary>
    /// Where each segment plays in a composed <paramref name="track"/> of this sequence: per segment (in order), the
    /// seconds from its first to past its last frame whose clip time falls in its span and that is not standing at
    /// rest; segments never reached (the video ended first) are left out.
    /// </summary>
    public IEnumerable<(int Index, double Start, double End)> TimesIn(ActorTrack track, float fps)
    {
        for (int k = 0; k < Spans.Count; k++)
        {
            var span = Spans[k];
            bool lastSpan = k == Spans.Count - 1;
            int first = -1, last = -1;
            for (int f = 0; f < track.Frames.Count; f++)
            {
                var fr = track.Frames[f];
                if (fr.Rest >= 1 || fr.MotionTime < span.Start - 1e-4f || !lastSpan && fr.MotionTime >= span.End) continue;
                if (first < 0) first = f;
                last = f;
            }
            if (first >= 0) yield return (k, first / (double)fps, (last + 1) / (double)fps);
        }
    }

    /// <summary>
    /// Lays out <paramref name="segments"/> over <paramref name="duration"/> seconds. <paramref name="travelTiming"/>
    /// plans the travelling segment's walk for a given time budget (the composer's path timing); the result's walk
    /// starts after the lead and the parts after it fill the rest.
    /// </summary>
    public static MotionSequence Build(IReadOnlyList<SegmentClip> segments, float duration, Func<float, PathTiming>? travelTiming, Skeleton skeleton)
    {
        if (segments.Count == 0) throw new ArgumentException("a sequence needs at least one segment", nameof(segments));
        if (!(duration > 0)) throw new ArgumentOutOfRangeException(nameof(duration));
        var clips = segments.Select(s => s.Rate is > 0 and not 1 ? s with { Clip = s.Clip.WithSpeed(s.Rate) } : s).ToList();
        int travel = travelTiming is null ? -1 : clips.FindIndex(s => s.Travels);
        var before = travel < 0 ? clips : clips.Take(travel).ToList();
        var after = travel < 0 ? [] : clips.Skip(travel + 1).ToList();
        var parts = new List<Part>();
        float cursor, lead = 0;
        PathTiming? walk = null;
        if (travel < 0) cursor = Fill(parts, before, 0, duration);
        else
        {
            if (before.Count > 0) lead = Fill(parts, before, 0, MathF.Min(before.Sum(Natural), MaxLeadShare * duration));
            float tailBudget = after.Count == 0 ? 0 : MathF.Min(after.Sum(Natural), MaxTailShare * duration);
            walk = travelTiming!(MathF.Max(0.5f, duration - lead - tailBudget));
            var moving = ComposedActor.WithoutTravel(clips[travel].Clip);
            // The walk is sampled from the phase its timing chose (feet at the stop phase on arrival), but on the
            // timeline it starts right after the lead, so the clip time runs on without a jump. Its clip time is the
            // distance walked at the playback rate (a non-locomotion "travel" plays at its own rate, carried evenly).
            float phase = walk.Phase;
            float walked = walk.Locomotion ? walk.PlaybackRate * walk.PathLength / MathF.Max(1e-3f, walk.Speed) : walk.Duration;
            parts.Add(new Part(clips[travel].Name, moving, lead, lead + walked, u => phase + u));
            cursor = lead + walked;
            if (after.Count > 0) cursor = Fill(parts, after, cursor, MathF.Max(duration - lead - walk.ArrivalTime, Blend));
        }
        var clip = Render(parts, MathF.Max(cursor, 1f / Fps), skeleton);
        var spans = parts.Select(p => new SegmentSpan(p.Name, p.Start, p.End)).ToList();
        return new MotionSequence(clip, lead, after.Count > 0, walk, spans);
    }

    /// <summary>
    /// Lays in-place <paramref name="segments"/> from clip time <paramref name="start"/> over <paramref name="budget"/>
    /// seconds: counted parts take their counts, uncounted ones a cycle each (at least <see cref="MinLoopSeconds"/>)
    /// and the last fills what is left. Returns where the parts end.
    /// </summary>
    static float Fill(List<Part> parts, List<SegmentClip> segments, float start, float budget)
    {
        var lengths = segments.Select(Natural).ToArray();
        float sum = lengths.Sum();
        bool Counted(int k) => segments[k].Count is not null || segments[k].Seconds is not null;
        float counted = Enumerable.Range(0, lengths.Length).Where(Counted).Sum(k => lengths[k]);
        if (sum > budget && counted < budget && counted < sum)
        {
            // more than fits: a count is kept (it was said), the uncounted parts share what is left
            float scale = (budget - counted) / (sum - counted);
            for (int k = 0; k < lengths.Length; k++) if (!Counted(k)) lengths[k] *= scale;
        }
        else if (sum > budget && sum > 0)
        {
            // even the counts do not fit: every part shortened alike (a one-shot is then cut, still blended into the next)
            for (int k = 0; k < lengths.Length; k++) lengths[k] *= budget / sum;
        }
        else if (segments[^1].Count is null && segments[^1].Seconds is null) lengths[^1] += budget - sum; // the last fills the shot
        float t = start;
        for (int k = 0; k < segments.Count; k++)
        {
            var s = segments[k];
            var inPlace = ComposedActor.WithoutTravel(s.Clip);
            float cycle = MathF.Max(1f / Fps, inPlace.Duration);
            bool chained = !inPlace.Loop && EndsAsItBegan(inPlace);
            if (s.Count is { } n && (inPlace.Loop || chained) && n * cycle > lengths[k] + 1e-3f && lengths[k] > 0)
            {
                // The shot is shorter than the said count at the clip's own pace: the repetitions are played faster
                // (bounded) so all of them are seen, rather than the first ones at full length and the rest cut off.
                inPlace = inPlace.WithSpeed(MathF.Min(n * cycle / lengths[k], MaxCountSpeedUp));
                cycle = MathF.Max(1f / Fps, inPlace.Duration);
            }
            Func<float, float> local = inPlace.Loop ? u => u : chained ? u => u % cycle : u => MathF.Min(u, cycle);
            parts.Add(new Part(s.Name, inPlace, t, t + lengths[k], local, chained ? cycle : 0, chained ? TurnOf(inPlace) : 0));
            t += lengths[k];
        }
        return t;
    }

    /// <summary>Seconds the in-place segments want at their natural length (counts included): what a video of natural length gives them.</summary>
    public static float InPlaceSeconds(IEnumerable<SegmentClip> segments) =>
        segments.Where(s => !s.Travels).Sum(s => Natural(s.Rate is > 0 and not 1 ? s with { Clip = s.Clip.WithSpeed(s.Rate) } : s));

    /// <summary>How long a segment wants: its seconds, its count of cycles, or one cycle (a loop at least <see cref="MinLoopSeconds"/>).</summary>
    static float Natural(SegmentClip s)
    {
        if (s.Seconds is { } seconds) return seconds;
        float cycle = MathF.Max(1f / Fps, s.Clip.Duration);
        if (s.Count is { } n) return (s.Clip.Loop || EndsAsItBegan(s.Clip) ? n : 1) * cycle;
        return s.Clip.Loop ? MathF.Max(cycle, MinLoopSeconds) : cycle;
    }

    /// <summary>
    /// Whether a one-shot clip ends in the pose it began with (a jump lands standing, a bow straightens up): then it
    /// can be chained into repetitions. Sitting down, crouching or falling end elsewhere: those hold their end.
    /// </summary>
    public static bool EndsAsItBegan(MotionClip clip)
    {
        if (clip.FrameCount < 2) return false;
        var first = clip.FrameRotations(0);
        var last = clip.FrameRotations(clip.FrameCount - 1);
        // the heading does not count: a turn ends as it began, facing elsewhere (chained, it spins)
        var unturn = Quaternion.CreateFromAxisAngle(Vector3.UnitY, -TurnOf(clip));
        float angle = 0;
        for (int j = 0; j < first.Length; j++)
        {
            var end = j == Skeleton.Pelvis ? Quaternion.Normalize(unturn * last[j]) : last[j];
            angle += 2 * MathF.Acos(MathF.Min(1, MathF.Abs(Quaternion.Dot(first[j], end))));
        }
        float height = MathF.Abs(clip.Root[^1].Y - clip.Root[0].Y);
        // under ~6° per joint on average and a pelvis within 5 % of the hip height: the same stance
        return angle / first.Length < 0.1f && height < 0.05f * clip.Skeleton.HipHeight;
    }

    /// <summary>How far (radians about +Y) the clip's heading turns from its first frame to its last.</summary>
    static float TurnOf(MotionClip clip) => TrackBuilder.Wrap(clip.HeadingAt(clip.FrameCount - 1) - clip.HeadingAt(0));

    /// <summary>Samples the parts into one clip on <paramref name="skeleton"/>'s proportions, blending each part's start into the previous part's pose.</summary>
    static MotionClip Render(List<Part> parts, float length, Skeleton skeleton)
    {
        const int J = Skeleton.JointCount;
        var a = new Quaternion[J];
        var b = new Quaternion[J];
        var next = new Quaternion[J];
        // People step into a new stance; a plain cross-fade would slide the feet along the floor.
        var step = parts.Any(p => p.InPlace.Rig != BodyRig.Human) ? null : new StanceStep(skeleton);
        string name = string.Join(" then ", parts.Select(p => p.Name).Distinct());
        return MotionClip.FromFunction(name, [name], Fps, length, false, skeleton, c =>
        {
            int k = parts.FindLastIndex(p => p.Start <= c + 1e-5f);
            if (k < 0) k = 0;
            var part = parts[k];
            var root = Sample(part, MathF.Max(0, c - part.Start), a, skeleton);
            float w = k > 0 ? SmoothStep((c - part.Start) / Blend) : 1;
            if (w < 1)
            {
                // the previous part held where it ended, cross-faded into this one
                var prev = parts[k - 1];
                var prevRoot = Sample(prev, MathF.Max(0, prev.End - prev.Start), b, skeleton);
                a.CopyTo(next, 0);
                var nextRoot = root;
                for (int j = 0; j < J; j++) a[j] = Pose.Slerp(b[j], a[j], w);
                root = Vector3.Lerp(prevRoot, root, w);
                step?.Apply(b, prevRoot, next, nextRoot, w, a, root);
            }
            return new Pose((Quaternion[])a.Clone(), root);
        });
    }

    /// <summary>A part's pose at local time <paramref name="u"/>, turned by the repetitions before it.</summary>
    static Vector3 Sample(Part part, float u, Span<Quaternion> local, Skeleton skeleton)
    {
        var root = part.InPlace.SampleInto(part.LocalTime(u), local, skeleton);
        if (part.Cycle <= 0 || part.Turn == 0) return root;
        float laps = MathF.Floor(u / part.Cycle);
        var turn = Quaternion.CreateFromAxisAngle(Vector3.UnitY, laps * part.Turn);
        local[Skeleton.Pelvis] = Quaternion.Normalize(turn * local[Skeleton.Pelvis]);
        return Vector3.Transform(root, turn);
    }

    static float SmoothStep(float u)
    {
        u = Math.Clamp(u, 0, 1);
        return u * u * (3 - 2 * u);
    }
}
