using C3V.Common;
using C3V.Direct;
using C3V.Models.Chat;
using C3V.Models.Chat.Replies;
using C3V.Models.Gguf;
using C3V.Tests.Direct;

namespace C3V.Tests.Models.Gguf;

/// <summary>
/// A GGUF model written here (<see cref="TinyLlama"/>) run through LLamaSharp's native llama.cpp on the CPU
/// for the decomposition and the placement steps, its sampler held to the grammar compiled from each
/// answer's schema.
/// </summary>
[Collection("Gguf")]
public class GgufEndToEndTests(TinyModel model)
{
    string ModelPath => model.Path;

    static readonly ChatDirectorOptions Options = new() { MaxOutputTokens = 1200 };

    [Fact]
    public async Task The_plan_comes_from_the_models_tokens_under_the_schema_grammar()
    {
        var transcript = new MemoryTranscript();
        var warnings = new List<string>();
        using var handle = DirectorFactory.Create($"gguf:{ModelPath},ctx=16384", transcript, warnings.Add, Options);
        var plan = await handle.Director.PlanAsync("an alien walks from the cabin door to the mower");

        Assert.DoesNotContain(warnings, w => w.Contains("rule parser"));
        var exchange = Assert.Single(transcript.Exchanges);
        Assert.StartsWith("accepted", exchange.Outcome);
        // the plan is what the model wrote: read the transcript's reply again and compare
        var written = ReplyReader.Read<PlanAnswer>(exchange.Response, false).Value!;
        Assert.Equal(written.Actors.Select(a => (a.Id, a.Description, a.Category)), plan.Actors.Select(a => (a.Id, a.Description, a.Category)));
        Assert.Equal(written.Scene.Description, plan.Scene.Description);
        Assert.NotEqual("alien", plan.Actors[0].Id); // random weights: not what the rule parser would say
        // the run's figures
        var usage = exchange.Usage!;
        Assert.True(usage["outputTokens"] > 10);
        Assert.True(usage["tokensPerSecond"] > 0);
        Assert.Equal(16384, usage["contextSize"]);
        Assert.Equal(usage["inputTokens"] + usage["outputTokens"], usage["contextUsed"]);
        Assert.True(usage.ContainsKey("modelLoadSeconds"));
    }

    [Fact]
    public async Task Every_placement_answer_parses_and_meets_its_schema_and_a_blind_model_gets_the_view_in_words()
    {
        var plan = PlanJson.ParsePlan("""
            {"version": 1, "prompt": "p", "scene": {"description": "a garden"}, "actors": [{"id": "alien", "description": "an alien",
             "category": "creature", "heightMeters": 1.6, "motion": {"description": "walking", "travels": true}}]}
            """, "plan");
        var (cam, depth, img) = GeometricPlannerTests.Scene();
        var request = new PlacementRequest
        {
            Plan = plan, Actor = plan.Actors[0], Reference = img, Depth = depth, Camera = cam,
            Landmarks = [ProjectedLandmark.Project("mower", [], new System.Numerics.Vector3(2.2f, 0, -2), cam)],
        };
        var transcript = new MemoryTranscript();
        var warnings = new List<string>();
        using var handle = DirectorFactory.Create($"gguf:{ModelPath},ctx=16384", transcript, warnings.Add, Options);
        var p = await handle.Director.PlaceAsync(request);

        Assert.Null(p.Problem());
        Assert.Equal(["scale", "start", "end", "waypoints"], transcript.Exchanges.Select(e => e.Stage.Split('/')[2]).Distinct());
        foreach (var e in transcript.Exchanges)
        {
            // the grammar leaves only the director's sense checks (left < right, sizes) to reject an answer
            Assert.DoesNotContain("not valid JSON", e.Outcome);
            Assert.DoesNotContain("cut off", e.Outcome);
            Assert.DoesNotMatch(@"rejected: \$", e.Outcome);
            Assert.False(string.IsNullOrWhiteSpace(e.Response));
        }
        // the scale's only check is its schema range: it is always the model's
        Assert.Equal(StepSource.Model, p.Answers[0].Source);
        Assert.InRange(p.Scale, 0.01, 1);
        Assert.Contains("You cannot see the image", transcript.Exchanges[0].Request[1].Parts[0].Text);
        Assert.Contains("The mower stands on the ground", transcript.Exchanges[0].Request[1].Parts[0].Text);
        Assert.Contains(warnings, w => w.Contains("described to it in words"));
        Assert.All(transcript.Exchanges[0].Request.SelectMany(m => m.Parts), part => Assert.Null(part.MediaType));
    }

    [Fact]
    public void A_mismatched_or_wrong_projector_is_a_clear_error()
    {
        string dir = Directory.CreateTempSubdirectory("c3v-mmproj").FullName;
        try
        {
            string wide = Path.Combine(dir, "wide.mmproj.gguf");
            new GgufWriter().Add("general.architecture", "clip").Add("clip.has_vision_encoder", true).Add("clip.vision.projection_dim", 4096u).Save(wide);
            var e = Assert.Throws<InvalidFileException>(() => DirectorFactory.Create($"gguf:{ModelPath},mmproj={wide}"));
            Assert.Contains("4096-wide embeddings", e.Message);
            Assert.Contains($"takes {TinyLlama.Embedding}", e.Message);

            e = Assert.Throws<InvalidFileException>(() => DirectorFactory.Create($"gguf:{ModelPath},mmproj={ModelPath}"));
            Assert.Contains("not a projector", e.Message);

            e = Assert.Throws<InvalidFileException>(() => DirectorFactory.Create($"gguf:{wide}"));
            Assert.Contains("this is a projector (mmproj), not a language model", e.Message);

            string junk = Path.Combine(dir, "junk.gguf");
            File.WriteAllText(junk, "not a model at all, just some text");
            e = Assert.Throws<InvalidFileException>(() => DirectorFactory.Create($"gguf:{junk}"));
            Assert.Contains("not a GGUF file", e.Message);

            var missing = Assert.ThrowsAny<C3VException>(() => DirectorFactory.Create($"gguf:{ModelPath},mmproj={dir}/none.gguf"));
            Assert.Contains("projector (mmproj) file not found", missing.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void TheTinyModelsFolder_IsGoneOnceTheFixtureIsDisposed()
    {
        var other = new TinyModel();
        Assert.True(new FileInfo(other.Path).Length > 10_000);
        other.Dispose();
        Assert.False(Directory.Exists(other.Folder));
    }
}
