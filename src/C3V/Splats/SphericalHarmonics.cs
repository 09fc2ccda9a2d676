using System.Numerics;

namespace C3V.Splats;

/// <summary>
/// Real spherical-harmonic basis in the sign convention of the 3DGS reference code (degree 0–3), so that
/// coefficients read from INRIA files shade exactly as they do there.
/// </summary>
public static class SphericalHarmonics
{
    public const float C0 = 0.28209479177387814f;
    public const float C1 = 0.4886025119029199f;
    public static ReadOnlySpan<float> C2 => [1.0925484305920792f, -1.0925484305920792f, 0.31539156525252005f, -1.0925484305920792f, 0.5462742152960396f];
    public static ReadOnlySpan<float> C3 => [-0.5900435899266435f, 2.890611442640554f, -0.4570457994644658f, 0.3731763325901154f, -0.4570457994644658f, 1.445305721320277f, -0.5900435899266435f];

    /// <summary>Number of coefficients of a degree: (degree+1)².</summary>
    public static int CoeffCount(int degree) => (degree + 1) * (degree + 1);

    /// <summary>
    /// Writes the (degree+1)² basis values for unit direction <paramref name="d"/> into <paramref name="basis"/>.
    /// Colour = 0.5 + Σ_k basis[k]·sh[k].
    /// </summary>
    public static void EvalBasis(Vector3 d, int degree, Span<float> basis)
    {
        float x = d.X, y = d.Y, z = d.Z;
        basis[0] = C0;
        if (degree < 1) return;
        basis[1] = -C1 * y; basis[2] = C1 * z; basis[3] = -C1 * x;
        if (degree < 2) return;
        float xx = x * x, yy = y * y, zz = z * z, xy = x * y, yz = y * z, xz = x * z;
        var c2 = C2;
        basis[4] = c2[0] * xy; basis[5] = c2[1] * yz; basis[6] = c2[2] * (2f * zz - xx - yy);
        basis[7] = c2[3] * xz; basis[8] = c2[4] * (xx - yy);
        if (degree < 3) return;
        var c3 = C3;
        basis[9] = c3[0] * y * (3f * xx - yy);
        basis[10] = c3[1] * xy * z;
        basis[11] = c3[2] * y * (4f * zz - xx - yy);
        basis[12] = c3[3] * z * (2f * zz - 3f * xx - 3f * yy);
        basis[13] = c3[4] * x * (4f * zz - xx - yy);
        basis[14] = c3[5] * z * (xx - yy);
        basis[15] = c3[6] * x * (xx - 3f * yy);
    }
}

/// <summary>
/// Exact rotation of SH coefficients. Each band l spans a rotation-invariant space, so the rotated
/// function f'(d) = f(Rᵀd) is again a band-l combination; its coefficients solve a small least-squares fit
/// at fixed sample directions (M_l = Y(d)⁺·Y(Rᵀd)), which is exact up to rounding for any basis convention.
/// </summary>
public sealed class ShRotation
{
    readonly int _degree;
    readonly double[][] _bands; // band l: (2l+1)×(2l+1), row-major

    public ShRotation(Quaternion rotation, int degree)
    {
        _degree = degree;
        _bands = new double[degree + 1][];
        var inverse = Quaternion.Conjugate(Quaternion.Normalize(rotation));
        var dirs = SampleDirections(16);
        Span<float> basis = stackalloc float[16];
        for (int l = 1; l <= degree; l++)
        {
            int n = 2 * l + 1, first = l * l;
            var a = new double[dirs.Length, n];
            var b = new double[dirs.Length, n];
            for (int j = 0; j < dirs.Length; j++)
            {
                SphericalHarmonics.EvalBasis(dirs[j], l, basis);
                for (int m = 0; m < n; m++) a[j, m] = basis[first + m];
                SphericalHarmonics.EvalBasis(Vector3.Transform(dirs[j], inverse), l, basis);
                for (int m = 0; m < n; m++) b[j, m] = basis[first + m];
            }
            _bands[l] = SolveLeastSquares(a, b, n);
        }
    }

    /// <summary>Rotates the SH coefficients of every Gaussian of <paramref name="cloud"/> in place.</summary>
    public void Apply(GaussianCloud cloud)
    {
        Span<float> tmp = stackalloc float[7];
        for (int i = 0; i < cloud.Count; i++)
        {
            var sh = cloud.ShOf(i);
            for (int l = 1; l <= Math.Min(_degree, cloud.ShDegree); l++)
            {
                int n = 2 * l + 1, first = l * l;
                var m = _bands[l];
                for (int ch = 0; ch < 3; ch++)
                {
                    for (int r = 0; r < n; r++)
                    {
                        double acc = 0;
                        for (int c = 0; c < n; c++) acc += m[r * n + c] * sh[(first + c) * 3 + ch];
                        tmp[r] = (float)acc;
                    }
                    for (int r = 0; r < n; r++) sh[(first + r) * 3 + ch] = tmp[r];
                }
            }
        }
    }

    static Vector3[] SampleDirections(int count)
    {
        // Fibonacci sphere: well spread, deterministic, never degenerate for bands up to 3.
        var d = new Vector3[count];
        double golden = Math.PI * (3 - Math.Sqrt(5));
        for (int i = 0; i < count; i++)
        {
            double y = 1 - (i + 0.5) * 2.0 / count, r = Math.Sqrt(1 - y * y), t = golden * i;
            d[i] = new Vector3((float)(r * Math.Cos(t)), (float)y, (float)(r * Math.Sin(t)));
        }
        return d;
    }

    /// <summary>Solves min ‖A·M − B‖ for M (n×n) through the normal equations (AᵀA is well conditioned here).</summary>
    static double[] SolveLeastSquares(double[,] a, double[,] b, int n)
    {
        int rows = a.GetLength(0);
        var ata = new double[n, n];
        var atb = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0, t = 0;
                for (int r = 0; r < rows; r++) { s += a[r, i] * a[r, j]; t += a[r, i] * b[r, j]; }
                ata[i, j] = s; atb[i, j] = t;
            }
        // Gauss–Jordan with partial pivoting on [AᵀA | AᵀB].
        for (int col = 0; col < n; col++)
        {
            int piv = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(ata[r, col]) > Math.Abs(ata[piv, col])) piv = r;
            if (piv != col)
                for (int c = 0; c < n; c++) { (ata[col, c], ata[piv, c]) = (ata[piv, c], ata[col, c]); (atb[col, c], atb[piv, c]) = (atb[piv, c], atb[col, c]); }
            double inv = 1 / ata[col, col];
            for (int c = 0; c < n; c++) { ata[col, c] *= inv; atb[col, c] *= inv; }
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double f = ata[r, col];
                if (f == 0) continue;
                for (int c = 0; c < n; c++) { ata[r, c] -= f * ata[col, c]; atb[r, c] -= f * atb[col, c]; }
            }
        }
        var m = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i * n + j] = atb[i, j];
        return m;
    }
}
