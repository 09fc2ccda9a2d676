using System.Buffers.Binary;
using System.IO.Compression;
using C3V.Common;

namespace C3V.Output;

/// <summary>
/// Single-channel PNG files of 8 or 16 bits per pixel (depth in millimetres, instance ids), which the colour
/// image path (8-bit RGBA through Skia) cannot write. Rows are stored unfiltered and deflated.
/// </summary>
public static class GrayPng
{
    static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];
    static readonly uint[] CrcTable = MakeCrcTable();

    /// <summary>Writes a 16-bit greyscale PNG (big-endian samples, as PNG stores them).</summary>
    public static void Save16(string path, int width, int height, ReadOnlySpan<ushort> pixels)
    {
        if (pixels.Length != width * height) throw new ArgumentException("pixel count does not match the size", nameof(pixels));
        var raw = new byte[height * (1 + 2 * width)];
        for (int y = 0; y < height; y++)
        {
            int o = y * (1 + 2 * width) + 1; // filter byte 0 (none) precedes every row
            for (int x = 0; x < width; x++) BinaryPrimitives.WriteUInt16BigEndian(raw.AsSpan(o + 2 * x, 2), pixels[y * width + x]);
        }
        AtomicFile.WriteAllBytes(path, Encode(width, height, 16, raw));
    }

    /// <summary>Writes an 8-bit greyscale PNG.</summary>
    public static void Save8(string path, int width, int height, ReadOnlySpan<byte> pixels)
    {
        if (pixels.Length != width * height) throw new ArgumentException("pixel count does not match the size", nameof(pixels));
        var raw = new byte[height * (1 + width)];
        for (int y = 0; y < height; y++) pixels.Slice(y * width, width).CopyTo(raw.AsSpan(y * (1 + width) + 1));
        AtomicFile.WriteAllBytes(path, Encode(width, height, 8, raw));
    }

    /// <summary>Reads a greyscale PNG written by this class (8 or 16 bits, unfiltered rows) back into samples.</summary>
    public static (int Width, int Height, int BitDepth, ushort[] Pixels) Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Signature)) throw new InvalidFileException(path, "not a PNG file");
        int pos = 8, width = 0, height = 0, depth = 0;
        using var idat = new MemoryStream();
        while (pos + 8 <= bytes.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            if (len < 0 || pos + 12 + len > bytes.Length) throw new InvalidFileException(path, $"chunk {type} runs past the end of the file");
            var data = bytes.AsSpan(pos + 8, len);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                depth = data[8];
                if (data[9] != 0 || depth is not (8 or 16)) throw new InvalidFileException(path, "not an 8- or 16-bit greyscale PNG");
            }
            else if (type == "IDAT") idat.Write(data);
            pos += 12 + len;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var rawStream = new MemoryStream();
        z.CopyTo(rawStream);
        var raw = rawStream.ToArray();
        int bpp = depth / 8, stride = 1 + bpp * width;
        if (raw.Length != height * stride) throw new InvalidFileException(path, "pixel data does not match the size");
        var px = new ushort[width * height];
        for (int y = 0; y < height; y++)
        {
            if (raw[y * stride] != 0) throw new InvalidFileException(path, "filtered rows are not supported");
            for (int x = 0; x < width; x++)
                px[y * width + x] = bpp == 2 ? BinaryPrimitives.ReadUInt16BigEndian(raw.AsSpan(y * stride + 1 + 2 * x)) : raw[y * stride + 1 + x];
        }
        return (width, height, depth, px);
    }

    static byte[] Encode(int width, int height, byte bitDepth, byte[] raw)
    {
        using var ms = new MemoryStream();
        ms.Write(Signature);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = bitDepth; // colour type 0 (greyscale), compression 0, filter 0, interlace 0
        Chunk(ms, "IHDR", ihdr);
        using (var packed = new MemoryStream())
        {
            using (var z = new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
            Chunk(ms, "IDAT", packed.ToArray());
        }
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    static void Chunk(Stream s, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> head = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(head, data.Length);
        for (int i = 0; i < 4; i++) head[4 + i] = (byte)type[i];
        s.Write(head);
        s.Write(data);
        uint crc = Crc(Crc(0xFFFFFFFFu, head[4..]), data) ^ 0xFFFFFFFFu;
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, crc);
        s.Write(tail);
    }

    static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    static uint[] MakeCrcTable()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }
}
