using System.Numerics;
using C3V.Compose;
using CsCheck;

namespace C3V.Tests.Compose;

public class BoundedAndAdamTests
{
    [Fact]
    public void Bounded_starts_at_initial_and_stays_within_half_tau()
    {
        Assert.Equal(2.5f, Bounded.Value(2.5f, 0f, 0.1f), 6);
        Gen.Float[-50f, 50f].Sample(raw =>
        {
            float v = Bounded.Value(1f, raw, 0.1f);
            Assert.InRange(v, 0.95f - 1e-6f, 1.05f + 1e-6f);
        });
    }

    [Fact]
    public void Bounded_derivative_matches_finite_difference_and_inverse_roundtrips()
    {
        foreach (float raw in new[] { -3f, -0.5f, 0f, 0.7f, 2.5f })
        {
            double h = 1e-3;
            double fd = (Bounded.Value(0.3f, (float)(raw + h), 0.2f) - Bounded.Value(0.3f, (float)(raw - h), 0.2f)) / (2 * h);
            Assert.Equal(fd, Bounded.Derivative(raw, 0.2f), 3);
            float v = Bounded.Value(0.3f, raw, 0.2f);
            Assert.Equal(raw, Bounded.RawFor(0.3f, v, 0.2f), 2);
        }
    }

    [Fact]
    public void Adam_minimises_a_quadratic()
    {
        var p = new float[] { 0f, 10f };
        var g = new float[2];
        var adam = new Adam(2, 0.1f);
        for (int i = 0; i < 500; i++)
        {
            g[0] = 2 * (p[0] - 3); g[1] = 2 * (p[1] + 1);
            adam.Step(p, g);
        }
        Assert.Equal(3f, p[0], 1);
        Assert.Equal(-1f, p[1], 1);
    }
}

public class CatmullRomPathTests
{
    static readonly Vector3[] Zigzag = [new(0, 0, 0), new(1, 0, 2), new(3, 0, 2.5f), new(4, 0, 0.5f), new(6, 0, 1)];

    [Fact]
    public void Passes_through_every_control_point()
    {
        var path = new CatmullRomPath(Zigzag);
        for (int i = 0; i < Zigzag.Length; i++)
            Assert.True(Vector3.Distance(Zigzag[i], path.Evaluate(path.ArcLengthAt(i))) < 1e-4f, $"point {i}");
        Assert.Equal(Zigzag[0], path.Evaluate(-1));
        Assert.True(Vector3.Distance(Zigzag[^1], path.Evaluate(1e6f)) < 1e-4f);
    }

    [Fact]
    public void Collinear_points_give_a_straight_line_parameterised_by_arc_length()
    {
        var path = new CatmullRomPath([new(0, 0, 0), new(1, 0, 0), new(4, 0, 0), new(5, 0, 0)]);
        Assert.Equal(5f, path.Length, 3);
        foreach (float s in new[] { 0.3f, 1.7f, 2.5f, 4.2f })
        {
            var p = path.Evaluate(s);
            Assert.Equal(s, p.X, 2);
            Assert.Equal(0f, p.Y, 5);
        }
    }

    [Fact]
    public void Arc_length_is_consistent_with_distances_along_the_curve()
    {
        var path = new CatmullRomPath(Zigzag);
        // the polyline through the points is a lower bound of the curve length
        float chords = 0;
        for (int i = 1; i < Zigzag.Length; i++) chords += Vector3.Distance(Zigzag[i - 1], Zigzag[i]);
        Assert.True(path.Length >= chords - 1e-3f);
        // equal steps of arc length move (almost) equal distances when the steps are short
        for (float s = 0; s + 0.05f < path.Length; s += 0.37f)
            Assert.Equal(0.05f, Vector3.Distance(path.Evaluate(s), path.Evaluate(s + 0.05f)), 2);
    }

    [Fact]
    public void Weights_reproduce_the_curve_point()
    {
        var path = new CatmullRomPath(Zigzag);
        Gen.Float[0f, 1f].Sample(f =>
        {
            float s = f * path.Length;
            Span<int> idx = stackalloc int[4];
            Span<float> w = stackalloc float[4];
            path.Weights(s, idx, w);
            var sum = Vector3.Zero;
            for (int k = 0; k < 4; k++) sum += w[k] * Zigzag[idx[k]];
            Assert.True(Vector3.Distance(sum, path.Evaluate(s)) < 1e-4f);
        });
    }

    [Fact]
    public void Single_and_repeated_points_are_handled()
    {
        var one = new CatmullRomPath([new(1, 0, 1)]);
        Assert.Equal(0f, one.Length);
        Assert.Equal(new Vector3(1, 0, 1), one.Evaluate(3));
        var repeated = new CatmullRomPath([new(0, 0, 0), new(0, 0, 0), new(2, 0, 0)]);
        Assert.Equal(2f, repeated.Length, 3);
        Assert.True(float.IsFinite(repeated.Evaluate(1).X));
        Assert.Throws<ArgumentException>(() => new CatmullRomPath([new(float.NaN, 0, 0)]));
    }
}

public class PathTimingTests
{
    [Fact]
    public void Walk_follows_the_natural_speed_and_fits_the_duration_within_rate_bounds()
    {
        // cruising 13 m, stopping over 0.4 s (0.2 s at cruise speed) and settling for 0.3 s fill the 10 s
        var t = PathTiming.Plan(13f, 10f, 1.3f, 1f);
        Assert.True(t.Locomotion);
        Assert.Equal(13f / 9.5f / 1.3f, t.PlaybackRate, 4);
        Assert.Equal(9.7f, t.ArrivalTime, 3);
        Assert.Equal(5f * 13f / 9.5f, t.ArcLengthAt(5f), 3);

        var tooLong = PathTiming.Plan(40f, 10f, 1.3f, 1f);
        Assert.Equal(1.5f, tooLong.PlaybackRate, 4);
        Assert.True(tooLong.ReachedFraction < 0.5f);

        var tooShort = PathTiming.Plan(2f, 10f, 1.3f, 1f);
        Assert.Equal(0.75f, tooShort.PlaybackRate, 4);
        Assert.True(tooShort.ArrivalTime < 3f);
        Assert.Equal(tooShort.MotionTimeAt(tooShort.ArrivalTime), tooShort.MotionTimeAt(9f)); // pose held after arriving
    }

    [Fact]
    public void Smaller_actors_walk_slower_and_dances_are_carried_evenly()
    {
        var child = PathTiming.Plan(6.5f, 10f, 1.3f, 0.5f);
        Assert.Equal(0.65f, child.Speed / child.PlaybackRate, 3);
        var dance = PathTiming.Plan(3f, 6f, 0.05f, 1f);
        Assert.False(dance.Locomotion);
        Assert.Equal(1.5f, dance.ArcLengthAt(3f), 4);
        Assert.Equal(3f, dance.MotionTimeAt(3f), 4);
    }

    [Fact]
    public void Track_faces_the_direction_of_travel()
    {
        var path = new CatmullRomPath([new(0, 0, 0), new(5, 0, 0)]);
        var timing = PathTiming.Plan(path.Length, 4f, 1.3f, 1f);
        var track = TrackBuilder.Build("a", path, timing, 1f, 10, 40, fallbackYaw: 0, actorHeight: 1.7f);
        Assert.Equal(40, track.Frames.Count);
        foreach (var f in track.Frames) Assert.Equal(MathF.PI / 2, f.Yaw, 3);
        // +Z facing turned by the yaw points along +X
        var facing = Vector3.Transform(Vector3.UnitZ, track.Frames[10].Transform.Rotation);
        Assert.Equal(1f, facing.X, 4);
        Assert.Equal(0f, TrackBuilder.YawOf(Vector3.UnitZ, 1f), 5);
        Assert.Equal(1f, TrackBuilder.YawOf(Vector3.Zero, 1f));
    }
}
