using System.Numerics;
using C3V.Direct;
using C3V.Direct.Rules;
using C3V.Render;

namespace C3V.Compose;

/// <summary>What <see cref="RelationLayout.Apply"/> makes of a plan's relations.</summary>
/// <param name="Layouts">The layouts with the relations applied, in the order given.</param>
/// <param name="Facing">Who faces whom while not walking (actor id → the actor it turns to).</param>
/// <param name="PacedBy">
/// Who goes at another's pace (actor id → its leader): a follower, a chaser, a file or a pair abreast is timed so
/// that it arrives when its leader does, or the distance the relation set would not hold on the way.
/// </param>
/// <param name="Touching">Pairs whose interaction brings their bodies into contact (a hug, a dance hold): exempt from <see cref="Clearance"/>.</param>
public sealed record RelatedLayouts(IReadOnlyList<ActorLayout> Layouts, IReadOnlyDictionary<string, string> Facing, IReadOnlyDictionary<string, string> PacedBy,
    IReadOnlyCollection<(string A, string B)> Touching)
{
    public void Deconstruct(out IReadOnlyList<ActorLayout> layouts, out IReadOnlyDictionary<string, string> facing) =>
        (layouts, facing) = (Layouts, Facing);
}

/// <summary>
/// A plan's relations made geometry, on the actors' lifted and refined paths (world waypoints, feet on the
/// ground), before they are timed: whoever placed the actors (the rule planner or a chat model), the relations
/// hold. Left and right, in front and behind are the camera's; distances come from the interaction (a handshake
/// at about 1 m, boxing 1.3 m, a sword fight 2 m); side by side is parallel paths about a metre apart; a row is
/// evenly spaced; a follower walks its leader's path behind it. A last pass keeps every pair of actors apart by
/// their girth at every waypoint, so none starts or passes inside another.
/// </summary>
public static class RelationLayout
{
    /// <summary>A path shorter than this (metres) is acting in place.</summary>
    const float InPlaceLength = 0.3f;
    /// <summary>Gap (metres) between two bodies beyond their capsules, the least that reads as "not touching".</summary>
    const float BodyGap = 0.1f;

    /// <summary>
    /// The distance (metres, between body centres) two adults keep for an interaction: bodies touching for a hug, an
    /// arm's length for a handshake, a dance hold or a brawl (wrestling, grappling), a step more for boxing, a
    /// conversation's distance for talking, a blade's length more for a sword fight.
    /// </summary>
    public static float DistanceFor(Interaction? interaction) => interaction switch
    {
        Interaction.Hug => 0.55f,
        Interaction.Handshake => 1.0f,
        Interaction.Dancing => 1.0f,
        Interaction.Talking => 1.2f,
        Interaction.Fighting => 1.2f,
        Interaction.Boxing => 1.3f,
        Interaction.Playing => 1.6f,
        Interaction.SwordFight => 2.0f,
        _ => 1.3f,
    };

    /// <summary>Widest circle (metres) around an actor: farther out, going round it no longer reads as "around".</summary>
    const float MaxAroundRadius = 3f;
    /// <summary>Distance (metres, between body centres) at which one actor passes another: close, not brushing.</summary>
    const float PassingGap = 1.0f;

    /// <summary>Least distance (metres) an approach covers: walking "up to" someone who is already beside you is not seen.</summary>
    const float MinApproach = 1.5f;

    /// <summary>Least ground distance (metres) between actors "far apart": well beyond talking, yet both in one shot.</summary>
    public const float FarDistance = 4.5f;

    /// <summary>How much faster than the one it overtakes an overtaker goes at the least, and how far (metres) it starts behind and ends ahead at the least and most.</summary>
    const float MinOvertakeRatio = 1.5f, MinOvertakeLead = 1f, MaxOvertakeLead = 4f;

    /// <summary>
    /// The plan's relations and those its hints imply: an actor whose path ends at another actor ("walks up to the
    /// teacher", "runs to her") goes toward it, unless a relation already says how the two meet.
    /// </summary>
    public static IReadOnlyList<ActorRelation> Implied(ScenePlan plan)
    {
        var relations = plan.Relations.ToList();
        foreach (var a in plan.Actors)
        {
            if (a.End?.Actor is not { } other || other == a.Id || plan.FindActor(other) is null || !a.Segments.Any(m => m.Travels)) continue;
            bool said = plan.Relations.Any(r => r.Actors.Contains(a.Id) && (r.Object == other || r.Actors.Contains(other))
                && r.Kind is RelationKind.Toward or RelationKind.FacesEachOther or RelationKind.Follows or RelationKind.Chases or RelationKind.Past or RelationKind.Around or RelationKind.AwayFrom);
            if (!said) relations.Add(new ActorRelation { Kind = RelationKind.Toward, Actors = [a.Id], Object = other });
        }
        // "a woman talks to a man", "shakes hands with him": an action two do together, aimed at an actor, with neither
        // going anywhere, is two facing each other at its distance (not wherever the planner happened to put the other)
        foreach (var a in plan.Actors)
        {
            if (a.Target is not { } other || other == a.Id || plan.FindActor(other) is not { } b || a.Segments.Any(m => m.Travels) || b.Segments.Any(m => m.Travels)) continue;
            if (relations.Any(r => r.Actors.Contains(a.Id) && (r.Object == other || r.Actors.Contains(other)) || r.Actors.Contains(other) && r.Object == a.Id)) continue;
            if (a.Segments.Select(InteractionOf).FirstOrDefault(i => i is not null) is { } together)
                relations.Add(new ActorRelation { Kind = RelationKind.FacesEachOther, Actors = [a.Id, other], Interaction = together });
        }
        return relations;
    }

    /// <summary>The interaction a motion phrase names ("talking", "shaking hands"), read with the rule director's lexicon, or null.</summary>
    static Interaction? InteractionOf(MotionPlan motion)
    {
        string phrase = motion.Description.ToLowerInvariant();
        foreach (var w in phrase.Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries))
            if (Lexicon.VerbForms.TryGetValue(w, out var verb)) return Lexicon.InteractionOf(verb.Lemma, phrase);
        return null;
    }

    /// <summary>
    /// The layouts with the relations applied (same order as <paramref name="layouts"/>), who faces whom (actors
    /// facing each other, or facing an actor, turn to it while they stand) and who goes at whose pace.
    /// </summary>
    /// <param name="reach">
    /// Per actor, the metres it covers in the shot at its pace: a way bent to meet someone that came out longer keeps
    /// its last <paramref name="reach"/> metres (the meeting is what is seen, not a walk cut short on the way); none: no limit.
    /// </param>
    public static RelatedLayouts Apply(
        IReadOnlyList<ActorRelation> relations, IReadOnlyList<ComposedActor> actors, IReadOnlyList<ActorLayout> layouts, Camera camera,
        IReadOnlyList<float>? reach = null)
    {
        var paths = layouts.Select(l => l.Waypoints.ToList()).ToList();
        void Reachable(int i)
        {
            if (reach is null || i >= reach.Count || !(reach[i] > InPlaceLength) || Length(paths[i]) <= reach[i]) return;
            float cut = Length(paths[i]) - reach[i];
            var result = Enumerable.Range(0, paths[i].Count).Select(k => At(paths[i], cut + reach[i] * k / (paths[i].Count - 1))).ToList();
            paths[i] = result;
        }
        var scales = layouts.Select(l => l.Scale).ToArray();
        var facing = new Dictionary<string, string>();
        var pacedBy = new Dictionary<string, string>();
        var touching = new List<(string, string)>();
        int Index(string id) => actors.ToList().FindIndex(a => a.Id == id);
        var right = Horizontal(camera.CameraToWorld(Vector3.UnitX) - camera.Position);
        right = right.LengthSquared() > 1e-8f ? Vector3.Normalize(right) : Vector3.UnitX;
        var toCamera = Horizontal(-camera.Forward);
        toCamera = toCamera.LengthSquared() > 1e-8f ? Vector3.Normalize(toCamera) : Vector3.UnitZ;
        float Girth(int i) => actors[i].CapsuleRadius * scales[i];
        // the distance their clips were made at (a hold, a grapple, a blade's reach), the mean when both say one
        float? PartnerDistance(int a, int b) =>
            (actors[a].PartnerDistance * scales[a], actors[b].PartnerDistance * scales[b]) switch
            {
                ({ } x, { } y) => (x + y) / 2,
                (var x, var y) => x ?? y,
            };
        bool InPlace(int i) => Length(paths[i]) < InPlaceLength;

        foreach (var r in relations)
        {
            var who = r.Actors.Select(Index).Where(i => i >= 0).ToList();
            int obj = r.Object is { } o && o != ActorRelation.Camera ? Index(o) : -1;
            if (who.Count == 0) continue;
            switch (r.Kind)
            {
                case RelationKind.FacesEachOther when who.Count >= 2:
                {
                    int a = who[0], b = who[1];
                    // a hug or a dance hold brings the bodies into contact: the clip's distance (or the hold's) stands;
                    // anything else keeps them apart by their girths at least
                    float d = PartnerDistance(a, b) ?? DistanceFor(r.Interaction), apart = Girth(a) + Girth(b) + BodyGap;
                    if (d < apart && r.Interaction is Interaction.Hug or Interaction.Dancing) touching.Add((actors[a].Id, actors[b].Id));
                    else d = MathF.Max(d, apart);
                    if (InPlace(a) && InPlace(b))
                    {
                        // seen in profile: one on each side of their midpoint along the camera's horizontal, in the order they stood
                        var mid = (paths[a][0] + paths[b][0]) / 2;
                        float sign = Vector3.Dot(paths[a][0] - paths[b][0], right) <= 0 ? 1 : -1;
                        Place(paths[a], mid - right * (sign * d / 2));
                        Place(paths[b], mid + right * (sign * d / 2));
                    }
                    else if (InPlace(b)) { EndAt(paths[a], paths[b][0], d); Reachable(a); }
                    else if (InPlace(a)) { EndAt(paths[b], paths[a][0], d); Reachable(b); }
                    else
                    {
                        // both come: they meet between where they were going, each arriving from its own side
                        var mid = (paths[a][^1] + paths[b][^1]) / 2;
                        var across = Horizontal(paths[b][0] - paths[a][0]);
                        across = across.LengthSquared() > 1e-6f ? Vector3.Normalize(across) : right;
                        MoveEnd(paths[a], mid - across * (d / 2));
                        MoveEnd(paths[b], mid + across * (d / 2));
                        Reachable(a);
                        Reachable(b);
                    }
                    facing[actors[a].Id] = actors[b].Id;
                    facing[actors[b].Id] = actors[a].Id;
                    break;
                }
                case RelationKind.SideBySide or RelationKind.InARow when who.Count >= 2:
                {
                    float spacing = who.Max(i => 2 * Girth(i)) + (r.Kind == RelationKind.SideBySide ? 0.55f : 0.7f);
                    spacing = MathF.Max(spacing, r.Kind == RelationKind.SideBySide ? 1.0f : 1.2f);
                    if (who.All(InPlace))
                    {
                        var centre = who.Aggregate(Vector3.Zero, (acc, i) => acc + paths[i][0]) / who.Count;
                        // in the order they stand across the view (a row is listed left to right)
                        var order = r.Kind == RelationKind.InARow ? who : who.OrderBy(i => Vector3.Dot(paths[i][0], right)).ToList();
                        for (int k = 0; k < order.Count; k++) Place(paths[order[k]], centre + right * ((k - (order.Count - 1) / 2f) * spacing));
                    }
                    else if (r.Kind == RelationKind.SideBySide)
                    {
                        // parallel to the first traveller's way, straight (lines offset from a curve differ in
                        // length, and the one on the inside would pull ahead), at one scale so they keep pace
                        int lead = who.First(i => !InPlace(i));
                        var reference = Diagonal(Straightened(paths[lead]), toCamera);
                        float scale = who.Average(i => scales[i]);
                        for (int k = 0; k < who.Count; k++)
                        {
                            paths[who[k]] = Offset(reference, (k - (who.Count - 1) / 2f) * spacing, toCamera);
                            scales[who[k]] = scale;
                            if (who[k] != lead) pacedBy.TryAdd(actors[who[k]].Id, actors[lead].Id);
                        }
                    }
                    else
                    {
                        // a travelling row is a file: each walks the first one's path a spacing behind the one before
                        // (paths of one length at one scale: the same pace, so the gaps stay even)
                        int lead = who.First(i => !InPlace(i));
                        var reference = paths[lead].ToList();
                        float scale = who.Average(i => scales[i]);
                        for (int k = 0; k < who.Count; k++)
                        {
                            scales[who[k]] = scale;
                            if (who[k] == lead) continue;
                            paths[who[k]] = Behind(reference, spacing * Math.Abs(k - who.IndexOf(lead)), spacing * Math.Abs(k - who.IndexOf(lead)));
                            pacedBy.TryAdd(actors[who[k]].Id, actors[lead].Id);
                        }
                    }
                    break;
                }
                case RelationKind.LeftOf or RelationKind.RightOf or RelationKind.NextTo or RelationKind.InFrontOf or RelationKind.Behind when obj >= 0:
                {
                    float gap = MathF.Max(1.0f, Girth(who[0]) + Girth(obj) + 0.5f);
                    float side = Vector3.Dot(paths[who[0]][0] - paths[obj][0], right) < 0 ? -1 : 1;
                    var offset = r.Kind switch
                    {
                        RelationKind.LeftOf => -right * gap,
                        RelationKind.RightOf => right * gap,
                        RelationKind.InFrontOf => toCamera * 1.5f + right * (0.35f * side),
                        RelationKind.Behind => -toCamera * 1.5f + right * (0.45f * side),
                        _ => right * (gap * side),
                    };
                    foreach (int a in who)
                    {
                        if (a == obj) continue;
                        if (InPlace(a)) Place(paths[a], paths[obj][0] + offset);
                        else if (InPlace(obj)) Place(paths[obj], paths[a][0] - offset);
                        else
                        {
                            // both travel: it goes the other's way beside it, at its pace, so the relation holds throughout
                            paths[a] = paths[obj].Select(p => p + offset).ToList();
                            pacedBy.TryAdd(actors[a].Id, actors[obj].Id);
                        }
                    }
                    break;
                }
                case RelationKind.Follows or RelationKind.Chases when obj >= 0 && !InPlace(obj):
                {
                    // behind the leader on its path: a follower keeps its distance, a chaser closes in — to no nearer than its
                    // front and the leader's back allow (a horse is long)
                    foreach (int a in who)
                    {
                        float bodies = actors[a].Footprint.FrontReach * scales[a] + actors[obj].Footprint.BackReach * scales[obj];
                        float endGap = MathF.Max(r.Kind == RelationKind.Chases ? 1.0f : 1.6f, bodies + Clearance.Gap + 0.3f);
                        float startGap = MathF.Max(r.Kind == RelationKind.Chases ? 2.5f : 1.8f, endGap + 1f);
                        paths[a] = Behind(paths[obj], startGap, endGap);
                        // it keeps its distance (or closes in) only going as the leader goes
                        if (a != obj) pacedBy.TryAdd(actors[a].Id, actors[obj].Id);
                    }
                    break;
                }
                case RelationKind.Around when obj >= 0:
                    foreach (int a in who)
                    {
                        if (InPlace(a) || a == obj) continue;
                        // a lap around where the other stands, clear of it, as wide as the way it has time to go allows
                        float least = Girth(a) + Girth(obj) + 0.5f;
                        float radius = Math.Clamp(Length(paths[a]) / (2 * MathF.PI), least, MathF.Max(least, MaxAroundRadius));
                        paths[a] = Lap(paths[a], paths[obj][0], radius);
                    }
                    break;
                case RelationKind.Past when obj >= 0:
                    foreach (int a in who)
                    {
                        if (InPlace(a) || a == obj) continue;
                        float gap = MathF.Max(PassingGap, Girth(a) + Girth(obj) + BodyGap);
                        if (InPlace(obj)) { paths[a] = PassBy(paths[a], paths[obj][paths[obj].Count / 2], gap); continue; }
                        // passing one who travels is overtaking it: its way, beside it, from behind it to ahead of it, at the
                        // pace that covers that in the other's time (faster, by as much as its own pace is, 1.5× at least)
                        float ratio = actors[a].TravelSpeed * scales[a] / MathF.Max(1e-3f, actors[obj].TravelSpeed * scales[obj]);
                        paths[a] = Overtake(paths[obj], paths[a], gap, MathF.Max(MinOvertakeRatio, ratio), p => InView(camera, p));
                        pacedBy.TryAdd(actors[a].Id, actors[obj].Id);
                    }
                    break;
                case RelationKind.FarFrom:
                {
                    var group = obj >= 0 ? who.Append(obj).Distinct().ToList() : who;
                    for (int pass = 0; pass < 3; pass++)
                        for (int x = 0; x < group.Count; x++)
                            for (int y = x + 1; y < group.Count; y++)
                                Separate(paths[group[x]], paths[group[y]], FarDistance, right);
                    break;
                }
                case RelationKind.AwayFrom when obj >= 0:
                    foreach (int a in who)
                        if (!InPlace(a) && Horizontal(paths[a][^1] - paths[obj][0]).Length() < Horizontal(paths[a][0] - paths[obj][0]).Length())
                            paths[a].Reverse();
                    break;
                case RelationKind.Toward when obj >= 0:
                    foreach (int a in who)
                    {
                        facing.TryAdd(actors[a].Id, actors[obj].Id);
                        if (InPlace(a) || a == obj) continue;
                        // it arrives where one stands to talk (or to do what they do together), having come some way
                        float d = MathF.Max(PartnerDistance(a, obj) ?? DistanceFor(r.Interaction ?? Interaction.Talking), Girth(a) + Girth(obj) + BodyGap);
                        Approach(paths[a], paths[obj][0], paths[obj][^1], d);
                        Reachable(a);
                    }
                    break;
                case RelationKind.Facing when obj >= 0:
                    foreach (int a in who) facing.TryAdd(actors[a].Id, actors[obj].Id);
                    break;
            }
        }
        KeepApart(paths, Enumerable.Range(0, actors.Count).Select(Girth).ToArray(), relations.Any(r => r.Interaction == Interaction.Hug));
        return new(layouts.Select((l, i) => l with { Waypoints = paths[i], Scale = scales[i] }).ToList(), facing, pacedBy, touching);
    }

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
                    bool bStill = Length(paths[b]) < InPlaceLength, aStill = Length(paths[a]) < InPlaceLength;
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
        if (Length(path) > DetourRatio * Length(straight))
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
        float half = MathF.Max(Length(path), 2 * gap) / 2;
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
        float lead = Math.Clamp(0.5f * Length(other) * (ratio - 1), MinOvertakeLead, MaxOvertakeLead);
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
        float keep = MathF.Max(0.1f, Length(points) - endGap);
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

    static float Length(List<Vector3> path)
    {
        float sum = 0;
        for (int i = 1; i < path.Count; i++) sum += Horizontal(path[i] - path[i - 1]).Length();
        return sum;
    }

    static Vector3 Horizontal(Vector3 v) => new(v.X, 0, v.Z);
}
