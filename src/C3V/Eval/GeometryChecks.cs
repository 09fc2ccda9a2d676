using System.Numerics;

namespace C3V.Eval;

/// <summary>A check's verdict and the measured figures behind it.</summary>
public readonly record struct Outcome(bool Passed, string Detail);

/// <summary>
/// The relation checks, each defined on annotation geometry only (docs/eval/README.md gives the same
/// definitions with their thresholds). "Most frames" means at least two thirds of them; "ground" is the
/// horizontal (x, z) plane; image quantities use each frame's own camera.
/// </summary>
public static class GeometryChecks
{
    public const double Most = 2.0 / 3.0;
    /// <summary>Net image travel, as a share of the frame width, that counts as moving left or right.</summary>
    public const float ImageTravel = 0.15f;
    /// <summary>Change of camera depth (m) that counts as approaching or leaving the camera.</summary>
    public const float DepthTravel = 0.75f;
    /// <summary>Largest angle (degrees) between an actor's facing and the direction to what it faces.</summary>
    public const float FacingDegrees = 45f;
    /// <summary>Height above the actor's standing feet height (m, or 5 % of its height if more) that counts as airborne.</summary>
    public const float AirborneMeters = 0.08f;

    static string Pct(double share) => $"{share * 100:0}%";

    /// <summary>Share of frames where <paramref name="holds"/>, over the frames <paramref name="counted"/> admits.</summary>
    static (double Share, int Counted) ShareOf(int frames, Func<int, bool> holds, Func<int, bool>? counted = null)
    {
        int n = 0, yes = 0;
        for (int f = 0; f < frames; f++)
        {
            if (counted is not null && !counted(f)) continue;
            n++;
            if (holds(f)) yes++;
        }
        return (n > 0 ? yes / (double)n : 0, n);
    }

    static bool InView(ActorTrackView t, int f) => t.Actor.Frames[f].Box is not null;

    /// <summary>left_of: in most frames where both are in view, a's root is left of b's in the image (by 2 % of the width).</summary>
    public static Outcome LeftOf(ActorTrackView a, ActorTrackView b, int width)
    {
        float margin = 0.02f * width;
        var (share, n) = ShareOf(a.Frames, f => a.ImageX[f] + margin < b.ImageX[f], f => InView(a, f) && InView(b, f));
        return n == 0 ? new(false, "never both in view") : new(share >= Most, $"left in {Pct(share)} of {n} frames");
    }

    /// <summary>nearer_camera: in most frames a's root is nearer the camera than b's by 0.5 m.</summary>
    public static Outcome NearerCamera(ActorTrackView a, ActorTrackView b)
    {
        var (share, _) = ShareOf(a.Frames, f => a.CameraZ[f] + 0.5f < b.CameraZ[f]);
        return new(share >= Most, $"nearer in {Pct(share)} of frames (depth {Median(a.CameraZ):0.0} vs {Median(b.CameraZ):0.0} m)");
    }

    /// <summary>
    /// side_by_side: over the clip, the median ground distance is 0.4–2.5 m and the line between them is
    /// across their heading (|cos| ≤ 0.5 with the heading: their mean travel direction when they travel 0.5 m
    /// or more, else their mean facing); when both travel, their travel directions agree (cos ≥ 0.7).
    /// </summary>
    public static Outcome SideBySide(ActorTrackView a, ActorTrackView b)
    {
        var dist = Enumerable.Range(0, a.Frames).Select(f => Vector2.Distance(a.Ground[f], b.Ground[f])).ToArray();
        float d = Median(dist);
        var da = a.NetDisplacement; var db = b.NetDisplacement;
        bool travelA = da.Length() >= 0.5f, travelB = db.Length() >= 0.5f;
        Vector2 heading = travelA || travelB ? (travelA ? Vector2.Normalize(da) : Vector2.Zero) + (travelB ? Vector2.Normalize(db) : Vector2.Zero)
            : Mean(a.Facing) + Mean(b.Facing);
        if (heading.LengthSquared() < 1e-6f) return new(false, "no common heading");
        heading = Vector2.Normalize(heading);
        var across = Enumerable.Range(0, a.Frames).Select(f =>
        {
            var off = b.Ground[f] - a.Ground[f];
            return off.LengthSquared() < 1e-8f ? 1f : MathF.Abs(Vector2.Dot(Vector2.Normalize(off), heading));
        }).ToArray();
        float cos = Median(across);
        bool parallel = !(travelA && travelB) || Vector2.Dot(Vector2.Normalize(da), Vector2.Normalize(db)) >= 0.7f;
        bool together = travelA == travelB;
        return new(d >= 0.4f && d <= 2.5f && cos <= 0.5f && parallel && together,
            $"distance {d:0.00} m, |cos| to heading {cos:0.00}, " + (travelA && travelB ? $"paths cos {Vector2.Dot(Vector2.Normalize(da), Vector2.Normalize(db)):0.00}" : travelA || travelB ? "only one travels" : "both stand"));
    }

    /// <summary>
    /// follows: both travel (≥ 1 m) in about the same direction (cos ≥ 0.7) and b is ahead of a along it (by
    /// 0.5 m or more) in most frames.
    /// </summary>
    public static Outcome Follows(ActorTrackView a, ActorTrackView b)
    {
        var da = a.NetDisplacement; var db = b.NetDisplacement;
        if (da.Length() < 1 || db.Length() < 1) return new(false, $"travel {da.Length():0.0} and {db.Length():0.0} m");
        float cos = Vector2.Dot(Vector2.Normalize(da), Vector2.Normalize(db));
        var heading = Vector2.Normalize(da + db);
        var (share, _) = ShareOf(a.Frames, f => Vector2.Dot(b.Ground[f] - a.Ground[f], heading) >= 0.5f);
        return new(cos >= 0.7f && share >= Most, $"paths cos {cos:0.00}, b ahead in {Pct(share)} of frames");
    }

    /// <summary>faces: a's facing is within 45° of the direction to b in most frames (or in the last frame).</summary>
    public static Outcome Faces(ActorTrackView a, ActorTrackView b, bool atEnd)
    {
        float cosMax = MathF.Cos(FacingDegrees * MathF.PI / 180);
        bool Facing(int f)
        {
            var to = b.Ground[f] - a.Ground[f];
            return to.LengthSquared() > 1e-6f && Vector2.Dot(a.Facing[f], Vector2.Normalize(to)) >= cosMax;
        }
        if (atEnd) return new(Facing(a.Frames - 1), $"angle at the end {Angle(a, b, a.Frames - 1):0}°");
        var (share, _) = ShareOf(a.Frames, Facing);
        return new(share >= Most, $"facing in {Pct(share)} of frames (median angle {Median(Enumerable.Range(0, a.Frames).Select(f => Angle(a, b, f)).ToArray()):0}°)");
    }

    static float Angle(ActorTrackView a, ActorTrackView b, int f)
    {
        var to = b.Ground[f] - a.Ground[f];
        if (to.LengthSquared() < 1e-6f) return 180;
        return MathF.Acos(Math.Clamp(Vector2.Dot(a.Facing[f], Vector2.Normalize(to)), -1, 1)) * 180 / MathF.PI;
    }

    /// <summary>distance_between: the ground distance is within [min, max] in most frames (or in the last frame).</summary>
    public static Outcome DistanceBetween(ActorTrackView a, ActorTrackView b, double? min, double? max, bool atEnd)
    {
        bool Within(int f)
        {
            float d = Vector2.Distance(a.Ground[f], b.Ground[f]);
            return (min is null || d >= min) && (max is null || d <= max);
        }
        var dist = Enumerable.Range(0, a.Frames).Select(f => Vector2.Distance(a.Ground[f], b.Ground[f])).ToArray();
        if (atEnd) return new(Within(a.Frames - 1), $"distance at the end {dist[^1]:0.00} m");
        var (share, _) = ShareOf(a.Frames, Within);
        return new(share >= Most, $"within in {Pct(share)} of frames (median {Median(dist):0.00} m, min {dist.Min():0.00})");
    }

    /// <summary>
    /// approaches: from the first frame to the last the ground distance between them shrinks by at least 1 m (or
    /// to 60 % of the start), and a itself moves toward b (its own travel along the line to b's start is 0.5 m or more).
    /// </summary>
    public static Outcome Approaches(ActorTrackView a, ActorTrackView b)
    {
        float d0 = Vector2.Distance(a.Ground[0], b.Ground[0]), d1 = Vector2.Distance(a.Ground[^1], b.Ground[^1]);
        var to = b.Ground[0] - a.Ground[0];
        float own = to.LengthSquared() > 1e-8f ? Vector2.Dot(a.NetDisplacement, Vector2.Normalize(to)) : 0;
        return new((d1 <= d0 - 1 || d1 <= 0.6f * d0) && own >= 0.5f, $"distance {d0:0.00} → {d1:0.00} m, a moved {own:0.00} m toward b");
    }

    /// <summary>travels: the root gets at least <paramref name="min"/> m (default 1) from where it started, on the ground.</summary>
    public static Outcome Travels(ActorTrackView a, double? min)
    {
        float m = a.MaxExcursion();
        return new(m >= (min ?? 1.0), $"farthest {m:0.00} m from the start");
    }

    /// <summary>stays: the root never gets more than <paramref name="max"/> m (default 0.5) from where it started.</summary>
    public static Outcome Stays(ActorTrackView a, double? max)
    {
        float m = a.MaxExcursion();
        return new(m <= (max ?? 0.5), $"farthest {m:0.00} m from the start");
    }

    /// <summary>moves_left / moves_right: the projected root's image x changes by 15 % of the frame width, first to last frame, in that direction.</summary>
    public static Outcome MovesSideways(ActorTrackView a, int width, bool left)
    {
        float dx = a.ImageX[^1] - a.ImageX[0];
        bool ok = a.CameraZ[0] > 0 && a.CameraZ[^1] > 0 && (left ? dx <= -ImageTravel * width : dx >= ImageTravel * width);
        return new(ok, $"image x {a.ImageX[0]:0} → {a.ImageX[^1]:0} px ({dx / width * 100:+0;-0}% of the width)");
    }

    /// <summary>approaches_camera / moves_away_from_camera: the root's camera depth falls / grows by 0.75 m, first to last frame.</summary>
    public static Outcome CameraDepth(ActorTrackView a, bool toward)
    {
        float dz = a.CameraZ[^1] - a.CameraZ[0];
        return new(toward ? dz <= -DepthTravel : dz >= DepthTravel, $"depth {a.CameraZ[0]:0.00} → {a.CameraZ[^1]:0.00} m");
    }

    /// <summary>
    /// jumps: the number of airborne phases — maximal runs of frames whose feet height is above the actor's
    /// standing feet height (its 10th percentile over the clip) by 0.08 m or 5 % of its height, whichever is
    /// more — equals <paramref name="n"/> (or is at least n).
    /// </summary>
    public static Outcome Jumps(ActorTrackView a, int n, bool atLeast)
    {
        int count = Airborne(a.Actor.Frames.Select(f => f.FeetHeight).ToArray(), (float)a.Actor.HeightMeters);
        return new(atLeast ? count >= n : count == n, $"{count} airborne phase(s)");
    }

    /// <summary>The airborne phases of a feet-height series (see <see cref="Jumps"/>).</summary>
    public static int Airborne(float[] feet, float height)
    {
        if (feet.Length == 0) return 0;
        var sorted = feet.Order().ToArray();
        float ground = sorted[(int)(0.1 * (sorted.Length - 1))];
        float threshold = ground + MathF.Max(AirborneMeters, 0.05f * height);
        int phases = 0;
        bool up = false;
        foreach (float h in feet)
        {
            if (h > threshold && !up) phases++;
            up = h > threshold;
        }
        return phases;
    }

    /// <summary>
    /// starts_moving_after: a's root starts to move (first frame 0.25 m from its start) at least 0.5 s after b
    /// starts (the earlier of b's first segment start and b's own move onset).
    /// </summary>
    public static Outcome StartsMovingAfter(ActorTrackView a, ActorTrackView b)
    {
        var ta = a.MoveOnset();
        var tb = new[] { b.ActOnset, b.MoveOnset() }.Where(t => t is not null).Select(t => t!.Value).DefaultIfEmpty(double.NaN).Min();
        if (ta is null) return new(false, "a never moves");
        if (double.IsNaN(tb)) return new(false, "b never starts");
        return new(ta.Value >= tb + 0.5, $"a moves at {ta:0.00} s, b starts at {tb:0.00} s");
    }

    /// <summary>acts_before (two actors): a's first segment starts at least 0.5 s before b's.</summary>
    public static Outcome ActsBefore(ActorTrackView a, ActorTrackView b)
    {
        if (a.ActOnset is not { } ta || b.ActOnset is not { } tb) return new(false, "an actor plays no motion");
        return new(ta + 0.5 <= tb, $"a starts at {ta:0.00} s, b at {tb:0.00} s");
    }

    /// <summary>
    /// acts_before (one actor): it has a segment matching <paramref name="first"/> and a later one matching
    /// <paramref name="then"/> (the first starts earlier and ends no later than 0.25 s after the second starts).
    /// </summary>
    public static Outcome ActsBefore(ActorTrackView a, string first, string then)
    {
        var segs = a.Actor.Segments;
        var f = segs.Where(s => ActorWords.AnyWord([first], s.Label + " " + s.Source)).ToList();
        var t = segs.Where(s => ActorWords.AnyWord([then], s.Label + " " + s.Source)).ToList();
        string listed = string.Join("; ", segs.Select(s => $"'{s.Label}' {s.Start:0.0}–{s.End:0.0} s"));
        if (f.Count == 0 || t.Count == 0) return new(false, $"segments: {listed}");
        bool ok = f.Any(x => t.Any(y => !ReferenceEquals(x, y) && x.Start < y.Start && x.End <= y.Start + 0.25));
        return new(ok, $"segments: {listed}");
    }

    /// <summary>faster: a's mean ground speed is at least 1.3 times b's and 0.3 m/s more.</summary>
    public static Outcome Faster(ActorTrackView a, ActorTrackView b)
    {
        float va = a.MeanSpeed(), vb = b.MeanSpeed();
        return new(va >= 1.3f * vb && va - vb >= 0.3f, $"{va:0.00} vs {vb:0.00} m/s");
    }

    /// <summary>slower_than: the mean ground speed is below <paramref name="speed"/> m/s.</summary>
    public static Outcome SlowerThan(ActorTrackView a, double speed)
    {
        float v = a.MeanSpeed();
        return new(v < speed, $"{v:0.00} m/s");
    }

    /// <summary>
    /// in_a_row: at the middle frame the actors' ground positions lie near one line (every one within 0.3 m of
    /// the best-fit line, or 15 % of the row's length if more), neighbours at least 0.4 m apart, and every gap
    /// within half to one and a half times the mean gap. Needs at least two actors.
    /// </summary>
    public static Outcome InARow(IReadOnlyList<ActorTrackView> actors)
    {
        if (actors.Count < 2) return new(false, $"{actors.Count} actor(s)");
        int mid = actors[0].Frames / 2;
        var pts = actors.Select(t => t.Ground[Math.Min(mid, t.Frames - 1)]).ToArray();
        var centre = pts.Aggregate(Vector2.Zero, (s, p) => s + p) / pts.Length;
        // principal direction of the points (2×2 covariance)
        float sxx = 0, sxz = 0, szz = 0;
        foreach (var p in pts) { var d = p - centre; sxx += d.X * d.X; sxz += d.X * d.Y; szz += d.Y * d.Y; }
        float angle = 0.5f * MathF.Atan2(2 * sxz, sxx - szz);
        var dir = new Vector2(MathF.Cos(angle), MathF.Sin(angle));
        var along = pts.Select(p => Vector2.Dot(p - centre, dir)).Order().ToArray();
        float off = pts.Max(p => MathF.Abs(Vector2.Dot(p - centre, new Vector2(-dir.Y, dir.X))));
        var gaps = along.Zip(along.Skip(1), (x, y) => y - x).ToArray();
        float mean = gaps.Average(), length = along[^1] - along[0];
        bool ok = off <= MathF.Max(0.3f, 0.15f * length) && gaps.Min() >= 0.4f && gaps.All(g => g >= 0.5f * mean && g <= 1.5f * mean);
        return new(ok, $"off the line ≤ {off:0.00} m, gaps {string.Join(", ", gaps.Select(g => g.ToString("0.00")))} m");
    }

    static float Median(float[] v)
    {
        if (v.Length == 0) return float.NaN;
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5f * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    static Vector2 Mean(Vector2[] v) => v.Length == 0 ? Vector2.Zero : v.Aggregate(Vector2.Zero, (s, x) => s + x) / v.Length;
}
