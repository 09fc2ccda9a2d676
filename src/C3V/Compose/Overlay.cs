using System.Numerics;
using C3V.Direct;
using C3V.Output;
using C3V.Render;
using SkiaSharp;

namespace C3V.Compose;

/// <summary>What to draw for one actor in a debug overlay.</summary>
/// <param name="Boxes">The director's boxes (pixels of the overlay's camera), drawn dashed; may be empty.</param>
/// <param name="Contacts">Feet positions (world) where the actor touches the ground at key frames, drawn as dots.</param>
public sealed record OverlayActor(ActorTrack Track, IReadOnlyList<PixelBox> Boxes, IReadOnlyList<Vector3> Contacts, float Height);

/// <summary>
/// A debug picture of a composition over a rendered frame: each actor's path (its feet over the video),
/// the director's boxes, a box around where the actor stands every few frames (its height projected),
/// facing arrows and ground contact points, one colour per actor.
/// </summary>
public static class Overlay
{
    static readonly SKColor[] Palette = [new(255, 80, 80), new(80, 200, 255), new(255, 210, 60), new(120, 255, 120), new(230, 120, 255), new(255, 150, 40)];

    /// <param name="markEvery">Frames between the drawn standing boxes and facing arrows.</param>
    /// <param name="boxEvery">Director boxes drawn: every this many, plus the last (20 overlapping boxes are unreadable).</param>
    public static Image Draw(Image background, Camera camera, IReadOnlyList<OverlayActor> actors, int markEvery = 24, int boxEvery = 5)
    {
        if (background.Width != camera.Width || background.Height != camera.Height)
            camera = camera.Resized(background.Width, background.Height);
        using var bitmap = background.ToBitmap();
        using (var canvas = new SKCanvas(bitmap))
        {
            float unit = MathF.Max(1, background.Height / 256f);
            for (int a = 0; a < actors.Count; a++)
                DrawActor(canvas, camera, actors[a], Palette[a % Palette.Length], unit, Math.Max(1, markEvery), Math.Max(1, boxEvery));
        }
        return Image.FromRgba8(background.Width, background.Height, bitmap.GetPixelSpan());
    }

    static void DrawActor(SKCanvas canvas, Camera camera, OverlayActor actor, SKColor color, float unit, int every, int boxEvery)
    {
        using var line = new SKPaint { Color = color, StrokeWidth = 1.5f * unit, IsStroke = true, IsAntialias = true };
        using var thin = new SKPaint { Color = color.WithAlpha(170), StrokeWidth = 1f * unit, IsStroke = true, IsAntialias = true };
        using var dashed = new SKPaint { Color = SKColors.White.WithAlpha(220), StrokeWidth = 1f * unit, IsStroke = true, IsAntialias = true, PathEffect = SKPathEffect.CreateDash([4 * unit, 3 * unit], 0) };
        using var fill = new SKPaint { Color = color, IsAntialias = true };
        using var dark = new SKPaint { Color = SKColors.Black, IsAntialias = true };

        for (int i = 0; i < actor.Boxes.Count; i++)
            if (i % boxEvery == 0 || i == actor.Boxes.Count - 1)
            {
                var b = actor.Boxes[i];
                canvas.DrawRect(b.Left, b.Top, b.Width, b.Height, dashed);
            }

        using var path = new SKPath();
        bool open = false;
        foreach (var f in actor.Track.Frames)
        {
            if (!TryProject(camera, f.Position, out var p)) { open = false; continue; }
            if (!open) { path.MoveTo(p.X, p.Y); open = true; } else path.LineTo(p.X, p.Y);
        }
        canvas.DrawPath(path, line);

        var frames = actor.Track.Frames;
        for (int i = 0; i < frames.Count; i += every)
        {
            var f = frames[i];
            if (!TryProject(camera, f.Position, out var feet) || !TryProject(camera, f.Position + new Vector3(0, actor.Height * f.Scale, 0), out var head)) continue;
            float h = feet.Y - head.Y, w = 0.35f * h;
            canvas.DrawRect(feet.X - w / 2, head.Y, w, h, thin);
            var facing = f.Position + Vector3.Transform(new Vector3(0, 0, 0.5f * actor.Height * f.Scale), f.Transform.Rotation);
            if (TryProject(camera, facing, out var tip)) canvas.DrawLine(feet.X, feet.Y, tip.X, tip.Y, line);
        }
        foreach (var c in actor.Contacts)
            if (TryProject(camera, c, out var p)) { canvas.DrawCircle(p.X, p.Y, 2.6f * unit, dark); canvas.DrawCircle(p.X, p.Y, 1.8f * unit, fill); }
    }

    static bool TryProject(Camera camera, Vector3 world, out Vector2 pixel)
    {
        var (p, z) = camera.Project(world);
        pixel = p;
        return z > 0.05f && float.IsFinite(p.X) && float.IsFinite(p.Y);
    }
}
