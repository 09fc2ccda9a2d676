using System.IO.Compression;
using System.Text;
using CsCheck;
using C3V.Splats;
using C3V.Splats.Formats;
using Xunit.Abstractions;

namespace C3V.Tests.Splats.Formats;

/// <summary>
/// Mutation fuzzing of every splat format the project reads (see <see cref="Fuzz"/>): a damaged file is read into
/// a cloud of finite values or refused with a <see cref="C3V.Common.C3VException"/>, and a refused file leaves
/// nothing behind where a conversion would have written.
/// </summary>
public sealed class SplatFuzzTests(ITestOutputHelper output) : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-fuzz-splat-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static byte[] Seed(SplatFormat format, int degree, SplatWriteOptions? options = null)
    {
        using var ms = new MemoryStream();
        SplatFile.Write(ms, RoundTripTests.Cloud(12, degree, 5, 3f), format, options);
        return ms.ToArray();
    }

    /// <summary>An ascii INRIA PLY of two splats (no writer makes ascii, so it is spelled out).</summary>
    static byte[] AsciiPly()
    {
        var props = new[] { "x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3" };
        var sb = new StringBuilder("ply\nformat ascii 1.0\nelement vertex 2\n");
        foreach (var p in props) sb.Append($"property float {p}\n");
        sb.Append("end_header\n");
        sb.Append("0.5 1 -2 0 0 0 0.1 0.2 0.3 1.5 -3 -3.5 -4 1 0 0 0\n");
        sb.Append("-1 0.25 3 0 0 0 -0.5 0.7 0 -2 -2 -2 -2 0.7 0.7 0 0\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    static void CheckRead(byte[] bytes, string name)
    {
        var cloud = SplatFile.Read(new MemoryStream(bytes), name, bytes.Length).Cloud;
        for (int i = 0; i < cloud.Count; i++)
            Assert.True(float.IsFinite(cloud.X[i] + cloud.Y[i] + cloud.Z[i] + cloud.ScaleX[i] + cloud.RotW[i]), $"splat {i} is not finite");
    }

    void Report(string format, (int Cases, int Refused) r) =>
        output.WriteLine($"fuzz {format}: {r.Cases} cases, {r.Refused} refused with a clear error, {r.Cases - r.Refused} read as valid");

    [Theory]
    [InlineData("ply-binary", 0)]
    [InlineData("ply-binary-sh3", 3)]
    [InlineData("splat", 0)]
    [InlineData("spz-v3", 2)]
    [InlineData("spz-v4", 1)]
    public void MutatedFiles_ReadOrAreRefusedCleanly(string format, int degree)
    {
        var (seed, name) = format switch
        {
            "splat" => (Seed(SplatFormat.Splat, 0), "f.splat"),
            "spz-v3" => (Seed(SplatFormat.Spz, degree), "f.spz"),
            "spz-v4" => (Seed(SplatFormat.Spz, degree, new SplatWriteOptions { SpzVersion = 4 }), "f.spz"),
            _ => (Seed(SplatFormat.Ply, degree), "f.ply"),
        };
        CheckRead(seed, name);
        Report(format, Fuzz.Run(Fuzz.Bytes, m => CheckRead(Fuzz.Apply(seed, m), name), Fuzz.Iterations(300)));
    }

    [Fact]
    public void MutatedAsciiPly_ReadsOrIsRefusedCleanly()
    {
        var seed = AsciiPly();
        CheckRead(seed, "a.ply");
        Report("ply-ascii", Fuzz.Run(Fuzz.Bytes, m => CheckRead(Fuzz.Apply(seed, m), "a.ply"), Fuzz.Iterations(300)));
    }

    /// <summary>PlayCanvas compressed PLY as splat-transform writes it (the reference fixtures, with and without an sh element).</summary>
    [Theory]
    [InlineData("source.st.compressed.ply")]
    [InlineData("source.st-deg0.compressed.ply")]
    public void MutatedCompressedPly_ReadsOrIsRefusedCleanly(string fixture)
    {
        var seed = File.ReadAllBytes(ReferenceFileTests.Fixture(fixture));
        CheckRead(seed, "c.compressed.ply");
        Report($"compressed-ply ({fixture})", Fuzz.Run(Fuzz.Bytes, m => CheckRead(Fuzz.Apply(seed, m), "c.compressed.ply"), Fuzz.Iterations(300)));
    }

    /// <summary>SPZ v3 damaged inside its gzip stream (header counts, SH degree, packed fields), then recompressed: the reader sees a sound gzip of wrong content.</summary>
    [Fact]
    public void MutatedSpzPayload_ReadsOrIsRefusedCleanly()
    {
        var seed = Seed(SplatFormat.Spz, 1);
        using var inflated = new MemoryStream();
        using (var gz = new GZipStream(new MemoryStream(seed), CompressionMode.Decompress)) gz.CopyTo(inflated);
        var payload = inflated.ToArray();
        Report("spz-v3-payload", Fuzz.Run(Fuzz.Bytes, m =>
        {
            using var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(Fuzz.Apply(payload, m));
            CheckRead(ms.ToArray(), "p.spz");
        }, Fuzz.Iterations(300)));
    }

    /// <summary>Through the file API as `convert` uses it: a refused input leaves no output and no temporary file.</summary>
    [Fact]
    public void ARefusedFile_LeavesNoOutput()
    {
        var seed = Seed(SplatFormat.Ply, 1);
        string input = Path.Combine(_dir, "in.ply"), target = Path.Combine(_dir, "out.spz");
        Report("ply-convert", Fuzz.Run(Fuzz.Bytes, m =>
        {
            File.WriteAllBytes(input, Fuzz.Apply(seed, m));
            try { SplatFile.Write(target, SplatFile.Read(input)); }
            catch (C3V.Common.C3VException)
            {
                Assert.False(File.Exists(target));
                Assert.Single(Directory.GetFiles(_dir));
                throw;
            }
            File.Delete(target);
        }, Fuzz.Iterations(100)));
    }
}
