using System.ComponentModel;
using System.Text.Json;
using C3V.Batch;
using C3V.Cli.Options;
using C3V.Common;
using C3V.Pipeline;
using C3V.Projects;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

[Verb("batch", "Make a dataset: one video project per prompt line (text or JSONL), resumable, with a manifest and totals",
    Examples = ["batch prompts.txt -o dataset --size 256x256 --quality draft", "batch prompts.jsonl -o dataset --variants 3 --workers 2 --retry 1"])]
public sealed class BatchVerb : Command<BatchVerb.Settings>
{
    public sealed class Settings : GenerationOptions
    {
        [CommandArgument(0, "<PROMPTS>")]
        [Description("A text file (one prompt a line) or JSONL (one object a line: prompt plus any of seed, size, duration, fps, camera, quality, format, llm, library)")]
        public string Prompts { get; init; } = "";

        [CommandOption("-o|--output <DATASET>")]
        [Description("The dataset folder (created, or resumed when it already is one). Default: the prompt file's name + -dataset")]
        public string? Output { get; init; }

        [CommandOption("--force")]
        [Description("Use an existing folder that is not a dataset (nothing in it is deleted)")]
        public bool Force { get; init; }

        [CommandOption("--workers <N>")]

        [Bounds(1, 256)]
        [Description("Jobs at once (default: what the cores and memory allow)")]
        public int? Workers { get; init; }

        [CommandOption("--variants <K>")]

        [Bounds(1, 1000)]
        [Description("Videos per prompt line: seeds seed..seed+K-1. Default 1")]
        public int Variants { get; init; } = 1;

        [CommandOption("--vary-camera")]
        [Description("With --variants: variant k also takes the k-th camera path (static, orbit, dolly, follow, crane)")]
        public bool VaryCamera { get; init; }

        [CommandOption("--retry <N>")]

        [Bounds(0, 100)]
        [Description("Attempts again after a job fails, up to N times. Default 0")]
        public int Retry { get; init; }

        [CommandOption("--fail-on-error")]
        [Description("Exit with code 1 when a job failed or a line was refused (default: record it and exit 0)")]
        public bool FailOnError { get; init; }

        [CommandOption("--maps")]
        [Description("Also write per-frame depth (16-bit mm) and instance-mask PNGs beside each video's annotations.json (renders/maps/)")]
        public bool Maps { get; init; }

        [CommandOption("--cluster <DB>")]
        [Description("Run on an Orleans cluster whose membership is in this PostgreSQL database (\"Host=…;Database=…;Username=…;Password=…\"); start silos with c3v cluster silo")]
        public string? Cluster { get; init; }

        [CommandOption("--cluster-id <ID>")]
        [Description("The cluster's name (as given to its silos). Default c3v")]
        public string ClusterId { get; init; } = C3V.Cluster.ClusterNames.DefaultClusterId;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var defaults = settings.ToGenerationSettings();
        var options = new BatchOptions { Workers = settings.Workers ?? BatchOptions.DefaultWorkers(), Retry = settings.Retry }.Check();
        var input = PromptFile.Read(settings.Prompts, defaults, settings.Variants, settings.VaryCamera);
        if (input.Jobs.Count == 0 && input.Problems.Count == 0) throw new C3VException($"{settings.Prompts}: no prompts (one a line; '#' starts a comment)");
        var output = settings.Output ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Prompts))!, Path.GetFileNameWithoutExtension(settings.Prompts) + "-dataset");
        var dataset = DatasetFolder.Open(output, create: true, settings.Force);
        using var hold = dataset.Lock();
        int cleaned = dataset.CleanStaging();
        var ledger = new BatchLedger(dataset, input, Path.GetFullPath(settings.Prompts), settings.Cluster is null ? "local" : "cluster", options.Workers);
        Func<IBatchObserver, CancellationToken, Task<BatchStatus>> run;
        if (settings.Cluster is { } db)
        {
            var client = new C3V.Cluster.ClusterBatchClient(new C3V.Cluster.ClusterDatabase(db), settings.ClusterId) { Maps = settings.Maps };
            run = (observer, ct) => client.RunAsync(dataset, ledger, options, observer, ct);
        }
        else
        {
            var runner = new LocalBatchRunner(Executor(settings.Maps, settings.Verbose));
            run = (observer, ct) => runner.RunAsync(dataset, ledger, options, observer, ct);
        }
        return BatchConsole.Run(AnsiConsole.Console, settings.Quiet, settings.Json, settings.FailOnError, settings.Prompts, dataset, input, ledger, cleaned, cancellation, run);
    }

    /// <summary>The pipeline as the batch engines call it (local workers and silos alike).</summary>
    internal static IJobExecutor Executor(bool maps, bool verbose) => new PipelineJobExecutor(llm => PipelineFactory.Generator(llm, SilentObserver.Instance, verbose), maps);
}

[Verb("cluster silo", "Start a silo: a worker of an Orleans cluster that runs batch jobs (membership and job state in PostgreSQL)",
    Examples = ["cluster silo --db Host=127.0.0.1;Database=c3v;Username=c3v;Password=c3v", "cluster silo --db Host=db.lan;Database=c3v;Username=c3v;Password=pw --address 10.0.0.5 --port 11112 --gateway-port 30001"])]
public sealed class ClusterSiloVerb : Command<ClusterSiloVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--db <CONNECTION>")]
        [Description("The PostgreSQL database of the cluster: \"Host=…;Database=…;Username=…;Password=…\" (the Orleans tables are created if missing)")]
        public string Db { get; init; } = "";

        [CommandOption("--cluster-id <ID>")]
        [Description("The cluster's name. Default c3v")]
        public string ClusterId { get; init; } = C3V.Cluster.ClusterNames.DefaultClusterId;

        [CommandOption("--address <IP>")]
        [Description("The address other machines reach this silo at. Default 127.0.0.1 (a cluster on one machine)")]
        public string Address { get; init; } = "127.0.0.1";

        [CommandOption("--port <N>")]
        [Bounds(1, 65535)]
        [Description("Silo-to-silo TCP port. Default 11111")]
        public int Port { get; init; } = 11111;

        [CommandOption("--gateway-port <N>")]
        [Bounds(1, 65535)]
        [Description("Port clients (c3v batch --cluster) connect to. Default 30000")]
        public int GatewayPort { get; init; } = 30000;

        [CommandOption("--slots <N>")]
        [Bounds(1, 256)]
        [Description("Jobs at once (default: what the cores and memory allow)")]
        public int? Slots { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(settings.Db)) throw new C3VException("--db: give the cluster's PostgreSQL connection string, e.g. --db \"Host=127.0.0.1;Database=c3v;Username=c3v;Password=c3v\"");
        if (!System.Net.IPAddress.TryParse(settings.Address, out var address)) throw new C3VException($"--address: '{settings.Address}' is not an IP address");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += onCancel;
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; cts.Cancel(); });
        try
        {
            var options = new C3V.Cluster.SiloOptions
            {
                Database = new C3V.Cluster.ClusterDatabase(settings.Db), ClusterId = settings.ClusterId, Address = address,
                SiloPort = settings.Port, GatewayPort = settings.GatewayPort, Slots = settings.Slots ?? BatchOptions.DefaultWorkers(),
            };
            var log = TextWriter.Synchronized(Console.Out);
            C3V.Cluster.SiloHost.RunAsync(options, maps => BatchVerb.Executor(maps, verbose: false), log, cts.Token).GetAwaiter().GetResult();
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
