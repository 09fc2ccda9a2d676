using System.Numerics;
using System.Runtime.Intrinsics;
using C3V.Render;
using C3V.Splats;

namespace C3V.Tests.Render;

/// <summary>
/// The vectorised preprocessing (eight Gaussians per step) against the scalar reference the backward uses
/// (<see cref="Projection.Evaluate"/>, colour, reach, tile count), Gaussian by Gaussian: the same splats survive,
/// the same tile counts and depth keys are recorded, and each field agrees to 1e-4 relative. The two differ only
/// in e^x and ln x (the vector versions are checked here to be within 2 ulp of MathF's); for near-degenerate splats
/// (needles, det₀ = a·c − b² ≈ 0) the covariance inversion amplifies that, as it amplifies float rounding in the
/// scalar code itself. The rasterizer's oracle tests compare the images at their unchanged tolerances.
/// </summary>
public class PreprocessingTests
{
    [Fact]
    public void VectorExpAndLog_AreWithinTwoUlpOfMathF()
    {
        var rng = new Random(3);
        for (int t = 0; t < 2000; t++)
        {
            var x = Vector256.Create(rng.NextSingle() * 40 - 20);
            float e = Vector256.Exp(x).GetElement(0), want = MathF.Exp(x.GetElement(0));
            Assert.True(MathF.Abs(e - want) <= 2.4e-7f * want, $"exp({x.GetElement(0)}): {e} vs {want}");
            var y = Vector256.Create(rng.NextSingle() * 300 + 1e-3f);
            float l = Vector256.Log(y).GetElement(0), lw = MathF.Log(y.GetElement(0));
            Assert.True(MathF.Abs(l - lw) <= 2.4e-7f * MathF.Max(MathF.Abs(lw), 1), $"ln({y.GetElement(0)}): {l} vs {lw}");
        }
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(3, true)]
    [InlineData(1, false)]
    public void Vectorised_EqualsTheScalarReference(int shDegree, bool antialiased)
    {
        const int n = 3001; // not a multiple of 8: the scalar tail is exercised too
        var rng = new Random(11 + shDegree);
        var cloud = new GaussianCloud(n, shDegree);
        int k = cloud.ShCoeffCount * 3;
        for (int i = 0; i < n; i++)
        {
            // Around the origin, some behind the camera or off screen; scales from needles to blobs.
            cloud.SetPosition(i, new Vector3(rng.NextSingle() * 8 - 4, rng.NextSingle() * 8 - 4, rng.NextSingle() * 9 - 6));
            cloud.SetLogScale(i, new Vector3(rng.NextSingle() * 5 - 6, rng.NextSingle() * 5 - 6, rng.NextSingle() * 5 - 6));
            cloud.SetRotation(i, new Quaternion(rng.NextSingle() - 0.5f, rng.NextSingle() - 0.5f, rng.NextSingle() - 0.5f, rng.NextSingle() * 2 - 1));
            cloud.Opacity[i] = rng.NextSingle() * 12 - 8;
            for (int j = 0; j < k; j++) cloud.Sh[i * k + j] = rng.NextSingle() * 2 - 1;
        }
        // Degenerate inputs: a zero quaternion (identity), a NaN position, an infinite scale, an invisible opacity.
        cloud.SetRotation(3, default);
        cloud.X[17] = float.NaN;
        cloud.ScaleX[29] = float.PositiveInfinity;
        cloud.Opacity[41] = -30;

        var camera = Camera.LookAt(new Vector3(0.3f, 0.5f, 4), Vector3.Zero, Vector3.UnitY, 0.9f, 160, 120);
        var cam = new CameraModel(camera, 0.01f);
        var inst = new CloudInstance(cloud, new RigidTransform(Quaternion.CreateFromYawPitchRoll(0.3f, 0.1f, -0.2f), new Vector3(0.1f, -0.2f, 0.3f), 1.3f));
        var view = InstanceView.Create(inst, cam, 0, 3, 0);

        const int chunk = 2048;
        var f = new FrameBuffers();
        f.EnsureSplats(n);
        f.EnsureChunks((n + chunk - 1) / chunk);
        for (int from = 0; from < n; from += chunk) Preprocessing.Run(cloud, from, Math.Min(n, from + chunk), view, cam, antialiased, f, chunk);

        Span<float> basis = stackalloc float[16];
        int visible = 0, keys = 0;
        float worst = 0;
        for (int i = 0; i < n; i++)
        {
            int expected = 0;
            if (Projection.Evaluate(cloud, i, view, cam, antialiased, out var s))
            {
                var rgb = Projection.Color(cloud, i, view.ShDegree, s.Dir, basis, out _);
                if (float.IsFinite(rgb.X) && float.IsFinite(rgb.Y) && float.IsFinite(rgb.Z))
                {
                    var want = TileRasterizer.Reaching(new ProjectedSplat
                    {
                        MeanX = s.MeanX, MeanY = s.MeanY, ConA = s.ConA, ConB = s.ConB, ConC = s.ConC, Opacity = s.Opacity,
                        R = rgb.X, G = rgb.Y, B = rgb.Z, Depth = s.Tc.Z,
                    });
                    expected = TileRasterizer.Tiles(want, cam, default, write: false);
                    var got = f.Splats[i];
                    float[] a = [got.MeanX, got.MeanY, got.ConA, got.ConB, got.ConC, got.Opacity, got.Radius2, got.R, got.G, got.B, got.Depth, got.ExtentY];
                    float[] b = [want.MeanX, want.MeanY, want.ConA, want.ConB, want.ConC, want.Opacity, want.Radius2, want.R, want.G, want.B, want.Depth, want.ExtentY];
                    for (int j = 0; j < a.Length; j++)
                        Assert.True(MathF.Abs(a[j] - b[j]) <= 1e-4f * MathF.Max(1, MathF.Abs(b[j])), $"Gaussian {i}, field {j}: {a[j]} vs {b[j]}");
                    for (int j = 0; j < a.Length; j++) worst = MathF.Max(worst, MathF.Abs(a[j] - b[j]) / MathF.Max(1e-3f, MathF.Abs(b[j])));
                    visible++;
                }
            }
            Assert.True(expected == f.TileCount[i], $"Gaussian {i}: {f.TileCount[i]} tiles, reference {expected}");
            if (expected > 0)
            {
                keys++;
                int c = i / chunk;
                Assert.Contains(i, f.Ids.AsSpan(c * chunk, f.ChunkVisible[c]).ToArray());
            }
        }
        Assert.Equal(keys, Enumerable.Range(0, (n + chunk - 1) / chunk).Sum(c => f.ChunkVisible[c]));
        Assert.InRange(visible, n / 10, n * 9 / 10); // the scene exercises both culled and drawn splats
        Assert.Equal(0, f.TileCount[17]);
        Console.WriteLine($"SH {shDegree}: {visible} visible, worst relative difference {worst:g3}");
    }
}
