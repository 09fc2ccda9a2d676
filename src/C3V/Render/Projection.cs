using System.Numerics;
using System.Runtime.CompilerServices;
using C3V.Splats;

namespace C3V.Render;

/// <summary>Pinhole intrinsics and the limits derived from them, in the form the per-Gaussian math uses.</summary>
internal readonly struct CameraModel
{
    public readonly float Fx, Fy, Cx, Cy, Near;
    public readonly int Width, Height, TilesX, TilesY;
    /// <summary>Limits of x/z and y/z used in the EWA Jacobian (gsplat's form: 1.3·tan(fov/2) when centred).</summary>
    public readonly float LimXNeg, LimXPos, LimYNeg, LimYPos;
    /// <summary>1 + lim²: bounds |J row|²·(z/f)² for the conservative off-screen cull.</summary>
    public readonly float JBoundX, JBoundY;
    public readonly Mat3 R;
    public readonly Vector3 T, Position;

    public CameraModel(Camera c, float near)
    {
        Fx = c.Fx; Fy = c.Fy; Cx = c.Cx; Cy = c.Cy; Near = near;
        Width = c.Width; Height = c.Height;
        TilesX = (Width + TileRasterizer.TileSize - 1) / TileRasterizer.TileSize;
        TilesY = (Height + TileRasterizer.TileSize - 1) / TileRasterizer.TileSize;
        float tanX = 0.5f * Width / Fx, tanY = 0.5f * Height / Fy;
        LimXPos = (Width - Cx) / Fx + 0.3f * tanX; LimXNeg = Cx / Fx + 0.3f * tanX;
        LimYPos = (Height - Cy) / Fy + 0.3f * tanY; LimYNeg = Cy / Fy + 0.3f * tanY;
        float lx = MathF.Max(LimXNeg, LimXPos), ly = MathF.Max(LimYNeg, LimYPos);
        JBoundX = 1 + lx * lx; JBoundY = 1 + ly * ly;
        R = Mat3.FromRowMajor(c.R);
        T = c.T;
        Position = c.Position;
    }
}

/// <summary>
/// One cloud instance as the camera sees it: object → camera is c = M·p + U with M = Rv·(s·Rk) and
/// U = Rv·t + tv; SH directions are taken in the object frame, from <see cref="CamInObject"/>.
/// </summary>
internal struct InstanceView
{
    public Mat3 M;
    public Vector3 U;
    public Vector3 CamInObject;
    /// <summary>The instance's own rotation, scale and translation (object → world), for the transform gradient.</summary>
    public Mat3 Rk;
    public float Scale;
    public int Offset;
    public int ShDegree;

    public static InstanceView Create(in CloudInstance inst, in CameraModel cam, int offset, int maxShDegree, int index)
    {
        var tr = inst.Transform;
        var q = tr.Rotation;
        float n2 = q.LengthSquared();
        if (!float.IsFinite(n2) || n2 < 1e-12f || !float.IsFinite(tr.Scale) || !(tr.Scale > 0) ||
            !float.IsFinite(tr.Translation.X) || !float.IsFinite(tr.Translation.Y) || !float.IsFinite(tr.Translation.Z))
            throw new ArgumentException($"cloud {index}: the transform must have finite values, a non-zero rotation and a positive scale", nameof(inst));
        q = Quaternion.Normalize(q);
        var rk = Mat3.FromQuaternion(q.W, q.X, q.Y, q.Z);
        var a = tr.Scale * rk;
        var m = cam.R * a;
        var u = cam.R.Transform(tr.Translation) + cam.T;
        var camObj = rk.TransposeTransform(cam.Position - tr.Translation) / tr.Scale;
        return new InstanceView
        {
            M = m, U = u, CamInObject = camObj, Rk = rk, Scale = tr.Scale, Offset = offset,
            ShDegree = Math.Min(maxShDegree, inst.Cloud.ShDegree),
        };
    }
}

/// <summary>
/// Per-Gaussian preprocessing of the 3DGS reference: covariance from quaternion and scales, EWA projection
/// with the (clamped) Jacobian, 0.3 px dilation, conic, opacity (optionally antialiased), SH colour. The
/// forward and backward share <see cref="Evaluate"/> so the gradient is taken of exactly what was drawn.
/// </summary>
internal static class Projection
{
    public const float Dilation = 0.3f;
    public const float MinAlpha = 1f / 255f;
    /// <summary>Splats contribute inside their 3σ ellipse only (Mahalanobis² ≤ 9).</summary>
    public const float MaxMahalanobis2 = 9f;

    /// <summary>Everything the forward computes for one Gaussian; the backward re-evaluates it.</summary>
    internal struct State
    {
        public float Qw, Qx, Qy, Qz, QNorm; // normalised rotation and the raw norm (0 → identity)
        public float Sx, Sy, Sz;            // activated scales
        public Mat3 Rot, K;                 // K = M·R·S: ΣC = K·Kᵀ
        public Vector3 Mu, Tc;              // object-frame mean, camera-frame mean
        public bool ClampX, ClampY;
        public float TxC, TyC;              // clamped tx, ty (= lim·tz when clamped)
        public float J00, J02, J11, J12;
        public float L00, L01, L02, L10, L11, L12; // L = J·K: Σ₂ = L·Lᵀ
        public float A, B, C;               // Σ₂ before dilation
        public float Det0, Det, Rho, Sigmoid;
        public float ConA, ConB, ConC, Opacity;
        public float MeanX, MeanY;
        public Vector3 Dir, V;              // view direction (object frame) and unnormalised μ − camera
        public float DirLen;
    }

    /// <summary>Evaluates the projection; false when the Gaussian is culled (behind, degenerate, non-finite, invisible).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Evaluate(GaussianCloud cloud, int i, in InstanceView v, in CameraModel cam, bool antialiased, out State s)
    {
        s = default;
        s.Mu = new Vector3(cloud.X[i], cloud.Y[i], cloud.Z[i]);
        s.Tc = v.M.Transform(s.Mu) + v.U;
        float tz = s.Tc.Z;
        if (!(tz > cam.Near) || !float.IsFinite(tz) || !float.IsFinite(s.Tc.X) || !float.IsFinite(s.Tc.Y)) return false;
        if (OutsideImage(cloud, i, v, cam, s.Tc)) return false;

        float qw = cloud.RotW[i], qx = cloud.RotX[i], qy = cloud.RotY[i], qz = cloud.RotZ[i];
        float qn2 = qw * qw + qx * qx + qy * qy + qz * qz;
        if (qn2 > 1e-30f && float.IsFinite(qn2))
        {
            float qn = MathF.Sqrt(qn2), inv = 1f / qn;
            s.Qw = qw * inv; s.Qx = qx * inv; s.Qy = qy * inv; s.Qz = qz * inv; s.QNorm = qn;
        }
        else { s.Qw = 1; s.QNorm = 0; }
        s.Sx = MathF.Exp(cloud.ScaleX[i]); s.Sy = MathF.Exp(cloud.ScaleY[i]); s.Sz = MathF.Exp(cloud.ScaleZ[i]);
        s.Rot = Mat3.FromQuaternion(s.Qw, s.Qx, s.Qy, s.Qz);
        var rs = new Mat3(s.Rot.M00 * s.Sx, s.Rot.M01 * s.Sy, s.Rot.M02 * s.Sz,
                          s.Rot.M10 * s.Sx, s.Rot.M11 * s.Sy, s.Rot.M12 * s.Sz,
                          s.Rot.M20 * s.Sx, s.Rot.M21 * s.Sy, s.Rot.M22 * s.Sz);
        s.K = v.M * rs;

        float invZ = 1f / tz;
        float rx = s.Tc.X * invZ, ry = s.Tc.Y * invZ;
        float rxc = Math.Clamp(rx, -cam.LimXNeg, cam.LimXPos), ryc = Math.Clamp(ry, -cam.LimYNeg, cam.LimYPos);
        s.ClampX = rxc != rx; s.ClampY = ryc != ry;
        s.TxC = rxc * tz; s.TyC = ryc * tz;
        s.J00 = cam.Fx * invZ; s.J02 = -cam.Fx * s.TxC * invZ * invZ;
        s.J11 = cam.Fy * invZ; s.J12 = -cam.Fy * s.TyC * invZ * invZ;
        var k = s.K;
        s.L00 = s.J00 * k.M00 + s.J02 * k.M20; s.L01 = s.J00 * k.M01 + s.J02 * k.M21; s.L02 = s.J00 * k.M02 + s.J02 * k.M22;
        s.L10 = s.J11 * k.M10 + s.J12 * k.M20; s.L11 = s.J11 * k.M11 + s.J12 * k.M21; s.L12 = s.J11 * k.M12 + s.J12 * k.M22;
        s.A = s.L00 * s.L00 + s.L01 * s.L01 + s.L02 * s.L02;
        s.B = s.L00 * s.L10 + s.L01 * s.L11 + s.L02 * s.L12;
        s.C = s.L10 * s.L10 + s.L11 * s.L11 + s.L12 * s.L12;
        s.Det0 = s.A * s.C - s.B * s.B;
        float a = s.A + Dilation, c = s.C + Dilation;
        s.Det = a * c - s.B * s.B;
        if (!(s.Det > 0) || !float.IsFinite(s.Det)) return false;
        float invDet = 1f / s.Det;
        s.ConA = c * invDet; s.ConB = -s.B * invDet; s.ConC = a * invDet;
        s.Rho = antialiased ? MathF.Sqrt(MathF.Max(s.Det0 * invDet, 0f)) : 1f;
        s.Sigmoid = 1f / (1f + MathF.Exp(-cloud.Opacity[i]));
        s.Opacity = s.Sigmoid * s.Rho;
        if (!(s.Opacity >= MinAlpha)) return false; // also rejects NaN
        s.MeanX = cam.Fx * rx + cam.Cx;
        s.MeanY = cam.Fy * ry + cam.Cy;
        s.V = s.Mu - v.CamInObject;
        s.DirLen = s.V.Length();
        s.Dir = s.DirLen > 0 ? s.V / s.DirLen : Vector3.UnitZ;
        return float.IsFinite(s.ConA) && float.IsFinite(s.ConB) && float.IsFinite(s.ConC) && float.IsFinite(s.MeanX) && float.IsFinite(s.MeanY);
    }

    /// <summary>
    /// Cheap conservative cull before the covariance is built (most Gaussians of a large scene are off
    /// screen): the 3σ extent in pixels is at most 3·√(σ²max·|J row|² + 0.3) with σmax the largest world
    /// standard deviation and |J row|² ≤ (f/z)²·(1 + lim²); a splat whose mean is farther than that outside
    /// the image cannot reach a pixel. Never culls a splat that the exact test would keep.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool OutsideImage(GaussianCloud cloud, int i, in InstanceView v, in CameraModel cam, Vector3 tc)
    {
        float smax = MathF.Exp(MathF.Max(cloud.ScaleX[i], MathF.Max(cloud.ScaleY[i], cloud.ScaleZ[i]))) * v.Scale;
        float invZ = 1f / tc.Z, s2 = smax * smax * invZ * invZ;
        float ex = 3f * MathF.Sqrt(s2 * cam.Fx * cam.Fx * cam.JBoundX + Dilation);
        float ey = 3f * MathF.Sqrt(s2 * cam.Fy * cam.Fy * cam.JBoundY + Dilation);
        float mx = cam.Fx * tc.X * invZ + cam.Cx, my = cam.Fy * tc.Y * invZ + cam.Cy;
        return mx + ex < 0 || mx - ex > cam.Width || my + ey < 0 || my - ey > cam.Height;
    }

    /// <summary>Squared Mahalanobis radius inside which the splat can reach α ≥ 1/255: min(9, 2·ln(255·o)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Radius2(float opacity) => MathF.Min(MaxMahalanobis2, 2f * MathF.Log(255f * opacity));

    /// <summary>SH colour 0.5 + Σ basis·sh, clamped at 0 per channel (the reference's clamp).</summary>
    public static Vector3 Color(GaussianCloud cloud, int i, int degree, Vector3 dir, Span<float> basis, out Vector3 raw)
    {
        SphericalHarmonics.EvalBasis(dir, degree, basis);
        int k = cloud.ShCoeffCount, n = SphericalHarmonics.CoeffCount(degree);
        var sh = cloud.Sh.AsSpan(i * k * 3, n * 3);
        float r = 0.5f, g = 0.5f, b = 0.5f;
        for (int j = 0; j < n; j++) { float w = basis[j]; r += w * sh[j * 3]; g += w * sh[j * 3 + 1]; b += w * sh[j * 3 + 2]; }
        raw = new Vector3(r, g, b);
        return Vector3.Max(raw, Vector3.Zero);
    }
    /// <summary>
    /// Chains one splat's image-space gradient <paramref name="g"/> (mean x/y, conic a/b/c, opacity, r, g, b,
    /// depth) back to the Gaussian's raw parameters (written into <paramref name="o"/> at <paramref name="i"/>)
    /// and into the instance's accumulators (dL/dM, dL/dU, dL/d camera-in-object).
    /// </summary>
    public static void Backward(GaussianCloud cloud, int i, in InstanceView v, in CameraModel cam, bool antialiased,
        ReadOnlySpan<float> g, CloudGradients o, ref InstanceAccumulator acc)
    {
        if (!Evaluate(cloud, i, v, cam, antialiased, out var s)) return;
        Span<float> basis = stackalloc float[16];
        Span<float> w = stackalloc float[16];
        int deg = v.ShDegree, n = SphericalHarmonics.CoeffCount(deg), kk = cloud.ShCoeffCount;
        Color(cloud, i, deg, s.Dir, basis, out var raw);
        float gr = raw.X > 0 ? g[6] : 0, gg = raw.Y > 0 ? g[7] : 0, gb = raw.Z > 0 ? g[8] : 0;
        var sh = cloud.Sh.AsSpan(i * kk * 3, n * 3);
        var gsh = o.Sh.AsSpan(i * kk * 3, n * 3);
        for (int k = 0; k < n; k++)
        {
            gsh[k * 3] = basis[k] * gr; gsh[k * 3 + 1] = basis[k] * gg; gsh[k * 3 + 2] = basis[k] * gb;
            w[k] = sh[k * 3] * gr + sh[k * 3 + 1] * gg + sh[k * 3 + 2] * gb;
        }
        var gMu = Vector3.Zero;
        if (deg > 0 && s.DirLen > 0)
        {
            var gDir = ShGradient.DirectionGradient(s.Dir, deg, w);
            var gV = (gDir - s.Dir * Vector3.Dot(s.Dir, gDir)) / s.DirLen;
            gMu += gV;
            acc.CamInObject -= gV;
        }

        // Opacity = sigmoid(logit)·ρ.
        o.Opacity[i] = g[5] * s.Rho * s.Sigmoid * (1 - s.Sigmoid);
        float gRho = g[5] * s.Sigmoid;

        // Conic Q = Σ'⁻¹ (Σ' = Σ₂ + 0.3·I): G_Σ' = −Q·G_Q·Q with G_Q = [[ga, gb/2], [gb/2, gc]].
        float qa = s.ConA, qb = s.ConB, qc = s.ConC;
        float ga = g[2], gbh = 0.5f * g[3], gc = g[4];
        float p00 = qa * ga + qb * gbh, p01 = qa * gbh + qb * gc, p10 = qb * ga + qc * gbh, p11 = qb * gbh + qc * gc;
        float s00 = -(p00 * qa + p01 * qb), s01 = -(p00 * qb + p01 * qc), s11 = -(p10 * qb + p11 * qc);
        if (antialiased && s.Rho > 1e-6f)
        {
            // ρ = √(det₀/det): dρ/dΣ₂ = (½/ρ)·(adj₀/det − det₀·adj₁/det²).
            float inv = 1f / s.Det, f = 0.5f / s.Rho * gRho;
            float a1 = s.A + Dilation, c1 = s.C + Dilation, r = s.Det0 * inv * inv;
            s00 += f * (s.C * inv - r * c1);
            s11 += f * (s.A * inv - r * a1);
            s01 += f * (-s.B * inv + r * s.B);
        }

        // Σ₂ = L·Lᵀ: G_L = 2·G_Σ·L.
        float gl00 = 2 * (s00 * s.L00 + s01 * s.L10), gl01 = 2 * (s00 * s.L01 + s01 * s.L11), gl02 = 2 * (s00 * s.L02 + s01 * s.L12);
        float gl10 = 2 * (s01 * s.L00 + s11 * s.L10), gl11 = 2 * (s01 * s.L01 + s11 * s.L11), gl12 = 2 * (s01 * s.L02 + s11 * s.L12);
        // L = J·K.
        var k3 = s.K;
        float gJ00 = gl00 * k3.M00 + gl01 * k3.M01 + gl02 * k3.M02;
        float gJ02 = gl00 * k3.M20 + gl01 * k3.M21 + gl02 * k3.M22;
        float gJ11 = gl10 * k3.M10 + gl11 * k3.M11 + gl12 * k3.M12;
        float gJ12 = gl10 * k3.M20 + gl11 * k3.M21 + gl12 * k3.M22;
        var gK = new Mat3(s.J00 * gl00, s.J00 * gl01, s.J00 * gl02,
                          s.J11 * gl10, s.J11 * gl11, s.J11 * gl12,
                          s.J02 * gl00 + s.J12 * gl10, s.J02 * gl01 + s.J12 * gl11, s.J02 * gl02 + s.J12 * gl12);
        // K = M·RS.
        var rs = new Mat3(s.Rot.M00 * s.Sx, s.Rot.M01 * s.Sy, s.Rot.M02 * s.Sz,
                          s.Rot.M10 * s.Sx, s.Rot.M11 * s.Sy, s.Rot.M12 * s.Sz,
                          s.Rot.M20 * s.Sx, s.Rot.M21 * s.Sy, s.Rot.M22 * s.Sz);
        acc.M.Add(gK * rs.Transposed());
        var gRs = v.M.Transposed() * gK;
        // RS = R·diag(s), s = exp(log-scale).
        var R = s.Rot;
        o.ScaleX[i] = (gRs.M00 * R.M00 + gRs.M10 * R.M10 + gRs.M20 * R.M20) * s.Sx;
        o.ScaleY[i] = (gRs.M01 * R.M01 + gRs.M11 * R.M11 + gRs.M21 * R.M21) * s.Sy;
        o.ScaleZ[i] = (gRs.M02 * R.M02 + gRs.M12 * R.M12 + gRs.M22 * R.M22) * s.Sz;
        var gR = new Mat3(gRs.M00 * s.Sx, gRs.M01 * s.Sy, gRs.M02 * s.Sz,
                          gRs.M10 * s.Sx, gRs.M11 * s.Sy, gRs.M12 * s.Sz,
                          gRs.M20 * s.Sx, gRs.M21 * s.Sy, gRs.M22 * s.Sz);
        if (s.QNorm > 0)
        {
            float qw = s.Qw, qx = s.Qx, qy = s.Qy, qz = s.Qz;
            float dw = 2 * (-qz * gR.M01 + qy * gR.M02 + qz * gR.M10 - qx * gR.M12 - qy * gR.M20 + qx * gR.M21);
            float dx = 2 * (qy * gR.M01 + qz * gR.M02 + qy * gR.M10 - 2 * qx * gR.M11 - qw * gR.M12 + qz * gR.M20 + qw * gR.M21 - 2 * qx * gR.M22);
            float dy = 2 * (-2 * qy * gR.M00 + qx * gR.M01 + qw * gR.M02 + qx * gR.M10 + qz * gR.M12 - qw * gR.M20 + qz * gR.M21 - 2 * qy * gR.M22);
            float dz = 2 * (-2 * qz * gR.M00 - qw * gR.M01 + qx * gR.M02 + qw * gR.M10 - 2 * qz * gR.M11 + qy * gR.M12 + qx * gR.M20 + qy * gR.M21);
            // Through q̂ = q/|q|: (I − q̂q̂ᵀ)/|q|.
            float dot = qw * dw + qx * dx + qy * dy + qz * dz, inv = 1f / s.QNorm;
            o.RotW[i] = (dw - qw * dot) * inv; o.RotX[i] = (dx - qx * dot) * inv;
            o.RotY[i] = (dy - qy * dot) * inv; o.RotZ[i] = (dz - qz * dot) * inv;
        }

        // J and the projected mean depend on the camera-frame mean.
        float tx = s.Tc.X, ty = s.Tc.Y, tz = s.Tc.Z, iz = 1f / tz, iz2 = iz * iz, iz3 = iz2 * iz;
        float gtx = 0, gty = 0, gtz = -cam.Fx * iz2 * gJ00 - cam.Fy * iz2 * gJ11;
        if (!s.ClampX) { gtx += -cam.Fx * iz2 * gJ02; gtz += 2 * cam.Fx * tx * iz3 * gJ02; }
        else gtz += cam.Fx * s.TxC * iz3 * gJ02; // J02 = −fx·lim/z
        if (!s.ClampY) { gty += -cam.Fy * iz2 * gJ12; gtz += 2 * cam.Fy * ty * iz3 * gJ12; }
        else gtz += cam.Fy * s.TyC * iz3 * gJ12;
        gtx += cam.Fx * iz * g[0]; gtz -= cam.Fx * tx * iz2 * g[0];
        gty += cam.Fy * iz * g[1]; gtz -= cam.Fy * ty * iz2 * g[1];
        gtz += g[9];
        var gTc = new Vector3(gtx, gty, gtz);
        // tc = M·μ + U.
        gMu += v.M.TransposeTransform(gTc);
        acc.M.Add(Mat3.Outer(gTc, s.Mu));
        acc.U += gTc;
        o.X[i] = gMu.X; o.Y[i] = gMu.Y; o.Z[i] = gMu.Z;
    }
}

/// <summary>Per-instance sums of the per-Gaussian backward (doubles: millions of small terms).</summary>
internal struct InstanceAccumulator
{
    public Mat3d M;
    public Vector3d U, CamInObject;

    public void Add(in InstanceAccumulator o) { M.Add(o.M); U += o.U; CamInObject += o.CamInObject; }
}

internal struct Vector3d
{
    public double X, Y, Z;
    public static Vector3d operator +(Vector3d a, Vector3 b) => new() { X = a.X + b.X, Y = a.Y + b.Y, Z = a.Z + b.Z };
    public static Vector3d operator -(Vector3d a, Vector3 b) => new() { X = a.X - b.X, Y = a.Y - b.Y, Z = a.Z - b.Z };
    public static Vector3d operator +(Vector3d a, Vector3d b) => new() { X = a.X + b.X, Y = a.Y + b.Y, Z = a.Z + b.Z };
    public Vector3 ToFloat() => new((float)X, (float)Y, (float)Z);
}

internal struct Mat3d
{
    public double M00, M01, M02, M10, M11, M12, M20, M21, M22;
    public void Add(in Mat3 m)
    {
        M00 += m.M00; M01 += m.M01; M02 += m.M02; M10 += m.M10; M11 += m.M11; M12 += m.M12; M20 += m.M20; M21 += m.M21; M22 += m.M22;
    }
    public void Add(in Mat3d m)
    {
        M00 += m.M00; M01 += m.M01; M02 += m.M02; M10 += m.M10; M11 += m.M11; M12 += m.M12; M20 += m.M20; M21 += m.M21; M22 += m.M22;
    }
    public Mat3 ToFloat() => new((float)M00, (float)M01, (float)M02, (float)M10, (float)M11, (float)M12, (float)M20, (float)M21, (float)M22);
}
