using System.Threading.Channels;

namespace C3V.Batch;

/// <summary>How a batch runs.</summary>
public sealed record BatchOptions
{
    /// <summary>Jobs at once.</summary>
    public int Workers { get; init; } = DefaultWorkers();
    /// <summary>Further attempts after a job fails.</summary>
    public int Retry { get; init; }

    /// <summary>
    /// What the machine allows: a job per core (rendering is parallel inside a job, but the stages before it are
    /// not), fewer when memory is short (about 1 GB a job at the default size).
    /// </summary>
    /// <summary>Rejects absurd values with a message naming the option.</summary>
    public BatchOptions Check()
    {
        if (Workers is < 1 or > 256) throw new Common.C3VException($"--workers: {Workers} is outside 1..256");
        if (Retry is < 0 or > 100) throw new Common.C3VException($"--retry: {Retry} is outside 0..100");
        return this;
    }

    public static int DefaultWorkers()
    {
        long bytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        int byMemory = bytes > 0 ? (int)Math.Max(1, bytes / (1L << 30)) : int.MaxValue;
        return Math.Clamp(Math.Min(Environment.ProcessorCount, byMemory), 1, 64);
    }
}

/// <summary>
/// Runs a batch's pending jobs on this machine: <see cref="BatchOptions.Workers"/> workers take jobs in file order,
/// each attempt through <see cref="JobExecution"/>, failures retried up to <see cref="BatchOptions.Retry"/> times
/// and then recorded (the batch goes on). Cancellation stops every worker; unfinished jobs go back to pending and
/// their attempts leave nothing behind.
/// </summary>
public sealed class LocalBatchRunner(IJobExecutor executor)
{
    public async Task<BatchStatus> RunAsync(DatasetFolder dataset, BatchLedger ledger, BatchOptions options, IBatchObserver observer,
        CancellationToken cancellation)
    {
        options.Check();
        var queue = Channel.CreateUnbounded<BatchJob>();
        foreach (var job in ledger.Pending) queue.Writer.TryWrite(job);
        queue.Writer.Complete();
        observer.Status(ledger.Status());
        using var ticker = new Timer(_ => observer.Status(ledger.Status()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var workers = Enumerable.Range(1, Math.Min(options.Workers, Math.Max(1, ledger.Pending.Count)))
            .Select(w => Work($"local-{w}", queue.Reader, dataset, ledger, options, observer, cancellation)).ToArray();
        try { await Task.WhenAll(workers); }
        finally
        {
            ledger.Flush(force: true);
            observer.Status(ledger.Status());
        }
        return ledger.Status();
    }

    async Task Work(string worker, ChannelReader<BatchJob> queue, DatasetFolder dataset, BatchLedger ledger, BatchOptions options,
        IBatchObserver observer, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested && queue.TryRead(out var job))
        {
            for (int attempt = 1; ; attempt++)
            {
                var running = JobRecord.PendingFor(job) with { Status = JobStatus.Running, Attempts = attempt, Worker = worker, StartedUtc = DateTimeOffset.UtcNow };
                ledger.Update(running);
                observer.JobStarted(running);
                JobRecord result;
                try { result = await JobExecution.RunAsync(dataset, job, executor, worker, attempt, cancellation); }
                catch (OperationCanceledException)
                {
                    ledger.Update(JobRecord.PendingFor(job) with { Attempts = attempt - 1 });
                    throw;
                }
                if (result.Status == JobStatus.Failed && attempt <= options.Retry)
                {
                    observer.Note($"{job.Id}: attempt {attempt} failed ({result.Error}); retrying");
                    continue;
                }
                ledger.Update(result);
                observer.JobFinished(result);
                break;
            }
        }
        cancellation.ThrowIfCancellationRequested();
    }
}
