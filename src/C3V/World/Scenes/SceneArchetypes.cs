namespace C3V.World;

/// <summary>The archetypes the procedural generator knows (the neutral fallback is kept apart).</summary>
public static class SceneArchetypes
{
    public static IReadOnlyList<SceneArchetype> All { get; } =
    [
        new TheatreStage(),
        new ParkLawn(),
        new SeasideVilla(),
        new LongStreet(),
        new DesertRuins(),
        new ForestClearing(),
        new Beach(),
        new SnowySlope(),
        new PlanetSurface(),
        new LivingRoom(),
        new CityPlaza(),
        new CabinMeadow(),
        new CastleCourtyard(),
        new CastleHall(),
        new SuburbanHouse(),
    ];

    public static SceneArchetype Neutral { get; } = new NeutralStudio();

    /// <summary>The archetype with <paramref name="id"/> (the neutral one included), or null.</summary>
    public static SceneArchetype? Find(string id) =>
        All.FirstOrDefault(a => a.Id == id) ?? (id == Neutral.Id ? Neutral : null);

    /// <summary>The archetypes as retrieval concepts (id + labels).</summary>
    public static IEnumerable<Concept> Concepts => All.Select(a => new Concept(a.Id, a.Labels));
}
