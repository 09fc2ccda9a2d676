using C3V.Common;
using C3V.Direct;
using C3V.Pipeline;
using C3V.Projects;
using C3V.World;

namespace C3V.Tests.Pipeline;

/// <summary>
/// One small project generated once for all the pipeline tests (64×64, 6 fps, 1 s, draft), copied for each
/// test that changes it.
/// </summary>
public sealed class SmallProject : IDisposable
{
    public const string Collection = "small project";

    public string Root { get; } = Directory.CreateTempSubdirectory("c3v-gen-").FullName;
    public string Project => Path.Combine(Root, "base");
    public RunSummary Summary { get; }

    public static GenerationSettings Settings => new() { Width = 64, Height = 64, Fps = 6, DurationSeconds = 1, Quality = "draft", Format = "gif", Seed = 3 };

    public SmallProject() =>
        Summary = GeneratorTests.Make().GenerateAsync(new GenerateRequest("a robot dances on a stage", Project, false, Settings)).GetAwaiter().GetResult();

    /// <summary>A private copy of the generated project.</summary>
    public string Copy(string name)
    {
        var dst = Path.Combine(Root, name);
        foreach (var f in Directory.EnumerateFiles(Project, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(dst, Path.GetRelativePath(Project, f));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(f, to);
        }
        return dst;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[CollectionDefinition(SmallProject.Collection)]
public sealed class SmallProjectCollection : ICollectionFixture<SmallProject>;

[Collection(SmallProject.Collection)]
public sealed class GeneratorTests(SmallProject small)
{
    internal static Generator Make(IPipelineObserver? observer = null, Func<ITranscriptSink, IDirector>? director = null, Func<string?>? ffmpeg = null) =>
        new(director ?? (_ => new RuleDirector()), embedder: null, observer, ffmpeg ?? (() => null));

    [Fact]
    public void Generate_WritesTheWholeProject()
    {
        var p = small.Project;
        foreach (var f in new[] { "project.json", "assets/scene.ply", "assets/scene.json", "assets/actor-robot.c3va", "renders/video.gif", "renders/contact-sheet.png", "renders/reference.png" })
            Assert.True(File.Exists(Path.Combine(p, f)), f);
        Assert.True(Directory.Exists(Path.Combine(p, "transcripts")));
        var project = ProjectFolder.Open(p).Load();
        Assert.Null(project.PendingRender);
        Assert.Equal(6, project.Render!.Frames);
        Assert.Equal("robot", Assert.Single(project.Plan!.Actors).Id);
        Assert.Single(project.Placement!.Placements);
        Assert.Contains("robot", project.Refinement.Keys);
        Assert.Equal(["plan", "scene", "actor-robot", "motion-robot", "place-robot", "layout", "composition", "render"], small.Summary.Recomputed);
        Assert.Empty(Directory.GetDirectories(small.Root, ".*"));
    }

    [Fact]
    public async Task EditMotion_KeepsSceneLookAndPath_RerendersAndKeepsThePreviousVideo()
    {
        var dir = small.Copy("motion");
        var s = await Make().EditAsync(dir, new EditRequest { Motion = "playing kung fu" });
        Assert.Contains("scene", s.Reused);
        Assert.Contains("actor-robot", s.Reused);
        Assert.Contains("place-robot", s.Reused);
        Assert.Contains("layout", s.Reused);
        Assert.Contains("motion-robot", s.Recomputed);
        Assert.Contains("composition", s.Recomputed);
        Assert.DoesNotContain(s.Stages, st => st.Stage == "refine" && !st.Reused);
        Assert.Single(s.PreviousRenders, r => r.Contains("video-"));
        var project = ProjectFolder.Open(dir).Load();
        Assert.Equal("playing kung fu", project.Plan!.Actors[0].Motion.Description);
        Assert.NotEqual("dance disco", project.Artefacts["motion-robot"].Value);
        Assert.Equal(2, project.History.Count);
        // The path and scale are the refined ones of the generate, bit for bit; the new motion is timed along them.
        var before = ProjectFolder.Open(small.Project).Load();
        Assert.Equal(before.Layouts["robot"].Scale, project.Layouts["robot"].Scale);
        Assert.Equal(before.Layouts["robot"].Waypoints.SelectMany(w => w), project.Layouts["robot"].Waypoints.SelectMany(w => w));
        Assert.Equal(before.Refinement["robot"].ToJsonString(), project.Refinement["robot"].ToJsonString());
    }

    [SkippableFact]
    public async Task EditMotion_FindsTheUsersBvhLibraryFirst()
    {
        var dir = small.Copy("library-motion");
        var library = MotionChooserTests.BvhLibrary(Path.Combine(small.Root, "library-motion-assets"));
        var json = Path.Combine(dir, "project.json");
        var p = ProjectFolder.Open(dir).Load();
        File.WriteAllText(json, (p with { Settings = p.Settings with { Library = library } }).ToJson());
        var s = await Make().EditAsync(dir, new EditRequest { Motion = "sword fighting", Replace = true });
        Assert.Contains("motion-robot", s.Recomputed);
        Assert.Contains("scene", s.Reused);
        var project = ProjectFolder.Open(dir).Load();
        Assert.Equal("library:sword.bvh", project.Artefacts["motion-robot"].Value);
        // The composition plays the BVH clip (8.6 s long; the video is 1 s): motion times stay inside it.
        var comp = C3V.Compose.Composition.FromJsonNode(project.Composition);
        Assert.All(comp.Actor("robot").Frames, f => Assert.InRange(f.MotionTime, 0, 9));
        // Re-rendering reloads the same clip from the library (reused, not chosen again).
        var again = await Make().RenderProjectAsync(dir, null, null, replace: true);
        Assert.Contains("motion-robot", again.Reused);
        // The file replaced in place (same library entry, other content): the stale clip is not reused.
        var sword = Path.Combine(library, "sword.bvh");
        File.Copy(Path.Combine(library, "jump.bvh"), sword, overwrite: true);
        File.SetLastWriteTimeUtc(sword, DateTime.UtcNow.AddMinutes(1));
        var replaced = await Make().RenderProjectAsync(dir, null, null, replace: true);
        Assert.Contains("motion-robot", replaced.Recomputed);
        var clip = MotionChooser.Resolve("library:sword.bvh", AssetLibrary.Load(library))!;
        Assert.True(clip.Duration < 5, $"the replaced file holds the short CMU jump, got {clip.Duration} s");
        Assert.All(C3V.Compose.Composition.FromJsonNode(ProjectFolder.Open(dir).Load().Composition).Actor("robot").Frames,
            f => Assert.InRange(f.MotionTime, 0, clip.Duration + 1e-3));
    }

    [Fact]
    public async Task EditCamera_OnlyRerenders()
    {
        var dir = small.Copy("camera");
        var s = await Make().EditAsync(dir, new EditRequest { Camera = "orbit", Replace = true });
        Assert.Equal(["render"], s.Recomputed);
        Assert.Empty(s.PreviousRenders);
        Assert.Equal("orbit", ProjectFolder.Open(dir).Load().Settings.Camera);
    }

    [Fact]
    public async Task EditObject_KeepsMotionAndPath()
    {
        var dir = small.Copy("object");
        var s = await Make().EditAsync(dir, new EditRequest { Actor = "0", Object = "a warlock" });
        Assert.Contains("actor-robot", s.Recomputed);
        Assert.Contains("motion-robot", s.Reused);
        Assert.Contains("place-robot", s.Reused);
        Assert.Contains("layout", s.Recomputed); // a new body is refined again (its size differs), from the same placement
    }

    [Fact]
    public async Task EditObject_ToAnOldPerson_ChoosesTheMotionAgain()
    {
        // An old body may take another clip for the same phrase (an old man's walk is the old walk): not reused.
        var dir = small.Copy("old");
        var s = await Make().EditAsync(dir, new EditRequest { Actor = "0", Object = "an old man" });
        Assert.Contains("motion-robot", s.Recomputed);
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("two")]
    [InlineData("badactor")]
    [InlineData("onlyactor")]
    public async Task BadEdits_AreClearErrors_AndChangeNothing(string which)
    {
        var dir = small.Copy("bad-" + which);
        var before = File.ReadAllText(Path.Combine(dir, "project.json"));
        var edit = which switch
        {
            "nothing" => new EditRequest(),
            "two" => new EditRequest { Motion = "run", Scene = "a beach" },
            "badactor" => new EditRequest { Actor = "zebra", Motion = "run" },
            _ => new EditRequest { RemoveActor = "robot" },
        };
        var e = await Assert.ThrowsAsync<C3VException>(() => Make().EditAsync(dir, edit));
        Assert.Contains(which switch { "nothing" => "nothing to change", "two" => "one concept at a time", "badactor" => "no actor 'zebra'", _ => "only actor" }, e.Message);
        Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "project.json")));
    }

    [Fact]
    public async Task CtrlCWhileRendering_LeavesAResumableProject()
    {
        var target = Path.Combine(small.Root, "interrupted");
        using var cts = new CancellationTokenSource();
        var observer = new CancelAt("render", 2, cts);
        var e = await Assert.ThrowsAsync<RenderInterruptedException>(() => Make(observer).GenerateAsync(new GenerateRequest("a robot dances on a stage", target, false, SmallProject.Settings), cts.Token));
        Assert.Contains("render-project", e.Message);
        var project = ProjectFolder.Open(target).Load();
        Assert.NotNull(project.PendingRender);
        Assert.False(File.Exists(Path.Combine(target, "renders/video.gif")));
        Assert.Empty(Directory.GetFiles(Path.Combine(target, "renders"), "*.tmp"));
        // The frames finished before the interruption are kept and the resumed render starts after them.
        var partial = Assert.Single(Directory.GetDirectories(Path.Combine(target, "renders"), "resumable-frames-*"));
        Assert.Equal(2, Directory.GetFiles(partial, "*.rgb").Length);
        var s = await Make().RenderProjectAsync(target, null, null, replace: false);
        Assert.Equal(["render"], s.Recomputed);
        Assert.Equal(2, s.ResumedFrames);
        Assert.True(File.Exists(Path.Combine(target, "renders/video.gif")));
        Assert.Null(ProjectFolder.Open(target).Load().PendingRender);
        Assert.Empty(Directory.GetDirectories(Path.Combine(target, "renders"), "resumable-frames-*"));
        // Same seed and settings: the resumed clip is byte for byte the uninterrupted one.
        Assert.Equal(File.ReadAllBytes(Path.Combine(small.Project, "renders/video.gif")), File.ReadAllBytes(Path.Combine(target, "renders/video.gif")));
    }

    [Fact]
    public async Task CancelBeforeTheProjectExists_LeavesNothing()
    {
        var target = Path.Combine(small.Root, "early");
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Make(new CancelAt("scene", 0, cts)).GenerateAsync(new GenerateRequest("a robot dances on a stage", target, false, SmallProject.Settings), cts.Token));
        Assert.False(Directory.Exists(target));
        Assert.DoesNotContain(Directory.GetDirectories(small.Root, ".*"), d => d.Contains("early"));
    }

    [Fact]
    public async Task ADirectorThatDiesMidway_IsAClearError_AndLeavesNoProject()
    {
        var target = Path.Combine(small.Root, "dead-server");
        var e = await Assert.ThrowsAsync<C3VException>(() => Make(director: _ => new DyingDirector()).GenerateAsync(new GenerateRequest("a robot dances on a stage", target, false, SmallProject.Settings)));
        Assert.Contains("http://127.0.0.1:9", e.Message);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task ADirectorHoldingAModel_IsDisposedWhenTheCommandEnds_EvenWhenItFails()
    {
        var held = new CountingDisposal(new DyingDirector());
        await Assert.ThrowsAsync<C3VException>(() => Make(director: _ => held).GenerateAsync(new GenerateRequest("a robot dances on a stage", Path.Combine(small.Root, "freed"), false, SmallProject.Settings)));
        Assert.Equal(1, held.Disposals);
    }

    [Fact]
    public async Task ExistingFolder_EmptyPrompt_AbsurdSettings_AreRefused()
    {
        Assert.Contains("--force", (await Assert.ThrowsAsync<C3VException>(() => Make().GenerateAsync(new GenerateRequest("a robot dances", small.Project, false, SmallProject.Settings)))).Message);
        Assert.Contains("prompt is empty", (await Assert.ThrowsAsync<C3VException>(() => Make().GenerateAsync(new GenerateRequest("  ", Path.Combine(small.Root, "x"), false, SmallProject.Settings)))).Message);
        Assert.Contains("--size", Assert.Throws<C3VException>(() => Generator.Check(SmallProject.Settings with { Width = 100000 })).Message);
        Assert.Contains("--duration", Assert.Throws<C3VException>(() => Generator.Check(SmallProject.Settings with { DurationSeconds = 1e9 })).Message);
        Assert.Contains("--fps", Assert.Throws<C3VException>(() => Generator.Check(SmallProject.Settings with { Fps = 0 })).Message);
        Assert.Contains("--camera", Assert.Throws<C3VException>(() => Generator.Check(SmallProject.Settings with { Camera = "zoom" })).Message);
        Assert.False(Directory.Exists(Path.Combine(small.Root, "x")));
    }

    internal sealed class CancelAt(string stage, int frames, CancellationTokenSource cts) : IPipelineObserver
    {
        public void Started(string s, string detail) { if (s == stage && frames == 0) cts.Cancel(); }
        public void Progress(string s, int done, int total) { if (s == stage && done >= frames) cts.Cancel(); }
        public void Finished(string s, string summary, bool reused) { }
        public void Warning(string message) { }
    }

    /// <summary>A director that holds something to free (as a loaded GGUF model does), counting how often it is freed.</summary>
    internal sealed class CountingDisposal(IDirector inner) : IDirector, IDisposable
    {
        public int Disposals { get; private set; }
        public string Name => inner.Name;
        public Task<ScenePlan> PlanAsync(string prompt, CancellationToken cancellation = default) => inner.PlanAsync(prompt, cancellation);
        public Task<Placement> PlaceAsync(PlacementRequest request, CancellationToken cancellation = default) => inner.PlaceAsync(request, cancellation);
        public void Dispose() => Disposals++;
    }

    /// <summary>Plans like the rule director, then loses its server when asked to place.</summary>
    internal sealed class DyingDirector : IDirector
    {
        readonly RuleDirector _rules = new();
        public string Name => "openai:test@http://127.0.0.1:9";
        public Task<ScenePlan> PlanAsync(string prompt, CancellationToken cancellation = default) => _rules.PlanAsync(prompt, cancellation);
        public Task<Placement> PlaceAsync(PlacementRequest request, CancellationToken cancellation = default) =>
            throw new C3VException("chat server http://127.0.0.1:9 stopped answering (connection refused)");
    }
}
