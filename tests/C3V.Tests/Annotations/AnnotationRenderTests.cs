using System.Numerics;
using C3V.Annotations;
using C3V.Compose;
using C3V.Output;
using C3V.Pipeline;
using C3V.Projects;
using C3V.Tests.Pipeline;

namespace C3V.Tests.Annotations;

/// <summary>A two-actor project (96×96, 6 fps, 1.5 s, draft) generated once for the annotation tests.</summary>
public sealed class TwoActorProject : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("c3v-ann-").FullName;
    public string Project => Path.Combine(Root, "two");
    public RunSummary Summary { get; }

    public TwoActorProject() =>
        Summary = GeneratorTests.Make().GenerateAsync(new GenerateRequest("a robot walks to the left while a woman dances", Project, false,
            new GenerationSettings { Width = 96, Height = 96, Fps = 6, DurationSeconds = 1.5, Quality = "draft", Format = "gif", Seed = 5 })).GetAwaiter().GetResult();

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>annotations.json as written with a render and by `export --annotations --maps`: the renderer's own values.</summary>
public sealed class AnnotationRenderTests(TwoActorProject two) : IClassFixture<TwoActorProject>
{
    VideoAnnotations Written => AnnotationJson.Load(Path.Combine(two.Project, Generator.AnnotationsFile));

    [Fact]
    public void TheRenderWritesAnnotations_WithTheProjectsFramesActorsAndScene()
    {
        var ann = Written;
        var project = ProjectFolder.Open(two.Project).Load();
        var comp = Composition.FromJsonNode(project.Composition);
        Assert.Equal(two.Summary.Annotations, Path.Combine(two.Project, Generator.AnnotationsFile));
        Assert.Equal(Generator.AnnotationsFile, project.Render!.Annotations);
        Assert.Equal((96, 96, 6f, comp.FrameCount), (ann.Width, ann.Height, ann.Fps, ann.FrameCount));
        Assert.Equal(comp.FrameCount, ann.Cameras.Count);
        Assert.Equal(project.Plan!.Actors.Select(a => a.Id), ann.Actors.Select(a => a.Id));
        Assert.Equal(project.Plan.Scene.Description, ann.Scene.Description);
        Assert.False(string.IsNullOrWhiteSpace(ann.Scene.Label));
        var robot = ann.Actor("robot")!;
        Assert.Equal(C3V.Actors.ActorKind.Robot, robot.Kind);
        Assert.InRange(robot.HeightMeters, 1.0, 2.5);
        foreach (var a in ann.Actors)
        {
            Assert.All(a.Frames, f => Assert.InRange(f.Forward.Length(), 0.999f, 1.001f));
            // feet on the ground at some moment, never deep under it
            Assert.InRange(a.Frames.Min(f => f.FeetHeight), -0.05f, 0.1f);
        }
    }

    [Fact]
    public void TheWrittenFile_ConformsToThePublishedSchema()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "docs", "annotations.schema.json")))!;
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(two.Project, Generator.AnnotationsFile)));
        Assert.Null(C3V.Direct.JsonSchemaValidator.FirstError(schema, doc.RootElement));
        // and the schema is not vacuous: a renamed field fails it
        using var bad = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(two.Project, Generator.AnnotationsFile)).Replace("\"feetHeight\"", "\"feet\""));
        Assert.Contains("feetHeight", C3V.Direct.JsonSchemaValidator.FirstError(schema, bad.RootElement));
    }

    [Fact]
    public void TheRootProjectedWithTheFramesCamera_LiesInsideTheBox()
    {
        var ann = Written;
        int checkedFrames = 0;
        foreach (var a in ann.Actors)
            foreach (var f in a.Frames)
            {
                if (f.Box is not { } box || f.Visible < 0.99f) continue;
                var camera = ann.Cameras[f.Frame].ToCamera(ann.Width, ann.Height);
                var (px, depth) = camera.Project(f.Root);
                Assert.True(depth > 0);
                Assert.True(box.Contains(px), $"{a.Id} frame {f.Frame}: root at {px} outside box {box}");
                // and the box is about the actor's size: its height in pixels is its height at the root's depth
                float expected = camera.Fy * (float)a.HeightMeters / depth;
                Assert.InRange(box.Height, 0.5f * expected, 1.3f * expected);
                checkedFrames++;
            }
        Assert.True(checkedFrames >= ann.FrameCount, $"only {checkedFrames} fully visible actor frames");
    }

    [Fact]
    public void SegmentsMatchTheComposition()
    {
        var ann = Written;
        var project = ProjectFolder.Open(two.Project).Load();
        var comp = Composition.FromJsonNode(project.Composition);
        foreach (var a in ann.Actors)
        {
            var plan = project.Plan!.FindActor(a.Id)!;
            Assert.NotEmpty(a.Segments);
            // the plan's motions, in its order, each over its own stretch of the video
            Assert.Equal(plan.Segments.Select(m => m.Description).Take(a.Segments.Count), a.Segments.Select(s => s.Label));
            Assert.All(a.Segments, s => Assert.False(string.IsNullOrWhiteSpace(s.Source)));
            for (int k = 0; k < a.Segments.Count; k++)
            {
                Assert.InRange(a.Segments[k].Start, 0, a.Segments[k].End);
                Assert.InRange(a.Segments[k].End, a.Segments[k].Start, ann.FrameCount / ann.Fps + 1e-6);
                if (k > 0) Assert.True(a.Segments[k].Start >= a.Segments[k - 1].Start);
            }
            // outside every segment the actor stands at rest; a segment's first frame plays its clip
            var track = comp.Actor(a.Id);
            for (int f = 0; f < track.Frames.Count; f++)
            {
                double t = f / ann.Fps;
                if (!a.Segments.Any(s => t >= s.Start - 1e-6 && t < s.End - 1e-6))
                    Assert.True(track.Frames[f].Rest >= 1, $"{a.Id} frame {f} moves outside every segment");
            }
            Assert.All(a.Segments, s => Assert.True(track.Frames[(int)Math.Round(s.Start * ann.Fps)].Rest < 1));
        }
    }

    [Fact]
    public async Task ExportWithMaps_RewritesTheSameAnnotations_AndMasksAndDepthAgreeWithThem()
    {
        var dir = Path.Combine(two.Root, "export-maps");
        foreach (var f in Directory.EnumerateFiles(two.Project, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(dir, Path.GetRelativePath(two.Project, f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        var before = File.ReadAllText(Path.Combine(dir, Generator.AnnotationsFile));
        File.Delete(Path.Combine(dir, Generator.AnnotationsFile));
        var file = await GeneratorTests.Make().ExportAnnotationsAsync(dir, maps: true);
        // the export poses and frames exactly as the render did
        Assert.Equal(before, File.ReadAllText(file));
        var ann = AnnotationJson.Load(file);
        var maps = Path.Combine(dir, "renders/maps");
        Assert.Equal(ann.FrameCount, Directory.GetFiles(maps, "depth-*.png").Length);
        Assert.Equal(ann.FrameCount, Directory.GetFiles(maps, "mask-*.png").Length);
        int depthChecks = 0;
        for (int f = 0; f < ann.FrameCount; f++)
        {
            var mask = GrayPng.Load(Path.Combine(maps, $"mask-{f:D5}.png"));
            var depth = GrayPng.Load(Path.Combine(maps, $"depth-{f:D5}.png"));
            Assert.Equal((8, 16), (mask.BitDepth, depth.BitDepth));
            Assert.Equal((ann.Width, ann.Height), (mask.Width, mask.Height));
            Assert.All(mask.Pixels, v => Assert.InRange(v, 0, ann.Actors.Count));
            var camera = ann.Cameras[f].ToCamera(ann.Width, ann.Height);
            for (int a = 0; a < ann.Actors.Count; a++)
            {
                var fr = ann.Actors[a].Frames[f];
                var pixels = Enumerable.Range(0, mask.Pixels.Length).Where(p => mask.Pixels[p] == a + 1).ToList();
                if (fr.Box is not { } box) { Assert.Empty(pixels); continue; }
                Assert.NotEmpty(pixels);
                // every mask pixel's centre lies in the box, give or take a pixel (overlapping splats add up to
                // half opacity a little beyond each one's 1σ disc), and the mask's own bounds cover most of the box
                float mx0 = pixels.Min(p => p % ann.Width), mx1 = pixels.Max(p => p % ann.Width) + 1;
                float my0 = pixels.Min(p => p / ann.Width), my1 = pixels.Max(p => p / ann.Width) + 1;
                Assert.True(mx0 + 0.5f >= box.X0 - 1 && mx1 - 0.5f <= box.X1 + 1 && my0 + 0.5f >= box.Y0 - 1 && my1 - 0.5f <= box.Y1 + 1, $"actor {a} frame {f}: mask [{mx0},{my0},{mx1},{my1}] outside box {box}");
                float inter = MathF.Max(0, MathF.Min(mx1, box.X1) - MathF.Max(mx0, box.X0)) * MathF.Max(0, MathF.Min(my1, box.Y1) - MathF.Max(my0, box.Y0));
                float union = (mx1 - mx0) * (my1 - my0) + box.Width * box.Height - inter;
                // (the box is the whole body; the mask loses what the other actor or the scenery hides)
                Assert.True(inter / union > 0.5f, $"actor {a} frame {f}: mask bounds and box overlap only {inter / union:0.00}");
                // the depth map at the root's pixel is the root's distance along the camera axis (the body's
                // front is nearer than its centre by up to its half depth)
                var (px, z) = camera.Project(fr.Root);
                int pi = (int)px.Y * ann.Width + (int)px.X;
                if (px.X < 0 || px.Y < 0 || px.X >= ann.Width || px.Y >= ann.Height || mask.Pixels[pi] != a + 1) continue;
                Assert.InRange(depth.Pixels[pi] / 1000f, z - 0.35f, z + 0.15f);
                depthChecks++;
            }
        }
        Assert.True(depthChecks >= ann.FrameCount, $"only {depthChecks} depth checks");
    }
}
