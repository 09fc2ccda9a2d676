using C3V.Actors;
using C3V.Compose;
using C3V.Direct;

namespace C3V.Tests.Compose;

/// <summary>How fast a travel goes from its words (<see cref="Pace"/>), for a body that walks at 1.3 m/s.</summary>
public class PaceTests
{
    const float Walk = 1.3f, Clip = 1.1f;

    static float? Of(string phrase, MotionSpeed speed = MotionSpeed.Normal, float paceFactor = 1f) =>
        Pace.For(new MotionPlan { Description = phrase, Travels = true, Speed = speed }, Walk, Clip, paceFactor);

    [Fact]
    public void A_gait_verb_that_says_its_own_speed_is_not_slowed_or_hurried_twice()
    {
        // the rules director marks "ambles" slow and "bolts" fast from the verb itself: the gait ratio already says so
        Assert.Equal(0.7f * Walk, Of("ambling along the pier", MotionSpeed.Slow)!.Value, 3);
        Assert.Equal(1.5f * Walk, Of("rushing to the bus", MotionSpeed.Fast)!.Value, 3);
        Assert.Equal(3.5f * Walk, Of("dashes", MotionSpeed.Fast)!.Value, 3);
        // and the same words without the director's mark agree
        Assert.Equal(Of("ambling along the pier"), Of("ambling along the pier", MotionSpeed.Slow));
    }

    [Fact]
    public void A_manner_word_still_scales_a_gait_that_does_not_say_its_speed()
    {
        // "jogs slowly", "walks quickly": the speed came from the adverb
        Assert.Equal(1.9f * 0.7f * Walk, Of("jogging", MotionSpeed.Slow)!.Value, 3);
        Assert.Equal(1.4f * Walk, Of("walking", MotionSpeed.Fast)!.Value, 3);
        // a stroll said to be quick is quicker than a stroll
        Assert.True(Of("strolling", MotionSpeed.Fast) > Of("strolling", MotionSpeed.Slow));
    }

    [Fact]
    public void A_stroll_is_slower_than_a_walk_but_not_a_crawl()
    {
        float stroll = Of("strolls", MotionSpeed.Slow)!.Value;
        Assert.InRange(stroll, 0.8f, 1.0f);
        Assert.True(stroll < Of("walks")!.Value);
    }

    [Fact]
    public void An_old_body_walks_and_runs_slower_than_a_young_one()
    {
        Assert.Equal(0.75f * Walk, Of("walking", paceFactor: 0.75f)!.Value, 3);
        Assert.True(Of("running", paceFactor: 0.75f) < Of("running"));
        // a clip chosen for its body has its pace already
        Assert.Equal(0.7f * Clip, Of("swimming", MotionSpeed.Slow, paceFactor: 0.75f)!.Value, 3);
        Assert.Null(Of("swimming", paceFactor: 0.75f));
    }

    /// <summary>A four-legged body's pace for a phrase, at withers height <paramref name="withers"/> (the clips are made on a dog's).</summary>
    static float Animal(string phrase, float withers, MotionSpeed speed = MotionSpeed.Normal)
    {
        var gaits = ProceduralMotions.For(BodyRig.Quadruped);
        float leg = QuadrupedMotions.Reference.HipHeight * withers / QuadrupedBuilds.All["dog"].Withers;
        float walk = Pace.AtFroude(Pace.FourLeggedWalkFroude, leg);
        return Pace.For(new MotionPlan { Description = phrase, Travels = true, Speed = speed }, walk, walk, 1f, gaits)!.Value;
    }

    [Fact]
    public void Speeds_come_from_the_bodys_size_and_gait()
    {
        // published typical speeds: a horse gallops at 8–12 m/s, a running dog 8–15 (a greyhound's gallop here is slower:
        // the library's gallop is under five walks), a rabbit bounds at 3–6
        Assert.InRange(Animal("galloping", 1.6f), 8f, 13f);
        float greyhound = Animal("running", 0.7f), rabbit = Animal("running", 0.2f);
        Assert.InRange(greyhound, 5.5f, 15f);
        Assert.InRange(rabbit, 3f, 6f);
        Assert.True(greyhound > 1.5f * rabbit, $"greyhound {greyhound:0.0} m/s, rabbit {rabbit:0.0} m/s");
        // a horse walks at a walk, not at a dog's walk made three times as big and fast
        Assert.InRange(Animal("walking", 1.6f), 1.5f, 3f);
        // a person's run is under three walks, a four-legged run (a gallop) nearly five
        float person = Pace.For(new MotionPlan { Description = "running", Travels = true }, Walk, Clip, 1f, ProceduralMotions.For(BodyRig.Human))!.Value;
        Assert.InRange(person / Walk, 2.5f, 3.2f);
        // an old man walking slowly goes 0.6–0.9 m/s
        Assert.InRange(Of("walking", MotionSpeed.Slow, paceFactor: 0.75f)!.Value, 0.6f, 0.9f);
    }
}
