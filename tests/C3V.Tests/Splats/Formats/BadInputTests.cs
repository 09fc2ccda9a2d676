using System.Text;
using C3V.Common;
using C3V.Splats;
using C3V.Splats.Formats;

namespace C3V.Tests.Splats.Formats;

/// <summary>Damaged and hostile files: one clear InvalidFileException naming the file, never anything else.</summary>
public class BadInputTests
{
    static InvalidFileException Fails(byte[] bytes, string name)
    {
        var e = Assert.Throws<InvalidFileException>(() => SplatFile.Read(new MemoryStream(bytes), name, bytes.Length));
        Assert.StartsWith(name + ": ", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        return e;
    }

    static byte[] Bytes(GaussianCloud c, SplatFormat f, int spzVersion = 3)
    {
        var ms = new MemoryStream();
        SplatFile.Write(ms, c, f, new SplatWriteOptions { SpzVersion = spzVersion });
        return ms.ToArray();
    }

    static readonly GaussianCloud Small = RoundTripTests.Cloud(40, 2, 1);

    [Theory]
    [InlineData(SplatFormat.Ply, ".ply", 3)]
    [InlineData(SplatFormat.Splat, ".splat", 3)]
    [InlineData(SplatFormat.Spz, ".spz", 3)]
    [InlineData(SplatFormat.Spz, ".spz", 4)]
    public void Truncated_SaysTruncated(SplatFormat format, string ext, int version)
    {
        byte[] full = Bytes(Small, format, version);
        foreach (int keep in new[] { full.Length - 1, full.Length / 2 - 5, full.Length * 9 / 10 - 3 })
        {
            var e = Fails(full[..keep], "cut" + ext);
            Assert.Matches("truncated|multiple of 32|corrupt|extends past", e.Message);
        }
    }

    [Fact]
    public void TruncatedCompressedPly_SaysTruncated()
    {
        byte[] full = File.ReadAllBytes(ReferenceFileTests.Fixture("source.st.compressed.ply"));
        Assert.Contains("truncated", Fails(full[..(full.Length - 100)], "c.compressed.ply").Message);
    }

    [Fact]
    public void OversizedCount_FailsBeforeAllocating()
    {
        byte[] ply = Bytes(Small, SplatFormat.Ply);
        string text = Encoding.ASCII.GetString(ply).Replace("element vertex 40\n", "element vertex 2000000000\n");
        Assert.Contains("2000000000 vertex records", Fails(Encoding.ASCII.GetBytes(text), "huge.ply").Message);

        // SPZ: patch the count inside the gzip payload
        var payload = Gunzip(Bytes(Small, SplatFormat.Spz));
        BitConverter.GetBytes(1_500_000_000).CopyTo(payload, 8);
        Assert.Contains("1500000000 splats", Fails(Gzip(payload), "huge.spz").Message);

        byte[] v4 = Bytes(Small, SplatFormat.Spz, 4);
        BitConverter.GetBytes(1_500_000_000).CopyTo(v4, 8);
        Assert.Contains("1500000000 splats", Fails(v4, "huge4.spz").Message);
    }

    [Fact]
    public void NaNFilled_IsAnErrorUnlessAskedToDrop()
    {
        var c = Small.Clone();
        c.X[7] = float.NaN;
        c.Opacity[12] = float.PositiveInfinity;
        // our writers refuse such clouds, so build the file the way a broken trainer would
        byte[] ply = PlyBuilder.Build(c, "binary_little_endian", shuffleSeed: 1, extras: false);
        var e = Fails(ply, "nan.ply");
        Assert.Contains("splat 7 has a non-finite x", e.Message);
        var (cloud, info) = SplatFile.Read(new MemoryStream(ply), "nan.ply", ply.Length, new SplatReadOptions { DropNonFinite = true });
        Assert.Equal(38, cloud.Count);
        Assert.Equal(2, info.DroppedNonFinite);

        byte[] allNaN = Bytes(Small, SplatFormat.Splat);
        for (int i = 0; i < allNaN.Length; i += 4) BitConverter.GetBytes(float.NaN).CopyTo(allNaN, i);
        Assert.Contains("not finite", Fails(allNaN, "nan.splat").Message);
    }

    [Fact]
    public void WrongMagic_NamesTheExpectedFormat()
    {
        byte[] ply = Bytes(Small, SplatFormat.Ply);
        ply[2] = (byte)'x';
        Assert.Contains("not a PLY file", Fails(ply, "bad.ply").Message);
        byte[] spz = Bytes(Small, SplatFormat.Spz);
        var payload = Gunzip(spz);
        payload[0] ^= 0xff;
        Assert.Contains("not an SPZ file (magic", Fails(Gzip(payload), "bad.spz").Message);
        Assert.Contains("not an SPZ file", Fails(Encoding.ASCII.GetBytes("hello world, not a splat"), "text.spz").Message);
        Assert.Contains("unrecognised splat file", Fails([1, 2, 3, 4, 5], "what.bin").Message);
        Assert.Contains("empty file", Fails([], "empty.ply").Message);
    }

    [Fact]
    public void MissingProperty_IsNamed()
    {
        string text = Encoding.ASCII.GetString(Bytes(Small, SplatFormat.Ply)).Replace("property float opacity\n", "property float opacitx\n");
        Assert.Contains("lacks property 'opacity'", Fails(Encoding.ASCII.GetBytes(text), "noopacity.ply").Message);
        string rest = Encoding.ASCII.GetString(Bytes(Small, SplatFormat.Ply)).Replace("property float f_rest_3\n", "property float f_rest_x\n");
        Assert.Contains("f_rest", Fails(Encoding.ASCII.GetBytes(rest), "rest.ply").Message);
        string noVertex = "ply\nformat binary_little_endian 1.0\nelement face 0\nproperty list uchar int vertex_indices\nend_header\n";
        Assert.Contains("no 'vertex' element", Fails(Encoding.ASCII.GetBytes(noVertex), "mesh.ply").Message);
    }

    [Fact]
    public void RandomBytes_AreRejectedForEveryExtension()
    {
        var rng = new Random(4);
        foreach (var ext in new[] { ".ply", ".spz", ".splat", ".compressed.ply", ".bin" })
            for (int n = 0; n < 20; n++)
            {
                var bytes = new byte[32 * rng.Next(1, 200)];
                rng.NextBytes(bytes);
                Fails(bytes, "random" + ext);
            }
    }

    /// <summary>
    /// Fuzzing: valid files of every format with bytes flipped, runs overwritten, cut or extended. Each
    /// must read as a clean error or as a valid cloud (all values finite) — never any other exception.
    /// </summary>
    [Fact]
    public void MutatedFiles_GiveACleanErrorOrAValidCloud()
    {
        var sources = new (string Name, byte[] Bytes)[]
        {
            ("m.ply", Bytes(Small, SplatFormat.Ply)),
            ("m.splat", Bytes(Small, SplatFormat.Splat)),
            ("m2.spz", Bytes(Small, SplatFormat.Spz, 2)),
            ("m3.spz", Bytes(Small, SplatFormat.Spz, 3)),
            ("m4.spz", Bytes(Small, SplatFormat.Spz, 4)),
            ("m.compressed.ply", File.ReadAllBytes(ReferenceFileTests.Fixture("source.st.compressed.ply"))),
            ("ascii.ply", PlyBuilder.Build(RoundTripTests.Cloud(5, 1, 2), "ascii", 3, extras: true)),
        };
        var rng = new Random(12345);
        int errors = 0, clouds = 0;
        foreach (var (name, original) in sources)
            for (int trial = 0; trial < 150; trial++)
            {
                byte[] b = Mutate(original, rng);
                try
                {
                    var (cloud, _) = SplatFile.Read(new MemoryStream(b), name, b.Length);
                    Assert.Null(SplatFile.FirstNonFinite(cloud));
                    clouds++;
                }
                catch (InvalidFileException e)
                {
                    Assert.StartsWith(name + ": ", e.Message);
                    errors++;
                }
            }
        Assert.True(errors > 100 && clouds > 100, $"{errors} errors, {clouds} clouds: the mutations should produce both");
    }

    static byte[] Mutate(byte[] original, Random rng)
    {
        var b = (byte[])original.Clone();
        switch (rng.Next(5))
        {
            case 0: // flip a few bytes anywhere
                for (int k = rng.Next(1, 4); k > 0; k--) b[rng.Next(b.Length)] ^= (byte)rng.Next(1, 256);
                break;
            case 1: // flip a byte in the first 300 (headers)
                b[rng.Next(Math.Min(300, b.Length))] = (byte)rng.Next(256);
                break;
            case 2: // cut
                b = b[..rng.Next(b.Length)];
                break;
            case 3: // overwrite a run with random bytes
                int at = rng.Next(b.Length), n = Math.Min(b.Length - at, rng.Next(1, 64));
                rng.NextBytes(b.AsSpan(at, n));
                break;
            default: // append garbage
                var tail = new byte[rng.Next(1, 100)];
                rng.NextBytes(tail);
                b = [.. b, .. tail];
                break;
        }
        return b;
    }

    static byte[] Gunzip(byte[] b)
    {
        using var gz = new System.IO.Compression.GZipStream(new MemoryStream(b), System.IO.Compression.CompressionMode.Decompress);
        var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }

    static byte[] Gzip(byte[] b)
    {
        var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) gz.Write(b);
        return ms.ToArray();
    }

    [Fact]
    public void Writers_RefuseNonFiniteCloudsAndLeaveNothingBehind()
    {
        string dir = Directory.CreateTempSubdirectory("c3v-fmt").FullName;
        try
        {
            var c = Small.Clone();
            c.ScaleY[3] = float.NaN;
            string path = Path.Combine(dir, "out.spz");
            var e = Assert.Throws<C3VException>(() => SplatFile.Write(path, c));
            Assert.Contains("splat 3 has a non-finite scale", e.Message);
            Assert.Empty(Directory.GetFiles(dir));
            var far = Small.Clone();
            far.X[0] = 1e8f;
            Assert.Throws<C3VException>(() => SplatFile.Write(path, far));
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, true); }
    }
}
