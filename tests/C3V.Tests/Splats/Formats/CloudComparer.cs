using System.Numerics;
using C3V.Splats;

namespace C3V.Tests.Splats.Formats;

/// <summary>
/// Largest allowed differences between a cloud and its decoded copy, in the units each format quantises:
/// position (m, absolute, plus a relative float part), log-scale, activated opacity, DC term and higher SH
/// coefficients (raw), rotation angle (radians). A field set to null is not compared.
/// </summary>
internal sealed record Tolerance(float Position, float LogScale, float Opacity, float Dc, float? ShBand1, float? ShHigher, float RotationAngle)
{
    public float PositionRelative { get; init; } = 1e-6f;
    /// <summary>Only log-scales inside this range are compared (formats clamp outside).</summary>
    public (float Min, float Max) LogScaleRange { get; init; } = (float.NegativeInfinity, float.PositiveInfinity);

    /// <summary>
    /// When set, rotations are compared by their x, y, z components (sign chosen so w ≥ 0) instead of by
    /// angle: SPZ v2 stores only those and rebuilds w, whose error grows without bound as w → 0.
    /// </summary>
    public float? RotationXyz { get; init; }

    public static readonly Tolerance Exact = new(0, 1e-6f, 1e-6f, 1e-6f, 1e-6f, 1e-6f, 1e-3f);
}

internal static class CloudComparer
{
    /// <summary>Asserts that <paramref name="actual"/>[i] matches <paramref name="expected"/>[map[i]] within <paramref name="tol"/>.</summary>
    public static void AssertClose(GaussianCloud expected, GaussianCloud actual, Tolerance tol, int[]? map = null, string what = "")
    {
        Assert.Equal(expected.Count, actual.Count);
        int k = Math.Min(expected.ShCoeffCount, actual.ShCoeffCount);
        for (int i = 0; i < actual.Count; i++)
        {
            int j = map?[i] ?? i;
            string at = $"{what} splat {i} (source {j})";
            var pe = expected.GetPosition(j);
            var pa = actual.GetPosition(i);
            float posTol = tol.Position + tol.PositionRelative * MathF.Max(1, pe.Length());
            Check(Vector3.Distance(pe, pa) <= posTol * 1.7321f, at, "position", pe, pa);
            var se = expected.GetLogScale(j);
            var sa = actual.GetLogScale(i);
            for (int a = 0; a < 3; a++)
            {
                float e = se[a], v = sa[a];
                if (e < tol.LogScaleRange.Min || e > tol.LogScaleRange.Max) continue;
                Check(MathF.Abs(e - v) <= tol.LogScale + 1e-5f, at, "log-scale", e, v);
            }
            float oe = GaussianCloud.Sigmoid(expected.Opacity[j]), oa = GaussianCloud.Sigmoid(actual.Opacity[i]);
            Check(MathF.Abs(oe - oa) <= tol.Opacity + 1e-6f, at, "opacity", oe, oa);
            var qe = Quaternion.Normalize(expected.GetRotation(j));
            var qa = Quaternion.Normalize(actual.GetRotation(i));
            if (tol.RotationXyz is float xyz)
            {
                if (qe.W < 0) qe = -qe;
                if (qa.W < 0) qa = -qa;
                var d = new Vector3(qe.X - qa.X, qe.Y - qa.Y, qe.Z - qa.Z);
                Check(MathF.Max(MathF.Abs(d.X), MathF.Max(MathF.Abs(d.Y), MathF.Abs(d.Z))) <= xyz + 1e-5f, at, "rotation x,y,z", qe, qa);
            }
            else
            {
                // 4·asin(|Δq|/2) is the rotation angle between q and ±q', stable near zero (acos is not)
                float chord = MathF.Min((qe - qa).Length(), (qe + qa).Length());
                float angle = 4 * MathF.Asin(MathF.Min(1, chord / 2));
                Check(angle <= tol.RotationAngle, at, "rotation angle", 0, angle);
            }
            var he = expected.ShOf(j);
            var ha = actual.ShOf(i);
            for (int c = 0; c < k * 3; c++)
            {
                float? t = c < 3 ? tol.Dc : c < 12 ? tol.ShBand1 : tol.ShHigher;
                if (t is float bound) Check(MathF.Abs(he[c] - ha[c]) <= bound + 1e-5f, at, $"SH[{c / 3},{c % 3}]", he[c], ha[c]);
            }
        }
    }

    static void Check<T>(bool ok, string at, string field, T expected, T actual)
    {
        if (!ok) Assert.Fail($"{at}: {field} expected {expected}, got {actual}");
    }

    /// <summary>For each splat of <paramref name="actual"/>, the index of the nearest centre in <paramref name="source"/> (for reordering writers).</summary>
    public static int[] MatchByPosition(GaussianCloud source, GaussianCloud actual)
    {
        var map = new int[actual.Count];
        for (int i = 0; i < actual.Count; i++)
        {
            var p = actual.GetPosition(i);
            float best = float.PositiveInfinity;
            for (int j = 0; j < source.Count; j++)
            {
                float d = Vector3.DistanceSquared(p, source.GetPosition(j));
                if (d < best) { best = d; map[i] = j; }
            }
        }
        Assert.Equal(actual.Count, map.Distinct().Count()); // a one-to-one matching
        return map;
    }
}
