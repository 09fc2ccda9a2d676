using System.Diagnostics;
using C3V.Batch;
using C3V.Pipeline;
using C3V.Projects;
using C3V.Tests.Cli;
using C3V.Tests.Pipeline;

namespace C3V.Tests.Batch;

/// <summary>
/// A real batch through the pipeline, made once: six prompts at 64×64, 1 s, 6 fps, draft, one of which names a
/// library whose library.json is unreadable and must fail.
/// </summary>
public sealed class SixPromptBatch : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("c3v-batch-").FullName;
    public string Prompts => Path.Combine(Root, "prompts.jsonl");
    public string Output => Path.Combine(Root, "dataset");
    public BatchStatus Status { get; }

    public static readonly string[] Args = ["--size", "64x64", "--fps", "6", "--duration", "1", "--quality", "draft", "--format", "gif", "--seed", "3"];

    public SixPromptBatch()
    {
        Directory.CreateDirectory(Path.Combine(Root, "badlib"));
        File.WriteAllText(Path.Combine(Root, "badlib", "library.json"), "{ this is not json");
        File.WriteAllLines(Prompts, [
            "a robot dances on a stage",
            "a woman walks in a park",
            """{"prompt": "a man jumps", "seed": 5}""",
            """{"prompt": "a dog runs on the beach", "library": "badlib"}""",
            "an alien waves",
            """{"prompt": "a knight walks", "camera": "orbit"}""",
        ]);
        var defaults = new GenerationSettings { Width = 64, Height = 64, Fps = 6, DurationSeconds = 1, Quality = "draft", Format = "gif", Seed = 3 };
        var ds = DatasetFolder.Open(Output, create: true);
        var ledger = new BatchLedger(ds, PromptFile.Read(Prompts, defaults), Prompts, "local", 2);
        var exec = new PipelineJobExecutor(_ => GeneratorTests.Make());
        Status = new LocalBatchRunner(exec).RunAsync(ds, ledger, new BatchOptions { Workers = 2 }, SilentBatchObserver.Instance, default).GetAwaiter().GetResult();
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[Collection("Console")]
public sealed class LocalBatchTests(SixPromptBatch batch) : IClassFixture<SixPromptBatch>
{
    [Fact]
    public void FiveProjects_AndTheFailureInTheManifest()
    {
        Assert.Equal((5, 1), (batch.Status.Done, batch.Status.Failed));
        var ds = DatasetFolder.Open(batch.Output, create: false);
        var manifest = ds.ReadManifest();
        Assert.Equal(6, manifest.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], manifest.Select(r => r.Line));
        var failed = Assert.Single(manifest, r => r.Status == JobStatus.Failed);
        Assert.Equal(4, failed.Line);
        Assert.Contains("library.json", failed.Error);
        Assert.False(Directory.Exists(ds.ProjectOf(failed.Id)));
        foreach (var r in manifest.Where(r => r.Status == JobStatus.Done))
        {
            Assert.True(r.Seconds > 0 && r.Stages!.ContainsKey("render"), r.Id);
            Assert.Contains(r.Files, f => f.EndsWith("renders/video.gif"));
            Assert.All(r.Files, f => Assert.True(File.Exists(Path.Combine(ds.Root, f)), f));
            Assert.Null(ProjectFolder.Open(ds.ProjectOf(r.Id)).Load().PendingRender);
        }
        Assert.Equal(5, Directory.GetDirectories(ds.Projects).Length);
        Assert.All(manifest, r => Assert.Contains(r.Worker, new[] { "local-1", "local-2" }));
        Assert.Equal("orbit", manifest.Single(r => r.Line == 6).Options.Camera);
        Assert.Equal(5, manifest.Single(r => r.Line == 3).Options.Seed);
        var index = DatasetIndex.TryParse(File.ReadAllText(ds.Index))!;
        Assert.Equal((6, 5, 1, 0), (index.Jobs, index.Done, index.Failed, index.Pending));
        Assert.Empty(Directory.EnumerateFileSystemEntries(ds.Staging));
    }

    [Fact]
    public void Rerun_SkipsEveryDoneJob_AndFailsOnlyWhenAsked()
    {
        var ds = DatasetFolder.Open(batch.Output, create: false);
        var before = ds.AllFinished().ToDictionary(r => r.Id, r => r.FinishedUtc);
        var (code, err) = CliAppTests.Run(["batch", batch.Prompts, "-o", batch.Output, "--fail-on-error", "-q", .. SixPromptBatch.Args]);
        Assert.Equal(1, code);
        Assert.Contains("line 4) failed", err);
        (code, _) = CliAppTests.Run(["batch", batch.Prompts, "-o", batch.Output, "-q", .. SixPromptBatch.Args]);
        Assert.Equal(0, code);
        Assert.Equal(before, ds.AllFinished().ToDictionary(r => r.Id, r => r.FinishedUtc));
        var failed = Assert.Single(ds.ReadManifest(), r => r.Status == JobStatus.Failed);
        Assert.Equal(1, failed.Attempts);
    }

    [Fact]
    public void ANonDatasetFolder_IsRefused_AndBadArgumentsAreOneLine()
    {
        var dir = Directory.CreateTempSubdirectory("c3v-notds-").FullName;
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "x");
        var (code, err) = CliAppTests.Run("batch", batch.Prompts, "-o", dir, "-q");
        Assert.Equal(1, code);
        Assert.Contains("not a c3v dataset", err);
        (code, err) = CliAppTests.Run("batch", batch.Prompts, "-o", dir, "--workers", "0");
        Assert.Equal(1, code);
        Assert.Contains("--workers", err);
        Assert.DoesNotContain("   at ", err);
        (code, err) = CliAppTests.Run("batch", Path.Combine(dir, "missing.txt"), "-o", dir);
        Assert.Contains("no such file", err);
    }

    /// <summary>The CLI in a child process, SIGKILLed while its job is being written: nothing partial in projects/.</summary>
    [Fact]
    public void AJobKilledMidWrite_LeavesNoPartialProject_AndTheRerunFinishesIt()
    {
        var root = Directory.CreateTempSubdirectory("c3v-kill-").FullName;
        var prompts = Path.Combine(root, "p.txt");
        File.WriteAllText(prompts, "a robot dances on a stage\n");
        var output = Path.Combine(root, "ds");
        using (var child = Process.Start(CliProcess.StartInfo(["batch", prompts, "-o", output, "-q", .. SixPromptBatch.Args]))!)
        {
            // Wait (bounded) until the job's staging folder holds rendered files, then kill the process outright.
            var staging = Path.Combine(output, ".staging");
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(3) && !child.HasExited
                   && !(Directory.Exists(staging) && Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Any(f => f.Contains("renders"))))
                Thread.Sleep(20);
            Assert.False(child.HasExited, "the batch ended before it could be killed");
            child.Kill(entireProcessTree: true);
            child.WaitForExit(30_000);
        }
        var ds = DatasetFolder.Open(output, create: false);
        Assert.Empty(Directory.EnumerateFileSystemEntries(ds.Projects));
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(ds.Staging));
        var (code, err) = CliAppTests.Run(["batch", prompts, "-o", output, "-q", .. SixPromptBatch.Args]);
        Assert.True(code == 0, err);
        Assert.Equal(JobStatus.Done, Assert.Single(ds.ReadManifest()).Status);
        Assert.Single(Directory.EnumerateDirectories(ds.Projects));
        Assert.Empty(Directory.EnumerateFileSystemEntries(ds.Staging));
        Directory.Delete(root, recursive: true);
    }
}
