using SkiaSharp;

namespace C3V.Output;

/// <summary>
/// A grid of key frames with their times, for looking at a clip at a glance. <see cref="KeyFrameIndices"/>
/// picks which frames to keep while rendering so the sheet needs no second pass.
/// </summary>
public static class ContactSheet
{
    /// <summary><paramref name="count"/> frame indices spread evenly from the first to the last frame.</summary>
    public static int[] KeyFrameIndices(int frameCount, int count = 8)
    {
        if (frameCount <= 0) return [];
        count = Math.Min(count, frameCount);
        if (count == 1) return [0];
        return Enumerable.Range(0, count).Select(k => (int)Math.Round(k * (frameCount - 1) / (double)(count - 1))).Distinct().ToArray();
    }

    /// <summary>Lays the frames out in rows of <paramref name="columns"/>, each scaled to <paramref name="thumbWidth"/> wide, labelled.</summary>
    public static Image Compose(IReadOnlyList<(Image Frame, string Label)> frames, int columns = 4, int thumbWidth = 256)
    {
        if (frames.Count == 0) throw new ArgumentException("no frames", nameof(frames));
        columns = Math.Clamp(columns, 1, frames.Count);
        int rows = (frames.Count + columns - 1) / columns;
        var first = frames[0].Frame;
        int tw = Math.Min(thumbWidth, first.Width), th = Math.Max(1, (int)Math.Round(first.Height * tw / (double)first.Width));
        const int pad = 4, label = 18;
        int w = pad + columns * (tw + pad), h = pad + rows * (th + label + pad);
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(24, 24, 24));
        using var font = new SKFont(SKTypeface.Default, 13);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var sampling = new SKPaint();
        for (int k = 0; k < frames.Count; k++)
        {
            int x = pad + (k % columns) * (tw + pad), y = pad + (k / columns) * (th + label + pad);
            using var bmp = frames[k].Frame.ToBitmap();
            using var img = SKImage.FromBitmap(bmp);
            canvas.DrawImage(img, new SKRect(x, y, x + tw, y + th), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), sampling);
            canvas.DrawText(frames[k].Label, x + 2, y + th + label - 5, SKTextAlign.Left, font, text);
        }
        canvas.Flush();
        var px = new byte[w * h * 4];
        unsafe
        {
            fixed (byte* p = px) surface.ReadPixels(info, (nint)p, w * 4, 0, 0);
        }
        return Image.FromRgba8(w, h, px);
    }
}
