using System.Numerics;
using C3V.Actors;
using C3V.Common;

namespace C3V.Tests.Actors;

public class BvhTests
{
    /// <summary>A small Mixamo-named rig in centimetres, ZXY rotation order, every joint with 6 channels (Bandai style) except the end ones.</summary>
    internal static string Fixture(string motion, string order = "Zrotation Xrotation Yrotation", int frames = 3)
    {
        string J(string name, float x, float y, float z, string inner, bool six = false) =>
            $"JOINT {name}\n{{\nOFFSET {x} {y} {z}\nCHANNELS {(six ? 6 : 3)} {(six ? "Xposition Yposition Zposition " : "")}{order}\n{inner}}}\n";
        string End(float x, float y, float z) => $"End Site\n{{\nOFFSET {x} {y} {z}\n}}\n";
        string leg(string s, float x) => J($"mixamorig:{s}UpLeg", x, -8, 0, J($"mixamorig:{s}Leg", 0, -42, 0, J($"mixamorig:{s}Foot", 0, -42, 0, J($"mixamorig:{s}ToeBase", 0, -6, 12, End(0, 0, 5)))));
        string arm(string s, float x) => J($"mixamorig:{s}Shoulder", x * 7, 12, 0, J($"mixamorig:{s}Arm", x * 11, 0, 0, J($"mixamorig:{s}ForeArm", x * 26, 0, 0, J($"mixamorig:{s}Hand", x * 24, 0, 0, End(x * 10, 0, 0)))));
        string spine = J("mixamorig:Spine", 0, 11, 0, J("mixamorig:Spine1", 0, 13, 0, J("mixamorig:Spine2", 0, 8, 0,
            J("mixamorig:Neck", 0, 15, 0, J("mixamorig:Head", 0, 9, 0, End(0, 18, 0))) + arm("Left", 1) + arm("Right", -1))), six: true);
        return $"HIERARCHY\nROOT mixamorig:Hips\n{{\nOFFSET 0 0 0\nCHANNELS 6 Xposition Yposition Zposition {order}\n{leg("Left", 8.5f)}{leg("Right", -8.5f)}{spine}}}\n{motion}";
    }

    // Channel count: root 6 + 4 joints per leg ×3 ×2 + Spine 6 + Spine1, Spine2, Neck, Head 3×4 + 4 per arm ×3 ×2 = 6+24+6+12+24 = 72.
    const int Channels = 72;

    internal static string Rows(int frames, Func<int, float[]> row) =>
        $"MOTION\nFrames: {frames}\nFrame Time: 0.0333333\n" + string.Join("\n", Enumerable.Range(0, frames).Select(f => string.Join(" ", row(f).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))))) + "\n";

    internal static float[] Still(int f)
    {
        var v = new float[Channels];
        v[0] = 0; v[1] = 98; v[2] = 10 * f; // hips 98 cm up, moving 10 cm per frame along +Z
        v[24 + 6 + 3 * 0] = 0;               // Spine's position channels equal its offset below
        v[30] = 0; v[31] = 11; v[32] = 0;
        return v;
    }

    [Fact]
    public void Reads_hierarchy_channels_and_motion()
    {
        var bvh = BvhReader.Parse(Fixture(Rows(3, Still)), "fixture.bvh");
        Assert.Equal(3, bvh.FrameCount);
        Assert.Equal(Channels, bvh.ChannelCount);
        Assert.Equal(1 / 30f, bvh.FrameTime, 4);
        Assert.Equal("mixamorig:Hips", bvh.Joints[0].Name);
        Assert.Equal(new[] { BvhChannel.Xposition, BvhChannel.Yposition, BvhChannel.Zposition, BvhChannel.Zrotation, BvhChannel.Xrotation, BvhChannel.Yrotation }, bvh.Joints[0].Channels);
        Assert.Equal(6, bvh.Joints[bvh.IndexOf("mixamorig:Spine")].Channels.Length);
        Assert.NotNull(bvh.Joints[bvh.IndexOf("mixamorig:Head")].EndSite);
    }

    [Fact]
    public void Rotation_order_is_the_declared_channel_order()
    {
        // Zrotation 90 then Xrotation 90: R = Rz·Rx.
        var row = Still(0);
        int knee = 3 + 3; // left knee block: after root (6) and LeftUpLeg (3)
        var bvh = BvhReader.Parse(Fixture(Rows(1, _ => { var r = (float[])row.Clone(); r[6 + 3] = 90; r[6 + 4] = 90; return r; })), "o.bvh");
        _ = knee;
        var q = bvh.Rotation(0, bvh.IndexOf("mixamorig:LeftLeg"));
        var expected = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, MathF.PI / 2) * Quaternion.CreateFromAxisAngle(Vector3.UnitX, MathF.PI / 2);
        Assert.True(MathF.Abs(Quaternion.Dot(q, expected)) > 0.9999f);
        var other = BvhReader.Parse(Fixture(Rows(1, _ => { var r = (float[])row.Clone(); r[6 + 3] = 90; r[6 + 4] = 90; return r; }), "Xrotation Zrotation Yrotation"), "o2.bvh");
        var q2 = other.Rotation(0, other.IndexOf("mixamorig:LeftLeg"));
        var expected2 = Quaternion.CreateFromAxisAngle(Vector3.UnitX, MathF.PI / 2) * Quaternion.CreateFromAxisAngle(Vector3.UnitZ, MathF.PI / 2);
        Assert.True(MathF.Abs(Quaternion.Dot(q2, expected2)) > 0.9999f);
    }

    [Fact]
    public void Retargets_a_centimetre_mixamo_rig_onto_the_skeleton()
    {
        var bvh = BvhReader.Parse(Fixture(Rows(31, Still)), "walk.bvh");
        var (rig, _) = Retargeter.MapJoints(bvh);
        Assert.Equal("Mixamo", rig.Rig);
        var clip = Retargeter.ToClip(bvh, "walk", ["walk"]);
        Assert.Equal(30, clip.Fps, 2);
        Assert.Equal(1f, clip.Duration, 2);
        Assert.Equal(3f, clip.NaturalSpeed, 1); // 10 cm per frame at 30 fps
        var p = clip.Skeleton.JointPositions(clip.Sample(0.5f));
        Assert.InRange(p[Skeleton.LeftFoot].Y, -0.02f, 0.05f);
        Assert.True(p[Skeleton.LeftWrist].X > 0.4f, "left arm stays on the left (+X), straight out");
        Assert.True(p[Skeleton.Head].Y > 1.3f);
    }

    [Theory]
    [InlineData("MOTION\nFrames: 2\nFrame Time: 0.03\n0 0 0\n0 0 0\n", "values, the hierarchy declares")]
    [InlineData("", "missing MOTION")]
    [InlineData("MOTION\nFrames: 3\nFrame Time: 0.03\n", "motion ends after 0 rows")]
    [InlineData("MOTION\nFrames: 1\nFrame Time: -1\n", "Frame Time")]
    public void Malformed_files_are_named_errors(string motion, string message)
    {
        var e = Assert.Throws<InvalidFileException>(() => BvhReader.Parse(Fixture(motion), "bad.bvh"));
        Assert.Contains("bad.bvh", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Nan_and_bad_channels_are_rejected()
    {
        var nan = Rows(1, f => { var r = Still(f); r[5] = float.NaN; return r; });
        var e = Assert.Throws<InvalidFileException>(() => BvhReader.Parse(Fixture(nan), "nan.bvh"));
        Assert.Contains("not", e.Message);
        var badCount = Fixture(Rows(1, Still)).Replace("CHANNELS 6 Xposition Yposition Zposition Zrotation", "CHANNELS 7 Xposition Yposition Zposition Zrotation");
        Assert.Throws<InvalidFileException>(() => BvhReader.Parse(badCount, "c.bvh"));
        var badName = Fixture(Rows(1, Still)).Replace("CHANNELS 3 Zrotation", "CHANNELS 3 Wrotation");
        Assert.Contains("channel names", Assert.Throws<InvalidFileException>(() => BvhReader.Parse(badName, "n.bvh")).Message);
    }

    [Fact]
    public void Unknown_joint_names_are_an_error_naming_what_is_missing()
    {
        var text = Fixture(Rows(1, Still)).Replace("mixamorig:LeftForeArm", "Bone07").Replace("mixamorig:RightForeArm", "Bone08");
        var bvh = BvhReader.Parse(text, "odd.bvh");
        var e = Assert.Throws<InvalidFileException>(() => Retargeter.ToClip(bvh, "x", ["x"]));
        Assert.Contains("left_elbow", e.Message);
        Assert.Contains("odd.bvh", e.Message);
    }

    [Fact]
    public void Missing_file_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidFileException>(() => BvhReader.Read("/nonexistent/x.bvh"));
        Assert.Contains("not found", e.Message);
    }
}

public class CmuRetargetTests
{
    static readonly string[] Files =
        ["07_06", "07_04", "02_03", "09_01", "02_04", "01_01", "05_02", "05_06", "05_10", "02_05", "02_09", "02_06", "01_08", "06_10", "06_14", "01_14"];

    [SkippableFact]
    public void Every_cmu_clip_retargets_grounded_upright_with_forward_knees()
    {
        SharedData.RequireFile("motions/cmu/07_06.bvh");
        var lib = MotionLibrary.FromBvhFolder(Path.Combine(SharedData.Root!, "motions/cmu"));
        Assert.Equal(16, lib.Clips.Count);
        foreach (var clip in lib.Clips)
        {
            Assert.Equal(30, clip.Fps, 2);
            Assert.True(clip.Labels.Count >= 3, clip.Name);
            var s = clip.Skeleton;
            int backwardKnees = 0, checkedKnees = 0, low = 0;
            for (int f = 0; f < clip.FrameCount; f += 3)
            {
                var pose = new Pose(clip.FrameRotations(f).ToArray(), clip.Root[f]);
                var p = s.JointPositions(pose);
                foreach (var v in p) Assert.True(float.IsFinite(v.X + v.Y + v.Z), clip.Name);
                if (MathF.Min(p[Skeleton.LeftFoot].Y, p[Skeleton.RightFoot].Y) < 0.12f) low++;
                var forward = Vector3.Transform(Vector3.UnitZ, pose.Local[0]);
                foreach (var (h, k, a) in new[] { (1, 4, 7), (2, 5, 8) })
                {
                    var mid = (p[h] + p[a]) / 2;
                    var bend = p[k] - mid;
                    if (bend.Length() < 0.04f) continue; // leg nearly straight
                    checkedKnees++;
                    if (Vector3.Dot(bend, forward) < -0.02f) backwardKnees++;
                }
            }
            // Playground clips (01_*) climb onto equipment for most of their length; the others stand or move on the floor.
            int needed = clip.Name.StartsWith("01_") ? clip.FrameCount / 3 / 20 : clip.FrameCount / 3 / 3;
            Assert.True(low > needed, $"{clip.Name}: feet rarely near the floor ({low})");
            Assert.True(backwardKnees <= checkedKnees / 10, $"{clip.Name}: {backwardKnees}/{checkedKnees} knees bend backwards");
        }
        // Walks and runs go forward (+Z) facing where they go.
        foreach (var (name, lo, hi) in new[] { ("07_06", 1.0f, 1.5f), ("07_04", 0.7f, 1.2f), ("09_01", 2.5f, 4.5f), ("02_03", 1.5f, 4f) })
        {
            var c = lib.Find(name)!;
            Assert.InRange(c.NaturalSpeed, lo, hi);
            var d = Vector3.Normalize(new Vector3(c.CycleDisplacement.X, 0, c.CycleDisplacement.Z));
            Assert.True(d.Z > 0.8f, $"{name} travels along {d}");
        }
    }
}
