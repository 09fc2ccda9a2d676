using C3V.Common;

namespace C3V.Splats.Formats;

/// <summary>
/// PlayCanvas compressed <c>.ply</c> (SuperSplat / splat-transform): splats in chunks of 256 (written in
/// Morton order), a <c>chunk</c> element with per-chunk ranges (min/max of position, log-scale and
/// optionally colour), a <c>vertex</c> element of four packed uint32 per splat and an optional <c>sh</c>
/// element of uint8 f_rest values. Read only.
/// </summary>
/// <remarks>
/// Decoding follows splat-transform's reader: position and log-scale are 11-10-11 bit fractions of the
/// chunk's range; rotation is "largest of four" (2-bit index into rot_0..rot_3, then three 10-bit values
/// v with component = (v/1023 − 0.5)·√2); colour is 8-8-8 bit fractions of the chunk's colour range (or of
/// 0..1) and 8-bit activated opacity; SH bytes b map to ((b + 0.5)/256 − 0.5)·8, with 0 → −4 and 255 → 4.
/// An opacity byte of 0 or 255 is an infinite logit there; here it is clamped (<see cref="GaussianCloud.Logit"/>).
/// </remarks>
internal static class CompressedPly
{
    public const int ChunkSize = 256;
    static readonly string[] ChunkProps = ["min_x", "min_y", "min_z", "max_x", "max_y", "max_z", "min_scale_x", "min_scale_y", "min_scale_z", "max_scale_x", "max_scale_y", "max_scale_z"];
    static readonly string[] ColorProps = ["min_r", "min_g", "min_b", "max_r", "max_g", "max_b"];
    static readonly string[] PackedProps = ["packed_position", "packed_rotation", "packed_scale", "packed_color"];

    /// <summary>True when the header has the compressed layout (a chunk element and packed vertex properties).</summary>
    public static bool Matches(PlyHeader header) =>
        header.Find("chunk") is not null && header.Find("vertex")?.Find("packed_position") is not null;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static GaussianCloud Read(Stream stream, PlyHeader header, string path, long? dataBytes)
    {
        var chunk = header.Find("chunk")!;
        var vertex = header.Find("vertex") ?? throw new InvalidFileException(path, "compressed PLY has no 'vertex' element");
        var sh = header.Find("sh");
        foreach (var p in ChunkProps) Require(chunk, p, path);
        foreach (var p in PackedProps) Require(vertex, p, path);
        bool hasColor = chunk.Find("min_r") is not null;
        if (hasColor) foreach (var p in ColorProps) Require(chunk, p, path);
        int expectedChunks = (vertex.Count + ChunkSize - 1) / ChunkSize;
        if (chunk.Count != expectedChunks)
            throw new InvalidFileException(path, $"compressed PLY has {chunk.Count} chunks for {vertex.Count} splats; expected {expectedChunks}");

        int degree = 0;
        PlyProperty[] rest = [];
        if (sh is not null)
        {
            int n = sh.Properties.Count(p => p.Name.StartsWith("f_rest_", StringComparison.Ordinal));
            degree = n switch
            {
                9 => 1, 24 => 2, 45 => 3,
                _ => throw new InvalidFileException(path, $"compressed PLY 'sh' element has {n} f_rest properties; expected 9, 24 or 45"),
            };
            if (sh.Count != vertex.Count) throw new InvalidFileException(path, $"compressed PLY has {sh.Count} sh records for {vertex.Count} splats");
            rest = new PlyProperty[n];
            for (int j = 0; j < n; j++) rest[j] = Require(sh, $"f_rest_{j}", path);
        }

        var reader = new PlyRecordReader(stream, header, path);
        List<PlyElement> needed = sh is null ? [chunk, vertex] : [chunk, vertex, sh];
        if (dataBytes is long available) reader.CheckDeclaredSizes(available, needed);

        var cloud = new GaussianCloud(vertex.Count, degree);
        int k = cloud.ShCoeffCount, shStride = k * 3;
        var ranges = new float[chunk.Count * 18];
        string[] rangeNames = hasColor ? [.. ChunkProps, .. ColorProps] : ChunkProps;
        var packed = new uint[4][];
        foreach (var element in header.Elements)
        {
            if (element == chunk)
                reader.Read(chunk, (block, first, n) =>
                {
                    for (int c = 0; c < rangeNames.Length; c++)
                        PlyColumns.GatherFloat(block, n, chunk.Stride, chunk.Find(rangeNames[c])!, ranges.AsSpan(first * 18 + c), 18);
                });
            else if (element == vertex)
            {
                for (int c = 0; c < 4; c++) packed[c] = new uint[vertex.Count];
                reader.Read(vertex, (block, first, n) =>
                {
                    for (int c = 0; c < 4; c++)
                        PlyColumns.GatherUInt(block, n, vertex.Stride, vertex.Find(PackedProps[c])!, packed[c].AsSpan(first, n));
                });
            }
            else if (element == sh)
                reader.Read(sh, (block, first, n) =>
                {
                    Span<uint> bytes = new uint[n];
                    for (int j = 0; j < rest.Length; j++)
                    {
                        PlyColumns.GatherUInt(block, n, sh.Stride, rest[j], bytes);
                        int channel = j / (k - 1), coeff = 1 + j % (k - 1);
                        for (int r = 0; r < n; r++)
                            cloud.Sh[(first + r) * shStride + coeff * 3 + channel] = DecodeSh(bytes[r]);
                    }
                });
            else reader.Skip(element);
            if (element == needed[^1]) break;
        }

        for (int i = 0; i < vertex.Count; i++)
        {
            var r = ranges.AsSpan(i / ChunkSize * 18, 18);
            uint pos = packed[0][i], rot = packed[1][i], scl = packed[2][i], col = packed[3][i];
            cloud.X[i] = Lerp(r[0], r[3], Unorm(pos >> 21, 11));
            cloud.Y[i] = Lerp(r[1], r[4], Unorm(pos >> 11, 10));
            cloud.Z[i] = Lerp(r[2], r[5], Unorm(pos, 11));
            cloud.ScaleX[i] = Lerp(r[6], r[9], Unorm(scl >> 21, 11));
            cloud.ScaleY[i] = Lerp(r[7], r[10], Unorm(scl >> 11, 10));
            cloud.ScaleZ[i] = Lerp(r[8], r[11], Unorm(scl, 11));
            DecodeRotation(rot, out cloud.RotW[i], out cloud.RotX[i], out cloud.RotY[i], out cloud.RotZ[i]);
            float cr = Unorm(col >> 24, 8), cg = Unorm(col >> 16, 8), cb = Unorm(col >> 8, 8);
            if (hasColor) { cr = Lerp(r[12], r[15], cr); cg = Lerp(r[13], r[16], cg); cb = Lerp(r[14], r[17], cb); }
            cloud.Sh[i * shStride + 0] = (cr - 0.5f) / GaussianCloud.C0;
            cloud.Sh[i * shStride + 1] = (cg - 0.5f) / GaussianCloud.C0;
            cloud.Sh[i * shStride + 2] = (cb - 0.5f) / GaussianCloud.C0;
            cloud.Opacity[i] = GaussianCloud.Logit(Unorm(col, 8));
        }
        return cloud;
    }

    static PlyProperty Require(PlyElement e, string name, string path)
    {
        var p = e.Find(name) ?? throw new InvalidFileException(path, $"compressed PLY element '{e.Name}' lacks property '{name}'");
        if (p.IsList) throw new InvalidFileException(path, $"compressed PLY property '{e.Name}.{name}' is a list, expected a scalar");
        return p;
    }

    static float Unorm(uint v, int bits)
    {
        uint max = (1u << bits) - 1;
        return (v & max) / (float)max;
    }

    static float Lerp(float a, float b, float t) => a * (1 - t) + b * t;

    internal static float DecodeSh(uint b) => (b == 0 ? 0f : b == 255 ? 1f : (b + 0.5f) / 256f) * 8f - 4f;

    /// <summary>Largest-of-four: components are in rot_0..rot_3 order (w, x, y, z in INRIA files).</summary>
    internal static void DecodeRotation(uint v, out float q0, out float q1, out float q2, out float q3)
    {
        const float norm = 1.41421356237f;
        float a = (Unorm(v >> 20, 10) - 0.5f) * norm;
        float b = (Unorm(v >> 10, 10) - 0.5f) * norm;
        float c = (Unorm(v, 10) - 0.5f) * norm;
        float m = MathF.Sqrt(MathF.Max(0, 1 - (a * a + b * b + c * c)));
        (q0, q1, q2, q3) = (v >> 30) switch
        {
            0 => (m, a, b, c),
            1 => (a, m, b, c),
            2 => (a, b, m, c),
            _ => (a, b, c, m),
        };
    }
}
