using Microsoft.Playwright;

namespace C3V.Studio.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ViewerPageTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Mean per-channel variance of a screenshot's pixels: near 0 for a blank (one-colour) canvas.</summary>
    internal static double Variance(byte[] png)
    {
        using var bmp = SkiaSharp.SKBitmap.Decode(png);
        double sum = 0, sq = 0;
        long n = 0;
        for (int y = 0; y < bmp.Height; y += 2)
            for (int x = 0; x < bmp.Width; x += 2)
            {
                var c = bmp.GetPixel(x, y);
                foreach (var v in new double[] { c.Red, c.Green, c.Blue }) { sum += v; sq += v * v; n++; }
            }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    internal static double Difference(byte[] a, byte[] b)
    {
        using var x = SkiaSharp.SKBitmap.Decode(a);
        using var y = SkiaSharp.SKBitmap.Decode(b);
        double d = 0;
        long n = 0;
        for (int j = 0; j < Math.Min(x.Height, y.Height); j += 2)
            for (int i = 0; i < Math.Min(x.Width, y.Width); i += 2)
            {
                var p = x.GetPixel(i, j);
                var q = y.GetPixel(i, j);
                d += Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue);
                n += 3;
            }
        return d / n;
    }

    /// <summary>The 3D canvas's pixels as PNG, read from its drawing buffer (kept with preserveDrawingBuffer).</summary>
    internal static async Task<byte[]> CanvasPng(IPage page)
    {
        var url = await page.EvaluateAsync<string>("() => document.querySelector('[data-testid=viewer-canvas]').toDataURL('image/png')");
        return Convert.FromBase64String(url[(url.IndexOf(',') + 1)..]);
    }

    /// <summary>Waits until the viewer shows <paramref name="frame"/> and has finished drawing it.</summary>
    internal static async Task Settled(IPage page, int? frame = null)
    {
        var canvas = page.GetByTestId("viewer-canvas");
        if (frame is { } f) await Assertions.Expect(canvas).ToHaveAttributeAsync("data-frame", f.ToString(), new() { Timeout = 120_000 });
        await page.WaitForTimeoutAsync(100);
        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-idle", "true", new() { Timeout = 120_000 });
    }

    [SkippableFact]
    public async Task The_3d_view_draws_the_scene_and_the_actors_move_when_played_or_scrubbed_and_it_orbits()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Say(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
        // Half drawing resolution (the page's setting for slow machines): SwiftShader draws every pixel on the CPU.
        var page = await browser.PageAsync(BrowserFixture.Base, viewerScale: 0.5);
        Say($"page open (fixture: {browser.Timings})");
        var viewer = page.GetByTestId("viewer");
        await Assertions.Expect(viewer).ToHaveAttributeAsync("data-ready", "true", new() { Timeout = 60_000 });
        var canvas = page.GetByTestId("viewer-canvas");
        Say("viewer loaded: " + await page.GetByTestId("viewer-info").InnerTextAsync());
        await Settled(page, 0);
        Say("first frame drawn");
        var first = await CanvasPng(page);
        await File.WriteAllBytesAsync(BrowserFixture.Shot("viewer.png"), first);
        Assert.True(Variance(first) > 50, $"the 3D canvas is blank (pixel variance {Variance(first):0.0})");

        Assert.Contains("skinned on the GPU", await page.GetByTestId("viewer-info").InnerTextAsync());

        // Scrubbing poses the actors at another frame (on the GPU, from the rig); back at frame 0 the picture is the
        // first one again, so the change is the actors' motion, not noise of the drawing.
        await page.GetByTestId("timeline").FillAsync("15");
        await Settled(page, 15);
        Say("scrubbed");
        var scrubbed = await CanvasPng(page);
        await page.GetByTestId("timeline").FillAsync("0");
        await Settled(page, 0);
        var again = await CanvasPng(page);
        double moved = Difference(first, scrubbed), noise = Difference(first, again);
        Say($"scrub difference {moved:0.000}, same-frame difference {noise:0.000}");
        Assert.True(moved > Math.Max(0.05, 4 * noise), $"scrubbing the timeline did not move the actors (difference {moved:0.000}, same frame redrawn {noise:0.000})");

        // Playing advances the frames and the picture with them. Play and pause are clicked from inside the page:
        // while software GL draws, input sent from outside waits long for the page's thread.
        await page.EvaluateAsync(@"async () => {
            const canvas = document.querySelector('[data-testid=viewer-canvas]'), play = document.querySelector('[data-testid=play]');
            play.click();
            while (Number(canvas.dataset.frame) < 6) await new Promise(r => setTimeout(r, 20));
            play.click();
        }");
        await Settled(page);
        var played = await CanvasPng(page);
        int stopped = int.Parse((await canvas.GetAttributeAsync("data-frame"))!, System.Globalization.CultureInfo.InvariantCulture);
        Say($"played; paused at frame {stopped}");
        Assert.True(stopped >= 6, $"playing did not advance the frames (paused at {stopped})");
        Assert.True(Difference(first, played) > Math.Max(0.05, 4 * noise), $"playing to frame {stopped} did not move the actors ({Difference(first, played):0.000})");
        await page.GetByTestId("timeline").FillAsync("15");
        await Settled(page, 15);

        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 150, box.Y + box.Height / 2, new() { Steps = 3 });
        await page.Mouse.UpAsync();
        await Settled(page);
        Say("orbited");
        var orbited = await CanvasPng(page);
        await File.WriteAllBytesAsync(BrowserFixture.Shot("viewer-orbited.png"), orbited);
        Assert.True(Difference(scrubbed, orbited) > 1, $"orbiting changed nothing ({Difference(scrubbed, orbited):0.000})");

        await page.GetByTestId("render-camera").ClickAsync();
        await Settled(page);
        await File.WriteAllBytesAsync(BrowserFixture.Shot("viewer-render-camera.png"), await CanvasPng(page));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("project.png"), FullPage = true });
    }
}
