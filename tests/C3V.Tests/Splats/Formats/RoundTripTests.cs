using System.Numerics;
using C3V.Splats;
using C3V.Splats.Formats;
using CsCheck;

namespace C3V.Tests.Splats.Formats;

/// <summary>Property tests: random clouds survive every format within that format's documented quantisation.</summary>
public class RoundTripTests
{
    /// <summary>Values inside every format's representable range (see docs/formats.md).</summary>
    internal static GaussianCloud Cloud(int n, int degree, int seed, float extent = 100f)
    {
        var rng = new Random(seed);
        float U(float a, float b) => a + (float)rng.NextDouble() * (b - a);
        var c = new GaussianCloud(n, degree);
        for (int i = 0; i < n; i++)
        {
            c.SetPosition(i, new Vector3(U(-extent, extent), U(-extent, extent), U(-extent, extent)));
            c.SetLogScale(i, new Vector3(U(-9.5f, 5.5f), U(-9.5f, 5.5f), U(-9.5f, 5.5f)));
            c.SetRotation(i, Quaternion.Normalize(new Quaternion(U(-1, 1), U(-1, 1), U(-1, 1), U(-1, 1))) * U(0.5f, 2f));
            c.Opacity[i] = U(-5, 5);
            var sh = c.ShOf(i);
            for (int k = 0; k < 3; k++) sh[k] = U(-1.7f, 1.7f);
            for (int k = 3; k < sh.Length; k++) sh[k] = U(-0.95f, 0.95f);
        }
        return c;
    }

    static readonly Gen<(int N, int Degree, int Seed)> Clouds = Gen.Select(Gen.Int[1, 40], Gen.Int[0, 3], Gen.Int);

    internal static GaussianCloud RoundTrip(GaussianCloud c, SplatFormat format, string extension, SplatWriteOptions? options = null)
    {
        var ms = new MemoryStream();
        SplatFile.Write(ms, c, format, options);
        ms.Position = 0;
        return SplatFile.Read(ms, "roundtrip" + extension, ms.Length).Cloud;
    }

    [Fact]
    public void Ply_IsLossless()
    {
        Clouds.Sample(t =>
        {
            var c = Cloud(t.N, t.Degree, t.Seed);
            var back = RoundTrip(c, SplatFormat.Ply, ".ply");
            Assert.Equal(c.ShDegree, back.ShDegree);
            Assert.Equal(c.X, back.X);
            Assert.Equal(c.ScaleZ, back.ScaleZ);
            Assert.Equal(c.Opacity, back.Opacity);
            Assert.Equal(c.Sh, back.Sh);
            CloudComparer.AssertClose(c, back, Tolerance.Exact);
        }, iter: 40);
    }

    [Fact]
    public void Splat_KeepsValuesWithinByteQuantisation()
    {
        Clouds.Sample(t =>
        {
            var c = Cloud(t.N, t.Degree, t.Seed);
            var back = RoundTrip(c, SplatFormat.Splat, ".splat");
            Assert.Equal(0, back.ShDegree);
            CloudComparer.AssertClose(c, back, ReferenceFileTests.SplatTolerance);
        }, iter: 40);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Spz_KeepsValuesWithinTheReferenceQuantisation(int version)
    {
        Clouds.Sample(t =>
        {
            var c = Cloud(t.N, t.Degree, t.Seed);
            var back = RoundTrip(c, SplatFormat.Spz, ".spz", new SplatWriteOptions { SpzVersion = version });
            Assert.Equal(c.ShDegree, back.ShDegree);
            CloudComparer.AssertClose(c, back, ReferenceFileTests.SpzTolerance(version));
        }, iter: 30);
    }

    [Fact]
    public void Spz_ReducesFractionalBitsForLargeScenesInsteadOfOverflowing()
    {
        var c = Cloud(50, 0, 7, extent: 5000f); // the reference's 12 bits overflow past ±2048 m
        var ms = new MemoryStream();
        SplatFile.Write(ms, c, SplatFormat.Spz);
        ms.Position = 0;
        var (back, info) = SplatFile.Read(ms, "big.spz", ms.Length);
        Assert.Contains("10 fractional bits", info.Variant);
        CloudComparer.AssertClose(c, back, ReferenceFileTests.SpzTolerance(3, fractionalBits: 10));
    }

    [Fact]
    public void Spz_AxisChangeSignsMatchARotationAndTheReferenceTable()
    {
        // The reference's RUB ↔ RDF sign table for SH bands 1–3 (load-spz / splat-types: y, z, x, xy, yz, 1,
        // xz, 1, y, xyz, y, z, x, z, x with x = 1, y = z = −1) ...
        float[] reference = [-1, -1, 1, -1, 1, 1, -1, 1, -1, 1, -1, -1, 1, -1, 1];
        Assert.Equal(reference, Spz.ShFlip);
        // ... and the same change done as an exact 180° rotation about x (ShRotation).
        var c = Cloud(5, 3, 11);
        var turned = c.Clone();
        turned.Transform(new RigidTransform(Quaternion.CreateFromAxisAngle(Vector3.UnitX, MathF.PI), Vector3.Zero));
        for (int i = 0; i < c.Count; i++)
            for (int k = 1; k < 16; k++)
                for (int ch = 0; ch < 3; ch++)
                    Assert.Equal(c.ShOf(i)[k * 3 + ch] * reference[k - 1], turned.ShOf(i)[k * 3 + ch], 1e-4f);
    }

    [Fact]
    public void Ply_ReadsAsciiBigEndianAnyOrderAndExtraProperties()
    {
        var c = Cloud(25, 2, 5);
        foreach (var encoding in new[] { "ascii", "binary_big_endian", "binary_little_endian" })
        {
            byte[] bytes = PlyBuilder.Build(c, encoding, shuffleSeed: 9, extras: true);
            var (back, info) = SplatFile.Read(new MemoryStream(bytes), "odd.ply", bytes.Length);
            Assert.Equal(SplatFormat.Ply, info.Format);
            CloudComparer.AssertClose(c, back, encoding == "ascii" ? Tolerance.Exact with { Position = 1e-5f, LogScale = 1e-5f, Dc = 1e-5f, ShBand1 = 1e-5f, ShHigher = 1e-5f } : Tolerance.Exact, what: encoding);
        }
    }

    [SkippableFact]
    public void Garden_ReadsAndSurvivesEveryFormat()
    {
        string path = SharedData.RequireFile("bench/garden.ply");
        var (garden, info) = SplatFile.ReadWithInfo(path);
        Assert.Equal(111_785, garden.Count);
        Assert.Equal(0, garden.ShDegree);
        Assert.Equal("INRIA 3DGS PLY, binary little-endian", info.Variant);
        var (min, max) = garden.Bounds();
        Assert.InRange(min.X, -2.0001f, -1.99f);
        Assert.InRange(max.Z, 1.09f, 1.0931f);
        // garden's opacities reach 3.7e-5 and 0.99999: the byte formats clamp them to a 1/255 step, as documented
        CloudComparer.AssertClose(garden, RoundTrip(garden, SplatFormat.Spz, ".spz"), ReferenceFileTests.SpzTolerance(3), what: "garden spz");
        CloudComparer.AssertClose(garden, RoundTrip(garden, SplatFormat.Splat, ".splat"), ReferenceFileTests.SplatTolerance, what: "garden splat");
        CloudComparer.AssertClose(garden, RoundTrip(garden, SplatFormat.Ply, ".ply"), Tolerance.Exact, what: "garden ply");
    }
}

/// <summary>Builds PLY files of unusual shape (ascii, big-endian, shuffled properties, extra properties) for tests.</summary>
internal static class PlyBuilder
{
    public static byte[] Build(GaussianCloud c, string encoding, int shuffleSeed, bool extras)
    {
        int k = c.ShCoeffCount;
        var props = new List<(string Name, string Type, Func<int, double> Value)>
        {
            ("x", "float", i => c.X[i]), ("y", "float", i => c.Y[i]), ("z", "float", i => c.Z[i]),
            ("opacity", "float", i => c.Opacity[i]),
            ("scale_0", "float", i => c.ScaleX[i]), ("scale_1", "float", i => c.ScaleY[i]), ("scale_2", "float", i => c.ScaleZ[i]),
            ("rot_0", "float", i => c.RotW[i]), ("rot_1", "float", i => c.RotX[i]), ("rot_2", "float", i => c.RotY[i]), ("rot_3", "float", i => c.RotZ[i]),
        };
        for (int ch = 0; ch < 3; ch++) { int cc = ch; props.Add(($"f_dc_{ch}", "float", i => c.ShOf(i)[cc])); }
        for (int j = 0; j < 3 * (k - 1); j++)
        {
            int channel = j / (k - 1), coeff = 1 + j % (k - 1);
            props.Add(($"f_rest_{j}", "float", i => c.ShOf(i)[coeff * 3 + channel]));
        }
        if (extras)
        {
            props.Add(("red", "uchar", i => i % 256));
            props.Add(("confidence", "double", i => i * 0.5));
            props.Add(("segment", "short", i => -i));
        }
        var rng = new Random(shuffleSeed);
        props = props.OrderBy(_ => rng.Next()).ToList();
        var header = new System.Text.StringBuilder($"ply\nformat {encoding} 1.0\ncomment test file\nelement vertex {c.Count}\n");
        foreach (var p in props) header.Append($"property {p.Type} {p.Name}\n");
        header.Append("end_header\n");
        var ms = new MemoryStream();
        ms.Write(System.Text.Encoding.ASCII.GetBytes(header.ToString()));
        for (int i = 0; i < c.Count; i++)
        {
            if (encoding == "ascii")
            {
                var line = string.Join(' ', props.Select(p => p.Type == "float" ? ((float)p.Value(i)).ToString("R", System.Globalization.CultureInfo.InvariantCulture) : p.Value(i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                ms.Write(System.Text.Encoding.ASCII.GetBytes(line + "\n"));
                continue;
            }
            foreach (var p in props)
            {
                byte[] b = p.Type switch
                {
                    "float" => BitConverter.GetBytes((float)p.Value(i)),
                    "double" => BitConverter.GetBytes(p.Value(i)),
                    "short" => BitConverter.GetBytes((short)p.Value(i)),
                    _ => [(byte)p.Value(i)],
                };
                if (encoding == "binary_big_endian") Array.Reverse(b);
                ms.Write(b);
            }
        }
        return ms.ToArray();
    }
}
