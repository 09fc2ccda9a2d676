using System.Numerics;
using C3V.Render;
using C3V.Splats;

namespace C3V.Tests.Render;

/// <summary>
/// The fast rasterizer against the scalar double-precision oracle: images, and every gradient against
/// central finite differences of the oracle, on small random scenes (pixels near a threshold of the
/// piecewise function are left out of the loss, so differences are taken where the function is smooth).
/// </summary>
public class RasterizerOracleTests
{
    static Camera TestCamera() =>
        Camera.LookAt(new Vector3(0.4f, 0.3f, 3f), new Vector3(0, 0, 0), Vector3.UnitY, 0.9f, 40, 34) with { Fx = 40f, Cx = 19.3f };

    static CloudInstance[] RandomScene(int seed, int perCloud = 5, int shDegree = 3, float minScale = 0.06f, float maxScale = 0.25f)
    {
        var rng = new Random(seed);
        float U(float a, float b) => a + (b - a) * rng.NextSingle();
        GaussianCloud Cloud()
        {
            var c = new GaussianCloud(perCloud, shDegree);
            for (int i = 0; i < perCloud; i++)
            {
                c.SetPosition(i, new Vector3(U(-0.6f, 0.6f), U(-0.5f, 0.5f), U(-0.5f, 0.5f)));
                c.SetLogScale(i, new Vector3(MathF.Log(U(minScale, maxScale)), MathF.Log(U(minScale, maxScale)), MathF.Log(U(minScale, maxScale))));
                c.SetRotation(i, new Quaternion(U(-1, 1), U(-1, 1), U(-1, 1), U(-1, 1)) * U(0.7f, 1.4f)); // not unit: the norm is differentiated
                c.Opacity[i] = GaussianCloud.Logit(U(0.25f, 0.85f));
                var sh = c.ShOf(i);
                c.SetColor(i, new Vector3(U(0.3f, 0.8f), U(0.3f, 0.8f), U(0.3f, 0.8f)));
                for (int k = 3; k < sh.Length; k++) sh[k] = U(-0.08f, 0.08f);
            }
            return c;
        }
        var moved = new RigidTransform(Quaternion.Normalize(new Quaternion(U(-0.3f, 0.3f), U(-0.3f, 0.3f), U(-0.3f, 0.3f), 1)),
            new Vector3(U(-0.2f, 0.2f), U(-0.2f, 0.2f), U(-0.3f, 0.3f)), U(0.8f, 1.25f));
        return [new CloudInstance(Cloud()), new CloudInstance(Cloud(), moved)];
    }

    [Theory]
    [InlineData(1, false, DepthMode.Expected, false)]
    [InlineData(2, true, DepthMode.Expected, false)]
    [InlineData(3, false, DepthMode.Median, false)]
    [InlineData(4, false, DepthMode.Expected, true)]
    public void Forward_MatchesOracle(int seed, bool antialiased, DepthMode depthMode, bool tinySplats)
    {
        // Tiny splats mostly fall inside one tile (a separate binning path); many of them cover the image.
        var scene = tinySplats ? RandomScene(seed, 400, 1, 0.005f, 0.03f) : RandomScene(seed, 12);
        var cam = TestCamera();
        var opt = new RenderOptions { Antialiased = antialiased, DepthMode = depthMode, Background = new Vector3(0.1f, 0.2f, 0.3f) };
        var rast = new GaussianRasterizer();
        rast.Render(RandomScene(seed + 100, 50), cam, opt); // buffers left over from another scene must not leak in
        var fast = rast.Render(scene, cam, opt);
        var oracle = ReferenceRasterizer.Render(scene.Select(ReferenceRasterizer.Instance.From).ToArray(), cam, opt);
        double maxC = 0, maxA = 0, maxD = 0;
        for (int p = 0; p < cam.Width * cam.Height; p++)
        {
            if (oracle.NearThreshold[p]) continue; // a float/double rounding there may flip one splat in or out
            for (int c = 0; c < 3; c++) maxC = Math.Max(maxC, Math.Abs(fast.Color[p * 3 + c] - oracle.Color[p * 3 + c]));
            maxA = Math.Max(maxA, Math.Abs(fast.Alpha[p] - oracle.Alpha[p]));
            maxD = Math.Max(maxD, Math.Abs(fast.Depth[p] - oracle.Depth[p]));
        }
        Assert.True(oracle.Alpha.Count(a => a > 0.5) > 100, "the scene must cover a good part of the image");
        Assert.True(maxC < 2e-5 && maxA < 2e-5 && maxD < 1e-4, $"max |fast − oracle|: colour {maxC:g3}, alpha {maxA:g3}, depth {maxD:g3}");
    }

    [Theory]
    [InlineData(11, false, DepthMode.Expected)]
    [InlineData(12, true, DepthMode.Expected)]
    [InlineData(13, false, DepthMode.Median)]
    public void Gradients_MatchFiniteDifferencesOfOracle(int seed, bool antialiased, DepthMode depthMode)
    {
        var scene = RandomScene(seed);
        var cam = TestCamera();
        var opt = new RenderOptions { Antialiased = antialiased, DepthMode = depthMode, Background = new Vector3(0.3f, 0.1f, 0.6f) };
        var inst = scene.Select(ReferenceRasterizer.Instance.From).ToArray();
        var baseOut = ReferenceRasterizer.Render(inst, cam, opt);
        int n = cam.Width * cam.Height;
        var rng = new Random(seed);
        var wC = new float[n * 3]; var wA = new float[n]; var wD = new float[n];
        for (int p = 0; p < n; p++)
        {
            if (baseOut.NearThreshold[p]) continue;
            for (int c = 0; c < 3; c++) wC[p * 3 + c] = rng.NextSingle() * 2 - 1;
            wA[p] = rng.NextSingle() * 2 - 1;
            wD[p] = (rng.NextSingle() * 2 - 1) * 0.3f;
        }
        double Loss(ReferenceRasterizer.Instance[] s)
        {
            var o = ReferenceRasterizer.Render(s, cam, opt);
            double l = 0;
            for (int p = 0; p < n; p++)
            {
                l += wA[p] * o.Alpha[p] + wD[p] * o.Depth[p];
                for (int c = 0; c < 3; c++) l += wC[p * 3 + c] * o.Color[p * 3 + c];
            }
            return l;
        }
        var rast = new GaussianRasterizer();
        var res = rast.Render(scene, cam, opt);
        var grads = rast.Backward(res, wC, wA, wD);

        var failures = new List<string>();
        void Check(string kind, IEnumerable<(string Name, double Analytic, double Numeric)> items)
        {
            var list = items.ToList();
            double scale = list.Max(i => Math.Abs(i.Numeric));
            Assert.True(scale > 0, $"{kind}: every gradient is zero, the scene does not exercise it");
            foreach (var (name, a, num) in list)
                if (Math.Abs(a - num) > 2e-3 * scale + 1e-2 * Math.Abs(num)) failures.Add($"{kind} {name}: analytic {a:g5}, numeric {num:g5}");
        }
        double Fd(Action<double> set, double x0, double eps)
        {
            set(x0 + eps); double lp = Loss(inst);
            set(x0 - eps); double lm = Loss(inst);
            set(x0);
            return (lp - lm) / (2 * eps);
        }
        IEnumerable<(string, double, double)> Param(int k, string name, double[] arr, float[] analytic, double eps)
        {
            for (int i = 0; i < arr.Length; i++)
            {
                int j = i;
                yield return ($"cloud {k} {name}[{i}]", analytic[i], Fd(v => arr[j] = v, arr[j], eps));
            }
        }
        for (int k = 0; k < inst.Length; k++)
        {
            var s = inst[k]; var g = grads.Clouds[k];
            Check("position", Param(k, "x", s.X, g.X, 1e-4).Concat(Param(k, "y", s.Y, g.Y, 1e-4)).Concat(Param(k, "z", s.Z, g.Z, 1e-4)));
            Check("log-scale", Param(k, "sx", s.Sx, g.ScaleX, 1e-4).Concat(Param(k, "sy", s.Sy, g.ScaleY, 1e-4)).Concat(Param(k, "sz", s.Sz, g.ScaleZ, 1e-4)));
            Check("quaternion", Param(k, "qw", s.Qw, g.RotW, 1e-4).Concat(Param(k, "qx", s.Qx, g.RotX, 1e-4))
                .Concat(Param(k, "qy", s.Qy, g.RotY, 1e-4)).Concat(Param(k, "qz", s.Qz, g.RotZ, 1e-4)));
            Check("opacity", Param(k, "logit", s.Opacity, g.Opacity, 1e-4));
            Check("sh", Param(k, "sh", s.Sh, g.Sh, 1e-3));
            Check("transform", TransformItems(k, s, grads.Transforms[k]));
        }
        Assert.True(failures.Count == 0, $"{failures.Count} gradients off:\n" + string.Join("\n", failures.Take(20)));

        IEnumerable<(string, double, double)> TransformItems(int k, ReferenceRasterizer.Instance s, TransformGradient tg)
        {
            float[] t = [tg.Translation.X, tg.Translation.Y, tg.Translation.Z];
            for (int a = 0; a < 3; a++)
            {
                int j = a;
                yield return ($"cloud {k} translation[{a}]", t[a], Fd(v => s.Translation[j] = v, s.Translation[j], 1e-5));
            }
            yield return ($"cloud {k} scale", tg.Scale, Fd(v => s.Scale = v, s.Scale, 1e-5));
            float[] w = [tg.Rotation.X, tg.Rotation.Y, tg.Rotation.Z];
            var r0 = s.Rotation;
            for (int a = 0; a < 3; a++)
            {
                int j = a;
                // R ← exp([ε·e_a]ₓ)·R, the left perturbation the gradient is defined for.
                double num = Fd(e =>
                {
                    double[] axis = [0, 0, 0]; axis[j] = 1;
                    double h = e / 2, sn = Math.Sin(h);
                    var dr = ReferenceRasterizer.QuatToMatrix(Math.Cos(h), axis[0] * sn, axis[1] * sn, axis[2] * sn);
                    var m = new double[9];
                    for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) for (int q = 0; q < 3; q++) m[r * 3 + c] += dr[r * 3 + q] * r0[q * 3 + c];
                    s.Rotation = m;
                }, 0, 1e-5);
                s.Rotation = r0;
                yield return ($"cloud {k} rotation[{a}]", w[a], num);
            }
        }
    }
}
