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
            Assert.Contains(r.Files, f => f.EndsWith("renders/annotations.json"));
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
        Assert.InRange(code, 1, 2); // a bad value (1) or a bad command line (2), by whichever check sees it first
        Assert.Contains("--workers", err);
        Assert.DoesNotContain("   at ", err);
        (code, err) = CliAppTests.Run("batch", Path.Combine(dir, "missing.txt"), "-o", dir);
        Assert.Contains("no such file", err);
    }

    [Fact]
    public void Pack_WritesWebDatasetShards_WithEachSamplesFilesTogether()
    {
        var ds = DatasetFolder.Open(batch.Output, create: false);
        var output = Path.Combine(batch.Root, $"shards-{Guid.NewGuid():N}");
        var summary = DatasetPacker.Pack(ds, 2, output, force: false);
        Assert.Equal([3, 2], summary.Shards.Select(s => s.Samples));
        var done = ds.ReadManifest().Where(r => r.Status == JobStatus.Done).ToList();
        var keys = new List<string>();
        foreach (var (file, _) in summary.Shards)
        {
            using var reader = new System.Formats.Tar.TarReader(File.OpenRead(Path.Combine(output, file)));
            var names = new List<string>();
            while (reader.GetNextEntry() is { } e)
            {
                names.Add(e.Name);
                var key = e.Name[..e.Name.IndexOf('.')];
                var r = done.Single(r => r.Id == key);
                using var data = new MemoryStream();
                e.DataStream!.CopyTo(data);
                if (e.Name.EndsWith(".txt")) Assert.Equal(r.Prompt + "\n", System.Text.Encoding.UTF8.GetString(data.ToArray()));
                if (e.Name.EndsWith(".gif")) Assert.Equal(File.ReadAllBytes(Path.Combine(ds.ProjectOf(r.Id), "renders", "video.gif")), data.ToArray());
            }
            // A sample's files are consecutive (WebDataset groups by key as it streams).
            var order = names.Select(n => n[..n.IndexOf('.')]).ToList();
            var runs = order.Where((k, i) => i == 0 || order[i - 1] != k).ToList();
            Assert.Equal(runs.Distinct().Count(), runs.Count);
            foreach (var k in runs)
                Assert.Equal([$"{k}.gif", $"{k}.sheet.png", $"{k}.annotations.json", $"{k}.txt", $"{k}.job.json"], names.Where(n => n.StartsWith(k + ".")));
            keys.AddRange(runs);
        }
        Assert.Equal(done.Select(r => r.Id), keys);
        Assert.Contains("--force", Assert.Throws<C3V.Common.C3VException>(() => DatasetPacker.Pack(ds, 1, output, force: false)).Message);
        Assert.Equal(5, Assert.Single(DatasetPacker.Pack(ds, 1, output, force: true).Shards).Samples);
        Assert.Contains("--shards", Assert.Throws<C3V.Common.C3VException>(() => DatasetPacker.Pack(ds, 0, output, force: true)).Message);
    }

    [Fact]
    public void Stats_SummariseKindsMotionsScenesDurationsAndFailures()
    {
        var stats = DatasetStats.Of(DatasetFolder.Open(batch.Output, create: false));
        Assert.Equal((6, 5, 1, 0), (stats.Jobs, stats.Done, stats.Failed, stats.Pending));
        Assert.Equal(5, stats.Kinds.Values.Sum());
        Assert.Contains("robot", stats.Kinds.Keys);
        Assert.Equal(5, stats.Motions.Values.Sum());
        Assert.Equal(5, stats.Scenes.Values.Sum());
        Assert.Equal((1.0, 1.0, 5.0), (stats.MinVideoSeconds, stats.MaxVideoSeconds, stats.TotalVideoSeconds));
        Assert.Equal(new Dictionary<string, int> { ["64x64"] = 5 }, stats.Sizes);
        Assert.Equal(4, stats.Cameras["static"]);
        Assert.Contains("library.json", Assert.Single(stats.Failures).Key);
        var (code, err) = CliAppTests.Run("dataset", "stats", batch.Output, "--json");
        Assert.True(code == 0, err);
        (code, err) = CliAppTests.Run("dataset", "stats", batch.Root);
        Assert.Equal(1, code);
        Assert.Contains("not a c3v dataset", err);
    }

    [Fact]
    public void Maps_AreWrittenAndListed_WhenAsked()
    {
        var root = Directory.CreateTempSubdirectory("c3v-maps-").FullName;
        var prompts = Path.Combine(root, "p.txt");
        File.WriteAllText(prompts, "a robot dances on a stage\n");
        var (code, err) = CliAppTests.Run(["batch", prompts, "-o", Path.Combine(root, "ds"), "--maps", "-q", .. SixPromptBatch.Args]);
        Assert.True(code == 0, err);
        var r = Assert.Single(DatasetFolder.Open(Path.Combine(root, "ds"), create: false).ReadManifest());
        Assert.Equal(6, r.Files.Count(f => f.Contains("renders/maps/depth-")));
        Assert.Equal(6, r.Files.Count(f => f.Contains("renders/maps/mask-")));
        Assert.All(r.Files, f => Assert.True(File.Exists(Path.Combine(root, "ds", f)), f));
        Directory.Delete(root, recursive: true);
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
