using System.ComponentModel;
using System.Diagnostics;
using C3V.Batch;
using C3V.Cluster;
using C3V.Common;
using C3V.Projects;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>
/// Batch throughput: the same jobs through the local engine with 1 and 2 workers and, given a database, through a
/// cluster of 1 and 2 silos on 127.0.0.1 (one slot each, started before the clock runs, as long-lived silos are).
/// Prints videos per hour and seconds per job, and the cluster's per-job overhead against the local path.
/// </summary>
[Verb("bench batch", "Benchmark batch throughput (videos/hour): 1 vs 2 local workers, 1 vs 2 silos on loopback, cluster overhead per job",
    Examples = ["bench batch", "bench batch --jobs 6 --db Host=127.0.0.1;Port=55432;Database=c3v;Username=c3v;Password=c3v"])]
public sealed class BenchBatchVerb : Command<BenchBatchVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--jobs <N>")]
        [Bounds(1, 64)]
        [Description("Jobs per run (distinct prompts). Default 4")]
        public int Jobs { get; init; } = 4;

        [CommandOption("--size <WxH>")]
        [Description("Frame size. Default 256x256")]
        public string Size { get; init; } = "256x256";

        [CommandOption("--duration <SECONDS>")]
        [Bounds(0.5, 120)]
        [Description("Clip length. Default 2")]
        public double Duration { get; init; } = 2;

        [CommandOption("--fps <FPS>")]
        [Bounds(1, 120)]
        [Description("Frames per second. Default 12")]
        public int Fps { get; init; } = 12;

        [CommandOption("--db <CONNECTION>")]
        [Description("A PostgreSQL database for the cluster runs (skipped without it)")]
        public string? Db { get; init; }
    }

    static readonly string[] Prompts =
    [
        "a robot dances on a stage", "a woman walks in a park", "a man jumps on the beach", "an alien waves in a city street",
        "a knight walks in a forest", "a dog runs on the lawn", "a girl runs in the snow", "a dancer spins in a hall",
    ];

    sealed record Run(string Engine, int Parallel, int Jobs, double Seconds, double JobSeconds)
    {
        public double PerHour => Jobs / (Seconds / 3600);
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        if (s.Jobs is < 1 or > 64) throw new C3VException($"--jobs: {s.Jobs} is outside 1..64");
        var (w, h) = PipelineFactory.ParseSize(s.Size);
        var settings = Pipeline.Generator.Check(new GenerationSettings { Width = w, Height = h, DurationSeconds = s.Duration, Fps = s.Fps, Quality = "draft", Format = "gif" });
        var lines = Enumerable.Range(0, s.Jobs).Select(i => Prompts[i % Prompts.Length] + (i >= Prompts.Length ? $" at dusk {i}" : "")).ToList();
        var root = Directory.CreateTempSubdirectory("c3v-bench-batch-").FullName;
        Console.WriteLine($"bench batch: {s.Jobs} jobs at {w}x{h}, {s.Duration} s, {s.Fps} fps, draft, gif; {Environment.ProcessorCount} cores");
        var runs = new List<Run>();
        try
        {
            foreach (int workers in new[] { 1, 2 })
                runs.Add(Measure(root, $"local-{workers}", lines, settings, "local", workers, (ds, ledger, ct) =>
                    new LocalBatchRunner(BatchVerb.Executor(maps: false, verbose: false)).RunAsync(ds, ledger, new BatchOptions { Workers = workers }, SilentBatchObserver.Instance, ct), cancellation));
            if (s.Db is { } db)
            {
                var database = new ClusterDatabase(db);
                database.CheckAsync(cancellation).GetAwaiter().GetResult();
                var cli = SiloProcess.ThisCli(typeof(CliApp).Assembly.Location);
                foreach (int silos in new[] { 1, 2 })
                {
                    var id = $"bench-{Guid.NewGuid():N}"[..18];
                    var started = Enumerable.Range(0, silos).Select(_ => new SiloProcess(cli, db, id, slots: 1)).ToList();
                    try
                    {
                        foreach (var silo in started) silo.WaitFor("joined cluster", TimeSpan.FromMinutes(2));
                        var client = new ClusterBatchClient(database, id);
                        runs.Add(Measure(root, $"cluster-{silos}", lines, settings, "cluster", silos, (ds, ledger, ct) =>
                            client.RunAsync(ds, ledger, new BatchOptions(), SilentBatchObserver.Instance, ct), cancellation));
                    }
                    finally { foreach (var silo in started) silo.Dispose(); }
                }
            }
        }
        finally { Directory.Delete(root, recursive: true); }

        Console.WriteLine($"{"engine",-8} {"parallel",8} {"jobs",5} {"wall s",8} {"videos/h",9} {"wall s/job",11} {"work s/job",11}");
        foreach (var r in runs)
            Console.WriteLine($"{r.Engine,-8} {r.Parallel,8} {r.Jobs,5} {r.Seconds,8:0.0} {r.PerHour,9:0.0} {r.Seconds / r.Jobs,11:0.00} {r.JobSeconds,11:0.00}");
        var local1 = runs.First(r => r.Engine == "local" && r.Parallel == 1);
        Console.WriteLine($"speed-up, 2 local workers: {runs.First(r => r.Engine == "local" && r.Parallel == 2).PerHour / local1.PerHour:0.00}x");
        if (runs.FirstOrDefault(r => r.Engine == "cluster" && r.Parallel == 1) is { } cluster1)
        {
            Console.WriteLine($"speed-up, 2 silos: {runs.First(r => r.Engine == "cluster" && r.Parallel == 2).PerHour / cluster1.PerHour:0.00}x");
            Console.WriteLine($"cluster overhead per job (1 silo vs 1 local worker, wall): {cluster1.Seconds / cluster1.Jobs - local1.Seconds / local1.Jobs:+0.00;-0.00} s "
                + $"({(cluster1.Seconds / local1.Seconds - 1) * 100:+0.0;-0.0} %)");
        }
        return 0;
    }

    /// <summary>One run of the jobs in a fresh dataset; the wall time and the mean work seconds per job.</summary>
    static Run Measure(string root, string name, IReadOnlyList<string> lines, GenerationSettings settings, string engine, int parallel,
        Func<DatasetFolder, BatchLedger, CancellationToken, Task<BatchStatus>> run, CancellationToken cancellation)
    {
        var ds = DatasetFolder.Open(Path.Combine(root, name), create: true);
        var ledger = new BatchLedger(ds, PromptFile.Parse(lines, root, settings), "bench", engine, parallel);
        var clock = Stopwatch.StartNew();
        var status = run(ds, ledger, cancellation).GetAwaiter().GetResult();
        double seconds = clock.Elapsed.TotalSeconds;
        if (status.Failed > 0) throw new C3VException($"bench batch: {status.Failed} job(s) of the {name} run failed: {ds.ReadManifest().First(r => r.Error is not null).Error}");
        var manifest = ds.ReadManifest();
        Console.WriteLine($"  {name}: {status.Done} videos in {seconds:0.0} s");
        return new Run(engine, parallel, status.Done, seconds, manifest.Average(r => r.Seconds ?? 0));
    }
}
