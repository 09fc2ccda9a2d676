using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace C3V.Studio.Tests.Api;

[Collection(StudioCollection.Name)]
public sealed class JobApiTests(StudioFactory studio)
{
    [Fact]
    public void Generation_streams_every_stage_as_it_starts_and_finishes()
    {
        var events = studio.BaseEvents;
        Assert.Equal("queued", events[0].Type);
        var finished = events.Where(e => e.Type == "finished").Select(e => e.Data["stage"]!.GetValue<string>()).ToList();
        Assert.Equal(["direct", "scene", "actors", "place", "refine", "compose", "render"], finished);
        Assert.Contains(events, e => e.Type == "progress" && e.Data["stage"]!.GetValue<string>() == "render" && e.Data["total"]!.GetValue<int>() == 8);
        Assert.Equal("done", events[^1].Type);
        // Sequence numbers let a reconnecting page resume: strictly increasing.
        var seqs = events.Select(e => e.Data["seq"]!.GetValue<int>()).ToList();
        Assert.True(seqs.Zip(seqs.Skip(1)).All(p => p.Second > p.First));
    }

    [Fact]
    public async Task A_reconnecting_page_gets_only_the_events_after_the_last_it_saw()
    {
        var client = studio.CreateClient();
        var jobs = await client.GetFromJsonAsync<JsonArray>("/api/jobs");
        var baseJob = jobs!.First(j => j!["project"]!.GetValue<string>() == StudioFactory.Base && j["kind"]!.GetValue<string>() == "generate")!["id"]!.GetValue<string>();
        var all = await StudioFactory.EventsAsync(client, baseJob);
        using var req = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{baseJob}/events");
        req.Headers.Add("Last-Event-ID", all[^3].Data["seq"]!.ToString());
        var res = await client.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(text, "^event: ", System.Text.RegularExpressions.RegexOptions.Multiline).Count);
    }

    [Fact]
    public async Task A_second_job_on_a_busy_project_is_refused_and_other_projects_queue_with_a_position()
    {
        var client = studio.CreateClient();
        var a = await studio.CopyOfBaseAsync(client, "queue-a");
        var b = await studio.CopyOfBaseAsync(client, "queue-b");
        var first = await StudioFactory.StartAsync(client, new { width = 96, height = 96 }, $"/api/projects/{a}/render");
        var second = await StudioFactory.StartAsync(client, new { width = 96, height = 96 }, $"/api/projects/{b}/render");
        var again = await client.PostAsJsonAsync($"/api/projects/{a}/render", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("busy", (await again.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
        var waiting = (await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{second}"))!;
        if (waiting["state"]!.GetValue<string>() == "queued") Assert.True(waiting["position"]!.GetValue<int>() >= 1);
        // Cancelling a waiting or running job ends it with "cancelled" (or it finished first: "done").
        await client.DeleteAsync($"/api/jobs/{second}");
        var end = await StudioFactory.EventsAsync(client, second);
        Assert.Contains(end[^1].Type, new[] { "cancelled", "done" });
        Assert.Equal("done", (await StudioFactory.EventsAsync(client, first))[^1].Type);
    }

    [Fact]
    public async Task A_waiting_jobs_place_in_the_queue_is_updated_as_the_jobs_ahead_start()
    {
        var client = studio.CreateClient();
        var names = new[] { "place-a", "place-b", "place-c" };
        foreach (var n in names) await studio.CopyOfBaseAsync(client, n);
        var ids = new List<string>();
        foreach (var n in names) ids.Add(await StudioFactory.StartAsync(client, new { width = 64, height = 64 }, $"/api/projects/{n}/render"));
        var last = await StudioFactory.EventsAsync(client, ids[^1]);
        Assert.Equal("done", last[^1].Type);
        // Every place the last job was told while it waited, up to the moment it ran: never going back, ending at 1.
        var places = last.TakeWhile(e => e.Type != "running").Where(e => e.Type is "queued" or "position")
            .Select(e => e.Data["position"]!.GetValue<int>()).ToList();
        Assert.True(places.Count >= 1 && places[^1] == 1, $"places told: {string.Join(", ", places)}");
        Assert.True(places.Zip(places.Skip(1)).All(p => p.Second < p.First), $"places told: {string.Join(", ", places)}");
        foreach (var id in ids[..^1]) await StudioFactory.EventsAsync(client, id);
    }

    [Fact]
    public async Task A_queued_job_cancelled_before_it_runs_ends_cancelled_at_once()
    {
        var client = studio.CreateClient();
        var a = await studio.CopyOfBaseAsync(client, "cancel-a");
        var b = await studio.CopyOfBaseAsync(client, "cancel-b");
        var running = await StudioFactory.StartAsync(client, new { width = 128, height = 128 }, $"/api/projects/{a}/render");
        var waiting = await StudioFactory.StartAsync(client, new { width = 128, height = 128 }, $"/api/projects/{b}/render");
        var info = (await (await client.DeleteAsync($"/api/jobs/{waiting}")).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(info["state"]!.GetValue<string>(), new[] { "cancelled", "running", "done" });
        Assert.Contains((await StudioFactory.EventsAsync(client, waiting))[^1].Type, new[] { "cancelled", "done" });
        await StudioFactory.EventsAsync(client, running);
    }

    [Fact]
    public async Task A_one_megabyte_prompt_is_refused_with_a_clear_message()
    {
        var client = studio.CreateClient();
        var res = await client.PostAsJsonAsync("/api/jobs", new { prompt = new string('a', 1 << 20) });
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var error = (await res.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>();
        Assert.Contains("1048576 characters", error);
    }

    [Theory]
    [InlineData("{\"prompt\": \"a robot dances\", \"width\": \"wide\"}", "$.width")]
    [InlineData("{\"prompt\": \"a robot dances\", \"colour\": 3}", "colour")]
    [InlineData("{\"prompt\": \"a robot dances\", \"camera\": \"sideways\"}", "sideways")]
    [InlineData("{\"prompt\": \"a robot dances\", \"width\": 100000}", "--size")]
    [InlineData("not json", "$")]
    [InlineData("{\"prompt\": \"  \"}", "empty")]
    public async Task Bad_generation_requests_name_what_is_wrong(string body, string expected)
    {
        var client = studio.CreateClient();
        var res = await client.PostAsync("/api/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Contains(expected, (await res.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_description_lists_the_api()
    {
        var doc = await studio.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        var paths = doc!["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var p in new[] { "/api/jobs", "/api/jobs/{id}/events", "/api/projects/{name}/plan", "/api/projects/{name}/placement", "/api/projects/{name}/edit", "/api/projects/{name}/view" })
            Assert.Contains(p, paths);
    }

    [Fact]
    public async Task An_unknown_job_or_endpoint_is_a_json_404()
    {
        var client = studio.CreateClient();
        var res = await client.GetAsync("/api/jobs/nope");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.Contains("no job", (await res.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/nothing-here")).StatusCode);
    }
}
