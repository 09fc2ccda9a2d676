using System.Text.Json;
using C3V.Pipeline;
using C3V.Projects;
using C3V.Studio.Files;
using C3V.Studio.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace C3V.Studio.Api;

/// <summary>A job as the API shows it (its place in the queue while it waits).</summary>
public sealed record JobInfo(string Id, string Kind, string Project, string Description, JobState State, int Position,
    DateTimeOffset Created, string? Error, RunSummary? Summary)
{
    public static JobInfo Of(Job j, JobQueue q) => new(j.Id, j.Kind, j.Project, j.Description, j.State, q.PositionOf(j), j.Created, j.Error, j.Summary);
}

/// <summary>Generations and the job queue: start, list, follow (server-sent events), cancel.</summary>
static class JobEndpoints
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/jobs", async (HttpRequest req, ProjectStore store, JobQueue queue, StudioPipeline pipeline, StudioOptions options) =>
        {
            var body = await Bodies.ReadAsync<GenerateBody>(req, req.HttpContext.RequestAborted);
            var prompt = Generator.CheckPrompt(body.Prompt);
            var settings = Generator.Check(new GenerationSettings
            {
                Seed = body.Seed, DurationSeconds = body.Duration, Fps = body.Fps, Width = body.Width, Height = body.Height,
                Camera = body.Camera.Trim().ToLowerInvariant(), Quality = body.Quality.Trim().ToLowerInvariant(),
                Format = body.Format.Trim().ToLowerInvariant(), Llm = string.IsNullOrWhiteSpace(body.Llm) ? options.Llm : body.Llm.Trim(),
            });
            string name;
            if (body.Name is { Length: > 0 } given)
            {
                name = ProjectStore.CheckName(given);
                if (store.Exists(name)) throw new Common.C3VException($"name: a project named '{name}' already exists; choose another name (nothing is overwritten)");
            }
            else name = ProjectNames.FromPrompt(prompt, n => store.Exists(n) || queue.ActiveOn(n) is not null);
            var dir = store.FolderOf(name);
            ProjectLock.ThrowIfHeld(dir);
            var job = queue.Enqueue(new Job("generate", name, $"generate \"{Short(prompt)}\"", async (observer, ct) =>
                await pipeline.Create(settings.Llm, observer).GenerateAsync(new GenerateRequest(prompt, dir, Force: false, settings), ct)));
            return Results.Json(JobInfo.Of(job, queue), statusCode: 202);
        }).WithSummary("Start a generation from a prompt (queued; follow it with /api/jobs/{id}/events)").Accepts<GenerateBody>("application/json")
          .Produces<JobInfo>(202).Produces<ApiError>(400);

        api.MapGet("/jobs", (JobQueue queue) => queue.All().Select(j => JobInfo.Of(j, queue)))
            .WithSummary("Every job since the server started, newest first, with queue positions");

        api.MapGet("/jobs/{id}", (string id, JobQueue queue) => JobInfo.Of(Find(queue, id), queue)).WithSummary("One job");

        api.MapDelete("/jobs/{id}", (string id, JobQueue queue) =>
        {
            var job = Find(queue, id);
            queue.Cancel(job);
            return JobInfo.Of(job, queue);
        }).WithSummary("Cancel a job (a waiting one at once, a running one at the pipeline's next check)");

        api.MapGet("/jobs/{id}/events", async (string id, int? after, HttpContext ctx, JobQueue queue) =>
        {
            var job = Find(queue, id);
            ctx.Response.Headers.ContentType = "text/event-stream";
            ctx.Response.Headers.CacheControl = "no-cache";
            // A reconnecting EventSource says where it stopped; the replay starts after it.
            int last = after ?? (int.TryParse(ctx.Request.Headers["Last-Event-ID"], out var l) ? l : 0);
            var ct = ctx.RequestAborted;
            while (!ct.IsCancellationRequested)
            {
                var (events, changed, finished) = job.EventsAfter(last);
                foreach (var e in events)
                {
                    await ctx.Response.WriteAsync($"id: {e.Seq}\nevent: {e.Type}\ndata: {JsonSerializer.Serialize(new { e.Seq, e.Type, e.Stage, e.Text, e.Done, e.Total, e.Reused, position = e.Position ?? queue.PositionOf(job) }, Web)}\n\n", ct);
                    last = e.Seq;
                }
                await ctx.Response.Body.FlushAsync(ct);
                if (finished) break;
                try { await changed.WaitAsync(TimeSpan.FromSeconds(15), ct); }
                catch (TimeoutException) { await ctx.Response.WriteAsync(": keep-alive\n\n", ct); }
            }
        }).WithSummary("Server-sent events of a job: queued, position (when jobs ahead start or go), running, started/progress/finished per stage, warning, then done/failed/cancelled/interrupted");
    }

    static Job Find(JobQueue queue, string id) => queue.Find(id) ?? throw new NotFoundException($"no job '{(id.Length > 40 ? id[..40] : id)}' (only the newest {JobLog.Keep} jobs are kept)");

    internal static string Short(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
