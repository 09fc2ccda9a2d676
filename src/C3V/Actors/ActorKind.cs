using System.Text.Json.Serialization;
using C3V.Direct;

namespace C3V.Actors;

/// <summary>
/// What body an actor has, as ground-truth annotations report it (docs: annotations format). Finer than the
/// plan's <see cref="ActorCategory"/>: an animal is a quadruped or a bird, a moving object may be a vehicle.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActorKind>))]
public enum ActorKind
{
    [JsonStringEnumMemberName("human")] Human,
    [JsonStringEnumMemberName("quadruped")] Quadruped,
    [JsonStringEnumMemberName("bird")] Bird,
    [JsonStringEnumMemberName("vehicle")] Vehicle,
    [JsonStringEnumMemberName("object")] Object,
    [JsonStringEnumMemberName("creature")] Creature,
    [JsonStringEnumMemberName("robot")] Robot,
}

/// <summary>
/// Which skeleton layout a body is built on, and so which motion clips fit it: people (and humanoid robots and
/// creatures) on the human rig, four-legged animals (and gorillas, dragons) on the quadruped rig, birds (and
/// two-legged dinosaurs) on the bird rig, vehicles and things on the rigid rig (a body and its wheels).
/// </summary>
public enum BodyRig { Human, Quadruped, Bird, Rigid }

/// <summary>The body kind of a planned actor (owned by the bodies stage).</summary>
public static class ActorKinds
{
    /// <summary>
    /// The body the actor stage builds for this plan entry: its head noun in <see cref="BodyCatalog"/>, else the
    /// first body noun of its description; null when neither names one (then the plan's category decides).
    /// </summary>
    public static BodyType? BodyOf(ActorPlan actor) => BodyCatalog.ForNoun(actor.Noun) ?? BodyCatalog.Find(actor.Description);

    /// <summary>The kind of body the actor stage builds for this plan entry.</summary>
    public static ActorKind Of(ActorPlan actor) => BodyOf(actor)?.Kind ?? actor.Category switch
    {
        ActorCategory.Human => ActorKind.Human,
        ActorCategory.Robot => ActorKind.Robot,
        ActorCategory.Creature => ActorKind.Creature,
        ActorCategory.Animal => ActorKind.Quadruped,
        _ => ActorKind.Object,
    };

    /// <summary>The rig (and so the clip set) of this plan entry's body.</summary>
    public static BodyRig RigOf(ActorPlan actor) => BodyOf(actor)?.Rig ?? BodyRig.Human;
}
