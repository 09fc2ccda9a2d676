using C3V.Direct;

namespace C3V.Tests.Direct;

/// <summary>
/// The constructions of issue 14 §2, each with the issue's own example and fresh variants written before the
/// parser was run on them: enumerations and distributives, sequences of one actor, counts, relations,
/// interactions, image directions, manner, scene phrases anywhere, lighting.
/// </summary>
public class ConstructionTests
{
    static ScenePlan Plan(string prompt) => RulePlans.Valid(prompt);

    static string Motions(ActorPlan a) => string.Join(" | ", a.Segments.Select(m => m.Description));

    static bool Has(ScenePlan plan, RelationKind kind, string[] actors, string? obj = null, Interaction? with = null) =>
        plan.Relations.Any(r => r.Kind == kind && r.Actors.Order().SequenceEqual(actors.Order()) && r.Object == obj && (with is null || r.Interaction == with));

    [Theory]
    [InlineData("Three children play on the beach: one runs, one jumps and one sits on the sand", "child", "running", "jumping", "sitting")]
    [InlineData("Two men stand on a stage: one waves and the other claps", "man", "waving", "clapping")]
    [InlineData("Four dogs play in a garden: two of them run and the others sit", "dog", "running", "running", "sitting", "sitting")]
    [InlineData("Three robots are in a warehouse; the first dances, the second jumps and the third bows", "robot", "dancing", "jumping", "bowing")]
    [InlineData("Three dancers on a stage: two of them spin and the other claps", "dancer", "spinning", "spinning", "clapping")]
    public void An_enumeration_gives_each_member_its_own_motion(string prompt, string noun, params string[] motions)
    {
        var plan = Plan(prompt);
        Assert.Equal(motions.Length, plan.Actors.Count);
        Assert.All(plan.Actors, a => Assert.Equal(noun, a.Noun));
        Assert.Equal(motions, plan.Actors.Select(a => a.Motion.Description));
    }

    [Theory]
    [InlineData("Two robots stand in a square and both wave", "robot", 2, "waving")]
    [InlineData("Three dancers stand on a stage, then each of them spins", "dancer", 3, "spinning")]
    [InlineData("Both girls jump on a trampoline in a garden", "girl", 2, "jumping")]
    public void Each_and_both_apply_to_every_member(string prompt, string noun, int count, string motion)
    {
        var plan = Plan(prompt);
        Assert.Equal(count, plan.Actors.Count(a => a.Noun == noun));
        Assert.All(plan.Actors, a => Assert.Contains(a.Segments, m => m.Description.Contains(motion)));
    }

    [Theory]
    [InlineData("A woman in a yellow tracksuit stretches on the lawn, then jogs away", "stretching", "jogging away")]
    [InlineData("A man waves, then walks to the door of a house", "waving", "walking")]
    [InlineData("A robot first bows and then dances on a stage", "bowing", "dancing")]
    [InlineData("A girl jumps before running to the tree in a park", "jumping", "running")]
    [InlineData("A knight walks across the courtyard and then kneels", "walking", "kneeling")]
    [InlineData("A man sits on a bench; after that he stands and walks away", "sitting", "standing and walking away")]
    public void Two_actions_of_one_actor_are_one_actor_with_a_sequence(string prompt, string first, string second)
    {
        var plan = Plan(prompt);
        var a = Assert.Single(plan.Actors);
        Assert.Equal(2, a.Segments.Count);
        Assert.Equal(first, a.Segments[0].Description);
        Assert.StartsWith(second, a.Segments[1].Description);
    }

    [Fact]
    public void A_sequence_travels_only_in_its_travelling_part()
    {
        var a = Plan("A woman in a yellow tracksuit stretches on the lawn, then jogs away").Actors[0];
        Assert.False(a.Segments[0].Travels);
        Assert.True(a.Segments[1].Travels);
        Assert.Contains("yellow tracksuit", a.Attributes);
        var man = Plan("A man waves, then walks to the door of a house").Actors[0];
        Assert.False(man.Motion.Travels);
        Assert.True(man.Then[0].Travels);
        Assert.Equal("door", man.End?.Landmark);
    }

    [Fact]
    public void While_keeps_two_actors_simultaneous_and_then_orders_them()
    {
        var plan = Plan("A dog sits while a boy throws a ball in a yard");
        Assert.All(plan.Actors, a => Assert.Equal(0, a.Order));
        var seq = Plan("A man runs to the house, then a woman waves at him");
        Assert.True(seq.FindActor("woman")!.Order > seq.FindActor("man")!.Order);
    }

    [Theory]
    [InlineData("An astronaut jumps twice on the surface of the moon", 2)]
    [InlineData("A kangaroo hops three times in the desert", 3)]
    [InlineData("A woman claps twice, then bows", 2)]
    [InlineData("A frog jumps and jumps again on a rock", 2)]
    [InlineData("A boy kicks the ball 4 times in a yard", 4)]
    public void Counts_of_an_action_are_read(string prompt, int count)
    {
        var m = Plan(prompt).Actors[0].Motion;
        Assert.Equal(count, m.Count);
        Assert.DoesNotContain("twice", m.Description);
        Assert.DoesNotContain("times", m.Description);
    }

    [Fact]
    public void The_issue_examples_scene_phrases_are_whole_places()
    {
        Assert.Equal("the surface of the moon", Plan("An astronaut jumps twice on the surface of the moon").Scene.Description);
        var park = Plan("A girl in a red dress waves while a boy in blue shorts runs toward her in a park");
        Assert.Equal("a park", park.Scene.Description);
        Assert.Empty(park.Scene.Landmarks);
        Assert.Equal("girl", park.FindActor("boy")!.End?.Actor);
        Assert.True(Has(park, RelationKind.Toward, ["boy"], "girl"));
        var slope = Plan("Two robots jogging side by side across a snowy mountain slope");
        Assert.Equal("a snowy mountain slope", slope.Scene.Description);
        Assert.Empty(slope.Scene.Landmarks);
        Assert.Equal("the surface of Mars", Plan("Two astronauts walk side by side, on the surface of Mars").Scene.Description);
        Assert.Equal("a city street", Plan("In the middle of a city street, two boxers punch at each other").Scene.Description);
    }

    [Theory]
    [InlineData("Two robots jogging side by side across a snowy mountain slope", RelationKind.SideBySide, "robot-1,robot-2", null)]
    [InlineData("Two women walk side by side along the beach", RelationKind.SideBySide, "woman-1,woman-2", null)]
    [InlineData("A man and a woman walk next to each other in a park", RelationKind.SideBySide, "man,woman", null)]
    [InlineData("Five soldiers stand in a row in a desert", RelationKind.InARow, "soldier-1,soldier-2,soldier-3,soldier-4,soldier-5", null)]
    [InlineData("A cat sits to the left of a dog in a living room", RelationKind.LeftOf, "cat", "dog")]
    [InlineData("A robot stands to the right of a girl on a stage", RelationKind.RightOf, "robot", "girl")]
    [InlineData("A man stands behind a woman in a kitchen", RelationKind.Behind, "man", "woman")]
    [InlineData("A boy stands in front of a horse in a field", RelationKind.InFrontOf, "boy", "horse")]
    [InlineData("Two knights face each other in a castle courtyard", RelationKind.FacesEachOther, "knight-1,knight-2", null)]
    [InlineData("A dog chases a cat around the garden", RelationKind.Chases, "dog", "cat")]
    [InlineData("A boy follows his father through the forest", RelationKind.Follows, "boy", "father")]
    [InlineData("A runner jogs past a robot in a park", RelationKind.Past, "runner", "robot")]
    [InlineData("A child runs away from a dog in a yard", RelationKind.AwayFrom, "child", "dog")]
    [InlineData("A man and a woman walk towards each other on a beach", RelationKind.Toward, "man,woman", null)]
    [InlineData("A soldier marches toward the camera", RelationKind.Toward, "soldier", "camera")]
    [InlineData("A fox runs around a tree while a bird flies around the fox", RelationKind.Around, "bird", "fox")]
    public void Relations_are_read(string prompt, RelationKind kind, string actors, string? obj)
    {
        var plan = Plan(prompt);
        Assert.True(Has(plan, kind, actors.Split(','), obj),
            $"expected {kind} {actors} {obj}; got: {string.Join("; ", plan.Relations.Select(r => $"{r.Kind} {string.Join(",", r.Actors)} {r.Object}"))}");
    }

    [Theory]
    [InlineData("Two boxers punch at each other in the middle of a city street", "boxer-1,boxer-2", Interaction.Boxing)]
    [InlineData("A man shakes hands with a woman in an office", "man,woman", Interaction.Handshake)]
    [InlineData("Two friends hug each other at the airport", "friend-1,friend-2", Interaction.Hug)]
    [InlineData("A samurai and a ninja fight on a rooftop at sunset", "samurai,ninja", Interaction.Fighting)]
    [InlineData("Two pirates fight with swords on a ship", "pirate-1,pirate-2", Interaction.SwordFight)]
    [InlineData("Two girls dance with each other in a ballroom", "girl-1,girl-2", Interaction.Dancing)]
    [InlineData("Two girls in pink dresses hug each other in a garden", "girl-1,girl-2", Interaction.Hug)]
    [InlineData("A man and a woman shake hands in an office", "man,woman", Interaction.Handshake)]
    public void Interactions_face_each_other(string prompt, string actors, Interaction interaction)
    {
        var plan = Plan(prompt);
        Assert.True(Has(plan, RelationKind.FacesEachOther, actors.Split(','), null, interaction),
            $"got: {string.Join("; ", plan.Relations.Select(r => $"{r.Kind} {string.Join(",", r.Actors)} {r.Interaction}"))}");
        Assert.All(plan.Actors, a => Assert.False(a.Moving.Travels)); // they act where they stand, not walk at each other
    }

    [Theory]
    [InlineData("A horse gallops from the left to the right of the frame", ImageDirection.LeftToRight)]
    [InlineData("A car drives from the right side of the frame to the left on a road", ImageDirection.RightToLeft)]
    [InlineData("A soldier marches toward the camera in a desert", ImageDirection.TowardCamera)]
    [InlineData("A woman walks away from the camera on a beach", ImageDirection.AwayFromCamera)]
    public void Image_directions_are_read(string prompt, ImageDirection direction)
    {
        var m = Plan(prompt).Actors[0].Moving;
        Assert.True(m.Travels);
        Assert.Equal(direction, m.Direction);
    }

    [Theory]
    [InlineData("An old man walks slowly through a park", MotionSpeed.Slow)]
    [InlineData("A girl sprints across a field", MotionSpeed.Fast)]
    [InlineData("A couple strolls along the river at sunset", MotionSpeed.Slow)]
    [InlineData("A dog quickly runs to the fence in a yard", MotionSpeed.Fast)]
    [InlineData("A ballerina spins gracefully", MotionSpeed.Normal)]
    public void Manner_sets_the_speed(string prompt, MotionSpeed speed)
    {
        var m = Plan(prompt).Actors[0].Motion;
        Assert.Equal(speed, m.Speed);
        Assert.DoesNotContain("slowly", m.Description);
        Assert.DoesNotContain("quickly", m.Description);
    }

    [Theory]
    [InlineData("A wolf howls on a hill at night", Lighting.Night)]
    [InlineData("At dawn, a farmer walks to the barn", Lighting.Dawn)]
    [InlineData("A couple strolls along the river at sunset", Lighting.Sunset)]
    [InlineData("A man walks his dog at night", Lighting.Night)]
    public void Times_of_day_set_the_lighting(string prompt, Lighting lighting)
    {
        var plan = Plan(prompt);
        Assert.Equal(lighting, plan.Scene.Lighting);
        Assert.DoesNotContain(plan.Scene.Landmarks, l => l is "night" or "dawn" or "sunset");
    }

    [Fact]
    public void A_plan_with_segments_and_relations_round_trips_and_a_v1_plan_still_loads()
    {
        var plan = Plan("Two boxers punch at each other twice, then a woman in a red coat walks slowly to the left of them at night");
        var json = PlanJson.Serialize(plan);
        Assert.Equal(json, PlanJson.Serialize(PlanJson.ParsePlan(json, "plan.json")));
        var v1 = """{"version": 1, "prompt": "a robot dances", "scene": {"description": "a stage"}, "actors": [{"id": "robot", "description": "a robot", "category": "robot", "motion": {"description": "dancing"}}]}""";
        var old = PlanJson.ParsePlan(v1, "old.json");
        Assert.Equal(ScenePlan.CurrentVersion, old.Version);
        Assert.Single(old.Actors[0].Segments);
        Assert.Empty(old.Relations);
    }

    [Theory]
    [InlineData("""{"kind": "side-by-side", "actors": ["a"]}""", "needs at least two actors")]
    [InlineData("""{"kind": "toward", "actors": ["a"], "object": "nobody"}""", "'nobody' is not another actor")]
    [InlineData("""{"kind": "left-of", "actors": ["ghost"], "object": "b"}""", "'ghost' is not an actor")]
    public void Bad_relations_are_named(string relation, string expected)
    {
        var json = """{"version": 2, "prompt": "p", "scene": {"description": "s"}, "relations": [""" + relation + """], "actors": [""" +
            """{"id": "a", "description": "a man", "category": "human", "motion": {"description": "walking"}},""" +
            """{"id": "b", "description": "a woman", "category": "human", "motion": {"description": "waving"}}]}""";
        var e = Assert.Throws<C3V.Common.InvalidFileException>(() => PlanJson.ParsePlan(json, "p.json"));
        Assert.Contains(expected, e.Message);
    }
}
