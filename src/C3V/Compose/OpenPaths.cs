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
    public static ActorLayout Extend(ActorLayout layout, ComposedActor actor, float seconds, bool forward, Func<Vector3, bool> inView, TimingOptions? options = null)
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
        var more = Enumerable.Range(1, add).Select(k => ordered[^1] + dir * (extra * k / add)).TakeWhile(inView).ToList();
        if (more.Count == 0) return layout;
        var result = forward ? [.. pts, .. more] : more.AsEnumerable().Reverse().Concat(pts).ToList();
        return layout with { Waypoints = result };
    }

    static float Length(IReadOnlyList<Vector3> pts)
    {
        float sum = 0;
        for (int i = 1; i < pts.Count; i++) sum += Vector3.Distance(pts[i - 1], pts[i]);
        return sum;
    }
}
