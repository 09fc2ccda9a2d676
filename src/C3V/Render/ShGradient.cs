using System.Numerics;
using C3V.Splats;

namespace C3V.Render;

/// <summary>Derivatives of the SH basis of <see cref="SphericalHarmonics.EvalBasis"/> with respect to the direction.</summary>
internal static class ShGradient
{
    /// <summary>
    /// Σ_k ∂basis_k/∂d · w_k for the (degree+1)² weights <paramref name="w"/> (basis functions taken as
    /// polynomials of d's components, as the reference differentiates them before normalisation).
    /// </summary>
    public static Vector3 DirectionGradient(Vector3 d, int degree, ReadOnlySpan<float> w)
    {
        if (degree < 1) return Vector3.Zero;
        float x = d.X, y = d.Y, z = d.Z;
        const float c1 = SphericalHarmonics.C1;
        float gx = -c1 * w[3], gy = -c1 * w[1], gz = c1 * w[2];
        if (degree >= 2)
        {
            var c2 = SphericalHarmonics.C2;
            gx += c2[0] * y * w[4] - 2 * c2[2] * x * w[6] + c2[3] * z * w[7] + 2 * c2[4] * x * w[8];
            gy += c2[0] * x * w[4] + c2[1] * z * w[5] - 2 * c2[2] * y * w[6] - 2 * c2[4] * y * w[8];
            gz += c2[1] * y * w[5] + 4 * c2[2] * z * w[6] + c2[3] * x * w[7];
        }
        if (degree >= 3)
        {
            var c3 = SphericalHarmonics.C3;
            float xx = x * x, yy = y * y, zz = z * z;
            gx += c3[0] * 6 * x * y * w[9] + c3[1] * y * z * w[10] - c3[2] * 2 * x * y * w[11] - c3[3] * 6 * x * z * w[12]
                + c3[4] * (4 * zz - 3 * xx - yy) * w[13] + c3[5] * 2 * x * z * w[14] + c3[6] * (3 * xx - 3 * yy) * w[15];
            gy += c3[0] * (3 * xx - 3 * yy) * w[9] + c3[1] * x * z * w[10] + c3[2] * (4 * zz - xx - 3 * yy) * w[11]
                - c3[3] * 6 * y * z * w[12] - c3[4] * 2 * x * y * w[13] - c3[5] * 2 * y * z * w[14] - c3[6] * 6 * x * y * w[15];
            gz += c3[1] * x * y * w[10] + c3[2] * 8 * y * z * w[11] + c3[3] * (6 * zz - 3 * xx - 3 * yy) * w[12]
                + c3[4] * 8 * x * z * w[13] + c3[5] * (xx - yy) * w[14];
        }
        return new Vector3(gx, gy, gz);
    }
}
