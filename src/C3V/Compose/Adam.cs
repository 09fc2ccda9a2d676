namespace C3V.Compose;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) over a flat parameter vector, with bias-corrected first and second moments.
/// The caller owns the parameters and the gradient buffer; <see cref="Step"/> updates in place.
/// </summary>
public sealed class Adam
{
    readonly float[] _m, _v;
    int _t;

    public float LearningRate { get; set; }
    public float Beta1 { get; }
    public float Beta2 { get; }
    public float Epsilon { get; }
    public int Steps => _t;

    public Adam(int count, float learningRate, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), "learning rate must be positive");
        _m = new float[count];
        _v = new float[count];
        LearningRate = learningRate;
        Beta1 = beta1; Beta2 = beta2; Epsilon = epsilon;
    }

    /// <summary>One descent step: parameters −= lr·m̂/(√v̂ + ε). Non-finite gradients are treated as zero.</summary>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient) => Step(parameters, gradient, default);

    /// <summary>
    /// One step with a learning rate per parameter, lr·<paramref name="rates"/>[i] (empty: all 1). Adam's
    /// steps are about lr whatever a gradient's size, so parameters of different units need their own rates.
    /// </summary>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradient, ReadOnlySpan<float> rates)
    {
        if (parameters.Length != _m.Length || gradient.Length != _m.Length || rates.Length is not 0 && rates.Length != _m.Length)
            throw new ArgumentException($"expected {_m.Length} parameters, gradients and rates");
        _t++;
        float c1 = 1f - MathF.Pow(Beta1, _t), c2 = 1f - MathF.Pow(Beta2, _t);
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = float.IsFinite(gradient[i]) ? gradient[i] : 0f;
            _m[i] = Beta1 * _m[i] + (1f - Beta1) * g;
            _v[i] = Beta2 * _v[i] + (1f - Beta2) * g * g;
            float lr = rates.Length == 0 ? LearningRate : LearningRate * rates[i];
            parameters[i] -= lr * (_m[i] / c1) / (MathF.Sqrt(_v[i] / c2) + Epsilon);
        }
    }
}
