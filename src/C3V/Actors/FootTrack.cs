using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// Where one foot is over time: a list of plants (time intervals during which the foot stays on the
/// ground at a fixed place), with swings between them along an arc. Planted feet do not slide, which is
/// what makes procedural gaits read as walking rather than skating.
/// </summary>
public sealed class FootTrack
{
    /// <summary>A stance: from <paramref name="Start"/> to <paramref name="End"/> seconds at ground point <paramref name="At"/>, heading <paramref name="Yaw"/> degrees.</summary>
    public readonly record struct Plant(float Start, float End, Vector3 At, float Yaw);

    readonly List<Plant> _plants = [];

    /// <summary>Height of the swing arc, metres.</summary>
    public float StepHeight { get; init; } = 0.12f;
    /// <summary>Heel strike / toe-off roll in degrees (0 keeps the foot flat).</summary>
    public float Roll { get; init; }

    public FootTrack Add(float start, float end, Vector3 at, float yaw = 0)
    {
        if (_plants.Count > 0 && start < _plants[^1].End) throw new ArgumentException("plants must be in time order");
        _plants.Add(new Plant(start, end, at, yaw));
        return this;
    }

    public IReadOnlyList<Plant> Plants => _plants;

    /// <summary>Ground point, heading and toe-down angle of the foot at <paramref name="t"/>, and whether it is planted.</summary>
    public (Vector3 At, float Yaw, float ToesDown, bool Planted) At(float t)
    {
        if (_plants.Count == 0) throw new InvalidOperationException("empty foot track");
        if (t <= _plants[0].Start) return (_plants[0].At, _plants[0].Yaw, 0, true);
        for (int i = 0; i < _plants.Count; i++)
        {
            var p = _plants[i];
            if (t <= p.End)
            {
                if (t >= p.Start)
                {
                    float u = (t - p.Start) / MathF.Max(1e-6f, p.End - p.Start);
                    // Heel strike rolls onto the sole during the first 20 %; the heel lifts in the last 35 %.
                    float toes = u < 0.2f ? -Roll * (1 - u / 0.2f) : u > 0.65f ? Roll * 1.6f * (u - 0.65f) / 0.35f : 0;
                    return (p.At, p.Yaw, toes, true);
                }
                var q = _plants[i - 1];
                float s = (t - q.End) / MathF.Max(1e-6f, p.Start - q.End);
                float e = s * s * (3 - 2 * s);
                var at = Vector3.Lerp(q.At, p.At, e) + new Vector3(0, StepHeight * MathF.Sin(MathF.PI * s), 0);
                float swingToes = Roll * 1.6f * (1 - s) - Roll * s; // from toe-off to heel strike
                return (at, q.Yaw + (p.Yaw - q.Yaw) * e, swingToes * (Roll > 0 ? 1 : 0), false);
            }
        }
        return (_plants[^1].At, _plants[^1].Yaw, 0, true);
    }
}
