namespace C3V.Render;

/// <summary>
/// Everything one render needs beyond its inputs and outputs, kept by the rasterizer and grown on demand
/// so that repeated renders of similar size allocate nothing.
/// </summary>
internal sealed class FrameBuffers
{
    /// <summary>
    /// Projected splats indexed by global Gaussian index (instances concatenated). One 48-byte record each
    /// rather than arrays: the tile loops fetch whole records in depth order, i.e. at random, and a record
    /// is one cache line away instead of eleven.
    /// </summary>
    public ProjectedSplat[] Splats = [];
    /// <summary>Tiles touched (0 = culled).</summary>
    public int[] TileCount = [];

    // Depth sort of the visible splats. Preprocessing fills, per chunk of Gaussians, the start of that
    // chunk's stretch of Keys/Ids and counts in ChunkVisible; the sort compacts them (then ChunkVisible
    // holds each chunk's first rank).
    public uint[] Keys = [], KeysTmp = [];
    public int[] Ids = [], IdsTmp = [];
    public int[] ChunkVisible = [];
    public int Visible;

    /// <summary>
    /// The visible splats copied in depth order (index = rank), so that binning and the tile loops read a
    /// compact array mostly forwards instead of gathering from all Gaussians; <see cref="Rank"/> maps a
    /// global index to its rank.
    /// </summary>
    public ProjectedSplat[] Sorted = [];
    public int[] Rank = [];

    // Tile/splat pairs: first in depth order (tile of each pair, and where binning put it), then bucketed
    // per tile (rank of each pair's splat).
    public int[] PairOffset = [];
    public int[] PairTile = [];
    public int[] PairSlot = [];
    public int[] TileSplats = [];
    public int[] TileStart = [];
    public int Pairs;
    /// <summary>Binning: pairs per (run of the depth order, tile), then each run's cursor per tile.</summary>
    public int[] RunCounts = [];

    // Per pixel: final transmittance, one past the last contributing pair, the median pair (−1: none).
    public float[] FinalT = [];
    public int[] LastPair = [];
    public int[] MedianPair = [];

    // Backward: per pair then per visible splat (by rank), 10 floats: mean x/y, conic a/b/c, opacity, r, g, b, depth.
    public const int GradStride = 10;
    public float[] PairGrad = [];
    public float[] SplatGrad = [];

    public void EnsureSplats(int n)
    {
        if (Splats.Length >= n && PairOffset.Length > n) return;
        int cap = Grow(Splats.Length, n);
        Splats = new ProjectedSplat[cap]; Sorted = new ProjectedSplat[cap]; TileCount = new int[cap]; Rank = new int[cap];
        Keys = new uint[cap]; KeysTmp = new uint[cap]; Ids = new int[cap]; IdsTmp = new int[cap]; PairOffset = new int[cap + 1];
    }

    public void EnsurePixels(int pixels, int tiles)
    {
        if (FinalT.Length < pixels) { FinalT = new float[pixels]; LastPair = new int[pixels]; MedianPair = new int[pixels]; }
        if (TileStart.Length < tiles + 1) TileStart = new int[tiles + 1];
    }

    public void EnsureChunks(int chunks)
    {
        if (ChunkVisible.Length < chunks + 1) ChunkVisible = new int[chunks + 1];
    }

    public void EnsureRunCounts(int n)
    {
        if (RunCounts.Length < n) RunCounts = new int[n];
    }

    public void EnsurePairs(int pairs)
    {
        if (PairTile.Length >= pairs) return;
        int cap = Grow(PairTile.Length, pairs);
        PairTile = new int[cap]; PairSlot = new int[cap]; TileSplats = new int[cap];
        PairGrad = [];
    }

    public void EnsureGradients(int splats)
    {
        if (PairGrad.Length < PairTile.Length * GradStride) PairGrad = new float[PairTile.Length * GradStride];
        if (SplatGrad.Length < splats * GradStride) SplatGrad = new float[Grow(SplatGrad.Length / GradStride, splats) * GradStride];
    }

    static int Grow(int have, int need) => (int)Math.Min(int.MaxValue / 16, Math.Max(need, (long)have * 5 / 4));
}

/// <summary>
/// A splat as the tile loops need it: pixel mean, conic, opacity, its α reach (Mahalanobis²), colour, camera
/// z, and the half height in pixels of its reach ellipse (<see cref="TileRasterizer.Reaching"/> sets it).
/// </summary>
internal struct ProjectedSplat
{
    public float MeanX, MeanY, ConA, ConB, ConC, Opacity, Radius2, R, G, B, Depth, ExtentY;
}
