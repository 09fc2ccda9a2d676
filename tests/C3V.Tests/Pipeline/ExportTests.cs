using System.Numerics;
using C3V.Common;
using C3V.Compose;
using C3V.Pipeline;
using C3V.Projects;
using C3V.Splats;
using C3V.Splats.Formats;

namespace C3V.Tests.Pipeline;

/// <summary>`export`: the composed 4D scene as one splat file per frame, readable by the splat readers.</summary>
[Collection(SmallProject.Collection)]
public sealed class ExportTests(SmallProject small)
{
    [Theory]
    [InlineData("ply")]
    [InlineData("spz")]
    public async Task Export_WritesOneReadableFramePerVideoFrame_WithTheActorWhereTheCompositionPutsIt(string format)
    {
        var dir = small.Copy("export-" + format);
        var folder = await GeneratorTests.Make().ExportAsync(dir, format.ToUpperInvariant());
        Assert.Equal(Path.Combine(dir, $"renders/frames-{format}"), folder);
        var project = ProjectFolder.Open(dir).Load();
        var comp = Composition.FromJsonNode(project.Composition);
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(comp.FrameCount, files.Length);
        Assert.All(files, f => Assert.EndsWith("." + format, f));
        Assert.Empty(Directory.GetDirectories(Path.Combine(dir, "renders"), "*.partial"));

        int sceneCount = SplatFile.Read(Path.Combine(dir, SceneAsset.CloudFile)).Count;
        int actorCount = ActorAsset.Load(Path.Combine(dir, "assets/actor-robot" + ActorAsset.Extension)).Count;
        var track = comp.Actor("robot");
        float height = project.Layouts["robot"].Scale * ActorAsset.Load(Path.Combine(dir, "assets/actor-robot" + ActorAsset.Extension)).Skeleton.Height;
        var centres = new List<Vector3>();
        foreach (var (file, f) in files.Select((file, f) => (file, f)))
        {
            var cloud = SplatFile.Read(file);
            Assert.Equal(sceneCount + actorCount, cloud.Count);
            Assert.Null(SplatFile.FirstNonFinite(cloud));
            // The actor is the tail of the file: its feet on the composition's position, its height the layout's.
            var actor = Enumerable.Range(sceneCount, actorCount);
            var centre = new Vector3(actor.Average(i => cloud.X[i]), actor.Average(i => cloud.Y[i]), actor.Average(i => cloud.Z[i]));
            float lowest = actor.Min(i => cloud.Y[i]), highest = actor.Max(i => cloud.Y[i]);
            var at = track.Frames[f].Position;
            Assert.InRange(Vector2.Distance(new(centre.X, centre.Z), new(at.X, at.Z)), 0, 0.5f * height);
            Assert.InRange(lowest - at.Y, -0.1f * height, 0.1f * height);
            Assert.InRange(highest - lowest, 0.7f * height, 1.3f * height);
            centres.Add(centre);
        }
        // The dance moves the body between frames (the pose changes even where the path stands still).
        var first = SplatFile.Read(files[0]);
        var last = SplatFile.Read(files[^1]);
        double moved = Enumerable.Range(sceneCount, actorCount).Average(i =>
            Vector3.Distance(new(first.X[i], first.Y[i], first.Z[i]), new(last.X[i], last.Y[i], last.Z[i])));
        Assert.True(moved > 0.01 * height, $"actor Gaussians moved {moved:0.000} m on average between the first and last frame");
        // The scene part is the project's scene, unchanged.
        var scene = SplatFile.Read(Path.Combine(dir, SceneAsset.CloudFile));
        float tolerance = format == "ply" ? 0 : 0.01f;
        for (int i = 0; i < sceneCount; i += 97) Assert.InRange(first.X[i] - scene.X[i], -tolerance, tolerance);
    }

    [Fact]
    public async Task BadFormat_AndAProjectNeverComposed_AreClearErrors()
    {
        var dir = small.Copy("export-bad");
        Assert.Contains("--frames: 'obj'", (await Assert.ThrowsAsync<C3VException>(() => GeneratorTests.Make().ExportAsync(dir, "obj"))).Message);
        var json = Path.Combine(dir, "project.json");
        var p = ProjectFolder.Open(dir).Load();
        File.WriteAllText(json, (p with { Composition = null }).ToJson());
        var e = await Assert.ThrowsAsync<InvalidFileException>(() => GeneratorTests.Make().ExportAsync(dir, "ply"));
        Assert.Contains("$.composition", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir, "renders/frames-ply")));
    }
}
