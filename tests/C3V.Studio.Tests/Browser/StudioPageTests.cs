using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace C3V.Studio.Tests.Browser;

/// <summary>The studio page in headless Chromium: generation with live progress, edits from the page, the video.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioPageTests(BrowserFixture browser)
{
    static readonly LocatorAssertionsToHaveAttributeOptions Long = new() { Timeout = 120_000 };

    [SkippableFact]
    public async Task Generating_from_the_prompt_shows_each_stage_as_it_progresses()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var page = await browser.PageAsync(viewer: false);
        await page.GetByTestId("prompt").FillAsync("a woman dances on a stage");
        await page.GetByTestId("size").FillAsync("128x128");
        await page.GetByTestId("fps").FillAsync("8");
        await page.GetByTestId("duration").FillAsync("1");
        await page.GetByTestId("quality").SelectOptionAsync("draft");
        await page.GetByTestId("generate").ClickAsync();
        // Stages appear one by one while the job runs, before it is done.
        await Assertions.Expect(page.Locator(".stage[data-stage=scene]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("progress.png"), FullPage = true });
        await Assertions.Expect(page.GetByTestId("progress")).ToHaveAttributeAsync("data-state", "done", Long);
        foreach (var stage in new[] { "direct", "scene", "actors", "place", "refine", "compose", "render" })
            await Assertions.Expect(page.Locator($".stage[data-stage={stage}]")).ToHaveAttributeAsync("data-state", "done");
        await Assertions.Expect(page.GetByTestId("job-summary")).ToContainTextAsync("Recomputed: plan, scene");
        await Assertions.Expect(page.GetByTestId("project-name")).ToHaveTextAsync("woman-dances-on-stage");
        await Assertions.Expect(page.GetByTestId("projects")).ToContainTextAsync("woman-dances-on-stage");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("generated.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task Dragging_a_waypoint_moves_the_path_in_the_next_render()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var name = await browser.CopyAsync("drag-ui");
        var before = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/projects/{name}/view"))!;
        var placement = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/projects/{name}"))!["project"]!["placement"]!["placements"]![0]!;
        var page = await browser.PageAsync(name, viewer: false);
        var canvas = page.GetByTestId("placement-canvas");
        await Assertions.Expect(canvas).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(300); // the reference image is drawn once loaded
        await canvas.ScreenshotAsync(new() { Path = BrowserFixture.Shot("placement.png") });
        var box = (await canvas.BoundingBoxAsync())!;
        float view = placement["viewWidth"]!.GetValue<float>();
        float zoom = (float)box.Width / view;
        // Waypoint 10's feet (bottom centre of its box), dragged 40 px of the image to the left.
        var wp = placement["waypoints"]![10]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        float fx = (wp[0] + wp[2]) / 2, fy = wp[3];
        await page.Mouse.MoveAsync(box.X + fx * zoom, box.Y + fy * zoom);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (fx - 40) * zoom, box.Y + fy * zoom, new() { Steps = 8 });
        await page.Mouse.UpAsync();
        await canvas.ScreenshotAsync(new() { Path = BrowserFixture.Shot("placement-dragged.png") });
        await page.GetByTestId("apply-placement").ClickAsync();
        await Assertions.Expect(page.GetByTestId("progress")).ToHaveAttributeAsync("data-state", "done", Long);
        var summary = page.GetByTestId("job-summary");
        await Assertions.Expect(summary).ToContainTextAsync("layout");
        await Assertions.Expect(summary).ToContainTextAsync("render");
        var after = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/projects/{name}/view"))!;
        // The path bends around the dragged waypoint: its lifted, refined neighbourhood moved left.
        double X(JsonObject v) => v["actors"]![0]!["liftedPixels"]!.AsArray().Skip(8).Take(5).Average(p => p![0]!.GetValue<double>());
        Assert.True(X(after) < X(before) - 8, $"the lifted path around waypoint 10 moved left ({X(before):0.0} → {X(after):0.0} px)");
        // The new render follows the new path: the actor's composed positions changed, and the render was redone.
        var pathBefore = before["actors"]![0]!["path"]!.ToJsonString();
        Assert.NotEqual(pathBefore, after["actors"]![0]!["path"]!.ToJsonString());
        var project = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/projects/{name}"))!;
        Assert.Contains("render", StudioFactoryNames(project["project"]!["history"]!.AsArray().Last()!["recomputed"]));
        await page.WaitForTimeoutAsync(300);
        // The element itself (scrolled into view): the panels above it grow once the job has run.
        await page.GetByTestId("placement-canvas").ScreenshotAsync(new() { Path = BrowserFixture.Shot("placement-applied.png") });
    }

    [SkippableFact]
    public async Task A_motion_swap_from_the_page_recomputes_only_motion_composition_and_render()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var name = await browser.CopyAsync("swap-ui");
        var page = await browser.PageAsync(name, viewer: false);
        await page.GetByTestId("edit-kind").SelectOptionAsync("motion");
        await page.GetByTestId("edit-value").FillAsync("running");
        await page.GetByTestId("apply-edit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("progress")).ToHaveAttributeAsync("data-state", "done", Long);
        var text = await page.GetByTestId("job-summary").InnerTextAsync();
        var recomputed = text[(text.IndexOf("Recomputed: ", StringComparison.Ordinal) + 12)..text.IndexOf(". Reused", StringComparison.Ordinal)].Split(", ").Order();
        Assert.Equal(["composition", "motion-robot", "render"], recomputed);
        await Assertions.Expect(page.Locator(".stage[data-stage=scene]")).ToHaveAttributeAsync("data-state", "reused");
        await Assertions.Expect(page.Locator(".stage[data-stage=refine]")).ToHaveAttributeAsync("data-state", "reused");
        // The new video's first frame shown, not the player's loading spinner.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=video]').readyState >= 2");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("motion-swap.png"), FullPage = false });
    }

    [SkippableFact]
    public async Task The_video_plays_for_about_the_clips_duration()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var project = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/projects/{BrowserFixture.Base}"))!;
        var video = project["files"]!["video"]!.GetValue<string>();
        Skip.If(!video.EndsWith(".mp4", StringComparison.Ordinal), "the video is not an MP4 (ffmpeg is not installed), so there is no <video> to play");
        var page = await browser.PageAsync(BrowserFixture.Base, viewer: false);
        var element = page.GetByTestId("video");
        await Assertions.Expect(element).ToBeVisibleAsync();
        // duration of the media, then a real playback from start to end measured by the page's clock.
        var result = await page.EvaluateAsync<Playback>(@"async () => {
            const v = document.querySelector('[data-testid=video]');
            v.loop = false; v.muted = true;
            if (v.readyState < 1) await new Promise(r => v.addEventListener('loadedmetadata', r, { once: true }));
            v.currentTime = 0;
            const t0 = performance.now();
            const ended = new Promise(r => v.addEventListener('ended', r, { once: true }));
            await v.play();
            await ended;
            return { duration: v.duration, elapsed: (performance.now() - t0) / 1000, width: v.videoWidth };
        }");
        double duration = result.Duration, elapsed = result.Elapsed;
        Assert.InRange(duration, 1.9, 2.1); // 16 frames at 8 fps
        Assert.Equal(160, result.Width);
        Assert.InRange(elapsed, 0.9 * duration, 3 * duration);
    }

    public sealed class Playback
    {
        public double Duration { get; set; }
        public double Elapsed { get; set; }
        public int Width { get; set; }
    }

    static IEnumerable<string> StudioFactoryNames(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());
}
