using System.Numerics;
using C3V.Actors;
using C3V.Projects;
using C3V.Splats;
using Xunit.Abstractions;

namespace C3V.Tests.Projects;

/// <summary>
/// Mutation fuzzing of a project's actor files, <c>.c3va</c> (see <see cref="Fuzz"/>): a damaged file loads into
/// a skinned actor whose positions, weights and skeleton are finite, or is
/// refused with a <see cref="C3V.Common.C3VException"/>.
/// </summary>
public sealed class ActorAssetFuzzTests(ITestOutputHelper output) : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-fuzz-c3va-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static SkinnedCloud Sample()
    {
        var c = new GaussianCloud(6, 1);
        for (int i = 0; i < 6; i++) { c.SetPosition(i, new Vector3(0.1f * i, 0.3f * i, -0.05f * i)); c.Opacity[i] = i - 2; c.ScaleX[i] = -4; }
        return SkinnedCloud.Rigid(c, Skeleton.CreateHuman(1.6f), Skeleton.Head);
    }

    void Load(byte[] bytes)
    {
        string path = Path.Combine(_dir, "actor-a" + ActorAsset.Extension);
        File.WriteAllBytes(path, bytes);
        var actor = ActorAsset.Load(path);
        Assert.True(float.IsFinite(actor.Skeleton.Height) && actor.Skeleton.Height > 0, $"height {actor.Skeleton.Height}");
        Assert.All(actor.Skeleton.Offsets, o => Assert.True(float.IsFinite(o.X + o.Y + o.Z)));
        for (int i = 0; i < actor.Count; i++) Assert.True(float.IsFinite(actor.Rest.X[i] + actor.Rest.Y[i] + actor.Rest.Z[i]), $"Gaussian {i}");
        for (int k = 0; k < SkinnedCloud.MaxInfluences; k++)
            Assert.All(actor.Weights[k], w => Assert.True(float.IsFinite(w)));
    }

    [Fact]
    public void MutatedActorFiles_LoadOrAreRefusedCleanly()
    {
        string path = Path.Combine(_dir, "seed" + ActorAsset.Extension);
        ActorAsset.Save(Sample(), path);
        var seed = File.ReadAllBytes(path);
        Load(seed);
        var r = Fuzz.Run(Fuzz.Bytes, m => Load(Fuzz.Apply(seed, m)), Fuzz.Iterations(300));
        output.WriteLine($"fuzz .c3va: {r.Cases} cases, {r.Refused} refused with a clear error, {r.Cases - r.Refused} loaded");
    }

    /// <summary>Found by the fuzzing: a damaged skeleton height, offset, position or weight was loaded as it stood.</summary>
    [Theory]
    [InlineData("height", -2e11f, "skeleton height")]
    [InlineData("height", float.NaN, "skeleton height")]
    [InlineData("offset", float.PositiveInfinity, "skeleton offset is not finite")]
    [InlineData("x", float.NaN, "position is not finite")]
    [InlineData("weight", float.NaN, "weight is not finite")]
    public void DamagedValues_AreRefusedByName(string field, float value, string expected)
    {
        string path = Path.Combine(_dir, "a" + ActorAsset.Extension);
        var actor = Sample();
        ActorAsset.Save(actor, path);
        var bytes = File.ReadAllBytes(path);
        int offsets = 16, height = offsets + Skeleton.JointCount * 12, x = height + 4;
        int weights0 = x + 4 * actor.Count * (11 + 3 * (actor.Rest.ShDegree + 1) * (actor.Rest.ShDegree + 1)) + 4 * actor.Count;
        int at = field switch { "height" => height, "offset" => offsets + 4, "x" => x + 8, _ => weights0 + 4 };
        BitConverter.GetBytes(value).CopyTo(bytes, at);
        File.WriteAllBytes(path, bytes);
        Assert.Contains(expected, Assert.Throws<C3V.Common.InvalidFileException>(() => ActorAsset.Load(path)).Message);
    }
}
