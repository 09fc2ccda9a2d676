using System.Buffers;
using System.Buffers.Binary;
using C3V.Common;

namespace C3V.Splats.Formats;

/// <summary>
/// antimatter15's <c>.splat</c>: no header, 32 bytes a splat — 3×f32 position, 3×f32 linear scale, RGBA
/// bytes (colour = 0.5 + C0·f_dc, alpha = sigmoid(opacity), ×255), 4 rotation bytes w,x,y,z = q·128 + 128.
/// No SH beyond the DC colour.
/// </summary>
/// <remarks>
/// Writing follows antimatter15's <c>convert.py</c> byte for byte (values ×255 or ×128+128 then clipped and
/// truncated), except that the order of the splats is kept (convert.py sorts them by size·opacity for its
/// viewer; sorting is not part of the format). Reading decodes rotation bytes as (b − 128)/128, then
/// normalises. Because there is no header, a file is checked by its values: the size must be a multiple of
/// 32, positions finite and within ±1e8, scales finite and positive.
/// </remarks>
internal static class AntimatterSplat
{
    public const int RecordBytes = 32;
    const float MaxCoordinate = 1e8f;

    public static GaussianCloud Read(Stream stream, string path, long? length)
    {
        if (length is long size)
        {
            if (size == 0) throw new InvalidFileException(path, "empty .splat file");
            if (size % RecordBytes != 0) throw new InvalidFileException(path, $".splat file size {size} is not a multiple of 32 bytes (truncated or not a .splat file)");
            if (size / RecordBytes > int.MaxValue) throw new InvalidFileException(path, "too many splats");
            return ReadRecords(stream, path, (int)(size / RecordBytes));
        }
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        ms.Position = 0;
        return Read(ms, path, ms.Length);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    static GaussianCloud ReadRecords(Stream stream, string path, int count)
    {
        var cloud = new GaussianCloud(count, 0);
        const int perBlock = 8192;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(perBlock * RecordBytes);
        try
        {
            for (int first = 0; first < count; first += perBlock)
            {
                int n = Math.Min(perBlock, count - first);
                var block = buffer.AsSpan(0, n * RecordBytes);
                if (stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false) < block.Length)
                    throw new InvalidFileException(path, $"truncated: data ends inside splat {first} of {count}");
                for (int r = 0; r < n; r++)
                {
                    int i = first + r;
                    var rec = block.Slice(r * RecordBytes, RecordBytes);
                    float x = F(rec, 0), y = F(rec, 4), z = F(rec, 8);
                    if (!(MathF.Abs(x) <= MaxCoordinate && MathF.Abs(y) <= MaxCoordinate && MathF.Abs(z) <= MaxCoordinate))
                        throw new InvalidFileException(path, $"splat {i}: position ({x}, {y}, {z}) is not finite or beyond ±{MaxCoordinate:0e0} (not a .splat file?)");
                    cloud.X[i] = x; cloud.Y[i] = y; cloud.Z[i] = z;
                    float sx = F(rec, 12), sy = F(rec, 16), sz = F(rec, 20);
                    if (!(sx > 0 && sy > 0 && sz > 0 && sx <= MaxCoordinate && sy <= MaxCoordinate && sz <= MaxCoordinate))
                        throw new InvalidFileException(path, $"splat {i}: scale ({sx}, {sy}, {sz}) is not positive and finite (not a .splat file?)");
                    cloud.ScaleX[i] = MathF.Log(sx); cloud.ScaleY[i] = MathF.Log(sy); cloud.ScaleZ[i] = MathF.Log(sz);
                    var sh = cloud.ShOf(i);
                    for (int c = 0; c < 3; c++) sh[c] = (rec[24 + c] / 255f - 0.5f) / GaussianCloud.C0;
                    cloud.Opacity[i] = GaussianCloud.Logit(rec[27] / 255f);
                    cloud.RotW[i] = (rec[28] - 128) / 128f; cloud.RotX[i] = (rec[29] - 128) / 128f;
                    cloud.RotY[i] = (rec[30] - 128) / 128f; cloud.RotZ[i] = (rec[31] - 128) / 128f;
                }
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
        cloud.NormalizeRotations();
        return cloud;
    }

    static float F(ReadOnlySpan<byte> rec, int at) => BinaryPrimitives.ReadSingleLittleEndian(rec[at..]);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Write(Stream stream, GaussianCloud cloud)
    {
        const int perBlock = 8192;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(perBlock * RecordBytes);
        try
        {
            for (int first = 0; first < cloud.Count; first += perBlock)
            {
                int n = Math.Min(perBlock, cloud.Count - first);
                var block = buffer.AsSpan(0, n * RecordBytes);
                for (int r = 0; r < n; r++)
                {
                    int i = first + r;
                    var rec = block.Slice(r * RecordBytes, RecordBytes);
                    BinaryPrimitives.WriteSingleLittleEndian(rec, cloud.X[i]);
                    BinaryPrimitives.WriteSingleLittleEndian(rec[4..], cloud.Y[i]);
                    BinaryPrimitives.WriteSingleLittleEndian(rec[8..], cloud.Z[i]);
                    BinaryPrimitives.WriteSingleLittleEndian(rec[12..], MathF.Exp(cloud.ScaleX[i]));
                    BinaryPrimitives.WriteSingleLittleEndian(rec[16..], MathF.Exp(cloud.ScaleY[i]));
                    BinaryPrimitives.WriteSingleLittleEndian(rec[20..], MathF.Exp(cloud.ScaleZ[i]));
                    var sh = cloud.ShOf(i);
                    for (int c = 0; c < 3; c++) rec[24 + c] = Truncate((0.5f + GaussianCloud.C0 * sh[c]) * 255f);
                    rec[27] = Truncate(GaussianCloud.Sigmoid(cloud.Opacity[i]) * 255f);
                    float w = cloud.RotW[i], x = cloud.RotX[i], y = cloud.RotY[i], z = cloud.RotZ[i];
                    float norm = MathF.Sqrt(w * w + x * x + y * y + z * z);
                    if (!(norm > 0)) { (w, x, y, z, norm) = (1, 0, 0, 0, 1); }
                    float inv = 1f / norm;
                    rec[28] = Truncate(w * inv * 128f + 128f); rec[29] = Truncate(x * inv * 128f + 128f);
                    rec[30] = Truncate(y * inv * 128f + 128f); rec[31] = Truncate(z * inv * 128f + 128f);
                }
                stream.Write(block);
            }
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>numpy's clip(0, 255).astype(uint8): clamp, then truncate toward zero.</summary>
    static byte Truncate(float v) => (byte)Math.Clamp(v, 0f, 255f);
}
