using System.Numerics;
using C3V.Actors;
using C3V.Splats;

namespace C3V.Tests.Actors;

public class SkeletonMotionTests
{
    static Quaternion Rx(float deg) => Quaternion.CreateFromAxisAngle(Vector3.UnitX, deg * MathF.PI / 180);
    static Quaternion Ry(float deg) => Quaternion.CreateFromAxisAngle(Vector3.UnitY, deg * MathF.PI / 180);

    [Fact]
    public void Default_skeleton_stands_on_the_floor_facing_plus_z()
    {
        var s = Skeleton.Default;
        Assert.Equal(22, Skeleton.Names.Length);
        var p = s.RestPositions;
        Assert.InRange(p[Skeleton.LeftFoot].Y, 0f, 0.04f);
        Assert.InRange(p[Skeleton.RightFoot].Y, 0f, 0.04f);
        Assert.True(p[Skeleton.LeftFoot].Z > p[Skeleton.LeftAnkle].Z, "toes point forward (+Z)");
        Assert.True(p[Skeleton.LeftHip].X > 0 && p[Skeleton.LeftWrist].X > 0.5f, "left is +X, arms out (T-pose)");
        Assert.InRange(p[Skeleton.Head].Y, 1.5f, 1.6f);
        for (int j = 1; j < 22; j++) Assert.True(Skeleton.Parents[j] < j);
        var tall = Skeleton.CreateHuman(2.0f);
        Assert.Equal(p[Skeleton.Head].Y * 2.0f / 1.75f, tall.RestPositions[Skeleton.Head].Y, 4);
    }

    [Fact]
    public void Forward_kinematics_rotates_children_about_the_joint()
    {
        var s = Skeleton.Default;
        var pose = Pose.Rest(s);
        pose.Local[Skeleton.LeftKnee] = Rx(90); // shin swings: (0,-l,0) → rotated about X
        var p = s.JointPositions(pose);
        var knee = s.RestPositions[Skeleton.LeftKnee];
        var ankle = p[Skeleton.LeftAnkle];
        Assert.InRange(ankle.Y - knee.Y, -0.03f, 0.03f); // the shin is horizontal
        Assert.True(ankle.Z < knee.Z - 0.3f);       // and points backwards for +90° about X
        Assert.Equal(s.Offsets[Skeleton.LeftAnkle].Length(), (ankle - knee).Length(), 4);
        // The foot follows the shin rigidly.
        Assert.Equal(s.Offsets[Skeleton.LeftFoot].Length(), (p[Skeleton.LeftFoot] - ankle).Length(), 4);
    }

    static MotionClip Turning(int frames, bool loop)
    {
        var s = Skeleton.Default;
        return MotionClip.FromFunction("t", ["test"], 30, (frames - 1) / 30f, loop, s, t =>
        {
            var p = Pose.Rest(s);
            p.Local[Skeleton.Spine1] = Ry(90 * t);
            return new Pose(p.Local, s.RestPositions[0] + new Vector3(0, 0, 1.2f * t));
        });
    }

    [Fact]
    public void Sample_interpolates_slerps_and_loops_with_root_displacement()
    {
        var clip = Turning(31, loop: true);
        Assert.Equal(1f, clip.Duration, 4);
        Assert.Equal(1.2f, clip.NaturalSpeed, 3);
        var p = clip.Sample(0.5f / 30f); // halfway between frame 0 and 1
        var expected = Ry(90 * 0.5f / 30f);
        Assert.True(MathF.Abs(Quaternion.Dot(expected, p.Local[Skeleton.Spine1])) > 0.99999f);
        // One lap later: same rotation, root 1.2 m further along +Z.
        var a = clip.Sample(0.25f);
        var b = clip.Sample(1.25f);
        Assert.True(MathF.Abs(Quaternion.Dot(a.Local[Skeleton.Spine1], b.Local[Skeleton.Spine1])) > 0.9999f);
        Assert.Equal(a.Root.Z + 1.2f, b.Root.Z, 3);
        // A non-looping clip clamps.
        var once = Turning(31, loop: false);
        Assert.Equal(once.Sample(1f).Root.Z, once.Sample(5f).Root.Z, 5);
    }

    [Fact]
    public void Speed_trim_blend_resample_keep_the_motion()
    {
        var clip = Turning(31, loop: false);
        var fast = clip.WithSpeed(2);
        Assert.Equal(0.5f, fast.Duration, 2);
        Assert.Equal(clip.Sample(0.6f).Root.Z, fast.Sample(0.3f).Root.Z, 3);
        var trimmed = clip.Trim(0.2f, 0.7f);
        Assert.Equal(0.5f, trimmed.Duration, 2);
        Assert.Equal(clip.Sample(0.2f).Root.Z, trimmed.Sample(0).Root.Z, 3);
        var still = MotionClip.FromFunction("s", ["still"], 30, 1, false, Skeleton.Default, _ => Pose.Rest(Skeleton.Default));
        var half = MotionClip.Blend(clip, still, 0.5f);
        var q = half.Sample(1f).Local[Skeleton.Spine1];
        Assert.True(MathF.Abs(Quaternion.Dot(q, Ry(45))) > 0.9999f);
        Assert.Equal(60, clip.Resample(60).FrameCount - 1);
        var tall = Skeleton.CreateHuman(2.1f);
        Assert.Equal(clip.Sample(1).Root.Z * 2.1f / 1.75f, clip.Sample(1, tall).Root.Z, 3);
    }

    [Fact]
    public void Root_motion_split_gives_in_place_clip_and_forward_path()
    {
        var s = Skeleton.Default;
        // Walks along +X while facing +X (heading 90°).
        var clip = MotionClip.FromFunction("x", ["x"], 30, 1, false, s, t =>
        {
            var p = Pose.Rest(s);
            p.Local[0] = Ry(90);
            return new Pose(p.Local, s.RestPositions[0] + new Vector3(2 * t, 0, 0));
        });
        Assert.Equal(MathF.PI / 2, clip.HeadingAt(0), 3);
        var (inPlace, path) = clip.SplitRootMotion();
        Assert.Equal(0f, inPlace.Root[^1].X, 4);
        Assert.Equal(0f, inPlace.Root[^1].Z, 4);
        Assert.Equal(s.HipHeight, inPlace.Root[^1].Y, 4);
        Assert.Equal(0f, inPlace.HeadingAt(10), 3);
        Assert.Equal(2f, path.Position[^1].Y, 3); // forward is +Z in the start-facing frame
        Assert.Equal(0f, path.Position[^1].X, 3);
    }

    [Fact]
    public void Foot_contacts_follow_height_and_speed()
    {
        var s = Skeleton.Default;
        var clip = MotionClip.FromFunction("lift", ["lift"], 30, 1, false, s, t =>
        {
            var p = Pose.Rest(s);
            if (t > 0.5f) p.Local[Skeleton.LeftHip] = Rx(-60); // raise the left leg forward
            return p;
        });
        Assert.True(clip.LeftContact[0] && clip.RightContact[0]);
        Assert.False(clip.LeftContact[^1]);
        Assert.True(clip.RightContact[^1]);
    }
}

public class SkinnedCloudTests
{
    static SkinnedCloud RandomSkinned(int n, int seed)
    {
        var rng = new Random(seed);
        var s = Skeleton.Default;
        var c = new GaussianCloud(n);
        var bones = new int[4][];
        var weights = new float[4][];
        for (int k = 0; k < 4; k++) { bones[k] = new int[n]; weights[k] = new float[n]; }
        for (int i = 0; i < n; i++)
        {
            int j = rng.Next(22);
            c.SetPosition(i, s.RestPositions[j] + new Vector3(rng.NextSingle() - 0.5f, rng.NextSingle() - 0.5f, rng.NextSingle() - 0.5f) * 0.2f);
            c.SetRotation(i, Quaternion.Normalize(new Quaternion(rng.NextSingle() - 0.5f, rng.NextSingle() - 0.5f, rng.NextSingle() - 0.5f, rng.NextSingle() + 0.2f)));
            int slots = 1 + rng.Next(4);
            for (int k = 0; k < slots; k++) { bones[k][i] = k == 0 ? j : rng.Next(22); weights[k][i] = 0.1f + rng.NextSingle(); }
        }
        return new SkinnedCloud(c, s, bones, weights);
    }

    static Pose RandomPose(int seed)
    {
        var rng = new Random(seed);
        var q = new Quaternion[22];
        for (int j = 0; j < 22; j++)
            q[j] = Quaternion.CreateFromYawPitchRoll(rng.NextSingle() - 0.5f, rng.NextSingle() - 0.5f, rng.NextSingle() - 0.5f);
        return new Pose(q, new Vector3(0.3f, 0.9f, -0.2f));
    }

    [Fact]
    public void Rest_pose_leaves_the_cloud_unchanged()
    {
        var sk = RandomSkinned(1003, 1);
        var posed = sk.Pose(Pose.Rest(sk.Skeleton));
        for (int i = 0; i < sk.Count; i++)
        {
            Assert.True(Vector3.Distance(sk.Rest.GetPosition(i), posed.GetPosition(i)) < 1e-5f);
            Assert.True(MathF.Abs(Quaternion.Dot(sk.Rest.GetRotation(i), posed.GetRotation(i))) > 0.99999f);
        }
    }

    [Fact]
    public void Skinning_matches_a_direct_reference()
    {
        var sk = RandomSkinned(2051, 2); // not a multiple of 8: exercises the SIMD and scalar tails
        var pose = RandomPose(3);
        var posed = sk.Pose(pose);
        var gr = new Quaternion[22];
        var gp = new Vector3[22];
        sk.Skeleton.ForwardKinematics(pose.Local, pose.Root, gr, gp);
        for (int i = 0; i < sk.Count; i++)
        {
            var x = sk.Rest.GetPosition(i);
            Vector3 sum = Vector3.Zero;
            int first = sk.Bones[0][i];
            for (int k = 0; k < 4; k++)
            {
                float w = sk.Weights[k][i];
                if (w == 0) continue;
                int b = sk.Bones[k][i];
                sum += w * (Vector3.Transform(x - sk.Skeleton.RestPositions[b], gr[b]) + gp[b]);
            }
            Assert.True(Vector3.Distance(sum, posed.GetPosition(i)) < 2e-4f, $"Gaussian {i}");
            // Single-bone Gaussians rotate exactly with their bone.
            if (sk.Weights[0][i] > 0.99999f)
            {
                var q = gr[first] * sk.Rest.GetRotation(i);
                Assert.True(MathF.Abs(Quaternion.Dot(q, posed.GetRotation(i))) > 0.9999f);
            }
            var r = posed.GetRotation(i);
            Assert.Equal(1f, r.Length(), 3);
        }
    }

    [Fact]
    public void The_written_bone_transforms_blended_per_gaussian_give_the_posed_cloud()
    {
        // What a GPU does with WriteBones (the studio's browser view): blend the 3×4 affines for the centre and the
        // quaternions (normalised) for the orientation, by the Gaussian's weights.
        var sk = RandomSkinned(517, 4);
        var pose = RandomPose(5);
        var bones = new float[22 * SkinnedCloud.BoneFloats];
        sk.WriteBones(pose.Local, pose.Root, bones);
        var posed = sk.Pose(pose);
        Span<float> m = stackalloc float[SkinnedCloud.BoneFloats];
        for (int i = 0; i < sk.Count; i++)
        {
            m.Clear();
            for (int k = 0; k < 4; k++)
                for (int c = 0; c < SkinnedCloud.BoneFloats; c++) m[c] += sk.Weights[k][i] * bones[sk.Bones[k][i] * SkinnedCloud.BoneFloats + c];
            var x = sk.Rest.GetPosition(i);
            var p = new Vector3(m[0] * x.X + m[1] * x.Y + m[2] * x.Z + m[3], m[4] * x.X + m[5] * x.Y + m[6] * x.Z + m[7], m[8] * x.X + m[9] * x.Y + m[10] * x.Z + m[11]);
            var q = Quaternion.Normalize(new Quaternion(m[12], m[13], m[14], m[15])) * sk.Rest.GetRotation(i);
            Assert.True(Vector3.Distance(p, posed.GetPosition(i)) < 1e-4f, $"Gaussian {i}: centre");
            Assert.True(MathF.Abs(Quaternion.Dot(q, posed.GetRotation(i))) > 0.9999f, $"Gaussian {i}: orientation");
        }
        Assert.Throws<ArgumentException>(() => sk.WriteBones(pose.Local, pose.Root, new float[10]));
    }

    [Fact]
    public void Bad_weights_are_rejected()
    {
        var c = new GaussianCloud(1);
        var b = new int[4][] { [0], [0], [0], [0] };
        var w = new float[4][] { [0], [0], [0], [0] };
        Assert.Throws<ArgumentException>(() => new SkinnedCloud(c, Skeleton.Default, b, w));
        var bad = new int[4][] { [30], [0], [0], [0] };
        Assert.Throws<ArgumentException>(() => new SkinnedCloud(c, Skeleton.Default, bad, new float[4][] { [1], [0], [0], [0] }));
    }
}
