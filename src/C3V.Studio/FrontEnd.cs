using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace C3V.Studio;

/// <summary>
/// The browser front end (web/: TypeScript, Vite, three, Spark): found in the source tree, built with npm on
/// first use (and again when its sources change), and served from this server only — no CDN.
/// </summary>
public static class FrontEnd
{
    /// <summary>The web/ folder of the source tree this build came from, or null.</summary>
    public static string? SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "C3V.Studio", "web");
            if (File.Exists(Path.Combine(dir.FullName, "C3V.slnx")) && File.Exists(Path.Combine(web, "package.json"))) return web;
        }
        return null;
    }

    /// <summary>
    /// Makes sure web/dist is built from the current sources: runs <c>npm ci</c> (when node_modules is missing) and
    /// <c>npm run build</c>. Returns the dist folder, or null with <paramref name="problem"/> saying plainly what is missing.
    /// </summary>
    public static string? EnsureBuilt(string? web, Action<string> say, out string? problem)
    {
        problem = null;
        if (web is null) { problem = "the front end's sources (src/C3V.Studio/web) were not found beside this build"; return null; }
        var dist = Path.Combine(web, "dist");
        var stampFile = Path.Combine(dist, ".stamp");
        var stamp = SourceStamp(web);
        if (File.Exists(Path.Combine(dist, "index.html")) && File.Exists(stampFile) && File.ReadAllText(stampFile).Trim() == stamp) return dist;
        var missing = new[] { "node", "npm" }.Where(t => Which(t) is null).ToList();
        if (missing.Count > 0)
        {
            problem = $"the studio's front end is not built and {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not installed " +
                      "(install Node.js 20+ with npm, e.g. apt-get install nodejs npm, then run c3v serve again); the JSON API works without it";
            return File.Exists(Path.Combine(dist, "index.html")) ? dist : null;
        }
        say("building the studio's front end (npm, once until its sources change)…");
        if (!Directory.Exists(Path.Combine(web, "node_modules")) && Run("npm", "ci --no-audit --no-fund", web) is { } ciError)
        {
            problem = $"npm ci failed in {web}: {ciError}";
            return null;
        }
        if (Run("npm", "run build", web) is { } buildError)
        {
            problem = $"the front end's build failed in {web}: {buildError}";
            return null;
        }
        File.WriteAllText(stampFile, stamp);
        return dist;
    }

    /// <summary>A hash of the front end's sources and package files (not node_modules, not dist).</summary>
    static string SourceStamp(string web)
    {
        var files = new[] { "package.json", "package-lock.json", "index.html", "tsconfig.json", "vite.config.ts" }.Select(f => Path.Combine(web, f)).Where(File.Exists)
            .Concat(Directory.Exists(Path.Combine(web, "src")) ? Directory.EnumerateFiles(Path.Combine(web, "src"), "*", SearchOption.AllDirectories) : [])
            .Order(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(web, f)));
            sha.AppendData(File.ReadAllBytes(f));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    static string? Which(string tool) => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);

    /// <summary>Runs a tool; null when it succeeded, else the end of its output.</summary>
    static string? Run(string tool, string args, string cwd)
    {
        var psi = new ProcessStartInfo(tool, args) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode == 0) return null;
        var text = (stdout.Result + stderr.Result).Trim();
        return text.Length > 1500 ? "…" + text[^1500..] : text;
    }

    /// <summary>Serves a file of the built front end (index.html for the page itself), confined to the dist folder.</summary>
    public static IResult Serve(StudioOptions options, string? path)
    {
        if (!string.IsNullOrEmpty(path) && (path.StartsWith("api/", StringComparison.Ordinal) || path == "api"))
            return Results.Json(new ApiError($"no such API endpoint /{path} (see /openapi/v1.json)"), statusCode: 404);
        if (options.WebRoot is not { } root || !File.Exists(Path.Combine(root, "index.html")))
            return Results.Content($"<!doctype html><meta charset=utf-8><title>C3V studio</title><h1>C3V studio</h1><p>The front end is not available: {System.Net.WebUtility.HtmlEncode(options.WebProblem ?? "it is not built")}.</p><p>The JSON API is at <a href=\"/openapi/v1.json\">/openapi/v1.json</a>.</p>",
                "text/html; charset=utf-8", statusCode: string.IsNullOrEmpty(path) ? 503 : 404);
        // The page itself at "/", its built assets by name; anything else is not the front end's (the page routes by #hash).
        var full = Path.GetFullPath(Path.Combine(root, string.IsNullOrEmpty(path) ? "index.html" : path));
        if (!full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            return Results.Json(new ApiError($"nothing at /{path} (the studio is at /, its API under /api, described at /openapi/v1.json)"), statusCode: 404);
        var type = Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".html" => "text/html; charset=utf-8", ".js" => "text/javascript", ".css" => "text/css", ".wasm" => "application/wasm",
            ".svg" => "image/svg+xml", ".png" => "image/png", ".json" => "application/json", _ => "application/octet-stream",
        };
        return Results.File(full, type);
    }
}
