using C3V.Common;
using C3V.World;

namespace C3V.Tests.World;

public class AssetLibraryTests
{
    /// <summary>A real scene (a.ply, 50 splats) and a real motion (b.bvh, a small rig) in <paramref name="d"/>: library add reads them.</summary>
    internal static void WriteAssets(string d)
    {
        C3V.Splats.Formats.SplatFile.Write(Path.Combine(d, "a.ply"), C3V.Tests.Splats.Formats.RoundTripTests.Cloud(50, 0, 1, 1f));
        File.WriteAllText(Path.Combine(d, "b.bvh"), C3V.Tests.Actors.BvhTests.Fixture(C3V.Tests.Actors.BvhTests.Rows(3, C3V.Tests.Actors.BvhTests.Still)));
    }

    static string NewFolder()
    {
        string d = Path.Combine(Path.GetTempPath(), "c3v-lib-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    [Fact]
    public void Bad_entries_are_reported_one_by_one_and_valid_ones_kept()
    {
        string d = NewFolder();
        try
        {
            File.WriteAllText(Path.Combine(d, "garden.ply"), "x");
            File.WriteAllText(Path.Combine(d, "walk.bvh"), "x");
            File.WriteAllText(Path.Combine(d, AssetLibrary.ManifestName), """
            {"version": 1, "entries": [
              {"file": "garden.ply", "kind": "scene", "description": "a garden with a wooden table", "tags": ["garden", "outdoor"], "units": "cm", "upAxis": "z", "scale": 2},
              {"file": "missing.ply", "kind": "scene", "description": "gone"},
              {"file": "walk.bvh", "kind": "dance move", "description": "a walk"},
              {"file": "walk.bvh", "kind": "motion", "description": "a walk", "scale": -1},
              {"file": "walk.bvh", "kind": "motion", "description": "a walk cycle", "units": "parsecs"},
              {"file": "../escape.ply", "kind": "prop", "description": "outside"},
              {"kind": "prop", "description": "no file"},
              42,
              {"file": "walk.bvh", "kind": "motion", "description": "a casual walk", "tags": ["walk"]}
            ]}
            """);
            var lib = AssetLibrary.Load(d);
            Assert.Equal(["garden.ply", "walk.bvh"], lib.Entries.Select(e => e.File));
            Assert.Equal(7, lib.Problems.Count);
            Assert.Contains(lib.Problems, p => p.Contains("entry 1 (missing.ply)") && p.Contains("does not exist"));
            Assert.Contains(lib.Problems, p => p.Contains("entry 2") && p.Contains("\"kind\""));
            Assert.Contains(lib.Problems, p => p.Contains("entry 3") && p.Contains("\"scale\""));
            Assert.Contains(lib.Problems, p => p.Contains("entry 4") && p.Contains("\"units\""));
            Assert.Contains(lib.Problems, p => p.Contains("entry 5") && p.Contains("inside the library"));
            Assert.Contains(lib.Problems, p => p.Contains("entry 6") && p.Contains("\"file\" is missing"));
            Assert.Contains(lib.Problems, p => p.Contains("entry 7") && p.Contains("expected an object"));
            var garden = lib.Entries[0];
            Assert.Equal(0.02f, garden.MetresPerUnit, 5);
            Assert.Equal("z", garden.UpAxis);
        }
        finally { Directory.Delete(d, true); }
    }

    [Fact]
    public void Add_writes_the_manifest_keeps_other_entries_and_refuses_duplicates_without_force()
    {
        string d = NewFolder();
        try
        {
            WriteAssets(d);
            AssetLibrary.Add(d, new AssetEntry("a.ply", AssetKind.Scene, "a beach at dusk", ["beach"]));
            var lib = AssetLibrary.Add(d, new AssetEntry("b.bvh", AssetKind.Motion, "a cartwheel", []));
            Assert.Equal(2, lib.Entries.Count);
            Assert.Throws<C3VException>(() => AssetLibrary.Add(d, new AssetEntry("a.ply", AssetKind.Scene, "other", [])));
            lib = AssetLibrary.Add(d, new AssetEntry("a.ply", AssetKind.Scene, "a beach at night", []), replace: true);
            Assert.Equal("a beach at night", lib.Entries.Single(e => e.File == "a.ply").Description);
            Assert.Throws<C3VException>(() => AssetLibrary.Add(d, new AssetEntry("nope.ply", AssetKind.Scene, "x", [])));
            Assert.Throws<C3VException>(() => AssetLibrary.Load(Path.Combine(d, "no-such-folder")));
            File.WriteAllText(Path.Combine(d, AssetLibrary.ManifestName), "{ not json");
            var e = Assert.Throws<InvalidFileException>(() => AssetLibrary.Load(d));
            Assert.Contains("library.json", e.Message);
        }
        finally { Directory.Delete(d, true); }
    }

    [Fact]
    public void Search_ranks_entries_by_meaning_and_filters_by_kind()
    {
        string d = NewFolder();
        try
        {
            WriteAssets(d);
            AssetLibrary.Add(d, new AssetEntry("a.ply", AssetKind.Scene, "a garden table", ["garden"]));
            var lib = AssetLibrary.Add(d, new AssetEntry("b.bvh", AssetKind.Motion, "a cartwheel", ["gymnastics"]));
            var e = new HashingEmbedder();
            Assert.Equal("a.ply", lib.Search(e, "garden party")[0].Entry.File);
            Assert.Empty(lib.Search(e, "garden", AssetKind.Actor));
            Assert.Equal("b.bvh", lib.Search(e, "garden", AssetKind.Motion).Single().Entry.File);
        }
        finally { Directory.Delete(d, true); }
    }

    [Theory]
    [InlineData("empty.ply", "", AssetKind.Scene, "empty file")]
    [InlineData("garbage.spz", "not a splat file at all", AssetKind.Scene, "not an SPZ file")]
    [InlineData("garbage.bvh", "HIERARCHY\nROOT", AssetKind.Motion, "garbage.bvh")]
    [InlineData("garbage.glb", "glTF", AssetKind.Actor, "garbage.glb")]
    [InlineData("scene.bvh", "b.bvh", AssetKind.Scene, "scene.bvh")]
    public void Add_reads_the_file_and_refuses_one_it_cannot_use(string file, string content, AssetKind kind, string expected)
    {
        string d = NewFolder();
        try
        {
            WriteAssets(d);
            if (content == "b.bvh") File.Copy(Path.Combine(d, "b.bvh"), Path.Combine(d, file));
            else File.WriteAllText(Path.Combine(d, file), content);
            var e = Assert.Throws<C3VException>(() => AssetLibrary.Add(d, new AssetEntry(file, kind, "something", [])));
            Assert.Contains("cannot be used", e.Message);
            Assert.Contains(expected, e.Message);
            Assert.False(File.Exists(Path.Combine(d, AssetLibrary.ManifestName)));
        }
        finally { Directory.Delete(d, true); }
    }

    [Fact]
    public void AssetCheck_marks_a_file_damaged_after_it_was_added()
    {
        string d = NewFolder();
        try
        {
            WriteAssets(d);
            var lib = AssetLibrary.Add(d, new AssetEntry("a.ply", AssetKind.Scene, "a garden", []));
            Assert.Null(AssetCheck.Problem(lib.PathOf(lib.Entries[0]), AssetKind.Scene));
            var bytes = File.ReadAllBytes(Path.Combine(d, "a.ply"));
            File.WriteAllBytes(Path.Combine(d, "a.ply"), bytes[..(bytes.Length / 2)]);
            Assert.Contains("a.ply", AssetCheck.Problem(lib.PathOf(lib.Entries[0]), AssetKind.Scene));
        }
        finally { Directory.Delete(d, true); }
    }
}
