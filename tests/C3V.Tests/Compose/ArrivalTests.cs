using System.Numerics;
using C3V.Actors;
using C3V.Compose;

namespace C3V.Tests.Compose;

/// <summary>
/// A walker whose path is shorter than the video stops and stands (it does not walk on the spot), smoothly;
/// an actor whose action is aimed at another faces it.
/// </summary>
public class ArrivalTests
{
    const float Fps = 24;

    [Fact]
    public void Timing_slows_to_a_stop_and_blends_into_standing_instead_of_walking_on()
    {
        var t = PathTiming.Plan(2f, 6f, 1.3f, 1f); // 2 m at the slowest rate takes about 2 s of 6
        Assert.True(t.Locomotion);
        Assert.Equal(0.75f, t.PlaybackRate, 4);
        Assert.Equal(1f, t.ReachedFraction, 4);
        Assert.Equal(2f, t.ArcLengthAt(t.ArrivalTime), 4);
        Assert.Equal(0.4f, t.Settle, 4);
        // the clip stops advancing once arrived: no walking on the spot, and the pose is the standing one
        Assert.Equal(t.MotionTimeAt(t.ArrivalTime), t.MotionTimeAt(5.9f), 5);
        Assert.Equal(0f, t.RestWeightAt(t.ArrivalTime));
        Assert.Equal(0.5f, t.RestWeightAt(t.ArrivalTime + t.RestBlend / 2), 4);
        Assert.Equal(1f, t.RestWeightAt(t.ArrivalTime + t.RestBlend));
        // speed falls continuously from the cruise speed to 0 over the stop
        float h = 1e-3f;
        Assert.Equal(t.Speed, (t.ArcLengthAt(t.SettleStart + h) - t.ArcLengthAt(t.SettleStart - h)) / (2 * h), 2);
        Assert.Equal(0f, (t.ArcLengthAt(t.ArrivalTime) - t.ArcLengthAt(t.ArrivalTime - h)) / h, 2);
        // the clip's time follows the distance covered, so feet keep pace with the ground while slowing
        for (float time = 0; time < 6; time += 0.05f)
        {
            Assert.Equal(t.ArcLengthAt(time) / t.Speed * t.PlaybackRate, t.MotionTimeAt(time), 4);
            Assert.Equal(Math.Min(time, t.ArrivalTime), t.TimeAtArcLength(t.ArcLengthAt(time)), 2);
        }
    }

    [Fact]
    public void A_clip_with_root_drift_on_a_path_of_centimetres_acts_in_place_for_the_whole_video()
    {
        // a jump drifting forward at 0.5 m/s, placed in place (refinement left it a 6 cm path)
        var t = PathTiming.Plan(0.06f, 4f, 0.5f, 1f);
        Assert.False(t.Locomotion);
        Assert.Equal(0f, t.RestWeightAt(3.9f));
        Assert.Equal(3.9f, t.MotionTimeAt(3.9f), 4);
    }

    [Fact]
    public void A_path_too_long_for_the_video_is_walked_at_the_fastest_rate_without_stopping()
    {
        var t = PathTiming.Plan(30f, 6f, 1.3f, 1f);
        Assert.Equal(1.5f, t.PlaybackRate, 4);
        Assert.True(t.ReachedFraction < 1);
        Assert.Equal(0f, t.RestWeightAt(6f));
        Assert.Equal(t.Speed * 6f, t.ArcLengthAt(6f), 3);
    }

    [Fact]
    public void The_standing_pose_has_both_soles_on_the_ground_and_the_stop_has_no_pop()
    {
        var walker = TestActors.Walker();
        // standing: the lowest foot Gaussians at the rest pose's sole height, both feet level and planted
        float sole = walker.LowestFoot(walker.Pose(0.3f, 1f));
        Assert.Equal(walker.SoleHeight, sole, 3);
        var (left, right, l, r) = new FootSampler(walker).At(0.3f, 1f);
        Assert.True(l && r);
        Assert.Equal(left.Y, right.Y, 3);

        // a short walk in a 4 s video: after arrival nothing moves; while stopping, no Gaussian jumps more
        // per frame than while walking
        var scene = new ComposeScene(TestActors.Camera(), 0f, 10f, 4f, Fps);
        var layout = new ActorLayout("walker", [new(0, 0, 0), new(0, 0, 0.75f), new(0, 0, 1.5f)], 1f);
        var track = Composer.Track(walker, layout, scene);
        var (_, timing) = Composer.Plan(walker, layout, scene);
        Assert.True(timing.ArrivalTime < 2.5f);
        var frames = track.Frames;
        var previous = walker.Instance(frames[0]).Cloud.Clone();
        previous.Transform(frames[0].Transform);
        float walking = 0, stopping = 0, standing = 0;
        for (int f = 1; f < frames.Count; f++)
        {
            var posed = walker.Instance(frames[f]).Cloud.Clone();
            posed.Transform(frames[f].Transform);
            float step = 0;
            for (int i = 0; i < posed.Count; i++)
                step = MathF.Max(step, Vector3.Distance(new(posed.X[i], posed.Y[i], posed.Z[i]), new(previous.X[i], previous.Y[i], previous.Z[i])));
            float t = f / Fps;
            if (t < timing.SettleStart) walking = MathF.Max(walking, step);
            else if (t <= timing.ArrivalTime + timing.RestBlend + 1 / Fps) stopping = MathF.Max(stopping, step);
            else standing = MathF.Max(standing, step);
            previous = posed;
        }
        Assert.True(walking > 0.01f, $"walking moves {walking}");
        Assert.True(stopping <= walking, $"stopping moves {stopping} per frame, walking {walking}");
        Assert.Equal(0f, standing, 5);
        Assert.Equal(1f, frames[^1].Rest);
        Assert.Equal(1.5f, frames[^1].Position.Z, 1);
    }

    [Fact]
    public void An_actor_aimed_at_another_faces_it_at_every_moment()
    {
        var scene = new ComposeScene(TestActors.Camera(), 0f, 10f, 4f, Fps);
        var waver = new ComposedActor("woman", TestActors.StickFigure(Skeleton.CreateHuman(1.65f)), TestActors.Stand(Skeleton.CreateHuman(1.65f)));
        var walker = TestActors.Walker("man");
        var actors = new List<(ComposedActor, ActorLayout)>
        {
            (walker, new ActorLayout("man", [new(-3, 0, 4), new(0, 0, 4.2f), new(3, 0, 4)], 1f)),
            (waver, new ActorLayout("woman", [new(0, 0, 1), new(0, 0, 1)], 1f)),
        };
        // without a target she faces the camera (at z = −6)
        var plain = Composer.Compose(scene, actors);
        Assert.All(plain.Actor("woman").Frames, f => Assert.Equal(MathF.PI, MathF.Abs(f.Yaw), 2));

        var aimed = Composer.Compose(scene, actors, targets: new Dictionary<string, string> { ["woman"] = "man" });
        var man = aimed.Actor("man").Frames;
        var woman = aimed.Actor("woman").Frames;
        for (int f = 0; f < woman.Count; f++)
        {
            var d = man[f].Position - woman[f].Position;
            float toward = MathF.Atan2(d.X, d.Z);
            Assert.True(MathF.Abs(TrackBuilder.Wrap(woman[f].Yaw - toward)) < 0.05f, $"frame {f}: yaw {woman[f].Yaw}, toward {toward}");
        }
        // he walks facing his way (+X), then, stopped, turns to her (−Z) no faster than a person turns
        var track = aimed.Actor("man").Frames;
        Assert.Equal(plain.Actor("man").Frames[10].Yaw, track[10].Yaw, 4);
        var longer = scene with { Duration = 8f };
        var notAimed = Composer.Compose(longer, actors, targets: new Dictionary<string, string> { ["man"] = "woman" }).Actor("man").Frames;
        var last = Composer.Compose(longer, actors).Actor("woman").Frames[^1].Position - notAimed[^1].Position;
        Assert.True(MathF.Abs(TrackBuilder.Wrap(notAimed[^1].Yaw - MathF.Atan2(last.X, last.Z))) < 0.05f, $"final yaw {notAimed[^1].Yaw}");
        for (int f = 1; f < notAimed.Count; f++)
            Assert.True(MathF.Abs(TrackBuilder.Wrap(notAimed[f].Yaw - notAimed[f - 1].Yaw)) <= TrackBuilder.MaxTurnRate / Fps + 0.02f);
    }

    [Fact]
    public void A_delayed_timing_stands_until_its_start_then_moves_as_planned()
    {
        var planned = PathTiming.Plan(2f, 4f, 1.3f, 1f);
        var t = planned.After(2f, 6f);
        Assert.Equal(6f, t.Duration);
        Assert.Equal(planned.ReachedFraction, t.ReachedFraction);
        foreach (float time in new[] { 0f, 1f, 1.99f })
        {
            Assert.Equal(0f, t.ArcLengthAt(time));
            Assert.Equal(1f, t.RestWeightAt(time));
            Assert.Equal(t.MotionTimeAt(0), t.MotionTimeAt(time));
        }
        // then blends out of standing over StartBlendSeconds and walks exactly as the plan, shifted
        Assert.Equal(0f, t.RestWeightAt(2f + PathTiming.StartBlendSeconds + 0.01f));
        Assert.InRange(t.RestWeightAt(2f + PathTiming.StartBlendSeconds / 2), 0.4f, 0.6f);
        for (float time = 0; time < 4; time += 0.1f)
        {
            Assert.Equal(planned.ArcLengthAt(time), t.ArcLengthAt(time + 2f), 4);
            Assert.Equal(planned.MotionTimeAt(time), t.MotionTimeAt(time + 2f), 4);
        }
        Assert.Equal(2f + planned.ArrivalTime, t.TimeAtArcLength(2f), 2);
        Assert.Equal(1f, t.RestWeightAt(2f + planned.ArrivalTime + planned.RestBlend));
    }

    [Fact]
    public void Then_a_later_actor_waits_standing_until_the_earlier_walker_has_arrived()
    {
        var scene = new ComposeScene(TestActors.Camera(), 0f, 10f, 5f, Fps);
        var waver = new ComposedActor("woman", TestActors.StickFigure(Skeleton.CreateHuman(1.65f)), TestActors.Walk(Skeleton.CreateHuman(1.65f), speed: 0f));
        var actors = new List<(ComposedActor, ActorLayout)>
        {
            (TestActors.Walker("man"), new ActorLayout("man", [new(-3, 0, 4), new(-1.5f, 0, 4.1f), new(0, 0, 4)], 1f)),
            (waver, new ActorLayout("woman", [new(1, 0, 1), new(1, 0, 1)], 1f)),
        };
        var man = Composer.Plan(actors[0].Item1, actors[0].Item2, scene).Timing;
        Assert.True(man.Locomotion && man.ArrivalTime < 3.5f, $"the man arrives at {man.ArrivalTime} s");

        var delays = Composer.StartDelays(scene, actors, null, new Dictionary<string, int> { ["man"] = 0, ["woman"] = 1 });
        Assert.Equal(0f, delays[0]);
        Assert.Equal(man.ArrivalTime, delays[1], 3);
        var then = Composer.Compose(scene, actors, orders: new Dictionary<string, int> { ["man"] = 0, ["woman"] = 1 }).Actor("woman").Frames;
        int start = (int)MathF.Ceiling(man.ArrivalTime * Fps);
        for (int f = 0; f < start; f++)
        {
            Assert.Equal(1f, then[f].Rest);
            Assert.Equal(then[0].MotionTime, then[f].MotionTime);
        }
        Assert.Equal(0f, then[^1].Rest);
        Assert.True(then[^1].MotionTime > then[0].MotionTime + 1f, "she acts once he has arrived");
        // At the same time: nobody waits.
        Assert.All(Composer.Compose(scene, actors).Actor("woman").Frames, f => Assert.Equal(0f, f.Rest));
        // An in-place actor first: the walker waits for its action to be seen (a second at least, 40 % of the video at most).
        var inPlaceFirst = Composer.StartDelays(scene, actors, null, new Dictionary<string, int> { ["man"] = 1, ["woman"] = 0 });
        Assert.Equal(0f, inPlaceFirst[1]);
        Assert.InRange(inPlaceFirst[0], Composer.MinHoldSeconds, 0.4f * scene.Duration + 1e-3f);
        // A walker that arrives late still leaves the later actor MinActingSeconds.
        var shortScene = scene with { Duration = 3f };
        Assert.Equal(3f - Composer.MinActingSeconds, Composer.StartDelays(shortScene, actors, null, new Dictionary<string, int> { ["woman"] = 1 })[1], 3);
    }

    [Fact]
    public void An_actor_acting_in_place_waits_with_its_arms_down_not_mid_gesture()
    {
        var skeleton = Skeleton.CreateHuman(1.7f);
        var waver = new ComposedActor("woman", TestActors.StickFigure(skeleton), ProceduralMotions.Find("wave")!);
        Span<Quaternion> local = stackalloc Quaternion[Skeleton.JointCount], rot = stackalloc Quaternion[Skeleton.JointCount];
        Span<Vector3> joints = stackalloc Vector3[Skeleton.JointCount];
        var root = waver.SampleInto(0, 1f, local);
        skeleton.ForwardKinematics(local, root, rot, joints);
        foreach (var (wrist, shoulder) in new[] { (Skeleton.LeftWrist, Skeleton.LeftShoulder), (Skeleton.RightWrist, Skeleton.RightShoulder) })
            Assert.True(joints[wrist].Y < joints[shoulder].Y - 0.3f, $"{Skeleton.Names[wrist]} at {joints[wrist].Y:0.00} m, shoulder at {joints[shoulder].Y:0.00} m");
    }
}
