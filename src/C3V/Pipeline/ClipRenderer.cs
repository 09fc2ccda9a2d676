using System.Diagnostics;
using System.Numerics;
using C3V.CameraPaths;
using C3V.Compose;
using C3V.Output;
using C3V.Render;
using C3V.Splats;

namespace C3V.Pipeline;

/// <summary>An actor as the renderer sees it: its id and how to pose and place it for one frame.</summary>
/// <param name="Instance">The posed cloud and its world transform for a frame of the composition. The cloud
/// may be a buffer the actor reuses: it is rendered before the next call.</param>
public sealed record RenderActor(string Id, Func<ActorFrame, CloudInstance> Instance);

/// <summary>What to render: the scene, the actors, their composition and the camera path.</summary>
public sealed record ClipRequest(GaussianCloud Scene, Vector3 Background, IReadOnlyList<RenderActor> Actors,
    Composition Composition, CameraPath Camera, bool Antialiased = true);

/// <summary>
/// Renders a composition frame by frame into an <see cref="IFrameWriter"/> and keeps the key frames for the
/// contact sheet. With a static camera the scene looks the same in every frame, so it is rendered once and the
/// actors (rendered alone, over nothing) are merged with it per pixel by depth: the actor layer goes over the
/// scene where it is nearer than the scene's depth, under it elsewhere. That is exact wherever actor and
/// scene do not overlap in depth within a pixel, and it makes a static-camera clip several times cheaper.
/// Moving cameras render scene and actors together.
/// </summary>
public sealed class ClipRenderer(GaussianRasterizer rasterizer)
{
    /// <summary>Renders every frame; reports (done, total) after each; returns the key frames with their labels.</summary>
    /// <param name="frames">Where finished frames are kept while rendering: frames already there are read back
    /// instead of rendered (resuming an interrupted render), and every rendered one is added.</param>
    /// <param name="profile">Gets the wall time of each phase added to it (null: not measured).</param>
    public IReadOnlyList<(Image Frame, string Label)> Render(ClipRequest request, IFrameWriter writer,
        Action<int, int>? progress = null, CancellationToken cancellation = default, FrameCache? frames = null, ClipProfile? profile = null)
    {
        long started = Stopwatch.GetTimestamp();
        var comp = request.Composition;
        int count = comp.FrameCount;
        var keys = new HashSet<int>(ContactSheet.KeyFrameIndices(count));
        var sheet = new List<(Image, string)>();
        var tracks = request.Actors.Select(a => comp.Actor(a.Id)).ToArray();
        var camera0 = request.Camera.At(0);
        var withBackground = new RenderOptions { Background = request.Background, Antialiased = request.Antialiased };
        var overNothing = withBackground with { Background = Vector3.Zero };
        bool layered = request.Camera.Kind == CameraKind.Static && request.Actors.Count > 0;
        // The scene layer is rendered once, when first needed, and kept; the rasterizer's next render writes into a result of its own.
        RenderResult? sceneLayer = null;
        RenderResult? scratch = null;
        var image = new Image(camera0.Width, camera0.Height);
        var instances = new List<CloudInstance>(request.Actors.Count + 1);
        for (int f = 0; f < count; f++)
        {
            cancellation.ThrowIfCancellationRequested();
            float t = f / comp.Fps;
            long t0 = Stopwatch.GetTimestamp();
            bool cached = frames is not null && frames.TryRead(f, image);
            profile?.AddCache(t0);
            if (!cached)
            {
                t0 = Stopwatch.GetTimestamp();
                instances.Clear();
                if (!layered) instances.Add(new CloudInstance(request.Scene));
                for (int a = 0; a < request.Actors.Count; a++)
                    instances.Add(request.Actors[a].Instance(tracks[a].Frames[Math.Min(f, tracks[a].Frames.Count - 1)]));
                var camera = request.Camera.At(t);
                profile?.AddPose(t0);
                if (layered && sceneLayer is null)
                {
                    t0 = Stopwatch.GetTimestamp();
                    sceneLayer = rasterizer.Render([new CloudInstance(request.Scene)], camera0, withBackground);
                    profile?.AddSceneLayer(t0);
                }
                t0 = Stopwatch.GetTimestamp();
                scratch = rasterizer.Render(instances, camera, layered ? overNothing : withBackground, scratch);
                profile?.AddRender(t0, rasterizer.LastStats);
                t0 = Stopwatch.GetTimestamp();
                if (layered) DepthMerge(scratch, sceneLayer!, request.Background, image.Rgb);
                else scratch.Color.CopyTo(image.Rgb, 0);
                profile?.AddMerge(t0);
                t0 = Stopwatch.GetTimestamp();
                frames?.Write(f, image);
                profile?.AddCache(t0);
            }
            t0 = Stopwatch.GetTimestamp();
            writer.Write(image);
            profile?.AddOutput(t0);
            if (keys.Contains(f)) sheet.Add((new Image(image.Width, image.Height, (float[])image.Rgb.Clone()), $"frame {f}  {t:0.00} s"));
            progress?.Invoke(f + 1, count);
            profile?.AddFrame();
        }
        profile?.AddTotal(started);
        return sheet;
    }

    /// <summary>
    /// Merges an actor layer (rendered over black, so its colour is premultiplied) with the scene layer (its
    /// background composited) by comparing their expected depths per pixel.
    /// </summary>
    public static void DepthMerge(RenderResult actors, RenderResult scene, Vector3 background, float[] output)
    {
        int n = actors.Width * actors.Height;
        for (int p = 0; p < n; p++)
        {
            float aa = actors.Alpha[p];
            int i = p * 3;
            if (aa <= 0f)
            {
                output[i] = scene.Color[i]; output[i + 1] = scene.Color[i + 1]; output[i + 2] = scene.Color[i + 2];
                continue;
            }
            float sa = scene.Alpha[p], sd = scene.Depth[p], ad = actors.Depth[p];
            if (sa <= 0f || sd == RenderResult.NoHitDepth || ad <= sd)
            {
                // Actors in front: actor over the finished scene pixel.
                float k = 1f - aa;
                output[i] = actors.Color[i] + k * scene.Color[i];
                output[i + 1] = actors.Color[i + 1] + k * scene.Color[i + 1];
                output[i + 2] = actors.Color[i + 2] + k * scene.Color[i + 2];
            }
            else
            {
                // Scene in front: scene (premultiplied) over actor over background.
                float ks = 1f - sa, ka = 1f - aa;
                output[i] = scene.Color[i] - ks * background.X + ks * (actors.Color[i] + ka * background.X);
                output[i + 1] = scene.Color[i + 1] - ks * background.Y + ks * (actors.Color[i + 1] + ka * background.Y);
                output[i + 2] = scene.Color[i + 2] - ks * background.Z + ks * (actors.Color[i + 2] + ka * background.Z);
            }
        }
    }
}
