using System.Numerics;

namespace C3V.Compose;

/// <summary>
/// An actor's outline on the ground, actor frame at scale 1: a capsule along its length (+Z forward) from
/// <paramref name="Back"/> to <paramref name="Front"/> (its ends' extents), <paramref name="Radius"/> wide on each side.
/// A person's is about a circle; a horse's is a long capsule.
/// </summary>
public readonly record struct Footprint(float Back, float Front, float Radius)
{
    /// <summary>The capsule's axis (world ground points) and radius for a frame: scaled, turned by its yaw, at its position.</summary>
    public (Vector2 A, Vector2 B, float R) At(in ActorFrame frame)
    {
        var forward = new Vector2(MathF.Sin(frame.Yaw), MathF.Cos(frame.Yaw));
        var at = new Vector2(frame.Position.X, frame.Position.Z);
        float s = frame.Scale, inner = MathF.Max(0, Radius);
        // the capsule's end caps are half-discs of the radius: the axis stops a radius short of each end
        float back = MathF.Min(0, Back + inner), front = MathF.Max(0, Front - inner);
        return (at + forward * (back * s), at + forward * (front * s), inner * s);
    }

    /// <summary>Half the body's length beyond its position behind it (metres at scale 1).</summary>
    public float BackReach => MathF.Max(Radius, -Back);
    /// <summary>Half the body's length beyond its position in front of it (metres at scale 1).</summary>
    public float FrontReach => MathF.Max(Radius, Front);
}

/// <summary>
/// Keeps actors out of each other at every frame of a composition: no two footprints (<see cref="Footprint"/>) come
/// closer than <see cref="Gap"/>, including when paths cross or one overtakes another. Found per frame on the
/// composed tracks, then fixed in space: the actor that yields has its path bent aside around the arc where it came
/// too close (it passes beside, not through), and everything is timed again — the clip still advances with the
/// ground covered, so the feet keep pace.
/// </summary>
public static class Clearance
{
    /// <summary>Least gap (metres) between two bodies' outlines: closer reads as touching.</summary>
    public const float Gap = 0.1f;

    /// <summary>Rounds of detect-bend-retime before giving up (each bend clears what it found; a bend may make a new contact).</summary>
    const int Rounds = 24;

    /// <summary>The gap (metres, negative: overlap) between two footprints at their frames, and the unit ground direction from a to b.</summary>
    public static (float Gap, Vector2 Direction) Between(in Footprint fa, in ActorFrame a, in Footprint fb, in ActorFrame b)
    {
        var (a0, a1, ra) = fa.At(a);
        var (b0, b1, rb) = fb.At(b);
        var (pa, pb) = ClosestPoints(a0, a1, b0, b1);
        var d = pb - pa;
        float len = d.Length();
        var dir = len > 1e-5f ? d / len : Vector2.UnitX;
        return (len - ra - rb, dir);
    }

    /// <summary>The closest points of segments [p0, p1] and [q0, q1] (2D).</summary>
    static (Vector2, Vector2) ClosestPoints(Vector2 p0, Vector2 p1, Vector2 q0, Vector2 q1)
    {
        var d1 = p1 - p0; var d2 = q1 - q0; var r = p0 - q0;
        float a = Vector2.Dot(d1, d1), e = Vector2.Dot(d2, d2), f = Vector2.Dot(d2, r);
        float s, t;
        if (a < 1e-10f && e < 1e-10f) return (p0, q0);
        if (a < 1e-10f) { s = 0; t = Math.Clamp(f / e, 0, 1); }
        else
        {
            float c = Vector2.Dot(d1, r);
            if (e < 1e-10f) { t = 0; s = Math.Clamp(-c / a, 0, 1); }
            else
            {
                float b = Vector2.Dot(d1, d2), denom = a * e - b * b;
                s = denom > 1e-10f ? Math.Clamp((b * f - c * e) / denom, 0, 1) : 0;
                t = (b * s + f) / e;
                if (t < 0) { t = 0; s = Math.Clamp(-c / a, 0, 1); }
                else if (t > 1) { t = 1; s = Math.Clamp((b - c) / a, 0, 1); }
            }
        }
        return (p0 + d1 * s, q0 + d2 * t);
    }

    /// <summary>One actor's part in <see cref="Resolve"/>: its footprint, its layout, and whether it yields to the other of a pair.</summary>
    public readonly record struct Body(string Id, Footprint Footprint, ActorLayout Layout);

    /// <summary>
    /// The layouts bent until no two actors' footprints come within <see cref="Gap"/> at any frame (as far as
    /// <see cref="Rounds"/> rounds get). <paramref name="compose"/> times the layouts into tracks (one per body, in order).
    /// Who yields in a pair: the one that travels when the other stands, the one that keeps the other's pace (a follower,
    /// a chaser), else the later in the plan; one standing in the way of none moves aside as a whole.
    /// </summary>
    /// <param name="exempt">Pairs (either order) allowed to touch or overlap: a hug, a dance hold, a rider and its mount.</param>
    /// <param name="pacedBy">Follower id → leader id: the follower yields.</param>
    public static IReadOnlyList<ActorLayout> Resolve(IReadOnlyList<Body> bodies, Func<IReadOnlyList<ActorLayout>, IReadOnlyList<ActorTrack>> compose,
        Func<string, string, bool>? exempt = null, IReadOnlyDictionary<string, string>? pacedBy = null)
    {
        var layouts = bodies.Select(b => b.Layout).ToList();
        for (int round = 0; round < Rounds && Bent(bodies, layouts, compose(layouts), exempt, pacedBy); round++) { }
        return layouts;
    }

    /// <summary>Bends the yielder of the first pair found too close (one bend a round: the next round sees where it left everyone); false when all are clear.</summary>
    static bool Bent(IReadOnlyList<Body> bodies, List<ActorLayout> layouts, IReadOnlyList<ActorTrack> tracks, Func<string, string, bool>? exempt,
        IReadOnlyDictionary<string, string>? pacedBy)
    {
        for (int j = 1; j < bodies.Count; j++)
            for (int i = 0; i < j; i++)
                if (exempt?.Invoke(bodies[i].Id, bodies[j].Id) != true && !Clear(bodies, layouts, tracks, i, j, pacedBy)) return true;
        return false;
    }

    /// <summary>Whether actors i and j keep their gap in every frame; if not, the yielder's layout is bent (in <paramref name="layouts"/>).</summary>
    static bool Clear(IReadOnlyList<Body> bodies, List<ActorLayout> layouts, IReadOnlyList<ActorTrack> tracks, int i, int j, IReadOnlyDictionary<string, string>? pacedBy)
    {
        var ti = tracks[i].Frames; var tj = tracks[j].Frames;
        int n = Math.Min(ti.Count, tj.Count);
        int worst = -1; float worstGap = Gap;
        var bad = new List<int>();
        for (int f = 0; f < n; f++)
        {
            float g = Between(bodies[i].Footprint, ti[f], bodies[j].Footprint, tj[f]).Gap;
            if (g >= Gap - 1e-3f) continue;
            bad.Add(f);
            if (g < worstGap) { worstGap = g; worst = f; }
        }
        if (worst < 0) return true;
        bool movesI = Moves(ti), movesJ = Moves(tj);
        // the one that travels yields to one that stands; else a follower of the other; else the later in the plan
        int y = movesI != movesJ ? (movesI ? i : j)
            : pacedBy?.GetValueOrDefault(bodies[i].Id) == bodies[j].Id ? i : j;
        int o = y == i ? j : i;
        var ty = tracks[y].Frames; var to = tracks[o].Frames;
        var (gap, towardOther) = Between(bodies[y].Footprint, ty[worst], bodies[o].Footprint, to[worst]);
        float push = Gap - gap + 0.03f;
        var away = -towardOther;
        var pts = layouts[y].Waypoints.ToList();
        if (!Moves(ty))
        {
            // it stands: it steps aside as a whole
            for (int k = 0; k < pts.Count; k++) pts[k] += new Vector3(away.X, 0, away.Y) * push;
            layouts[y] = layouts[y] with { Waypoints = pts };
            return false;
        }
        // it travels: aside from its way (a head-on or rear-end contact is pushed to the side it already is on)
        var heading = new Vector2(MathF.Sin(ty[worst].Yaw), MathF.Cos(ty[worst].Yaw));
        var side = new Vector2(-heading.Y, heading.X);
        float across = Vector2.Dot(away, side);
        if (MathF.Abs(across) < 0.3f)
        {
            var offset = new Vector2(ty[worst].Position.X - to[worst].Position.X, ty[worst].Position.Z - to[worst].Position.Z);
            across = Vector2.Dot(offset, side) >= 0 ? 1 : -1;
        }
        var shift = side * (MathF.Sign(across) * push);
        // the waypoints nearest where it was at the frames of contact move fully, those within a body length or a
        // metre of them less and less (a smooth swerve)
        var at = bad.Select(f => new Vector2(ty[f].Position.X, ty[f].Position.Z)).ToList();
        float reach = MathF.Max(1f, (bodies[y].Footprint.Front - bodies[y].Footprint.Back) * ty[worst].Scale);
        for (int k = 0; k < pts.Count; k++)
        {
            var p = new Vector2(pts[k].X, pts[k].Z);
            float d = at.Min(q => Vector2.Distance(p, q));
            float w = d <= 0.25f ? 1 : d >= 0.25f + reach ? 0 : 0.5f * (1 + MathF.Cos(MathF.PI * (d - 0.25f) / reach));
            pts[k] += new Vector3(shift.X, 0, shift.Y) * w;
        }
        layouts[y] = layouts[y] with { Waypoints = pts };
        return false;
    }

    /// <summary>Whether a track goes anywhere (more than a few centimetres over the shot).</summary>
    static bool Moves(IReadOnlyList<ActorFrame> frames)
    {
        var a = frames[0].Position;
        foreach (var f in frames)
            if (new Vector2(f.Position.X - a.X, f.Position.Z - a.Z).LengthSquared() > 0.3f * 0.3f) return true;
        return false;
    }
}
