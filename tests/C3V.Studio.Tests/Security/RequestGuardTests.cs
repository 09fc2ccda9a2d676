using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace C3V.Studio.Tests.Security;

/// <summary>DNS rebinding (a foreign Host), cross-site pages (Origin, Sec-Fetch-Site) and path tricks are refused.</summary>
[Collection(StudioCollection.Name)]
public sealed class RequestGuardTests(StudioFactory studio)
{
    static async Task<(HttpStatusCode, string)> Send(HttpClient client, HttpMethod method, string url, Action<HttpRequestMessage>? setup = null)
    {
        using var req = new HttpRequestMessage(method, url);
        setup?.Invoke(req);
        var res = await client.SendAsync(req);
        return (res.StatusCode, await res.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.example")]
    public async Task A_foreign_host_name_is_refused(string host)
    {
        var (status, body) = await Send(studio.CreateClient(), HttpMethod.Get, "/api/projects", r => r.Headers.Host = host);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Host header", body);
    }

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("http://localhost:9999")]
    [InlineData("null")]
    public async Task A_request_from_another_sites_page_is_refused(string origin)
    {
        var client = studio.CreateClient();
        var (status, body) = await Send(client, HttpMethod.Post, "/api/jobs", r =>
        {
            r.Headers.Add("Origin", origin);
            r.Content = JsonContent.Create(new { prompt = "a robot dances" });
        });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("cross-site", body);
        Assert.DoesNotContain((await client.GetFromJsonAsync<JsonArray>("/api/jobs"))!, j => j!["description"]!.GetValue<string>().Contains("a robot dances"));
    }

    [Fact]
    public async Task Sec_fetch_site_cross_site_is_refused_and_the_servers_own_origin_allowed()
    {
        var client = studio.CreateClient();
        var (cross, _) = await Send(client, HttpMethod.Get, "/api/projects", r => r.Headers.Add("Sec-Fetch-Site", "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, cross);
        var (own, _) = await Send(client, HttpMethod.Get, "/api/projects", r => { r.Headers.Add("Origin", "http://localhost"); r.Headers.Add("Sec-Fetch-Site", "same-origin"); });
        Assert.Equal(HttpStatusCode.OK, own);
    }

    [Theory]
    [InlineData("/api/projects/base/files/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/projects/base/files/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/api/projects/base/files/renders/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/api/projects/base/files/%2Fetc%2Fpasswd")]
    [InlineData("/api/projects/base/files/renders%5C..%5C..%5Cproject.json")]
    [InlineData("/api/projects/base/files/renders/%252e%252e/project.json")]
    [InlineData("/api/projects/..%2Fbase/files/project.json")]
    [InlineData("/api/projects/%2e%2e/view")]
    [InlineData("/api/projects/.hidden/files/project.json")]
    public async Task Traversal_attempts_are_refused(string url)
    {
        var client = studio.CreateClient();
        var res = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseAddress!, url)));
        Assert.True(res.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {(int)res.StatusCode}");
        var body = await res.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("\"prompt\"", body);
    }

    [Fact]
    public async Task A_link_leading_out_of_the_projects_folder_is_refused()
    {
        var client = studio.CreateClient();
        var name = await studio.CopyOfBaseAsync(client, "linked");
        var outside = Path.Combine(Path.GetTempPath(), $"c3v-outside-{Guid.NewGuid():N}.txt");
        File.WriteAllText(outside, "secret");
        try
        {
            File.CreateSymbolicLink(Path.Combine(studio.ProjectsRoot, name, "renders", "leak.txt"), outside);
            var (status, body) = await Send(client, HttpMethod.Get, $"/api/projects/{name}/files/renders/leak.txt");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.DoesNotContain("secret", body);
            // A project folder that is itself a link out is refused too.
            var elsewhere = Path.Combine(Path.GetTempPath(), $"c3v-elsewhere-{Guid.NewGuid():N}");
            Directory.CreateDirectory(elsewhere);
            File.WriteAllText(Path.Combine(elsewhere, "project.json"), "{}");
            Directory.CreateSymbolicLink(Path.Combine(studio.ProjectsRoot, "outlink"), elsewhere);
            var (linkStatus, _) = await Send(client, HttpMethod.Get, "/api/projects/outlink/files/project.json");
            Assert.Equal(HttpStatusCode.Forbidden, linkStatus);
            Directory.Delete(Path.Combine(studio.ProjectsRoot, "outlink"));
            Directory.Delete(elsewhere, recursive: true);
        }
        finally { File.Delete(outside); }
    }

    [Fact]
    public async Task A_project_holding_a_link_out_is_not_written_through()
    {
        var client = studio.CreateClient();
        var name = await studio.CopyOfBaseAsync(client, "renders-linked-out");
        var outside = Directory.CreateTempSubdirectory("c3v-outside-").FullName;
        try
        {
            // The project's renders/ swapped for a link to a folder elsewhere: a render would write there.
            var renders = Path.Combine(studio.ProjectsRoot, name, "renders");
            Directory.Delete(renders, recursive: true);
            Directory.CreateSymbolicLink(renders, outside);
            foreach (var (path, body) in new[] { ("render", "{}"), ("export", "{}"), ("edit", "{\"motion\": \"dancing\"}") })
            {
                var res = await client.PostAsync($"/api/projects/{name}/{path}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
                Assert.Contains("link leading outside", await res.Content.ReadAsStringAsync());
            }
            Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        }
        finally { Directory.Delete(outside, recursive: true); }
    }
}
