using System.Numerics;
using C3V.Actors;
using C3V.Common;
using C3V.Projects;
using C3V.Splats;

namespace C3V.Tests.Projects;

public sealed class ActorAssetTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-actor-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static SkinnedCloud Sample()
    {
        var c = new GaussianCloud(5, 1);
        for (int i = 0; i < 5; i++) { c.SetPosition(i, new Vector3(i, 2 * i, -i)); c.Opacity[i] = i - 2; c.Sh[i * 12 + 5] = 0.25f * i; }
        return SkinnedCloud.Rigid(c, Skeleton.CreateHuman(1.6f), Skeleton.Head);
    }

    [Fact]
    public void RoundTrips_CloudSkeletonAndWeights()
    {
        var a = Sample();
        var path = Path.Combine(_dir, "actor-a.c3va");
        ActorAsset.Save(a, path);
        var b = ActorAsset.Load(path);
        Assert.Equal(a.Rest.X, b.Rest.X);
        Assert.Equal(a.Rest.Sh, b.Rest.Sh);
        Assert.Equal(a.Rest.Opacity, b.Rest.Opacity);
        Assert.Equal(a.Skeleton.Offsets, b.Skeleton.Offsets);
        Assert.Equal(a.Skeleton.Height, b.Skeleton.Height);
        for (int k = 0; k < SkinnedCloud.MaxInfluences; k++) { Assert.Equal(a.Bones[k], b.Bones[k]); Assert.Equal(a.Weights[k], b.Weights[k]); }
    }

    [Fact]
    public void TruncatedOrForeignFiles_AreNamedErrors()
    {
        var path = Path.Combine(_dir, "actor-a.c3va");
        ActorAsset.Save(Sample(), path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^7]);
        Assert.Contains("truncated or corrupt", Assert.Throws<InvalidFileException>(() => ActorAsset.Load(path)).Message);
        File.WriteAllText(path, "ply\nformat ascii 1.0\n");
        Assert.Contains("not a c3v actor file", Assert.Throws<InvalidFileException>(() => ActorAsset.Load(path)).Message);
        Assert.Contains("file not found", Assert.Throws<InvalidFileException>(() => ActorAsset.Load(Path.Combine(_dir, "none.c3va"))).Message);
    }
}
