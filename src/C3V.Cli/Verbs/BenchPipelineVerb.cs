using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using C3V.Pipeline;
using C3V.Projects;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>
/// Times the whole pipeline as a user runs it (embedded defaults), after an untimed warm-up: one actor 512×512
/// 4 s 24 fps, two actors, then each kind of edit (motion, camera, object, scene) of the one-actor project, in a
/// fresh temporary folder; prints seconds and peak memory per stage, each edit's share of the generate, and the
/// CPU time of the process and its ffmpeg children (wall time on a shared machine depends on the load, CPU time less so).
/// </summary>
[Verb("bench pipeline", "Benchmark generate (one and two actors) and each kind of edit end to end, per stage",
    Examples = ["bench pipeline", "bench pipeline --size 256x256 --json"])]
public sealed class BenchPipelineVerb : Command<BenchPipelineVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--size <WxH>")]
        [Description("Frame size. Default 512x512")]
        public string Size { get; init; } = "512x512";

        [CommandOption("--duration <SECONDS>")]
        [Bounds(0.5, 120)]
        public double Duration { get; init; } = 4;

        [CommandOption("--fps <FPS>")]
        [Bounds(1, 120)]
        public int Fps { get; init; } = 24;

        [CommandOption("--json")]
        public bool Json { get; init; }

        [CommandOption("--profile")]
        [Description("Also print where each render spends its time (posing, rasterizer phases, merge, cache, writer) and ffmpeg's CPU")]
        public bool Profile { get; init; }

        [CommandOption("--swap-only")]
        [Description("Time only the one-actor generate and the motion-swap edit")]
        public bool SwapOnly { get; init; }
    }

    /// <summary>
    /// CPU seconds of this process plus its finished children (ffmpeg encodes in a child process): utime, stime,
    /// cutime and cstime of /proc/self/stat, in clock ticks of 1/100 s (Linux's USER_HZ).
    /// </summary>
    static double CpuSeconds() => OwnCpuSeconds() + ChildCpuSeconds();

    static double OwnCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    static double ChildCpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17.
            return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }

    /// <summary>Per case, the render's phases (ms summed over its frames), what the render stage spent outside the frame loop, and ffmpeg's CPU.</summary>
    static Table ProfileTable(IReadOnlyList<Row> rows)
    {
        var table = new Table().AddColumn("phase (ms, all frames)");
        foreach (var r in rows) table.AddColumn(new TableColumn(Markup.Escape(r.Case)).RightAligned());
        string[] Cells(Func<Row, double> value) => rows.Select(r => value(r).ToString("0", CultureInfo.InvariantCulture)).ToArray();
        var phases = rows[0].Profile.Rows().Select(p => p.Phase).ToArray();
        for (int i = 0; i < phases.Length; i++)
        {
            int k = i;
            table.AddRow([phases[k], .. Cells(r => r.Profile.Rows()[k].Ms)]);
        }
        table.AddRow(["[bold]frame loop[/]", .. Cells(r => r.Profile.TotalMs)]);
        table.AddRow(["per rendered frame: Gaussians", .. Cells(r => r.Profile.Gaussians / (double)Math.Max(1, r.Profile.Frames))]);
        table.AddRow(["per rendered frame: visible splats", .. Cells(r => r.Profile.Visible / (double)Math.Max(1, r.Profile.Frames))]);
        table.AddRow(["per rendered frame: tile/splat pairs", .. Cells(r => r.Profile.Pairs / (double)Math.Max(1, r.Profile.Frames))]);
        table.AddRow(["render stage outside the loop (ffmpeg start, waiting for the encode to finish, contact sheet)",
            .. Cells(r => 1000 * (r.Summary.Stages.LastOrDefault(s => s.Stage == "render")?.Seconds ?? 0) - r.Profile.TotalMs)]);
        table.AddRow(["stages before the render", .. Cells(r => 1000 * r.Summary.Stages.Where(s => s.Stage != "render").Sum(s => s.Seconds))]);
        table.AddRow(["CPU: the frame loop (this process)", .. Cells(r => r.Profile.CpuMs)]);
        table.AddRow(["CPU: this process (all threads)", .. Cells(r => 1000 * (r.CpuSeconds - r.ChildCpuSeconds))]);
        table.AddRow(["CPU: ffmpeg", .. Cells(r => 1000 * r.ChildCpuSeconds)]);
        return table;
    }

    static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    sealed record Row(string Case, RunSummary Summary, double CpuSeconds, double ChildCpuSeconds, ClipProfile Profile);

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
                double cpu = CpuSeconds(), child = ChildCpuSeconds();
                var profile = new ClipProfile();
                var generator = PipelineFactory.Generator("rules", SilentObserver.Instance, verbose: false);
                generator.RenderProfile = profile;
                var s = run(generator).GetAwaiter().GetResult();
                var row = new Row(name, s, CpuSeconds() - cpu, ChildCpuSeconds() - child, profile);
                if (!settings.Json) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(name)}: {s.Seconds:0.0} s[/]");
                return row;
            }
            // Warm-up (not reported): a tiny generate and edit, so the timed runs do not pay for JIT compilation.
            var warm = Path.Combine(root, "warm-up");
            var tiny = gen with { Width = 64, Height = 64, Fps = 6, DurationSeconds = 1, Quality = "draft", Format = "png" };
            PipelineFactory.Generator("rules", SilentObserver.Instance, verbose: false).GenerateAsync(new GenerateRequest("a robot dances on a stage", warm, false, tiny), cancellation).GetAwaiter().GetResult();
            PipelineFactory.Generator("rules", SilentObserver.Instance, verbose: false).EditAsync(warm, new EditRequest { Motion = "waves", Replace = true }, cancellation).GetAwaiter().GetResult();

            var one = Path.Combine(root, "one");
            rows.Add(Time("one actor", g => g.GenerateAsync(new GenerateRequest("a robot dances on a stage", one, false, gen), cancellation)));
            if (!settings.SwapOnly)
                rows.Add(Time("two actors", g => g.GenerateAsync(new GenerateRequest(
                    "a man in a black suit playing kung fu and a woman in ski clothes dancing on a simple stage", Path.Combine(root, "two"), false, gen), cancellation)));
            // Each edit kind on the one-actor project, one after the other (each changes one concept of the last state).
            rows.Add(Time("edit: swap motion", g => g.EditAsync(one, new EditRequest { Motion = "waves", Replace = true }, cancellation)));
            if (!settings.SwapOnly)
            {
                rows.Add(Time("edit: object", g => g.EditAsync(one, new EditRequest { Object = "an alien", Replace = true }, cancellation)));
                rows.Add(Time("edit: scene", g => g.EditAsync(one, new EditRequest { Scene = "a lawn in front of a cabin", Replace = true }, cancellation)));
                rows.Add(Time("edit: camera", g => g.EditAsync(one, new EditRequest { Camera = "orbit", Replace = true }, cancellation)));
            }
        }
        finally { Directory.Delete(root, recursive: true); }

        if (settings.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(rows.Select(r => new
            {
                r.Case, r.CpuSeconds, FfmpegCpuSeconds = r.ChildCpuSeconds, r.Summary.Seconds, r.Summary.PeakMemoryMb, r.Summary.Stages,
                Profile = settings.Profile ? r.Profile.Rows().ToDictionary(p => p.Phase, p => Math.Round(p.Ms, 1)) : null,
            }),
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
        if (settings.Profile) AnsiConsole.Write(ProfileTable(rows));
        foreach (var r in rows.Where(r => r.Case.StartsWith("edit", StringComparison.Ordinal)))
            AnsiConsole.MarkupLine($"{Markup.Escape(r.Case)} / generate (one actor): {r.Summary.Seconds / rows[0].Summary.Seconds:P0} wall, {r.CpuSeconds / rows[0].CpuSeconds:P0} cpu");
        using (var p = Process.GetCurrentProcess()) AnsiConsole.MarkupLine($"load average at the end: {LoadAverage()}; peak working set {p.PeakWorkingSet64 / 1048576.0:0} MB");
        return 0;
    }
}
