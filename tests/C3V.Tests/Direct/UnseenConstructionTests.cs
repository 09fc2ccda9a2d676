using C3V.Direct;

namespace C3V.Tests.Direct;

/// <summary>
/// Constructions that failed on prompts nobody tuned for (issue 14, part 2), each tested with sentences written for
/// this file: subject lists sharing one verb, members told apart by ordinal or comparative, pace compounds,
/// passives of passing, riders on boards, "far from", lighting and places named by things, postures, role nouns.
/// </summary>
public class UnseenConstructionTests
{
    static ScenePlan Plan(string prompt) => RulePlans.Valid(prompt);

    static ActorPlan Actor(ScenePlan plan, string id) => Assert.Single(plan.Actors, a => a.Id == id);

    [Theory]
    [InlineData("A nurse, a doctor and a porter hurry down the corridor", "nurse", "doctor", "porter")]
    [InlineData("An uncle, two nieces and a grandmother stroll through the orchard", "uncle", "niece-1", "niece-2", "grandmother")]
    public void A_comma_list_of_subjects_shares_the_verb(string prompt, params string[] ids)
    {
        var plan = Plan(prompt);
        Assert.Equal(ids, plan.Actors.Select(a => a.Id));
        var verb = plan.Actors[0].Motion.Description;
        Assert.NotEqual("standing", verb);
        Assert.All(plan.Actors, a => Assert.Equal(verb, a.Motion.Description));
    }

    [Fact]
    public void Comma_separated_clauses_keep_their_own_verbs()
    {
        var plan = Plan("A butcher waves, a baker claps");
        Assert.Equal("waving", Actor(plan, "butcher").Motion.Description);
        Assert.Equal("clapping", Actor(plan, "baker").Motion.Description);
    }

    [Theory]
    [InlineData("Two clowns stand on a stage: the first one bows, the second one jumps", "clown", "bowing", "jumping")]
    [InlineData("Two dogs play on a lawn: the bigger dog barks while the smaller dog rolls over", "dog", "barking", "rolling over")]
    [InlineData("Two aunts are in the kitchen; the older one cooks and the younger one dances", "aunt", "cooking", "dancing")]
    public void Members_told_apart_by_ordinal_or_comparative_are_the_group_not_extra_actors(string prompt, string noun, string first, string second)
    {
        var plan = Plan(prompt);
        Assert.Equal(2, plan.Actors.Count);
        Assert.All(plan.Actors, a => Assert.Equal(noun, a.Noun));
        Assert.Equal([first, second], plan.Actors.Select(a => a.Motion.Description).Order());
    }

    [Fact]
    public void Comparatives_without_a_group_name_two_individuals_and_size_shows()
    {
        var plan = Plan("The taller soldier marches while the shorter soldier salutes");
        Assert.Equal(2, plan.Actors.Count);
        var tall = Assert.Single(plan.Actors, a => a.Attributes.Contains("taller"));
        var small = Assert.Single(plan.Actors, a => a.Attributes.Contains("shorter"));
        Assert.StartsWith("marching", tall.Motion.Description);
        Assert.Equal("saluting", small.Motion.Description);
        Assert.True(tall.HeightMeters > small.HeightMeters);
    }

    [Theory]
    [InlineData("A rabbit hops four times in the garden", 4)]
    [InlineData("A soldier salutes twice in a castle courtyard", 2)]
    public void A_count_of_an_action_reaches_the_plan(string prompt, int count) =>
        Assert.Equal(count, Assert.Single(Plan(prompt).Actors).Motion.Count);

    [Fact]
    public void A_pace_compound_is_the_speed_and_passing_by_is_overtaking_on_a_scooter()
    {
        var plan = Plan("A slow-moving tractor is passed by a girl on a scooter");
        Assert.Equal(2, plan.Actors.Count); // the scooter is the girl's, not an actor
        var girl = Actor(plan, "girl");
        Assert.Contains("scooter", girl.Props);
        Assert.Equal("riding a scooter", girl.Motion.Description);
        Assert.True(girl.Motion.Travels);
        var tractor = Actor(plan, "tractor");
        Assert.Equal(MotionSpeed.Slow, tractor.Motion.Speed);
        Assert.True(tractor.Motion.Travels);
        Assert.DoesNotContain("slow", tractor.Attributes);
        Assert.Contains(plan.Relations, r => r.Kind == RelationKind.Past && r.Actors.SequenceEqual(["girl"]) && r.Object == "tractor");
    }

    [Fact]
    public void An_overtaken_person_walks_and_a_skateboarder_skates()
    {
        var plan = Plan("A weary grandmother is overtaken by a boy on a skateboard");
        Assert.Equal("walking", Actor(plan, "grandmother").Motion.Description);
        Assert.Equal("skating", Actor(plan, "boy").Motion.Description);
        Assert.Contains(plan.Relations, r => r.Kind == RelationKind.Past && r.Object == "grandmother");
    }

    [Fact]
    public void Passing_a_ball_is_not_overtaking()
    {
        var plan = Plan("A boy passes the ball to his friend on a lawn");
        Assert.DoesNotContain(plan.Relations, r => r.Kind == RelationKind.Past);
    }

    [Fact]
    public void One_chased_is_an_actor_even_when_no_list_knows_the_noun()
    {
        var plan = Plan("A guard follows a trespasser across the yard");
        Assert.Equal(2, plan.Actors.Count);
        Assert.Equal(ActorCategory.Human, Actor(plan, "trespasser").Category);
        Assert.Contains(plan.Relations, r => r.Kind == RelationKind.Follows && r.Object == "trespasser");
    }

    [Theory]
    [InlineData("A goat grazes far away from a sleeping wolf", "goat", "wolf")]
    [InlineData("A fisherman waits far from a noisy child on the pier", "fisherman", "child")]
    public void Far_from_another_actor_is_the_far_from_relation(string prompt, string who, string other)
    {
        var plan = Plan(prompt);
        Assert.Contains(plan.Relations, r => r.Kind == RelationKind.FarFrom && r.Actors.SequenceEqual([who]) && r.Object == other);
        Assert.DoesNotContain(plan.Relations, r => r.Kind == RelationKind.NextTo);
        Assert.DoesNotContain("far", plan.Actors[0].Motion.Description);
    }

    [Fact]
    public void Far_apart_keeps_a_group_apart()
    {
        var plan = Plan("Two rivals stand far apart in a square");
        var r = Assert.Single(plan.Relations, r => r.Kind == RelationKind.FarFrom);
        Assert.Equal(["rival-1", "rival-2"], r.Actors);
    }

    [Fact]
    public void Hand_in_hand_is_side_by_side_and_street_lights_put_the_scene_in_a_street()
    {
        var plan = Plan("Two teenagers stroll hand in hand under street lights at night");
        Assert.Equal(Lighting.Night, plan.Scene.Lighting);
        Assert.StartsWith("a street", plan.Scene.Description);
        Assert.Contains(plan.Relations, r => r.Kind == RelationKind.SideBySide);
        Assert.All(plan.Actors, a => Assert.Equal("strolling", a.Motion.Description));
    }

    [Theory]
    [InlineData("At dawn a rower paddles across a calm lake", Lighting.Dawn)]
    [InlineData("A couple dances on a terrace at dusk", Lighting.Sunset)]
    public void Times_of_day_reach_the_lighting(string prompt, Lighting light) => Assert.Equal(light, Plan(prompt).Scene.Lighting);

    [Theory]
    [InlineData("A cat leaves the farmhouse and wanders off", "the front of the farmhouse")]
    [InlineData("A postman hurries out of the cottage", "the front of the cottage")]
    public void Leaving_a_building_is_outside_it(string prompt, string scene) => Assert.Equal(scene, Plan(prompt).Scene.Description);

    [Theory]
    [InlineData("A grandfather sitting in an armchair knits", "sitting")]
    [InlineData("A boy naps on the couch", "napping")]
    public void An_indoor_thing_puts_the_scene_in_a_room_not_in_the_thing(string prompt, string motion)
    {
        var plan = Plan(prompt);
        Assert.StartsWith("a room with", plan.Scene.Description);
        Assert.StartsWith(motion, Assert.Single(plan.Actors).Motion.Description);
    }

    [Theory]
    [InlineData("A pilgrim kneeling at the altar prays", "kneeling")]
    [InlineData("A tourist lying on a towel reads a magazine", "lying")]
    public void A_posture_participle_is_the_motion(string prompt, string posture) =>
        Assert.Equal(posture, Assert.Single(Plan(prompt).Actors).Motion.Description);

    [Theory]
    [InlineData("A flight attendant waves at a pilot", "attendant")]
    [InlineData("An audience member cheers", "member")]
    [InlineData("A ship medic runs along the deck", "medic")]
    public void Multiword_role_nouns_are_people(string prompt, string noun) =>
        Assert.Equal(ActorCategory.Human, Assert.Single(Plan(prompt).Actors, a => a.Noun == noun).Category);

    [Fact]
    public void A_journey_and_an_action_joined_by_and_are_a_sequence()
    {
        var plan = Plan("A boy sprints to the fence and jumps");
        var boy = Assert.Single(plan.Actors);
        Assert.Equal(2, boy.Segments.Count);
        Assert.StartsWith("sprinting", boy.Segments[0].Description);
        Assert.Equal("jumping", boy.Segments[1].Description);
    }

    [Fact]
    public void Two_actions_in_place_joined_by_and_are_done_together()
    {
        var singer = Assert.Single(Plan("A singer plays the guitar and sings on a stage").Actors);
        Assert.Single(singer.Segments);
    }
}
