using C3V.Direct;

namespace C3V.Compose;

/// <summary>
/// Who turns to whom while not walking. An actor faces the actor its action is aimed at (its plan's target, or
/// the actor it walks up to), then whoever a relation turns it to (facing each other, toward). And the one
/// addressed answers: a living actor that is talked to, waved at or walked up to, and that is not aimed at anyone
/// itself nor going anywhere, turns to the one addressing it — "a woman talks to a man" shows two people in
/// conversation, not one talking to a shoulder. A thing (an object) does not turn.
/// </summary>
public static class FacingTargets
{
    /// <param name="fromRelations">Who faces whom by the plan's relations (<see cref="RelationLayout.Apply"/>).</param>
    public static IReadOnlyDictionary<string, string> Of(ScenePlan plan, IReadOnlyDictionary<string, string> fromRelations)
    {
        var targets = new Dictionary<string, string>();
        foreach (var a in plan.Actors)
            if (a.FacingTarget is { } t && t != a.Id && plan.FindActor(t) is not null) targets[a.Id] = t;
        foreach (var (id, other) in fromRelations) targets.TryAdd(id, other);
        // in plan order, so the first to address an actor is the one it turns to
        foreach (var a in plan.Actors)
        {
            if (!targets.TryGetValue(a.Id, out var id) || targets.ContainsKey(id) || plan.FindActor(id) is not { } addressed) continue;
            if (addressed.Category != ActorCategory.Object && !addressed.Segments.Any(m => m.Travels)) targets[id] = a.Id;
        }
        return targets;
    }
}
