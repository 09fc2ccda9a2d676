namespace C3V.Output;

/// <summary>
/// Reduces an RGB8 frame to at most 256 colours by median cut (Heckbert) over a 15-bit colour histogram,
/// then maps every pixel to its nearest palette entry through a per-histogram-cell lookup, so the cost per
/// pixel is one table read. Buffers are reused between frames.
/// </summary>
public sealed class MedianCutQuantizer
{
    const int Bits = 5, Cells = 1 << (3 * Bits);
    readonly int[] _count = new int[Cells];
    readonly byte[] _lookup = new byte[Cells];
    readonly int[] _cells = new int[Cells];
    readonly long[] _sumR = new long[Cells], _sumG = new long[Cells], _sumB = new long[Cells];

    /// <summary>Palette of the last <see cref="Quantize"/> call: Count entries of (r, g, b).</summary>
    public byte[] Palette { get; } = new byte[256 * 3];
    public int PaletteCount { get; private set; }

    static int Cell(byte r, byte g, byte b) => (r >> 3) << 10 | (g >> 3) << 5 | (b >> 3);

    /// <summary>Fills <paramref name="indices"/> (one byte per pixel) and <see cref="Palette"/> from RGB8 pixels.</summary>
    public void Quantize(ReadOnlySpan<byte> rgb, Span<byte> indices, int maxColors = 256)
    {
        if (maxColors is < 2 or > 256) throw new ArgumentOutOfRangeException(nameof(maxColors));
        int n = rgb.Length / 3;
        if (indices.Length < n) throw new ArgumentException("index buffer too small", nameof(indices));
        Array.Clear(_count); Array.Clear(_sumR); Array.Clear(_sumG); Array.Clear(_sumB);
        for (int i = 0; i < n; i++)
        {
            byte r = rgb[3 * i], g = rgb[3 * i + 1], b = rgb[3 * i + 2];
            int cell = Cell(r, g, b);
            _count[cell]++; _sumR[cell] += r; _sumG[cell] += g; _sumB[cell] += b;
        }
        int used = 0;
        for (int c = 0; c < Cells; c++) if (_count[c] > 0) _cells[used++] = c;

        // Boxes are ranges of _cells; split the box with the largest (pixel-weighted) extent until maxColors.
        var boxes = new List<(int Start, int End)> { (0, used) };
        while (boxes.Count < maxColors)
        {
            int best = -1; long bestScore = 0; int bestAxis = 0;
            for (int b = 0; b < boxes.Count; b++)
            {
                var (s, e) = boxes[b];
                if (e - s < 2) continue;
                var (axis, range) = LongestAxis(s, e);
                long score = (long)range * Weight(s, e);
                if (range > 0 && score > bestScore) { bestScore = score; best = b; bestAxis = axis; }
            }
            if (best < 0) break;
            var (start, end) = boxes[best];
            int shift = (2 - bestAxis) * Bits;
            Array.Sort(_cells, start, end - start, Comparer<int>.Create((x, y) =>
            {
                int d = ((x >> shift) & 31) - ((y >> shift) & 31);
                return d != 0 ? d : x - y;
            }));
            long half = Weight(start, end) / 2, acc = 0;
            int cut = start + 1;
            for (int i = start; i < end - 1; i++)
            {
                acc += _count[_cells[i]];
                cut = i + 1;
                if (acc >= half) break;
            }
            boxes[best] = (start, cut);
            boxes.Add((cut, end));
        }

        PaletteCount = Math.Max(1, boxes.Count);
        Array.Clear(Palette);
        for (int b = 0; b < boxes.Count; b++)
        {
            var (s, e) = boxes[b];
            long r = 0, g = 0, bl = 0, w = 0;
            for (int i = s; i < e; i++)
            {
                int c = _cells[i];
                r += _sumR[c]; g += _sumG[c]; bl += _sumB[c]; w += _count[c];
            }
            if (w == 0) continue;
            Palette[3 * b] = (byte)((r + w / 2) / w); Palette[3 * b + 1] = (byte)((g + w / 2) / w); Palette[3 * b + 2] = (byte)((bl + w / 2) / w);
        }
        // Nearest palette entry to every occupied cell's mean colour (cells, not pixels: at most 32768 searches).
        for (int i = 0; i < used; i++)
        {
            int c = _cells[i];
            long k = _count[c];
            int cr = (int)((_sumR[c] + k / 2) / k), cg = (int)((_sumG[c] + k / 2) / k), cb = (int)((_sumB[c] + k / 2) / k);
            int bestIndex = 0, bestDist = int.MaxValue;
            for (int p = 0; p < PaletteCount; p++)
            {
                int dr = cr - Palette[3 * p], dg = cg - Palette[3 * p + 1], db = cb - Palette[3 * p + 2];
                int d = 2 * dr * dr + 4 * dg * dg + 3 * db * db; // rough perceptual weights
                if (d < bestDist) { bestDist = d; bestIndex = p; }
            }
            _lookup[c] = (byte)bestIndex;
        }
        for (int i = 0; i < n; i++) indices[i] = _lookup[Cell(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2])];
    }

    long Weight(int s, int e)
    {
        long w = 0;
        for (int i = s; i < e; i++) w += _count[_cells[i]];
        return w;
    }

    (int Axis, int Range) LongestAxis(int s, int e)
    {
        int minR = 31, maxR = 0, minG = 31, maxG = 0, minB = 31, maxB = 0;
        for (int i = s; i < e; i++)
        {
            int c = _cells[i], r = (c >> 10) & 31, g = (c >> 5) & 31, b = c & 31;
            minR = Math.Min(minR, r); maxR = Math.Max(maxR, r);
            minG = Math.Min(minG, g); maxG = Math.Max(maxG, g);
            minB = Math.Min(minB, b); maxB = Math.Max(maxB, b);
        }
        int rr = maxR - minR, rg = maxG - minG, rb = maxB - minB;
        return rg >= rr && rg >= rb ? (1, rg) : rr >= rb ? (0, rr) : (2, rb);
    }
}
