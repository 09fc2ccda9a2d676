using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using C3V.Splats;

namespace C3V.Actors;

/// <summary>
/// A Gaussian cloud in the skeleton's rest pose with up to four bone influences per Gaussian, posed by
/// linear blend skinning.
/// </summary>
/// <remarks>
/// <para>Bone transform of joint j: B_j(x) = R_j·(x − rest_j) + p_j, with R_j, p_j from forward kinematics
/// (the rest pose has identity global rotations, so no inverse bind matrix is needed).</para>
/// <para>Positions: x' = (Σ_k w_k·B_k)(x), true linear blend skinning.</para>
/// <para>Orientation and non-rigid blends: the blended linear part Σ w_k·R_k is not a rotation where bones
/// disagree (it shrinks and shears: the "candy wrapper" of LBS). Applying it to the covariance would
/// flatten Gaussians at bent joints, so instead each Gaussian is rotated by the normalised weighted sum of
/// its bones' quaternions (the rotation part of dual-quaternion skinning; sign-consistent because every
/// bone's quaternion is put in its parent's hemisphere) and keeps its scales. Where all weights sit on one
/// bone this is exactly the bone's rotation. SH bands above 0 are not rotated (avatars are degree 0).</para>
/// <para>Layout: structure of arrays (bone index and weight per slot), posed 8 Gaussians at a time with
/// AVX2 gathers of the 22 bone transforms, over cores with Parallel.For.</para>
/// </remarks>
public sealed class SkinnedCloud
{
    public const int MaxInfluences = 4;
    const int J = Skeleton.JointCount;
    const int Stride = 32; // bone-table row length (J rounded up)
    const int Chunk = 4096;

    public GaussianCloud Rest { get; }
    public Skeleton Skeleton { get; }
    /// <summary>Bone index per influence slot: Bones[k][i] for Gaussian i, slot k.</summary>
    public int[][] Bones { get; }
    /// <summary>Weight per influence slot (each Gaussian's weights sum to 1).</summary>
    public float[][] Weights { get; }

    readonly GaussianCloud _posed;
    readonly float[] _table = new float[16 * Stride]; // component-major: 12 affine (row-major 3×4) + 4 quaternion (x,y,z,w)
    readonly Quaternion[] _local = new Quaternion[J];
    readonly Quaternion[] _globalRot = new Quaternion[J];
    readonly Vector3[] _globalPos = new Vector3[J];

    public SkinnedCloud(GaussianCloud rest, Skeleton skeleton, int[][] bones, float[][] weights)
    {
        if (bones.Length != MaxInfluences || weights.Length != MaxInfluences)
            throw new ArgumentException($"expected {MaxInfluences} influence slots");
        for (int k = 0; k < MaxInfluences; k++)
        {
            if (bones[k].Length != rest.Count || weights[k].Length != rest.Count)
                throw new ArgumentException("one bone index and weight per Gaussian per slot");
            foreach (int b in bones[k])
                if ((uint)b >= J) throw new ArgumentException($"bone index {b} outside 0..{J - 1}");
        }
        Rest = rest;
        Skeleton = skeleton;
        Bones = bones;
        Weights = weights;
        NormalizeWeights();
        _posed = rest.Clone();
    }

    public int Count => Rest.Count;

    /// <summary>Threads used by <see cref="Pose(in Actors.Pose)"/> (null: all cores).</summary>
    public int? MaxThreads { get; set; }

    /// <summary>
    /// <paramref name="count"/> Gaussians taken cyclically from this cloud (same weights), e.g. to benchmark
    /// posing at a fixed size.
    /// </summary>
    public SkinnedCloud Resized(int count)
    {
        var idx = Enumerable.Range(0, count).Select(i => i % Count).ToArray();
        var b = new int[MaxInfluences][];
        var w = new float[MaxInfluences][];
        for (int k = 0; k < MaxInfluences; k++) { b[k] = idx.Select(i => Bones[k][i]).ToArray(); w[k] = idx.Select(i => Weights[k][i]).ToArray(); }
        return new SkinnedCloud(Rest.Subset(idx), Skeleton, b, w);
    }

    /// <summary>A skinned cloud whose every Gaussian follows a single bone (e.g. a prop held in a hand).</summary>
    public static SkinnedCloud Rigid(GaussianCloud rest, Skeleton skeleton, int bone)
    {
        var b = new int[MaxInfluences][];
        var w = new float[MaxInfluences][];
        for (int k = 0; k < MaxInfluences; k++) { b[k] = new int[rest.Count]; w[k] = new float[rest.Count]; }
        Array.Fill(b[0], bone);
        Array.Fill(w[0], 1f);
        return new SkinnedCloud(rest, skeleton, b, w);
    }

    void NormalizeWeights()
    {
        for (int i = 0; i < Count; i++)
        {
            float s = 0;
            for (int k = 0; k < MaxInfluences; k++)
            {
                float w = Weights[k][i];
                if (!(w > 0) || !float.IsFinite(w)) Weights[k][i] = w = 0;
                s += w;
            }
            if (s <= 0) throw new ArgumentException($"Gaussian {i} has no positive skin weight");
            for (int k = 0; k < MaxInfluences; k++) Weights[k][i] /= s;
            // Heaviest first, zeros last: the SIMD loop stops at the first all-zero slot.
            for (int a = 1; a < MaxInfluences; a++)
                for (int k = a; k > 0 && Weights[k][i] > Weights[k - 1][i]; k--)
                {
                    (Weights[k][i], Weights[k - 1][i]) = (Weights[k - 1][i], Weights[k][i]);
                    (Bones[k][i], Bones[k - 1][i]) = (Bones[k - 1][i], Bones[k][i]);
                }
        }
    }

    /// <summary>
    /// Poses the cloud. Returns this object's posed cloud, which is overwritten by the next call (clone it
    /// to keep it). Only positions and rotations change; scales, opacities and colours are the rest ones.
    /// </summary>
    public GaussianCloud Pose(in Pose pose)
    {
        BuildBoneTable(pose.Local, pose.Root);
        Skin();
        return _posed;
    }

    /// <summary>Poses the cloud at <paramref name="time"/> seconds of <paramref name="clip"/>.</summary>
    public GaussianCloud Pose(MotionClip clip, float time)
    {
        var root = clip.SampleInto(time, _local, Skeleton);
        BuildBoneTable(_local, root);
        Skin();
        return _posed;
    }

    /// <summary>Joint positions of the last pose (world of the actor frame).</summary>
    public ReadOnlySpan<Vector3> PosedJoints => _globalPos;

    /// <summary>Floats per joint in <see cref="WriteBones"/>: the rows of its 3×4 affine, then its quaternion (x, y, z, w).</summary>
    public const int BoneFloats = 16;

    /// <summary>
    /// The skinning transform of every joint for a pose, joint after joint (<see cref="BoneFloats"/> each): the
    /// rows of the 3×4 affine that takes a rest-pose point to the posed one (x' = A·(x, 1)), then the joint's global
    /// rotation as a quaternion x, y, z, w, put in its parent's hemisphere. <see cref="Pose(in Actors.Pose)"/>
    /// blends exactly these per Gaussian (affines by weight for the centre; quaternions by weight, normalised, for
    /// the orientation), so a GPU given them and <see cref="Bones"/>/<see cref="Weights"/> poses the cloud the same way.
    /// </summary>
    public void WriteBones(ReadOnlySpan<Quaternion> local, Vector3 root, Span<float> bones)
    {
        if (bones.Length < J * BoneFloats) throw new ArgumentException($"room for {J * BoneFloats} floats needed", nameof(bones));
        Skeleton.ForwardKinematics(local, root, _globalRot, _globalPos);
        for (int j = 0; j < J; j++)
        {
            var q = _globalRot[j];
            int p = Skeleton.Parents[j];
            if (p >= 0 && Quaternion.Dot(q, _globalRot[p]) < 0) q = -q; // keep neighbours in one hemisphere
            _globalRot[j] = q;
            var m = Matrix4x4.CreateFromQuaternion(q); // row-vector convention: x' = x·M, so M's transpose is R
            var t = _globalPos[j] - Vector3.Transform(Skeleton.RestPositions[j], q);
            ReadOnlySpan<float> c =
            [
                m.M11, m.M21, m.M31, t.X,
                m.M12, m.M22, m.M32, t.Y,
                m.M13, m.M23, m.M33, t.Z,
                q.X, q.Y, q.Z, q.W,
            ];
            c.CopyTo(bones.Slice(j * BoneFloats, BoneFloats));
        }
    }

    void BuildBoneTable(ReadOnlySpan<Quaternion> local, Vector3 root)
    {
        Span<float> bones = stackalloc float[J * BoneFloats];
        WriteBones(local, root, bones);
        // Component-major for the SIMD gathers.
        for (int j = 0; j < J; j++)
            for (int k = 0; k < BoneFloats; k++) _table[k * Stride + j] = bones[j * BoneFloats + k];
    }

    void Skin()
    {
        int n = Count;
        int chunks = (n + Chunk - 1) / Chunk;
        if (chunks <= 1) SkinRange(0, n);
        else Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = MaxThreads ?? -1 }, c => SkinRange(c * Chunk, Math.Min(n, (c + 1) * Chunk)));
    }

    void SkinRange(int start, int end)
    {
        int i = start;
        if (Avx2.IsSupported && Fma.IsSupported) i = SkinAvx2(start, end);
        SkinScalar(i, end);
    }

    unsafe int SkinAvx2(int start, int end)
    {
        var rest = Rest;
        var o = _posed;
        int i = start;
        fixed (float* table = _table)
        fixed (float* rx = rest.X, ry = rest.Y, rz = rest.Z, qw = rest.RotW, qx = rest.RotX, qy = rest.RotY, qz = rest.RotZ)
        fixed (float* ox = o.X, oy = o.Y, oz = o.Z, ow = o.RotW, oqx = o.RotX, oqy = o.RotY, oqz = o.RotZ)
        fixed (int* b0 = Bones[0], b1 = Bones[1], b2 = Bones[2], b3 = Bones[3])
        fixed (float* w0 = Weights[0], w1 = Weights[1], w2 = Weights[2], w3 = Weights[3])
        {
            var acc = stackalloc Vector256<float>[16];
            for (; i + 8 <= end; i += 8)
            {
                for (int c = 0; c < 16; c++) acc[c] = Vector256<float>.Zero;
                Accumulate(table, acc, Avx.LoadVector256(b0 + i), Avx.LoadVector256(w0 + i));
                var wv1 = Avx.LoadVector256(w1 + i);
                if (!Vector256.EqualsAll(wv1, Vector256<float>.Zero))
                {
                    Accumulate(table, acc, Avx.LoadVector256(b1 + i), wv1);
                    var wv2 = Avx.LoadVector256(w2 + i);
                    if (!Vector256.EqualsAll(wv2, Vector256<float>.Zero))
                    {
                        Accumulate(table, acc, Avx.LoadVector256(b2 + i), wv2);
                        var wv3 = Avx.LoadVector256(w3 + i);
                        if (!Vector256.EqualsAll(wv3, Vector256<float>.Zero))
                            Accumulate(table, acc, Avx.LoadVector256(b3 + i), wv3);
                    }
                }
                var x = Avx.LoadVector256(rx + i);
                var y = Avx.LoadVector256(ry + i);
                var z = Avx.LoadVector256(rz + i);
                Avx.Store(ox + i, Fma.MultiplyAdd(acc[0], x, Fma.MultiplyAdd(acc[1], y, Fma.MultiplyAdd(acc[2], z, acc[3]))));
                Avx.Store(oy + i, Fma.MultiplyAdd(acc[4], x, Fma.MultiplyAdd(acc[5], y, Fma.MultiplyAdd(acc[6], z, acc[7]))));
                Avx.Store(oz + i, Fma.MultiplyAdd(acc[8], x, Fma.MultiplyAdd(acc[9], y, Fma.MultiplyAdd(acc[10], z, acc[11]))));
                // Blended bone quaternion b (normalised) times the rest quaternion r: q' = b ⊗ r.
                var bx = acc[12]; var by = acc[13]; var bz = acc[14]; var bw = acc[15];
                var inv = Vector256<float>.One / Avx.Sqrt(Fma.MultiplyAdd(bx, bx, Fma.MultiplyAdd(by, by, Fma.MultiplyAdd(bz, bz, bw * bw))));
                bx *= inv; by *= inv; bz *= inv; bw *= inv;
                var aw = Avx.LoadVector256(qw + i); var ax = Avx.LoadVector256(qx + i);
                var ay = Avx.LoadVector256(qy + i); var az = Avx.LoadVector256(qz + i);
                Avx.Store(ow + i, bw * aw - bx * ax - by * ay - bz * az);
                Avx.Store(oqx + i, bw * ax + bx * aw + by * az - bz * ay);
                Avx.Store(oqy + i, bw * ay - bx * az + by * aw + bz * ax);
                Avx.Store(oqz + i, bw * az + bx * ay - by * ax + bz * aw);
            }
        }
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static unsafe void Accumulate(float* table, Vector256<float>* acc, Vector256<int> bone, Vector256<float> w)
    {
        for (int c = 0; c < 16; c++)
            acc[c] = Fma.MultiplyAdd(w, Avx2.GatherVector256(table + c * Stride, bone, 4), acc[c]);
    }

    void SkinScalar(int start, int end)
    {
        var rest = Rest;
        var o = _posed;
        Span<float> a = stackalloc float[16];
        for (int i = start; i < end; i++)
        {
            a.Clear();
            for (int k = 0; k < MaxInfluences; k++)
            {
                float w = Weights[k][i];
                if (w == 0) continue;
                int b = Bones[k][i];
                for (int c = 0; c < 16; c++) a[c] += w * _table[c * Stride + b];
            }
            float x = rest.X[i], y = rest.Y[i], z = rest.Z[i];
            o.X[i] = a[0] * x + a[1] * y + a[2] * z + a[3];
            o.Y[i] = a[4] * x + a[5] * y + a[6] * z + a[7];
            o.Z[i] = a[8] * x + a[9] * y + a[10] * z + a[11];
            var q = Quaternion.Normalize(new Quaternion(a[12], a[13], a[14], a[15])) * rest.GetRotation(i);
            o.SetRotation(i, q);
        }
    }
}
