using System.Text.Json.Nodes;
using C3V.Common;
using C3V.Direct;
using C3V.Models.Chat;

namespace C3V.Tests.Direct;

public class ChatDirectorTests
{
    static readonly ChatDirectorOptions Fast = new() { MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10), RequestTimeout = TimeSpan.FromSeconds(20) };

    const string PlanJsonAnswer = """
        {"scene": {"description": "a garden", "landmarks": ["cabin door", "mower"]},
         "actors": [{"id": "alien", "description": "an alien", "category": "creature", "heightMeters": 1.6,
                     "motion": {"description": "walking", "travels": true},
                     "start": {"landmark": "cabin door"}, "end": {"landmark": "mower", "region": "bottom-right"}}]}
        """;

    static PlacementRequest Request(ScenePlan plan)
    {
        var (cam, depth, img) = GeometricPlannerTests.Scene();
        return new PlacementRequest
        {
            Plan = plan, Actor = plan.Actors[0], Reference = img, Depth = depth, Camera = cam,
            Landmarks =
            [
                ProjectedLandmark.Project("cabin door", ["door"], new System.Numerics.Vector3(-2.5f, 0, 2), cam),
                ProjectedLandmark.Project("mower", [], new System.Numerics.Vector3(2.2f, 0, -2), cam),
            ],
        };
    }

    static string Waypoints(int n, float x0, float x1) => "{\"waypoints\": [" + string.Join(", ", Enumerable.Range(0, n).Select(i =>
    {
        float x = x0 + (x1 - x0) * i / (n - 1);
        return $"[{x:0.#}, 60, {x + 12:0.#}, 100]";
    })) + "]}";

    static byte[] Png(string dataUrl)
    {
        Assert.StartsWith("data:image/png;base64,", dataUrl);
        var bytes = Convert.FromBase64String(dataUrl["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        return bytes;
    }

    [Fact]
    public async Task OpenAI_plan_sends_the_schema_and_model_and_returns_the_validated_plan()
    {
        using var server = new FakeChatServer();
        server.Answer(PlanJsonAnswer);
        var transcript = new MemoryTranscript();
        using var handle = DirectorFactory.Create($"openai:test-model@{server.OpenAIUrl}", transcript, options: Fast);
        var plan = await handle.Director.PlanAsync("an alien walks from the cabin door to the mower");
        Assert.Equal("a garden", plan.Scene.Description);
        Assert.Equal(ActorCategory.Creature, plan.Actors[0].Category);
        Assert.Equal("an alien walks from the cabin door to the mower", plan.Prompt);

        var (path, body) = server.Requests.Single();
        Assert.Equal("/v1/chat/completions", path);
        Assert.Equal("test-model", body["model"]!.GetValue<string>());
        Assert.Equal("json_schema", body["response_format"]!["type"]!.GetValue<string>());
        var schema = body["response_format"]!["json_schema"]!["schema"]!;
        Assert.NotNull(schema["properties"]!["actors"]);
        var exchange = Assert.Single(transcript.Exchanges);
        Assert.Equal("plan", exchange.Stage);
        Assert.Equal("accepted", exchange.Outcome);
        Assert.Equal(PlanJsonAnswer, exchange.Response);
    }

    [Fact]
    public async Task OpenAI_placement_asks_four_steps_with_the_image_attached()
    {
        using var server = new FakeChatServer();
        server.Answer("{\"scale\": 0.3}", "{\"box\": [20, 60, 32, 100]}", "{\"box\": [150, 80, 170, 130]}", Waypoints(20, 20, 150).Replace("[150, 60, 162, 100]", "[150, 80, 170, 130]"));
        var transcript = new MemoryTranscript();
        using var handle = DirectorFactory.Create($"openai:test-model@{server.OpenAIUrl}", transcript, options: Fast);
        var plan = PlanJson.ParsePlan(PlanJsonAnswer.Replace("{\"scene\"", "{\"version\": 1, \"prompt\": \"p\", \"scene\""), "answer");
        var p = await handle.Director.PlaceAsync(Request(plan));

        Assert.Equal("openai:test-model", p.Producer);
        Assert.Equal(0.3, p.Scale);
        Assert.Equal(new PixelBox(20, 60, 32, 100), p.Start);
        Assert.Equal(new PixelBox(150, 80, 170, 130), p.End);
        Assert.Equal(20, p.Waypoints.Count);
        Assert.All(p.Answers, a => Assert.Equal(StepSource.Model, a.Source));
        Assert.Equal("{\"scale\": 0.3}", p.Answers[0].Raw);
        Assert.Empty(p.Warnings);

        Assert.Equal(4, server.Requests.Count);
        // the first request carries the rendered view as a base64 PNG image part, and every step its own schema
        var first = server.Requests[0].Body;
        var parts = first["messages"]!.AsArray().SelectMany(m => m!["content"] is JsonArray a ? a : []).ToList();
        var image = parts.Single(x => x!["type"]!.GetValue<string>() == "image_url");
        var png = Png(image!["image_url"]!["url"]!.GetValue<string>());
        var decoded = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal((192, 144), (decoded.Width, decoded.Height));
        Assert.Contains("scale", first["response_format"]!["json_schema"]!["schema"]!["properties"]!.AsObject().Select(kv => kv.Key));
        Assert.Contains("waypoints", server.Requests[3].Body["response_format"]!["json_schema"]!["schema"]!["properties"]!.AsObject().Select(kv => kv.Key));
        // the conversation carries the earlier answers
        Assert.Contains("\"box\": [150, 80, 170, 130]", server.Requests[3].Body["messages"]!.ToJsonString().Replace("\\u0022", "\""));
        Assert.Equal(["place/alien/scale", "place/alien/start", "place/alien/end", "place/alien/waypoints"], transcript.Exchanges.Select(e => e.Stage));
    }

    [Fact]
    public async Task Malformed_answers_get_one_repair_round_then_the_planner_answers_that_step()
    {
        using var server = new FakeChatServer();
        server.Answer(
            "I think the alien is about a third of the image.", "{\"scale\": \"big\"}", // scale: bad twice → planner
            "{\"box\": [20, 60, 900, 100]}", "{\"box\": [20, 60, 32, 100]}",             // start: outside, then repaired
            "{\"box\": [150, 80, 170, 130]}",
            "{\"waypoints\": [[1, 2, 3, 4]]}", "{\"waypoints\": []}");                  // waypoints: bad twice → planner
        var transcript = new MemoryTranscript();
        var warnings = new List<string>();
        using var handle = DirectorFactory.Create($"openai:test-model@{server.OpenAIUrl}", transcript, warnings.Add, Fast);
        var plan = PlanJson.ParsePlan(PlanJsonAnswer.Replace("{\"scene\"", "{\"version\": 1, \"prompt\": \"p\", \"scene\""), "answer");
        var p = await handle.Director.PlaceAsync(Request(plan));

        Assert.Equal([StepSource.PlannerFallback, StepSource.ModelRepaired, StepSource.Model, StepSource.PlannerFallback], p.Answers.Select(a => a.Source));
        Assert.Equal(new PixelBox(20, 60, 32, 100), p.Start);
        Assert.Equal(20, p.Waypoints.Count);
        Assert.Null(p.Problem());
        Assert.Equal(2, warnings.Count);
        Assert.Contains("scale step for 'alien' invalidly twice", warnings[0]);
        Assert.Equal(2, p.Warnings.Count(w => w.Contains("invalidly twice")));
        // the repair request quotes the validation error
        string repair = server.Requests[3].Body["messages"]!.AsArray()[^1]!["content"]!.ToJsonString();
        Assert.Contains("That answer is not valid", repair);
        Assert.Contains("[20, 60, 900, 100] is not inside the 192", repair);
        Assert.Equal(7, transcript.Exchanges.Count);
        Assert.StartsWith("rejected: the reply holds no JSON object", transcript.Exchanges[0].Outcome);
        Assert.Equal("place/alien/scale/repair", transcript.Exchanges[1].Stage);
        Assert.Contains("$.scale: expected a number", transcript.Exchanges[1].Outcome);
    }

    [Fact]
    public async Task Ollama_plan_and_placement_use_format_schema_and_base64_images()
    {
        using var server = new FakeChatServer();
        server.Answer(PlanJsonAnswer, "{\"scale\": 0.25}", "{\"box\": [20, 60, 32, 100]}", "{\"box\": [150, 60, 162, 100]}", Waypoints(20, 20, 150));
        var transcript = new MemoryTranscript();
        using var handle = DirectorFactory.Create($"ollama:qwen-test@{server.OllamaUrl}", transcript, options: Fast);
        var plan = await handle.Director.PlanAsync("an alien walks to the mower");
        var p = await handle.Director.PlaceAsync(Request(plan));
        Assert.All(transcript.Exchanges, e => Assert.Equal("accepted", e.Outcome));
        Assert.Equal("ollama:qwen-test", p.Producer);
        Assert.Equal(0.25, p.Scale);

        var (path, body) = server.Requests[1];
        Assert.Equal("/api/chat", path);
        Assert.Equal("qwen-test", body["model"]!.GetValue<string>());
        Assert.Equal("object", body["format"]!["type"]!.GetValue<string>());
        Assert.NotNull(body["format"]!["properties"]!["scale"]);
        var images = body["messages"]!.AsArray().Where(m => m!["images"] is JsonArray).SelectMany(m => m!["images"]!.AsArray()).ToList();
        var png = Png("data:image/png;base64," + Assert.Single(images)!.GetValue<string>());
        Assert.True(png.Length > 100);
        Assert.NotNull(server.Requests[0].Body["format"]!["properties"]!["actors"]);
    }

    [Fact]
    public async Task Invalid_plans_fall_back_to_the_rule_parser_with_a_warning()
    {
        using var server = new FakeChatServer();
        server.Answer("{\"scene\": {\"description\": \"x\"}, \"actors\": []}", "{\"scene\": {\"description\": \"x\"}}");
        var warnings = new List<string>();
        using var handle = DirectorFactory.Create($"openai:m@{server.OpenAIUrl}", null, warnings.Add, Fast);
        var plan = await handle.Director.PlanAsync("a robot dances on a stage");
        Assert.Equal("robot", plan.Actors.Single().Id);
        Assert.Contains("rule parser", Assert.Single(warnings));
        Assert.Contains("$.actors: needs at least 1 item(s)", server.Requests[1].Body.ToJsonString().Replace("\\u0027", "'"));
    }

    [Fact]
    public async Task Transient_server_errors_are_retried()
    {
        using var server = new FakeChatServer();
        server.Fail(503);
        server.Answer(PlanJsonAnswer);
        using var handle = DirectorFactory.Create($"openai:m@{server.OpenAIUrl}", options: Fast);
        var plan = await handle.Director.PlanAsync("an alien walks");
        Assert.Equal("alien", plan.Actors[0].Id);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_is_down_gives_one_error_naming_the_endpoint()
    {
        int port;
        using (var s = new FakeChatServer()) port = s.Port; // now closed
        var transcript = new MemoryTranscript();
        using var handle = DirectorFactory.Create($"openai:m@http://127.0.0.1:{port}/v1", transcript, options: Fast);
        var e = await Assert.ThrowsAsync<C3VException>(() => handle.Director.PlanAsync("a robot dances"));
        Assert.Contains($"http://127.0.0.1:{port}/v1", e.Message);
        Assert.Contains("cannot be reached", e.Message);
        Assert.StartsWith("failed:", Assert.Single(transcript.Exchanges).Outcome);

        using var ollama = DirectorFactory.Create($"ollama:m@http://127.0.0.1:{port}", options: Fast);
        e = await Assert.ThrowsAsync<C3VException>(() => ollama.Director.PlanAsync("a robot dances"));
        Assert.Contains($"http://127.0.0.1:{port}/", e.Message);
    }

    [Fact]
    public async Task Cancellation_stops_a_request()
    {
        using var server = new FakeChatServer(); // no answers queued: it would answer 500 and be retried
        using var handle = DirectorFactory.Create($"openai:m@{server.OpenAIUrl}", options: Fast with { MaxRetries = 5, RetryDelay = TimeSpan.FromSeconds(5) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handle.Director.PlanAsync("a robot dances", cts.Token));
    }

    [Fact]
    public void Folder_transcripts_keep_exchanges_and_images_verbatim()
    {
        string dir = Directory.CreateTempSubdirectory("c3v-transcript").FullName;
        try
        {
            var sink = new FolderTranscript(dir);
            var png = new C3V.Output.Image(4, 4).EncodePng();
            sink.Record(new DirectorExchange
            {
                Stage = "place/alien/scale", Model = "m", Endpoint = "http://x", Response = "{\"scale\": 0.3}", Outcome = "accepted",
                Request = [new ExchangeMessage("user", [new ExchangePart { MediaType = "image/png", Data = png }, new ExchangePart { Text = "Step 1" }])],
            });
            Assert.Equal(png, File.ReadAllBytes(Path.Combine(dir, "001-place_alien_scale-1.png")));
            string json = File.ReadAllText(Path.Combine(dir, "001-place_alien_scale.json"));
            Assert.Contains("\"file\": \"001-place_alien_scale-1.png\"", json);
            Assert.Contains("{\\u0022scale\\u0022: 0.3}", json);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("openai:gpt-4o@ftp://x", "is not an http(s) URL")]
    [InlineData("ollama:", "the model name is missing")]
    [InlineData("gguf:/nonexistent/model.gguf", "model file not found")]
    [InlineData("claude", "expected PROVIDER:MODEL")]
    public void Bad_llm_specs_are_named(string spec, string expected)
    {
        var e = Assert.ThrowsAny<C3VException>(() => ChatModelSpec.Parse(spec));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Llm_specs_parse()
    {
        Assert.Equal(new ChatModelSpec(ChatProvider.Ollama, "qwen2.5vl", ChatModelSpec.DefaultOllamaEndpoint, null), ChatModelSpec.Parse("ollama:qwen2.5vl"));
        var o = ChatModelSpec.Parse("openai:llava@http://127.0.0.1:8080/v1");
        Assert.Equal((ChatProvider.OpenAI, "llava", "http://127.0.0.1:8080/v1"), (o.Provider, o.Model, o.Endpoint!.ToString()));
        Assert.Equal(ChatProvider.Rules, ChatModelSpec.Parse("rules").Provider);
    }
}
