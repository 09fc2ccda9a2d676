using C3V.Actors;
using C3V.Direct;

namespace C3V.Tests.Direct;

/// <summary>
/// Who takes part and what each does, on sentences written fresh for these rules (none from the eval sets): actors
/// named as objects, ids from head nouns, verbs the lexicon lacks, kinds from the body table, scenes from the things
/// named, and the order of events across clauses.
/// </summary>
public class ParticipantTests
{
    static ScenePlan Plan(string prompt) => RulePlans.Valid(prompt);

    static string Ids(ScenePlan plan) => string.Join(",", plan.Actors.Select(a => a.Id));

    [Theory]
    [InlineData("A girl hugs her grandmother in a garden", "girl,grandmother")]
    [InlineData("A farmer feeds a goat near a barn", "farmer,goat")]
    [InlineData("A photographer kneels behind a lion in the savanna", "photographer,lion")]
    [InlineData("A boy waits beside a bicycle on the sidewalk", "boy,bicycle")]
    [InlineData("A cowboy watches a bull on a ranch", "cowboy,bull")]
    [InlineData("A man kicks a ball across the yard", "man,ball")]
    [InlineData("A teenager throws a frisbee to his dog on the beach", "teenager,frisbee,dog")]
    [InlineData("A sheriff points at a burglar who climbs away", "sheriff,burglar")]
    public void An_actor_named_as_an_object_is_an_actor(string prompt, string ids) => Assert.Equal(ids, Ids(Plan(prompt)));

    [Theory]
    [InlineData("A boy plays with a toy car on the carpet", "boy")]
    [InlineData("A woman sits on a sofa in a living room", "woman")]
    [InlineData("A knight draws his sword in a castle hall", "knight")]
    [InlineData("A girl holds a ball in a park", "girl")]
    public void Furniture_weapons_and_held_things_stay_out_of_the_cast(string prompt, string ids) => Assert.Equal(ids, Ids(Plan(prompt)));

    [Fact]
    public void A_reciprocal_object_does_the_action_too_and_a_thrown_thing_flies_to_its_catcher()
    {
        var hug = Plan("A girl hugs her grandmother in a garden");
        Assert.Contains("hugging", hug.FindActor("grandmother")!.Motion.Description);
        Assert.Contains(hug.Relations, r => r.Kind == RelationKind.FacesEachOther && r.Interaction == Interaction.Hug);
        var toss = Plan("A teenager throws a frisbee to his dog on the beach");
        var frisbee = toss.FindActor("frisbee")!;
        Assert.True(frisbee.Moving.Travels);
        Assert.Equal("dog", frisbee.End?.Actor);
        Assert.Equal(ActorKind.Object, ActorKinds.Of(frisbee));
        Assert.Equal("dog", toss.FindActor("teenager")!.Target);
    }

    [Theory]
    [InlineData("Three crows pick at seeds in a field", "crow-1,crow-2,crow-3")]
    [InlineData("Two lumberjacks chop wood in a forest", "lumberjack-1,lumberjack-2")]
    [InlineData("A brown cow munches near a fence", "cow")]
    [InlineData("A red kite flies above a meadow", "kite")]
    [InlineData("Two horses trot, one quickly and one slowly, along the beach", "horse-1,horse-2")]
    public void Ids_come_from_the_head_noun(string prompt, string ids) => Assert.Equal(ids, Ids(Plan(prompt)));

    [Fact]
    public void A_member_told_apart_by_manner_keeps_the_group_motion_with_its_own_speed()
    {
        var plan = Plan("Two horses trot, one quickly and one slowly, along the beach");
        Assert.All(plan.Actors, a => Assert.Equal("trotting", a.Motion.Description));
        Assert.Equal([MotionSpeed.Fast, MotionSpeed.Slow], plan.Actors.Select(a => a.Motion.Speed));
    }

    [Theory]
    [InlineData("A boy in a blue shirt and a girl in a yellow skirt skip along the path", "boy", "skipping")]
    [InlineData("A boy in a blue shirt and a girl in a yellow skirt skip along the path", "girl", "skipping")]
    [InlineData("A tailor sews while a girl next to him sings", "tailor", "sewing")]
    [InlineData("A tailor sews while a girl next to him sings", "girl", "singing")]
    [InlineData("A sheep grazes on a hill", "sheep", "grazing")]
    [InlineData("A knight sharpens his sword in a castle hall", "knight", "sharpening")]
    [InlineData("Two lumberjacks chop wood in a forest", "lumberjack-1", "chopping")]
    public void Every_actor_gets_its_verb(string prompt, string id, string motion) =>
        Assert.StartsWith(motion, Plan(prompt).FindActor(id)!.Motion.Description);

    [Theory]
    [InlineData("After stretching, the athlete runs to the fence", "stretching", "running")]
    [InlineData("Having bowed, the actor leaves the stage", "bowing", "leaving")]
    [InlineData("The swimmer dives after waving to the crowd", "waving", "diving")]
    public void A_participle_clause_is_a_segment_of_the_main_actor(string prompt, string first, string then)
    {
        var a = Assert.Single(Plan(prompt).Actors);
        Assert.Equal(2, a.Segments.Count);
        Assert.StartsWith(first, a.Segments[0].Description);
        Assert.StartsWith(then, a.Segments[1].Description);
    }

    [Theory]
    [InlineData("Two wrestlers grapple in a ring", ActorKind.Human)]
    [InlineData("A truck drives along a highway", ActorKind.Vehicle)]
    [InlineData("A seal rests on a rock by the sea", ActorKind.Quadruped)]
    [InlineData("A swan glides on a lake", ActorKind.Bird)]
    [InlineData("A sprinter dashes down the track", ActorKind.Human)]
    public void Kinds_come_from_the_head_noun(string prompt, ActorKind kind) =>
        Assert.All(Plan(prompt).Actors, a => Assert.Equal(kind, ActorKinds.Of(a)));

    [Fact]
    public void Animals_and_people_listed_together_keep_their_kinds()
    {
        var kinds = Plan("Three cows and a shepherd in a field").Actors.Select(a => ActorKinds.Of(a)).ToList();
        Assert.Equal(3, kinds.Count(k => k == ActorKind.Quadruped));
        Assert.Equal(1, kinds.Count(k => k == ActorKind.Human));
    }

    [Theory]
    [InlineData("A boy stands in front of a castle", "the front of a castle")]
    [InlineData("A dog sleeps next to a fireplace", "a room with a fireplace")]
    [InlineData("A kitten naps beside the sofa", "a room with a sofa")]
    [InlineData("On the beach one surfer runs and another surfer sits on the sand", "the beach")]
    [InlineData("The taxi stops, then a woman gets out", "a street")]
    public void The_scene_comes_from_the_places_and_things_named(string prompt, string scene) =>
        Assert.Equal(scene, Plan(prompt).Scene.Description);

    [Theory]
    [InlineData("After the horse neighs, the farmer turns around", "horse", "farmer")]
    [InlineData("When the dog barks, the pupils run to the gate", "dog", "pupil-1")]
    [InlineData("The car drives away, then the boy waves", "car", "boy")]
    [InlineData("The girl sits down after the dog barks", "dog", "girl")]
    [InlineData("First the drummer plays, then the singer dances", "drummer", "singer")]
    [InlineData("Before the train leaves, a conductor waves", "conductor", "train")]
    public void The_later_actor_has_the_higher_order(string prompt, string earlier, string later)
    {
        var plan = Plan(prompt);
        Assert.True(plan.FindActor(later)!.Order > plan.FindActor(earlier)!.Order, string.Join("; ", plan.Actors.Select(a => $"{a.Id} {a.Order}")));
    }

    [Fact]
    public void Two_surfers_one_running_one_sitting_are_two_actors()
    {
        var plan = Plan("On the beach one surfer runs and another surfer sits on the sand");
        Assert.Equal(["running", "sitting"], plan.Actors.Select(a => a.Motion.Description.Split(' ')[0]));
    }
}
