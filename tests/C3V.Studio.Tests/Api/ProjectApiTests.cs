using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace C3V.Studio.Tests.Api;

[Collection(StudioCollection.Name)]
public sealed class ProjectApiTests(StudioFactory studio)
{
    static async Task<JsonObject> Project(HttpClient c, string name) => (await c.GetFromJsonAsync<JsonObject>($"/api/projects/{name}"))!;

    [Fact]
    public async Task A_project_lists_and_opens_with_its_plan_placement_and_files()
    {
        var client = studio.CreateClient();
        var list = await client.GetFromJsonAsync<JsonArray>("/api/projects");
        Assert.Contains(list!, p => p!["name"]!.GetValue<string>() == StudioFactory.Base && p["prompt"]!.GetValue<string>() == StudioFactory.BasePrompt);
        var p = await Project(client, StudioFactory.Base);
        Assert.Equal("robot", p["project"]!["plan"]!["actors"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(20, p["project"]!["placement"]!["placements"]![0]!["waypoints"]!.AsArray().Count);
        var video = p["files"]!["video"]!.GetValue<string>();
        var file = await client.GetAsync($"/api/projects/{StudioFactory.Base}/files/{video}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.True((await file.Content.ReadAsByteArrayAsync()).Length > 1000);
        Assert.NotNull(p["files"]!["contactSheet"]);
        Assert.NotNull(p["files"]!["reference"]);
        Assert.Equal("renders/annotations.json", p["files"]!["annotations"]!.GetValue<string>());
    }

    [Fact]
    public async Task Files_are_served_with_ranges_for_video_seeking()
    {
        var client = studio.CreateClient();
        var video = (await Project(client, StudioFactory.Base))["files"]!["video"]!.GetValue<string>();
        using var req = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{StudioFactory.Base}/files/{video}");
        req.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(10, 19);
        var res = await client.SendAsync(req);
        Assert.Equal(HttpStatusCode.PartialContent, res.StatusCode);
        Assert.Equal(10, (await res.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task The_view_gives_cameras_paths_and_splats_of_the_composed_scene()
    {
        var client = studio.CreateClient();
        var view = (await client.GetFromJsonAsync<JsonObject>($"/api/projects/{StudioFactory.Base}/view"))!;
        int frames = view["frames"]!.GetValue<int>();
        Assert.Equal(8, frames);
        Assert.Equal(frames, view["renderCameras"]!.AsArray().Count);
        var actor = view["actors"]![0]!;
        Assert.Equal(frames, actor["path"]!.AsArray().Count);
        Assert.NotEmpty(actor["liftedPixels"]!.AsArray());
        var scene = await client.GetByteArrayAsync($"/api/projects/{StudioFactory.Base}/splats/scene.splat");
        Assert.Equal(32 * view["sceneSplats"]!.GetValue<int>(), scene.Length);
        var first = await client.GetByteArrayAsync($"/api/projects/{StudioFactory.Base}/splats/actors/0.splat");
        var last = await client.GetByteArrayAsync($"/api/projects/{StudioFactory.Base}/splats/actors/{frames - 1}.splat");
        Assert.Equal(32 * view["actorSplats"]!.GetValue<int>(), first.Length);
        Assert.False(first.AsSpan().SequenceEqual(last), "the actor moves between the first and last frame");
        var outside = await client.GetAsync($"/api/projects/{StudioFactory.Base}/splats/actors/{frames}.splat");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
    }

    [Fact]
    public async Task A_motion_swap_recomputes_only_motion_composition_and_render()
    {
        var client = studio.CreateClient();
        var name = await studio.CopyOfBaseAsync(client, "motion-swap");
        var job = await StudioFactory.RunAsync(client, new { actor = "robot", motion = "running" }, $"/api/projects/{name}/edit");
        Assert.Equal("done", job["state"]!.GetValue<string>());
        var recomputed = StudioFactory.Names(job["summary"]!["recomputed"]).Order().ToList();
        Assert.Equal(["composition", "motion-robot", "render"], recomputed);
        var reused = StudioFactory.Names(job["summary"]!["reused"]).ToList();
        Assert.Contains("scene", reused);
        Assert.Contains("actor-robot", reused);
        Assert.Contains("layout", reused);
        Assert.Equal("running", (await Project(client, name))["project"]!["plan"]!["actors"]![0]!["motion"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dragged_waypoint_is_lifted_refined_and_composed_again_and_moves_the_path()
    {
        var client = studio.CreateClient();
        var name = await studio.CopyOfBaseAsync(client, "drag");
        var before = (await client.GetFromJsonAsync<JsonObject>($"/api/projects/{name}/view"))!;
        var placement = (await Project(client, name))["project"]!["placement"]!["placements"]![0]!.AsObject();
        // Move the middle waypoints 30 px towards the left edge (kept inside the image).
        var wps = placement["waypoints"]!.AsArray();
        for (int i = 5; i < 15; i++)
        {
            var b = wps[i]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
            float dx = -Math.Min(30, b[0]);
            wps[i] = new JsonArray(b[0] + dx, b[1], b[2] + dx, b[3]);
        }
        var job = await StudioFactory.RunAsync(client, new JsonObject { ["placements"] = new JsonArray(placement.DeepClone()) }, $"/api/projects/{name}/placement");
        Assert.Equal("done", job["state"]!.GetValue<string>());
        var recomputed = StudioFactory.Names(job["summary"]!["recomputed"]).ToList();
        Assert.Contains("layout", recomputed);
        Assert.Contains("composition", recomputed);
        Assert.Contains("render", recomputed);
        Assert.Contains("scene", StudioFactory.Names(job["summary"]!["reused"]));
        var after = (await client.GetFromJsonAsync<JsonObject>($"/api/projects/{name}/view"))!;
        var p0 = before["actors"]![0]!["liftedPixels"]!.AsArray().Select(p => p![0]!.GetValue<float>()).ToList();
        var p1 = after["actors"]![0]!["liftedPixels"]!.AsArray().Select(p => p![0]!.GetValue<float>()).ToList();
        Assert.True(p1.Skip(5).Take(10).Average() < p0.Skip(5).Take(10).Average() - 5, $"the lifted path moved left ({p0.Skip(5).Take(10).Average():0.0} → {p1.Skip(5).Take(10).Average():0.0} px)");
        var saved = (await Project(client, name))["project"]!["placement"]!["placements"]![0]!;
        Assert.Equal("user", saved["producer"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"left\"", "waypoints")]
    [InlineData("null", "waypoints")]
    public async Task Non_numeric_waypoints_are_refused_naming_the_field(string bad, string field)
    {
        var client = studio.CreateClient();
        var placement = (await Project(client, StudioFactory.Base))["project"]!["placement"]!["placements"]![0]!.DeepClone().AsObject();
        placement["waypoints"]![3] = JsonNode.Parse($"[{bad}, 1, 2, 3]");
        var json = new JsonObject { ["placements"] = new JsonArray(placement) }.ToJsonString();
        var res = await client.PostAsync($"/api/projects/{StudioFactory.Base}/placement", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var error = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(field, error["error"]!.GetValue<string>());
        Assert.Contains("placements[0].waypoints", error["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_plan_edit_with_a_bad_field_is_refused_naming_it()
    {
        var client = studio.CreateClient();
        var plan = (await Project(client, StudioFactory.Base))["project"]!["plan"]!.DeepClone().AsObject();
        plan["actors"]![0]!["heightMeters"] = "tall";
        var res = await client.PostAsync($"/api/projects/{StudioFactory.Base}/plan", new StringContent(plan.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var error = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("actors[0].heightMeters", error["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_plan_with_500_actors_is_refused_with_a_clear_message()
    {
        var client = studio.CreateClient();
        var plan = (await Project(client, StudioFactory.Base))["project"]!["plan"]!.DeepClone().AsObject();
        var one = plan["actors"]![0]!;
        plan["actors"] = new JsonArray(Enumerable.Range(0, 500).Select(i => { var a = one.DeepClone(); a["id"] = $"robot-{i}"; return (JsonNode)a; }).ToArray());
        var res = await client.PostAsync($"/api/projects/{StudioFactory.Base}/plan", new StringContent(plan.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        var error = (await res.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("500 actors", error["error"]!.GetValue<string>());
        Assert.Equal("actors", error["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_applied_plan_edit_recomputes_what_depends_on_the_changed_field()
    {
        var client = studio.CreateClient();
        var name = await studio.CopyOfBaseAsync(client, "plan-edit");
        var plan = (await Project(client, name))["project"]!["plan"]!.DeepClone().AsObject();
        plan["actors"]![0]!["description"] = "a golden robot";
        var job = await StudioFactory.RunAsync(client, plan, $"/api/projects/{name}/plan");
        Assert.Equal("done", job["state"]!.GetValue<string>());
        var recomputed = StudioFactory.Names(job["summary"]!["recomputed"]).ToList();
        Assert.Contains("actor-robot", recomputed);
        Assert.DoesNotContain("scene", recomputed);
        Assert.DoesNotContain("place-robot", recomputed);
    }

    [Fact]
    public async Task Duplicate_and_delete_never_overwrite_and_delete_needs_confirmation()
    {
        var client = studio.CreateClient();
        var name = await studio.CopyOfBaseAsync(client, "to-delete");
        var again = await client.PostAsJsonAsync($"/api/projects/{StudioFactory.Base}/duplicate", new { name });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already exists", await again.Content.ReadAsStringAsync());
        var unconfirmed = await client.DeleteAsync($"/api/projects/{name}");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.True(Directory.Exists(Path.Combine(studio.ProjectsRoot, name)));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/projects/{name}?confirm=true")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(studio.ProjectsRoot, name)));
    }

    [Fact]
    public async Task A_project_removed_behind_the_servers_back_is_a_clear_404()
    {
        var client = studio.CreateClient();
        var name = await studio.CopyOfBaseAsync(client, "vanishing");
        Directory.Delete(Path.Combine(studio.ProjectsRoot, name), recursive: true);
        foreach (var url in new[] { $"/api/projects/{name}", $"/api/projects/{name}/view", $"/api/projects/{name}/files/renders/reference.png" })
        {
            var res = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
            Assert.Contains($"project '{name}' does not exist", (await res.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
        }
        var edit = await client.PostAsJsonAsync($"/api/projects/{name}/edit", new { motion = "dancing" });
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    [Fact]
    public async Task Transcripts_are_listed_verbatim()
    {
        var client = studio.CreateClient();
        var name = await studio.CopyOfBaseAsync(client, "transcripts");
        // The embedded director keeps no exchanges; a chat model's are files in transcripts/, shown as they are.
        const string exchange = "{\"role\": \"user\", \"content\": \"a robot walks to the tree\"}\n";
        File.WriteAllText(Path.Combine(studio.ProjectsRoot, name, "transcripts", "001-plan.jsonl"), exchange);
        var list = await client.GetFromJsonAsync<JsonArray>($"/api/projects/{name}/transcripts");
        var only = Assert.Single(list!);
        Assert.Equal("001-plan.jsonl", only!["name"]!.GetValue<string>());
        Assert.Equal(exchange, only["text"]!.GetValue<string>());
        Assert.Equal(["001-plan.jsonl"], StudioFactory.Names((await Project(client, name))["transcripts"]));
    }

    [Fact]
    public async Task Per_frame_splats_export_and_download_as_a_zip()
    {
        var client = studio.CreateClient();
        var name = await studio.CopyOfBaseAsync(client, "export");
        var job = await StudioFactory.RunAsync(client, new { format = "spz" }, $"/api/projects/{name}/export");
        Assert.Equal("done", job["state"]!.GetValue<string>());
        Assert.Equal("frames-spz.zip", (await Project(client, name))["files"]!["frames"]!.GetValue<string>());
        var zip = new System.IO.Compression.ZipArchive(await client.GetStreamAsync($"/api/projects/{name}/download/frames-spz.zip"));
        Assert.Equal(8, zip.Entries.Count);
        Assert.All(zip.Entries, e => Assert.EndsWith(".spz", e.Name));
    }

    [Fact]
    public async Task A_project_another_process_is_changing_is_409_for_every_writing_request_and_free_again_after()
    {
        var client = studio.CreateClient();
        var name = await studio.CopyOfBaseAsync(client, "held-elsewhere");
        var dir = Path.Combine(studio.ProjectsRoot, name);
        using (C3V.Projects.ProjectLock.Acquire(dir, "render-project"))
        {
            foreach (var (method, path, body) in new (string, string, object?)[]
            {
                ("POST", "edit", new { camera = "orbit" }), ("POST", "render", new { }), ("POST", "export", new { format = "ply" }),
                ("DELETE", "?confirm=true", null), ("POST", "duplicate", new { name = "held-copy" }),
            })
            {
                var url = path.StartsWith('?') ? $"/api/projects/{name}{path}" : $"/api/projects/{name}/{path}";
                var res = method == "DELETE" ? await client.DeleteAsync(url) : await client.PostAsJsonAsync(url, body);
                var text = await res.Content.ReadAsStringAsync();
                Assert.True(res.StatusCode == HttpStatusCode.Conflict, $"{method} {url}: {(int)res.StatusCode} {text}");
                Assert.Contains($"project is busy: render-project (pid {Environment.ProcessId})", JsonNode.Parse(text)!["error"]!.GetValue<string>());
            }
            Assert.True(Directory.Exists(dir));
            Assert.False(Directory.Exists(Path.Combine(studio.ProjectsRoot, "held-copy")));
        }
        var del = await client.DeleteAsync($"/api/projects/{name}?confirm=true");
        Assert.Equal(HttpStatusCode.NoContent, del.StatusCode);
    }
}
