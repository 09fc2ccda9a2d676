using System.Text.Json.Nodes;
using C3V.Direct;
using C3V.Models.Chat;
using C3V.Tests.Direct;

namespace C3V.Tests.Models.Chat;

/// <summary>Replies as real models write them, served by the loopback chat server: each gives a valid plan or placement, or a clear fallback warning.</summary>
public class RealReplyTests
{
    static readonly ChatDirectorOptions Fast = new() { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(20) };

    const string Plan = """{"scene": {"description": "a garden"}, "actors": [{"id": "alien", "description": "an alien", "category": "creature", "heightMeters": 1.6, "motion": {"description": "walking", "travels": true}}]}""";

    static async Task<(ScenePlan Plan, MemoryTranscript Transcript, List<string> Warnings, FakeChatServer Server)> PlanWith(Action<FakeChatServer> serve, string provider = "openai")
    {
        var server = new FakeChatServer();
        serve(server);
        var transcript = new MemoryTranscript();
        var warnings = new List<string>();
        string spec = provider == "openai" ? $"openai:m@{server.OpenAIUrl}" : $"ollama:m@{server.OllamaUrl}";
        using var handle = DirectorFactory.Create(spec, transcript, warnings.Add, Fast);
        var plan = await handle.Director.PlanAsync("an alien walks in a garden");
        return (plan, transcript, warnings, server);
    }

    public static TheoryData<string, string> ReadableReplies() => new()
    {
        { "Here is the plan:\n```json\n" + Plan + "\n```\nLet me know if you need more.", "took the JSON from a ``` fence" },
        { "Sure! The decomposition is " + Plan + " — hope this helps.", "ignored text around the JSON object" },
        { "<think>The user wants an alien. {maybe} Let me think about the garden.</think>\n" + Plan, "dropped <think> reasoning" },
        { Plan.Replace("\"travels\": true}", "\"travels\": true, /* it walks */}").Replace("]}", "],\n// done\n}"), "allowed trailing commas and comments" },
    };

    [Theory]
    [MemberData(nameof(ReadableReplies))]
    public async Task Wrapped_replies_are_read_in_one_round_and_the_transcript_says_how(string reply, string note)
    {
        var (plan, transcript, warnings, server) = await PlanWith(s => s.Answer(reply));
        using (server)
        {
            Assert.Equal("alien", plan.Actors.Single().Id);
            Assert.Single(server.Requests);
            var e = Assert.Single(transcript.Exchanges);
            Assert.StartsWith("accepted (read leniently: ", e.Outcome);
            Assert.Contains(note, e.Outcome);
            Assert.Equal(reply, e.Response);
            Assert.Empty(warnings); // the form changed, not what the model said
        }
    }

    [Fact]
    public async Task A_reply_cut_at_the_token_limit_gets_a_repair_round_asking_for_a_shorter_answer()
    {
        var (plan, transcript, warnings, server) = await PlanWith(s => { s.AnswerCut(Plan[..90]); s.Answer(Plan); });
        using (server)
        {
            Assert.Equal("alien", plan.Actors.Single().Id);
            Assert.Contains("cut off at the output limit", transcript.Exchanges[0].Outcome);
            Assert.Equal("accepted", transcript.Exchanges[1].Outcome);
            Assert.Contains("answer more briefly", server.Requests[1].Body["messages"]!.AsArray()[^1]!["content"]!.ToJsonString());
            Assert.Empty(warnings);
        }
    }

    [Theory]
    [InlineData("", "the reply is empty")]
    [InlineData("I'm sorry, but I can't help with that request.", "the model declined to answer")]
    [InlineData("<think>Two actors? One? The garden is", "reasoning only")]
    [InlineData("The alien walks across the garden.", "holds no JSON object")]
    public async Task Replies_without_an_answer_are_repaired_once_then_fall_back_with_a_warning(string reply, string reason)
    {
        var (plan, transcript, warnings, server) = await PlanWith(s => s.Answer(reply, reply));
        using (server)
        {
            Assert.Equal(2, server.Requests.Count);
            Assert.All(transcript.Exchanges, e => Assert.Contains(reason, e.Outcome));
            Assert.Contains(reason, server.Requests[1].Body["messages"]!.AsArray()[^1]!["content"]!.ToJsonString().Replace("\\u0027", "'"));
            var w = Assert.Single(warnings);
            Assert.Contains("rule parser", w);
            Assert.Contains(reason, w);
            Assert.Equal("alien", plan.Actors.Single().Noun); // the rule parser's plan
        }
    }

    [Fact]
    public async Task A_refusal_then_an_answer_gives_the_models_plan()
    {
        var (plan, _, warnings, server) = await PlanWith(s => s.Answer("I cannot assist with that.", Plan));
        using (server)
        {
            Assert.Equal(1.6, plan.Actors.Single().HeightMeters);
            Assert.Empty(warnings);
        }
    }

    [Fact]
    public async Task Numbers_and_enums_in_other_spellings_are_read_and_reported()
    {
        string reply = Plan.Replace("1.6", "\"180 cm\"").Replace("\"creature\"", "\"Creature\"").Replace("\"travels\": true", "\"travels\": \"yes\"")
            .Replace("\"heightMeters\"", "\"height_meters\"");
        var (plan, transcript, warnings, server) = await PlanWith(s => s.Answer(reply));
        using (server)
        {
            var a = plan.Actors.Single();
            Assert.Equal(1.8, a.HeightMeters, 6);
            Assert.Equal(ActorCategory.Creature, a.Category);
            Assert.True(a.Motion.Travels);
            Assert.Contains("read the string \"180 cm\" as the number 1.8", transcript.Exchanges[0].Outcome);
            Assert.Contains(warnings, w => w.Contains("$.actors[0].heightMeters") && w.Contains("1.8"));
            Assert.Contains(warnings, w => w.Contains("'height_meters' as 'heightMeters'"));
        }
    }

    [Fact]
    public async Task Ids_that_do_not_match_the_plan_are_matched_when_unambiguous_else_repaired()
    {
        const string two = """
            {"scene": {"description": "a stage"}, "actors": [
              {"id": "robot", "description": "a robot", "category": "robot", "motion": {"description": "dancing"}},
              {"id": "robot", "description": "a robot", "category": "robot", "motion": {"description": "dancing"}},
              {"id": "woman", "description": "a woman", "category": "human", "motion": {"description": "waving"}, "target": "The Robot 2"}]}
            """;
        var (plan, _, warnings, server) = await PlanWith(s => s.Answer(two));
        using (server)
        {
            Assert.Equal(["robot-1", "robot-2", "woman"], plan.Actors.Select(a => a.Id));
            Assert.Equal("robot-2", plan.Actors[2].Target);
            Assert.Contains(warnings, w => w.Contains("renamed 'robot-2'"));
            Assert.Contains(warnings, w => w.Contains("'The Robot 2' is not an actor id; read as 'robot-2'"));
        }

        // "robot" could be either robot: not guessed; the repair round names the problem
        string ambiguous = two.Replace("The Robot 2", "ghost");
        var (plan2, transcript2, _, server2) = await PlanWith(s => s.Answer(ambiguous, ambiguous.Replace("\"ghost\"", "\"robot-1\"")));
        using (server2)
        {
            Assert.Contains("$.actors[2].target: 'ghost' is not another actor of the plan", transcript2.Exchanges[0].Outcome);
            Assert.Equal("robot-1", plan2.Actors[2].Target);
        }
    }

    [Fact]
    public async Task Servers_refusing_json_schema_get_json_object_then_instructions_and_the_mode_is_kept()
    {
        using var server = new FakeChatServer();
        server.Refuses.Add("json_schema");
        server.Refuses.Add("json_object");
        server.Answer(Plan, Plan);
        var transcript = new MemoryTranscript();
        using var handle = DirectorFactory.Create($"openai:m@{server.OpenAIUrl}", transcript, options: Fast);
        await handle.Director.PlanAsync("an alien walks");
        await handle.Director.PlanAsync("an alien walks");

        Assert.Equal(["json_schema", "json_object", null, null], server.Requests.Select(r => r.Body["response_format"]?["type"]?.GetValue<string>()));
        // without a response format the schema travels in the question
        Assert.Contains("following this JSON schema", server.Requests[2].Body["messages"]!.AsArray()[^1]!.ToJsonString());
        Assert.Contains("refuses the json_schema response format, asking again with json_object", transcript.Exchanges[0].Outcome);
        Assert.Contains("refuses the json_object response format", transcript.Exchanges[1].Outcome);
        Assert.Equal(["accepted", "accepted"], transcript.Exchanges.Skip(2).Select(e => e.Outcome));
    }

    [Fact]
    public async Task Ollama_gets_format_schema_and_falls_back_to_format_json()
    {
        var (plan, _, _, server) = await PlanWith(s => { s.Refuses.Add("json_schema"); s.Answer(Plan); }, "ollama");
        using (server)
        {
            Assert.Equal("alien", plan.Actors.Single().Id);
            Assert.IsType<JsonObject>(server.Requests[0].Body["format"]);
            Assert.Equal("json", server.Requests[1].Body["format"]!.GetValue<string>());
        }
    }

    static PlacementRequest Request()
    {
        var plan = PlanJson.ParsePlan(Plan.Replace("{\"scene\"", "{\"version\": 1, \"prompt\": \"p\", \"scene\""), "answer");
        var (cam, depth, img) = GeometricPlannerTests.Scene();
        return new PlacementRequest { Plan = plan, Actor = plan.Actors[0], Reference = img, Depth = depth, Camera = cam, Landmarks = [] };
    }

    [Fact]
    public async Task Boxes_as_xywh_objects_or_normalised_are_converted_to_pixels_and_reported()
    {
        using var server = new FakeChatServer();
        // the view is 192×144
        string waypoints = "{\"waypoints\": [" + string.Join(", ", Enumerable.Range(0, 20).Select(i => $"[{20 + i * 6.5}, 60, {32 + i * 6.5}, 100]")) + "]}";
        server.Answer("{\"scale\": \"0.28\"}", "{\"box\": {\"x\": 20, \"y\": 60, \"w\": 12, \"h\": 40}}", "{\"box\": [0.6771, 0.4167, 0.7396, 0.6944]}", waypoints);
        var transcript = new MemoryTranscript();
        var warnings = new List<string>();
        using var handle = DirectorFactory.Create($"openai:m@{server.OpenAIUrl}", transcript, warnings.Add, Fast);
        var p = await handle.Director.PlaceAsync(Request());

        Assert.All(p.Answers, a => Assert.Equal(StepSource.Model, a.Source));
        Assert.Equal(0.28, p.Scale);
        Assert.Equal(new PixelBox(20, 60, 32, 100), p.Start);
        Assert.Equal(130, p.End.Left, 0.5);
        Assert.Equal(60, p.End.Top, 0.5);
        Assert.Equal(100, p.End.Bottom, 0.5);
        Assert.Contains(p.Warnings, w => w.Contains("start answer") && w.Contains("{x, y, w, h}"));
        Assert.Contains(p.Warnings, w => w.Contains("end answer") && w.Contains("normalised to 0–1; scaled to the 192×144 image"));
        Assert.Contains("normalised", transcript.Exchanges[2].Outcome);
        Assert.Equal(p.Warnings.Count, warnings.Count);
    }
}
