using C3V.Actors;
using C3V.Annotations;
using C3V.Common;
using C3V.Eval;
using static C3V.Tests.Eval.SyntheticVideo;

namespace C3V.Tests.Eval;

/// <summary>The prompt file: the published sets load; bad files give one error naming the place; the plain expectations score.</summary>
public sealed class PromptSetTests
{
    static string File1(string expect, string extra = "") =>
        """{"format":"c3v-eval-prompts","version":1,""" + extra + """
        "prompts":[
          {"id":"a-1","category":"attribute binding","prompt":"a dog","expect":{}},
          {"id":"a-2","category":"attribute binding","prompt":"two cats","expect":
        """ + expect + "}]}";

    [Theory]
    [InlineData("dev-set.json", 80)]
    [InlineData("held-out.json", 20)]
    [InlineData("held-out-3.json", 48)]
    [InlineData("held-out-4.json", 48)]
    public void ThePublishedSets_Load_WithEveryCategory(string name, int atLeast)
    {
        var set = EvalPromptSet.Load(Path.Combine(SharedData.RepoRoot, "docs", "eval", name));
        Assert.True(set.Prompts.Count >= atLeast, $"{set.Prompts.Count} prompts");
        foreach (var category in new[] { "attribute binding", "spatial relations", "motion direction", "action binding", "object interactions",
                     "generative numeracy", "temporal order", "speed" })
            Assert.Contains(set.Prompts, p => p.Category == category);
        Assert.All(set.Prompts, p => Assert.True(p.Expect.Checks.Count + p.Expect.Motions.Count + p.Expect.Described.Count + p.Expect.Counts.Count > 0, p.Id));
    }

    [Theory]
    [InlineData("held-out.json")]
    [InlineData("held-out-3.json")]
    [InlineData("held-out-4.json")]
    public void AHeldOutSet_SharesNoPromptWithTheDevelopmentSet(string name)
    {
        var dev = EvalPromptSet.Load(Path.Combine(SharedData.RepoRoot, "docs", "eval", "dev-set.json"));
        var held = EvalPromptSet.Load(Path.Combine(SharedData.RepoRoot, "docs", "eval", name));
        Assert.Empty(dev.Prompts.Select(p => p.Prompt.ToLowerInvariant()).Intersect(held.Prompts.Select(p => p.Prompt.ToLowerInvariant())));
    }

    [Theory]
    [InlineData("""{"checks":[{"check":"left_off","a":"cat","b":"dog"}]}""", "$.prompts[1] (id a-2).expect.checks[0].check: 'left_off' is not a known check")]
    [InlineData("""{"checks":[{"check":"left_of","a":"cat"}]}""", "$.prompts[1] (id a-2).expect.checks[0].b: missing")]
    [InlineData("""{"checks":[{"check":"jumps","a":"cat"}]}""", "$.prompts[1] (id a-2).expect.checks[0].n: missing")]
    [InlineData("""{"checks":[{"check":"travels","a":"cat","b":"dog"}]}""", "$.prompts[1] (id a-2).expect.checks[0].b: unknown field")]
    [InlineData("""{"checks":[{"check":"acts_before","a":"cat"}]}""", "acts_before needs either b")]
    [InlineData("""{"checks":[{"check":"distance_between","a":"cat","b":"dog","min":3,"max":1}]}""", "min 3 is above max 1")]
    [InlineData("""{"kinds":["cat"]}""", "$.prompts[1] (id a-2).expect.kinds[0]: 'cat' is not one of human, quadruped")]
    [InlineData("""{"actor":2}""", "$.prompts[1] (id a-2).expect.actor: unknown field")]
    [InlineData("""{"actors":-1}""", "$.prompts[1] (id a-2).expect.actors: -1 is outside")]
    [InlineData("""{"motions":{"cat":[]}}""", "$.prompts[1] (id a-2).expect.motions.cat: the list is empty")]
    [InlineData("""{"scene":"beach"}""", "$.prompts[1] (id a-2).expect.scene: expected a list")]
    public void BadExpectations_NameThePromptAndTheField(string expect, string message)
    {
        var e = Assert.Throws<InvalidFileException>(() => EvalPromptSet.Parse(File1(expect), "set.json"));
        Assert.StartsWith("set.json: ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void BadFiles_NameTheLineOrTheField()
    {
        var syntax = Assert.Throws<InvalidFileException>(() => EvalPromptSet.Parse("{\"format\":\"c3v-eval-prompts\",\n\"version\":1,\n\"prompts\":[ {\"id\": } ]}", "s.json"));
        Assert.Contains("s.json: line 3", syntax.Message);
        Assert.Contains("$.format", Assert.Throws<InvalidFileException>(() => EvalPromptSet.Parse("""{"format":"x","version":1,"prompts":[]}""")).Message);
        Assert.Contains("$.prompts: the list is empty", Assert.Throws<InvalidFileException>(() => EvalPromptSet.Parse("""{"format":"c3v-eval-prompts","version":1,"prompts":[]}""")).Message);
        var dup = File1("{}").Replace("\"a-2\"", "\"a-1\"");
        Assert.Contains("$.prompts[1] (id a-1).id: used by an earlier prompt", Assert.Throws<InvalidFileException>(() => EvalPromptSet.Parse(dup)).Message);
        Assert.Contains("$.generation.fps: 0 is outside", Assert.Throws<InvalidFileException>(() => EvalPromptSet.Parse(File1("{}", "\"generation\":{\"fps\":0},"))).Message);
        Assert.Contains("$.prompts[0] (id a-1).prompt: empty", Assert.Throws<InvalidFileException>(() => EvalPromptSet.Parse(File1("{}").Replace("\"a dog\"", "\"  \""))).Message);
        Assert.Contains("file not found", Assert.Throws<InvalidFileException>(() => EvalPromptSet.Load("/nonexistent/set.json")).Message);
    }

    [Fact]
    public void PlainExpectations_CountKindsSceneDescriptionsAndMotions()
    {
        var ann = new SyntheticVideo { SceneLabel = "snowy_slope" }
            .Actor("girl", "a girl in a red dress", Still(-1, 0), segments: new MotionSegment("waves", "wave", 0, 3))
            .Actor("boy", "a boy in blue shorts", Line(new(2, 0), new(-0.5f, 0)), segments: new MotionSegment("runs toward her", "run", 0, 3))
            .Actor("dog", "a small dog", Still(0, 1), kind: ActorKind.Quadruped).Build();
        var set = EvalPromptSet.Parse("""
            {"format":"c3v-eval-prompts","version":1,"prompts":[{"id":"p","category":"c","prompt":"x","expect":{
              "actors":3, "kinds":["human","quadruped","human"], "scene":["snow","beach"],
              "described":["girl red dress","boy blue"], "counts":{"dog":1,"girl":1},
              "motions":{"girl":["wave"],"boy blue":["run","jog"]}}},
             {"id":"q","category":"c","prompt":"y","expect":{
              "actors":2, "kinds":["human","robot","human"], "scene":["beach"],
              "described":["girl red dress","girl red"], "counts":{"dog":2},
              "motions":{"girl":["dance"],"cat":["run"]}}}]}
            """);
        var good = Scorer.Score(set.Prompts[0], ann);
        Assert.True(good.Passed, string.Join("; ", good.Checks.Where(c => !c.Passed).Select(c => c.Name + ": " + c.Detail)));
        Assert.Equal(9, good.Checks.Count);
        var bad = Scorer.Score(set.Prompts[1], ann);
        // every one fails: 2 actors ≠ 3, kinds differ, scene, the one girl cannot be two described actors, 1 dog ≠ 2, she waves, no cat
        Assert.Equal(["actors = 2", "kinds [human, human, robot]", "scene ~ beach", "actor 'girl red'", "count 'dog' = 2", "motion 'girl' ~ dance", "motion 'cat' ~ run"],
            bad.Checks.Where(c => !c.Passed).Select(c => c.Name));
        Assert.False(bad.Passed);
    }

    [Fact]
    public void Report_TotalsByCategory()
    {
        var report = new EvalReport
        {
            PromptFile = "x.json", Director = "rules", Width = 64, Height = 64, Generation = new EvalGeneration(),
            Prompts =
            [
                new PromptScore("1", "speed", "a", [new CheckResult("x", true, "")]),
                new PromptScore("2", "speed", "b", [new CheckResult("x", true, ""), new CheckResult("y", false, "")]),
                new PromptScore("3", "order", "c", [], Error: "boom"),
            ],
        };
        var rows = report.ByCategory();
        Assert.Equal(["speed", "order", "total"], rows.Select(r => r.Category));
        Assert.Equal((2, 1, 3, 2), (rows[0].Prompts, rows[0].FullyRight, rows[0].Checks, rows[0].ChecksPassed));
        Assert.Equal((1, 0), (rows[1].Prompts, rows[1].FullyRight));
        Assert.Equal((3, 1), (rows[2].Prompts, rows[2].FullyRight));
        var json = report.ToJsonNode();
        Assert.Equal("boom", json["prompts"]![2]!["error"]!.GetValue<string>());
    }
}
