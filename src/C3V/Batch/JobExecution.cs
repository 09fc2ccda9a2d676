using System.Diagnostics;
using C3V.Common;

namespace C3V.Batch;

/// <summary>
/// One attempt at one job, the same on a local worker and on a silo: skip it if its project is already published,
/// else make it in a fresh staging folder and publish it in one rename. A failure becomes a failed record (the
/// batch goes on); cancellation removes the attempt and propagates.
/// </summary>
public static class JobExecution
{
    public static async Task<JobRecord> RunAsync(DatasetFolder dataset, BatchJob job, IJobExecutor executor, string worker, int attempt,
        CancellationToken cancellation)
    {
        if (dataset.Finished(job.Id) is { } already) return already;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var record = JobRecord.PendingFor(job) with { Status = JobStatus.Running, Attempts = attempt, Worker = worker, StartedUtc = started };
        var staging = dataset.NewStaging(job.Id);
        try
        {
            // Off the caller's thread: the pipeline is CPU-bound and partly synchronous.
            var output = await Task.Run(() => executor.RunAsync(job, staging, cancellation), cancellation);
            var rel = dataset.RelativeProject(job.Id);
            record = record with
            {
                Status = JobStatus.Done, FinishedUtc = DateTimeOffset.UtcNow, Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                Stages = output.Stages, Project = rel, Files = output.Files.Select(f => $"{rel}/{f}").ToList(), Warnings = output.Warnings,
            };
            cancellation.ThrowIfCancellationRequested();
            return dataset.Publish(staging, record) ? record : dataset.Finished(job.Id) ?? record;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            DatasetFolder.Discard(staging);
            throw;
        }
        catch (Exception e)
        {
            DatasetFolder.Discard(staging);
            return record with
            {
                Status = JobStatus.Failed, FinishedUtc = DateTimeOffset.UtcNow, Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                Error = e is C3VException or IOException or UnauthorizedAccessException ? e.Message : $"internal error: {e.GetType().Name}: {e.Message}",
            };
        }
    }
}
