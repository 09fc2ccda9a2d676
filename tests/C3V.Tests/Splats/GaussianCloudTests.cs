using System.Numerics;
using C3V.Splats;

namespace C3V.Tests.Splats;

public class GaussianCloudTests
{
    internal static GaussianCloud RandomCloud(int n, int degree, int seed)
    {
        var rng = new Random(seed);
        float R(float a, float b) => a + (float)rng.NextDouble() * (b - a);
        var c = new GaussianCloud(n, degree);
        for (int i = 0; i < n; i++)
        {
            c.SetPosition(i, new Vector3(R(-2, 2), R(-2, 2), R(-2, 2)));
            c.SetLogScale(i, new Vector3(R(-5, -1), R(-5, -1), R(-5, -1)));
            c.SetRotation(i, Quaternion.Normalize(new Quaternion(R(-1, 1), R(-1, 1), R(-1, 1), R(-1, 1))));
            c.Opacity[i] = R(-3, 3);
            var sh = c.ShOf(i);
            for (int k = 0; k < sh.Length; k++) sh[k] = R(-1, 1);
        }
        return c;
    }

    static Vector3 Shade(GaussianCloud c, int i, Vector3 dir)
    {
        Span<float> basis = stackalloc float[16];
        SphericalHarmonics.EvalBasis(dir, c.ShDegree, basis);
        var sh = c.ShOf(i);
        var rgb = new Vector3(0.5f);
        for (int k = 0; k < c.ShCoeffCount; k++) rgb += basis[k] * new Vector3(sh[k * 3], sh[k * 3 + 1], sh[k * 3 + 2]);
        return rgb;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Transform_RotatesShSoColourFollowsTheRotatedViewDirection(int degree)
    {
        var cloud = RandomCloud(20, degree, 7);
        var before = cloud.Clone();
        var rot = Quaternion.Normalize(new Quaternion(0.3f, -0.5f, 0.2f, 0.8f));
        cloud.Transform(new RigidTransform(rot, new Vector3(1, 2, 3), 2f));
        var dirs = new[] { Vector3.UnitX, Vector3.Normalize(new Vector3(1, 2, -3)), Vector3.Normalize(new Vector3(-0.2f, 0.1f, 0.9f)) };
        for (int i = 0; i < cloud.Count; i++)
            foreach (var d in dirs)
            {
                // Seen along R·d after the transform = seen along d before it.
                var expected = Shade(before, i, d);
                var actual = Shade(cloud, i, Vector3.Transform(d, rot));
                Assert.True(Vector3.Distance(expected, actual) < 1e-4f, $"degree {degree}, gaussian {i}: {expected} vs {actual}");
            }
    }

    [Fact]
    public void Transform_MovesPositionsRotationsAndScales()
    {
        var cloud = RandomCloud(10, 0, 1);
        var before = cloud.Clone();
        var t = RigidTransform.FromYaw(MathF.PI / 2, new Vector3(0, 1, 0), 3f);
        cloud.Transform(t);
        for (int i = 0; i < cloud.Count; i++)
        {
            var p = before.GetPosition(i);
            // Yaw +90° about Y maps +X to −Z.
            var expected = new Vector3(p.Z, p.Y, -p.X) * 3f + new Vector3(0, 1, 0);
            Assert.True(Vector3.Distance(expected, cloud.GetPosition(i)) < 1e-4f);
            Assert.Equal(before.ScaleX[i] + MathF.Log(3f), cloud.ScaleX[i], 4);
            // The Gaussian's local X axis turns with the cloud.
            var axisBefore = Vector3.Transform(Vector3.UnitX, before.GetRotation(i));
            var axisAfter = Vector3.Transform(Vector3.UnitX, cloud.GetRotation(i));
            var turned = new Vector3(axisBefore.Z, axisBefore.Y, -axisBefore.X);
            Assert.True(Vector3.Distance(turned, axisAfter) < 1e-4f);
        }
    }

    [Fact]
    public void Concat_PadsLowerShDegreeAndKeepsOrder()
    {
        var a = RandomCloud(3, 0, 2);
        var b = RandomCloud(4, 2, 3);
        var c = GaussianCloud.Concat(a, b);
        Assert.Equal(7, c.Count);
        Assert.Equal(2, c.ShDegree);
        Assert.Equal(a.X[2], c.X[2]);
        Assert.Equal(b.X[0], c.X[3]);
        Assert.Equal(a.ShOf(1)[0], c.ShOf(1)[0]);
        Assert.Equal(0f, c.ShOf(1)[3]);
        Assert.Equal(b.ShOf(3).ToArray(), c.ShOf(6).ToArray());
    }

    [Fact]
    public void Subset_WithShDegree_And_Bounds()
    {
        var a = RandomCloud(50, 3, 4);
        var s = a.Subset([4, 2, 4]);
        Assert.Equal(3, s.Count);
        Assert.Equal(a.Y[2], s.Y[1]);
        Assert.Equal(a.ShOf(4).ToArray(), s.ShOf(2).ToArray());
        var lowered = a.WithShDegree(1);
        Assert.Equal(4, lowered.ShCoeffCount);
        Assert.Equal(a.ShOf(9)[..12].ToArray(), lowered.ShOf(9).ToArray());
        var (min, max) = a.Bounds();
        for (int i = 0; i < a.Count; i++)
        {
            Assert.InRange(a.X[i], min.X, max.X);
            Assert.InRange(a.Z[i], min.Z, max.Z);
        }
        a.X[0] = float.NaN;
        var (min2, _) = a.Bounds();
        Assert.True(float.IsFinite(min2.X));
    }

    [Fact]
    public void NormalizeRotations_FixesZeroAndNaN()
    {
        var c = new GaussianCloud(3);
        c.SetRotation(0, new Quaternion(0, 0, 0, 0));
        c.SetRotation(1, new Quaternion(float.NaN, 0, 0, 1));
        c.SetRotation(2, new Quaternion(0, 0, 2, 0));
        c.NormalizeRotations();
        Assert.Equal(Quaternion.Identity, c.GetRotation(0));
        Assert.Equal(Quaternion.Identity, c.GetRotation(1));
        Assert.Equal(1f, c.RotZ[2]);
    }
}
