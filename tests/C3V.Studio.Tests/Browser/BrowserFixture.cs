using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace C3V.Studio.Tests.Browser;

/// <summary>
/// The studio on a real loopback port with its built front end, a small generated project ("base": 160×160,
/// 2 s at 8 fps, draft) and headless Debian Chromium driven by Playwright (no browser download: the system's
/// /usr/bin/chromium; WebGL through SwiftShader). When Chromium, node or npm are missing, <see cref="SkipReason"/>
/// says which and the browser tests skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Base = "base";
    public string ProjectsRoot { get; } = Path.Combine(Path.GetTempPath(), $"c3v-browser-tests-{Guid.NewGuid():N}");
    public string? SkipReason { get; private set; }
    public string Address { get; private set; } = "";
    /// <summary>The built front end.</summary>
    public string? WebRoot { get; private set; }
    public HttpClient Http { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    WebApplication? _app;
    IPlaywright? _playwright;

    public static string Chromium => Environment.GetEnvironmentVariable("C3V_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    /// <summary>Seconds the fixture took to build the front end, generate the base project and start Chromium.</summary>
    public string Timings { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!File.Exists(Chromium)) { SkipReason = $"Chromium is not installed ({Chromium}; apt-get install chromium)"; return; }
        var web = FrontEnd.EnsureBuilt(FrontEnd.SourceFolder(), _ => { }, out var problem);
        if (web is null) { SkipReason = problem; return; }
        WebRoot = web;
        var built = clock.Elapsed.TotalSeconds;
        Directory.CreateDirectory(ProjectsRoot);
        _app = StudioApp.Build(new StudioOptions { ProjectsRoot = ProjectsRoot, Port = 0, WebRoot = web }, logging: _ => { });
        await _app.StartAsync();
        Address = $"http://127.0.0.1:{new Uri(_app.Urls.First()).Port}";
        Http = new HttpClient { BaseAddress = new Uri(Address) };
        var job = await Http.PostAsJsonAsync("/api/jobs", new { prompt = "a robot walks to the tree", name = Base, width = 160, height = 160, duration = 2.0, fps = 8, quality = "draft" });
        var id = (await job.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await WaitAsync(id);
        var generated = clock.Elapsed.TotalSeconds;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Software WebGL (no GPU here) and no background traffic (which fails noisily without a network).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                    // Names that resolve to this machine, as a DNS-rebinding attacker's would.
                    $"--host-resolver-rules=MAP {RebindHost} 127.0.0.1"],
        });
        Timings = $"front end {built:0.0} s, base project {generated - built:0.0} s, Chromium {clock.Elapsed.TotalSeconds - generated:0.0} s";
    }

    /// <summary>Waits for a job's end through its event stream; returns the job.</summary>
    public async Task<JsonObject> WaitAsync(string id)
    {
        using (var stream = await Http.GetStreamAsync($"/api/jobs/{id}/events"))
        using (var reader = new StreamReader(stream))
            while (await reader.ReadLineAsync() is not null) { }
        return (await Http.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!;
    }

    /// <summary>A foreign name the browser resolves to 127.0.0.1 (DNS rebinding).</summary>
    public const string RebindHost = "rebind.test";

    /// <param name="viewer">False: the page's 3D view stays off (the user's setting), for tests about other panels.</param>
    /// <param name="viewerScale">The 3D view's drawing resolution (1 full, 0.5 half…).</param>
    public async Task<IPage> PageAsync(string? project = null, bool viewer = true, double viewerScale = 1)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1600 } });
        if (!viewer) await page.AddInitScriptAsync("localStorage.setItem('c3v.viewer', 'off')");
        await page.AddInitScriptAsync($"localStorage.setItem('c3v.viewerScale', '{viewerScale.ToString(System.Globalization.CultureInfo.InvariantCulture)}')");
        await page.GotoAsync(Address + "/" + (project is null ? "" : "#" + project));
        return page;
    }

    /// <summary>A copy of the base project for a test that changes it.</summary>
    public async Task<string> CopyAsync(string name)
    {
        var res = await Http.PostAsJsonAsync($"/api/projects/{Base}/duplicate", new { name });
        res.EnsureSuccessStatusCode();
        return name;
    }

    /// <summary>
    /// Where the page screenshots go: a folder of the test output (bin/…/studio-shots), so a test run leaves the
    /// checkout clean; C3V_STUDIO_SHOTS names another folder (relative to the repository root), e.g. docs/studio
    /// to refresh the documentation's screenshots on purpose.
    /// </summary>
    public static string Shot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "studio-shots");
        if (Environment.GetEnvironmentVariable("C3V_STUDIO_SHOTS") is { Length: > 0 } chosen)
            folder = Path.IsPathRooted(chosen) ? chosen : Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), chosen);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "C3V.slnx"))) return dir.FullName;
        return null;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        Http?.Dispose();
        try { Directory.Delete(ProjectsRoot, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
