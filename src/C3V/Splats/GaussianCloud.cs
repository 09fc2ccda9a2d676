using System.Numerics;

namespace C3V.Splats;

/// <summary>
/// A set of 3D Gaussians as a structure of arrays, values stored raw (pre-activation) as the INRIA 3DGS
/// <c>.ply</c> stores them, so that files round-trip exactly and the rasterizer activates in its own loop.
/// </summary>
/// <remarks>
/// Layouts (N = <see cref="Count"/>, K = <see cref="ShCoeffCount"/> = (degree+1)²):
/// <list type="bullet">
/// <item><c>X, Y, Z</c>: [N] positions, metres, world frame of the cloud.</item>
/// <item><c>ScaleX, ScaleY, ScaleZ</c>: [N] natural log of the standard deviations along the local axes.</item>
/// <item><c>RotW, RotX, RotY, RotZ</c>: [N] rotation quaternion (w, x, y, z); unit length after
///   <see cref="NormalizeRotations"/>; readers normalise, writers keep what they get.</item>
/// <item><c>Opacity</c>: [N] logit of the opacity (sigmoid to use).</item>
/// <item><c>Sh</c>: [N, K, 3] spherical-harmonic coefficients, Gaussian-major, coefficient, then RGB
///   channel fastest (gsplat's layout). Coefficient 0 is the DC term: colour = 0.5 + C0·dc.</item>
/// </list>
/// Arrays are exposed directly (not copied) because the hot loops stream them; treat a cloud as owned by
/// whoever holds it and use <see cref="Clone"/> before changing a shared one.
/// </remarks>
public sealed class GaussianCloud
{
    /// <summary>SH band-0 constant: colour = 0.5 + C0·f_dc.</summary>
    public const float C0 = SphericalHarmonics.C0;
    public const int MaxShDegree = 3;

    public int Count { get; }
    public int ShDegree { get; }
    public int ShCoeffCount => (ShDegree + 1) * (ShDegree + 1);

    public float[] X { get; }
    public float[] Y { get; }
    public float[] Z { get; }
    public float[] ScaleX { get; }
    public float[] ScaleY { get; }
    public float[] ScaleZ { get; }
    public float[] RotW { get; }
    public float[] RotX { get; }
    public float[] RotY { get; }
    public float[] RotZ { get; }
    public float[] Opacity { get; }
    public float[] Sh { get; }

    /// <summary>Allocates a zeroed cloud (identity rotations) of <paramref name="count"/> Gaussians.</summary>
    public GaussianCloud(int count, int shDegree = 0)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        if (shDegree is < 0 or > MaxShDegree) throw new ArgumentOutOfRangeException(nameof(shDegree), "SH degree must be 0..3");
        Count = count;
        ShDegree = shDegree;
        X = new float[count]; Y = new float[count]; Z = new float[count];
        ScaleX = new float[count]; ScaleY = new float[count]; ScaleZ = new float[count];
        RotW = new float[count]; RotX = new float[count]; RotY = new float[count]; RotZ = new float[count];
        Opacity = new float[count];
        Sh = new float[(long)count * ShCoeffCount * 3 <= int.MaxValue ? count * ShCoeffCount * 3 : throw new ArgumentOutOfRangeException(nameof(count), "cloud too large")];
        Array.Fill(RotW, 1f);
    }

    public Vector3 GetPosition(int i) => new(X[i], Y[i], Z[i]);
    public void SetPosition(int i, Vector3 p) { X[i] = p.X; Y[i] = p.Y; Z[i] = p.Z; }
    public Vector3 GetLogScale(int i) => new(ScaleX[i], ScaleY[i], ScaleZ[i]);
    public void SetLogScale(int i, Vector3 s) { ScaleX[i] = s.X; ScaleY[i] = s.Y; ScaleZ[i] = s.Z; }
    /// <summary>Rotation as a System.Numerics quaternion (X, Y, Z, W fields; stored here as w, x, y, z).</summary>
    public Quaternion GetRotation(int i) => new(RotX[i], RotY[i], RotZ[i], RotW[i]);
    public void SetRotation(int i, Quaternion q) { RotW[i] = q.W; RotX[i] = q.X; RotY[i] = q.Y; RotZ[i] = q.Z; }
    /// <summary>The [K, 3] SH coefficients of Gaussian <paramref name="i"/>.</summary>
    public Span<float> ShOf(int i) => Sh.AsSpan(i * ShCoeffCount * 3, ShCoeffCount * 3);

    /// <summary>Sets the DC term so that the view-independent colour is <paramref name="rgb"/> (0..1).</summary>
    public void SetColor(int i, Vector3 rgb)
    {
        var sh = ShOf(i);
        sh[0] = (rgb.X - 0.5f) / C0; sh[1] = (rgb.Y - 0.5f) / C0; sh[2] = (rgb.Z - 0.5f) / C0;
    }

    /// <summary>View-independent colour of Gaussian <paramref name="i"/> (DC term only, not clamped).</summary>
    public Vector3 GetColor(int i)
    {
        var sh = ShOf(i);
        return new Vector3(0.5f + C0 * sh[0], 0.5f + C0 * sh[1], 0.5f + C0 * sh[2]);
    }

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
    /// <summary>Inverse sigmoid, with the argument clamped away from 0 and 1 so the result is finite.</summary>
    public static float Logit(float p)
    {
        p = Math.Clamp(p, 1e-7f, 1f - 1e-7f);
        return MathF.Log(p / (1f - p));
    }

    /// <summary>Axis-aligned bounds of the centres (not of the 3σ extents). Empty clouds give (0,0).</summary>
    public (Vector3 Min, Vector3 Max) Bounds()
    {
        if (Count == 0) return (Vector3.Zero, Vector3.Zero);
        var min = new Vector3(float.PositiveInfinity);
        var max = new Vector3(float.NegativeInfinity);
        for (int i = 0; i < Count; i++)
        {
            var p = GetPosition(i);
            if (!float.IsFinite(p.X) || !float.IsFinite(p.Y) || !float.IsFinite(p.Z)) continue;
            min = Vector3.Min(min, p);
            max = Vector3.Max(max, p);
        }
        return float.IsInfinity(min.X) ? (Vector3.Zero, Vector3.Zero) : (min, max);
    }

    /// <summary>Makes every rotation unit length; a zero or non-finite quaternion becomes the identity.</summary>
    public void NormalizeRotations()
    {
        for (int i = 0; i < Count; i++)
        {
            float w = RotW[i], x = RotX[i], y = RotY[i], z = RotZ[i];
            float n2 = w * w + x * x + y * y + z * z;
            if (!(n2 > 1e-30f) || !float.IsFinite(n2)) { RotW[i] = 1; RotX[i] = RotY[i] = RotZ[i] = 0; continue; }
            float inv = 1f / MathF.Sqrt(n2);
            RotW[i] = w * inv; RotX[i] = x * inv; RotY[i] = y * inv; RotZ[i] = z * inv;
        }
    }

    /// <summary>Overwrites every Gaussian with <paramref name="source"/>'s (same count and SH degree): a snapshot into a buffer kept for reuse.</summary>
    public void CopyFrom(GaussianCloud source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Count != Count || source.ShDegree != ShDegree)
            throw new ArgumentException($"source has {source.Count} Gaussians of SH degree {source.ShDegree}, this cloud {Count} of degree {ShDegree}", nameof(source));
        CopyRange(source, 0, this, 0, Count);
    }

    public GaussianCloud Clone()
    {
        var c = new GaussianCloud(Count, ShDegree);
        CopyRange(this, 0, c, 0, Count);
        return c;
    }

    /// <summary>The Gaussians at <paramref name="indices"/>, in that order (indices may repeat).</summary>
    public GaussianCloud Subset(ReadOnlySpan<int> indices)
    {
        var c = new GaussianCloud(indices.Length, ShDegree);
        int k = ShCoeffCount * 3;
        for (int j = 0; j < indices.Length; j++)
        {
            int i = indices[j];
            if ((uint)i >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(indices), $"index {i} outside 0..{Count - 1}");
            c.X[j] = X[i]; c.Y[j] = Y[i]; c.Z[j] = Z[i];
            c.ScaleX[j] = ScaleX[i]; c.ScaleY[j] = ScaleY[i]; c.ScaleZ[j] = ScaleZ[i];
            c.RotW[j] = RotW[i]; c.RotX[j] = RotX[i]; c.RotY[j] = RotY[i]; c.RotZ[j] = RotZ[i];
            c.Opacity[j] = Opacity[i];
            Sh.AsSpan(i * k, k).CopyTo(c.Sh.AsSpan(j * k, k));
        }
        return c;
    }

    /// <summary>The Gaussians for which <paramref name="keep"/> is true, in order.</summary>
    public GaussianCloud Where(Func<int, bool> keep)
    {
        var idx = new List<int>(Count);
        for (int i = 0; i < Count; i++) if (keep(i)) idx.Add(i);
        return Subset(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(idx));
    }

    /// <summary>
    /// Joins clouds in order. The result has the highest SH degree among them; lower-degree clouds get zero
    /// higher-order coefficients (their appearance is unchanged).
    /// </summary>
    public static GaussianCloud Concat(params IReadOnlyList<GaussianCloud> clouds)
    {
        int total = 0, degree = 0;
        foreach (var c in clouds) { total = checked(total + c.Count); degree = Math.Max(degree, c.ShDegree); }
        var r = new GaussianCloud(total, degree);
        int at = 0;
        foreach (var c in clouds)
        {
            CopyRange(c.ShDegree == degree ? c : c.WithShDegree(degree), 0, r, at, c.Count);
            at += c.Count;
        }
        return r;
    }

    /// <summary>
    /// A copy with SH degree <paramref name="degree"/>: lowering drops the higher bands (the view-dependent
    /// detail they carried is lost), raising adds zero coefficients.
    /// </summary>
    public GaussianCloud WithShDegree(int degree)
    {
        var c = new GaussianCloud(Count, degree);
        CopyGeometry(this, c);
        int kSrc = ShCoeffCount * 3, kDst = c.ShCoeffCount * 3, k = Math.Min(kSrc, kDst);
        for (int i = 0; i < Count; i++)
            Sh.AsSpan(i * kSrc, k).CopyTo(c.Sh.AsSpan(i * kDst, k));
        return c;
    }

    /// <summary>
    /// Applies a similarity transform in place: positions p' = s·R·p + t, rotations q' = R·q, log-scales
    /// + ln s, and the SH coefficients rotated exactly band by band (<see cref="ShRotation"/>), so the
    /// cloud looks the same from a camera transformed alike.
    /// </summary>
    public void Transform(in RigidTransform transform)
    {
        var r = Quaternion.Normalize(transform.Rotation);
        var m = Matrix4x4.CreateFromQuaternion(r);
        float s = transform.Scale, logS = MathF.Log(s);
        var t = transform.Translation;
        for (int i = 0; i < Count; i++)
        {
            SetPosition(i, Vector3.Transform(GetPosition(i), m) * s + t);
            SetRotation(i, r * GetRotation(i));
            ScaleX[i] += logS; ScaleY[i] += logS; ScaleZ[i] += logS;
        }
        if (ShDegree > 0) new ShRotation(r, ShDegree).Apply(this);
    }

    static void CopyGeometry(GaussianCloud s, GaussianCloud d)
    {
        s.X.CopyTo(d.X, 0); s.Y.CopyTo(d.Y, 0); s.Z.CopyTo(d.Z, 0);
        s.ScaleX.CopyTo(d.ScaleX, 0); s.ScaleY.CopyTo(d.ScaleY, 0); s.ScaleZ.CopyTo(d.ScaleZ, 0);
        s.RotW.CopyTo(d.RotW, 0); s.RotX.CopyTo(d.RotX, 0); s.RotY.CopyTo(d.RotY, 0); s.RotZ.CopyTo(d.RotZ, 0);
        s.Opacity.CopyTo(d.Opacity, 0);
    }

    static void CopyRange(GaussianCloud s, int from, GaussianCloud d, int to, int n)
    {
        Array.Copy(s.X, from, d.X, to, n); Array.Copy(s.Y, from, d.Y, to, n); Array.Copy(s.Z, from, d.Z, to, n);
        Array.Copy(s.ScaleX, from, d.ScaleX, to, n); Array.Copy(s.ScaleY, from, d.ScaleY, to, n); Array.Copy(s.ScaleZ, from, d.ScaleZ, to, n);
        Array.Copy(s.RotW, from, d.RotW, to, n); Array.Copy(s.RotX, from, d.RotX, to, n);
        Array.Copy(s.RotY, from, d.RotY, to, n); Array.Copy(s.RotZ, from, d.RotZ, to, n);
        Array.Copy(s.Opacity, from, d.Opacity, to, n);
        int k = s.ShCoeffCount * 3;
        Array.Copy(s.Sh, from * k, d.Sh, to * k, n * k);
    }
}

/// <summary>A similarity transform: p' = Scale·(Rotation·p) + Translation.</summary>
public readonly record struct RigidTransform(Quaternion Rotation, Vector3 Translation, float Scale = 1f)
{
    public static RigidTransform Identity => new(Quaternion.Identity, Vector3.Zero, 1f);

    /// <summary>Rotation about the world Y (up) axis by <paramref name="yaw"/> radians, then translation.</summary>
    public static RigidTransform FromYaw(float yaw, Vector3 translation, float scale = 1f) =>
        new(Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw), translation, scale);

    public Vector3 Apply(Vector3 p) => Vector3.Transform(p, Rotation) * Scale + Translation;

    /// <summary>This transform after <paramref name="inner"/>: (this ∘ inner)(p) = this(inner(p)).</summary>
    public RigidTransform Compose(in RigidTransform inner) =>
        new(Rotation * inner.Rotation, Apply(inner.Translation), Scale * inner.Scale);
}
