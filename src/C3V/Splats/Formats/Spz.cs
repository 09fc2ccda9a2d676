using System.Buffers.Binary;
using System.IO.Compression;
using C3V.Common;

namespace C3V.Splats.Formats;

/// <summary>
/// Niantic's <c>.spz</c>, following the reference implementation (nianticlabs/spz <c>load-spz.cc</c>).
/// Versions 1–3: the whole file is one gzip stream holding a 16-byte header (magic "NGSP", version, count,
/// SH degree, fractional bits, flags) and then, each for all splats in turn: positions (24-bit fixed point;
/// v1 float16), alphas, colours, scales, rotations (v2: x,y,z bytes with w ≥ 0 rebuilt; v3+: "smallest
/// three" in 4 bytes), SH bytes. Version 4: a 32-byte plain header, a table of contents and one zstd stream
/// per attribute.
/// </summary>
/// <remarks>
/// Axes: the reference stores RUB (x right, y up, z back) on disk and converts to and from the INRIA
/// <c>.ply</c> frame (RDF: y down, z forward) on load and save — a 180° turn about x: y and z of positions
/// and of the quaternion's vector part change sign, and every SH coefficient that is odd in y·z flips.
/// This reader and writer do the same, so a cloud round-trips through the reference unchanged.
/// Quantisation (writer, exactly as the reference): position round(p·2^f) with f = 12 fractional bits
/// (fewer only when the extent needs it: the reference would overflow past ±2048 m); alpha
/// round(sigmoid·255); colour round(dc·0.15·255 + 127.5); scale round((log s + 10)·16); SH round(v·128)+128
/// snapped to 5-bit buckets for band 1 and 4-bit for higher bands; all clamped to 0..255, halves away
/// from zero. Reading an alpha of 0 or 255 gives an infinite logit in the reference; here it is clamped
/// (<see cref="GaussianCloud.Logit"/>). SH degree 4 (v3+ allows it) is read and its fifth band dropped.
/// Extensions (flag bit 1) are skipped.
/// </remarks>
internal static class Spz
{
    public const uint Magic = 0x5053474e; // "NGSP" little-endian
    const int LegacyHeaderBytes = 16, V4HeaderBytes = 32;
    const byte FlagAntialiased = 1;
    const float ColorScale = 0.15f;
    const float Sqrt1_2 = 0.707106781186547524401f;
    /// <summary>Deflate cannot expand data more than about 1032:1; a header claiming more is a lie.</summary>
    const long MaxDeflateRatio = 1032;
    /// <summary>The reference's bound for zstd streams (uncompressed / compressed).</summary>
    const long MaxZstdRatio = 1024;

    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;
    public static bool IsNgsp(ReadOnlySpan<byte> head) => head.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(head) == Magic;

    /// <summary>Sign of each non-DC SH coefficient under the RUB ↔ RDF change (y, z negated), from the basis itself.</summary>
    internal static readonly float[] ShFlip = BuildShFlip();

    static float[] BuildShFlip()
    {
        var d = System.Numerics.Vector3.Normalize(new(0.3f, 0.5f, 0.7f));
        Span<float> a = stackalloc float[16], b = stackalloc float[16];
        SphericalHarmonics.EvalBasis(d, 3, a);
        SphericalHarmonics.EvalBasis(new(d.X, -d.Y, -d.Z), 3, b);
        var flip = new float[15];
        for (int k = 1; k < 16; k++) flip[k - 1] = MathF.Sign(b[k] * a[k]);
        return flip;
    }

    /// <summary>What the header said, for <c>c3v info</c>.</summary>
    public readonly record struct Header(int Version, int Count, int ShDegree, int FractionalBits, bool Antialiased);

    /// <summary>The six attribute arrays as stored (before decoding).</summary>
    sealed class Packed(Header h)
    {
        public readonly Header H = h;
        public readonly byte[] Positions = new byte[(long)h.Count * 3 * (h.Version == 1 ? 2 : 3)];
        public readonly byte[] Alphas = new byte[h.Count];
        public readonly byte[] Colors = new byte[(long)h.Count * 3];
        public readonly byte[] Scales = new byte[(long)h.Count * 3];
        public readonly byte[] Rotations = new byte[(long)h.Count * (h.Version >= 3 ? 4 : 3)];
        public readonly byte[] Sh = new byte[(long)h.Count * ShDim(h.ShDegree) * 3];
        public IEnumerable<(string Name, byte[] Data)> Streams =>
            [("positions", Positions), ("alphas", Alphas), ("colours", Colors), ("scales", Scales), ("rotations", Rotations), ("SH", Sh)];
        public static long BytesPerSplat(Header h) => 3 * (h.Version == 1 ? 2 : 3) + 1 + 3 + 3 + (h.Version >= 3 ? 4 : 3) + ShDim(h.ShDegree) * 3;
    }

    static int ShDim(int degree) => (degree + 1) * (degree + 1) - 1;

    public static GaussianCloud Read(Stream stream, string path, long? length, out Header header)
    {
        byte[] file = ReadAll(stream, length, path);
        var packed = IsNgsp(file) ? ReadV4(file, path) : IsGzip(file) ? ReadGzip(file, path)
            : throw new InvalidFileException(path, "not an SPZ file (neither a gzip stream nor an NGSP header)");
        header = packed.H;
        return Decode(packed);
    }

    static byte[] ReadAll(Stream stream, long? length, string path)
    {
        if (length is long n)
        {
            if (n > Array.MaxLength) throw new InvalidFileException(path, "SPZ file too large");
            var bytes = new byte[n];
            if (stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) < n) throw new InvalidFileException(path, "file shorter than its reported size");
            return bytes;
        }
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    static Header CheckHeader(string path, uint magic, uint version, uint count, byte degree, byte fractionalBits, byte flags, long maxCount)
    {
        if (magic != Magic) throw new InvalidFileException(path, $"not an SPZ file (magic 0x{magic:x8}, expected 0x{Magic:x8} \"NGSP\")");
        if (version is < 1 or > 4) throw new InvalidFileException(path, $"unsupported SPZ version {version} (this reader knows 1–4)");
        if (degree > 4) throw new InvalidFileException(path, $"unsupported SH degree {degree} (SPZ allows 0–4)");
        if (fractionalBits > 24) throw new InvalidFileException(path, $"bad SPZ header: {fractionalBits} fractional bits (at most 24)");
        if (count > int.MaxValue || count > maxCount)
            throw new InvalidFileException(path, $"SPZ header declares {count} splats, more than a file of this size can hold (corrupt or truncated)");
        return new Header((int)version, (int)count, degree, fractionalBits, (flags & FlagAntialiased) != 0);
    }

    static Packed ReadGzip(byte[] file, string path)
    {
        try
        {
            using var gz = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
            Span<byte> h = stackalloc byte[LegacyHeaderBytes];
            if (gz.ReadAtLeast(h, LegacyHeaderBytes, throwOnEndOfStream: false) < LegacyHeaderBytes)
                throw new InvalidFileException(path, "truncated: gzip data ends inside the SPZ header");
            var header = CheckHeader(path, BinaryPrimitives.ReadUInt32LittleEndian(h), BinaryPrimitives.ReadUInt32LittleEndian(h[4..]),
                BinaryPrimitives.ReadUInt32LittleEndian(h[8..]), h[12], h[13], h[14], maxCount: long.MaxValue);
            if (header.Version == 4) throw new InvalidFileException(path, "SPZ version 4 inside gzip (version 4 files are zstd streams with a plain header)");
            long need = header.Count * Packed.BytesPerSplat(header);
            if (need > file.Length * MaxDeflateRatio + 1024)
                throw new InvalidFileException(path, $"SPZ header declares {header.Count} splats ({need} bytes) but {file.Length} compressed bytes cannot hold them (corrupt or truncated)");
            var packed = new Packed(header);
            foreach (var (name, data) in packed.Streams)
                if (gz.ReadAtLeast(data, data.Length, throwOnEndOfStream: false) < data.Length)
                    throw new InvalidFileException(path, $"truncated: data ends inside the {name} of {header.Count} splats");
            // .NET does not check the gzip trailer, so a file cut inside it would pass: compare the trailer's
            // length field (uncompressed size mod 2³²) with what was inflated, extensions included.
            long inflated = LegacyHeaderBytes + packed.Streams.Sum(st => (long)st.Data.Length);
            var rest = new byte[4096];
            for (int n; (n = gz.Read(rest)) > 0;) inflated += n;
            if (BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(file.Length - 4)) != (uint)inflated)
                throw new InvalidFileException(path, "truncated or corrupt gzip stream (its trailer does not match the data)");
            return packed;
        }
        catch (InvalidDataException e)
        {
            throw new InvalidFileException(path, $"corrupt gzip data ({e.Message.TrimEnd('.')})", e);
        }
    }

    static Packed ReadV4(byte[] file, string path)
    {
        if (file.Length < V4HeaderBytes) throw new InvalidFileException(path, "truncated: SPZ v4 header is 32 bytes");
        var s = file.AsSpan();
        var header = CheckHeader(path, BinaryPrimitives.ReadUInt32LittleEndian(s), BinaryPrimitives.ReadUInt32LittleEndian(s[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(s[8..]), s[12], s[13], s[14],
            maxCount: file.Length * MaxZstdRatio / 9);
        if (header.Version != 4) throw new InvalidFileException(path, $"SPZ version {header.Version} with a plain NGSP header (versions 1–3 are gzip streams)");
        int numStreams = s[15];
        uint toc = BinaryPrimitives.ReadUInt32LittleEndian(s[16..]);
        var packed = new Packed(header);
        var streams = packed.Streams.Where(st => st.Data.Length > 0).ToList();
        if (numStreams != streams.Count) throw new InvalidFileException(path, $"SPZ v4 header lists {numStreams} streams; expected {streams.Count} for SH degree {header.ShDegree}");
        if (toc < V4HeaderBytes || toc + 16L * numStreams > file.Length) throw new InvalidFileException(path, "truncated or corrupt SPZ v4 table of contents");
        long at = toc + 16L * numStreams;
        using var zstd = new ZstdSharp.Decompressor();
        for (int i = 0; i < numStreams; i++)
        {
            var entry = s.Slice((int)toc + 16 * i, 16);
            ulong compressed = BinaryPrimitives.ReadUInt64LittleEndian(entry), uncompressed = BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]);
            var (name, data) = streams[i];
            if (uncompressed != (ulong)data.Length) throw new InvalidFileException(path, $"SPZ v4 {name} stream holds {uncompressed} bytes; expected {data.Length}");
            if (compressed > (ulong)(file.Length - at)) throw new InvalidFileException(path, $"truncated: SPZ v4 {name} stream extends past the end of the file");
            try
            {
                int got = zstd.Unwrap(s.Slice((int)at, (int)compressed), data);
                if (got != data.Length) throw new InvalidFileException(path, $"SPZ v4 {name} stream decompressed to {got} bytes; expected {data.Length}");
            }
            catch (ZstdSharp.ZstdException e)
            {
                throw new InvalidFileException(path, $"corrupt zstd data in the {name} stream ({e.Message.TrimEnd('.')})", e);
            }
            at += (long)compressed;
        }
        return packed;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    static GaussianCloud Decode(Packed p)
    {
        var h = p.H;
        int degree = Math.Min(h.ShDegree, GaussianCloud.MaxShDegree);
        var cloud = new GaussianCloud(h.Count, degree);
        int fileDim = ShDim(h.ShDegree), dim = ShDim(degree), shStride = (dim + 1) * 3;
        float posScale = 1f / (1 << h.FractionalBits);
        Span<float> q = stackalloc float[4]; // x, y, z, w
        for (int i = 0; i < h.Count; i++)
        {
            float x, y, z;
            if (h.Version == 1)
            {
                var half = p.Positions.AsSpan(i * 6, 6);
                x = (float)BinaryPrimitives.ReadHalfLittleEndian(half);
                y = (float)BinaryPrimitives.ReadHalfLittleEndian(half[2..]);
                z = (float)BinaryPrimitives.ReadHalfLittleEndian(half[4..]);
            }
            else
            {
                x = Fixed24(p.Positions, i * 9) * posScale;
                y = Fixed24(p.Positions, i * 9 + 3) * posScale;
                z = Fixed24(p.Positions, i * 9 + 6) * posScale;
            }
            // RUB on disk → RDF
            cloud.X[i] = x; cloud.Y[i] = -y; cloud.Z[i] = -z;
            cloud.ScaleX[i] = p.Scales[i * 3] / 16f - 10f;
            cloud.ScaleY[i] = p.Scales[i * 3 + 1] / 16f - 10f;
            cloud.ScaleZ[i] = p.Scales[i * 3 + 2] / 16f - 10f;
            if (h.Version >= 3) UnpackSmallestThree(p.Rotations.AsSpan(i * 4, 4), q);
            else UnpackFirstThree(p.Rotations.AsSpan(i * 3, 3), q);
            cloud.RotW[i] = q[3]; cloud.RotX[i] = q[0]; cloud.RotY[i] = -q[1]; cloud.RotZ[i] = -q[2];
            cloud.Opacity[i] = GaussianCloud.Logit(p.Alphas[i] / 255f);
            var sh = cloud.Sh.AsSpan(i * shStride, shStride);
            for (int c = 0; c < 3; c++) sh[c] = (p.Colors[i * 3 + c] / 255f - 0.5f) / ColorScale;
            var src = p.Sh.AsSpan(i * fileDim * 3, fileDim * 3);
            for (int k = 0; k < dim; k++)
                for (int c = 0; c < 3; c++)
                    sh[(k + 1) * 3 + c] = (src[k * 3 + c] - 128f) / 128f * ShFlip[k];
        }
        return cloud;
    }

    static int Fixed24(byte[] b, int at)
    {
        int v = b[at] | b[at + 1] << 8 | b[at + 2] << 16;
        return (v & 0x800000) != 0 ? v | unchecked((int)0xff000000) : v;
    }

    static void UnpackFirstThree(ReadOnlySpan<byte> r, Span<float> q)
    {
        float sum = 0;
        for (int i = 0; i < 3; i++) { q[i] = r[i] / 127.5f - 1f; sum += q[i] * q[i]; }
        q[3] = MathF.Sqrt(MathF.Max(0f, 1f - sum));
    }

    static void UnpackSmallestThree(ReadOnlySpan<byte> r, Span<float> q)
    {
        uint comp = BinaryPrimitives.ReadUInt32LittleEndian(r);
        const uint mask = (1u << 9) - 1;
        int largest = (int)(comp >> 30);
        float sum = 0;
        for (int i = 3; i >= 0; i--)
        {
            if (i == largest) continue;
            uint mag = comp & mask, neg = (comp >> 9) & 1;
            comp >>= 10;
            q[i] = Sqrt1_2 * mag / mask;
            if (neg == 1) q[i] = -q[i];
            sum += q[i] * q[i];
        }
        q[largest] = MathF.Sqrt(MathF.Max(0f, 1f - sum));
    }

    /// <param name="version">2 or 3 (gzip, the widely read ones) or 4 (zstd, newest reference).</param>
    public static void Write(Stream stream, GaussianCloud cloud, int version, bool antialiased)
    {
        if (version is < 2 or > 4) throw new C3VException($"SPZ version {version} cannot be written (2, 3 or 4)");
        int fractionalBits = FractionalBitsFor(cloud);
        var packed = Encode(cloud, new Header(version, cloud.Count, cloud.ShDegree, fractionalBits, antialiased));
        if (version < 4)
        {
            using var gz = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            Span<byte> h = stackalloc byte[LegacyHeaderBytes];
            WriteHeaderStart(h, packed.H);
            h[15] = 0;
            gz.Write(h);
            foreach (var (_, data) in packed.Streams) gz.Write(data);
            return;
        }
        // Level 12 as the reference uses (files come out byte-identical to its); streams in parallel as it does.
        var raw = packed.Streams.Where(s => s.Data.Length > 0).Select(s => s.Data).ToArray();
        var chunks = new (int Raw, byte[] Compressed)[raw.Length];
        Parallel.For(0, raw.Length, i =>
        {
            using var zstd = new ZstdSharp.Compressor(12);
            chunks[i] = (raw[i].Length, zstd.Wrap(raw[i]).ToArray());
        });
        var header = new byte[V4HeaderBytes + 16 * chunks.Length];
        WriteHeaderStart(header, packed.H);
        header[15] = (byte)chunks.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), V4HeaderBytes);
        for (int i = 0; i < chunks.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(V4HeaderBytes + 16 * i), (ulong)chunks[i].Compressed.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(V4HeaderBytes + 16 * i + 8), (ulong)chunks[i].Raw);
        }
        stream.Write(header);
        foreach (var c in chunks) stream.Write(c.Compressed);
    }

    static void WriteHeaderStart(Span<byte> h, Header header)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(h, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)header.Version);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], (uint)header.Count);
        h[12] = (byte)header.ShDegree;
        h[13] = (byte)header.FractionalBits;
        h[14] = header.Antialiased ? FlagAntialiased : (byte)0;
    }

    /// <summary>12 (the reference's choice) unless a coordinate would overflow 24 bits; then fewer.</summary>
    static int FractionalBitsFor(GaussianCloud cloud)
    {
        float max = 0;
        foreach (var a in (float[][])[cloud.X, cloud.Y, cloud.Z])
            foreach (var v in a) max = MathF.Max(max, MathF.Abs(v));
        for (int bits = 12; bits >= 0; bits--)
            if (MathF.Round(max * (1 << bits), MidpointRounding.AwayFromZero) <= (1 << 23) - 1) return bits;
        throw new C3VException($"a coordinate of {max} m is beyond what SPZ can store (±8.4e6 m)");
    }

    static byte ToU8(float x) => (byte)Math.Clamp(MathF.Round(x, MidpointRounding.AwayFromZero), 0f, 255f);

    static byte QuantizeSh(float x, int bucket)
    {
        int q = (int)(MathF.Round(x * 128f, MidpointRounding.AwayFromZero) + 128f);
        q = (q + bucket / 2) / bucket * bucket;
        return (byte)Math.Clamp(q, 0, 255);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    static Packed Encode(GaussianCloud cloud, Header h)
    {
        var p = new Packed(h);
        float scale = 1 << h.FractionalBits;
        int dim = ShDim(h.ShDegree), shStride = (dim + 1) * 3;
        Span<float> q = stackalloc float[4], pos = stackalloc float[3];
        for (int i = 0; i < h.Count; i++)
        {
            // RDF → RUB on disk
            pos[0] = cloud.X[i]; pos[1] = -cloud.Y[i]; pos[2] = -cloud.Z[i];
            for (int a = 0; a < 3; a++)
            {
                int v = (int)MathF.Round(pos[a] * scale, MidpointRounding.AwayFromZero);
                p.Positions[i * 9 + a * 3] = (byte)v;
                p.Positions[i * 9 + a * 3 + 1] = (byte)(v >> 8);
                p.Positions[i * 9 + a * 3 + 2] = (byte)(v >> 16);
            }
            p.Scales[i * 3] = ToU8((cloud.ScaleX[i] + 10f) * 16f);
            p.Scales[i * 3 + 1] = ToU8((cloud.ScaleY[i] + 10f) * 16f);
            p.Scales[i * 3 + 2] = ToU8((cloud.ScaleZ[i] + 10f) * 16f);
            float w = cloud.RotW[i], x = cloud.RotX[i], y = cloud.RotY[i], z = cloud.RotZ[i];
            float norm = MathF.Sqrt(w * w + x * x + y * y + z * z);
            if (!(norm > 0)) { (w, x, y, z, norm) = (1, 0, 0, 0, 1); }
            q[0] = x / norm; q[1] = -y / norm; q[2] = -z / norm; q[3] = w / norm;
            if (h.Version >= 3) PackSmallestThree(q, p.Rotations.AsSpan(i * 4, 4));
            else PackFirstThree(q, p.Rotations.AsSpan(i * 3, 3));
            p.Alphas[i] = ToU8(GaussianCloud.Sigmoid(cloud.Opacity[i]) * 255f);
            var sh = cloud.Sh.AsSpan(i * shStride, shStride);
            for (int c = 0; c < 3; c++) p.Colors[i * 3 + c] = ToU8(sh[c] * (ColorScale * 255f) + 0.5f * 255f);
            for (int k = 0; k < dim; k++)
                for (int c = 0; c < 3; c++)
                    p.Sh[(i * dim + k) * 3 + c] = QuantizeSh(sh[(k + 1) * 3 + c] * ShFlip[k], k < 3 ? 1 << (8 - 5) : 1 << (8 - 4));
        }
        return p;
    }

    static void PackFirstThree(ReadOnlySpan<float> q, Span<byte> r)
    {
        float s = q[3] < 0 ? -127.5f : 127.5f;
        for (int i = 0; i < 3; i++) r[i] = ToU8(q[i] * s + 127.5f);
    }

    static void PackSmallestThree(ReadOnlySpan<float> q, Span<byte> r)
    {
        int largest = 0;
        for (int i = 1; i < 4; i++) if (MathF.Abs(q[i]) > MathF.Abs(q[largest])) largest = i;
        uint negate = q[largest] < 0 ? 1u : 0u;
        uint comp = (uint)largest;
        for (int i = 0; i < 4; i++)
        {
            if (i == largest) continue;
            uint negbit = (q[i] < 0 ? 1u : 0u) ^ negate;
            uint mag = (uint)(511f * (MathF.Abs(q[i]) / Sqrt1_2) + 0.5f);
            comp = (comp << 10) | (negbit << 9) | mag;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(r, comp);
    }
}
