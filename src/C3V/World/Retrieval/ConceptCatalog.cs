using C3V.Actors;

namespace C3V.World;

/// <summary>What can be retrieved by text.</summary>
public enum ConceptKind { Scene, Motion, Actor }

/// <summary>
/// The labelled concept sets retrieval runs over: scene archetypes, the embedded motion library
/// (<see cref="ProceduralMotions"/>) and avatar kinds (<see cref="AvatarKind"/>). Callers add the user's
/// library entries on top (see <see cref="AssetLibrary"/>).
/// </summary>
public static class ConceptCatalog
{
    public static IReadOnlyList<Concept> Of(ConceptKind kind) => kind switch
    {
        ConceptKind.Scene => SceneArchetypes.Concepts.ToArray(),
        ConceptKind.Motion => ProceduralMotions.All.Select(c => new Concept(c.Name, c.Labels.Prepend(c.Name).Distinct().ToArray())).ToArray(),
        ConceptKind.Actor => Actors,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Avatar kinds with the phrases that mean them (ids are <see cref="AvatarKind"/> names).</summary>
    static readonly Concept[] Actors =
    [
        new(nameof(AvatarKind.Human), ["a person", "a man", "a woman", "a child", "a boy", "a girl", "a dancer", "an athlete", "a businessman in a suit", "a skier", "a chef"]),
        new(nameof(AvatarKind.Alien), ["an alien", "an extraterrestrial creature", "a little green man", "a martian", "a creature from outer space"]),
        new(nameof(AvatarKind.Robot), ["a robot", "an android", "a humanoid machine", "a cyborg", "a metal automaton", "a droid"]),
        new(nameof(AvatarKind.Fairy), ["a fairy with wings", "a pixie", "a winged sprite", "a magical fairy"]),
        new(nameof(AvatarKind.Warlock), ["a warlock", "a wizard with a staff", "a sorcerer", "a witch", "a mage casting spells"]),
        new(nameof(AvatarKind.Astronaut), ["an astronaut", "a cosmonaut in a spacesuit", "a spaceman", "a space explorer"]),
    ];

    public static ConceptKind ParseKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "scene" or "scenes" => ConceptKind.Scene,
        "motion" or "motions" => ConceptKind.Motion,
        "actor" or "actors" or "avatar" => ConceptKind.Actor,
        _ => throw new Common.C3VException($"--kind must be motion, scene or actor (got \"{text}\")"),
    };
}
