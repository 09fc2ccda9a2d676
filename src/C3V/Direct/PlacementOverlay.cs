using C3V.Output;
using SkiaSharp;

namespace C3V.Direct;

/// <summary>
/// Draws placements over their reference view, to look at what a director decided: each actor's start box
/// (solid), end box (dashed), the path through its waypoints' feet with a dot per waypoint, landmarks as
/// crosses, and labels. Each actor gets its own colour.
/// </summary>
public static class PlacementOverlay
{
    static readonly SKColor[] Palette =
    [
        new(255, 80, 80), new(80, 200, 255), new(255, 210, 60), new(120, 255, 120), new(230, 120, 255), new(255, 150, 60),
    ];

    /// <summary>PNG bytes of <paramref name="view"/> with the placements and landmarks drawn on it.</summary>
    public static byte[] Render(Image view, IReadOnlyList<Placement> placements, IReadOnlyList<ProjectedLandmark> landmarks)
    {
        using var bitmap = view.ToBitmap();
        using (var canvas = new SKCanvas(bitmap))
        {
            float unit = Math.Max(1f, Math.Min(view.Width, view.Height) / 256f);
            using var font = new SKFont(SKTypeface.Default, 9 * unit);
            using var text = new SKPaint { IsAntialias = true, Color = SKColors.White };
            using var shadow = new SKPaint { IsAntialias = true, Color = new SKColor(0, 0, 0, 200) };
            void Label(string s, float x, float y)
            {
                x = Math.Clamp(x, 1, Math.Max(1, view.Width - font.MeasureText(s) - 1));
                y = Math.Clamp(y, font.Size, view.Height - 2);
                canvas.DrawText(s, x + unit * 0.7f, y + unit * 0.7f, font, shadow);
                canvas.DrawText(s, x, y, font, text);
            }

            using var cross = new SKPaint { IsAntialias = true, Color = SKColors.White, StrokeWidth = 1.5f * unit, Style = SKPaintStyle.Stroke };
            foreach (var l in landmarks.Where(l => l.IsVisible(view.Width, view.Height)))
            {
                float r = 4 * unit;
                canvas.DrawLine(l.Pixel.X - r, l.Pixel.Y - r, l.Pixel.X + r, l.Pixel.Y + r, cross);
                canvas.DrawLine(l.Pixel.X - r, l.Pixel.Y + r, l.Pixel.X + r, l.Pixel.Y - r, cross);
                Label(l.Name, l.Pixel.X + r + 1, l.Pixel.Y - r);
            }

            for (int k = 0; k < placements.Count; k++)
            {
                var p = placements[k];
                var color = Palette[k % Palette.Length];
                using var solid = new SKPaint { IsAntialias = true, Color = color, StrokeWidth = 1.5f * unit, Style = SKPaintStyle.Stroke };
                using var dashed = new SKPaint { IsAntialias = true, Color = color, StrokeWidth = 1.5f * unit, Style = SKPaintStyle.Stroke, PathEffect = SKPathEffect.CreateDash([4 * unit, 3 * unit], 0) };
                using var dot = new SKPaint { IsAntialias = true, Color = color, Style = SKPaintStyle.Fill };
                using var path = new SKPath();
                for (int i = 0; i < p.Waypoints.Count; i++)
                {
                    var f = p.Waypoints[i].BottomCenter;
                    if (i == 0) path.MoveTo(f.X, f.Y); else path.LineTo(f.X, f.Y);
                }
                canvas.DrawPath(path, solid);
                foreach (var w in p.Waypoints) canvas.DrawCircle(w.BottomCenter.X, w.BottomCenter.Y, 1.6f * unit, dot);
                canvas.DrawRect(SKRect.Create(p.Start.Left, p.Start.Top, p.Start.Width, p.Start.Height), solid);
                if (p.End != p.Start) canvas.DrawRect(SKRect.Create(p.End.Left, p.End.Top, p.End.Width, p.End.Height), dashed);
                Label($"{p.ActorId} start", p.Start.Left, p.Start.Top - 2 * unit);
                if (p.End != p.Start) Label($"{p.ActorId} end", p.End.Left, p.End.Top - 2 * unit);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
