using C3V.Actors;
using C3V.Direct;
using C3V.Pipeline;
using C3V.Projects;
using C3V.Tests.Pipeline;
using C3V.Tests.World;
using C3V.World;

namespace C3V.Tests.Actors;

[Collection(SmallProject.Collection)]
public sealed class ActorPipelineTests(SmallProject small)
{
    [Fact]
    public async Task An_edit_to_an_object_the_library_has_as_a_gltf_character_uses_that_character()
    {
        var dir = small.Copy("library-actor");
        string lib = Directory.CreateDirectory(Path.Combine(small.Root, "library-actor-assets")).FullName;
        new TestHumanoidGltf().Write(Path.Combine(lib, "mannequin.glb"));
        AssetLibrary.Add(lib, new AssetEntry("mannequin.glb", AssetKind.Actor, "a wooden mannequin", ["mannequin"]));
        var json = Path.Combine(dir, "project.json");
        var p = ProjectFolder.Open(dir).Load();
        File.WriteAllText(json, (p with { Settings = p.Settings with { Library = lib } }).ToJson());

        var generator = new Generator(_ => new RuleDirector(), new HashingEmbedder(), null, () => null);
        var s = await generator.EditAsync(dir, new EditRequest { Actor = "0", Object = "a wooden mannequin" });
        Assert.Contains("actor-robot", s.Recomputed);
        var saved = ActorAsset.Load(Path.Combine(dir, "assets", "actor-robot" + ActorAsset.Extension));
        var imported = GltfActorImporter.Load(Path.Combine(lib, "mannequin.glb")).Cloud;
        Assert.Equal(imported.Skeleton.RestPositions, saved.Skeleton.RestPositions);
        Assert.InRange(saved.Count, imported.Count - 1, imported.Count + 1);
    }
}
