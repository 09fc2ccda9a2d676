using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace C3V.Studio.Tests;

/// <summary>
/// The studio in a test server (WebApplicationFactory) over a fresh projects folder holding one small generated
/// project ("base": 160×160, 1 s at 8 fps, draft), made through the API itself. Tests that change a project
/// duplicate "base" first.
/// </summary>
public sealed class StudioFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ProjectsRoot { get; } = Path.Combine(Path.GetTempPath(), $"c3v-studio-tests-{Guid.NewGuid():N}");
    public const string Base = "base";
    public const string BasePrompt = "a robot walks to the tree";
    /// <summary>The events of the base project's generation, as the SSE stream delivered them.</summary>
    public List<(string Type, JsonObject Data)> BaseEvents { get; private set; } = [];

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddSingleton(new StudioOptions { ProjectsRoot = ProjectsRoot }));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ProjectsRoot);
        var client = CreateClient();
        var job = await StartAsync(client, new { prompt = BasePrompt, name = Base, width = 160, height = 160, duration = 1.0, fps = 8, quality = "draft" });
        BaseEvents = await EventsAsync(client, job);
        var end = BaseEvents[^1];
        if (end.Type != "done") throw new InvalidOperationException($"the base project was not generated: {end.Data}");
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        try { Directory.Delete(ProjectsRoot, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    /// <summary>POSTs a job-starting request; returns the job id (fails the test on anything but 202).</summary>
    public static async Task<string> StartAsync(HttpClient client, object body, string path = "/api/jobs")
    {
        var res = await client.PostAsJsonAsync(path, body);
        var text = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == HttpStatusCode.Accepted, $"{path}: {(int)res.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>Reads a job's server-sent events to its end.</summary>
    public static async Task<List<(string Type, JsonObject Data)>> EventsAsync(HttpClient client, string job)
    {
        using var stream = await client.GetStreamAsync($"/api/jobs/{job}/events");
        using var reader = new StreamReader(stream);
        var events = new List<(string, JsonObject)>();
        string? type = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) events.Add((type!, JsonNode.Parse(line[6..])!.AsObject()));
        }
        return events;
    }

    /// <summary>Runs a job to its end and returns the job (state, summary).</summary>
    public static async Task<JsonObject> RunAsync(HttpClient client, object body, string path)
    {
        var id = await StartAsync(client, body, path);
        await EventsAsync(client, id);
        return (await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!;
    }

    /// <summary>A fresh copy of the base project for a test that changes it.</summary>
    public async Task<string> CopyOfBaseAsync(HttpClient client, string name)
    {
        var res = await client.PostAsJsonAsync($"/api/projects/{Base}/duplicate", new { name });
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
        return name;
    }

    public static IEnumerable<string> Names(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}

[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioFactory>
{
    public const string Name = "studio";
}
