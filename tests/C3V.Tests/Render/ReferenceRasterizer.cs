using C3V.Render;
using C3V.Splats;

namespace C3V.Tests.Render;

/// <summary>
/// The oracle: a plain scalar, double-precision rasterizer written straight from the published math, with
/// no tiles, no SIMD and no shared code with the fast path. For every pixel it walks all splats in depth
/// order. Parameters are doubles so central finite differences can be taken in double precision.
/// </summary>
internal sealed class ReferenceRasterizer
{
    /// <summary>A cloud's raw parameters (same layout as GaussianCloud) and its transform, in doubles.</summary>
    internal sealed class Instance
    {
        public int Count, ShCoeffs;
        public double[] X = [], Y = [], Z = [], Sx = [], Sy = [], Sz = [], Qw = [], Qx = [], Qy = [], Qz = [], Opacity = [], Sh = [];
        public double[] Rotation = [1, 0, 0, 0, 1, 0, 0, 0, 1]; // object → world, row-major
        public double Scale = 1;
        public double[] Translation = [0, 0, 0];

        public static Instance From(CloudInstance ci)
        {
            var c = ci.Cloud;
            static double[] D(float[] a) => a.Select(v => (double)v).ToArray();
            var q = System.Numerics.Quaternion.Normalize(ci.Transform.Rotation);
            return new Instance
            {
                Count = c.Count, ShCoeffs = c.ShCoeffCount,
                X = D(c.X), Y = D(c.Y), Z = D(c.Z), Sx = D(c.ScaleX), Sy = D(c.ScaleY), Sz = D(c.ScaleZ),
                Qw = D(c.RotW), Qx = D(c.RotX), Qy = D(c.RotY), Qz = D(c.RotZ), Opacity = D(c.Opacity), Sh = D(c.Sh),
                Rotation = QuatToMatrix(q.W, q.X, q.Y, q.Z),
                Scale = ci.Transform.Scale,
                Translation = [ci.Transform.Translation.X, ci.Transform.Translation.Y, ci.Transform.Translation.Z],
            };
        }
    }

    internal sealed record Output(double[] Color, double[] Alpha, double[] Depth, bool[] NearThreshold);

    sealed record Splat(double Mx, double My, double A, double B, double C, double Opacity, double R, double G, double Bl, double Z);

    public static double[] QuatToMatrix(double w, double x, double y, double z) =>
    [
        1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
        2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
        2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
    ];

    static double[] Mul(double[] a, double[] b)
    {
        var r = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++) r[i * 3 + j] += a[i * 3 + k] * b[k * 3 + j];
        return r;
    }

    static double[] T(double[] a) => [a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]];

    static double[] Apply(double[] m, double[] v) =>
        [m[0] * v[0] + m[1] * v[1] + m[2] * v[2], m[3] * v[0] + m[4] * v[1] + m[5] * v[2], m[6] * v[0] + m[7] * v[1] + m[8] * v[2]];

    static double[] ShBasis(double x, double y, double z)
    {
        double xx = x * x, yy = y * y, zz = z * z;
        return
        [
            0.28209479177387814,
            -0.4886025119029199 * y, 0.4886025119029199 * z, -0.4886025119029199 * x,
            1.0925484305920792 * x * y, -1.0925484305920792 * y * z, 0.31539156525252005 * (2 * zz - xx - yy),
            -1.0925484305920792 * x * z, 0.5462742152960396 * (xx - yy),
            -0.5900435899266435 * y * (3 * xx - yy), 2.890611442640554 * x * y * z, -0.4570457994644658 * y * (4 * zz - xx - yy),
            0.3731763325901154 * z * (2 * zz - 3 * xx - 3 * yy), -0.4570457994644658 * x * (4 * zz - xx - yy),
            1.445305721320277 * z * (xx - yy), -0.5900435899266435 * x * (xx - 3 * yy),
        ];
    }

    public static Output Render(IReadOnlyList<Instance> instances, Camera cam, RenderOptions opt)
    {
        double fx = cam.Fx, fy = cam.Fy, cx = cam.Cx, cy = cam.Cy;
        var rv = cam.R.Select(v => (double)v).ToArray();
        double[] tv = [cam.T.X, cam.T.Y, cam.T.Z];
        // Camera centre: −Rvᵀ·tv.
        var ctr = Apply(T(rv), tv).Select(v => -v).ToArray();
        double tanX = 0.5 * cam.Width / fx, tanY = 0.5 * cam.Height / fy;
        double limXp = (cam.Width - cx) / fx + 0.3 * tanX, limXn = cx / fx + 0.3 * tanX;
        double limYp = (cam.Height - cy) / fy + 0.3 * tanY, limYn = cy / fy + 0.3 * tanY;
        var splats = new List<Splat>();
        foreach (var inst in instances)
        {
            int degree = Math.Min(opt.ShDegree, (int)Math.Round(Math.Sqrt(inst.ShCoeffs)) - 1);
            var rk = inst.Rotation;
            for (int i = 0; i < inst.Count; i++)
            {
                double[] mu = [inst.X[i], inst.Y[i], inst.Z[i]];
                var world = Apply(rk, mu);
                for (int a = 0; a < 3; a++) world[a] = inst.Scale * world[a] + inst.Translation[a];
                var t = Apply(rv, world);
                for (int a = 0; a < 3; a++) t[a] += tv[a];
                if (!(t[2] > opt.NearPlane)) { splats.Add(null!); continue; }
                double qw = inst.Qw[i], qx = inst.Qx[i], qy = inst.Qy[i], qz = inst.Qz[i];
                double qn = Math.Sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
                if (qn > 1e-15) { qw /= qn; qx /= qn; qy /= qn; qz /= qn; } else { qw = 1; qx = qy = qz = 0; }
                var r = QuatToMatrix(qw, qx, qy, qz);
                double[] s2 = [Math.Exp(2 * inst.Sx[i]), Math.Exp(2 * inst.Sy[i]), Math.Exp(2 * inst.Sz[i])];
                var sigma = new double[9];
                for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) for (int k = 0; k < 3; k++) sigma[a * 3 + b] += r[a * 3 + k] * s2[k] * r[b * 3 + k];
                var w = Mul(rv, rk);
                var sc = Mul(Mul(w, sigma), T(w));
                for (int a = 0; a < 9; a++) sc[a] *= inst.Scale * inst.Scale;
                double tz = t[2];
                double txc = Math.Clamp(t[0] / tz, -limXn, limXp) * tz, tyc = Math.Clamp(t[1] / tz, -limYn, limYp) * tz;
                double[] j0 = [fx / tz, 0, -fx * txc / (tz * tz)], j1 = [0, fy / tz, -fy * tyc / (tz * tz)];
                double Quad(double[] u, double[] v) { double s = 0; for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) s += u[a] * sc[a * 3 + b] * v[b]; return s; }
                double A = Quad(j0, j0), B = Quad(j0, j1), C = Quad(j1, j1);
                double det0 = A * C - B * B;
                A += 0.3; C += 0.3;
                double det = A * C - B * B;
                if (!(det > 0)) { splats.Add(null!); continue; }
                double o = 1 / (1 + Math.Exp(-inst.Opacity[i]));
                if (opt.Antialiased) o *= Math.Sqrt(Math.Max(det0 / det, 0));
                if (!(o >= 1 / 255.0)) { splats.Add(null!); continue; }
                // SH direction: from the camera to the Gaussian, expressed in the object frame.
                double[] dw = [world[0] - ctr[0], world[1] - ctr[1], world[2] - ctr[2]];
                var d = Apply(T(rk), dw);
                double len = Math.Sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                var basis = ShBasis(d[0] / len, d[1] / len, d[2] / len);
                var rgb = new double[3];
                for (int ch = 0; ch < 3; ch++)
                {
                    double v = 0.5;
                    for (int k = 0; k < (degree + 1) * (degree + 1); k++) v += basis[k] * inst.Sh[(i * inst.ShCoeffs + k) * 3 + ch];
                    rgb[ch] = Math.Max(v, 0);
                }
                splats.Add(new Splat(fx * t[0] / tz + cx, fy * t[1] / tz + cy, C / det, -B / det, A / det, o, rgb[0], rgb[1], rgb[2], tz));
            }
        }
        // Front to back by depth; ties keep the input order (as a stable sort does).
        var order = Enumerable.Range(0, splats.Count).Where(k => splats[k] is not null).OrderBy(k => splats[k].Z).ThenBy(k => k).ToArray();
        int W = cam.Width, H = cam.Height;
        var color = new double[W * H * 3];
        var alphaOut = new double[W * H];
        var depth = new double[W * H];
        var near = new bool[W * H];
        var bg = opt.Background;
        for (int py = 0; py < H; py++)
            for (int px = 0; px < W; px++)
            {
                int p = py * W + px;
                double tr = 1, cr = 0, cg = 0, cb = 0, cd = 0, med = -1, lastZ = -1;
                foreach (int k in order)
                {
                    var s = splats[k];
                    double dx = s.Mx - (px + 0.5), dy = s.My - (py + 0.5);
                    double q = s.A * dx * dx + 2 * s.B * dx * dy + s.C * dy * dy;
                    double g = Math.Exp(-0.5 * q), alpha = Math.Min(0.99, s.Opacity * g);
                    // Pixels near a threshold of the piecewise function are flagged for the gradient tests.
                    if (Math.Abs(q - 9) < 0.3 || Math.Abs(s.Opacity * g - 1 / 255.0) < 0.2 / 255 || Math.Abs(s.Opacity * g - 0.99) < 0.01) near[p] = true;
                    if (q > 9 || alpha < 1 / 255.0) continue;
                    double nt = tr * (1 - alpha);
                    if (Math.Abs(nt - 1e-4) < 0.5e-4 || Math.Abs(nt - 0.5) < 0.02) near[p] = true;
                    if (nt < 1e-4) break;
                    cr += s.R * alpha * tr; cg += s.G * alpha * tr; cb += s.Bl * alpha * tr; cd += s.Z * alpha * tr;
                    if (med < 0 && nt < 0.5) med = s.Z;
                    lastZ = s.Z;
                    tr = nt;
                }
                color[p * 3] = cr + tr * bg.X; color[p * 3 + 1] = cg + tr * bg.Y; color[p * 3 + 2] = cb + tr * bg.Z;
                alphaOut[p] = 1 - tr;
                if (Math.Abs(1 - tr - 1e-4) < 0.5e-4) near[p] = true;
                if (opt.DepthMode == DepthMode.Median) depth[p] = med >= 0 ? med : lastZ >= 0 ? lastZ : 0;
                else depth[p] = 1 - tr >= 1e-4 ? cd / (1 - tr) : 0;
            }
        return new Output(color, alphaOut, depth, near);
    }
}
