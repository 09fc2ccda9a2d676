using System.Numerics;
using C3V.Actors;
using C3V.Compose;

namespace C3V.Tests.Compose;

/// <summary>Foot skating of composed tracks: sway kept in the played clip, turns pivoting about the planted foot.</summary>
public class SkatingTests
{
    static readonly ComposeScene Scene = new(TestActors.Camera(), 0f, 10f, 3f, 30);

    /// <summary>The test walk with a pelvis that sways ±<paramref name="sway"/> m from side to side once per stride cycle.</summary>
    static MotionClip Swaying(Skeleton skeleton, float sway)
    {
        var walk = TestActors.Walk(skeleton);
        var root = walk.Root.Select((r, i) => r + new Vector3(sway * MathF.Sin(2 * MathF.PI * i / (walk.FrameCount - 1)), 0, 0)).ToArray();
        return new MotionClip("sway", walk.Labels, walk.Fps, walk.Rotations, root, true, walk.Skeleton);
    }

    /// <summary>Mean horizontal speed of the planted feet of the clip played with its own root motion (its own skating).</summary>
    static float NativeSkating(MotionClip clip, Skeleton skeleton, float fps, float duration)
    {
        var local = new Quaternion[Skeleton.JointCount];
        var rot = new Quaternion[Skeleton.JointCount];
        var pos = new Vector3[Skeleton.JointCount];
        Vector3 pl = default, pr = default;
        double sum = 0;
        int count = 0;
        for (int f = 0; f <= (int)(duration * fps); f++)
        {
            skeleton.ForwardKinematics(local, clip.SampleInto(f / fps, local, skeleton), rot, pos);
            Vector3 l = pos[Skeleton.LeftFoot], r = pos[Skeleton.RightFoot];
            if (f > 0)
            {
                var (cl, cr) = clip.ContactsAt(f / fps);
                var (ql, qr) = clip.ContactsAt((f - 1) / fps);
                if (cl && ql) { sum += new Vector2(l.X - pl.X, l.Z - pl.Z).Length() * fps; count++; }
                if (cr && qr) { sum += new Vector2(r.X - pr.X, r.Z - pr.Z).Length() * fps; count++; }
            }
            (pl, pr) = (l, r);
        }
        return (float)(sum / count);
    }

    [Fact]
    public void A_swaying_walk_played_along_a_straight_path_skates_as_little_as_the_clip_itself()
    {
        var skin = TestActors.Walker().Skin;
        var sway = new ComposedActor("a", skin, Swaying(skin.Skeleton, 0.03f));
        // the sway stays in the played clip: only the straight, constant-speed mean travel is taken out
        Assert.True(sway.InPlace.Root.Max(r => MathF.Abs(r.X)) > 0.025f);
        var layout = new ActorLayout("a", [new Vector3(-1.5f, 0, 3), new Vector3(1.5f, 0, 3)], 1f);
        var scene = Scene with { Duration = 3f / sway.NaturalSpeed };
        // walking the whole way at the natural pace, without stopping at the end (stopping is tested in ArrivalTests)
        var noStop = new TimingOptions { SettleSeconds = 0, RestBlendSeconds = 0 };
        float composed = Composer.FootSkating(sway, Composer.Track(sway, layout, scene, noStop), scene.Fps);
        float native = NativeSkating(sway.Clip, skin.Skeleton, scene.Fps, scene.Duration);
        // losing the sway would add ~0.1 m/s (±3 cm at 1 Hz) to the planted feet
        Assert.True(composed < native + 0.01f, $"composed {composed} m/s, the clip itself {native} m/s");
    }

    [Fact]
    public void Turning_about_the_planted_foot_reduces_skating_on_a_curve_and_stays_near_the_path()
    {
        var actor = TestActors.Walker();
        Vector3[] pts = [new(-1.2f, 0, 2), new(0, 0, 3.2f), new(1.2f, 0, 2)];
        var layout = new ActorLayout("walker", pts, 1f);
        var (path, timing) = Composer.Plan(actor, layout, Scene);
        var pivoting = Composer.Track(actor, layout, Scene);
        var rootTurning = TrackBuilder.Build("walker", path, timing, 1f, Scene.Fps, Scene.FrameCount, 0f, actor.Height);
        float with = Composer.FootSkating(actor, pivoting, Scene.Fps), without = Composer.FootSkating(actor, rootTurning, Scene.Fps);
        Assert.True(with < 0.75f * without, $"pivoting {with} m/s, turning about the pelvis {without} m/s");
        float drift = pivoting.Frames.Zip(rootTurning.Frames, (x, y) => Vector3.Distance(x.Position, y.Position)).Max();
        Assert.True(drift < 0.15f, $"pivoting drifted {drift} m from the path");
    }
}
