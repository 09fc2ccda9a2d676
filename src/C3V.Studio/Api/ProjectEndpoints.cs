using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Common;
using C3V.Direct;
using C3V.Pipeline;
using C3V.Projects;
using C3V.Studio.Files;
using C3V.Studio.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace C3V.Studio.Api;

/// <summary>A project in the list.</summary>
public sealed record ProjectListItem(string Name, string Prompt, int Actors, string? Video, DateTimeOffset Updated, string? Job, string? Problem);

/// <summary>Projects: list, open, duplicate, delete; plan and placement edits, one-concept edits, render, export, files, transcripts.</summary>
static class ProjectEndpoints
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/projects", (ProjectStore store, JobQueue queue) => store.List().Select(name =>
        {
            var dir = store.FolderOf(name);
            try
            {
                var p = ProjectFolder.Open(dir).Load();
                return new ProjectListItem(name, p.Prompt, p.Plan?.Actors.Count ?? 0, p.Render?.File, File.GetLastWriteTimeUtc(Path.Combine(dir, ProjectFile.FileName)), queue.ActiveOn(name)?.Id, null);
            }
            catch (C3VException e) { return new ProjectListItem(name, "", 0, null, DateTimeOffset.MinValue, queue.ActiveOn(name)?.Id, e.Message); }
        }).ToList()).WithSummary("The projects in the projects folder, newest first (a broken one says why)");

        api.MapGet("/projects/{name}", (string name, ProjectStore store, JobQueue queue) =>
        {
            var dir = store.Existing(name);
            var project = ProjectFolder.Open(dir).Load();
            var node = JsonNode.Parse(project.ToJson())!.AsObject();
            var files = new JsonObject();
            void Offer(string key, string? rel) { if (rel is not null && File.Exists(Path.Combine(dir, rel))) files[key] = rel; }
            Offer("video", project.Render?.File);
            Offer("contactSheet", project.Render?.ContactSheet);
            Offer("reference", "renders/reference.png");
            Offer("annotations", Generator.AnnotationsFile);
            if (Directory.Exists(Path.Combine(dir, "renders/frames-spz"))) files["frames"] = "frames-spz.zip";
            return Results.Json(new JsonObject
            {
                ["name"] = name, ["project"] = node, ["files"] = files,
                ["transcripts"] = new JsonArray(Transcripts(dir).Select(t => (JsonNode)t.Name).ToArray()),
                ["job"] = queue.ActiveOn(name)?.Id,
                // The newest job on the project, finished or not, from this run of the server or an earlier one.
                ["lastJob"] = queue.All().FirstOrDefault(j => j.Project == name) is { } last ? JsonSerializer.SerializeToNode(JobInfo.Of(last, queue), Web) : null,
            });
        }).WithSummary("A project: prompt, options, plan, placement, refined paths, composition, last render, history, downloadable files");

        api.MapPost("/projects/{name}/duplicate", async (string name, HttpRequest req, ProjectStore store) =>
        {
            var body = await Bodies.ReadAsync<DuplicateBody>(req, req.HttpContext.RequestAborted);
            var copy = body.Name is { Length: > 0 } n ? ProjectStore.CheckName(n) : ProjectNames.FromPrompt(name + " copy", store.Exists);
            store.Duplicate(name, copy);
            return Results.Json(new { name = copy }, statusCode: 201);
        }).WithSummary("Copy a project under a new name (never over an existing one)").Accepts<DuplicateBody>("application/json");

        api.MapDelete("/projects/{name}", (string name, bool? confirm, ProjectStore store, JobQueue queue) =>
        {
            if (confirm != true) throw new C3VException("confirm: deleting a project cannot be undone; repeat with ?confirm=true");
            if (queue.ActiveOn(name) is { } busy) throw new ProjectBusyException(busy);
            store.Delete(name);
            return Results.NoContent();
        }).WithSummary("Delete a project (needs ?confirm=true)");

        api.MapPost("/projects/{name}/plan", async (string name, HttpRequest req, ProjectStore store, JobQueue queue, StudioPipeline pipeline) =>
        {
            var dir = store.Writable(name);
            var plan = Generator.CheckPlan(await Bodies.ReadPlanFormatAsync<ScenePlan>(req, req.HttpContext.RequestAborted));
            return Queue(queue, name, dir, "plan", "apply the edited plan", async (observer, ct) =>
                await pipeline.Create(StudioPipeline.ProjectLlm(dir), observer).EditAsync(dir, new EditRequest { Plan = plan }, ct));
        }).WithSummary("Apply an edited plan: only what depends on the changed fields is recomputed (the job's summary lists reused and recomputed artefacts)")
          .Accepts<ScenePlan>("application/json").Produces<JobInfo>(202).Produces<ApiError>(400);

        api.MapPost("/projects/{name}/placement", async (string name, HttpRequest req, ProjectStore store, JobQueue queue, StudioPipeline pipeline) =>
        {
            var dir = store.Writable(name);
            var body = await Bodies.ReadPlanFormatAsync<PlacementBody>(req, req.HttpContext.RequestAborted);
            return Queue(queue, name, dir, "placement", "apply the drawn placement (lift, refine, compose, render)", async (observer, ct) =>
                await pipeline.Create(StudioPipeline.ProjectLlm(dir), observer).EditAsync(dir, new EditRequest { Placements = body.Placements }, ct));
        }).WithSummary("Replace actors' placements (start/end boxes, waypoints in reference-view pixels): their paths are lifted, refined and composed again")
          .Accepts<PlacementBody>("application/json").Produces<JobInfo>(202).Produces<ApiError>(400);

        api.MapPost("/projects/{name}/edit", async (string name, HttpRequest req, ProjectStore store, JobQueue queue, StudioPipeline pipeline) =>
        {
            var dir = store.Writable(name);
            var edit = new EditRequest(await Bodies.ReadAsync<ConceptEdit>(req, req.HttpContext.RequestAborted));
            return Queue(queue, name, dir, "edit", "edit one concept", async (observer, ct) => await pipeline.Create(StudioPipeline.ProjectLlm(dir), observer).EditAsync(dir, edit, ct));
        }).WithSummary("Change one concept (actor look, motion, scene, camera, add/remove actor), as the edit verb does").Accepts<ConceptEdit>("application/json");

        api.MapPost("/projects/{name}/render", async (string name, HttpRequest req, ProjectStore store, JobQueue queue, StudioPipeline pipeline) =>
        {
            var dir = store.Writable(name);
            var b = req.ContentLength is null or 0 ? new RenderBody() : await Bodies.ReadAsync<RenderBody>(req, req.HttpContext.RequestAborted);
            if (b.Width is null != b.Height is null) throw new C3VException("width, height: give both or neither");
            (int, int)? size = b.Width is { } w ? (w, b.Height!.Value) : null;
            return Queue(queue, name, dir, "render", "render the video", async (observer, ct) =>
                await pipeline.Create(StudioPipeline.ProjectLlm(dir), observer).RenderProjectAsync(dir, b.Camera, size, b.Replace, ct));
        }).WithSummary("Render the project's video again (another camera or size; resumes an interrupted render)").Accepts<RenderBody>("application/json");

        api.MapPost("/projects/{name}/export", async (string name, HttpRequest req, ProjectStore store, JobQueue queue, StudioPipeline pipeline) =>
        {
            var dir = store.Writable(name);
            var b = req.ContentLength is null or 0 ? new ExportBody() : await Bodies.ReadAsync<ExportBody>(req, req.HttpContext.RequestAborted);
            return Queue(queue, name, dir, "export", $"export per-frame .{b.Format} splats", async (observer, ct) =>
            {
                await pipeline.Create(StudioPipeline.ProjectLlm(dir), observer).ExportAsync(dir, b.Format, ct);
                return null;
            });
        }).WithSummary("Write the composed 4D scene as one splat file per frame (download as frames-<format>.zip)").Accepts<ExportBody>("application/json");

        api.MapGet("/projects/{name}/files/{**path}", (string name, string? path, ProjectStore store) =>
        {
            var file = store.FileOf(name, path);
            return Results.File(file, ContentType(file), enableRangeProcessing: true);
        }).WithSummary("A file of the project (video, contact sheet, reference view, annotations, transcripts…); ranges supported");

        api.MapGet("/projects/{name}/download/frames-{format}.zip", async (string name, string format, HttpContext ctx, ProjectStore store) =>
        {
            if (format is not ("spz" or "ply")) throw new C3VException($"format: '{format}' is not spz or ply");
            var dir = store.Existing(name);
            var frames = Path.Combine(dir, "renders", $"frames-{format}");
            if (!Directory.Exists(frames)) throw new NotFoundException($"project '{name}' has no per-frame .{format} export yet (export it first)");
            ctx.Response.ContentType = "application/zip";
            ctx.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-frames-{format}.zip\"";
            await using var zip = new ZipArchive(ctx.Response.BodyWriter.AsStream(), ZipArchiveMode.Create);
            foreach (var f in new DirectoryInfo(frames).EnumerateFiles().Where(f => f.LinkTarget is null).OrderBy(f => f.Name))
            {
                await using var entry = await zip.CreateEntry(f.Name, CompressionLevel.NoCompression).OpenAsync(ctx.RequestAborted);
                await using var src = f.OpenRead();
                await src.CopyToAsync(entry, ctx.RequestAborted);
            }
        }).WithSummary("The per-frame splat export as one zip");

        api.MapGet("/projects/{name}/transcripts", (string name, ProjectStore store) =>
            Transcripts(store.Existing(name)).Select(t => new { name = t.Name, text = t.Text }).ToList())
            .WithSummary("The director's exchanges, verbatim");
    }

    /// <summary>Queues a job on a project; one that another process (a CLI command) is changing is refused at once (409).</summary>
    static IResult Queue(JobQueue queue, string name, string dir, string kind, string what, JobWork work)
    {
        ProjectLock.ThrowIfHeld(dir);
        return Results.Json(JobInfo.Of(queue.Enqueue(new Job(kind, name, what, work)), queue), statusCode: 202);
    }

    const int MaxTranscriptChars = 200_000;

    static IEnumerable<(string Name, string Text)> Transcripts(string dir)
    {
        var folder = new DirectoryInfo(Path.Combine(dir, "transcripts"));
        if (!folder.Exists) yield break;
        foreach (var f in folder.EnumerateFiles().Where(f => f.LinkTarget is null).OrderBy(f => f.Name))
        {
            var text = File.ReadAllText(f.FullName);
            yield return (f.Name, text.Length > MaxTranscriptChars ? text[..MaxTranscriptChars] + "\n… (cut)" : text);
        }
    }

    static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".mp4" => "video/mp4", ".gif" => "image/gif", ".png" => "image/png", ".json" => "application/json",
        ".txt" or ".md" or ".jsonl" => "text/plain; charset=utf-8", _ => "application/octet-stream",
    };
}
