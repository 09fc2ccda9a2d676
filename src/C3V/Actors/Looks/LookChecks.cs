using System.Numerics;

namespace C3V.Actors.Looks;

/// <summary>The outcome of one measured check on one phrase.</summary>
public sealed record LookCheckResult(string Check, bool Passed, string Detail);

/// <summary>
/// Measurements in the pixels of a <see cref="LookProbe"/>: the colour a body region shows, whether a prop is seen,
/// and shape facts (a skirt closes the gap between the knees, a child's head is a larger share of its height, an old
/// person's head is forward of the hips, armour has specular highlights, stripes and checks alternate).
/// </summary>
public static class LookChecks
{
    /// <summary>Fewest pixels a region or prop must show (at the probe's size) to be measured at all.</summary>
    const int MinPixels = 12;

    /// <summary>The region shows one of <paramref name="colors"/> ("red", "grey|white", "skin") in at least half its pixels.</summary>
    public static LookCheckResult Color(LookProbe probe, LookRegion region, string colors)
    {
        string name = $"{Name(region)}={colors}";
        var view = LookProbe.ViewOf(region);
        var pixels = Pixels(probe, view, probe.Region(region));
        if (pixels.Count < MinPixels) return new(name, false, $"{Name(region)} not visible ({pixels.Count} px)");
        var median = Median(pixels);
        var expected = colors.Split('|').Select(c => ColorJudge.Expected(c) ?? throw new ArgumentException($"unknown colour \"{c}\"")).ToArray();
        // At least half the region's pixels show one of the colours (a striped shirt's pixels show one colour or the other).
        float share = pixels.Count(px => expected.Any(e => ColorJudge.Shows(px, e))) / (float)pixels.Count;
        return new(name, share >= 0.5f, $"{share:P0} of {pixels.Count} px show it; median {Hex(median)} ({ColorJudge.Describe(median)})");
    }

    /// <summary>The prop tagged <paramref name="tag"/> is seen from the front, the back or the side.</summary>
    public static LookCheckResult Prop(LookProbe probe, string tag)
    {
        int best = 0;
        foreach (var view in Enum.GetValues<LookView>())
            best = Math.Max(best, probe.Masks(view, [probe.Prop(tag)])[0].Count(b => b));
        return new("prop=" + tag, best >= MinPixels, $"{best} px");
    }

    /// <summary>A skirt or dress: seen from the front, the space between the knees is covered (with trousers it is open).</summary>
    public static LookCheckResult Skirt(LookProbe probe, bool expected)
    {
        var cam = probe.Camera(LookView.Front);
        var (l, _) = cam.Project(probe.Joints[Skeleton.LeftKnee]);
        var (r, _) = cam.Project(probe.Joints[Skeleton.RightKnee]);
        int y = (int)((l.Y + r.Y) / 2 - 0.1f * MathF.Abs(l.X - r.X)), x = (int)((l.X + r.X) / 2);
        var alpha = probe.Render(LookView.Front).Alpha;
        int covered = 0;
        for (int dx = -1; dx <= 1; dx++) if (alpha[y * probe.Size + x + dx] > 0.5f) covered++;
        bool closed = covered == 3;
        return new(expected ? "skirt" : "trousers", closed == expected, closed ? "between the knees covered" : "gap between the knees");
    }

    /// <summary>Head height over body height, from the front: at least 0.16 for a child (an adult's is about 0.13).</summary>
    public static LookCheckResult Child(LookProbe probe)
    {
        var masks = probe.Masks(LookView.Front, [i => probe.Region(LookRegion.Head)(i) || probe.Region(LookRegion.Face)(i) || probe.Region(LookRegion.HeadBack)(i), LookProbe.All]);
        var (h0, h1) = Rows(masks[0], probe.Size);
        var (b0, b1) = Rows(masks[1], probe.Size);
        float ratio = (h1 - h0 + 1f) / Math.Max(1, b1 - b0 + 1);
        return new("child", ratio >= 0.16f, $"head/body {ratio:F3}");
    }

    /// <summary>An old person's stoop: seen from the side, the head's centre is forward of the hips' by at least 6 % of the height (an upright adult: about 4 %).</summary>
    public static LookCheckResult Stoop(LookProbe probe)
    {
        var cam = probe.Camera(LookView.Side);
        var masks = probe.Masks(LookView.Side, [probe.Region(LookRegion.Face), probe.Region(LookRegion.Legs)]);
        float head = CentroidX(masks[0], probe.Size), hips = CentroidX(masks[1], probe.Size);
        // Pixels per metre towards the actor's front (+Z), measured at the pelvis.
        var pelvis = probe.Joints[Skeleton.Pelvis];
        float perMetre = (cam.Project(pelvis + new Vector3(0, 0, 0.1f)).Pixel.X - cam.Project(pelvis).Pixel.X) * 10;
        float forward = (head - hips) / perMetre / probe.Avatar.Skeleton.Height;
        return new("stoop", forward >= 0.06f, $"head forward of hips by {forward:P1} of the height");
    }

    /// <summary>Metal reads by its highlights: the brightest tenth of the torso is near white and far above its darkest tenth.</summary>
    public static LookCheckResult Metal(LookProbe probe)
    {
        var pixels = Pixels(probe, LookView.Front, probe.Region(LookRegion.Torso));
        if (pixels.Count < MinPixels) return new("metal", false, "torso not visible");
        var lum = pixels.Select(Luma).Order().ToArray();
        float lo = lum[lum.Length / 10], hi = lum[lum.Length * 19 / 20];
        return new("metal", hi >= 0.85f && hi - lo >= 0.35f, $"luminance p10 {lo:F2}, p95 {hi:F2}");
    }

    /// <summary>
    /// Stripes alternate light and dark down the region (many changes along a column, few along a row); checks
    /// alternate both ways.
    /// </summary>
    public static LookCheckResult Pattern(LookProbe probe, LookRegion region, bool checkedPattern)
    {
        var view = LookProbe.ViewOf(region);
        var mask = probe.Masks(view, [probe.Region(region)])[0];
        var color = probe.Render(view).Color;
        int n = probe.Size;
        float Lum(int x, int y) => Luma(new Vector3(color[(y * n + x) * 3], color[(y * n + x) * 3 + 1], color[(y * n + x) * 3 + 2]));
        float down = Changes(n, (line, t) => mask[t * n + line] ? Lum(line, t) : float.NaN);
        float across = Changes(n, (line, t) => mask[line * n + t] ? Lum(t, line) : float.NaN);
        bool ok = checkedPattern ? down >= 1.5f && across >= 1.5f : down >= 2f && across < 1.5f;
        return new((checkedPattern ? "checked=" : "striped=") + Name(region), ok, $"changes per column {down:F1}, per row {across:F1}");
    }

    /// <summary>
    /// Mean number of light/dark alternations along the lines (of 4+ region pixels) of an image: each line is split at
    /// its median luminance, with a hysteresis of 0.05 so shading does not count.
    /// </summary>
    static float Changes(int n, Func<int, int, float> lum)
    {
        int lines = 0, total = 0;
        var values = new List<float>();
        for (int line = 0; line < n; line++)
        {
            values.Clear();
            for (int t = 0; t < n; t++) { float v = lum(line, t); if (!float.IsNaN(v)) values.Add(v); }
            if (values.Count < 4) continue;
            float median = values.Order().ElementAt(values.Count / 2);
            int state = 0, changes = 0;
            foreach (var v in values)
            {
                int s = v > median + 0.05f ? 1 : v < median - 0.05f ? -1 : 0;
                if (s != 0 && state != 0 && s != state) changes++;
                if (s != 0) state = s;
            }
            lines++; total += changes;
        }
        return lines == 0 ? 0 : (float)total / lines;
    }

    public static string Name(LookRegion r) => r switch { LookRegion.HeadBack => "headBack", _ => r.ToString().ToLowerInvariant() };

    static List<Vector3> Pixels(LookProbe probe, LookView view, Func<int, bool> select)
    {
        var mask = probe.Masks(view, [select])[0];
        var color = probe.Render(view).Color;
        var list = new List<Vector3>();
        for (int p = 0; p < mask.Length; p++)
            if (mask[p]) list.Add(new Vector3(color[p * 3], color[p * 3 + 1], color[p * 3 + 2]));
        return list;
    }

    static Vector3 Median(List<Vector3> c) =>
        new(c.Select(v => v.X).Order().ElementAt(c.Count / 2), c.Select(v => v.Y).Order().ElementAt(c.Count / 2), c.Select(v => v.Z).Order().ElementAt(c.Count / 2));

    static float Luma(Vector3 c) => 0.2126f * c.X + 0.7152f * c.Y + 0.0722f * c.Z;

    static (int First, int Last) Rows(bool[] mask, int n)
    {
        int first = n, last = -1;
        for (int p = 0; p < mask.Length; p++)
            if (mask[p]) { first = Math.Min(first, p / n); last = Math.Max(last, p / n); }
        return (first, last);
    }

    static float CentroidX(bool[] mask, int n)
    {
        double sum = 0; int count = 0;
        for (int p = 0; p < mask.Length; p++) if (mask[p]) { sum += p % n; count++; }
        return count == 0 ? float.NaN : (float)(sum / count);
    }

    static string Hex(Vector3 c) => $"#{(int)(Math.Clamp(c.X, 0, 1) * 255):x2}{(int)(Math.Clamp(c.Y, 0, 1) * 255):x2}{(int)(Math.Clamp(c.Z, 0, 1) * 255):x2}";
}
