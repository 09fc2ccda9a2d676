using System.Text.Json.Nodes;
using C3V.Common;
using C3V.Direct;
using C3V.Pipeline;
using C3V.Projects;
using C3V.Tests.Projects;

namespace C3V.Tests.Pipeline;

/// <summary>
/// Issue 19's damaged-project cases end to end: a failed or cancelled edit, render-project or export leaves the
/// project byte-identical (only the resumable frames of an interrupted render are kept), and the earlier render
/// moves to renders/previous/ only once the new one is complete.
/// </summary>
[Collection(SmallProject.Collection)]
public sealed class ProjectChangeTests(SmallProject small)
{
    string Damaged(string name, Action<JsonObject> damage)
    {
        var dir = small.Copy(name);
        var json = Path.Combine(dir, "project.json");
        var node = JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        damage(node);
        File.WriteAllText(json, node.ToJsonString());
        return dir;
    }

    [Fact]
    public async Task RenderProject_OnAnUnknownCompositionActor_FailsAndKeepsTheVideo()
    {
        var dir = Damaged("rp-ghost", p => p["composition"]!["actors"]![0]!["id"] = "ghost");
        var before = new ProjectSnapshot(dir);
        var e = await Assert.ThrowsAsync<InvalidFileException>(() => GeneratorTests.Make().RenderProjectAsync(dir, null, null, replace: false));
        Assert.Contains("$.composition.actors[0].id", e.Message);
        before.AssertSameAs(new ProjectSnapshot(dir));
        Assert.True(File.Exists(Path.Combine(dir, "renders/video.gif")));
        ProjectSnapshot.AssertNoStagingLeft(dir);
    }

    [Fact]
    public async Task Edit_OnAnUnknownCamera_RewritesNothing()
    {
        var dir = Damaged("edit-teleport", p => p["settings"]!["camera"] = "teleport");
        var before = new ProjectSnapshot(dir);
        var e = await Assert.ThrowsAsync<InvalidFileException>(() => GeneratorTests.Make().EditAsync(dir, new EditRequest { Motion = "jumping" }));
        Assert.Contains("$.settings.camera", e.Message);
        before.AssertSameAs(new ProjectSnapshot(dir));
    }

    [Fact]
    public async Task Edit_WhoseDirectorDiesMidway_LeavesNoTranscriptNorProjectChange()
    {
        var dir = small.Copy("edit-dying");
        var before = new ProjectSnapshot(dir);
        var e = await Assert.ThrowsAsync<C3VException>(() =>
            GeneratorTests.Make(director: _ => new GeneratorTests.DyingDirector()).EditAsync(dir, new EditRequest { Scene = "a beach" }));
        Assert.Contains("127.0.0.1:9", e.Message);
        before.AssertSameAs(new ProjectSnapshot(dir));
        ProjectSnapshot.AssertNoStagingLeft(dir);
    }

    [Fact]
    public async Task CtrlC_DuringAnEditsRender_LeavesTheProjectUnchanged_AndTheSameEditResumes()
    {
        var dir = small.Copy("edit-ctrlc");
        var before = new ProjectSnapshot(dir);
        var edit = new EditRequest { Camera = "orbit" };
        using (var cts = new CancellationTokenSource())
        {
            var e = await Assert.ThrowsAsync<RenderInterruptedException>(() =>
                GeneratorTests.Make(new GeneratorTests.CancelAt("render", 2, cts)).EditAsync(dir, edit, cts.Token));
            Assert.Contains("unchanged", e.Message);
            Assert.Contains("same command", e.Message);
        }
        before.AssertSameAs(new ProjectSnapshot(dir));
        var cache = Assert.Single(Directory.GetDirectories(Path.Combine(dir, "renders"), ProjectTransaction.ResumablePrefix + "*"));
        Assert.Equal(2, Directory.GetFiles(cache, "*.rgb").Length);
        ProjectSnapshot.AssertNoStagingLeft(dir);

        var s = await GeneratorTests.Make().EditAsync(dir, edit);
        Assert.Equal(2, s.ResumedFrames);
        Assert.Equal(Path.GetFullPath(dir), s.Project);
        Assert.Equal(Path.Combine(Path.GetFullPath(dir), "renders", "video.gif"), s.Video);
        Assert.True(File.Exists(s.Video));
        Assert.Equal("orbit", ProjectLoader.Load(dir).Settings.Camera);
        Assert.Empty(Directory.GetDirectories(Path.Combine(dir, "renders"), ProjectTransaction.ResumablePrefix + "*"));
        Assert.Single(Directory.GetFiles(Path.Combine(dir, "renders/previous"), "video-*.gif"));
        ProjectSnapshot.AssertNoStagingLeft(dir);
    }

    [Fact]
    public async Task Export_Cancelled_LeavesTheProjectUnchanged()
    {
        var dir = small.Copy("export-cancel");
        var before = new ProjectSnapshot(dir);
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            GeneratorTests.Make(new GeneratorTests.CancelAt("export", 1, cts)).ExportAsync(dir, "ply", cts.Token));
        before.AssertSameAs(new ProjectSnapshot(dir));
        ProjectSnapshot.AssertNoStagingLeft(dir);
    }

    /// <summary>Holds a render at its first frame until released (bounded), so another command meets it mid-run.</summary>
    sealed class PauseAt(string stage) : IPipelineObserver
    {
        public readonly ManualResetEventSlim Reached = new(), Release = new();
        public void Started(string s, string detail) { }
        public void Progress(string s, int done, int total)
        {
            if (s != stage || done != 1) return;
            Reached.Set();
            Assert.True(Release.Wait(TimeSpan.FromMinutes(2)), "the test never released the render");
        }
        public void Finished(string s, string summary, bool reused) { }
        public void Warning(string message) { }
    }

    [Fact]
    public async Task AnEditWhileRenderProjectRuns_IsRefused_AndTheRenderStillPublishesAConsistentProject()
    {
        var dir = small.Copy("busy");
        var pause = new PauseAt("render");
        var render = Task.Run(() => GeneratorTests.Make(pause).RenderProjectAsync(dir, "orbit", null, replace: false));
        try
        {
            Assert.True(pause.Reached.Wait(TimeSpan.FromMinutes(2)), "the render never reached its first frame");
            var before = new ProjectSnapshot(dir);
            var e = await Assert.ThrowsAsync<ProjectLockedException>(() => GeneratorTests.Make().EditAsync(dir, new EditRequest { Motion = "jumping" }));
            Assert.Contains($"project is busy: render-project (pid {Environment.ProcessId}) since", e.Message);
            await Assert.ThrowsAsync<ProjectLockedException>(() => GeneratorTests.Make().ExportAsync(dir, "ply"));
            await Assert.ThrowsAsync<ProjectLockedException>(() => GeneratorTests.Make().GenerateAsync(
                new GenerateRequest("a dog runs", dir, Force: true, SmallProject.Settings)));
            // a viewer is not a writer: it is not kept out
            Assert.True((await GeneratorTests.Make().OpenComposedAsync(dir)).FrameCount > 0);
            before.AssertSameAs(new ProjectSnapshot(dir));
        }
        finally { pause.Release.Set(); }
        await render.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal("orbit", ProjectLoader.Load(dir).Settings.Camera);
        Assert.False(File.Exists(ProjectLock.PathFor(dir)));
        Assert.Empty(Directory.GetDirectories(small.Root, ".busy.*"));
        // the project is free again
        await GeneratorTests.Make().EditAsync(dir, new EditRequest { Motion = "jumping" });
    }
}
