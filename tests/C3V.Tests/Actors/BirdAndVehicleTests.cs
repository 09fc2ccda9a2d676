using System.Numerics;
using C3V.Actors;

namespace C3V.Tests.Actors;

public class BirdAndVehicleTests
{
    [Theory]
    [InlineData("a pigeon", "pigeon", 0.25f, 0.4f)]
    [InlineData("a penguin", "penguin", 0.6f, 0.85f)]
    [InlineData("an eagle", "eagle", 0.7f, 1.0f)]
    [InlineData("a t-rex", "dinosaur", 3.0f, 4.6f)]
    public void Birds_are_built_on_their_rig_at_real_sizes(string text, string build, float lo, float hi)
    {
        var body = ProceduralBodies.Generate(text, 1);
        Assert.Equal(BodyRig.Bird, body.Rig);
        Assert.Equal(build, BirdSpec.FromDescription(text)!.Build.Id);
        Assert.InRange(body.Cloud.Skeleton.Height, lo, hi);
        // Feet on the ground in the rest pose.
        Assert.InRange(body.Cloud.Skeleton.RestPositions[Skeleton.LeftFoot].Y, 0, 0.05f * body.Cloud.Skeleton.Height);
    }

    [Fact]
    public void Flying_lifts_the_bird_and_beats_the_wings_while_walking_keeps_them_folded()
    {
        var s = BirdMotions.Reference;
        var fly = ProceduralMotions.Find("bird fly")!;
        Assert.True(fly.Loop);
        float lowTip = float.MaxValue, highTip = float.MinValue;
        for (float t = 0; t < fly.Duration; t += 0.02f)
        {
            var p = s.JointPositions(fly.Sample(t));
            Assert.True(p[Skeleton.Pelvis].Y > 5 * s.RestPositions[Skeleton.Pelvis].Y, "airborne");
            float tip = p[Skeleton.LeftWrist].Y - p[Skeleton.Spine3].Y;
            lowTip = MathF.Min(lowTip, tip); highTip = MathF.Max(highTip, tip);
        }
        Assert.True(highTip - lowTip > 0.5f * (s.RestPositions[Skeleton.LeftWrist].X - s.RestPositions[Skeleton.LeftCollar].X), "wingbeat amplitude");
        var walk = ProceduralMotions.Find("bird walk")!;
        var w = s.JointPositions(walk.Sample(0.1f));
        // Folded: the wing's hand lies back along the body, not out to the side.
        Assert.True(MathF.Abs(w[Skeleton.LeftWrist].X) < 0.5f * s.RestPositions[Skeleton.LeftWrist].X, $"folded wing at x = {w[Skeleton.LeftWrist].X:F3}");
        Assert.True(w[Skeleton.LeftWrist].Z < w[Skeleton.Spine3].Z, "folded wing points back");
    }

    [Theory]
    [InlineData("a red car", "car")]
    [InlineData("a yellow bus", "bus")]
    [InlineData("a bicycle", "bicycle")]
    [InlineData("a boat", "boat")]
    [InlineData("a drone", "drone")]
    [InlineData("a ball", "ball")]
    public void Vehicles_and_things_are_rigid_bodies(string text, string build)
    {
        var spec = RigidSpec.FromDescription(text)!;
        Assert.Equal(build, spec.Build);
        var body = ProceduralBodies.Generate(text, 1);
        Assert.Equal(BodyRig.Rigid, body.Rig);
        Assert.True(body.Cloud.Count > 1000);
    }

    [Fact]
    public void Wheels_turn_by_the_distance_travelled_on_any_vehicle()
    {
        var drive = ProceduralMotions.Find("rigid drive")!;
        Assert.True(drive.Loop);
        foreach (var text in new[] { "a car", "a bus", "a bicycle" })
        {
            var cloud = ProceduralBodies.Generate(text, 1).Cloud;
            var s = cloud.Skeleton;
            float radius = s.RestPositions[Skeleton.Pelvis].Y;   // the body joint sits at axle height
            float t = 0.3f * drive.Duration;
            var pose = drive.Sample(t, s);
            float travelled = pose.Root.Z - s.RestPositions[Skeleton.Pelvis].Z;
            // The rear wheel's turn about X (rolling without slipping: angle = distance / radius).
            var q = pose.Local[RigidSkeleton.RearLeft];
            float angle = 2 * MathF.Atan2(q.X, q.W);
            Assert.True(MathF.Abs(angle - travelled / radius) < 0.02f, $"{text}: wheel turned {angle:F3} rad for {travelled:F3} m at r = {radius:F3}");
        }
        // One loop is exactly one wheel turn, so it closes.
        var first = drive.FrameRotations(0)[RigidSkeleton.RearLeft];
        var last = drive.FrameRotations(drive.FrameCount - 1)[RigidSkeleton.RearLeft];
        Assert.True(MathF.Abs(Quaternion.Dot(first, last)) > 0.999f);
    }

    [Fact]
    public void Every_rig_has_an_idle_first_and_clips_that_loop_or_end()
    {
        foreach (var rig in Enum.GetValues<BodyRig>())
        {
            var clips = ProceduralMotions.For(rig);
            Assert.True(clips.Count >= 3, rig.ToString());
            Assert.Equal(rig, clips[0].Rig);
            Assert.True(clips[0].NaturalSpeed < 0.2f, $"{rig}: the first clip stands still");
            Assert.Equal(clips.Count, clips.Select(c => c.Name).Distinct().Count());
        }
        var names = Enum.GetValues<BodyRig>().SelectMany(ProceduralMotions.For).Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
