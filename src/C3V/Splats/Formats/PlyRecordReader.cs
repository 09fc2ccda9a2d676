using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using C3V.Common;

namespace C3V.Splats.Formats;

/// <summary>Receives a block of little-endian binary records (stride = element's Stride) starting at record <paramref name="first"/>.</summary>
internal delegate void PlyBlockHandler(ReadOnlySpan<byte> records, int first, int count);

/// <summary>
/// Streams the data section of a PLY file element by element, in blocks of records converted to binary
/// little-endian (ascii is parsed and big-endian swapped into that layout), so format decoders only ever see
/// one record layout. Blocks are ~256 KB: big enough for few system calls, small enough to stay in cache
/// while the decoder gathers one column after another from them.
/// </summary>
internal sealed class PlyRecordReader(Stream stream, PlyHeader header, string path)
{
    const int BlockBytes = 1 << 18;
    AsciiTokens? _ascii;

    /// <summary>
    /// For binary files of known size: fails early, before anything large is allocated, when the declared
    /// element counts need more bytes than the file has (an oversized count or a truncated file).
    /// </summary>
    public void CheckDeclaredSizes(long dataBytes, IReadOnlyList<PlyElement> needed)
    {
        if (header.Encoding == PlyEncoding.Ascii)
        {
            // Every ascii value takes at least two bytes (a digit and a separator).
            long minimum = needed.Sum(e => (long)e.Count * e.Properties.Count * 2);
            if (minimum > dataBytes)
                throw new InvalidFileException(path, $"header declares {Describe(needed)} but only {dataBytes} bytes of ascii data follow (truncated file or wrong count)");
            return;
        }
        long need = 0;
        int last = needed.Max(e => header.Elements.IndexOf(e));
        for (int i = 0; i <= last; i++)
        {
            var e = header.Elements[i];
            if (e.HasList) return; // size unknown without parsing; Read reports it
            need += (long)e.Count * e.Stride;
        }
        if (need > dataBytes)
            throw new InvalidFileException(path, $"truncated: header declares {Describe(needed)} ({need} bytes) but only {dataBytes} bytes of data follow");
        // Data beyond every declared record (a whole record or more; a stray newline is tolerated) means the
        // counts are wrong: "0 vertices" followed by megabytes would otherwise read as an empty cloud.
        if (header.Elements.Any(e => e.HasList)) return;
        long all = header.Elements.Sum(e => (long)e.Count * e.Stride);
        int record = header.Elements.Select(e => e.Stride).Where(st => st > 0).DefaultIfEmpty(1).Min();
        if (dataBytes - all >= record)
            throw new InvalidFileException(path, $"header declares {Describe(header.Elements)} ({all} bytes) but {dataBytes} bytes of data follow (wrong count?)");
    }

    static string Describe(IEnumerable<PlyElement> elements) => string.Join(", ", elements.Select(e => $"{e.Count} {e.Name} records"));

    /// <summary>Reads every record of <paramref name="element"/> (the next element in the file) in blocks.</summary>
    public void Read(PlyElement element, PlyBlockHandler handler)
    {
        if (element.Count == 0) return;
        int stride = Math.Max(1, element.Stride);
        int perBlock = Math.Max(1, Math.Min(element.Count, BlockBytes / stride));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(perBlock * stride);
        try
        {
            for (int first = 0; first < element.Count; first += perBlock)
            {
                int n = Math.Min(perBlock, element.Count - first);
                var block = buffer.AsSpan(0, n * stride);
                switch (header.Encoding)
                {
                    case PlyEncoding.Ascii:
                        ReadAscii(element, block, n, first);
                        break;
                    default:
                        if (element.HasList)
                            throw new InvalidFileException(path, $"binary PLY element '{element.Name}' has list properties, which splat files do not use");
                        ReadExactly(block, element, first);
                        if (header.Encoding == PlyEncoding.BinaryBigEndian) SwapToLittleEndian(element, block, n);
                        break;
                }
                handler(block, first, n);
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>Consumes an element the caller does not need.</summary>
    public void Skip(PlyElement element) => Read(element, static (_, _, _) => { });

    void ReadExactly(Span<byte> block, PlyElement element, int first)
    {
        int got = stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false);
        if (got < block.Length)
            throw new InvalidFileException(path, $"truncated: data ends inside {element.Name} record {first + got / Math.Max(1, element.Stride)} of {element.Count}");
    }

    static void SwapToLittleEndian(PlyElement element, Span<byte> block, int n)
    {
        foreach (var p in element.Properties)
        {
            if (p.Size == 1) continue;
            for (int r = 0; r < n; r++) block.Slice(r * element.Stride + p.Offset, p.Size).Reverse();
        }
    }

    void ReadAscii(PlyElement element, Span<byte> block, int n, int first)
    {
        _ascii ??= new AsciiTokens(stream);
        for (int r = 0; r < n; r++)
        {
            var rec = block.Slice(r * element.Stride, element.Stride);
            foreach (var p in element.Properties)
            {
                if (p.IsList)
                {
                    double count = NextNumber(element, first + r, p);
                    if (count < 0 || count > 1 << 20 || count != Math.Floor(count)) throw new InvalidFileException(path, $"{element.Name} record {first + r}: bad list length {count} for '{p.Name}'");
                    for (int k = 0; k < (int)count; k++) NextNumber(element, first + r, p);
                    continue;
                }
                double v = NextNumber(element, first + r, p);
                Store(rec[p.Offset..], p.Type, v);
            }
        }
    }

    double NextNumber(PlyElement element, int record, PlyProperty p)
    {
        var token = _ascii!.Next();
        if (token.IsEmpty) throw new InvalidFileException(path, $"truncated: ascii data ends at {element.Name} record {record} of {element.Count}");
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            throw new InvalidFileException(path, $"{element.Name} record {record}: '{System.Text.Encoding.ASCII.GetString(token[..Math.Min(token.Length, 32)])}' is not a number (property '{p.Name}')");
        return v;
    }

    static void Store(Span<byte> dst, PlyType type, double v)
    {
        switch (type)
        {
            case PlyType.Int8: dst[0] = (byte)(sbyte)Math.Clamp(v, sbyte.MinValue, sbyte.MaxValue); break;
            case PlyType.UInt8: dst[0] = (byte)Math.Clamp(v, 0, byte.MaxValue); break;
            case PlyType.Int16: BinaryPrimitives.WriteInt16LittleEndian(dst, (short)Math.Clamp(v, short.MinValue, short.MaxValue)); break;
            case PlyType.UInt16: BinaryPrimitives.WriteUInt16LittleEndian(dst, (ushort)Math.Clamp(v, 0, ushort.MaxValue)); break;
            case PlyType.Int32: BinaryPrimitives.WriteInt32LittleEndian(dst, (int)Math.Clamp(v, int.MinValue, int.MaxValue)); break;
            case PlyType.UInt32: BinaryPrimitives.WriteUInt32LittleEndian(dst, (uint)Math.Clamp(v, 0, uint.MaxValue)); break;
            case PlyType.Float32: BinaryPrimitives.WriteSingleLittleEndian(dst, (float)v); break;
            default: BinaryPrimitives.WriteDoubleLittleEndian(dst, v); break;
        }
    }

    /// <summary>Whitespace-separated tokens of an ascii stream (a token is at most 256 bytes).</summary>
    sealed class AsciiTokens(Stream s)
    {
        readonly byte[] _buf = new byte[1 << 16];
        int _pos, _len;
        readonly byte[] _token = new byte[256];

        public ReadOnlySpan<byte> Next()
        {
            int n = 0;
            while (true)
            {
                if (_pos == _len)
                {
                    _len = s.Read(_buf, 0, _buf.Length);
                    _pos = 0;
                    if (_len == 0) return _token.AsSpan(0, n);
                }
                byte c = _buf[_pos++];
                if (c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
                {
                    if (n > 0) return _token.AsSpan(0, n);
                    continue;
                }
                if (n == _token.Length) return _token.AsSpan(0, n); // over-long token: fails to parse as a number
                _token[n++] = c;
            }
        }
    }
}

/// <summary>Column gathers from blocks of little-endian records: one property of every record into a strided destination.</summary>
internal static class PlyColumns
{
    /// <summary>dst[r·dstStride] = (float)property of record r, for r in 0..count-1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void GatherFloat(ReadOnlySpan<byte> records, int count, int stride, PlyProperty p, Span<float> dst, int dstStride)
    {
        if (count == 0) return;
        if (records.Length < (count - 1) * stride + p.Offset + p.Size || dst.Length < (count - 1) * dstStride + 1)
            throw new ArgumentException("block or destination too small");
        ref byte src = ref MemoryMarshal.GetReference(records);
        ref float d = ref MemoryMarshal.GetReference(dst);
        nint off = p.Offset;
        switch (p.Type)
        {
            case PlyType.Float32:
                for (int r = 0; r < count; r++, off += stride)
                    Unsafe.Add(ref d, r * dstStride) = Unsafe.ReadUnaligned<float>(ref Unsafe.Add(ref src, off));
                break;
            case PlyType.Float64:
                for (int r = 0; r < count; r++, off += stride)
                    Unsafe.Add(ref d, r * dstStride) = (float)Unsafe.ReadUnaligned<double>(ref Unsafe.Add(ref src, off));
                break;
            default:
                for (int r = 0; r < count; r++, off += stride)
                    Unsafe.Add(ref d, r * dstStride) = (float)ReadInteger(records[(int)off..], p.Type);
                break;
        }
    }

    /// <summary>dst[r] = integer property of record r (for packed fields, which must not pass through float).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void GatherUInt(ReadOnlySpan<byte> records, int count, int stride, PlyProperty p, Span<uint> dst)
    {
        for (int r = 0; r < count; r++)
            dst[r] = (uint)ReadInteger(records[(r * stride + p.Offset)..], p.Type);
    }

    static long ReadInteger(ReadOnlySpan<byte> s, PlyType t) => t switch
    {
        PlyType.Int8 => (sbyte)s[0],
        PlyType.UInt8 => s[0],
        PlyType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(s),
        PlyType.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(s),
        PlyType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(s),
        PlyType.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(s),
        PlyType.Float32 => (long)BinaryPrimitives.ReadSingleLittleEndian(s),
        _ => (long)BinaryPrimitives.ReadDoubleLittleEndian(s),
    };
}
