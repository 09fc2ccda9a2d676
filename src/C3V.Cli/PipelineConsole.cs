using System.Text.Json;
using C3V.Common;
using C3V.Pipeline;
using Spectre.Console;

namespace C3V.Cli;

/// <summary>
/// Runs a pipeline verb for the terminal: a Spectre.Console progress display with a line per stage (and a bar
/// with an ETA while rendering), or nothing with --quiet, or a JSON summary with --json; Ctrl-C cancels
/// cleanly (the pipeline leaves a resumable project once it has one).
/// </summary>
static class PipelineConsole
{
    public static int Run(IAnsiConsole console, bool quiet, bool json, CancellationToken outer,
        Func<IPipelineObserver, CancellationToken, Task<RunSummary>> run)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            RunSummary summary;
            if (quiet || json)
            {
                var warnings = new WarningsToStderr();
                summary = run(warnings, cts.Token).GetAwaiter().GetResult();
            }
            else
            {
                summary = console.Progress()
                    .AutoClear(false)
                    .HideCompleted(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                        new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(ctx => run(new ProgressObserver(ctx, console), cts.Token)).GetAwaiter().GetResult();
            }
            if (json) Console.Out.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            else if (!quiet) PrintSummary(console, summary);
            else Console.Out.WriteLine(summary.Video);
            return 0;
        }
        catch (RenderInterruptedException e)
        {
            Console.Error.WriteLine($"c3v: {e.Message}");
            throw;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    static void PrintSummary(IAnsiConsole console, RunSummary s)
    {
        console.MarkupLine($"[green]done[/] in {s.Seconds:0.0} s (peak memory {s.PeakMemoryMb:0} MB)");
        console.MarkupLine($"  project:       {Markup.Escape(s.Project)}");
        console.MarkupLine($"  video:         {Markup.Escape(s.Video ?? "-")} ({s.Frames} frames, {s.Format})");
        if (s.ResumedFrames > 0) console.MarkupLine($"  resumed:       {s.ResumedFrames} frames of the interrupted render were kept");
        console.MarkupLine($"  contact sheet: {Markup.Escape(s.ContactSheet ?? "-")}");
        console.MarkupLine($"  reused:        {Markup.Escape(s.Reused.Count == 0 ? "nothing" : string.Join(", ", s.Reused))}");
        console.MarkupLine($"  recomputed:    {Markup.Escape(s.Recomputed.Count == 0 ? "nothing" : string.Join(", ", s.Recomputed))}");
        foreach (var p in s.PreviousRenders) console.MarkupLine($"  kept previous: {Markup.Escape(p)}");
    }

    /// <summary>--quiet/--json: no progress, warnings on stderr.</summary>
    sealed class WarningsToStderr : IPipelineObserver
    {
        public void Started(string stage, string detail) { }
        public void Progress(string stage, int done, int total) { }
        public void Finished(string stage, string summary, bool reused) { }
        public void Warning(string message) => Console.Error.WriteLine($"c3v: warning: {message}");
    }

    sealed class ProgressObserver(ProgressContext ctx, IAnsiConsole console) : IPipelineObserver
    {
        readonly Dictionary<string, ProgressTask> _tasks = [];

        public void Started(string stage, string detail)
        {
            var task = ctx.AddTask(Markup.Escape($"{stage,-8} {detail}"), maxValue: 1);
            task.IsIndeterminate = stage != "render";
            _tasks[stage] = task;
        }

        public void Progress(string stage, int done, int total)
        {
            if (!_tasks.TryGetValue(stage, out var t)) return;
            t.IsIndeterminate = false;
            t.MaxValue = total;
            t.Value = done;
        }

        public void Finished(string stage, string summary, bool reused)
        {
            if (!_tasks.TryGetValue(stage, out var t)) return;
            t.Description = Markup.Escape($"{stage,-8} {summary}") + (reused ? " [grey](reused)[/]" : "");
            t.IsIndeterminate = false;
            t.Value = t.MaxValue;
            t.StopTask();
        }

        public void Warning(string message) => console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");
    }
}
