using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace C3V.Studio.Tests.Browser;

/// <summary>
/// The studio's measured figures (docs/studio.md), run on demand only — C3V_STUDIO_BENCH=1 — since they take minutes
/// and assert nothing about speed: how long the 4D scene of a 3-actor, 4 s clip takes to load into the page over
/// loopback, and the rate the page draws while playing it, in this machine's headless Chromium (software GL).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioBench(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output)
{
    const string Prompt = "a robot walks to the fountain while a woman dances and a dog runs across the square";
    const int Loads = 3;

    public sealed class Stats
    {
        public double SceneMs { get; set; }
        public double ActorsMs { get; set; }
        public double ReadyMs { get; set; }
        public double Fps { get; set; }
        public int Drawn { get; set; }
        public int Shown { get; set; }
    }

    sealed class Playback
    {
        public double Seconds { get; set; }
        public int Drawn { get; set; }
        public int Shown { get; set; }
    }

    [SkippableFact]
    public async Task Scene_load_time_and_playback_rate()
    {
        Skip.If(Environment.GetEnvironmentVariable("C3V_STUDIO_BENCH") != "1", "a benchmark: run with C3V_STUDIO_BENCH=1 (see docs/studio.md)");
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        void Say(string line) { output.WriteLine(line); Console.WriteLine(line); }

        // The clip: 3 actors, 4 s at 24 fps; a small draft video (the render is not what is measured).
        var job = await browser.Http.PostAsJsonAsync("/api/jobs", new { prompt = Prompt, name = "bench", width = 96, height = 96, duration = 4.0, fps = 24, quality = "draft" });
        var id = (await job.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var end = await browser.WaitAsync(id);
        Assert.True(end["state"]!.GetValue<string>() == "done", $"the bench clip was not generated: {end}");
        var plan = (await browser.Http.GetFromJsonAsync<JsonObject>("/api/projects/bench"))!["project"]!["plan"]!;
        Assert.Equal(3, plan["actors"]!.AsArray().Count);
        var view = (await browser.Http.GetFromJsonAsync<JsonObject>("/api/projects/bench/view"))!;
        int sceneSplats = view["sceneSplats"]!.GetValue<int>(), actorSplats = view["actorSplats"]!.GetValue<int>(), frames = view["frames"]!.GetValue<int>();
        int rigBytes = frames * view["actors"]!.AsArray().Count * view["rigFloats"]!.GetValue<int>() * 4;
        Say($"clip: \"{Prompt}\": {frames} frames, {sceneSplats:N0} scene splats ({sceneSplats * 32 / 1e6:0.0} MB as .splat), {actorSplats:N0} actor splats ({actorSplats * 40 / 1e6:0.00} MB with skins), rig {rigBytes / 1e6:0.00} MB");
        Say($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}; Chromium headless, WebGL on SwiftShader (no GPU)");

        // Load: a fresh page each time (the server's composed scene is cached after the first open).
        for (int run = 0; run < Loads; run++)
        {
            var page = await browser.PageAsync("bench", viewerScale: 0.5);
            await Assertions.Expect(page.GetByTestId("viewer")).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 300_000 });
            var s = await page.EvaluateAsync<Stats>("() => ({ ...Object.fromEntries(['sceneMs','actorsMs','readyMs','fps','drawn','shown'].map(k => [k, window.c3vViewer[k]])) })");
            Say(string.Create(CultureInfo.InvariantCulture,
                $"load {run + 1}: scene splats fetched and uploaded {s.SceneMs / 1000:0.00} s, with the actors (rest splats, skins, rig of {frames} frames) {s.ActorsMs / 1000:0.00} s; page ready {s.ReadyMs / 1000:0.00} s after navigation"));
            if (run < Loads - 1) { await page.CloseAsync(); continue; }

            // Playback: play, then count what the page drew over 8 s of its own clock (two passes of the clip).
            foreach (var scale in new[] { 0.5, 1.0 })
            {
                await page.GetByTestId("viewer-scale").SelectOptionAsync(scale.ToString(CultureInfo.InvariantCulture));
                // Play and pause are clicked from inside the page: while software GL draws, input sent from outside
                // waits long for the page's thread.
                var p = await page.EvaluateAsync<Playback>(@"async () => {
                    const v = window.c3vViewer, play = document.querySelector('[data-testid=play]');
                    play.click();
                    await new Promise(r => setTimeout(r, 1000));
                    const d0 = v.drawn, s0 = v.shown, t0 = performance.now();
                    await new Promise(r => setTimeout(r, 8000));
                    const result = { seconds: (performance.now() - t0) / 1000, drawn: v.drawn - d0, shown: v.shown - s0 };
                    play.click();
                    return result;
                }");
                int w = (int)(640 * scale), h = (int)(400 * scale);
                Say(string.Create(CultureInfo.InvariantCulture,
                    $"playback at {w}x{h}: {p.Drawn / p.Seconds:0.0} frames drawn/s, {p.Shown / p.Seconds:0.0} clip frames shown/s of the clip's 24 ({p.Drawn} draws in {p.Seconds:0.0} s)"));
            }
            await page.CloseAsync();
        }
    }

    static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
