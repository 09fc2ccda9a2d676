using C3V.Splats;
using C3V.Splats.Formats;

namespace C3V.Tests.Splats.Formats;

/// <summary>
/// Files written by other people's tools from Fixtures/source.ply (see Fixtures/README.md for the exact
/// commands): our reader must decode the values those tools encoded, within each format's quantisation.
/// </summary>
public class ReferenceFileTests
{
    internal static string Fixture(string name) => Path.Combine(SharedData.RepoRoot, "tests", "C3V.Tests", "Splats", "Fixtures", name);
    static readonly GaussianCloud Source = SplatFile.Read(Fixture("source.ply"));

    [Fact]
    public void Source_IsTheDocumentedCloud()
    {
        Assert.Equal(300, Source.Count);
        Assert.Equal(3, Source.ShDegree);
    }

    [Fact]
    public void SplatTransformPly_DecodesToTheSourceValues()
    {
        var (cloud, info) = SplatFile.ReadWithInfo(Fixture("source.st.ply"));
        Assert.Equal(SplatFormat.Ply, info.Format);
        CloudComparer.AssertClose(Source, cloud, Tolerance.Exact, CloudComparer.MatchByPosition(Source, cloud));
    }

    [Theory]
    [InlineData("source.st-v3.spz", 3)]
    [InlineData("source.st-v4.spz", 4)]
    public void SplatTransformSpz_UsesTheReferenceAxesAndQuantisation(string file, int version)
    {
        // splat-transform writes .spz through Niantic's own library (WebAssembly build): RUB on disk.
        var (cloud, info) = SplatFile.ReadWithInfo(Fixture(file));
        Assert.Equal(SplatFormat.Spz, info.Format);
        Assert.StartsWith($"SPZ v{version}", info.Variant);
        CloudComparer.AssertClose(Source, cloud, SpzTolerance(version), what: file);
    }

    [Fact]
    public void SpzJsV2_IsReadWithTheDocumentedAxisDifference()
    {
        // spz-js 1.2.5 writes the .ply frame (RDF) to disk instead of the reference's RUB, so a reader that
        // follows the reference (ours) sees y and z negated: flipping them back must give the source.
        var (cloud, info) = SplatFile.ReadWithInfo(Fixture("source.spzjs.spz"));
        Assert.StartsWith("SPZ v2", info.Variant);
        // The reference's axis change is a 180° turn about x applied to positions and SH, with the splat
        // rotation conjugated (q → r·q·r⁻¹, the same covariance as r·q, which Transform uses).
        var turn = System.Numerics.Quaternion.CreateFromAxisAngle(System.Numerics.Vector3.UnitX, MathF.PI);
        var flipped = cloud.Clone();
        flipped.Transform(new RigidTransform(turn, default));
        for (int i = 0; i < flipped.Count; i++) flipped.SetRotation(i, flipped.GetRotation(i) * System.Numerics.Quaternion.Conjugate(turn));
        CloudComparer.AssertClose(Source, flipped, SpzTolerance(2), what: "spz-js");
        // and unflipped it is clearly not the source
        Assert.NotEqual(Source.Y[0], cloud.Y[0], 0.01f);
    }

    [Theory]
    [InlineData("source.st.compressed.ply", 3)]
    [InlineData("source.st-deg0.compressed.ply", 0)]
    public void SplatTransformCompressedPly_DecodesWithinChunkQuantisation(string file, int degree)
    {
        var (cloud, info) = SplatFile.ReadWithInfo(Fixture(file));
        Assert.Equal(SplatFormat.CompressedPly, info.Format);
        Assert.Equal(degree, cloud.ShDegree);
        var map = CloudComparer.MatchByPosition(Source, cloud); // Morton-reordered
        Assert.NotEqual(Enumerable.Range(0, 300), map);
        // Bounds per chunk of 256: a field quantised to b bits over the chunk's range is within range/(2·(2^b − 1)).
        for (int first = 0; first < cloud.Count; first += 256)
        {
            int n = Math.Min(256, cloud.Count - first);
            var idx = Enumerable.Range(first, n).ToArray();
            var chunk = cloud.Subset(idx);
            var src = Source.Subset(idx.Select(i => map[i]).ToArray()).WithShDegree(degree);
            float Range(float[] a) => a.Max() - a.Min();
            float pos = Math.Max(Range(chunk.X), Math.Max(Range(chunk.Y), Range(chunk.Z))) / (2 * 1023f);
            float scl = Math.Max(Range(chunk.ScaleX), Math.Max(Range(chunk.ScaleY), Range(chunk.ScaleZ))) / (2 * 1023f);
            float dc = Enumerable.Range(0, 3).Max(c => Range(Enumerable.Range(0, n).Select(i => chunk.ShOf(i)[c]).ToArray())) / 510f;
            var tol = new Tolerance(pos, scl, 0.5f / 255, dc, 0.5f / 256 * 8, 0.5f / 256 * 8, 0.005f);
            CloudComparer.AssertClose(src, chunk, tol, what: $"{file} chunk {first / 256}");
        }
    }

    [Fact]
    public void GsplatJsSplat_DecodesToTheSourceWithinByteQuantisation()
    {
        var (cloud, info) = SplatFile.ReadWithInfo(Fixture("source.gsplat.splat"));
        Assert.Equal(SplatFormat.Splat, info.Format);
        CloudComparer.AssertClose(Source.WithShDegree(0), cloud, SplatTolerance, what: "gsplat.js");
    }

    /// <summary>.splat: colour and alpha bytes truncated (error &lt; 1/255 of the activated value), rotation bytes truncated (1/128 a component).</summary>
    internal static readonly Tolerance SplatTolerance = new(0, 1e-5f, 1f / 255, 1f / 255 / GaussianCloud.C0, null, null, 0.035f);

    /// <summary>
    /// .spz (reference quantisation): half a step of each field; SH band 1 in 5-bit buckets, higher bands
    /// 4-bit. v2 rotations: half a step of x, y, z, doubled because when rounding pushes |xyz| past 1 the
    /// rebuilt w is 0 and normalising (which the reference skips) moves x, y, z by up to another half step.
    /// </summary>
    internal static Tolerance SpzTolerance(int version, int fractionalBits = 12) =>
        new(0.5f / (1 << fractionalBits), 0.5f / 16, 0.5f / 255, 0.5f / (0.15f * 255), 4.5f / 128, 8.5f / 128, 0.005f)
        { LogScaleRange = (-10f, 5.9f), RotationXyz = version >= 3 ? null : 1f / 127.5f };

    [Theory]
    [InlineData(3, "source.st-v3.spz")]
    [InlineData(4, "source.st-v4.spz")]
    public void OurSpzWriter_ProducesTheReferenceBytes(int version, string reference)
    {
        // The reference (Niantic's library inside splat-transform) and our writer, same input: the packed
        // payload must be identical byte for byte (v3: inside gzip, whose deflate encoder may differ; v4: the file).
        var ours = new MemoryStream();
        SplatFile.Write(ours, Source, SplatFormat.Spz, new SplatWriteOptions { SpzVersion = version });
        byte[] theirs = File.ReadAllBytes(Fixture(reference));
        Assert.Equal(Payload(theirs, version), Payload(ours.ToArray(), version));
    }

    static byte[] Payload(byte[] file, int version)
    {
        if (version >= 4) return file;
        using var gz = new System.IO.Compression.GZipStream(new MemoryStream(file), System.IO.Compression.CompressionMode.Decompress);
        var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }
}
