using C3V.Common;
using C3V.World;

namespace C3V.Tests.World;

public class AssetLibraryTests
{
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
            File.WriteAllText(Path.Combine(d, "a.ply"), "x");
            File.WriteAllText(Path.Combine(d, "b.bvh"), "x");
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
            File.WriteAllText(Path.Combine(d, "a.ply"), "x");
            File.WriteAllText(Path.Combine(d, "b.bvh"), "x");
            AssetLibrary.Add(d, new AssetEntry("a.ply", AssetKind.Scene, "a garden table", ["garden"]));
            var lib = AssetLibrary.Add(d, new AssetEntry("b.bvh", AssetKind.Motion, "a cartwheel", ["gymnastics"]));
            var e = new HashingEmbedder();
            Assert.Equal("a.ply", lib.Search(e, "garden party")[0].Entry.File);
            Assert.Empty(lib.Search(e, "garden", AssetKind.Actor));
            Assert.Equal("b.bvh", lib.Search(e, "garden", AssetKind.Motion).Single().Entry.File);
        }
        finally { Directory.Delete(d, true); }
    }
}
