using C3V.Output;

namespace C3V.Render;

/// <summary>
/// Turns a depth map into a viewable image: inverse depth (disparity) between the near and far values,
/// through a perceptual ramp (near = bright yellow, far = dark purple); pixels without a hit are black.
/// </summary>
public static class DepthColormap
{
    // Anchor colours of a magma-like ramp (dark → bright), our own choice of stops.
    static readonly float[][] Stops =
    [
        [0.05f, 0.03f, 0.15f], [0.32f, 0.07f, 0.45f], [0.70f, 0.17f, 0.42f], [0.96f, 0.45f, 0.25f], [0.99f, 0.86f, 0.45f],
    ];

    /// <param name="near">Nearest depth shown brightest (default: 2nd percentile of the hit pixels).</param>
    /// <param name="far">Farthest depth shown darkest (default: 98th percentile).</param>
    public static Image Apply(float[] depth, float[] alpha, int width, int height, float? near = null, float? far = null)
    {
        var hits = new List<float>();
        for (int i = 0; i < width * height; i++)
            if (alpha[i] > 0.5f && depth[i] > 0 && float.IsFinite(depth[i])) hits.Add(depth[i]);
        hits.Sort();
        float lo = near ?? (hits.Count > 0 ? hits[(int)(0.02 * (hits.Count - 1))] : 1f);
        float hi = far ?? (hits.Count > 0 ? hits[(int)(0.98 * (hits.Count - 1))] : 2f);
        if (!(lo > 0)) lo = 1e-3f;
        if (!(hi > lo)) hi = lo * 1.01f;
        float dLo = 1f / hi, dHi = 1f / lo;
        var img = new Image(width, height);
        for (int i = 0; i < width * height; i++)
        {
            float d = depth[i];
            if (!(d > 0) || !float.IsFinite(d) || alpha[i] <= 0) continue; // black
            float t = Math.Clamp((1f / d - dLo) / (dHi - dLo), 0f, 1f) * (Stops.Length - 1);
            int s = Math.Min((int)t, Stops.Length - 2);
            float u = t - s;
            for (int c = 0; c < 3; c++)
                img.Rgb[i * 3 + c] = (Stops[s][c] * (1 - u) + Stops[s + 1][c] * u) * Math.Clamp(alpha[i], 0, 1);
        }
        return img;
    }
}
