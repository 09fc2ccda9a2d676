using System.Numerics;
using C3V.Render;

namespace C3V.Compose;

// The path geometry relations are made of: spacing actors apart, bends toward a meeting, offsets, laps, passes, files.
public static partial class RelationLayout
{
    /// <summary>
    /// Pushes actors apart wherever two are closer than their girths plus a gap at the same waypoint index (the
    /// same share of their paths): an actor acting in place moves as a whole, a travelling one only at the
    /// waypoints that come too close. The later actor in the plan yields. A hug may come closer (bodies touch).
    /// </summary>
    static void KeepApart(List<List<Vector3>> paths, float[] girth, bool hugging)
    {
        for (int pass = 0; pass < 12; pass++)
        {
            bool moved = false;
            for (int b = 1; b < paths.Count; b++)
                for (int a = 0; a < b; a++)
                {
                    float min = girth[a] + girth[b] + (hugging ? -0.1f : BodyGap);
                    bool bStill = GroundLength(paths[b]) < InPlaceLength, aStill = GroundLength(paths[a]) < InPlaceLength;
                    if (aStill != bStill)
                    {
                        // one stands the whole time: the other must not pass through it at any point of its path
                        int still = aStill ? a : b, mover = aStill ? b : a;
                        var spot = paths[still][0];
                        var nearest = paths[mover].MinBy(p => Horizontal(p - spot).LengthSquared());
                        var away = Horizontal(spot - nearest);
                        float gap = away.Length();
                        if (gap < min)
                        {
                            var dir = gap > 1e-4f ? away / gap : Vector3.Normalize(Horizontal(Vector3.Cross(Vector3.UnitY, paths[mover][^1] - paths[mover][0])) + new Vector3(1e-4f, 0, 0));
                            Place(paths[still], spot + dir * (min - gap + 0.01f));
                            moved = true;
                        }
                        continue;
                    }
                    int n = Math.Max(paths[a].Count, paths[b].Count);
                    for (int i = 0; i < n; i++)
                    {
                        var pa = paths[a][Math.Min(i, paths[a].Count - 1)];
                        var pb = paths[b][Math.Min(i, paths[b].Count - 1)];
                        var d = Horizontal(pb - pa);
                        float dist = d.Length();
                        if (dist >= min) continue;
                        var dir = dist > 1e-4f ? d / dist : Vector3.UnitX;
                        var push = dir * (min - dist + 0.01f);
                        moved = true;
                        if (bStill) { Place(paths[b], paths[b][0] + push); break; }
                        if (aStill) { Place(paths[a], paths[a][0] - push); break; }
                        paths[b][Math.Min(i, paths[b].Count - 1)] = pb + push;
                    }
                }
            if (!moved) return;
        }
    }

    /// <summary>
    /// The path turned about its middle so that it runs at least 30° out of the image plane, its end toward the
    /// camera: actors abreast on a path straight across the view stand one behind the other in the image and
    /// hide each other; on a diagonal both are seen.
    /// </summary>
    static List<Vector3> Diagonal(List<Vector3> path, Vector3 toCamera)
    {
        var d = Horizontal(path[^1] - path[0]);
        if (d.LengthSquared() < 1e-6f) return path.ToList();
        d = Vector3.Normalize(d);
        const float MinSine = 0.5f;
        float sine = Vector3.Dot(d, toCamera);
        if (MathF.Abs(sine) >= MinSine) return path.ToList();
        float angle = MathF.Asin(MinSine) - MathF.Asin(Math.Clamp(sine, -1, 1));
        var mid = (path[0] + path[^1]) / 2;
        var best = path.ToList();
        float bestSine = float.NegativeInfinity;
        foreach (float sign in new[] { 1f, -1f })
        {
            var q = Quaternion.CreateFromAxisAngle(Vector3.UnitY, sign * angle);
            var turned = path.Select(p => { var o = Vector3.Transform(Horizontal(p - mid), q); return new Vector3(mid.X + o.X, p.Y, mid.Z + o.Z); }).ToList();
            float s = Vector3.Dot(Vector3.Normalize(Horizontal(turned[^1] - turned[0])), toCamera);
            if (s > bestSine) { bestSine = s; best = turned; }
        }
        return best;
    }

    /// <summary>The straight line from the path's start to its end, with as many evenly spaced waypoints.</summary>
    static List<Vector3> Straightened(List<Vector3> path) =>
        Enumerable.Range(0, path.Count).Select(i => Vector3.Lerp(path[0], path[^1], i / (float)Math.Max(1, path.Count - 1))).ToList();

    /// <summary>An in-place actor moved to stand at <paramref name="at"/> (every waypoint, its height kept).</summary>
    static void Place(List<Vector3> path, Vector3 at)
    {
        for (int i = 0; i < path.Count; i++) path[i] = new Vector3(at.X, path[i].Y, at.Z);
    }

    /// <summary>
    /// A traveller's path bent to end at <paramref name="end"/>: each waypoint shifted in proportion to how far along
    /// it is (then straightened if that made it wander: see <see cref="NoDetour"/>).
    /// </summary>
    static void MoveEnd(List<Vector3> path, Vector3 end)
    {
        var shift = Horizontal(end - path[^1]);
        for (int i = 0; i < path.Count; i++) path[i] += shift * (i / (float)Math.Max(1, path.Count - 1));
        NoDetour(path);
    }

    /// <summary>
    /// Going to meet someone is going toward them: a path that wanders (a loop, a wide bow, a way that went on past
    /// the meeting point and was bent back) more than <see cref="DetourRatio"/> times the straight way becomes the straight way.
    /// </summary>
    static void NoDetour(List<Vector3> path)
    {
        var straight = Straightened(path);
        if (GroundLength(path) > DetourRatio * GroundLength(straight))
            for (int i = 0; i < path.Count; i++) path[i] = straight[i];
    }

    /// <summary>A traveller's path ending <paramref name="distance"/> short of <paramref name="other"/> (on the side it comes from).</summary>
    static void EndAt(List<Vector3> path, Vector3 other, float distance)
    {
        var from = Horizontal(path[0] - other);
        var dir = from.LengthSquared() > 1e-6f ? Vector3.Normalize(from) : Vector3.UnitX;
        MoveEnd(path, other + dir * distance);
    }

    /// <summary>
    /// A traveller's path bent to end <paramref name="distance"/> short of where the other actor ends, on the side it
    /// comes from, starting at least <see cref="MinApproach"/> farther from the other's start than that: the start is
    /// eased back and the end moved, the waypoints between shifted in proportion, so the path keeps its shape.
    /// </summary>
    static void Approach(List<Vector3> path, Vector3 otherStart, Vector3 otherEnd, float distance)
    {
        var from = Horizontal(path[0] - otherStart);
        var dir = from.LengthSquared() > 1e-6f ? Vector3.Normalize(from) : Vector3.UnitX;
        var startShift = from.Length() < distance + MinApproach ? dir * (distance + MinApproach - from.Length()) : Vector3.Zero;
        var start = path[0] + startShift;
        var toEnd = Horizontal(start - otherEnd);
        var endDir = toEnd.LengthSquared() > 1e-6f ? Vector3.Normalize(toEnd) : dir;
        var endShift = Horizontal(otherEnd + endDir * distance - path[^1]);
        for (int i = 0; i < path.Count; i++)
        {
            float u = i / (float)Math.Max(1, path.Count - 1);
            path[i] += startShift * (1 - u) + endShift * u;
        }
        NoDetour(path);
    }

    /// <summary>How much longer than the straight way an approach may be before it is straightened.</summary>
    const float DetourRatio = 1.3f;

    /// <summary>
    /// One lap of <paramref name="radius"/> around <paramref name="centre"/>, from the point nearest where the path
    /// starts and turning the way the path first turns about the centre; round enough for the spline (24 waypoints at least).
    /// </summary>
    static List<Vector3> Lap(List<Vector3> path, Vector3 centre, float radius)
    {
        var r0 = Horizontal(path[0] - centre);
        float a0 = r0.LengthSquared() > 1e-6f ? MathF.Atan2(r0.Z, r0.X) : 0;
        var step = Horizontal(path[Math.Min(path.Count - 1, Math.Max(1, path.Count / 4))] - path[0]);
        float sense = r0.X * step.Z - r0.Z * step.X >= 0 ? 1 : -1;
        int n = Math.Max(24, path.Count);
        return Enumerable.Range(0, n).Select(i =>
        {
            float angle = a0 + sense * 2 * MathF.PI * i / (n - 1);
            return new Vector3(centre.X + radius * MathF.Cos(angle), path[0].Y, centre.Z + radius * MathF.Sin(angle));
        }).ToList();
    }

    /// <summary>
    /// The path as a straight pass of its own length and direction whose middle goes by <paramref name="other"/> at
    /// <paramref name="gap"/>, on the side it was already on: it comes from one side of the other and goes on past it.
    /// </summary>
    static List<Vector3> PassBy(List<Vector3> path, Vector3 other, float gap)
    {
        var d = Horizontal(path[^1] - path[0]);
        if (d.LengthSquared() < 1e-6f) return path;
        d = Vector3.Normalize(d);
        var side = new Vector3(-d.Z, 0, d.X);
        var mid = path[path.Count / 2];
        if (Vector3.Dot(Horizontal(mid - other), side) < 0) side = -side;
        float half = MathF.Max(GroundLength(path), 2 * gap) / 2;
        var centre = new Vector3(other.X, path[0].Y, other.Z) + side * gap;
        return Enumerable.Range(0, path.Count).Select(i => Vector3.Lerp(centre - d * half, centre + d * half, i / (float)Math.Max(1, path.Count - 1))).ToList();
    }

    /// <summary>
    /// The overtaker's way: straight along the overtaken one's (start to end), <paramref name="gap"/> to the side it
    /// came from, starting behind the other's start and ending as far ahead of its end, so that covering it in the
    /// other's time is <paramref name="ratio"/> times the other's speed (within the leads a shot can hold).
    /// </summary>
    static List<Vector3> Overtake(List<Vector3> other, List<Vector3> own, float gap, float ratio, Func<Vector3, bool> inView)
    {
        var d = Horizontal(other[^1] - other[0]);
        if (d.LengthSquared() < 1e-6f) return own;
        float length = d.Length();
        d /= length;
        var side = new Vector3(-d.Z, 0, d.X);
        if (Vector3.Dot(Horizontal(own[0] - other[0]), side) < 0) side = -side;
        float lead = Math.Clamp(0.5f * GroundLength(other) * (ratio - 1), MinOvertakeLead, MaxOvertakeLead);
        Vector3 From() => other[0] - d * lead + side * gap;
        Vector3 To() => other[^1] + d * lead + side * gap;
        // no farther back or ahead than the view shows
        while (lead > MinOvertakeLead && !(inView(From()) && inView(To()))) lead = MathF.Max(MinOvertakeLead, lead - 0.25f);
        Vector3 from = From(), to = To();
        int n = Math.Max(other.Count, 2);
        return Enumerable.Range(0, n).Select(i => Vector3.Lerp(from, to, i / (float)(n - 1)) with { Y = own[0].Y }).ToList();
    }

    /// <summary>Whether a ground point is in front of the camera and inside its image, clear of a 5 % side margin.</summary>
    static bool InView(Camera camera, Vector3 feet)
    {
        var (pixel, depth) = camera.Project(feet);
        return depth > 0 && pixel.X >= 0.05f * camera.Width && pixel.X <= 0.95f * camera.Width && pixel.Y >= 0 && pixel.Y <= camera.Height;
    }

    /// <summary>
    /// Two actors moved apart across the view (each by half), whole paths at once, until they are at least
    /// <paramref name="distance"/> apart where they come closest (at the same share of their paths).
    /// </summary>
    static void Separate(List<Vector3> a, List<Vector3> b, float distance, Vector3 right)
    {
        int n = Math.Max(a.Count, b.Count);
        var closest = Enumerable.Range(0, n).Select(i => Horizontal(b[i * (b.Count - 1) / Math.Max(1, n - 1)] - a[i * (a.Count - 1) / Math.Max(1, n - 1)]))
            .MinBy(o => o.LengthSquared());
        if (closest.Length() >= distance) return;
        // the shift t along `right` with |closest + right·t| = distance, on the side b already is
        float along = Vector3.Dot(closest, right), sign = along < 0 ? -1 : 1;
        float t = -along + sign * MathF.Sqrt(MathF.Max(0, along * along - closest.LengthSquared() + distance * distance));
        var shift = right * (t / 2);
        for (int i = 0; i < a.Count; i++) a[i] -= shift;
        for (int i = 0; i < b.Count; i++) b[i] += shift;
    }

    /// <summary>The path moved sideways by <paramref name="offset"/> metres (positive: to its right as seen walking it; the camera side on a path straight at the camera).</summary>
    static List<Vector3> Offset(List<Vector3> path, float offset, Vector3 toCamera)
    {
        var result = new List<Vector3>(path.Count);
        for (int i = 0; i < path.Count; i++)
        {
            var dir = Horizontal(path[Math.Min(i + 1, path.Count - 1)] - path[Math.Max(i - 1, 0)]);
            var side = dir.LengthSquared() > 1e-8f ? Vector3.Normalize(new Vector3(-dir.Z, 0, dir.X)) : Vector3.Cross(Vector3.UnitY, toCamera);
            result.Add(path[i] + side * offset);
        }
        return result;
    }

    /// <summary>
    /// The leader's path walked behind it: starting <paramref name="startGap"/> metres back along its first
    /// direction and ending <paramref name="endGap"/> short of its end, the same number of waypoints.
    /// </summary>
    static List<Vector3> Behind(List<Vector3> leader, float startGap, float endGap)
    {
        var dir0 = Horizontal(leader[Math.Min(1, leader.Count - 1)] - leader[0]);
        dir0 = dir0.LengthSquared() > 1e-8f ? Vector3.Normalize(dir0) : Vector3.UnitX;
        var points = new List<Vector3> { leader[0] - dir0 * startGap };
        points.AddRange(leader);
        // resample the first `total − endGap` metres into as many waypoints as the leader has: with equal gaps that is
        // the leader's own length, so the follower keeps its pace even when it starts farther back than the leader goes
        float keep = MathF.Max(0.1f, GroundLength(points) - endGap);
        var result = new List<Vector3>(leader.Count);
        for (int i = 0; i < leader.Count; i++) result.Add(At(points, keep * i / (leader.Count - 1)));
        return result;
    }

    static Vector3 At(List<Vector3> points, float s)
    {
        for (int i = 1; i < points.Count; i++)
        {
            float seg = Vector3.Distance(points[i - 1], points[i]);
            if (s <= seg && seg > 0) return Vector3.Lerp(points[i - 1], points[i], s / seg);
            s -= seg;
        }
        return points[^1];
    }

    /// <summary>A path's length along the ground (its height changes left out), metres.</summary>
    internal static float GroundLength(IReadOnlyList<Vector3> path)
    {
        float sum = 0;
        for (int i = 1; i < path.Count; i++) sum += Horizontal(path[i] - path[i - 1]).Length();
        return sum;
    }

    static Vector3 Horizontal(Vector3 v) => new(v.X, 0, v.Z);
}
