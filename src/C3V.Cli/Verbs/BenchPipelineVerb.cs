using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using C3V.Pipeline;
using C3V.Projects;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>
/// Times the whole pipeline as a user runs it (embedded defaults): one actor 512×512 4 s 24 fps, two actors,
/// and an edit that swaps one motion, each in a fresh temporary folder; prints seconds and peak memory per
/// stage, and the process CPU time (wall time on a shared machine depends on the load, CPU time less so).
/// </summary>
[Verb("bench pipeline", "Benchmark generate (one and two actors) and a motion edit end to end, per stage",
    Examples = ["bench pipeline", "bench pipeline --size 256x256 --json"])]
public sealed class BenchPipelineVerb : Command<BenchPipelineVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--size <WxH>")]
        [Description("Frame size. Default 512x512")]
        public string Size { get; init; } = "512x512";

        [CommandOption("--duration <SECONDS>")]
        public double Duration { get; init; } = 4;

        [CommandOption("--fps <FPS>")]
        public int Fps { get; init; } = 24;

        [CommandOption("--json")]
        public bool Json { get; init; }
    }

    sealed record Row(string Case, RunSummary Summary, double CpuSeconds);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var (w, h) = PipelineFactory.ParseSize(settings.Size);
        var gen = new GenerationSettings { Width = w, Height = h, Fps = settings.Fps, DurationSeconds = settings.Duration, Format = "mp4" };
        var root = Directory.CreateTempSubdirectory("c3v-bench-").FullName;
        var rows = new List<Row>();
        try
        {
            Row Time(string name, Func<Generator, Task<RunSummary>> run)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var s = run(PipelineFactory.Generator("rules", SilentObserver.Instance)).GetAwaiter().GetResult();
                var row = new Row(name, s, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                if (!settings.Json) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(name)}: {s.Seconds:0.0} s[/]");
                return row;
            }
            var one = Path.Combine(root, "one");
            rows.Add(Time("one actor", g => g.GenerateAsync(new GenerateRequest("a robot dances on a stage", one, false, gen), cancellation)));
            rows.Add(Time("two actors", g => g.GenerateAsync(new GenerateRequest(
                "a man in a black suit playing kung fu and a woman in ski clothes dancing on a simple stage", Path.Combine(root, "two"), false, gen), cancellation)));
            rows.Add(Time("edit: swap motion", g => g.EditAsync(one, new EditRequest { Motion = "waves", Replace = true }, cancellation)));
        }
        finally { Directory.Delete(root, recursive: true); }

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { r.Case, r.CpuSeconds, r.Summary.Seconds, r.Summary.PeakMemoryMb, r.Summary.Stages }),
                new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            return 0;
        }
        var table = new Table().AddColumns("case", "stage", "seconds", "peak MB", "reused");
        foreach (var r in rows)
        {
            foreach (var st in r.Summary.Stages)
                table.AddRow(r.Case, st.Stage, st.Seconds.ToString("0.00"), st.PeakMemoryMb.ToString("0"), st.Reused ? "yes" : "");
            table.AddRow($"[bold]{Markup.Escape(r.Case)}[/]", "[bold]total[/]", $"[bold]{r.Summary.Seconds:0.0}[/]", $"[bold]{r.Summary.PeakMemoryMb:0}[/]", $"cpu {r.CpuSeconds:0.0} s");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"edit / generate (one actor): {rows[2].Summary.Seconds / rows[0].Summary.Seconds:P0} wall, {rows[2].CpuSeconds / rows[0].CpuSeconds:P0} cpu");
        return 0;
    }
}
