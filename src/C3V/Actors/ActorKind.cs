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

/// <summary>The body kind of a planned actor (owned by the bodies stage; refined as new bodies arrive).</summary>
public static class ActorKinds
{
    /// <summary>The kind of body the actor stage builds for this plan entry.</summary>
    public static ActorKind Of(ActorPlan actor) => actor.Category switch
    {
        ActorCategory.Human => ActorKind.Human,
        ActorCategory.Robot => ActorKind.Robot,
        ActorCategory.Creature => ActorKind.Creature,
        ActorCategory.Animal => ActorKind.Quadruped,
        _ => ActorKind.Object,
    };
}
