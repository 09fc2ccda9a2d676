using System.Numerics;
using C3V.Annotations;
using C3V.Common;
using C3V.Output;
using C3V.Render;
using C3V.Splats;
using SkiaSharp;

namespace C3V.Tests.Annotations;

public sealed class AnnotationUnitTests
{
    static CloudInstance RandomInstance(int n, int seed, out GaussianCloud cloud)
    {
        var rng = new Random(seed);
        cloud = new GaussianCloud(n);
        for (int i = 0; i < n; i++)
        {
            cloud.SetPosition(i, new Vector3(rng.NextSingle() - 0.5f, rng.NextSingle() * 1.8f, rng.NextSingle() * 0.4f - 0.2f));
            cloud.SetLogScale(i, new Vector3(MathF.Log(0.005f + 0.02f * rng.NextSingle()), MathF.Log(0.01f), MathF.Log(0.005f)));
        }
        return new CloudInstance(cloud, RigidTransform.FromYaw(0.7f, new Vector3(0.3f, 0.1f, -1f), 1.2f));
    }

    [Fact]
    public void Footprint_AgreesWithProjectingEveryCentreThroughTheTransformAndTheCamera()
    {
        var inst = RandomInstance(3000, 1, out var cloud);
        // a camera that sees part of the actor only, so the frame edge clips it
        var camera = Camera.LookAt(new Vector3(1.5f, 1.2f, 2.5f), new Vector3(0.9f, 1.0f, -1f), Vector3.UnitY, 0.5f, 80, 60);
        var fp = SplatFootprint.Measure(inst, camera);
        int inside = 0;
        float x0 = float.MaxValue, y0 = float.MaxValue, x1 = float.MinValue, y1 = float.MinValue, lowest = float.MaxValue;
        for (int i = 0; i < cloud.Count; i++)
        {
            var world = inst.Transform.Apply(cloud.GetPosition(i));
            lowest = MathF.Min(lowest, world.Y);
            var (px, z) = camera.Project(world);
            if (z <= 0.01f || px.X < 0 || px.Y < 0 || px.X >= 80 || px.Y >= 60) continue;
            inside++;
            // the splat's largest σ, in pixels at its depth
            float r = camera.Fx * inst.Transform.Scale * MathF.Exp(cloud.GetLogScale(i).X > MathF.Log(0.01f) ? cloud.GetLogScale(i).X : MathF.Log(0.01f)) / z;
            r = MathF.Sqrt(r * r + 0.3f);
            x0 = MathF.Min(x0, px.X - r); x1 = MathF.Max(x1, px.X + r); y0 = MathF.Min(y0, px.Y - r); y1 = MathF.Max(y1, px.Y + r);
        }
        (x0, y0, x1, y1) = (MathF.Max(0, x0), MathF.Max(0, y0), MathF.Min(80, x1), MathF.Min(60, y1));
        Assert.InRange(inside, 1, cloud.Count - 1);
        Assert.Equal(inside / (float)cloud.Count, fp.Visible, 3);
        var box = fp.Box!.Value;
        Assert.Equal(x0, box.X0, 2); Assert.Equal(y0, box.Y0, 2); Assert.Equal(x1, box.X1, 2); Assert.Equal(y1, box.Y1, 2);
        Assert.Equal(lowest, fp.LowestY, 3);
    }

    [Fact]
    public void Footprint_OfAnActorBehindTheCamera_HasNoBoxAndNothingVisible()
    {
        var inst = RandomInstance(200, 2, out _);
        var camera = Camera.LookAt(new Vector3(0, 1, 5), new Vector3(0, 1, 10), Vector3.UnitY, 0.8f, 64, 64);
        var fp = SplatFootprint.Measure(inst, camera);
        Assert.Null(fp.Box);
        Assert.Equal(0, fp.Visible);
    }

    [Fact]
    public void Camera_RoundTripsThroughTheAnnotationMatrix()
    {
        var camera = Camera.LookAt(new Vector3(1, 2, 3), new Vector3(0, 0.5f, -1), Vector3.UnitY, 0.9f, 320, 200);
        var back = FrameCamera.Of(0, camera).ToCamera(320, 200);
        var p = new Vector3(0.3f, 0.7f, -0.4f);
        Assert.Equal(camera.Project(p).Pixel.X, back.Project(p).Pixel.X, 4);
        Assert.Equal(camera.Project(p).Pixel.Y, back.Project(p).Pixel.Y, 4);
        Assert.Equal([0f, 0, 0, 1], FrameCamera.Of(0, camera).WorldToCamera[12..]);
    }

    static VideoAnnotations Sample() => new()
    {
        Fps = 8, Width = 64, Height = 48, FrameCount = 2, Scene = new SceneLabel("park", "a sunny park"),
        Cameras = [FrameCamera.Of(0, Camera.LookAt(new(0, 1, 4), new(0, 1, 0), Vector3.UnitY, 0.8f, 64, 48)), FrameCamera.Of(1, Camera.LookAt(new(0, 1, 4), new(0, 1, 0), Vector3.UnitY, 0.8f, 64, 48))],
        Actors =
        [
            new ActorAnnotation("dog", "a brown dog", C3V.Actors.ActorKind.Quadruped, 0.6, [new MotionSegment("runs", "run", 0, 0.25)],
            [
                new ActorFrameAnnotation(0, new(0, 0.4f, 0), Vector3.UnitZ, 0.01f, new PixelRect(10, 12, 30, 40), 1),
                new ActorFrameAnnotation(1, new(0.5f, 0.4f, 0), Vector3.UnitX, 0.2f, null, 0),
            ]),
        ],
    };

    [Fact]
    public void Json_UsesTheDocumentedNames_AndRoundTrips()
    {
        var json = AnnotationJson.ToJson(Sample());
        foreach (var name in new[] { "\"format\":\"c3v-annotations\"", "\"version\":1", "\"frameCount\":2", "\"worldToCamera\":[", "\"kind\":\"quadruped\"",
                     "\"heightMeters\":0.6", "\"segments\":[{\"label\":\"runs\",\"source\":\"run\",\"start\":0,\"end\":0.25}]", "\"feetHeight\":", "\"box\":null", "\"visible\":" })
            Assert.Contains(name, json);
        var back = AnnotationJson.Parse(json);
        Assert.Equal(AnnotationJson.ToJson(back), json);
        Assert.Equal(new PixelRect(10, 12, 30, 40), back.Actors[0].Frames[0].Box);
    }

    [Theory]
    [InlineData("\"format\":\"c3v-annotations\"", "\"format\":\"other\"", "$.format")]
    [InlineData("\"kind\":\"quadruped\"", "\"kind\":\"dragon\"", "$.actors[0].kind")]
    [InlineData("\"box\":null", "\"box\":[1,2]", "$.actors[0].frames[1].box")]
    [InlineData("\"frameCount\":2", "\"frameCount\":3", "$.cameras")]
    [InlineData("\"fps\":8", "\"fps\":\"fast\"", "$.fps")]
    public void Json_BadFields_AreNamed(string from, string to, string path)
    {
        var json = AnnotationJson.ToJson(Sample()).Replace(from, to);
        var e = Assert.Throws<InvalidFileException>(() => AnnotationJson.Parse(json, "x.json"));
        Assert.Contains("x.json: " + path, e.Message);
    }

    [Fact]
    public void Segments_AreTheFramesWhoseClipTimeFallsInEachMotionsSpan_WhileNotAtRest()
    {
        // 10 fps: waits standing 0.5 s, then plays clip time 0–2 s (a wave for 1 s, then a walk), then stands again
        var frames = Enumerable.Range(0, 30).Select(f =>
        {
            float t = f / 10f;
            return t < 0.5f ? new C3V.Compose.ActorFrame(default, 0, 1, 0, Rest: 1)
                : t < 2.5f ? new C3V.Compose.ActorFrame(default, 0, 1, t - 0.5f)
                : new C3V.Compose.ActorFrame(default, 0, 1, 2, Rest: 1);
        }).ToList();
        var track = new C3V.Compose.ActorTrack("a", frames);
        var segs = AnnotationRecorder.SegmentsOf(track, 10, [("waves", "wave", 0f, 1f), ("walks away", "walk", 1f, 2f), ("sits", "sit", 2f, 3f)]);
        Assert.Equal([("waves", 0.5, 1.5), ("walks away", 1.5, 2.5)], segs.Select(s => (s.Label, Math.Round(s.Start, 3), Math.Round(s.End, 3))));
        var one = Assert.Single(AnnotationRecorder.SegmentsOf(track, 10, [("waves", "wave", float.NegativeInfinity, float.PositiveInfinity)]));
        Assert.Equal((0.5, 2.5), (Math.Round(one.Start, 3), Math.Round(one.End, 3)));
    }

    [Fact]
    public void GrayPng_IsReadByAnIndependentDecoder()
    {
        var dir = Directory.CreateTempSubdirectory("c3v-png-").FullName;
        try
        {
            var depth = new ushort[7 * 5];
            var mask = new byte[7 * 5];
            for (int i = 0; i < depth.Length; i++) { depth[i] = (ushort)(i * 1800); mask[i] = (byte)(i % 3); }
            GrayPng.Save16(Path.Combine(dir, "d.png"), 7, 5, depth);
            GrayPng.Save8(Path.Combine(dir, "m.png"), 7, 5, mask);
            using var d = SKBitmap.Decode(Path.Combine(dir, "d.png"));
            using var m = SKBitmap.Decode(Path.Combine(dir, "m.png"));
            Assert.Equal((7, 5), (d.Width, d.Height));
            for (int i = 0; i < depth.Length; i++)
            {
                // Skia reduces 16 bits to 8: the high byte, rounded
                Assert.InRange(d.GetPixel(i % 7, i / 7).Red, (depth[i] >> 8) - 1, (depth[i] >> 8) + 1);
                Assert.Equal(mask[i], m.GetPixel(i % 7, i / 7).Red);
            }
            Assert.Equal(depth.Select(v => (int)v), GrayPng.Load(Path.Combine(dir, "d.png")).Pixels.Select(v => (int)v));
        }
        finally { Directory.Delete(dir, true); }
    }
}
