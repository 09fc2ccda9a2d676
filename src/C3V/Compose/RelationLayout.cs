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
public static partial class RelationLayout
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
            if (reach is null || i >= reach.Count || !(reach[i] > InPlaceLength) || GroundLength(paths[i]) <= reach[i]) return;
            float cut = GroundLength(paths[i]) - reach[i];
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
        bool InPlace(int i) => GroundLength(paths[i]) < InPlaceLength;

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
                        float radius = Math.Clamp(GroundLength(paths[a]) / (2 * MathF.PI), least, MathF.Max(least, MaxAroundRadius));
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
}
