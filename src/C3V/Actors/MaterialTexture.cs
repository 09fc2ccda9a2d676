using System.Numerics;
using SkiaSharp;

namespace C3V.Actors;

/// <summary>How texture coordinates outside 0..1 are folded back (glTF sampler wrap modes).</summary>
public enum TextureWrap { Repeat, Clamp, Mirror }

/// <summary>
/// A decoded colour texture (PNG, JPEG, WebP: whatever SkiaSharp decodes) sampled bilinearly in linear light.
/// Texels are stored as 8-bit sRGB and turned linear through a 256-entry table, so a lookup allocates nothing.
/// </summary>
public sealed class MaterialTexture
{
    static readonly float[] ToLinear = Enumerable.Range(0, 256).Select(i => SrgbToLinear(i / 255f)).ToArray();

    readonly byte[] _rgba;
    public int Width { get; }
    public int Height { get; }

    MaterialTexture(byte[] rgba, int width, int height) { _rgba = rgba; Width = width; Height = height; }

    /// <summary>Decodes an encoded image; null when SkiaSharp cannot decode it.</summary>
    public static MaterialTexture? Decode(ReadOnlySpan<byte> encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width < 1 || codec.Info.Height < 1) return null;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return null;
        var pixels = bitmap.GetPixelSpan().ToArray();
        return new MaterialTexture(pixels, info.Width, info.Height);
    }

    /// <summary>Linear RGB and alpha at texture coordinate <paramref name="uv"/> (glTF: v = 0 is the image's top row).</summary>
    public Vector4 Sample(Vector2 uv, TextureWrap wrapU, TextureWrap wrapV)
    {
        float x = Fold(uv.X, wrapU) * Width - 0.5f, y = Fold(uv.Y, wrapV) * Height - 0.5f;
        int x0 = (int)MathF.Floor(x), y0 = (int)MathF.Floor(y);
        float fx = x - x0, fy = y - y0;
        int xa = Texel(x0, Width, wrapU), xb = Texel(x0 + 1, Width, wrapU);
        int ya = Texel(y0, Height, wrapV), yb = Texel(y0 + 1, Height, wrapV);
        return Vector4.Lerp(Vector4.Lerp(At(xa, ya), At(xb, ya), fx), Vector4.Lerp(At(xa, yb), At(xb, yb), fx), fy);
    }

    Vector4 At(int x, int y)
    {
        int i = (y * Width + x) * 4;
        return new Vector4(ToLinear[_rgba[i]], ToLinear[_rgba[i + 1]], ToLinear[_rgba[i + 2]], _rgba[i + 3] / 255f);
    }

    static float Fold(float t, TextureWrap wrap)
    {
        if (!float.IsFinite(t)) return 0;
        return wrap switch
        {
            TextureWrap.Clamp => Math.Clamp(t, 0, 1),
            TextureWrap.Mirror => 1 - MathF.Abs(t - 2 * MathF.Floor(t * 0.5f) - 1),
            _ => t - MathF.Floor(t),
        };
    }

    /// <summary>The texel index for the bilinear neighbour <paramref name="i"/> (which may be one past either edge).</summary>
    static int Texel(int i, int size, TextureWrap wrap) => wrap == TextureWrap.Repeat ? ((i % size) + size) % size : Math.Clamp(i, 0, size - 1);

    public static float SrgbToLinear(float c) => c <= 0.04045f ? c / 12.92f : MathF.Pow((c + 0.055f) / 1.055f, 2.4f);
    public static float LinearToSrgb(float c) => c <= 0.0031308f ? c * 12.92f : 1.055f * MathF.Pow(c, 1 / 2.4f) - 0.055f;
}
