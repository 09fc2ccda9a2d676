using System.Net.Http.Json;
using System.Text.Json.Nodes;
using C3V.Studio.Tests.Jobs;
using Microsoft.Playwright;

namespace C3V.Studio.Tests.Browser;

/// <summary>Jobs live in the server, not in the tab: a closed tab, a reload or a restart of the studio loses nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JobPageTests(BrowserFixture browser)
{
    static readonly LocatorAssertionsToHaveAttributeOptions Long = new() { Timeout = 120_000 };

    [SkippableFact]
    public async Task A_job_started_in_a_tab_that_is_closed_is_followed_again_on_reload()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var name = await browser.CopyAsync("tab-closed");
        var page = await browser.PageAsync(name, viewer: false);
        await page.GetByTestId("edit-kind").SelectOptionAsync("motion");
        await page.GetByTestId("edit-value").FillAsync("jumping");
        await page.GetByTestId("apply-edit").ClickAsync();
        var progress = page.GetByTestId("progress");
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-job", new System.Text.RegularExpressions.Regex("^[0-9a-f]{12}$"));
        var id = (await progress.GetAttributeAsync("data-job"))!;
        await page.CloseAsync();

        // The job ran on without the tab; a new tab on the project shows it (running or already ended) and its outcome.
        var again = await browser.PageAsync(name, viewer: false);
        var followed = again.GetByTestId("progress");
        await Assertions.Expect(followed).ToHaveAttributeAsync("data-job", id);
        await Assertions.Expect(followed).ToHaveAttributeAsync("data-state", "done", Long);
        await Assertions.Expect(again.GetByTestId("job-summary")).ToContainTextAsync("motion-robot");
        await again.ScreenshotAsync(new() { Path = BrowserFixture.Shot("job-reattached.png") });
        var job = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!;
        Assert.Equal("done", job["state"]!.GetValue<string>());
        await again.CloseAsync();
    }

    [SkippableFact]
    public async Task After_a_restart_of_the_studio_the_interrupted_job_is_shown_on_its_project()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var root = Directory.CreateTempSubdirectory("c3v-browser-restart-").FullName;
        try
        {
            var id = await RestartTests.StopDuringRenderAsync(Path.Combine(browser.ProjectsRoot, BrowserFixture.Base), root);
            var (app, http) = await RestartTests.StartAsync(root, browser.WebRoot);
            await using (app)
            using (http)
            {
                var page = await browser.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
                await page.AddInitScriptAsync("localStorage.setItem('c3v.viewer', 'off')");
                await page.GotoAsync(http.BaseAddress + "#kept");
                var progress = page.GetByTestId("progress");
                await Assertions.Expect(progress).ToHaveAttributeAsync("data-job", id);
                var state = (await http.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!["state"]!.GetValue<string>();
                await Assertions.Expect(progress).ToHaveAttributeAsync("data-state", state);
                // (On a loaded machine the render can finish before the stop; the page then shows it done, and the
                // screenshot of an interrupted job is not taken.)
                if (state == "interrupted")
                {
                    await Assertions.Expect(page.GetByTestId("job-status")).ToContainTextAsync("start it again");
                    await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("job-interrupted.png") });
                }
                await page.CloseAsync();
            }
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
