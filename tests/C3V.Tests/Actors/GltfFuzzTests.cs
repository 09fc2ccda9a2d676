using CsCheck;
using C3V.Actors;
using Xunit.Abstractions;

namespace C3V.Tests.Actors;

/// <summary>
/// Mutation fuzzing of skinned glTF characters (see <see cref="Fuzz"/>): a damaged GLB (bytes) or .gltf (JSON
/// structure, with its .bin beside it) imports as an actor or is refused with a <see cref="C3V.Common.C3VException"/>.
/// </summary>
public sealed class GltfFuzzTests(ITestOutputHelper output) : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-fuzz-gltf-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Few Gaussians: the fuzz is about reading, not sampling.</summary>
    static readonly GltfImportOptions Small = new() { MaxGaussians = 400, Spacing = 0.05f };

    void Load(string path)
    {
        var actor = GltfActorImporter.Load(path, Small);
        Assert.True(actor.Cloud.Count > 0);
    }

    [Fact]
    public void MutatedGlb_ImportsOrIsRefusedCleanly()
    {
        var seedPath = Path.Combine(_dir, "seed.glb");
        new TestHumanoidGltf().Write(seedPath);
        var seed = File.ReadAllBytes(seedPath);
        Load(seedPath);
        var path = Path.Combine(_dir, "fuzz.glb");
        var r = Fuzz.Run(Fuzz.Bytes, m =>
        {
            File.WriteAllBytes(path, Fuzz.Apply(seed, m));
            Load(path);
        }, Fuzz.Iterations(60));
        output.WriteLine($"fuzz glb: {r.Cases} cases, {r.Refused} refused with a clear error, {r.Cases - r.Refused} imported");
    }

    [Fact]
    public void MutatedGltfJson_ImportsOrIsRefusedCleanly()
    {
        var seedPath = Path.Combine(_dir, "seed.gltf");
        new TestHumanoidGltf().Write(seedPath);
        Load(seedPath);
        var json = File.ReadAllText(seedPath);
        var r = Fuzz.Run(Fuzz.Json, m =>
        {
            File.WriteAllText(seedPath, Fuzz.Apply(json, m));
            Load(seedPath);
        }, Fuzz.Iterations(60));
        output.WriteLine($"fuzz gltf-json: {r.Cases} cases, {r.Refused} refused with a clear error, {r.Cases - r.Refused} imported");
    }
}
