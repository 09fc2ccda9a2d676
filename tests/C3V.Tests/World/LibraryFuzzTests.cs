using System.Text;
using C3V.World;
using Xunit.Abstractions;

namespace C3V.Tests.World;

/// <summary>
/// Mutation fuzzing of a library's index, library.json (see <see cref="Fuzz"/>), over a folder holding a real
/// scene and a real motion: the library loads (bad entries set aside as problems) with every kept entry usable —
/// a finite positive scale, a path inside the folder, a file that `library list` reads or marks broken — or is
/// refused with a <see cref="C3V.Common.C3VException"/>.
/// </summary>
public sealed class LibraryFuzzTests(ITestOutputHelper output) : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-fuzz-lib-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    const string Seed = """
        {"version": 1, "entries": [
          {"file": "a.ply", "kind": "scene", "description": "a garden with a table", "tags": ["garden", "outdoor"], "units": "cm", "upAxis": "z", "scale": 2},
          {"file": "b.bvh", "kind": "motion", "description": "a walk", "tags": ["walk"], "units": "metres", "upAxis": "y", "scale": 1}
        ]}
        """;

    void Load(string manifest)
    {
        File.WriteAllText(Path.Combine(_dir, AssetLibrary.ManifestName), manifest);
        var lib = AssetLibrary.Load(_dir);
        foreach (var e in lib.Entries)
        {
            Assert.True(float.IsFinite(e.MetresPerUnit) && e.MetresPerUnit > 0, $"{e.File}: {e.MetresPerUnit} metres per unit");
            Assert.StartsWith(_dir, lib.PathOf(e));
            AssetCheck.Problem(lib.PathOf(e), e.Kind);
        }
    }

    [Fact]
    public void StructurallyMutatedLibraryJson_LoadsOrIsRefusedCleanly()
    {
        AssetLibraryTests.WriteAssets(_dir);
        Load(Seed);
        var r = Fuzz.Run(Fuzz.Json, m => Load(Fuzz.Apply(Seed, m)), Fuzz.Iterations(300));
        output.WriteLine($"fuzz library.json (structure): {r.Cases} cases, {r.Refused} refused, {r.Cases - r.Refused} loaded");
    }

    [Fact]
    public void ByteMutatedLibraryJson_LoadsOrIsRefusedCleanly()
    {
        AssetLibraryTests.WriteAssets(_dir);
        var seed = Encoding.UTF8.GetBytes(Seed);
        var r = Fuzz.Run(Fuzz.Bytes, m => Load(Encoding.UTF8.GetString(Fuzz.Apply(seed, m))), Fuzz.Iterations(300));
        output.WriteLine($"fuzz library.json (bytes): {r.Cases} cases, {r.Refused} refused, {r.Cases - r.Refused} loaded");
    }

    /// <summary>Found by the fuzzing: a key given twice crashed the first lookup; a scale beyond float's range became infinity.</summary>
    [Fact]
    public void DuplicateKeysAndAnOutOfRangeScale_AreNamed()
    {
        AssetLibraryTests.WriteAssets(_dir);
        string manifest = Path.Combine(_dir, AssetLibrary.ManifestName);
        File.WriteAllText(manifest, """{"entries": [{"file": "a.ply", "kind": "scene", "description": "x", "tags": [], "tags": ["y"]}]}""");
        Assert.Contains("not valid JSON", Assert.Throws<C3V.Common.InvalidFileException>(() => AssetLibrary.Load(_dir)).Message);

        File.WriteAllText(manifest, """{"entries": [{"file": "a.ply", "kind": "scene", "description": "x", "scale": 1e300}]}""");
        var lib = AssetLibrary.Load(_dir);
        Assert.Empty(lib.Entries);
        Assert.Contains("\"scale\" must be a positive number", Assert.Single(lib.Problems));
    }
}
