using System.Numerics;
using C3V.CameraPaths;
using C3V.Compose;
using C3V.Output;
using C3V.Pipeline;
using C3V.Render;
using C3V.Splats;

namespace C3V.Tests.Pipeline;

public class ClipRendererTests
{
    /// <summary>A chequered ground of Gaussians on y = 0 plus a back wall.</summary>
    internal static GaussianCloud Ground()
    {
        int n = 40;
        var c = new GaussianCloud(n * n + n * 10);
        int k = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++, k++)
            {
                c.SetPosition(k, new Vector3(-4 + 8f * i / (n - 1), 0, -4 + 8f * j / (n - 1)));
                c.SetLogScale(k, new Vector3(MathF.Log(0.12f), MathF.Log(0.01f), MathF.Log(0.12f)));
                c.Opacity[k] = 4;
                c.SetColor(k, ((i / 5 + j / 5) % 2 == 0) ? new Vector3(0.3f, 0.6f, 0.3f) : new Vector3(0.5f, 0.5f, 0.4f));
            }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 10; j++, k++)
            {
                c.SetPosition(k, new Vector3(-4 + 8f * i / (n - 1), 0.2f * j, 4));
                c.SetLogScale(k, new Vector3(MathF.Log(0.12f), MathF.Log(0.12f), MathF.Log(0.01f)));
                c.Opacity[k] = 4;
                c.SetColor(k, new Vector3(0.4f, 0.4f, 0.7f));
            }
        return c;
    }

    /// <summary>A 1.7 m red column standing on y = 0 at the origin of its frame.</summary>
    internal static GaussianCloud Column()
    {
        var c = new GaussianCloud(60);
        for (int i = 0; i < 60; i++)
        {
            c.SetPosition(i, new Vector3(0.1f * MathF.Cos(i), 0.05f + 1.6f * i / 59, 0.1f * MathF.Sin(i)));
            c.SetLogScale(i, new Vector3(MathF.Log(0.08f)));
            c.Opacity[i] = 5;
            c.SetColor(i, new Vector3(0.9f, 0.1f, 0.1f));
        }
        return c;
    }

    internal static Composition Walk(int frames, float fps) => new(fps, frames,
        [new ActorTrack("a", Enumerable.Range(0, frames).Select(f => new ActorFrame(new Vector3(-1.5f + 3f * f / (frames - 1), 0, 0), 0, 1, f / fps)).ToList())]);

    sealed class Collect : IFrameWriter
    {
        public List<Image> Frames { get; } = [];
        public VideoFormat Format => VideoFormat.Png;
        public string OutputPath => "";
        public int FramesWritten => Frames.Count;
        public void Write(Image frame) => Frames.Add(new Image(frame.Width, frame.Height, (float[])frame.Rgb.Clone()));
        public void Complete() { }
        public void Dispose() { }
    }

    [Fact]
    public void StaticCamera_DepthMergedLayers_MatchAJointRender()
    {
        var scene = Ground();
        var column = Column();
        var comp = Walk(6, 6);
        var cam = Camera.LookAt(new Vector3(0, 1.8f, -6), new Vector3(0, 0.8f, 0), Vector3.UnitY, 0.9f, 96, 96);
        var actors = new[] { new RenderActor("a", f => new CloudInstance(column, f.Transform)) };
        var bg = new Vector3(0.1f, 0.2f, 0.3f);
        var rast = new GaussianRasterizer(1);
        var layered = new Collect();
        var keys = new ClipRenderer(rast).Render(new ClipRequest(scene, bg, actors, comp, CameraPath.Create(CameraKind.Static, cam, Vector3.Zero, 0, 1)), layered);
        Assert.Equal(6, layered.Frames.Count);
        Assert.Equal(6, keys.Count);
        for (int f = 0; f < 6; f++)
        {
            var joint = rast.Render([new CloudInstance(scene), actors[0].Instance(comp.Actors[0].Frames[f])], cam, new RenderOptions { Background = bg, Antialiased = true });
            double err = 0, redPixels = 0;
            for (int i = 0; i < joint.Color.Length; i++) err += Math.Abs(joint.Color[i] - layered.Frames[f].Rgb[i]);
            for (int p = 0; p < 96 * 96; p++) if (layered.Frames[f].Rgb[p * 3] > 0.7f && layered.Frames[f].Rgb[p * 3 + 1] < 0.3f) redPixels++;
            Assert.True(err / joint.Color.Length < 0.01, $"frame {f}: mean difference {err / joint.Color.Length:F4}");
            Assert.True(redPixels > 50, $"frame {f}: the actor is not visible ({redPixels} red pixels)");
        }
    }

    /// <summary>
    /// Frames rendered several at a time, each by its own rasterizer, are the frames of the one-at-a-time path, bit for
    /// bit and in order, for a static (layered) and a moving camera, with an actor that poses into one buffer it
    /// reuses (so each frame must copy its pose before the next is made) and a frame count that leaves a partial batch.
    /// </summary>
    [Theory]
    [InlineData(CameraKind.Static)]
    [InlineData(CameraKind.Orbit)]
    public void FramesAtOnce_GiveTheSameFramesAsOneAtATime(CameraKind kind)
    {
        var comp = Walk(7, 7);
        var cam = Camera.LookAt(new Vector3(0, 1.8f, -6), new Vector3(0, 0.8f, 0), Vector3.UnitY, 0.9f, 48, 40);
        var rest = Column();
        List<Image> Frames(int atOnce)
        {
            var posed = rest.Clone();
            // Sways the column with the motion time, into the same buffer every call.
            CloudInstance Pose(ActorFrame f)
            {
                for (int i = 0; i < rest.Count; i++) posed.X[i] = rest.X[i] + 0.3f * MathF.Sin(3 * f.MotionTime) * rest.Y[i];
                return new CloudInstance(posed, f.Transform);
            }
            var writer = new Collect();
            new ClipRenderer(new GaussianRasterizer(1), atOnce).Render(new ClipRequest(Ground(), new Vector3(0.1f, 0.2f, 0.3f),
                [new RenderActor("a", Pose)], comp, CameraPath.Create(kind, cam, Vector3.Zero, 0, 1)), writer);
            return writer.Frames;
        }
        var one = Frames(1);
        var three = Frames(3);
        Assert.Equal(7, three.Count);
        for (int f = 0; f < 7; f++) Assert.True(one[f].Rgb.AsSpan().SequenceEqual(three[f].Rgb), $"frame {f} differs");
        Assert.False(one[0].Rgb.AsSpan().SequenceEqual(one[3].Rgb)); // the actor moves: frames are not all alike
    }

    [Fact]
    public void Cancellation_StopsBetweenFrames()
    {
        var cts = new CancellationTokenSource();
        var comp = Walk(10, 10);
        var cam = Camera.LookAt(new Vector3(0, 1.8f, -6), new Vector3(0, 0.8f, 0), Vector3.UnitY, 0.9f, 32, 32);
        var writer = new Collect();
        Assert.Throws<OperationCanceledException>(() => new ClipRenderer(new GaussianRasterizer(1)).Render(
            new ClipRequest(Ground(), Vector3.Zero, [new RenderActor("a", f => new CloudInstance(Column(), f.Transform))], comp,
                CameraPath.Create(CameraKind.Orbit, cam, Vector3.Zero, 0, 1)),
            writer, (done, _) => { if (done == 3) cts.Cancel(); }, cts.Token));
        Assert.Equal(3, writer.Frames.Count);
    }
}
