using C3V.Splats;

namespace C3V.Compose;

/// <summary>
/// The method's bounded parameterisation: value = initial + sigmoid(raw)·τ − τ/2, so the optimiser's free
/// variable <c>raw</c> (starting at 0, where the value equals the initial one) can only move the value within
/// ±τ/2 of where the lifting put it. This is what keeps refinement from drifting away from the director's
/// layout however the losses pull.
/// </summary>
public static class Bounded
{
    /// <summary>initial + sigmoid(raw)·τ − τ/2.</summary>
    public static float Value(float initial, float raw, float tau) => initial + GaussianCloud.Sigmoid(raw) * tau - tau / 2f;

    /// <summary>d value / d raw = τ·σ(raw)·(1 − σ(raw)).</summary>
    public static float Derivative(float raw, float tau)
    {
        float s = GaussianCloud.Sigmoid(raw);
        return tau * s * (1f - s);
    }

    /// <summary>The raw value that gives <paramref name="value"/> (clamped just inside the open interval).</summary>
    public static float RawFor(float initial, float value, float tau)
    {
        float p = Math.Clamp((value - initial + tau / 2f) / tau, 1e-6f, 1f - 1e-6f);
        return MathF.Log(p / (1f - p));
    }
}
