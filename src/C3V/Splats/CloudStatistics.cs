using System.Numerics;

namespace C3V.Splats;

/// <summary>Min / mean / max of one quantity over a cloud.</summary>
public readonly record struct Summary(float Min, float Mean, float Max);

/// <summary>
/// Descriptive statistics of a cloud in activated units (what a user can judge): bounds of the centres,
/// opacity = sigmoid(logit), scale = exp(log-scale) in metres over all three axes, and the largest axis.
/// </summary>
public sealed record CloudStatistics(int Count, int ShDegree, Vector3 BoundsMin, Vector3 BoundsMax,
    Summary Opacity, Summary Scale, Summary LargestScale)
{
    public static CloudStatistics Of(GaussianCloud c)
    {
        var (min, max) = c.Bounds();
        if (c.Count == 0) return new(0, c.ShDegree, min, max, default, default, default);
        var opacity = new Accumulator();
        var scale = new Accumulator();
        var largest = new Accumulator();
        for (int i = 0; i < c.Count; i++)
        {
            opacity.Add(GaussianCloud.Sigmoid(c.Opacity[i]));
            float sx = MathF.Exp(c.ScaleX[i]), sy = MathF.Exp(c.ScaleY[i]), sz = MathF.Exp(c.ScaleZ[i]);
            scale.Add(sx); scale.Add(sy); scale.Add(sz);
            largest.Add(MathF.Max(sx, MathF.Max(sy, sz)));
        }
        return new(c.Count, c.ShDegree, min, max, opacity.Result, scale.Result, largest.Result);
    }

    struct Accumulator()
    {
        float _min = float.PositiveInfinity, _max = float.NegativeInfinity;
        double _sum;
        long _n;

        public void Add(float v) { _min = MathF.Min(_min, v); _max = MathF.Max(_max, v); _sum += v; _n++; }
        public readonly Summary Result => new(_min, (float)(_sum / _n), _max);
    }
}
