using C3V.Direct;
using C3V.Pipeline;

namespace C3V.Tests.Pipeline;

/// <summary>The actor's noun and age take part in choosing its clip.</summary>
public class MotionChooserActorTests
{
    static ActorPlan Actor(string noun, string description, params string[] attributes) =>
        new() { Id = noun, Noun = noun, Description = description, Category = ActorCategory.Human, Attributes = attributes, Motion = new MotionPlan { Description = "" } };

    static string Choose(string phrase, bool travels, ActorPlan actor) =>
        MotionChooser.Choose(new MotionPlan { Description = phrase, Travels = travels }, null, null, actor: actor).Clip.Name;

    [Theory]
    [InlineData("swimmer", "a tired swimmer", "swim")]
    [InlineData("skiers", "two skiers in red", "ski")]
    [InlineData("juggler", "a juggler with a top hat", "juggle")]
    [InlineData("climber", "a climber", "climb")]
    [InlineData("skater", "a young skater", "skate")]
    [InlineData("snowboarder", "a snowboarder", "ski")]
    public void A_role_noun_names_the_activity_when_the_phrase_names_none(string noun, string description, string expected) =>
        Assert.Equal(expected, Choose("", false, Actor(noun, description)));

    [Fact]
    public void A_verb_in_the_phrase_wins_over_the_role_and_other_nouns_add_nothing()
    {
        Assert.Equal("wave", Choose("waves at the crowd", false, Actor("swimmer", "a swimmer")));
        Assert.Equal("idle", Choose("", false, Actor("teacher", "a teacher")));
        Assert.Equal("idle", Choose("", false, Actor("woman", "a woman")));
    }

    [Fact]
    public void An_old_person_walks_with_the_old_walk_but_still_runs_and_dances()
    {
        Assert.Equal("walk old", Choose("walks to the bench", true, Actor("man", "an old man")));
        Assert.Equal("walk old", Choose("strolls", true, Actor("woman", "a woman", "elderly")));
        Assert.Equal("walk", Choose("walks to the bench", true, Actor("man", "a young man")));
        Assert.Equal("run", Choose("runs", true, Actor("man", "an old man")));
        Assert.StartsWith("dance", Choose("dances", false, Actor("woman", "an old woman")));
    }

    [Fact]
    public void The_cache_key_follows_what_the_choice_reads_of_the_actor()
    {
        // Age changes the clip (the old walk), so it changes the key; a look that changes neither noun role nor age does not.
        Assert.NotEqual(MotionChooser.ActorKey(Actor("man", "an old man")), MotionChooser.ActorKey(Actor("boy", "a little boy")));
        Assert.NotEqual(MotionChooser.ActorKey(Actor("woman", "a woman", "elderly")), MotionChooser.ActorKey(Actor("woman", "a woman")));
        Assert.Equal(MotionChooser.ActorKey(Actor("robot", "a silver robot")), MotionChooser.ActorKey(Actor("warlock", "a warlock in a blue cloak")));
        Assert.NotEqual(MotionChooser.ActorKey(Actor("skier", "a skier")), MotionChooser.ActorKey(Actor("man", "a man")));
    }
}
