using System.Numerics;
using C3V.CameraPaths;
using C3V.Render;

namespace C3V.Tests.CameraPaths;

public class ShotFramingTests
{
    // A wide view of a set: a 1.7 m person 14 m away is about an eighth of the frame tall.
    static readonly Camera Wide = Camera.LookAt(new Vector3(0, 3, 14), new Vector3(0, 0.5f, 0), Vector3.UnitY, 0.9f, 512, 512);

    static List<ActorSample> Walk(Vector3 from, Vector3 to, float height = 1.7f) =>
        Enumerable.Range(0, 11).Select(i => new ActorSample(Vector3.Lerp(from, to, i / 10f), height)).ToList();

    static float PixelHeight(Camera c, ActorSample s) => c.Project(s.Feet).Pixel.Y - c.Project(s.Feet + new Vector3(0, s.Height, 0)).Pixel.Y;

    [Fact]
    public void ASmallActor_IsZoomedOnto_UpToTheFill_WithEveryMomentInFrame()
    {
        var samples = Walk(new Vector3(-1.5f, 0, 0), new Vector3(1.5f, 0, 1));
        var framed = ShotFraming.Frame(Wide, samples);
        Assert.Equal(Wide.Position.X, framed.Position.X, 1e-4f);
        Assert.Equal(Wide.Forward.Z, framed.Forward.Z, 1e-6f);
        float before = samples.Max(s => PixelHeight(Wide, s)), after = samples.Max(s => PixelHeight(framed, s));
        Assert.InRange(before, 40, 80);
        Assert.True(after > 2 * before, $"actor {before:0} px tall before, {after:0} px after framing");
        Assert.True(after <= 0.4f * 512 + 0.5f, $"actor {after:0} px tall, more than 40% of the frame");
        foreach (var s in samples)
            foreach (var p in new[] { s.Feet, s.Feet + new Vector3(0, s.Height, 0) })
            {
                var px = framed.Project(p).Pixel;
                Assert.InRange(px.X, 0.05f * 512, 0.95f * 512);
                Assert.InRange(px.Y, 0.05f * 512, 0.95f * 512);
            }
    }

    [Fact]
    public void TheLandmarkAnActorWalksTo_StaysWholeInShot()
    {
        // The walk stops 0.9 m short of a mower (radius 0.55 m) to its right: without the mark, the crop ends at the actor.
        var samples = Walk(new Vector3(-2f, 0, 0), new Vector3(1f, 0, 0));
        var mower = new SceneryMark(new Vector3(2.45f, 0, 0), 0.55f);
        var right = new Vector3(mower.Radius, 0, 0);
        float FarSide(Camera c) => c.Project(mower.Foot + right).Pixel.X;
        Assert.True(FarSide(ShotFraming.Frame(Wide, samples)) > 512, "the test needs a mower cut by the actors' crop");
        var framed = ShotFraming.Frame(Wide, samples, scenery: [mower]);
        Assert.True(framed.Fy > 1.3f * Wide.Fy, "the action is still zoomed onto");
        foreach (var p in new[] { mower.Foot - right, mower.Foot + right, mower.Foot + new Vector3(0, mower.Radius, 0) })
            Assert.InRange(framed.Project(p).Pixel.X, 0, 512);
        // A mark behind the camera is ignored, not allowed to undo the framing.
        var behind = ShotFraming.Frame(Wide, samples, scenery: [new SceneryMark(new Vector3(0, 0, 20), 1)]);
        Assert.Equal(ShotFraming.Frame(Wide, samples).Fy, behind.Fy, 1e-3f);
    }

    [Theory]
    [InlineData(CameraKind.Dolly)]
    [InlineData(CameraKind.Orbit)]
    [InlineData(CameraKind.Crane)]
    public void MovingCameras_KeepTheFramedActionInView_ToTheEnd(CameraKind kind)
    {
        var samples = Walk(new Vector3(-2.5f, 0, 0), new Vector3(2.5f, 0, 0));
        var framed = ShotFraming.Frame(Wide, samples, ShotFraming.For(kind));
        Assert.True(framed.Fy > 1.3f * Wide.Fy, "the action is zoomed onto");
        var path = CameraPath.Create(kind, framed, new Vector3(0, 1.2f, 0), groundY: 0, duration: 4);
        // Still in frame with a 5 % margin at the end of the move (dolly: 25 % closer than the reference).
        foreach (float t in new[] { 0f, 2f, 4f })
            foreach (var s in samples)
                foreach (var p in new[] { s.Feet, s.Feet + new Vector3(0, s.Height, 0) })
                {
                    var px = path.At(t).Project(p).Pixel;
                    Assert.InRange(px.X, 0.05f * 512, 0.95f * 512);
                    Assert.InRange(px.Y, 0.05f * 512, 0.95f * 512);
                }
    }

    [Fact]
    public void TheCrop_StaysInsideTheReferenceImage()
    {
        // The action near the reference image's left edge: the crop is pushed inside rather than centred on it.
        var framed = ShotFraming.Frame(Wide, Walk(new Vector3(-6.5f, 0, 0), new Vector3(-6, 0, 0)));
        Assert.NotSame(Wide, framed);
        // The framed image's corners look along rays that the reference image also covers.
        foreach (var corner in new[] { new Vector2(0, 0), new Vector2(512, 0), new Vector2(0, 512), new Vector2(512, 512) })
        {
            var seen = Wide.Project(framed.Unproject(corner, 5f)).Pixel;
            Assert.InRange(seen.X, -0.01f, 512.01f);
            Assert.InRange(seen.Y, -0.01f, 512.01f);
        }
    }

    [Fact]
    public void ActionThatFillsTheView_OrIsBehindIt_LeavesTheReference()
    {
        Assert.Same(Wide, ShotFraming.Frame(Wide, Walk(new Vector3(-6, 0, 0), new Vector3(6, 0, 0), 6f)));
        Assert.Same(Wide, ShotFraming.Frame(Wide, Walk(new Vector3(0, 0, 20), new Vector3(0, 0, 21))));
        Assert.Same(Wide, ShotFraming.Frame(Wide, []));
    }
}
