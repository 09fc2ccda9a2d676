using System.Numerics;

namespace C3V.Compose;

/// <summary>
/// A centripetal Catmull–Rom spline (α = ½, Yuksel et al. 2011: no cusps or self-intersections within a
/// segment) through control points, parameterised by arc length. The ends get phantom points mirrored
/// across the first and last control points (P₋₁ = 2P₀ − P₁), so the curve starts and ends on the points.
/// </summary>
/// <remarks>
/// With the knots held fixed, a point of the curve is a linear combination of four control points;
/// <see cref="Weights"/> exposes those coefficients so that refinement can send a gradient on a position
/// back to the waypoints it came from (the knots' own dependence on the points is a stop-gradient, as in
/// any fixed-parameterisation spline fit).
/// </remarks>
public sealed class CatmullRomPath
{
    const int SamplesPerSegment = 32;
    const float MinKnotStep = 1e-4f;

    readonly Vector3[] _points;
    readonly float[] _knots;          // [n + 2]: phantom, points..., phantom
    readonly float[] _cumulative;     // [segments·Samples + 1] arc length at each table entry

    public IReadOnlyList<Vector3> Points => _points;
    public float Length { get; }
    public int Segments => Math.Max(0, _points.Length - 1);

    public CatmullRomPath(IReadOnlyList<Vector3> points)
    {
        if (points.Count == 0) throw new ArgumentException("a path needs at least one point", nameof(points));
        foreach (var p in points)
            if (!float.IsFinite(p.X) || !float.IsFinite(p.Y) || !float.IsFinite(p.Z)) throw new ArgumentException("path points must be finite", nameof(points));
        _points = [.. points];
        int n = _points.Length;
        _knots = new float[n + 2];
        for (int i = 1; i < n + 2; i++)
            _knots[i] = _knots[i - 1] + MathF.Max(MinKnotStep, MathF.Sqrt(Vector3.Distance(Extended(i - 2), Extended(i - 1))));
        _cumulative = new float[Segments * SamplesPerSegment + 1];
        var prev = _points[0];
        for (int seg = 0, k = 1; seg < Segments; seg++)
            for (int j = 1; j <= SamplesPerSegment; j++, k++)
            {
                var p = EvaluateSegment(seg, j / (float)SamplesPerSegment);
                _cumulative[k] = _cumulative[k - 1] + Vector3.Distance(prev, p);
                prev = p;
            }
        Length = _cumulative[^1];
    }

    /// <summary>Control point i for i in −1..n (the two ends are the mirrored phantoms).</summary>
    Vector3 Extended(int i)
    {
        int n = _points.Length;
        if (n == 1) return _points[0];
        if (i < 0) return 2 * _points[0] - _points[1];
        if (i >= n) return 2 * _points[n - 1] - _points[n - 2];
        return _points[i];
    }

    /// <summary>Point at arc length <paramref name="s"/> (clamped to [0, Length]).</summary>
    public Vector3 Evaluate(float s)
    {
        var (seg, u) = Locate(s);
        return seg < 0 ? _points[0] : EvaluateSegment(seg, u);
    }

    /// <summary>
    /// The control points a position at arc length <paramref name="s"/> depends on and their coefficients:
    /// position = Σ weights[k]·Points[indices[k]] (phantom points already folded into real ones).
    /// </summary>
    public void Weights(float s, Span<int> indices, Span<float> weights)
    {
        indices.Clear(); weights.Clear();
        var (seg, u) = Locate(s);
        if (seg < 0) { weights[0] = 1; return; }
        var w = SegmentCoefficients(seg, u); // coefficients of Extended(seg-1 .. seg+2)
        int n = _points.Length, count = 0;
        for (int k = 0; k < 4; k++)
        {
            int i = seg - 1 + k;
            float c = w[k];
            if (i < 0) { Add(indices, weights, ref count, 0, 2 * c); Add(indices, weights, ref count, 1, -c); }
            else if (i >= n) { Add(indices, weights, ref count, n - 1, 2 * c); Add(indices, weights, ref count, n - 2, -c); }
            else Add(indices, weights, ref count, i, c);
        }
    }

    static void Add(Span<int> indices, Span<float> weights, ref int count, int point, float c)
    {
        for (int k = 0; k < count; k++) if (indices[k] == point) { weights[k] += c; return; }
        indices[count] = point; weights[count] = c; count++;
    }

    /// <summary>
    /// Unit horizontal direction of travel at <paramref name="s"/>, smoothed: the chord from s − window to
    /// s + window (clamped to the path). Zero when the path does not move horizontally there.
    /// </summary>
    public Vector3 SmoothedHeading(float s, float window)
    {
        float a = Math.Clamp(s - window, 0, Length), b = Math.Clamp(s + window, 0, Length);
        var d = Evaluate(b) - Evaluate(a);
        d.Y = 0;
        float len = d.Length();
        return len > 1e-6f ? d / len : Vector3.Zero;
    }

    /// <summary>Arc length at which control point <paramref name="index"/> lies.</summary>
    public float ArcLengthAt(int index)
    {
        if ((uint)index >= (uint)_points.Length) throw new ArgumentOutOfRangeException(nameof(index));
        return _cumulative[Math.Min(index, Segments) * SamplesPerSegment];
    }

    (int Segment, float U) Locate(float s)
    {
        if (Segments == 0) return (-1, 0);
        s = Math.Clamp(s, 0, Length);
        int hi = Array.BinarySearch(_cumulative, s);
        if (hi >= 0)
        {
            if (hi == _cumulative.Length - 1) return (Segments - 1, 1f);
            return (hi / SamplesPerSegment, hi % SamplesPerSegment / (float)SamplesPerSegment);
        }
        hi = ~hi;
        int lo = hi - 1;
        float span = _cumulative[hi] - _cumulative[lo];
        float f = span > 0 ? (s - _cumulative[lo]) / span : 0;
        float g = (lo + f) / SamplesPerSegment;
        int seg = Math.Min((int)g, Segments - 1);
        return (seg, g - seg);
    }

    Vector3 EvaluateSegment(int seg, float u)
    {
        var w = SegmentCoefficients(seg, u);
        return w[0] * Extended(seg - 1) + w[1] * Extended(seg) + w[2] * Extended(seg + 1) + w[3] * Extended(seg + 2);
    }

    /// <summary>
    /// Barry–Goldman pyramid run on coefficient vectors instead of points: the result says how much of each
    /// of the four control points makes the curve at local parameter u ∈ [0, 1] of segment <paramref name="seg"/>.
    /// </summary>
    Vector4 SegmentCoefficients(int seg, float u)
    {
        float t0 = _knots[seg], t1 = _knots[seg + 1], t2 = _knots[seg + 2], t3 = _knots[seg + 3];
        float t = t1 + u * (t2 - t1);
        Vector4 p0 = Vector4.UnitX, p1 = Vector4.UnitY, p2 = Vector4.UnitZ, p3 = Vector4.UnitW;
        static Vector4 Lerp(Vector4 a, Vector4 b, float ta, float tb, float t) => (tb - t) / (tb - ta) * a + (t - ta) / (tb - ta) * b;
        var a1 = Lerp(p0, p1, t0, t1, t);
        var a2 = Lerp(p1, p2, t1, t2, t);
        var a3 = Lerp(p2, p3, t2, t3, t);
        var b1 = Lerp(a1, a2, t0, t2, t);
        var b2 = Lerp(a2, a3, t1, t3, t);
        return Lerp(b1, b2, t1, t2, t);
    }
}
