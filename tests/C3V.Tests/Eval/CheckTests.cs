using System.Numerics;
using C3V.Annotations;
using C3V.Eval;
using static C3V.Tests.Eval.SyntheticVideo;

namespace C3V.Tests.Eval;

/// <summary>Every relation check on hand-made annotations: a case that must pass and one that must fail.</summary>
public sealed class CheckTests
{
    /// <summary>Scores one check (given as its JSON fields) against the video; returns its verdict.</summary>
    static CheckResult Run(VideoAnnotations ann, string check)
    {
        var set = EvalPromptSet.Parse("""{"format":"c3v-eval-prompts","version":1,"prompts":[{"id":"p","category":"c","prompt":"x","expect":{"checks":["""
            + check + "]}}]}");
        return Assert.Single(Scorer.Score(set.Prompts[0], ann).Checks);
    }

    static void PassesAndFails(VideoAnnotations ann, string passing, string failing)
    {
        var ok = Run(ann, passing);
        Assert.True(ok.Passed, $"{ok.Name} should pass: {ok.Detail}");
        var bad = Run(ann, failing);
        Assert.False(bad.Passed, $"{bad.Name} should fail: {bad.Detail}");
    }

    static readonly float Right = MathF.PI / 2, Left = -MathF.PI / 2;

    [Fact]
    public void LeftOf_AndRightOf_AreInTheCamerasView()
    {
        var ann = new SyntheticVideo().Actor("cat", "a cat", Still(-1.5f, 0)).Actor("dog", "a dog", Still(1.5f, 0)).Build();
        PassesAndFails(ann, """{"check":"left_of","a":"cat","b":"dog"}""", """{"check":"left_of","a":"dog","b":"cat"}""");
        PassesAndFails(ann, """{"check":"right_of","a":"dog","b":"cat"}""", """{"check":"right_of","a":"cat","b":"dog"}""");
    }

    [Fact]
    public void SideBySide_NeedsParallelPathsAcrossTheHeading()
    {
        var abreast = new SyntheticVideo()
            .Actor("robot-1", "a robot", Line(new(-2, 0), new(1.2f, 0))).Actor("robot-2", "a robot", Line(new(-2, 1), new(1.2f, 0))).Build();
        var single = new SyntheticVideo()
            .Actor("robot-1", "a robot", Line(new(-2, 0), new(1.2f, 0))).Actor("robot-2", "a robot", Line(new(-1, 0), new(1.2f, 0))).Build();
        var crossing = new SyntheticVideo()
            .Actor("robot-1", "a robot", Line(new(-2, 0), new(1.2f, 0))).Actor("robot-2", "a robot", Line(new(2, 1), new(-1.2f, 0))).Build();
        const string check = """{"check":"side_by_side","a":"robot","b":"robot"}""";
        Assert.True(Run(abreast, check).Passed, Run(abreast, check).Detail);
        Assert.False(Run(single, check).Passed, Run(single, check).Detail);
        Assert.False(Run(crossing, check).Passed, Run(crossing, check).Detail);
    }

    [Fact]
    public void Faces_AndFacesEachOther_UseTheFacingOnTheGround()
    {
        var ann = new SyntheticVideo()
            .Actor("boxer-1", "a boxer", Still(-0.6f, 0), _ => Right).Actor("boxer-2", "a boxer", Still(0.6f, 0), _ => Left)
            .Actor("ref", "a referee", Still(0, 2), _ => Right).Build();
        PassesAndFails(ann, """{"check":"faces","a":"boxer-1","b":"boxer-2"}""", """{"check":"faces","a":"referee","b":"boxer-1"}""");
        PassesAndFails(ann, """{"check":"faces_each_other","a":"boxer","b":"boxer"}""", """{"check":"faces_each_other","a":"referee","b":"boxer-2"}""");
    }

    [Fact]
    public void DistanceBetween_MostFramesOrTheEnd()
    {
        var ann = new SyntheticVideo().Actor("a", "a man", Still(0, 0)).Actor("b", "a woman", Line(new(3, 0), new(-0.6f, 0))).Build();
        // 3 m → 1.26 m over the clip: within 1–1.5 m only at the end
        PassesAndFails(ann, """{"check":"distance_between","a":"man","b":"woman","min":1,"max":1.5,"when":"end"}""",
            """{"check":"distance_between","a":"man","b":"woman","min":1,"max":1.5}""");
        PassesAndFails(ann, """{"check":"distance_between","a":"man","b":"woman","min":1.2}""", """{"check":"distance_between","a":"man","b":"woman","max":1}""");
    }

    [Fact]
    public void TravelsAndStays_MeasureTheFarthestPointFromTheStart()
    {
        var ann = new SyntheticVideo().Actor("walker", "a walker", Line(new(0, 0), new(0.8f, 0))).Actor("sitter", "a sitter", t => new(0.05f * MathF.Sin(t), 0)).Build();
        PassesAndFails(ann, """{"check":"travels","a":"walker"}""", """{"check":"travels","a":"sitter"}""");
        PassesAndFails(ann, """{"check":"stays","a":"sitter"}""", """{"check":"stays","a":"walker"}""");
        PassesAndFails(ann, """{"check":"travels","a":"walker","min":2}""", """{"check":"travels","a":"walker","min":3}""");
    }

    [Fact]
    public void MovesLeftAndRight_AreImageDirections()
    {
        var ann = new SyntheticVideo().Actor("a", "a horse", Line(new(2, 0), new(-1.2f, 0))).Build();
        PassesAndFails(ann, """{"check":"moves_left","a":"horse"}""", """{"check":"moves_right","a":"horse"}""");
    }

    [Fact]
    public void CameraDepth_TowardAndAway()
    {
        var ann = new SyntheticVideo().Actor("a", "a soldier", Line(new(0, -2), new(0, 1))).Build();
        PassesAndFails(ann, """{"check":"approaches_camera","a":"soldier"}""", """{"check":"moves_away_from_camera","a":"soldier"}""");
    }

    [Fact]
    public void Jumps_CountsAirbornePhases()
    {
        // two hops of 0.4 m, 0.4 s each, at 0.5 s and 1.8 s
        static float Feet(float t) => (t is >= 0.5f and < 0.9f) || (t is >= 1.8f and < 2.2f) ? 0.4f : 0.02f;
        var ann = new SyntheticVideo().Actor("a", "an astronaut", Still(0, 0), feet: Feet).Build();
        PassesAndFails(ann, """{"check":"jumps","a":"astronaut","n":2}""", """{"check":"jumps","a":"astronaut","n":1}""");
        PassesAndFails(ann, """{"check":"jumps","a":"astronaut","n":1,"at_least":true}""", """{"check":"jumps","a":"astronaut","n":3,"at_least":true}""");
        Assert.Equal(0, GeometryChecks.Airborne([0.02f, 0.03f, 0.05f, 0.02f], 1.75f));
    }

    [Fact]
    public void StartsMovingAfter_ComparesOnsets()
    {
        var ann = new SyntheticVideo()
            .Actor("dog", "a dog", t => new(t < 1.5f ? 0 : t - 1.5f, 0), segments: new MotionSegment("walks", "walk", 1.5, 3))
            .Actor("cat", "a cat", Line(new(0, 2), new(1, 0)), segments: new MotionSegment("runs", "run", 0, 3)).Build();
        PassesAndFails(ann, """{"check":"starts_moving_after","a":"dog","b":"cat"}""", """{"check":"starts_moving_after","a":"cat","b":"dog"}""");
    }

    [Fact]
    public void ActsBefore_BetweenActors_AndWithinOneActorsSegments()
    {
        var ann = new SyntheticVideo()
            .Actor("referee", "a referee", Still(0, 0), segments: new MotionSegment("blows the whistle", "wave", 0, 1))
            .Actor("woman", "a woman", Still(2, 0), segments: [new MotionSegment("stretches", "stretch", 1, 2), new MotionSegment("jogs away", "jog", 2, 3)]).Build();
        PassesAndFails(ann, """{"check":"acts_before","a":"referee","b":"woman"}""",
            """{"check":"acts_before","a":"woman","b":"referee"}""");
        PassesAndFails(ann, """{"check":"acts_before","a":"woman","first":"stretch","then":"jog"}""",
            """{"check":"acts_before","a":"woman","first":"jog","then":"stretch"}""");
    }

    [Fact]
    public void Faster_AndSlowerThan_UseMeanGroundSpeed()
    {
        var ann = new SyntheticVideo().Actor("man", "a man", Line(new(-3, 0), new(3, 0))).Actor("woman", "a woman", Line(new(-3, 1), new(0.8f, 0))).Build();
        PassesAndFails(ann, """{"check":"faster","a":"man","b":"woman"}""", """{"check":"faster","a":"woman","b":"man"}""");
        PassesAndFails(ann, """{"check":"slower_than","a":"woman","speed":1}""", """{"check":"slower_than","a":"man","speed":1}""");
    }

    [Fact]
    public void NearerCamera_Follows_Approaches()
    {
        var ann = new SyntheticVideo()
            .Actor("boy", "a boy", Line(new(-3, 0), new(1, 0))).Actor("father", "a father", Line(new(-1.5f, 0), new(1, 0)))
            .Actor("deer", "a deer", Still(0, -4)).Build();
        PassesAndFails(ann, """{"check":"nearer_camera","a":"boy","b":"deer"}""", """{"check":"nearer_camera","a":"deer","b":"boy"}""");
        PassesAndFails(ann, """{"check":"follows","a":"boy","b":"father"}""", """{"check":"follows","a":"father","b":"boy"}""");
        var meet = new SyntheticVideo().Actor("student", "a student", Line(new(-3, 0), new(0.8f, 0))).Actor("teacher", "a teacher", Still(0, 0)).Build();
        // the distance shrinks either way, but only the student walks toward the other
        PassesAndFails(meet, """{"check":"approaches","a":"student","b":"teacher"}""", """{"check":"approaches","a":"teacher","b":"student"}""");
    }

    [Fact]
    public void InARow_NeedsOneLineAndEvenGaps()
    {
        static VideoAnnotations Three(float z1, float x2) => new SyntheticVideo()
            .Actor("s1", "a student", Still(-2, 0)).Actor("s2", "a student", Still(x2, z1)).Actor("s3", "a student", Still(2, 0)).Build();
        const string check = """{"check":"in_a_row","a":"student"}""";
        Assert.True(Run(Three(0, 0), check).Passed, Run(Three(0, 0), check).Detail);
        Assert.False(Run(Three(1.5f, 0), check).Passed, "off the line");
        Assert.False(Run(Three(0, 1.7f), check).Passed, "uneven gaps");
    }

    [Fact]
    public void OneActorChecks_NeedEveryNamedActor_UnlessAny()
    {
        var ann = new SyntheticVideo().Actor("surfer-1", "a surfer", Line(new(0, 0), new(1, 0))).Actor("surfer-2", "a surfer", Still(0, 2)).Build();
        PassesAndFails(ann, """{"check":"travels","a":"surfer","any":true}""", """{"check":"travels","a":"surfer"}""");
        Assert.Contains("no actor 'pirate'", Run(ann, """{"check":"travels","a":"pirate"}""").Detail);
    }
}
