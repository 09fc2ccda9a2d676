using System.Numerics;
using C3V.Actors;
using C3V.Compose;
using C3V.Pipeline;
using C3V.Projects;
using C3V.Render;
using C3V.Splats;
using C3V.Splats.Formats;

namespace C3V.Studio.View;

/// <summary>A camera as the browser needs it: position, the OpenCV rotation rows (world to camera) and the vertical field of view.</summary>
public sealed record ViewCamera(float[] Position, float[] R, float FovYDegrees, int Width, int Height, float Fx, float Fy, float Cx, float Cy)
{
    public static ViewCamera Of(Camera c) => new([c.Position.X, c.Position.Y, c.Position.Z], c.R.ToArray(), c.FovY * 180 / MathF.PI, c.Width, c.Height, c.Fx, c.Fy, c.Cx, c.Cy);
}

/// <summary>An actor's Gaussians, composed path (world positions per frame) and where its refined waypoints fall in the reference image.</summary>
public sealed record ViewActor(string Id, float Height, int Splats, IReadOnlyList<float[]> Path, IReadOnlyList<float[]> LiftedPixels);

/// <summary>What the 3D and placement views draw besides the splats; <paramref name="RigFloats"/>: floats per actor per frame of the rig (<see cref="ComposedScene.WriteRig"/>).</summary>
public sealed record SceneView(int Frames, float Fps, int SceneSplats, int ActorSplats, float[] Background,
    ViewCamera Reference, IReadOnlyList<ViewCamera> RenderCameras, IReadOnlyList<ViewActor> Actors, int Bones, int RigFloats, string Version);

/// <summary>
/// The composed 4D scenes the browser views, opened through the pipeline (<see cref="Generator.OpenComposedAsync"/>)
/// and kept while their project.json is unchanged. Splats go out as antimatter15 .splat (32 bytes a splat, read
/// natively by Spark, no decoding cost on loopback): the scene once; each actor once in its rest pose with its skin
/// (bone indices and weights) and, for all frames, its joints' transforms and placement (the rig), so the browser
/// poses the actors on the GPU; or, for scripts, all actors posed on the CPU at one frame.
/// </summary>
public sealed class SceneViews(Func<Generator> generator)
{
    sealed record Entry(ComposedScene Scene, DateTime Stamp, byte[] SceneBytes, Dictionary<int, byte[]> Frames)
    {
        public byte[]? Rig { get; set; }
    }

    readonly Dictionary<string, Entry> _open = [];
    readonly SemaphoreSlim _gate = new(1, 1);
    const int KeepOpen = 2;

    async Task<Entry> OpenAsync(string dir, CancellationToken ct)
    {
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(dir, ProjectFile.FileName));
        if (_open.TryGetValue(dir, out var e) && e.Stamp == stamp) return e;
        var scene = await generator().OpenComposedAsync(dir, ct);
        e = new Entry(scene, stamp, ToSplat(scene.Scene.Cloud), []);
        if (_open.Count >= KeepOpen) _open.Clear();
        _open[dir] = e;
        return e;
    }

    /// <summary>Runs <paramref name="read"/> on the project's open scene, one request at a time (posing reuses buffers).</summary>
    async Task<T> With<T>(string dir, Func<Entry, T> read, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try { return read(await OpenAsync(dir, ct)); }
        finally { _gate.Release(); }
    }

    public Task<byte[]> SceneSplatsAsync(string dir, CancellationToken ct) => With(dir, e => e.SceneBytes, ct);

    /// <summary>The actor's Gaussians in its rest pose, in its own space (.splat, in the order of its skin).</summary>
    public Task<byte[]> ActorRestAsync(string dir, string id, CancellationToken ct) => With(dir, e => ToSplat(Actor(e, id).Skin.Rest), ct);

    /// <summary>
    /// The actor's skin, 8 bytes a Gaussian in its rest-cloud order: four little-endian 16-bit influences, each
    /// weight·255 rounded in the low byte and the joint index in the high byte (the layout Spark's skinning texture
    /// uses; weights are re-normalised where read).
    /// </summary>
    public Task<byte[]> ActorSkinAsync(string dir, string id, CancellationToken ct) => With(dir, e =>
    {
        var skin = Actor(e, id).Skin;
        var bytes = new byte[skin.Count * SkinnedCloud.MaxInfluences * 2];
        for (int i = 0; i < skin.Count; i++)
            for (int k = 0; k < SkinnedCloud.MaxInfluences; k++)
            {
                bytes[(i * SkinnedCloud.MaxInfluences + k) * 2] = (byte)MathF.Round(Math.Clamp(skin.Weights[k][i], 0f, 1f) * 255);
                bytes[(i * SkinnedCloud.MaxInfluences + k) * 2 + 1] = (byte)skin.Bones[k][i];
            }
        return bytes;
    }, ct);

    /// <summary>Every frame's rig (<see cref="ComposedScene.WriteRig"/>), frame after frame, as little-endian float32.</summary>
    public Task<byte[]> RigAsync(string dir, CancellationToken ct) => With(dir, e =>
    {
        if (e.Rig is { } done) return done;
        var s = e.Scene;
        var floats = new float[s.FrameCount * s.Actors.Count * ComposedScene.RigFloats];
        for (int f = 0; f < s.FrameCount; f++)
            s.WriteRig(f, floats.AsSpan(f * s.Actors.Count * ComposedScene.RigFloats));
        var bytes = new byte[floats.Length * 4];
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the rig is sent little-endian");
        Buffer.BlockCopy(floats, 0, bytes, 0, bytes.Length);
        return e.Rig = bytes;
    }, ct);

    static ComposedActor Actor(Entry e, string id) =>
        e.Scene.Actors.FirstOrDefault(a => a.Id == id) ?? throw new Files.NotFoundException($"actor: no actor '{id}' in this project");

    public Task<byte[]> ActorSplatsAsync(string dir, int frame, CancellationToken ct) => With(dir, e =>
    {
        if (frame < 0 || frame >= e.Scene.FrameCount) throw new Common.C3VException($"frame: {frame} is outside 0..{e.Scene.FrameCount - 1}");
        if (!e.Frames.TryGetValue(frame, out var bytes)) e.Frames[frame] = bytes = ToSplat(e.Scene.PosedActors(frame));
        return bytes;
    }, ct);

    public Task<SceneView> ViewAsync(string dir, ProjectFile project, CancellationToken ct) => With(dir, e =>
    {
        var s = e.Scene;
        var reference = s.Reference;
        var actors = s.Composition.Actors.Select(track =>
        {
            var lifted = project.Layouts.TryGetValue(track.ActorId, out var layout)
                ? layout.Waypoints.Select(w => reference.Project(new Vector3(w[0], w[1], w[2]))).Where(p => p.Depth > 0).Select(p => new[] { p.Pixel.X, p.Pixel.Y }).ToList()
                : [];
            var actor = s.Actors.First(a => a.Id == track.ActorId);
            return new ViewActor(track.ActorId, actor.Height, actor.Skin.Count, track.Frames.Select(f => new[] { f.Position.X, f.Position.Y, f.Position.Z }).ToList(), lifted);
        }).ToList();
        var bg = s.Scene.Background;
        return new SceneView(s.FrameCount, s.Fps, s.Scene.Cloud.Count, s.Actors.Sum(a => a.Skin.Count), [bg.X, bg.Y, bg.Z],
            ViewCamera.Of(reference), Enumerable.Range(0, s.FrameCount).Select(f => ViewCamera.Of(s.CameraAt(f))).ToList(), actors,
            Skeleton.JointCount, ComposedScene.RigFloats,
            e.Stamp.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }, ct);

    static byte[] ToSplat(GaussianCloud cloud)
    {
        using var ms = new MemoryStream(cloud.Count * 32);
        SplatFile.Write(ms, cloud, SplatFormat.Splat);
        return ms.ToArray();
    }
}
