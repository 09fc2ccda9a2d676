using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace C3V.Studio.Tests.Browser;

/// <summary>What a browser can be tricked into (rebinding, a hostile page, traversal) is refused; bad input shows its error.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityPageTests(BrowserFixture browser)
{
    int Port => new Uri(browser.Address).Port;

    [SkippableFact]
    public async Task A_rebound_host_name_gets_a_refusal_not_the_studio()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var page = await browser.Browser.NewPageAsync();
        var res = await page.GotoAsync($"http://{BrowserFixture.RebindHost}:{Port}/api/projects");
        Assert.Equal(403, res!.Status);
        Assert.Contains("Host header", await page.ContentAsync());
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task A_hostile_pages_requests_are_refused()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var page = await browser.Browser.NewPageAsync();
        // A page of another site (served by the test through interception), trying to start a job and delete a project.
        await page.RouteAsync("http://evil.example/**", r => r.FulfillAsync(new() { ContentType = "text/html", Body = "<!doctype html><title>evil</title>" }));
        await page.GotoAsync("http://evil.example/");
        var outcome = await page.EvaluateAsync<string>(@"async (address) => {
            const results = [];
            for (const [method, path, body] of [['POST', '/api/jobs', '{""prompt"":""a hostile robot""}'], ['DELETE', '/api/projects/base?confirm=true', null]]) {
                try {
                    const r = await fetch(address + path, { method, body, headers: body ? { 'Content-Type': 'text/plain' } : {}, mode: 'no-cors' });
                    results.push(method + ':' + r.type);
                } catch (e) { results.push(method + ':blocked'); }
            }
            return results.join(',');
        }", browser.Address);
        Assert.NotNull(outcome);
        var jobs = (await browser.Http.GetFromJsonAsync<JsonArray>("/api/jobs"))!;
        Assert.DoesNotContain(jobs, j => j!["description"]!.GetValue<string>().Contains("hostile"));
        Assert.True((await browser.Http.GetAsync($"/api/projects/{BrowserFixture.Base}")).IsSuccessStatusCode, "the hostile page deleted the project");
        await page.CloseAsync();
    }

    [SkippableTheory]
    [InlineData("/api/projects/base/files/..%2F..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/projects/base/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/api/projects/base/files/renders/%252e%252e/project.json")]
    public async Task Traversal_from_the_address_bar_is_refused(string path)
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var page = await browser.Browser.NewPageAsync();
        var res = await page.GotoAsync(browser.Address + path);
        Assert.Contains(res!.Status, new[] { 403, 404 });
        var body = await page.ContentAsync();
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("\"prompt\"", body);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Bad_inputs_show_their_errors_on_the_page()
    {
        Skip.If(browser.SkipReason is not null, browser.SkipReason);
        var page = await browser.PageAsync(BrowserFixture.Base, viewer: false);
        // A height that is not a number: the message appears next to that field.
        var height = page.Locator("[data-field='actors[0].heightMeters']");
        await height.FillAsync("tall");
        await height.DispatchEventAsync("change");
        await page.GetByTestId("apply-plan").ClickAsync();
        var fieldError = page.Locator("[data-error-for='actors[0].heightMeters']");
        await Assertions.Expect(fieldError).ToContainTextAsync("expected a number");
        await Assertions.Expect(page.GetByTestId("plan-error")).ToContainTextAsync("actors[0].heightMeters");
        await page.GetByTestId("plan").ScreenshotAsync(new() { Path = BrowserFixture.Shot("plan-field-error.png") });

        // A pasted plan with 500 actors.
        var plan = (await browser.Http.GetFromJsonAsync<JsonObject>($"/api/projects/{BrowserFixture.Base}"))!["project"]!["plan"]!.DeepClone().AsObject();
        var one = plan["actors"]![0]!;
        plan["actors"] = new JsonArray(Enumerable.Range(0, 500).Select(i => { var a = one.DeepClone(); a["id"] = $"r{i}"; return (JsonNode)a; }).ToArray());
        await page.Locator("details summary", new() { HasText = "plan JSON" }).ClickAsync();
        await page.GetByTestId("plan-json").FillAsync(plan.ToJsonString());
        await page.GetByTestId("apply-plan-json").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-error")).ToContainTextAsync("500 actors");

        // A 1 MB prompt.
        await page.GetByTestId("prompt").FillAsync(new string('a', 1 << 20));
        await page.GetByTestId("generate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("generate-error")).ToContainTextAsync("1048576 characters");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.Shot("bad-input.png") });

        // A project removed behind the server's back.
        var gone = await browser.CopyAsync("gone");
        Directory.Delete(Path.Combine(browser.ProjectsRoot, gone), recursive: true);
        var page2 = await browser.PageAsync(gone, viewer: false);
        await Assertions.Expect(page2.GetByTestId("project-error")).ToContainTextAsync("does not exist");
        await page2.ScreenshotAsync(new() { Path = BrowserFixture.Shot("project-gone.png") });
    }
}
