namespace C3V.Render;

/// <summary>
/// Everything one render needs beyond its inputs and outputs, kept by the rasterizer and grown on demand
/// so that repeated renders of similar size allocate nothing.
/// </summary>
internal sealed class FrameBuffers
{
    // Projected splats, structure of arrays, indexed by global Gaussian index (instances concatenated).
    public float[] MeanX = [], MeanY = [], ConA = [], ConB = [], ConC = [], Opacity = [], Radius2 = [];
    public float[] ColorR = [], ColorG = [], ColorB = [], Depth = [];
    /// <summary>Tiles touched (0 = culled).</summary>
    public int[] TileCount = [];

    // Depth sort of the visible splats.
    public uint[] Keys = [], KeysTmp = [];
    public int[] Ids = [], IdsTmp = [];
    public int Visible;

    // Tile/splat pairs: first in depth order (tile of each pair), then bucketed per tile (splat of each pair).
    public int[] PairOffset = [];
    public int[] PairTile = [];
    public int[] TileSplats = [];
    public int[] TileStart = [];
    public int Pairs;

    // Per pixel: final transmittance, one past the last contributing pair, the median pair (−1: none).
    public float[] FinalT = [];
    public int[] LastPair = [];
    public int[] MedianPair = [];

    // Backward: per pair then per splat, 10 floats: mean x/y, conic a/b/c, opacity, r, g, b, depth.
    public const int GradStride = 10;
    public float[] PairGrad = [];
    public float[] SplatGrad = [];

    public void EnsureSplats(int n)
    {
        if (MeanX.Length >= n && PairOffset.Length > n) return;
        int cap = Grow(MeanX.Length, n);
        MeanX = new float[cap]; MeanY = new float[cap]; ConA = new float[cap]; ConB = new float[cap]; ConC = new float[cap];
        Opacity = new float[cap]; Radius2 = new float[cap]; ColorR = new float[cap]; ColorG = new float[cap]; ColorB = new float[cap];
        Depth = new float[cap]; TileCount = new int[cap];
        Keys = new uint[cap]; KeysTmp = new uint[cap]; Ids = new int[cap]; IdsTmp = new int[cap]; PairOffset = new int[cap + 1];
    }

    public void EnsurePixels(int pixels, int tiles)
    {
        if (FinalT.Length < pixels) { FinalT = new float[pixels]; LastPair = new int[pixels]; MedianPair = new int[pixels]; }
        if (TileStart.Length < tiles + 1) TileStart = new int[tiles + 1];
    }

    public void EnsurePairs(int pairs)
    {
        if (PairTile.Length >= pairs) return;
        int cap = Grow(PairTile.Length, pairs);
        PairTile = new int[cap]; TileSplats = new int[cap];
        PairGrad = [];
    }

    public void EnsureGradients(int splats)
    {
        if (PairGrad.Length < PairTile.Length * GradStride) PairGrad = new float[PairTile.Length * GradStride];
        if (SplatGrad.Length < splats * GradStride) SplatGrad = new float[Grow(SplatGrad.Length / GradStride, splats) * GradStride];
    }

    static int Grow(int have, int need) => (int)Math.Min(int.MaxValue / 16, Math.Max(need, (long)have * 5 / 4));
}
