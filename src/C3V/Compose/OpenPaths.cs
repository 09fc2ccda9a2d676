using System.Numerics;

namespace C3V.Compose;

/// <summary>
/// A travel the prompt does not bound goes on for as long as it is said to: "two robots jog across the slope",
/// "she jogs away" keep moving to the end of the shot instead of stopping halfway and standing, and "a boy runs
/// toward her" starts far enough back for the run to be seen. The path the director drew is lengthened along
/// its own direction (forward when it has no end, backward when only its end is fixed) to what the actor's clip
/// covers at its natural pace in the time it has; the shot's framing then widens to keep it whole.
/// </summary>
public static class OpenPaths
{
    /// <summary>Longest path (metres) this makes: the shot must still frame it.</summary>
    const float MaxLength = 10f;
    /// <summary>A path already this close to what the time asks (a share of it) is left as drawn.</summary>
    const float Enough = 0.8f;

    /// <param name="seconds">Time the actor has to travel (its share of the video).</param>
    /// <param name="forward">True to lengthen past the end (no end was given), false to start farther back.</param>
    /// <param name="inView">Whether the actor standing at a ground point is seen whole in the reference view: the path stops where it would leave it.</param>
    /// <param name="turn">
    /// Whether the lengthening may veer (up to 90°, in 15° steps, the least that holds most of it) when going straight on
    /// would leave the view early: a travel the prompt gives no direction ("the zebra runs away") is better seen turning
    /// across the view than cut short at its edge.
    /// </param>
    public static ActorLayout Extend(ActorLayout layout, ComposedActor actor, float seconds, bool forward, Func<Vector3, bool> inView, TimingOptions? options = null,
        bool turn = false)
    {
        options ??= new TimingOptions();
        var pts = layout.Waypoints;
        if (pts.Count < 2) return layout;
        float length = Length(pts);
        if (actor.NaturalSpeed * layout.Scale < options.MinLocomotionSpeed || length < options.MinLocomotionPath) return layout;
        // at the pace the plan asks (a sprint covers five strolls), else the clip's own
        float speed = actor.TravelSpeed * layout.Scale;
        float wanted = MathF.Min(MaxLength, speed * MathF.Max(0, seconds - options.StopSeconds));
        if (length >= Enough * wanted) return layout;
        // the direction at the open end, over its last stretch (a single segment can be a curve's kink)
        var ordered = forward ? pts : pts.Reverse().ToList();
        int back = Math.Max(0, ordered.Count - 4);
        var dir = ordered[^1] - ordered[back];
        dir = new Vector3(dir.X, 0, dir.Z);
        if (dir.LengthSquared() < 1e-8f) return layout;
        dir = Vector3.Normalize(dir);
        float step = length / (pts.Count - 1), extra = wanted - length;
        int add = Math.Max(1, (int)MathF.Ceiling(extra / MathF.Max(0.2f, step)));
        List<Vector3> Along(Vector3 d) => Enumerable.Range(1, add).Select(k => ordered[^1] + d * (extra * k / add)).TakeWhile(inView).ToList();
        var more = Along(dir);
        for (int veer = 1; turn && more.Count < Enough * add && veer <= 6; veer++)
            foreach (float sign in new[] { 1f, -1f })
            {
                var veered = Along(Vector3.Transform(dir, Quaternion.CreateFromAxisAngle(Vector3.UnitY, sign * veer * MathF.PI / 12)));
                if (veered.Count > more.Count) more = veered;
            }
        if (more.Count == 0) return layout;
        var result = forward ? [.. pts, .. more] : more.AsEnumerable().Reverse().Concat(pts).ToList();
        return layout with { Waypoints = result };
    }

    /// <summary>A clearly faster pace: below this ratio two paces read as the same.</summary>
    const float FasterRatio = 1.2f;
    /// <summary>Shortest (metres) a trimmed travel is left: it must still be seen to go somewhere.</summary>
    const float MinTrimmed = 1.5f;

    /// <summary>
    /// The open travels trimmed so the shot keeps the plan's order of speeds: a faster traveller's way may be cut
    /// short by the edge of the view and end early, and a slower one left open would then cover more ground over
    /// the shot than it ("a man sprints while a woman strolls" with the woman the farther). An open way (its end
    /// not fixed: <paramref name="open"/>) is cut from its end to at most its pace's share of what each clearly
    /// faster traveller covers.
    /// </summary>
    public static IReadOnlyList<ActorLayout> KeepPaceOrder(IReadOnlyList<ActorLayout> layouts, IReadOnlyList<ComposedActor> actors, IReadOnlyList<bool> open,
        TimingOptions? options = null)
    {
        options ??= new TimingOptions();
        var lengths = layouts.Select(l => Length(l.Waypoints)).ToArray();
        var speeds = layouts.Select((l, i) => actors[i].TravelSpeed * l.Scale).ToArray();
        bool Travels(int i) => lengths[i] >= options.MinLocomotionPath && speeds[i] >= options.MinLocomotionSpeed;
        var result = layouts.ToList();
        for (int i = 0; i < layouts.Count; i++)
        {
            if (!open[i] || !Travels(i)) continue;
            float cap = lengths[i];
            for (int j = 0; j < layouts.Count; j++)
                if (j != i && Travels(j) && speeds[j] >= FasterRatio * speeds[i]) cap = MathF.Min(cap, lengths[j] * speeds[i] / speeds[j]);
            cap = MathF.Max(cap, MathF.Min(MinTrimmed, lengths[i]));
            if (cap < lengths[i] - 0.05f) result[i] = layouts[i] with { Waypoints = Trim(layouts[i].Waypoints, cap) };
        }
        return result;
    }

    /// <summary>The first <paramref name="length"/> metres of the path, with as many waypoints.</summary>
    static List<Vector3> Trim(IReadOnlyList<Vector3> pts, float length)
    {
        var cum = new float[pts.Count];
        for (int i = 1; i < pts.Count; i++) cum[i] = cum[i - 1] + Vector3.Distance(pts[i - 1], pts[i]);
        var result = new List<Vector3>(pts.Count);
        int k = 1;
        for (int n = 0; n < pts.Count; n++)
        {
            float s = length * n / (pts.Count - 1);
            while (k < pts.Count - 1 && cum[k] < s) k++;
            float seg = cum[k] - cum[k - 1];
            result.Add(Vector3.Lerp(pts[k - 1], pts[k], seg > 0 ? Math.Clamp((s - cum[k - 1]) / seg, 0, 1) : 0));
        }
        return result;
    }

    static float Length(IReadOnlyList<Vector3> pts)
    {
        float sum = 0;
        for (int i = 1; i < pts.Count; i++) sum += Vector3.Distance(pts[i - 1], pts[i]);
        return sum;
    }
}
