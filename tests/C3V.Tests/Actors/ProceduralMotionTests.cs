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
}
