using System.Text.Json;
using C3V.Batch;
using Spectre.Console;

namespace C3V.Cli;

/// <summary>
/// Runs a batch for the terminal, whichever engine runs it: a progress bar whose line holds done/failed/running,
/// throughput and ETA, a line per finished job; or nothing with --quiet; or a JSON summary with --json. Ctrl-C
/// stops the workers, saves the manifest and exits 130; rerunning resumes.
/// </summary>
static class BatchConsole
{
    public static int Run(IAnsiConsole console, bool quiet, bool json, bool failOnError, string source, DatasetFolder dataset, PromptFileResult input,
        BatchLedger ledger, int cleaned, CancellationToken outer, Func<IBatchObserver, CancellationToken, Task<BatchStatus>> run)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            foreach (var p in input.Problems) Console.Error.WriteLine($"c3v: warning: {source} {p} (the other lines run)");
            BatchStatus status;
            if (quiet || json)
                status = run(new LinesObserver(null), cts.Token).GetAwaiter().GetResult();
            else
            {
                if (cleaned > 0) console.MarkupLine($"[grey]removed {cleaned} unfinished attempt(s) left by an interrupted run[/]");
                if (ledger.Skipped > 0) console.MarkupLine($"[grey]{ledger.Skipped} job(s) already done: skipped[/]");
                status = console.Progress().AutoClear(false).HideCompleted(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .StartAsync(ctx =>
                    {
                        var task = ctx.AddTask("batch", maxValue: Math.Max(1, ledger.Pending.Count));
                        return run(new LinesObserver(new BarView(task, console)), cts.Token);
                    }).GetAwaiter().GetResult();
            }
            if (json)
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    dataset = dataset.Root, status.Total, status.Done, status.Failed, status.Skipped, refusedLines = input.Problems.Select(p => p.ToString()),
                    seconds = Math.Round(status.Elapsed.TotalSeconds, 1), videosPerHour = Math.Round(status.VideosPerHour, 1),
                }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            else
                Console.Out.WriteLine($"{dataset.Root}: {status.Done} done, {status.Failed} failed, {status.Skipped} done before, {input.Problems.Count} line(s) refused"
                    + $" in {BatchStatus.Format(status.Elapsed)} ({status.VideosPerHour:0.#} videos/h); manifest {dataset.Manifest}");
            return failOnError && (status.Failed > 0 || input.Problems.Count > 0) ? 1 : 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>The bar of the progress display.</summary>
    sealed record BarView(ProgressTask Task, IAnsiConsole Console);

    /// <summary>A line per finished job (stderr for failures) and the bar's status line.</summary>
    sealed class LinesObserver(BarView? bar) : IBatchObserver
    {
        public void JobStarted(JobRecord job) { }

        public void JobFinished(JobRecord job)
        {
            if (job.Status == JobStatus.Failed) Console.Error.WriteLine($"c3v: job {job.Id} (line {job.Line}) failed: {job.Error}");
            else bar?.Console.MarkupLine($"[green]done[/]  {Markup.Escape(job.Id)} in {job.Seconds:0.0} s on {Markup.Escape(job.Worker ?? "?")}");
        }

        public void Note(string message)
        {
            if (bar is null) Console.Error.WriteLine($"c3v: {message}");
            else bar.Console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");
        }

        public void Status(BatchStatus s)
        {
            if (bar is null) return;
            bar.Task.Description = Markup.Escape(s.ToString());
            bar.Task.Value = s.Finished;
        }
    }
}
