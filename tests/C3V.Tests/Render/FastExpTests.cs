using System.Runtime.Intrinsics;
using C3V.Render;

namespace C3V.Tests.Render;

public class FastExpTests
{
    /// <summary>Largest relative error of <see cref="FastExp.Exp"/> against Math.Exp over [from, to], densely sampled.</summary>
    static double MaxRelativeError(float from, float to, int samples)
    {
        double worst = 0;
        Span<float> x = stackalloc float[16];
        for (int i = 0; i < samples; i += 16)
        {
            for (int l = 0; l < 16; l++) x[l] = from + (to - from) * Math.Min(i + l, samples - 1) / (samples - 1);
            var e = FastExp.Exp(Vector512.Create<float>(x));
            for (int l = 0; l < 16; l++)
            {
                double exact = Math.Exp(x[l]);
                worst = Math.Max(worst, Math.Abs(e[l] - exact) / exact);
            }
        }
        return worst;
    }

    [Fact]
    public void RelativeError_IsBelowOneMillionth_OverTheBlendingRange()
    {
        // The kernels use it for α = o·e^power with power ∈ [−4.5, 0]; 1e-6 is 4 000× below the 1/255 α step.
        Assert.InRange(MaxRelativeError(-8f, 1f, 400_000), 0, 1e-6);
        Assert.InRange(MaxRelativeError(-87f, -8f, 400_000), 0, 1e-5);
    }

    [Fact]
    public void ExactPointsAndExtremes()
    {
        var e = FastExp.Exp(Vector512.Create(0f, -1f, 1f, -4.5f, -1000f, -90f, float.NegativeInfinity, 0.5f, 0, 0, 0, 0, 0, 0, 0, 0));
        Assert.Equal(1f, e[0], 1e-6f);
        Assert.Equal(MathF.Exp(-1), e[1], 1e-6f * MathF.Exp(-1));
        Assert.Equal(MathF.E, e[2], 1e-6f * MathF.E);
        Assert.Equal(MathF.Exp(-4.5f), e[3], 1e-6f * MathF.Exp(-4.5f));
        // Far below the range: tiny and finite, never negative, NaN or infinite (those lanes are masked off as α < 1/255).
        for (int l = 4; l <= 6; l++) Assert.InRange(e[l], 0f, 1e-37f);
    }
}
