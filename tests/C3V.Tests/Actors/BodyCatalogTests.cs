using C3V.Actors;
using C3V.Direct;

namespace C3V.Tests.Actors;

public class BodyCatalogTests
{
    [Theory]
    [InlineData("a brown dog runs across a park", ActorKind.Quadruped, "dog")]
    [InlineData("two horses", ActorKind.Quadruped, "horse")]
    [InlineData("a girl with her dog", ActorKind.Human, "human")]
    [InlineData("penguins waddle", ActorKind.Bird, "penguin")]
    [InlineData("a red bus", ActorKind.Vehicle, "bus")]
    [InlineData("a german shepherd", ActorKind.Quadruped, "big dog")]
    [InlineData("a dragon", ActorKind.Creature, "dragon")]
    [InlineData("three wolves", ActorKind.Quadruped, "wolf")]
    public void First_body_noun_decides(string text, ActorKind kind, string build)
    {
        var b = BodyCatalog.Find(text)!;
        Assert.Equal(kind, b.Kind);
        Assert.Equal(build, b.Build);
    }

    [Fact]
    public void Sizes_are_real_and_ordered()
    {
        foreach (var b in BodyCatalog.All) Assert.True(b.MinHeight <= b.Height && b.Height <= b.MaxHeight, b.Noun);
        Assert.True(BodyCatalog.ForNoun("cat")!.Height < BodyCatalog.ForNoun("dog")!.Height);
        Assert.True(BodyCatalog.ForNoun("dog")!.Height < BodyCatalog.ForNoun("horse")!.Height);
        Assert.True(BodyCatalog.ForNoun("horse")!.Height < BodyCatalog.ForNoun("bus")!.Height + 0.5f);
        Assert.Null(BodyCatalog.ForNoun("teapot"));
    }

    [Fact]
    public void Annotation_kind_reads_the_plan_noun_then_the_category()
    {
        static ActorPlan Plan(string noun, string description, ActorCategory c) =>
            new() { Id = noun, Noun = noun, Description = description, Category = c, Motion = new MotionPlan { Description = "walk" } };
        Assert.Equal(ActorKind.Quadruped, ActorKinds.Of(Plan("dog", "a dog", ActorCategory.Animal)));
        Assert.Equal(ActorKind.Bird, ActorKinds.Of(Plan("eagle", "an eagle", ActorCategory.Animal)));
        Assert.Equal(ActorKind.Vehicle, ActorKinds.Of(Plan("car", "a red car", ActorCategory.Object)));
        Assert.Equal(ActorKind.Human, ActorKinds.Of(Plan("man", "a man", ActorCategory.Human)));
        Assert.Equal(ActorKind.Creature, ActorKinds.Of(Plan("zorblax", "a zorblax", ActorCategory.Creature)));
        Assert.Equal(BodyRig.Quadruped, ActorKinds.RigOf(Plan("gorilla", "a gorilla", ActorCategory.Animal)));
    }
}
