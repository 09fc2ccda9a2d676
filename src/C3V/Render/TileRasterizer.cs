using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace C3V.Render;

/// <summary>
/// The per-tile blending kernels (forward and backward), vectorised over the 16 pixels of a tile row, and the exact
/// splat/tile coverage test. A splat touches a pixel when the pixel centre lies in its 3σ ellipse and its
/// α reaches 1/255; <see cref="Touches"/> and the row ranges use that same ellipse (with a hair of margin
/// so that rounding never drops a pixel the per-pixel test would keep), so images do not depend on tiling.
/// </summary>
internal static class TileRasterizer
{
    public const int TileSize = 16;
    const float MaxAlpha = 0.99f;
    const float MinT = 1e-4f;
    internal const float SpanMarginFactor = 1.001f, SpanMarginOffset = 1e-3f;

    /// <summary>Mahalanobis² bound used for binning and row ranges: a little larger than the exact one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SpanRadius2(float r2) => r2 * SpanMarginFactor + SpanMarginOffset;

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

    /// <summary>
    /// The tiles with a pixel centre the splat's ellipse can reach, counted, or also written to
    /// <paramref name="dest"/> (row by row, left to right). Counting and writing must agree exactly, so both
    /// go through here. Per tile row, the ellipse cut to the row's band of pixel-centre heights is convex;
    /// its x-extent gives the pixel columns, hence the tiles, of that row. Relative to the mean (u, v), the
    /// ellipse's right edge u(v) = (−b·v + √(a·r² − det·v²))/a is concave, so over the band it peaks at the
    /// band point nearest v* = −b·eₓ/c (the ellipse's rightmost point); the left edge mirrors it at −v*.
    /// </summary>
    public static int Tiles(in ProjectedSplat sp, in CameraModel cam, Span<int> dest, bool write)
    {
        float mx = sp.MeanX, my = sp.MeanY, a = sp.ConA, b = sp.ConB, c = sp.ConC, r2 = SpanRadius2(sp.Radius2);
        float ey = sp.ExtentY, ex = Extents(a, b, c, r2).Ex;
        var (x0, y0, x1, y1) = TileRange(mx, my, ex, ey, cam);
        if (x0 == x1 && y0 == y1)
        {
            // One tile: the kernels' per-pixel tests decide.
            if (write) dest[0] = y0 * cam.TilesX + x0;
            return 1;
        }
        float det = a * c - b * b, ar2 = a * r2, invA = 1f / a, vStar = -b * ex / c;
        int n = 0;
        for (int ty = y0; ty <= y1; ty++)
        {
            float v0 = MathF.Max(ty * TileSize + 0.5f - my, -ey), v1 = MathF.Min(Math.Min(ty * TileSize + TileSize, cam.Height) - 0.5f - my, ey);
            if (!(v0 <= v1)) continue;
            float vh = Math.Clamp(vStar, v0, v1), vl = Math.Clamp(-vStar, v0, v1);
            float uh = (-b * vh + MathF.Sqrt(MathF.Max(ar2 - det * vh * vh, 0))) * invA;
            float ul = (-b * vl - MathF.Sqrt(MathF.Max(ar2 - det * vl * vl, 0))) * invA;
            // Columns whose centre x + ½ lies in [mx + ul, mx + uh].
            float cl = MathF.Max(MathF.Ceiling(mx + ul - 0.5f), 0), ch = MathF.Min(MathF.Floor(mx + uh - 0.5f), cam.Width - 1);
            if (!(cl <= ch)) continue;
            int t0 = (int)cl / TileSize, t1 = (int)ch / TileSize, row = ty * cam.TilesX;
            if (write)
                for (int t = t0; t <= t1; t++) dest[n++] = row + t;
            else n += t1 - t0 + 1;
        }
        return n;
    }

    /// <summary>
    /// <paramref name="sp"/> with its reach filled in: <see cref="ProjectedSplat.Radius2"/> from its opacity
    /// and <see cref="ProjectedSplat.ExtentY"/> from that (with the span margin), computed once per splat.
    /// </summary>
    public static ProjectedSplat Reaching(ProjectedSplat sp)
    {
        sp.Radius2 = Projection.Radius2(sp.Opacity);
        sp.ExtentY = Extents(sp.ConA, sp.ConB, sp.ConC, SpanRadius2(sp.Radius2)).Ey;
        return sp;
    }

    /// <summary>Tile-relative rows [y0, y1] the ellipse (centre height my, half height ey) reaches; false if none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool RowRange(float my, float ey, int py0, int h, out int y0, out int y1)
    {
        float lo = MathF.Max(MathF.Ceiling(my - ey - 0.5f) - py0, 0), hi = MathF.Min(MathF.Floor(my + ey - 0.5f) - py0, h - 1);
        y0 = (int)lo; y1 = (int)hi;
        return lo <= hi;
    }

    /// <summary>
    /// One splat as seen from the 16 pixel centres of a tile row: power = −½(a·dx² + c·dy²) − b·dx·dy with
    /// dx = mx − (x + ½) is pA + pB·dy − ½c·dy², where pA = −½a·dx² and pB = −b·dx are the same for every
    /// row. Written once so that the forward and the backward evaluate it bit-identically (they must agree
    /// on which pixels a splat reached).
    /// </summary>
    readonly struct RowPower
    {
        public readonly Vector512<float> Dx, PA, PB;
        readonly float _halfC;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public RowPower(float mx, int px0, float a, float b, float c)
        {
            Dx = Vector512.Create(mx - px0) - PixelOffsets;
            PA = Vector512.Create(-0.5f * a) * Dx * Dx;
            PB = Vector512.Create(-b) * Dx;
            _halfC = -0.5f * c;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<float> At(float dy) => Vector512.FusedMultiplyAdd(PB, Vector512.Create(dy), PA + Vector512.Create(_halfC * dy * dy));
    }

    static readonly Vector512<float> PixelOffsets =
        Vector512.Create(0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f, 8.5f, 9.5f, 10.5f, 11.5f, 12.5f, 13.5f, 14.5f, 15.5f);
    static readonly Vector512<int> LaneIndex = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    /// <summary>
    /// Below this power no pixel of the splat reaches α ≥ 1/255 (½ of <see cref="SpanRadius2"/>, so a
    /// little lower than the exact bound): rows whose every pixel is below it are skipped before e^power.
    /// The per-pixel tests that decide what is drawn stay the exact ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<float> Reach(float spanRadius2) => Vector512.Create(-0.5f * spanRadius2);

    /// <summary>
    /// Blends tile <paramref name="tile"/> front to back and writes its pixels of <paramref name="res"/>.
    /// A tile row of 16 pixels is one vector; each splat walks the rows its ellipse reaches, within the band
    /// of rows that still have a pixel above the transmittance cut-off.
    /// </summary>
    [SkipLocalsInit]
    public static unsafe void Forward(int tile, FrameBuffers f, in CameraModel cam, RenderOptions opt, RenderResult res)
    {
        int tx = tile % cam.TilesX, ty = tile / cam.TilesX;
        int px0 = tx * TileSize, py0 = ty * TileSize;
        int w = Math.Min(TileSize, cam.Width - px0), h = Math.Min(TileSize, cam.Height - py0);
        if (f.TileStart[tile] == f.TileStart[tile + 1])
        {
            // Nothing reaches the tile (most of an actor layer's tiles): background, the values the loop below would write.
            FillEmpty(f.TileStart[tile], f, cam, opt.Background, res, px0, py0, w, h);
            return;
        }
        var rows = stackalloc ForwardRow[TileSize];
        var columns = Vector512.LessThan(LaneIndex, Vector512.Create(w)).AsSingle();
        for (int r = 0; r < TileSize; r++)
        {
            ref var row = ref rows[r];
            row.T = Vector512<float>.One; row.R = row.G = row.B = row.D = Vector512<float>.Zero;
            row.Last = Vector512<int>.Zero; row.Median = Vector512.Create(-1);
            row.Active = r < h ? columns : Vector512<float>.Zero;
        }
        // Rows rowLo … rowHi still have an active pixel; the tile is done when the band is empty.
        int rowLo = 0, rowHi = h - 1;
        bool median = opt.DepthMode == DepthMode.Median;
        var half = Vector512.Create(0.5f);
        var minAlpha = Vector512.Create(Projection.MinAlpha);
        var maxAlpha = Vector512.Create(MaxAlpha);
        var minT = Vector512.Create(MinT);
        var cut = Vector512.Create(-0.5f * Projection.MaxMahalanobis2);
        int start = f.TileStart[tile], end = f.TileStart[tile + 1];
        fixed (ProjectedSplat* splats = f.Sorted)
        fixed (int* list = f.TileSplats)
        {
            for (int j = start; j < end && rowLo <= rowHi; j++)
            {
                var sp = splats + list[j];
                float my = sp->MeanY, a = sp->ConA, b = sp->ConB, c = sp->ConC, r2 = SpanRadius2(sp->Radius2);
                if (!RowRange(my, sp->ExtentY, py0, h, out int yLo, out int yHi)) continue;
                yLo = Math.Max(yLo, rowLo); yHi = Math.Min(yHi, rowHi);
                var pw = new RowPower(sp->MeanX, px0, a, b, c);
                var reach = Reach(r2);
                var vo = Vector512.Create(sp->Opacity);
                var colR = Vector512.Create(sp->R); var colG = Vector512.Create(sp->G); var colB = Vector512.Create(sp->B);
                var colD = Vector512.Create(sp->Depth);
                var vj = Vector512.Create(j + 1);
                for (int ry = yLo; ry <= yHi; ry++)
                {
                    var power = pw.At(my - (py0 + ry + 0.5f));
                    var row = rows + ry;
                    var act = row->Active;
                    if ((act & Vector512.GreaterThanOrEqual(power, reach)) == Vector512<float>.Zero) continue;
                    var alpha = Vector512.MinNative(maxAlpha, vo * FastExp.Exp(power));
                    var m = act & Vector512.GreaterThanOrEqual(power, cut) & Vector512.GreaterThanOrEqual(alpha, minAlpha);
                    var t = row->T;
                    var nt = t * (Vector512<float>.One - alpha);
                    var stop = m & Vector512.LessThan(nt, minT);
                    var blend = Vector512.AndNot(m, stop);
                    var wgt = alpha * t & blend;
                    row->R = Vector512.FusedMultiplyAdd(wgt, colR, row->R); row->G = Vector512.FusedMultiplyAdd(wgt, colG, row->G);
                    row->B = Vector512.FusedMultiplyAdd(wgt, colB, row->B); row->D = Vector512.FusedMultiplyAdd(wgt, colD, row->D);
                    row->T = Vector512.ConditionalSelect(blend, nt, t);
                    var bi = blend.AsInt32();
                    row->Last = Vector512.ConditionalSelect(bi, vj, row->Last);
                    if (median)
                    {
                        var first = bi & Vector512.LessThan(nt, half).AsInt32() & Vector512.LessThan(row->Median, Vector512<int>.Zero);
                        row->Median = Vector512.ConditionalSelect(first, vj - Vector512<int>.One, row->Median);
                    }
                    if (stop != Vector512<float>.Zero)
                    {
                        row->Active = Vector512.AndNot(act, stop);
                        while (rowLo <= rowHi && rows[rowLo].Active == Vector512<float>.Zero) rowLo++;
                        while (rowHi >= rowLo && rows[rowHi].Active == Vector512<float>.Zero) rowHi--;
                        if (yHi > rowHi) yHi = rowHi;
                    }
                }
            }
        }

        var bg = opt.Background;
        for (int ry = 0; ry < h; ry++)
        {
            var row = rows + ry;
            float* T = (float*)&row->T, R = (float*)&row->R, G = (float*)&row->G, B = (float*)&row->B, D = (float*)&row->D;
            int* L = (int*)&row->Last, Md = (int*)&row->Median;
            for (int k = 0; k < w; k++)
            {
                int p = (py0 + ry) * cam.Width + px0 + k;
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
                    res.Depth[p] = mp >= 0 ? f.Sorted[f.TileSplats[mp]].Depth : RenderResult.NoHitDepth;
                }
                else res.Depth[p] = alpha >= GaussianRasterizer.MinDepthAlpha ? D[k] / alpha : RenderResult.NoHitDepth;
                f.MedianPair[p] = mp;
            }
        }
    }

    static void FillEmpty(int start, FrameBuffers f, in CameraModel cam, Vector3 bg, RenderResult res, int px0, int py0, int w, int h)
    {
        for (int ry = 0; ry < h; ry++)
        {
            int p = (py0 + ry) * cam.Width + px0;
            res.Alpha.AsSpan(p, w).Clear();
            res.Depth.AsSpan(p, w).Fill(RenderResult.NoHitDepth);
            f.FinalT.AsSpan(p, w).Fill(1f);
            f.LastPair.AsSpan(p, w).Fill(start);
            f.MedianPair.AsSpan(p, w).Fill(-1);
            var color = res.Color.AsSpan(p * 3, w * 3);
            if (bg == Vector3.Zero) color.Clear();
            else
                for (int k = 0; k < w; k++) { color[k * 3] = bg.X; color[k * 3 + 1] = bg.Y; color[k * 3 + 2] = bg.Z; }
        }
    }

    /// <summary>Forward state of one tile row, per pixel: transmittance, colour and depth sums, still-active mask, one past the last pair, median pair.</summary>
    struct ForwardRow
    {
        public Vector512<float> T, R, G, B, D, Active;
        public Vector512<int> Last, Median;
    }

    /// <summary>
    /// Back to front through tile <paramref name="tile"/>: the loss gradient of every pair of the tile with
    /// respect to the splat's mean, conic, opacity, colour and depth (10 floats per pair in
    /// <see cref="FrameBuffers.PairGrad"/>). Transmittance is recovered by division, the colour behind each
    /// splat by the running recursion S ← α·c + (1 − α)·S, as in the 3DGS reference backward.
    /// </summary>
    [SkipLocalsInit]
    public static unsafe void Backward(int tile, FrameBuffers f, in CameraModel cam, RenderOptions opt, RenderResult res,
        float[]? dColor, float[]? dAlpha, float[]? dDepth)
    {
        int tx = tile % cam.TilesX, ty = tile / cam.TilesX;
        int px0 = tx * TileSize, py0 = ty * TileSize;
        int w = Math.Min(TileSize, cam.Width - px0), h = Math.Min(TileSize, cam.Height - py0);
        int start = f.TileStart[tile], end = f.TileStart[tile + 1];
        const int N = TileSize;
        // Per pixel: transmittance, colour/depth behind, loss gradients of colour/depth sum, the background tail term,
        // the median depth gradient, one past the last pair, the median pair.
        Vector512<float>* tr = stackalloc Vector512<float>[N], sr = stackalloc Vector512<float>[N], sg = stackalloc Vector512<float>[N];
        Vector512<float>* sb = stackalloc Vector512<float>[N], sz = stackalloc Vector512<float>[N];
        Vector512<float>* gr = stackalloc Vector512<float>[N], gg = stackalloc Vector512<float>[N], gb = stackalloc Vector512<float>[N];
        Vector512<float>* gn = stackalloc Vector512<float>[N], tail = stackalloc Vector512<float>[N], gmed = stackalloc Vector512<float>[N];
        Vector512<int>* last = stackalloc Vector512<int>[N], med = stackalloc Vector512<int>[N];
        float* T = (float*)tr, GR = (float*)gr, GG = (float*)gg, GB = (float*)gb, GN = (float*)gn, TL = (float*)tail, GM = (float*)gmed;
        int* L = (int*)last, MD = (int*)med;
        for (int r = 0; r < N; r++) sr[r] = sg[r] = sb[r] = sz[r] = Vector512<float>.Zero;
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

        var minAlpha = Vector512.Create(Projection.MinAlpha);
        var maxAlpha = Vector512.Create(MaxAlpha);
        var cut = Vector512.Create(-0.5f * Projection.MaxMahalanobis2);
        var one = Vector512<float>.One;
        for (int j = maxLast - 1; j >= start; j--)
        {
            int rank = f.TileSplats[j];
            var grad = f.PairGrad.AsSpan(j * FrameBuffers.GradStride, FrameBuffers.GradStride);
            grad.Clear();
            ref readonly var sp = ref f.Sorted[rank];
            float my = sp.MeanY, a = sp.ConA, b = sp.ConB, c = sp.ConC, r2 = SpanRadius2(sp.Radius2);
            if (!RowRange(my, sp.ExtentY, py0, h, out int yLo, out int yHi)) continue;
            var pw = new RowPower(sp.MeanX, px0, a, b, c);
            var dx = pw.Dx;
            var reach = Reach(r2);
            var vo = Vector512.Create(sp.Opacity);
            var colR = Vector512.Create(sp.R); var colG = Vector512.Create(sp.G); var colB = Vector512.Create(sp.B);
            var colD = Vector512.Create(sp.Depth);
            var vj = Vector512.Create(j);
            // dL/dpower = gp per pixel; power's derivatives are polynomials in dx (fixed per column) and dy (fixed
            // per row), so the rows only sum gp, gp·dy and gp·dy² and the mean/conic gradients are formed once below.
            Vector512<float> sumGp = default, sumGpDy = default, sumGpDy2 = default, aO = default;
            Vector512<float> aR = default, aG = default, aBl = default, aZ = default;
            for (int ry = yLo; ry <= yHi; ry++)
            {
                float dyS = my - (py0 + ry + 0.5f);
                var power = pw.At(dyS);
                var inList = Vector512.LessThan(vj, last[ry]).AsSingle();
                if ((inList & Vector512.GreaterThanOrEqual(power, reach)) == Vector512<float>.Zero) continue;
                var g = FastExp.Exp(power);
                var og = vo * g;
                var alpha = Vector512.MinNative(maxAlpha, og);
                var m = inList & Vector512.GreaterThanOrEqual(power, cut) & Vector512.GreaterThanOrEqual(alpha, minAlpha);
                if (m == Vector512<float>.Zero) continue;
                var oneMinus = one - alpha;
                var invOneMinus = one / oneMinus;
                var t = Vector512.ConditionalSelect(m, tr[ry] * invOneMinus, tr[ry]);
                var dAlphaV = t * ((colR - sr[ry]) * gr[ry] + (colG - sg[ry]) * gg[ry] + (colB - sb[ry]) * gb[ry] + (colD - sz[ry]) * gn[ry])
                              + tail[ry] * invOneMinus;
                var wgt = alpha * t & m;
                aR += wgt * gr[ry]; aG += wgt * gg[ry]; aBl += wgt * gb[ry]; aZ += wgt * gn[ry];
                if (median) aZ += gmed[ry] & Vector512.Equals(med[ry], vj).AsSingle() & m;
                // The 0.99 clamp is flat: no gradient through it.
                var dA = dAlphaV & m & Vector512.LessThan(og, maxAlpha);
                aO += g * dA;
                var gp = og * dA;
                sumGp += gp;
                sumGpDy = Vector512.FusedMultiplyAdd(gp, Vector512.Create(dyS), sumGpDy);
                sumGpDy2 = Vector512.FusedMultiplyAdd(gp, Vector512.Create(dyS * dyS), sumGpDy2);
                sr[ry] = Vector512.ConditionalSelect(m, alpha * colR + oneMinus * sr[ry], sr[ry]);
                sg[ry] = Vector512.ConditionalSelect(m, alpha * colG + oneMinus * sg[ry], sg[ry]);
                sb[ry] = Vector512.ConditionalSelect(m, alpha * colB + oneMinus * sb[ry], sb[ry]);
                sz[ry] = Vector512.ConditionalSelect(m, alpha * colD + oneMinus * sz[ry], sz[ry]);
                tr[ry] = t;
            }
            // power = −½(a·dx² + c·dy²) − b·dx·dy: ∂/∂mx = −(a·dx + b·dy), ∂/∂my = −(b·dx + c·dy),
            // ∂/∂a = −½dx², ∂/∂b = −dx·dy, ∂/∂c = −½dy².
            var gpDx = sumGp * dx;
            var aMx = -(a * gpDx + b * sumGpDy);
            var aMy = -(b * gpDx + c * sumGpDy);
            var aA = -0.5f * gpDx * dx;
            var aB = -(dx * sumGpDy);
            var aC = -0.5f * sumGpDy2;
            grad[0] = Vector512.Sum(aMx); grad[1] = Vector512.Sum(aMy);
            grad[2] = Vector512.Sum(aA); grad[3] = Vector512.Sum(aB); grad[4] = Vector512.Sum(aC);
            grad[5] = Vector512.Sum(aO);
            grad[6] = Vector512.Sum(aR); grad[7] = Vector512.Sum(aG); grad[8] = Vector512.Sum(aBl);
            grad[9] = Vector512.Sum(aZ);
        }
    }
}
