using C3V.Projects;
using C3V.Studio.Files;
using C3V.Studio.Jobs;
using C3V.Studio.View;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace C3V.Studio.Api;

/// <summary>The composed 4D scene for the browser's 3D view: cameras, paths, and the splats (scene once; actors once with their skins and per-frame rig, or posed per frame).</summary>
static class ViewEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/projects/{name}/view", async (string name, HttpContext ctx, ProjectStore store, JobQueue queue, SceneViews views) =>
        {
            var dir = Ready(name, store, queue);
            return await views.ViewAsync(dir, ProjectFolder.Open(dir).Load(), ctx.RequestAborted);
        }).WithSummary("Frames, fps, the reference and render cameras, each actor's composed path and its lifted waypoints in reference-view pixels")
          .Produces<SceneView>();

        api.MapGet("/projects/{name}/splats/scene.splat", async (string name, HttpContext ctx, ProjectStore store, JobQueue queue, SceneViews views) =>
            Splat(await views.SceneSplatsAsync(Ready(name, store, queue), ctx.RequestAborted)))
            .WithSummary("The scene's Gaussians as .splat (32 bytes a splat)");

        api.MapGet("/projects/{name}/splats/rest/{actor}.splat", async (string name, string actor, HttpContext ctx, ProjectStore store, JobQueue queue, SceneViews views) =>
            Splat(await views.ActorRestAsync(Ready(name, store, queue), actor, ctx.RequestAborted)))
            .WithSummary("One actor's Gaussians in its rest pose, in its own space, as .splat");

        api.MapGet("/projects/{name}/splats/skin/{actor}.bin", async (string name, string actor, HttpContext ctx, ProjectStore store, JobQueue queue, SceneViews views) =>
            Splat(await views.ActorSkinAsync(Ready(name, store, queue), actor, ctx.RequestAborted)))
            .WithSummary("One actor's skin: per Gaussian four uint16 influences, weight·255 in the low byte, joint index in the high byte");

        api.MapGet("/projects/{name}/splats/rig.bin", async (string name, HttpContext ctx, ProjectStore store, JobQueue queue, SceneViews views) =>
            Splat(await views.RigAsync(Ready(name, store, queue), ctx.RequestAborted)))
            .WithSummary("Every frame's rig as float32: per frame, per actor (the view's order), rigFloats floats — per joint the 3×4 skinning affine's rows and its quaternion (x,y,z,w), then the placement (translation, quaternion, scale)");

        api.MapGet("/projects/{name}/splats/actors/{frame:int}.splat", async (string name, int frame, HttpContext ctx, ProjectStore store, JobQueue queue, SceneViews views) =>
            Splat(await views.ActorSplatsAsync(Ready(name, store, queue), frame, ctx.RequestAborted)))
            .WithSummary("Every actor posed and placed at one frame, as .splat");
    }

    /// <summary>The project's folder, unless a job is rewriting it (then 409: the page reloads the view when the job ends).</summary>
    static string Ready(string name, ProjectStore store, JobQueue queue)
    {
        var dir = store.Existing(name);
        if (queue.ActiveOn(name) is { } job) throw new ProjectBusyException(job);
        return dir;
    }

    static IResult Splat(byte[] bytes) => Results.Bytes(bytes, "application/octet-stream");
}
