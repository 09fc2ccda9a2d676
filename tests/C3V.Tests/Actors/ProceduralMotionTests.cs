using System.Numerics;
using C3V.Actors;

namespace C3V.Tests.Actors;

public class ProceduralMotionTests
{
    [Fact]
    public void Library_has_twenty_labelled_distinct_clips()
    {
        var all = ProceduralMotions.All;
        Assert.True(all.Count >= 20);
        Assert.Equal(all.Count, all.Select(c => c.Name).Distinct().Count());
        foreach (var c in all)
        {
            Assert.True(c.Labels.Count >= 3, c.Name);
            Assert.InRange(c.Duration, 0.4f, 6f);
            foreach (var q in c.Rotations) Assert.True(float.IsFinite(q.W) && MathF.Abs(q.Length() - 1) < 1e-3f, c.Name);
        }
        Assert.True(all.Count(c => c.Labels.Contains("dance")) >= 3);
    }

    [Theory]
    [InlineData("walk", 1.0f, 1.6f)]
    [InlineData("walk slowly", 0.5f, 1.0f)]
    [InlineData("jog", 1.8f, 3.0f)]
    [InlineData("run", 3.0f, 4.5f)]
    public void Gaits_move_forward_at_natural_speeds_with_planted_feet(string name, float lo, float hi)
    {
        var clip = ProceduralMotions.Find(name)!;
        Assert.True(clip.Loop);
        Assert.InRange(clip.NaturalSpeed, lo, hi);
        Assert.True(clip.CycleDisplacement.Z > 0, "advances along +Z");
        var s = clip.Skeleton;
        // While a foot is planted it must not slide, and no foot goes below the floor.
        Vector3? plantedAt = null;
        int planted = 0;
        for (int f = 0; f < clip.FrameCount; f++)
        {
            var p = s.JointPositions(new Pose(clip.FrameRotations(f).ToArray(), clip.Root[f]));
            Assert.True(p[Skeleton.LeftFoot].Y > -0.02f && p[Skeleton.RightFoot].Y > -0.02f, $"{name} frame {f}");
            if (clip.LeftContact[f])
            {
                planted++;
                var toe = p[Skeleton.LeftFoot];
                if (plantedAt is { } at && MathF.Abs(toe.Y - at.Y) < 0.02f) Assert.True(Vector2.Distance(new(toe.X, toe.Z), new(at.X, at.Z)) < 0.08f, $"{name}: foot slides at frame {f}");
                plantedAt ??= toe;
            }
            else plantedAt = null;
        }
        Assert.True(planted > 0, "the left foot touches down");
        // Loop closure: last frame = first frame moved by one cycle.
        for (int j = 1; j < Skeleton.JointCount; j++)
            Assert.True(MathF.Abs(Quaternion.Dot(clip.Rotations[j], clip.Rotations[(clip.FrameCount - 1) * Skeleton.JointCount + j])) > 0.995f, $"{name} joint {j}");
    }

    [Fact]
    public void Standing_clips_keep_both_feet_down_at_the_start()
    {
        foreach (var name in new[] { "idle", "wave", "clap", "bow", "punch" })
        {
            var c = ProceduralMotions.Find(name)!;
            Assert.True(c.LeftContact[0] && c.RightContact[0], name);
            Assert.True(c.NaturalSpeed < 0.2f, name);
        }
    }

    [Fact]
    public void Wave_raises_the_right_hand_above_the_head()
    {
        var c = ProceduralMotions.Find("wave")!;
        var p = c.Skeleton.JointPositions(c.Sample(1.2f));
        Assert.True(p[Skeleton.RightWrist].Y > p[Skeleton.Head].Y - 0.05f, $"wrist {p[Skeleton.RightWrist]} head {p[Skeleton.Head]}");
        Assert.True(p[Skeleton.LeftWrist].Y < p[Skeleton.Pelvis].Y + 0.1f);
    }

    /// <summary>Extent (max − min) of a joint's position over a clip as seen from the front (X across, Y up), metres.</summary>
    static Vector2 FrontExtent(MotionClip c, int joint)
    {
        var lo = new Vector2(float.MaxValue); var hi = new Vector2(float.MinValue);
        for (int f = 0; f < c.FrameCount; f++)
        {
            var p = c.Skeleton.JointPositions(new Pose(c.FrameRotations(f).ToArray(), c.Root[f]))[joint];
            lo = Vector2.Min(lo, new Vector2(p.X, p.Y)); hi = Vector2.Max(hi, new Vector2(p.X, p.Y));
        }
        return hi - lo;
    }

    /// <summary>
    /// The kung fu clip moves visibly from the front: its wrists and the kicking ankle sweep far more across and
    /// up the picture than those of the punch clip "kung fu" used to get (when written: kung fu wrists 1.18 × 0.65 m,
    /// kicking ankle 0.54 × 0.80 m; that punch clip's wrists 0.60 × 0.22 m, ankles 0).
    /// </summary>
    [Fact]
    public void Kung_fu_moves_the_hands_and_a_foot_widely_across_the_front_view()
    {
        var kf = ProceduralMotions.Find("kung fu")!;
        var wrist = Vector2.Max(FrontExtent(kf, Skeleton.LeftWrist), FrontExtent(kf, Skeleton.RightWrist));
        var ankle = FrontExtent(kf, Skeleton.RightAnkle);
        Assert.True(wrist.X > 0.6f && wrist.Y > 0.5f, $"wrist extent {wrist}");
        Assert.True(ankle.X > 0.5f && ankle.Y > 0.5f, $"kicking ankle extent {ankle}");
        var old = new Vector2(0.60f, 0.22f); // the old punch clip's wrists
        Assert.True(wrist.Length() > 2 * old.Length(), $"kung fu wrist {wrist} vs the old punch clip's {old}");
    }

    [Fact]
    public void Kung_fu_keeps_its_feet_planted_in_the_stance_and_loops_without_a_seam()
    {
        var c = ProceduralMotions.Find("kung fu")!;
        Assert.True(c.Loop);
        Assert.InRange(c.Duration, 4f, 8f);
        Assert.True(c.NaturalSpeed < 0.1f, "stays in place");
        var s = c.Skeleton;
        Vector3[] At(int f) => s.JointPositions(new Pose(c.FrameRotations(f).ToArray(), c.Root[f]));
        var first = At(0);
        int lifted = 0;
        for (int f = 0; f < c.FrameCount; f++)
        {
            var p = At(f);
            // The left foot never moves; the right one is on the ground at its place outside the kick.
            Assert.True(Vector3.Distance(p[Skeleton.LeftFoot], first[Skeleton.LeftFoot]) < 0.03f, $"left foot moved at frame {f}");
            Assert.True(p[Skeleton.LeftFoot].Y > -0.02f && p[Skeleton.RightFoot].Y > -0.02f, $"foot below the floor at frame {f}");
            if (Vector3.Distance(p[Skeleton.RightFoot], first[Skeleton.RightFoot]) > 0.03f) lifted++;
            else Assert.True(c.RightContact[f], $"right foot planted but not in contact at frame {f}");
        }
        Assert.InRange(lifted / (float)c.FrameCount, 0.1f, 0.35f); // only the kick lifts it
        // Loop seam: the last frame is the first, and the motion is at rest on both sides of the seam.
        var last = At(c.FrameCount - 1);
        for (int j = 0; j < Skeleton.JointCount; j++)
        {
            Assert.True(Vector3.Distance(first[j], last[j]) < 0.005f, $"joint {j} jumps at the seam");
            Assert.True(Vector3.Distance(At(1)[j], first[j]) < 0.02f && Vector3.Distance(At(c.FrameCount - 2)[j], last[j]) < 0.02f, $"joint {j} moves fast at the seam");
        }
    }

    /// <summary>Boxing throws a hook across and an uppercut up the front view, with both feet planted and a seamless loop.</summary>
    [Fact]
    public void Boxing_hooks_and_uppercuts_visibly_with_planted_feet()
    {
        var c = ProceduralMotions.Find("punch")!;
        var left = FrontExtent(c, Skeleton.LeftWrist);
        var right = FrontExtent(c, Skeleton.RightWrist);
        Assert.True(left.X > 0.35f, $"the left hook swings across: {left}");
        Assert.True(right.Y > 0.35f, $"the right uppercut rises: {right}");
        var s = c.Skeleton;
        Vector3[] At(int f) => s.JointPositions(new Pose(c.FrameRotations(f).ToArray(), c.Root[f]));
        var first = At(0);
        for (int f = 0; f < c.FrameCount; f++)
        {
            var p = At(f);
            foreach (int foot in new[] { Skeleton.LeftFoot, Skeleton.RightFoot })
                Assert.True(Vector3.Distance(p[foot], first[foot]) < 0.03f, $"foot {foot} moved at frame {f}");
        }
        var last = At(c.FrameCount - 1);
        for (int j = 0; j < Skeleton.JointCount; j++) Assert.True(Vector3.Distance(first[j], last[j]) < 0.01f, $"joint {j} jumps at the seam");
    }
}
