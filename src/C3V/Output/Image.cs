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

    /// <summary>Pixels as 8-bit RGB (what video encoders take), values clamped and rounded.</summary>
    public void ToRgb8(Span<byte> destination)
    {
        for (int i = 0; i < Rgb.Length; i++) destination[i] = ToByte(Rgb[i]);
    }

    /// <summary>Sets the pixels from 8-bit RGB (the layout <see cref="ToRgb8"/> writes).</summary>
    public void SetRgb8(ReadOnlySpan<byte> source)
    {
        if (source.Length != Rgb.Length) throw new ArgumentException($"{source.Length} bytes for a {Width}×{Height} RGB image", nameof(source));
        for (int i = 0; i < Rgb.Length; i++) Rgb[i] = source[i] * (1f / 255f);
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
