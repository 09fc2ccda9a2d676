using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace C3V.Render;

/// <summary>
/// The per-tile blending kernels (forward and backward), vectorised over 8 pixels of a row, and the exact
/// splat/tile coverage test. A splat touches a pixel when the pixel centre lies in its 3σ ellipse and its
/// α reaches 1/255; <see cref="Touches"/> and the row spans use that same ellipse (with a hair of margin
/// so that rounding never drops a pixel the per-pixel test would keep), so images do not depend on tiling.
/// </summary>
internal static class TileRasterizer
{
    public const int TileSize = 16;
    const int Pixels = TileSize * TileSize;
    const int Lanes = 8;
    const int VecPerRow = TileSize / Lanes;
    const float MaxAlpha = 0.99f;
    const float MinT = 1e-4f;
    const float SpanMargin = 1.001f;

    /// <summary>Mahalanobis² bound used for spans: a little larger than the exact one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SpanRadius2(float r2) => r2 * SpanMargin + 1e-3f;

    /// <summary>Half extents in pixels of the ellipse dᵀ·Q·d ≤ r² (Q the conic): √(r²·Σᵢᵢ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (float Ex, float Ey) Extents(float a, float b, float c, float r2)
    {
        float det = a * c - b * b;
        return (MathF.Sqrt(r2 * c / det), MathF.Sqrt(r2 * a / det));
    }

    /// <summary>Range of tiles whose pixel centres the ellipse's bounding box reaches (empty when x1 &lt; x0).</summary>
    public static (int X0, int Y0, int X1, int Y1) TileRange(float mx, float my, float ex, float ey, in CameraModel cam)
    {
        // Pixel x has its centre at x + 0.5; tile t holds pixels 16t … 16t + 15.
        float xl = MathF.Ceiling(mx - ex - 0.5f), xh = MathF.Floor(mx + ex - 0.5f);
        float yl = MathF.Ceiling(my - ey - 0.5f), yh = MathF.Floor(my + ey - 0.5f);
        xl = MathF.Max(xl, 0); yl = MathF.Max(yl, 0);
        xh = MathF.Min(xh, cam.Width - 1); yh = MathF.Min(yh, cam.Height - 1);
        if (!(xl <= xh) || !(yl <= yh)) return (0, 0, -1, -1);
        return ((int)xl / TileSize, (int)yl / TileSize, (int)xh / TileSize, (int)yh / TileSize);
    }

    /// <summary>Does the ellipse reach any pixel centre of tile (tx, ty)? Exact minimum of the quadratic over the tile.</summary>
    public static bool Touches(float mx, float my, float a, float b, float c, float r2, int tx, int ty, in CameraModel cam)
    {
        float x0 = tx * TileSize + 0.5f - mx, x1 = Math.Min(tx * TileSize + TileSize, cam.Width) - 0.5f - mx;
        float y0 = ty * TileSize + 0.5f - my, y1 = Math.Min(ty * TileSize + TileSize, cam.Height) - 0.5f - my;
        if (x0 <= 0 && x1 >= 0 && y0 <= 0 && y1 >= 0) return true;
        float best = float.PositiveInfinity;
        // On a horizontal edge (y fixed) the minimum over x is at −b·y/a, clamped; likewise for vertical edges.
        foreach (float y in (ReadOnlySpan<float>)[y0, y1])
        {
            float x = Math.Clamp(-b * y / a, x0, x1);
            best = MathF.Min(best, a * x * x + 2 * b * x * y + c * y * y);
        }
        foreach (float x in (ReadOnlySpan<float>)[x0, x1])
        {
            float y = Math.Clamp(-b * x / c, y0, y1);
            best = MathF.Min(best, a * x * x + 2 * b * x * y + c * y * y);
        }
        return best <= r2;
    }

    /// <summary>Pixel columns [x0, x1] of row centre offset dy = my − (y + 0.5) inside the ellipse; false if none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool RowSpan(float mx, float dy, float b, float c, float r2, float a, float invA, out float x0, out float x1)
    {
        // a·dx² + 2b·dy·dx + c·dy² ≤ r² with dx = mx − (x + 0.5).
        float bd = b * dy;
        float disc = bd * bd - a * (c * dy * dy - r2);
        if (!(disc >= 0)) { x0 = x1 = 0; return false; }
        float sq = MathF.Sqrt(disc);
        float dxLo = (-bd - sq) * invA, dxHi = (-bd + sq) * invA;
        x0 = MathF.Ceiling(mx - dxHi - 0.5f);
        x1 = MathF.Floor(mx - dxLo - 0.5f);
        return x0 <= x1;
    }

    /// <summary>Tile-relative rows [y0, y1] the ellipse reaches; false if none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool RowRange(float my, float a, float b, float c, float r2, int py0, int h, out int y0, out int y1)
    {
        var (_, ey) = Extents(a, b, c, r2);
        float lo = MathF.Max(MathF.Ceiling(my - ey - 0.5f) - py0, 0), hi = MathF.Min(MathF.Floor(my + ey - 0.5f) - py0, h - 1);
        y0 = (int)lo; y1 = (int)hi;
        return lo <= hi;
    }

    /// <summary>Tile-relative vectors [v0, v1] of a row that the span [x0, x1] (absolute columns) reaches; false if none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool VectorRange(float x0, float x1, int px0, int w, out int v0, out int v1)
    {
        float c0 = MathF.Max(x0 - px0, 0), c1 = MathF.Min(x1 - px0, w - 1);
        v0 = (int)c0 / Lanes; v1 = (int)c1 / Lanes;
        return c0 <= c1;
    }

    /// <summary>
    /// power = −½(a·dx² + c·dy²) − b·dx·dy, written once so that the forward and the backward evaluate it
    /// bit-identically (they must agree on which pixels a splat reached).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<float> Power(Vector256<float> halfA, Vector256<float> rowB, Vector256<float> rowC, Vector256<float> dx) =>
        halfA * dx * dx + rowB * dx + rowC;

    static readonly Vector256<float> PixelOffsets = Vector256.Create(0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f);

    /// <summary>Blends tile <paramref name="tile"/> front to back and writes its pixels of <paramref name="res"/>.</summary>
    [SkipLocalsInit]
    public static unsafe void Forward(int tile, FrameBuffers f, in CameraModel cam, RenderOptions opt, RenderResult res)
    {
        int tx = tile % cam.TilesX, ty = tile / cam.TilesX;
        int px0 = tx * TileSize, py0 = ty * TileSize;
        int w = Math.Min(TileSize, cam.Width - px0), h = Math.Min(TileSize, cam.Height - py0);
        const int N = Pixels / Lanes;
        // Per pixel: transmittance, colour and depth sums, still-active mask, one past the last pair, median pair.
        Vector256<float>* tr = stackalloc Vector256<float>[N], cr = stackalloc Vector256<float>[N], cg = stackalloc Vector256<float>[N];
        Vector256<float>* cb = stackalloc Vector256<float>[N], cd = stackalloc Vector256<float>[N], active = stackalloc Vector256<float>[N];
        Vector256<int>* last = stackalloc Vector256<int>[N], med = stackalloc Vector256<int>[N];
        var lane = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        int activeCount = 0;
        for (int k = 0; k < N; k++)
        {
            int r = k / VecPerRow, v = k % VecPerRow;
            tr[k] = Vector256<float>.One; cr[k] = cg[k] = cb[k] = cd[k] = Vector256<float>.Zero;
            last[k] = Vector256<int>.Zero; med[k] = Vector256.Create(-1);
            var m = r < h ? Vector256.LessThan(lane + Vector256.Create(v * Lanes), Vector256.Create(w)) : Vector256<int>.Zero;
            active[k] = m.AsSingle();
            activeCount += BitOperations.PopCount(m.ExtractMostSignificantBits());
        }
        bool median = opt.DepthMode == DepthMode.Median;
        var half = Vector256.Create(0.5f);
        var minAlpha = Vector256.Create(Projection.MinAlpha);
        var maxAlpha = Vector256.Create(MaxAlpha);
        var minT = Vector256.Create(MinT);
        var cut = Vector256.Create(-0.5f * Projection.MaxMahalanobis2);
        int start = f.TileStart[tile], end = f.TileStart[tile + 1];
        fixed (ProjectedSplat* splats = f.Splats)
        fixed (int* list = f.TileSplats)
        {
            for (int j = start; j < end && activeCount > 0; j++)
            {
                var sp = splats + list[j];
                float mx = sp->MeanX, my = sp->MeanY, a = sp->ConA, b = sp->ConB, c = sp->ConC, r2 = SpanRadius2(sp->Radius2);
                if (!RowRange(my, a, b, c, r2, py0, h, out int yLo, out int yHi)) continue;
                var va = Vector256.Create(-0.5f * a); var vb = Vector256.Create(-b); var vc = Vector256.Create(-0.5f * c);
                var vo = Vector256.Create(sp->Opacity);
                var colR = Vector256.Create(sp->R); var colG = Vector256.Create(sp->G); var colB = Vector256.Create(sp->B);
                var colD = Vector256.Create(sp->Depth);
                var vj = Vector256.Create(j + 1);
                float invA = 1f / a;
                for (int ry = yLo; ry <= yHi; ry++)
                {
                    float dy = my - (py0 + ry + 0.5f);
                    if (!RowSpan(mx, dy, b, c, r2, a, invA, out float xs0, out float xs1)) continue;
                    if (!VectorRange(xs0, xs1, px0, w, out int v0, out int v1)) continue;
                    var vdy = Vector256.Create(dy);
                    var cPart = vc * vdy * vdy;
                    var bPart = vb * vdy;
                    for (int v = v0; v <= v1; v++)
                    {
                        int k = ry * VecPerRow + v;
                        var act = active[k];
                        if (act == Vector256<float>.Zero) continue;
                        var dx = Vector256.Create(mx - (px0 + v * Lanes)) - PixelOffsets;
                        var power = Power(va, bPart, cPart, dx);
                        var alpha = Vector256.Min(maxAlpha, vo * Vector256.Exp(power));
                        var m = act & Vector256.GreaterThanOrEqual(power, cut) & Vector256.GreaterThanOrEqual(alpha, minAlpha);
                        if (m == Vector256<float>.Zero) continue;
                        var t = tr[k];
                        var nt = t * (Vector256<float>.One - alpha);
                        var stop = m & Vector256.LessThan(nt, minT);
                        var blend = Vector256.AndNot(m, stop);
                        var wgt = alpha * t & blend;
                        cr[k] += wgt * colR; cg[k] += wgt * colG; cb[k] += wgt * colB; cd[k] += wgt * colD;
                        tr[k] = Vector256.ConditionalSelect(blend, nt, t);
                        var bi = blend.AsInt32();
                        last[k] = Vector256.ConditionalSelect(bi, vj, last[k]);
                        if (median)
                        {
                            var first = bi & Vector256.LessThan(nt, half).AsInt32() & Vector256.LessThan(med[k], Vector256<int>.Zero);
                            med[k] = Vector256.ConditionalSelect(first, vj - Vector256<int>.One, med[k]);
                        }
                        if (stop != Vector256<float>.Zero)
                        {
                            active[k] = Vector256.AndNot(act, stop);
                            activeCount -= BitOperations.PopCount(stop.ExtractMostSignificantBits());
                        }
                    }
                }
            }
        }

        var bg = opt.Background;
        float* T = (float*)tr, R = (float*)cr, G = (float*)cg, B = (float*)cb, D = (float*)cd;
        int* L = (int*)last, Md = (int*)med;
        for (int ry = 0; ry < h; ry++)
            for (int rx = 0; rx < w; rx++)
            {
                int k = ry * TileSize + rx, p = (py0 + ry) * cam.Width + px0 + rx;
                float t = T[k], alpha = 1f - t;
                res.Color[p * 3] = R[k] + t * bg.X;
                res.Color[p * 3 + 1] = G[k] + t * bg.Y;
                res.Color[p * 3 + 2] = B[k] + t * bg.Z;
                res.Alpha[p] = alpha;
                f.FinalT[p] = t;
                f.LastPair[p] = L[k] > 0 ? L[k] : start;
                int mp = -1;
                if (median)
                {
                    mp = Md[k] >= 0 ? Md[k] : L[k] > 0 ? L[k] - 1 : -1;
                    res.Depth[p] = mp >= 0 ? f.Splats[f.TileSplats[mp]].Depth : RenderResult.NoHitDepth;
                }
                else res.Depth[p] = alpha >= GaussianRasterizer.MinDepthAlpha ? D[k] / alpha : RenderResult.NoHitDepth;
                f.MedianPair[p] = mp;
            }
    }

    /// <summary>
    /// Back to front through tile <paramref name="tile"/>: the loss gradient of every pair of the tile with
    /// respect to the splat's mean, conic, opacity, colour and depth (10 floats per pair in
    /// <see cref="FrameBuffers.PairGrad"/>). Transmittance is recovered by division, the colour behind each
    /// splat by the running recursion S ← α·c + (1 − α)·S, as in the 3DGS reference backward.
    /// </summary>
    [SkipLocalsInit]
    public static void Backward(int tile, FrameBuffers f, in CameraModel cam, RenderOptions opt, RenderResult res,
        float[]? dColor, float[]? dAlpha, float[]? dDepth)
    {
        int tx = tile % cam.TilesX, ty = tile / cam.TilesX;
        int px0 = tx * TileSize, py0 = ty * TileSize;
        int w = Math.Min(TileSize, cam.Width - px0), h = Math.Min(TileSize, cam.Height - py0);
        int start = f.TileStart[tile], end = f.TileStart[tile + 1];
        const int N = Pixels / Lanes;
        Span<Vector256<float>> tr = stackalloc Vector256<float>[N], sr = stackalloc Vector256<float>[N], sg = stackalloc Vector256<float>[N];
        Span<Vector256<float>> sb = stackalloc Vector256<float>[N], sz = stackalloc Vector256<float>[N];
        Span<Vector256<float>> gr = stackalloc Vector256<float>[N], gg = stackalloc Vector256<float>[N], gb = stackalloc Vector256<float>[N];
        Span<Vector256<float>> gn = stackalloc Vector256<float>[N], tail = stackalloc Vector256<float>[N], gmed = stackalloc Vector256<float>[N];
        Span<Vector256<int>> last = stackalloc Vector256<int>[N], med = stackalloc Vector256<int>[N];
        var T = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector256<float>, float>(tr);
        var GR = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector256<float>, float>(gr);
        var GG = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector256<float>, float>(gg);
        var GB = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector256<float>, float>(gb);
        var GN = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector256<float>, float>(gn);
        var TL = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector256<float>, float>(tail);
        var GM = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector256<float>, float>(gmed);
        var L = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector256<int>, int>(last);
        var MD = System.Runtime.InteropServices.MemoryMarshal.Cast<Vector256<int>, int>(med);
        sr.Clear(); sg.Clear(); sb.Clear(); sz.Clear();
        bool median = opt.DepthMode == DepthMode.Median;
        var bg = opt.Background;
        int maxLast = start;
        for (int ry = 0; ry < TileSize; ry++)
            for (int rx = 0; rx < TileSize; rx++)
            {
                int k = ry * TileSize + rx;
                if (ry >= h || rx >= w) { T[k] = 1; GR[k] = GG[k] = GB[k] = GN[k] = TL[k] = GM[k] = 0; L[k] = start; MD[k] = -1; continue; }
                int p = (py0 + ry) * cam.Width + px0 + rx;
                float t = f.FinalT[p];
                float cR = dColor is null ? 0 : dColor[p * 3], cG = dColor is null ? 0 : dColor[p * 3 + 1], cB = dColor is null ? 0 : dColor[p * 3 + 2];
                float gA = dAlpha is null ? 0 : dAlpha[p], gD = dDepth is null ? 0 : dDepth[p];
                float gN = 0, gM = 0;
                if (median) gM = gD;
                else if (res.Alpha[p] >= GaussianRasterizer.MinDepthAlpha)
                {
                    // Depth = N / A: dN = gD / A, and A gets −Depth·gD / A.
                    gN = gD / res.Alpha[p];
                    gA -= res.Depth[p] * gN;
                }
                T[k] = t; GR[k] = cR; GG[k] = cG; GB[k] = cB; GN[k] = gN; GM[k] = gM;
                TL[k] = t * (gA - (bg.X * cR + bg.Y * cG + bg.Z * cB));
                L[k] = f.LastPair[p]; MD[k] = f.MedianPair[p];
                maxLast = Math.Max(maxLast, L[k]);
            }
        f.PairGrad.AsSpan(maxLast * FrameBuffers.GradStride, (end - maxLast) * FrameBuffers.GradStride).Clear();

        var minAlpha = Vector256.Create(Projection.MinAlpha);
        var maxAlpha = Vector256.Create(MaxAlpha);
        var cut = Vector256.Create(-0.5f * Projection.MaxMahalanobis2);
        var one = Vector256<float>.One;
        for (int j = maxLast - 1; j >= start; j--)
        {
            int id = f.TileSplats[j];
            var grad = f.PairGrad.AsSpan(j * FrameBuffers.GradStride, FrameBuffers.GradStride);
            grad.Clear();
            ref readonly var sp = ref f.Splats[id];
            float mx = sp.MeanX, my = sp.MeanY, a = sp.ConA, b = sp.ConB, c = sp.ConC, r2 = SpanRadius2(sp.Radius2);
            float invA = 1f / a;
            if (!RowRange(my, a, b, c, r2, py0, h, out int yLo, out int yHi)) continue;
            var va = Vector256.Create(a); var vb = Vector256.Create(b); var vc = Vector256.Create(c);
            var halfA = Vector256.Create(-0.5f * a);
            var vo = Vector256.Create(sp.Opacity);
            var colR = Vector256.Create(sp.R); var colG = Vector256.Create(sp.G); var colB = Vector256.Create(sp.B);
            var colD = Vector256.Create(sp.Depth);
            var vj = Vector256.Create(j);
            Vector256<float> aMx = default, aMy = default, aA = default, aB = default, aC = default, aO = default;
            Vector256<float> aR = default, aG = default, aBl = default, aZ = default;
            for (int ry = yLo; ry <= yHi; ry++)
            {
                float dyS = my - (py0 + ry + 0.5f);
                if (!RowSpan(mx, dyS, b, c, r2, a, invA, out float xs0, out float xs1)) continue;
                if (!VectorRange(xs0, xs1, px0, w, out int v0, out int v1)) continue;
                var dy = Vector256.Create(dyS);
                var rowB = Vector256.Create(-b) * dy;
                var rowC = Vector256.Create(-0.5f * c) * dy * dy;
                for (int v = v0; v <= v1; v++)
                {
                    int k = ry * VecPerRow + v;
                    var inList = Vector256.LessThan(vj, last[k]).AsSingle();
                    if (inList == Vector256<float>.Zero) continue;
                    var dx = Vector256.Create(mx - (px0 + v * Lanes)) - PixelOffsets;
                    var power = Power(halfA, rowB, rowC, dx);
                    var g = Vector256.Exp(power);
                    var og = vo * g;
                    var alpha = Vector256.Min(maxAlpha, og);
                    var m = inList & Vector256.GreaterThanOrEqual(power, cut) & Vector256.GreaterThanOrEqual(alpha, minAlpha);
                    if (m == Vector256<float>.Zero) continue;
                    var oneMinus = one - alpha;
                    var t = Vector256.ConditionalSelect(m, tr[k] / oneMinus, tr[k]);
                    var dAlphaV = t * ((colR - sr[k]) * gr[k] + (colG - sg[k]) * gg[k] + (colB - sb[k]) * gb[k] + (colD - sz[k]) * gn[k])
                                  + tail[k] / oneMinus;
                    var wgt = alpha * t & m;
                    aR += wgt * gr[k]; aG += wgt * gg[k]; aBl += wgt * gb[k]; aZ += wgt * gn[k];
                    if (median) aZ += gmed[k] & Vector256.Equals(med[k], vj).AsSingle() & m;
                    // The 0.99 clamp is flat: no gradient through it.
                    var dA = dAlphaV & m & Vector256.LessThan(og, maxAlpha);
                    aO += g * dA;
                    var gp = og * dA;
                    aMx -= gp * (va * dx + vb * dy);
                    aMy -= gp * (vb * dx + vc * dy);
                    aA -= 0.5f * gp * dx * dx;
                    aB -= gp * dx * dy;
                    aC -= 0.5f * gp * dy * dy;
                    sr[k] = Vector256.ConditionalSelect(m, alpha * colR + oneMinus * sr[k], sr[k]);
                    sg[k] = Vector256.ConditionalSelect(m, alpha * colG + oneMinus * sg[k], sg[k]);
                    sb[k] = Vector256.ConditionalSelect(m, alpha * colB + oneMinus * sb[k], sb[k]);
                    sz[k] = Vector256.ConditionalSelect(m, alpha * colD + oneMinus * sz[k], sz[k]);
                    tr[k] = t;
                }
            }
            grad[0] = Vector256.Sum(aMx); grad[1] = Vector256.Sum(aMy);
            grad[2] = Vector256.Sum(aA); grad[3] = Vector256.Sum(aB); grad[4] = Vector256.Sum(aC);
            grad[5] = Vector256.Sum(aO);
            grad[6] = Vector256.Sum(aR); grad[7] = Vector256.Sum(aG); grad[8] = Vector256.Sum(aBl);
            grad[9] = Vector256.Sum(aZ);
        }
    }
}
