using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace C3V.Studio.Tests.Jobs;

/// <summary>A studio stopped in the middle of a job and started again over the same projects folder.</summary>
[Collection(StudioCollection.Name)]
public sealed class RestartTests(StudioFactory studio)
{
    /// <summary>A studio on a free loopback port over <paramref name="root"/> (serving the built front end <paramref name="web"/>), and a client for it.</summary>
    internal static async Task<(WebApplication App, HttpClient Http)> StartAsync(string root, string? web = null)
    {
        var app = StudioApp.Build(new StudioOptions { ProjectsRoot = root, Port = 0, WebRoot = web }, logging: _ => { });
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{new Uri(app.Urls.First()).Port}") });
    }

    /// <summary>A copy of a project folder (files only, as the tests' projects are).</summary>
    internal static void CopyProject(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }

    /// <summary>
    /// Copies <paramref name="project"/> into <paramref name="root"/> as "kept", starts a studio there, starts a render
    /// and stops the studio once the render is under way; returns the job's id.
    /// </summary>
    internal static async Task<string> StopDuringRenderAsync(string project, string root)
    {
        CopyProject(project, Path.Combine(root, "kept"));
        var (app, http) = await StartAsync(root);
        string id;
        using (http)
        {
            id = await StudioFactory.StartAsync(http, new { width = 320, height = 320, replace = true }, "/api/projects/kept/render");
            using var stream = await http.GetStreamAsync($"/api/jobs/{id}/events");
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync() is { } line && line != "event: started") { }
        }
        await app.StopAsync();
        await app.DisposeAsync();
        return id;
    }

    [Fact]
    public async Task A_job_running_when_the_studio_stops_is_listed_after_the_restart_from_the_projects_folder()
    {
        var root = Directory.CreateTempSubdirectory("c3v-restart-").FullName;
        try
        {
            var id = await StopDuringRenderAsync(Path.Combine(studio.ProjectsRoot, StudioFactory.Base), root);
            var (second, again) = await StartAsync(root);
            await using (second)
            using (again)
            {
                var job = (await again.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!;
                var state = job["state"]!.GetValue<string>();
                // Cut short (the usual case), or done if the render beat the stop: either way it is not lost.
                Assert.Contains(state, new[] { "interrupted", "done" });
                if (state == "interrupted") Assert.Contains("start it again", job["error"]!.GetValue<string>());
                var project = (await again.GetFromJsonAsync<JsonObject>("/api/projects/kept"))!;
                Assert.Equal(id, project["lastJob"]!["id"]!.GetValue<string>());
                Assert.Null(project["job"]);
                var events = await StudioFactory.EventsAsync(again, id);
                Assert.Contains(events, e => e.Type == "started");
                Assert.Equal(state, events[^1].Type);
                // The project is not stuck: a new job on it runs.
                var rerun = await StudioFactory.RunAsync(again, new { width = 64, height = 64 }, "/api/projects/kept/render");
                Assert.Equal("done", rerun["state"]!.GetValue<string>());
            }
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
