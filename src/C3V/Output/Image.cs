using System.Runtime.Intrinsics;
using C3V.Common;
using SkiaSharp;

namespace C3V.Output;

/// <summary>
/// An RGB image of floats in 0..1 (linear values as the rasterizer produces them), interleaved:
/// <see cref="Rgb"/>[(y·Width + x)·3 + c]. Row 0 is the top of the image.
/// </summary>
public sealed class Image
{
    public int Width { get; }
    public int Height { get; }
    public float[] Rgb { get; }

    public Image(int width, int height, float[]? rgb = null)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), "image size must be positive");
        Width = width; Height = height;
        Rgb = rgb ?? new float[width * height * 3];
        if (Rgb.Length != width * height * 3) throw new ArgumentException("pixel buffer does not match the size", nameof(rgb));
    }

    /// <summary>Pixels as 8-bit RGBA (alpha 255), values clamped and rounded.</summary>
    public byte[] ToRgba8()
    {
        var bytes = new byte[Width * Height * 4];
        for (int i = 0, n = Width * Height; i < n; i++)
        {
            bytes[i * 4] = ToByte(Rgb[i * 3]);
            bytes[i * 4 + 1] = ToByte(Rgb[i * 3 + 1]);
            bytes[i * 4 + 2] = ToByte(Rgb[i * 3 + 2]);
            bytes[i * 4 + 3] = 255;
        }
        return bytes;
    }

    /// <summary>
    /// Pixels as 8-bit RGB (what video encoders take), values clamped and rounded exactly as <see cref="ToByte"/>
    /// does. Every frame of a clip passes through here (and the resume cache), so it runs 32 values per step:
    /// clamping to [0, 255] before rounding gives the same bytes as rounding then clamping, since both bounds are integers.
    /// </summary>
    public void ToRgb8(Span<byte> destination)
    {
        if (destination.Length < Rgb.Length) throw new ArgumentException($"{destination.Length} bytes for a {Width}×{Height} RGB image", nameof(destination));
        var src = Rgb.AsSpan();
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var scale = Vector256.Create(255f);
            for (; i <= src.Length - 32; i += 32)
            {
                var a = Quantise(Vector256.Create(src.Slice(i, 8)), scale);
                var b = Quantise(Vector256.Create(src.Slice(i + 8, 8)), scale);
                var c = Quantise(Vector256.Create(src.Slice(i + 16, 8)), scale);
                var d = Quantise(Vector256.Create(src.Slice(i + 24, 8)), scale);
                var lo = Vector256.Narrow(a, b).AsUInt16();
                var hi = Vector256.Narrow(c, d).AsUInt16();
                Vector256.Narrow(lo, hi).CopyTo(destination.Slice(i, 32));
            }
        }
        for (; i < src.Length; i++) destination[i] = ToByte(src[i]);
    }

    /// <summary>round(clamp(v·255, 0, 255)) as integers, NaN → 0 (as <see cref="ToByte"/>).</summary>
    static Vector256<int> Quantise(Vector256<float> v, Vector256<float> scale)
    {
        var x = v * scale;
        x &= Vector256.Equals(x, x); // NaN → 0
        x = Vector256.Min(Vector256.Max(x, Vector256<float>.Zero), scale);
        return Vector256.ConvertToInt32(Vector256.Round(x));
    }

    /// <summary>Sets the pixels from 8-bit RGB (the layout <see cref="ToRgb8"/> writes): each value is byte·(1/255).</summary>
    public void SetRgb8(ReadOnlySpan<byte> source)
    {
        if (source.Length != Rgb.Length) throw new ArgumentException($"{source.Length} bytes for a {Width}×{Height} RGB image", nameof(source));
        var dst = Rgb.AsSpan();
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var scale = Vector256.Create(1f / 255f);
            for (; i <= source.Length - 32; i += 32)
            {
                var (lo, hi) = Vector256.Widen(Vector256.Create(source.Slice(i, 32)));
                var (a, b) = Vector256.Widen(lo);
                var (c, d) = Vector256.Widen(hi);
                (Vector256.ConvertToSingle(a.AsInt32()) * scale).CopyTo(dst.Slice(i, 8));
                (Vector256.ConvertToSingle(b.AsInt32()) * scale).CopyTo(dst.Slice(i + 8, 8));
                (Vector256.ConvertToSingle(c.AsInt32()) * scale).CopyTo(dst.Slice(i + 16, 8));
                (Vector256.ConvertToSingle(d.AsInt32()) * scale).CopyTo(dst.Slice(i + 24, 8));
            }
        }
        for (; i < source.Length; i++) dst[i] = source[i] * (1f / 255f);
    }

    /// <summary>An image from 8-bit RGBA pixels (alpha ignored), as SkiaSharp hands them back.</summary>
    public static Image FromRgba8(int width, int height, ReadOnlySpan<byte> rgba)
    {
        var img = new Image(width, height);
        for (int i = 0, n = width * height; i < n; i++)
            for (int c = 0; c < 3; c++) img.Rgb[i * 3 + c] = rgba[i * 4 + c] / 255f;
        return img;
    }

    /// <summary>A SkiaSharp bitmap of the pixels (RGBA, unpremultiplied), for drawing on or encoding; the caller disposes it.</summary>
    public SKBitmap ToBitmap()
    {
        var rgba = ToRgba8();
        var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }

    public static byte ToByte(float v) => float.IsNaN(v) ? (byte)0 : (byte)Math.Clamp((int)MathF.Round(v * 255f), 0, 255);

    /// <summary>Encodes as PNG and writes atomically.</summary>
    public void SavePng(string path, bool overwrite = true) => AtomicFile.WriteAllBytes(path, EncodePng(), overwrite);

    public byte[] EncodePng()
    {
        using var bitmap = ToBitmap();
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Reads a PNG/JPEG/WebP file (as SkiaSharp decodes it).</summary>
    public static Image Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidFileException(path, "file not found");
        using var bitmap = SKBitmap.Decode(path) ?? throw new InvalidFileException(path, "not an image SkiaSharp can decode");
        using var rgba = bitmap.Copy(SKColorType.Rgba8888) ?? throw new InvalidFileException(path, "could not convert to RGBA");
        return FromRgba8(rgba.Width, rgba.Height, rgba.GetPixelSpan());
    }
}
