using System.Globalization;
using System.Numerics;
using C3V.Direct;

namespace C3V.Models.Chat;

/// <summary>
/// The reference view told in words, for a model that cannot see images: each visible landmark's box in
/// pixels (its ground footprint's width at its depth, as tall as wide — an estimate, said so), and the box
/// of the image where walkable ground is visible, with where it is nearest and farthest.
/// </summary>
static class ViewInWords
{
    public static string Describe(PlacementRequest r, IReadOnlyList<Vector2> walkable)
    {
        int w = r.Camera.Width, h = r.Camera.Height;
        var parts = new List<string> { $"You cannot see the image, so here it is in words ({w}×{h} pixels)." };
        foreach (var l in r.Landmarks.Where(l => l.IsVisible(w, h)))
        {
            float half = MathF.Max(0.25f, l.Radius) * r.Camera.Fx / MathF.Max(0.1f, l.Depth);
            var box = new PixelBox(MathF.Max(0, l.Pixel.X - half), MathF.Max(0, l.Pixel.Y - 2 * half), MathF.Min(w, l.Pixel.X + half), MathF.Min(h, l.Pixel.Y));
            parts.Add($"The {l.Name} stands on the ground at ({F(l.Pixel.X)}, {F(l.Pixel.Y)}), about {F(l.Depth)} m from the camera, in about the box {box}.");
        }
        if (walkable.Count > 0)
        {
            float x0 = walkable.Min(p => p.X), x1 = walkable.Max(p => p.X), y0 = walkable.Min(p => p.Y), y1 = walkable.Max(p => p.Y);
            parts.Add($"Open walkable ground is visible in the box [{F(x0)}, {F(y0)}, {F(x1)}, {F(y1)}]: it is farthest from the camera at its top edge (y = {F(y0)}) " +
                      $"and nearest at its bottom edge (y = {F(y1)}); actors standing higher up in that region look smaller.");
        }
        else parts.Add("No open walkable ground was found in the view.");
        return string.Join(" ", parts);
    }

    static string F(float v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
