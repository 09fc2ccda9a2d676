using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using C3V.Splats;

namespace C3V.Render;

/// <summary>
/// The forward's per-Gaussian preprocessing over a run of one cloud: projection, covariance, conic, opacity and
/// reach eight Gaussians at a time (Vector256 over the cloud's structure-of-arrays), then per surviving splat the
/// SH colour, the tiles it reaches and its depth key. It computes what <see cref="Projection.Evaluate"/> does, in the
/// same operation order, so a splat differs from the scalar reference only by the vector e^x and ln x (an ulp or
/// two); the remainder of a run that does not fill a vector goes through the scalar reference itself. The backward
/// keeps using <see cref="Projection.Evaluate"/>.
/// </summary>
internal static class Preprocessing
{
    const int Lanes = 8;

    /// <summary>
    /// Projects Gaussians [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="cloud"/>: fills
    /// <see cref="FrameBuffers.Splats"/> and <see cref="FrameBuffers.TileCount"/> (0 = culled) at their global
    /// index, and appends each visible splat's depth key and index to its chunk's stretch of Keys/Ids.
    /// </summary>
    public static void Run(GaussianCloud cloud, int from, int to, in InstanceView view, in CameraModel cam, bool antialiased, FrameBuffers f, int chunk)
    {
        Span<float> basis = stackalloc float[16];
        int i = from;
        if (Vector256.IsHardwareAccelerated)
        {
            var lanes = new LaneValues();
            for (; i <= to - Lanes; i += Lanes)
            {
                int visible = Project(cloud, i, view, cam, antialiased, ref lanes);
                for (int l = 0; l < Lanes; l++)
                {
                    int g = view.Offset + i + l;
                    f.TileCount[g] = 0;
                    if ((visible & (1 << l)) == 0) continue;
                    var sp = new ProjectedSplat
                    {
                        MeanX = lanes.MeanX[l], MeanY = lanes.MeanY[l], ConA = lanes.ConA[l], ConB = lanes.ConB[l], ConC = lanes.ConC[l],
                        Opacity = lanes.Opacity[l], Radius2 = lanes.Radius2[l], ExtentY = lanes.ExtentY[l], Depth = lanes.Depth[l],
                    };
                    Emit(cloud, i + l, g, view, cam, sp, f, chunk, basis);
                }
            }
        }
        for (; i < to; i++)
        {
            int g = view.Offset + i;
            f.TileCount[g] = 0;
            if (!Projection.Evaluate(cloud, i, view, cam, antialiased, out var s)) continue;
            Emit(cloud, i, g, view, cam, TileRasterizer.Reaching(new ProjectedSplat
            {
                MeanX = s.MeanX, MeanY = s.MeanY, ConA = s.ConA, ConB = s.ConB, ConC = s.ConC, Opacity = s.Opacity, Depth = s.Tc.Z,
            }), f, chunk, basis);
        }
    }

    /// <summary>Colours a projected splat, counts its tiles and, when it reaches any, records it and its depth key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Emit(GaussianCloud cloud, int i, int g, in InstanceView view, in CameraModel cam, ProjectedSplat sp, FrameBuffers f, int chunk, Span<float> basis)
    {
        // View direction in the object frame, as Projection.Evaluate takes it (degree 0 does not look at it).
        var dir = Vector3.UnitZ;
        if (view.ShDegree > 0)
        {
            var v = new Vector3(cloud.X[i], cloud.Y[i], cloud.Z[i]) - view.CamInObject;
            float len = v.Length();
            if (len > 0) dir = v / len;
        }
        var rgb = Projection.Color(cloud, i, view.ShDegree, dir, basis, out _);
        if (!float.IsFinite(rgb.X) || !float.IsFinite(rgb.Y) || !float.IsFinite(rgb.Z)) return;
        sp.R = rgb.X; sp.G = rgb.Y; sp.B = rgb.Z;
        f.Splats[g] = sp;
        int tiles = TileRasterizer.Tiles(sp, cam, default, write: false);
        f.TileCount[g] = tiles;
        if (tiles == 0) return;
        // Depth key and index go to this chunk's own stretch of Keys/Ids; the depth sort closes the gaps.
        int c = g / chunk, slot = c * chunk + f.ChunkVisible[c]++;
        f.Keys[slot] = BitConverter.SingleToUInt32Bits(sp.Depth); // positive floats order like their bits
        f.Ids[slot] = g;
    }

    /// <summary>Per-lane results of <see cref="Project"/>.</summary>
    [InlineArray(Lanes)] struct Lane { float _v; }

    struct LaneValues
    {
        public Lane MeanX, MeanY, ConA, ConB, ConC, Opacity, Radius2, ExtentY, Depth;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Load(float[] a, int i) => Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(a), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Finite(Vector256<float> x) => Vector256.Equals(x - x, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> V(float x) => Vector256.Create(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Store(Vector256<float> v, ref Lane dst) => v.StoreUnsafe(ref dst[0]);

    /// <summary>
    /// <see cref="Projection.Evaluate"/> (with <see cref="TileRasterizer.Reaching"/>) for Gaussians i … i + 7,
    /// line by line in the same order; returns the bit mask of the lanes that survive its culls.
    /// </summary>
    static int Project(GaussianCloud cloud, int i, in InstanceView v, in CameraModel cam, bool antialiased, ref LaneValues o)
    {
        var m = v.M;
        var zero = Vector256<float>.Zero;
        var one = Vector256<float>.One;
        var mux = Load(cloud.X, i); var muy = Load(cloud.Y, i); var muz = Load(cloud.Z, i);
        // Mat3.Transform(μ) + U, as Vector3 arithmetic does it: (m·x + m·y) + m·z, then + U.
        var tx = V(m.M00) * mux + V(m.M01) * muy + V(m.M02) * muz + V(v.U.X);
        var ty = V(m.M10) * mux + V(m.M11) * muy + V(m.M12) * muz + V(v.U.Y);
        var tz = V(m.M20) * mux + V(m.M21) * muy + V(m.M22) * muz + V(v.U.Z);
        var ok = Vector256.GreaterThan(tz, V(cam.Near)) & Finite(tz) & Finite(tx) & Finite(ty);
        if (ok == zero) return 0;

        // Conservative off-screen cull (Projection.OutsideImage).
        var lsx = Load(cloud.ScaleX, i); var lsy = Load(cloud.ScaleY, i); var lsz = Load(cloud.ScaleZ, i);
        var smax = Vector256.Exp(Vector256.Max(lsx, Vector256.Max(lsy, lsz))) * V(v.Scale);
        var invZ = one / tz;
        var s2 = smax * smax * invZ * invZ;
        var ex = V(3f) * Vector256.Sqrt(s2 * V(cam.Fx) * V(cam.Fx) * V(cam.JBoundX) + V(Projection.Dilation));
        var ey = V(3f) * Vector256.Sqrt(s2 * V(cam.Fy) * V(cam.Fy) * V(cam.JBoundY) + V(Projection.Dilation));
        var mx = V(cam.Fx) * tx * invZ + V(cam.Cx);
        var my = V(cam.Fy) * ty * invZ + V(cam.Cy);
        var outside = Vector256.LessThan(mx + ex, zero) | Vector256.GreaterThan(mx - ex, V(cam.Width))
                      | Vector256.LessThan(my + ey, zero) | Vector256.GreaterThan(my - ey, V(cam.Height));
        ok = Vector256.AndNot(ok, outside);
        if (ok == zero) return 0;

        // Rotation (normalised; a zero or non-finite quaternion is the identity) and scales.
        var qw = Load(cloud.RotW, i); var qx = Load(cloud.RotX, i); var qy = Load(cloud.RotY, i); var qz = Load(cloud.RotZ, i);
        var qn2 = qw * qw + qx * qx + qy * qy + qz * qz;
        var good = Vector256.GreaterThan(qn2, V(1e-30f)) & Finite(qn2);
        var inv = one / Vector256.Sqrt(qn2);
        qw = Vector256.ConditionalSelect(good, qw * inv, one);
        qx = qx * inv & good; qy = qy * inv & good; qz = qz * inv & good;
        var sx = Vector256.Exp(lsx); var sy = Vector256.Exp(lsy); var sz = Vector256.Exp(lsz);
        var two = V(2f);
        // Mat3.FromQuaternion, times diag(s).
        var r00 = (one - two * (qy * qy + qz * qz)) * sx; var r01 = two * (qx * qy - qw * qz) * sy; var r02 = two * (qx * qz + qw * qy) * sz;
        var r10 = two * (qx * qy + qw * qz) * sx; var r11 = (one - two * (qx * qx + qz * qz)) * sy; var r12 = two * (qy * qz - qw * qx) * sz;
        var r20 = two * (qx * qz - qw * qy) * sx; var r21 = two * (qy * qz + qw * qx) * sy; var r22 = (one - two * (qx * qx + qy * qy)) * sz;
        // K = M·RS.
        var k00 = V(m.M00) * r00 + V(m.M01) * r10 + V(m.M02) * r20; var k01 = V(m.M00) * r01 + V(m.M01) * r11 + V(m.M02) * r21; var k02 = V(m.M00) * r02 + V(m.M01) * r12 + V(m.M02) * r22;
        var k10 = V(m.M10) * r00 + V(m.M11) * r10 + V(m.M12) * r20; var k11 = V(m.M10) * r01 + V(m.M11) * r11 + V(m.M12) * r21; var k12 = V(m.M10) * r02 + V(m.M11) * r12 + V(m.M12) * r22;
        var k20 = V(m.M20) * r00 + V(m.M21) * r10 + V(m.M22) * r20; var k21 = V(m.M20) * r01 + V(m.M21) * r11 + V(m.M22) * r21; var k22 = V(m.M20) * r02 + V(m.M21) * r12 + V(m.M22) * r22;

        // EWA Jacobian with the clamped x/z, y/z.
        var rx = tx * invZ; var ry = ty * invZ;
        var rxc = Vector256.Min(Vector256.Max(rx, V(-cam.LimXNeg)), V(cam.LimXPos));
        var ryc = Vector256.Min(Vector256.Max(ry, V(-cam.LimYNeg)), V(cam.LimYPos));
        var txc = rxc * tz; var tyc = ryc * tz;
        var j00 = V(cam.Fx) * invZ; var j02 = V(-cam.Fx) * txc * invZ * invZ;
        var j11 = V(cam.Fy) * invZ; var j12 = V(-cam.Fy) * tyc * invZ * invZ;
        var l00 = j00 * k00 + j02 * k20; var l01 = j00 * k01 + j02 * k21; var l02 = j00 * k02 + j02 * k22;
        var l10 = j11 * k10 + j12 * k20; var l11 = j11 * k11 + j12 * k21; var l12 = j11 * k12 + j12 * k22;
        var a0 = l00 * l00 + l01 * l01 + l02 * l02;
        var b0 = l00 * l10 + l01 * l11 + l02 * l12;
        var c0 = l10 * l10 + l11 * l11 + l12 * l12;
        var det0 = a0 * c0 - b0 * b0;
        var a = a0 + V(Projection.Dilation); var c = c0 + V(Projection.Dilation);
        var det = a * c - b0 * b0;
        ok &= Vector256.GreaterThan(det, zero) & Finite(det);
        var invDet = one / det;
        var conA = c * invDet; var conB = -b0 * invDet; var conC = a * invDet;
        var rho = antialiased ? Vector256.Sqrt(Vector256.Max(det0 * invDet, zero)) : one;
        var sigmoid = one / (one + Vector256.Exp(-Load(cloud.Opacity, i)));
        var opacity = sigmoid * rho;
        ok &= Vector256.GreaterThanOrEqual(opacity, V(Projection.MinAlpha));
        var meanX = V(cam.Fx) * rx + V(cam.Cx);
        var meanY = V(cam.Fy) * ry + V(cam.Cy);
        ok &= Finite(conA) & Finite(conB) & Finite(conC) & Finite(meanX) & Finite(meanY);
        if (ok == zero) return 0;

        // TileRasterizer.Reaching: α reach min(9, 2·ln(255·o)) and the half height of its (margined) ellipse.
        var radius2 = Vector256.Min(V(Projection.MaxMahalanobis2), two * Vector256.Log(V(255f) * opacity));
        var span2 = radius2 * V(TileRasterizer.SpanMarginFactor) + V(TileRasterizer.SpanMarginOffset);
        var extentY = Vector256.Sqrt(span2 * conA / (conA * conC - conB * conB));

        Store(meanX, ref o.MeanX); Store(meanY, ref o.MeanY);
        Store(conA, ref o.ConA); Store(conB, ref o.ConB); Store(conC, ref o.ConC);
        Store(opacity, ref o.Opacity); Store(radius2, ref o.Radius2); Store(extentY, ref o.ExtentY); Store(tz, ref o.Depth);
        return (int)ok.ExtractMostSignificantBits();
    }
}
