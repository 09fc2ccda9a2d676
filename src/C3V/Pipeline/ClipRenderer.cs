using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

/// <summary>Is shown each frame's camera and its posed actors (in the request's order) exactly as they are rasterised.</summary>
public delegate void FrameRecord(int frame, Camera camera, ReadOnlySpan<CloudInstance> actors);

/// <summary>What to render: the scene, the actors, their composition and the camera path.</summary>
/// <param name="Record">Called once per frame (for distinct frames from several threads at once), also for
/// frames a resumed render reads back from its cache: the ground-truth annotations are taken here.</param>
public sealed record ClipRequest(GaussianCloud Scene, Vector3 Background, IReadOnlyList<RenderActor> Actors,
    Composition Composition, CameraPath Camera, bool Antialiased = true, FrameRecord? Record = null);

/// <summary>
/// Renders a composition frame by frame into an <see cref="IFrameWriter"/> and keeps the key frames for the
/// contact sheet. With a static camera the scene looks the same in every frame, so it is rendered once and the
/// actors (rendered alone, over nothing) are merged with it per pixel by depth: the actor layer goes over the
/// scene where it is nearer than the scene's depth, under it elsewhere. That is exact wherever actor and
/// scene do not overlap in depth within a pixel, and it makes a static-camera clip several times cheaper.
/// Moving cameras render scene and actors together.
/// </summary>
/// <remarks>
/// Frames are rendered several at a time, one per core, each by a single-threaded rasterizer of its own: an
/// actor layer is too small a job to split well across cores (six parallel phases per frame, each ending in a
/// wait), while whole frames are independent. Posing stays on the calling thread (an actor reuses its posed
/// buffer), each frame's posed clouds are copied into the frame's slot, and frames are cached, written and
/// reported in order. The images are those of the one-rasterizer path: no phase depends on the thread count.
/// </remarks>
/// <param name="framesAtOnce">Frames rendered at once (default one per core, at most 8: more would only hold more memory).</param>
public sealed class ClipRenderer(GaussianRasterizer rasterizer, int? framesAtOnce = null)
{
    readonly int _framesAtOnce = framesAtOnce is { } n
        ? n > 0 ? n : throw new ArgumentOutOfRangeException(nameof(framesAtOnce), "must be positive")
        : Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>One frame in flight: its own rasterizer, buffers, posed-cloud copies and image.</summary>
    sealed class Slot(int width, int height)
    {
        public readonly GaussianRasterizer Rasterizer = new(maxThreads: 1);
        public readonly Image Image = new(width, height);
        public readonly List<CloudInstance> Instances = [];
        public readonly List<GaussianCloud> Posed = [];
        public RenderResult? Scratch;
        public Camera Camera = null!;
        public int Frame;
        public bool Cached;

        /// <summary>Copies an actor's posed cloud (a buffer the actor reuses) into this slot's <paramref name="index"/>-th buffer.</summary>
        public CloudInstance Snapshot(int index, CloudInstance posed)
        {
            var src = posed.Cloud;
            if (Posed.Count <= index) Posed.Add(new GaussianCloud(src.Count, src.ShDegree));
            else if (Posed[index].Count != src.Count || Posed[index].ShDegree != src.ShDegree) Posed[index] = new GaussianCloud(src.Count, src.ShDegree);
            Posed[index].CopyFrom(src);
            return posed with { Cloud = Posed[index] };
        }
    }

    /// <summary>Renders every frame; reports (done, total) after each; returns the key frames with their labels.</summary>
    /// <param name="frames">Where finished frames are kept while rendering: frames already there are read back
    /// instead of rendered (resuming an interrupted render), and every rendered one is added.</param>
    /// <param name="profile">Gets the time of each phase added to it (null: not measured).</param>
    public IReadOnlyList<(Image Frame, string Label)> Render(ClipRequest request, IFrameWriter writer,
        Action<int, int>? progress = null, CancellationToken cancellation = default, FrameCache? frames = null, ClipProfile? profile = null)
    {
        long started = Stopwatch.GetTimestamp();
        var cpuStarted = profile is null ? default : ClipProfile.ProcessCpu();
        var comp = request.Composition;
        int count = comp.FrameCount;
        var keys = new HashSet<int>(ContactSheet.KeyFrameIndices(count));
        var sheet = new List<(Image, string)>();
        var tracks = request.Actors.Select(a => comp.Actor(a.Id)).ToArray();
        var camera0 = request.Camera.At(0);
        var withBackground = new RenderOptions { Background = request.Background, Antialiased = request.Antialiased };
        var overNothing = withBackground with { Background = Vector3.Zero };
        bool layered = request.Camera.Kind == CameraKind.Static && request.Actors.Count > 0;
        // The scene layer is rendered once (by the shared, multi-threaded rasterizer), when first needed, and kept.
        RenderResult? sceneLayer = null;
        var slots = Enumerable.Range(0, Math.Min(_framesAtOnce, count)).Select(_ => new Slot(camera0.Width, camera0.Height)).ToArray();
        for (int first = 0; first < count; first += slots.Length)
        {
            cancellation.ThrowIfCancellationRequested();
            int n = Math.Min(slots.Length, count - first);
            bool anyToRender = false;
            for (int s = 0; s < n; s++)
            {
                var slot = slots[s];
                slot.Frame = first + s;
                long t0 = Stopwatch.GetTimestamp();
                slot.Cached = frames is not null && frames.TryRead(slot.Frame, slot.Image);
                profile?.AddCache(t0);
                // a cached frame is posed only when it must be recorded
                if (slot.Cached && request.Record is null) continue;
                anyToRender |= !slot.Cached;
                t0 = Stopwatch.GetTimestamp();
                slot.Instances.Clear();
                if (!layered) slot.Instances.Add(new CloudInstance(request.Scene));
                for (int a = 0; a < request.Actors.Count; a++)
                    slot.Instances.Add(slot.Snapshot(a, request.Actors[a].Instance(tracks[a].Frames[Math.Min(slot.Frame, tracks[a].Frames.Count - 1)])));
                slot.Camera = request.Camera.At(slot.Frame / comp.Fps);
                profile?.AddPose(t0);
            }
            if (layered && anyToRender && sceneLayer is null)
            {
                long t0 = Stopwatch.GetTimestamp();
                sceneLayer = rasterizer.Render([new CloudInstance(request.Scene)], camera0, withBackground);
                profile?.AddSceneLayer(t0);
            }
            Parallel.For(0, n, s =>
            {
                var slot = slots[s];
                long t0 = Stopwatch.GetTimestamp();
                if (request.Record is { } record)
                {
                    record(slot.Frame, slot.Camera, CollectionsMarshal.AsSpan(slot.Instances)[(layered ? 0 : 1)..]);
                    profile?.AddAnnotate(t0);
                }
                if (slot.Cached) return;
                t0 = Stopwatch.GetTimestamp();
                slot.Scratch = slot.Rasterizer.Render(slot.Instances, slot.Camera, layered ? overNothing : withBackground, slot.Scratch);
                profile?.AddRender(t0, slot.Rasterizer.LastStats);
                t0 = Stopwatch.GetTimestamp();
                if (layered) DepthMerge(slot.Scratch, sceneLayer!, request.Background, slot.Image.Rgb);
                else slot.Scratch.Color.CopyTo(slot.Image.Rgb, 0);
                profile?.AddMerge(t0);
            });
            // Every finished frame is kept for a resume, then handed on in order, stopping at once when cancelled.
            for (int s = 0; s < n; s++)
            {
                long t0 = Stopwatch.GetTimestamp();
                if (!slots[s].Cached) frames?.Write(slots[s].Frame, slots[s].Image);
                profile?.AddCache(t0);
            }
            for (int s = 0; s < n; s++)
            {
                var slot = slots[s];
                if (s > 0) cancellation.ThrowIfCancellationRequested();
                long t0 = Stopwatch.GetTimestamp();
                writer.Write(slot.Image);
                profile?.AddOutput(t0);
                if (keys.Contains(slot.Frame))
                    sheet.Add((new Image(slot.Image.Width, slot.Image.Height, (float[])slot.Image.Rgb.Clone()), $"frame {slot.Frame}  {slot.Frame / comp.Fps:0.00} s"));
                progress?.Invoke(slot.Frame + 1, count);
                profile?.AddFrame();
            }
        }
        profile?.AddTotal(started, cpuStarted);
        return sheet;
    }

    /// <summary>
    /// Merges an actor layer (rendered over black, so its colour is premultiplied) with the scene layer (its
    /// background composited) by comparing their expected depths per pixel.
    /// </summary>
    public static void DepthMerge(RenderResult actors, RenderResult scene, Vector3 background, float[] output)
    {
        int n = actors.Width * actors.Height;
        // The actors cover a small part of the frame: everywhere else the output is the scene. Copy it all, then
        // visit only the pixels of blocks where the actor layer has some alpha.
        scene.Color.AsSpan(0, n * 3).CopyTo(output);
        const int Block = 16;
        var alpha = actors.Alpha.AsSpan(0, n);
        for (int b = 0; b < n; b += Block)
        {
            int e = Math.Min(n, b + Block);
            if (e - b == Block && Vector512.LessThanOrEqualAll(Vector512.Create(alpha.Slice(b, Block)), Vector512<float>.Zero)) continue;
            for (int p = b; p < e; p++) MergePixel(actors, scene, background, output, p);
        }
    }

    static void MergePixel(RenderResult actors, RenderResult scene, Vector3 background, float[] output, int p)
    {
        float aa = actors.Alpha[p];
        if (aa <= 0f) return; // the scene's colour, copied already
        int i = p * 3;
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
