using C3V.Batch;
using C3V.Common;
using C3V.Projects;

namespace C3V.Tests.Batch;

public class PromptFileTests
{
    static readonly GenerationSettings Defaults = new() { Width = 128, Height = 128, Quality = "draft", Seed = 7 };

    [Fact]
    public void TextAndJsonLines_BecomeJobsWithTheirOptions()
    {
        var r = PromptFile.Parse([
            "# a comment", "", "a robot dances on a stage",
            """{"prompt": "a dog runs", "seed": 3, "size": "64x32", "duration": 2.5, "camera": "Orbit", "fps": 12, "quality": "final", "llm": "rules"}""",
        ], "/tmp", Defaults);
        Assert.Empty(r.Problems);
        Assert.Equal(2, r.Jobs.Count);
        var (text, json) = (r.Jobs[0], r.Jobs[1]);
        Assert.Equal((3, "a robot dances on a stage", 7, 128), (text.Line, text.Prompt, text.Settings.Seed, text.Settings.Width));
        Assert.Equal(4, json.Line);
        Assert.Equal(new GenerationSettings { Seed = 3, Width = 64, Height = 32, DurationSeconds = 2.5, Camera = "orbit", Fps = 12, Quality = "final", Llm = "rules" }, json.Settings);
        Assert.StartsWith("dog-runs-", json.Id);
    }

    [Fact]
    public void BadLines_AreReportedByNumber_AndTheRestRun()
    {
        var r = PromptFile.Parse([
            "a cat sleeps",
            """{"prompt": "broken""",
            """{"prompt": "x", "sede": 3}""",
            """{"seed": 3}""",
            """{"prompt": "y", "fps": 500}""",
            """{"prompt": "z", "seed": "three"}""",
            "[1, 2]",
            "a bird flies",
        ], "/tmp", Defaults);
        Assert.Equal(["a cat sleeps", "[1, 2]", "a bird flies"], r.Jobs.Select(j => j.Prompt));
        Assert.Equal([2, 3, 4, 5, 6], r.Problems.Select(p => p.Line));
        Assert.Contains("not valid JSON", r.Problems[0].Message);
        Assert.Contains("unknown option \"sede\"", r.Problems[1].Message);
        Assert.Contains("no \"prompt\"", r.Problems[2].Message);
        Assert.StartsWith("fps: 500", r.Problems[3].Message);
        Assert.Contains("seed: expected a whole number", r.Problems[4].Message);
        // "[1, 2]" is not JSON-object syntax, so it is read as a (strange but valid) text prompt: nothing is lost silently.
        Assert.DoesNotContain(r.Problems, p => p.Line == 7);
    }

    [Fact]
    public void Variants_TakeSuccessiveSeeds_AndCamerasWhenAsked()
    {
        var r = PromptFile.Parse(["a robot dances"], "/tmp", Defaults, variants: 3, varyCamera: true);
        Assert.Equal([7, 8, 9], r.Jobs.Select(j => j.Settings.Seed));
        Assert.Equal(["static", "orbit", "dolly"], r.Jobs.Select(j => j.Settings.Camera));
        Assert.Equal(3, r.Jobs.Select(j => j.Id).Distinct().Count());
    }

    [Fact]
    public void Ids_AreStableAcrossReorderings_AndDuplicatesAreReported()
    {
        var a = PromptFile.Parse(["a robot dances", "a dog runs"], "/tmp", Defaults);
        var b = PromptFile.Parse(["a dog runs", "a robot dances", "a dog runs"], "/tmp", Defaults);
        Assert.Equal(a.Jobs.Select(j => j.Id).Order(), b.Jobs.Select(j => j.Id).Order());
        Assert.Equal(3, Assert.Single(b.Problems).Line);
        Assert.NotEqual(a.Jobs[0].Id, PromptFile.Parse(["a robot dances"], "/tmp", Defaults with { Seed = 8 }).Jobs[0].Id);
    }

    [Fact]
    public void MissingFileAndBadVariants_AreOneLineErrors()
    {
        Assert.Contains("no such file", Assert.Throws<C3VException>(() => PromptFile.Read("/nonexistent/p.txt", Defaults)).Message);
        Assert.Contains("--variants", Assert.Throws<C3VException>(() => PromptFile.Parse(["x"], "/tmp", Defaults, variants: 0)).Message);
    }
}
