using System.ComponentModel;
using System.Text.Json;
using C3V.Batch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

[Verb("dataset pack", "Write a dataset's finished videos as WebDataset-style tar shards (video, contact sheet, annotations, prompt per sample)",
    Examples = ["dataset pack dataset --shards 4", "dataset pack dataset --shards 16 -o /data/c3v-shards --force"])]
public sealed class DatasetPackVerb : Command<DatasetPackVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DATASET>")]
        [Description("The dataset folder made by c3v batch")]
        public string Dataset { get; init; } = "";

        [CommandOption("--shards <N>")]
        [Bounds(1, 100000)]
        [Description("Number of tar files (samples split evenly, in manifest order). Default 1")]
        public int Shards { get; init; } = 1;

        [CommandOption("-o|--output <DIR>")]
        [Description("Where the shards go. Default DATASET/shards")]
        public string? Output { get; init; }

        [CommandOption("--force")]
        [Description("Replace an existing output folder")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var s = DatasetPacker.Pack(DatasetFolder.Open(settings.Dataset, create: false), settings.Shards, settings.Output, settings.Force, cancellation);
        Console.Out.WriteLine($"{s.Folder}: {s.Samples} samples in {s.Shards.Count} shard(s), {s.Bytes / 1e6:0.0} MB");
        foreach (var (file, n) in s.Shards) Console.Out.WriteLine($"  {file}: {n} samples");
        return 0;
    }
}

[Verb("dataset stats", "Summarise a dataset: jobs by status, actor kinds, motions, scenes, durations, failures",
    Examples = ["dataset stats dataset", "dataset stats dataset --json"])]
public sealed class DatasetStatsVerb : Command<DatasetStatsVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DATASET>")]
        [Description("The dataset folder made by c3v batch")]
        public string Dataset { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the summary as JSON")]
        public bool Json { get; init; }

        [CommandOption("--top <N>")]
        [Bounds(1, 1000)]
        [Description("Rows per table (most frequent first). Default 10")]
        public int Top { get; init; } = 10;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var stats = DatasetStats.Of(DatasetFolder.Open(settings.Dataset, create: false));
        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(stats, new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }));
            return 0;
        }
        var c = AnsiConsole.Console;
        c.MarkupLine($"[bold]{stats.Jobs}[/] jobs: [green]{stats.Done} done[/], [red]{stats.Failed} failed[/], {stats.Pending} pending; {stats.Actors} actors");
        c.MarkupLine($"video: {stats.TotalVideoSeconds:0.#} s in all, {stats.MinVideoSeconds:0.#}–{stats.MaxVideoSeconds:0.#} s per clip; {stats.MeanJobSeconds:0.#} s of work per video");
        foreach (var (title, table) in new[] { ("kind", stats.Kinds), ("motion", stats.Motions), ("scene", stats.Scenes), ("size", stats.Sizes), ("camera", stats.Cameras), ("failure", stats.Failures) })
        {
            if (table.Count == 0) continue;
            var t = new Table().AddColumn(title).AddColumn(new TableColumn("count").RightAligned());
            foreach (var (k, v) in table.Take(Math.Max(1, settings.Top))) t.AddRow(Markup.Escape(k), v.ToString());
            if (table.Count > settings.Top) t.AddRow($"[grey]… {table.Count - settings.Top} more[/]", "");
            c.Write(t);
        }
        foreach (var u in stats.Unreadable) c.MarkupLine($"[yellow]unreadable project:[/] {Markup.Escape(u)}");
        return 0;
    }
}
