namespace C3V.World;

/// <summary>One phrase of the retrieval test set and the ids that count as correct for it.</summary>
public sealed record RetrievalCase(ConceptKind Kind, string Phrase, IReadOnlyList<string> Expected);

/// <summary>
/// Held-out phrases (none of them is a label) with the archetype, motion or avatar kind a person would pick.
/// Used by the accuracy test and <c>c3v bench world</c>; the figures are in docs/world.md.
/// </summary>
public static class RetrievalTestSet
{
    static RetrievalCase S(string phrase, string id) => new(ConceptKind.Scene, phrase, [id]);
    static RetrievalCase M(string phrase, params string[] ids) => new(ConceptKind.Motion, phrase, ids);
    static RetrievalCase A(string phrase, string id) => new(ConceptKind.Actor, phrase, [id]);
    static readonly string[] Dances = ["dance disco", "dance hip hop", "dance salsa"];

    public static IReadOnlyList<RetrievalCase> Cases { get; } =
    [
        S("an actor performs under the spotlight in front of the red curtain", "theatre_stage"),
        S("a ballet recital on stage", "theatre_stage"),
        S("the boards of a playhouse", "theatre_stage"),
        S("green grass and oak trees in a sunny park", "park_lawn"),
        S("a garden lawn with a little pond", "park_lawn"),
        S("a mansion on a cliff above the ocean with a pool", "seaside_villa"),
        S("a luxury villa with an infinity pool", "seaside_villa"),
        S("a street in a Japanese anime town", "long_street"),
        S("an empty road leading into the distance", "long_street"),
        S("a boulevard lined with houses and street lights", "long_street"),
        S("a destroyed city swallowed by sand after the apocalypse", "desert_ruins"),
        S("wasteland ruins with burnt-out cars", "desert_ruins"),
        S("a sunny clearing surrounded by tall pines", "forest_clearing"),
        S("in the middle of the woods", "forest_clearing"),
        S("waves rolling onto the sand under palm trees", "beach"),
        S("a tropical seashore", "beach"),
        S("skiing down a snowy hill", "snowy_slope"),
        S("a frozen mountainside covered in snow", "snowy_slope"),
        S("walking on the moon near a crater", "planet_surface"),
        S("the dusty red ground of mars", "planet_surface"),
        S("a cosy room with a couch and a television", "living_room"),
        S("inside an apartment", "living_room"),
        S("a busy square with a fountain in an old town", "city_plaza"),
        S("an italian piazza", "city_plaza"),
        S("a wooden hut in a flowery field", "cabin_meadow"),
        S("a farmhouse with a lawnmower in the yard", "cabin_meadow"),
        S("stone ramparts around a fortress yard with a well", "castle_courtyard"),
        S("in front of the gatehouse of a medieval stronghold", "castle_courtyard"),
        S("a gloomy stone hall with a throne", "castle_hall"),
        S("the banquet hall of a king's palace", "castle_hall"),
        S("an open lawn with a car and a house", "suburban_house"),
        S("a home in the suburbs with a car in the drive", "suburban_house"),
        // common places with no archetype of their own go to the nearest by meaning
        S("a ploughed farm field", "cabin_meadow"),
        S("an old fishing harbour with moored boats", "beach"),
        S("a multi-storey car park", "long_street"),
        S("the waiting platform of a railway station", "long_street"),
        S("a school gymnasium", "theatre_stage"),
        S("a football stadium", "park_lawn"),
        S("the flat roof of a tall building", "city_plaza"),
        S("sand dunes in the desert", "desert_ruins"),

        M("strolls along slowly", "walk slowly", "walk"),
        M("walks to the door", "walk", "walk slowly"),
        M("sprints as fast as possible", "run", "sprint"),
        M("goes for a light jog", "jog"),
        M("leaps into the air", "jump"),
        M("dances happily", Dances),
        M("does a breakdance routine", "dance hip hop"),
        M("dances the tango with passion", "dance salsa", "dance together"),
        M("throws punches like a boxer", "punch"),
        M("practises karate moves", "kung fu"),
        M("performs a shaolin martial arts routine", "kung fu"),
        M("a karate kick", "kick"),
        M("waves at the camera", "wave"),
        M("applauds the performers", "clap"),
        M("bows to the audience", "bow"),
        M("turns to look behind", "turn around"),
        M("sits on the bench", "sit down", "sit"),
        M("squats down low", "crouch", "squat"),
        M("climbs up the stairs", "climb"),
        M("flies through the sky", "fly"),
        M("trips and falls to the ground", "fall"),
        M("does some stretching exercises", "stretch"),
        M("stands there waiting", "idle"),
        M("hops on one foot", "hop"),
        M("skips along merrily", "skip"),
        M("grooves at a disco party", "dance disco"),

        A("a tall woman in a red dress", nameof(Actors.AvatarKind.Human)),
        A("an old man with a beard", nameof(Actors.AvatarKind.Human)),
        A("a kid in a yellow raincoat", nameof(Actors.AvatarKind.Human)),
        A("a green extraterrestrial with big eyes", nameof(Actors.AvatarKind.Alien)),
        A("a visitor from another planet", nameof(Actors.AvatarKind.Alien)),
        A("a shiny metal robot", nameof(Actors.AvatarKind.Robot)),
        A("a mechanical man made of steel", nameof(Actors.AvatarKind.Robot)),
        A("a tiny fairy with glittering wings", nameof(Actors.AvatarKind.Fairy)),
        A("a magician in a pointed hat", nameof(Actors.AvatarKind.Warlock)),
        A("an evil sorceress", nameof(Actors.AvatarKind.Warlock)),
        A("a man in a space suit and helmet", nameof(Actors.AvatarKind.Astronaut)),
        A("a NASA astronaut", nameof(Actors.AvatarKind.Astronaut)),
    ];

    /// <summary>Top-1 accuracy per kind and overall, with the misses.</summary>
    public static (Dictionary<ConceptKind, (int Correct, int Total)> PerKind, List<(RetrievalCase Case, RetrievalCandidate Got)> Misses)
        Evaluate(ITextEmbedder embedder)
    {
        var per = new Dictionary<ConceptKind, (int, int)>();
        var misses = new List<(RetrievalCase, RetrievalCandidate)>();
        foreach (var group in Cases.GroupBy(c => c.Kind))
        {
            var index = new ConceptIndex(embedder, ConceptCatalog.Of(group.Key));
            int ok = 0, n = 0;
            foreach (var c in group)
            {
                var top = index.Search(c.Phrase, 1)[0];
                n++;
                if (c.Expected.Contains(top.Id)) ok++; else misses.Add((c, top));
            }
            per[group.Key] = (ok, n);
        }
        return (per, misses);
    }
}
