using System.Numerics;
using C3V.CameraPaths;
using C3V.Common;
using C3V.Render;

namespace C3V.Tests.CameraPaths;

public class CameraPathTests
{
    static readonly Camera Reference = Camera.LookAt(new Vector3(0, 1.6f, -6), new Vector3(0, 0.9f, 0), Vector3.UnitY, 0.8f, 512, 384);
    static readonly Vector3 Subject = new(0, 1.2f, 0);
    static Vector3 Walker(float t) => new(-3 + 1.5f * t, 0, 0.5f * t);

    static CameraPath Make(CameraKind kind, Camera? reference = null) =>
        CameraPath.Create(kind, reference ?? Reference, Subject, groundY: 0, duration: 4, follow: Walker, followHeight: 1.7f);

    static IEnumerable<float> Times() => Enumerable.Range(0, 41).Select(i => i * 0.1f);

    [Fact]
    public void Static_IsTheReferenceView()
    {
        var path = Make(CameraKind.Static);
        Assert.All(Times(), t => Assert.Same(Reference, path.At(t)));
    }

    [Fact]
    public void Orbit_KeepsTheSubjectOnItsPixel_AndIsTheReferenceAtMidpoint()
    {
        var path = Make(CameraKind.Orbit);
        var p0 = Reference.Project(Subject).Pixel;
        foreach (var t in Times())
            Assert.True(Vector2.Distance(path.At(t).Project(Subject).Pixel, p0) < 1e-2f, $"t={t}");
        Assert.True(Vector3.Distance(path.At(2).Position, Reference.Position) < 1e-4f);
        float swing = MathF.Acos(Vector3.Dot(Vector3.Normalize(path.At(0).Position - Subject with { Y = path.At(0).Position.Y }),
                                             Vector3.Normalize(path.At(4).Position - Subject with { Y = path.At(4).Position.Y })));
        Assert.Equal(40f, swing * 180f / MathF.PI, 0.5f);
    }

    [Fact]
    public void Dolly_MovesAlongTheViewTowardsTheSubject()
    {
        var path = Make(CameraKind.Dolly);
        float last = float.MaxValue;
        foreach (var t in Times())
        {
            var cam = path.At(t);
            Assert.True(Vector3.Distance(cam.Forward, Reference.Forward) < 1e-5f);
            float d = Vector3.Distance(cam.Position, Subject);
            Assert.True(d <= last + 1e-5f);
            last = d;
        }
        Assert.True(Vector3.Distance(path.At(0).Position, Subject) > Vector3.Distance(Reference.Position, Subject));
    }

    [Fact]
    public void Crane_RisesAndAimsAtTheSubject()
    {
        var path = Make(CameraKind.Crane);
        float lastY = float.MinValue;
        foreach (var t in Times())
        {
            var cam = path.At(t);
            Assert.True(cam.Position.Y >= lastY - 1e-5f);
            lastY = cam.Position.Y;
            var (px, depth) = cam.Project(Subject);
            Assert.True(depth > 0);
            Assert.True(Vector2.Distance(px, new Vector2(256, 192)) < 1f);
        }
    }

    [Fact]
    public void Follow_KeepsTheMainActorFramed()
    {
        var path = Make(CameraKind.Follow);
        foreach (var t in Times())
        {
            var cam = path.At(t);
            foreach (var h in new[] { 0f, 1.7f })
            {
                var (px, depth) = cam.Project(Walker(t) + new Vector3(0, h, 0));
                Assert.True(depth > 0);
                Assert.InRange(px.X, 0.2f * 512, 0.8f * 512);
                Assert.InRange(px.Y, 0.05f * 384, 0.95f * 384);
            }
            // About a third of the frame tall (the lens is chosen for it; the smoothed path varies the distance a little).
            float tall = cam.Project(Walker(t)).Pixel.Y - cam.Project(Walker(t) + new Vector3(0, 1.7f, 0)).Pixel.Y;
            Assert.InRange(tall / 384, 0.28f, 0.45f);
        }
    }

    [Fact]
    public void Follow_KeepsAGroupWholeInFrame_AsTwoWalkersDrawApart()
    {
        // a messenger and a guard set off together and part: one to the left, one away to the right
        static Vector3 Messenger(float t) => new(-0.5f - 1.2f * t, 0, 0.2f * t);
        static Vector3 Guard(float t) => new(0.5f + 1.0f * t, 0, 0.6f * t);
        static Vector3 Centre(float t) => (Messenger(t) + Guard(t)) / 2;
        float spread = Enumerable.Range(0, 41).Max(i => Vector3.Distance(Messenger(i * 0.1f), Centre(i * 0.1f))) + 0.3f;
        var path = CameraPath.Create(CameraKind.Follow, Reference, Subject, groundY: 0, duration: 4, follow: Centre, followHeight: 1.7f, followSpread: spread);
        foreach (var t in Times())
        {
            var cam = path.At(t);
            foreach (var who in new[] { Messenger(t), Guard(t) })
                foreach (var h in new[] { 0f, 1.7f })
                {
                    var (px, depth) = cam.Project(who + new Vector3(0, h, 0));
                    Assert.True(depth > 0);
                    Assert.InRange(px.X, 0.02f * 512, 0.98f * 512);
                    Assert.InRange(px.Y, 0.02f * 384, 0.98f * 384);
                }
        }
        // following the first alone (the old behaviour) loses the other
        var single = CameraPath.Create(CameraKind.Follow, Reference, Subject, groundY: 0, duration: 4, follow: Messenger, followHeight: 1.7f);
        Assert.Contains(Times(), t => single.At(t).Project(Guard(t)).Pixel.X is < 0 or > 512);
    }

    [Fact]
    public void Follow_ZoomsOntoAFarActor()
    {
        // From 20 m away the reference shows the actor a tenth of the frame tall: the follow lens brings it to a third.
        var far = Camera.LookAt(new Vector3(0, 3, -20), new Vector3(0, 0.9f, 0), Vector3.UnitY, 0.8f, 512, 384);
        var cam = Make(CameraKind.Follow, far).At(2);
        float tall = cam.Project(Walker(2)).Pixel.Y - cam.Project(Walker(2) + new Vector3(0, 1.7f, 0)).Pixel.Y;
        Assert.InRange(tall / 384, 0.28f, 0.4f);
        Assert.True(cam.Fy > 2 * far.Fy);
    }

    [Theory]
    [InlineData(CameraKind.Static)]
    [InlineData(CameraKind.Orbit)]
    [InlineData(CameraKind.Dolly)]
    [InlineData(CameraKind.Follow)]
    [InlineData(CameraKind.Crane)]
    public void Moves_StartAndStopSmoothly_AndNeverGoBelowTheGround(CameraKind kind)
    {
        // A low reference view (eye 0.1 m above the ground) must still stay above the clearance.
        var low = Camera.LookAt(new Vector3(0, 0.1f, -6), new Vector3(0, 0.5f, 0), Vector3.UnitY, 0.8f, 512, 384);
        foreach (var reference in new[] { Reference, low })
        {
            var path = Make(kind, reference);
            foreach (var t in Times())
                Assert.True(path.At(t).Position.Y >= CameraPath.GroundClearance - 1e-4f || kind == CameraKind.Static, $"{kind} t={t}");
            const float h = 1e-3f;
            foreach (var t in new[] { 0f, 4f - h })
            {
                var v = (path.At(t + h).Position - path.At(t).Position).Length() / h;
                // Follow moves with the actor (1.6 m/s here) but eases in: slower than the actor at the ends.
                Assert.True(v < (kind == CameraKind.Follow ? 1.0f : 1e-2f), $"{kind} speed {v} at t={t}");
            }
        }
    }

    [Fact]
    public void SmootherStep_HasFlatEnds()
    {
        Assert.Equal(0f, CameraPath.SmootherStep(0));
        Assert.Equal(1f, CameraPath.SmootherStep(1));
        Assert.Equal(0.5f, CameraPath.SmootherStep(0.5f), 5);
        Assert.True(CameraPath.SmootherStep(0.01f) < 1e-4f);
    }

    [Fact]
    public void Parse_NamesTheChoices()
    {
        Assert.Equal(CameraKind.Crane, CameraPath.Parse(" Crane "));
        var e = Assert.Throws<C3VException>(() => CameraPath.Parse("zoom"));
        Assert.Contains("static, orbit, dolly, follow, crane", e.Message);
    }
}
