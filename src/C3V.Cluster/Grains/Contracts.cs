namespace C3V.Cluster.Grains;

/// <summary>A job handed to a silo: which dataset, the job (a manifest record as JSON), which attempt.</summary>
[GenerateSerializer, Immutable]
public sealed class JobTicket
{
    /// <summary>batch id / job id: the job grain's key and the queue's.</summary>
    [Id(0)] public required string Key { get; init; }
    [Id(1)] public required string Dataset { get; init; }
    [Id(2)] public required string JobJson { get; init; }
    [Id(3)] public int Attempt { get; init; }
    /// <summary>Also write depth and mask maps (batch --maps).</summary>
    [Id(4)] public bool Maps { get; init; }
}

/// <summary>Where one job of a batch stands, as the queue tells the client.</summary>
[GenerateSerializer, Immutable]
public sealed class JobProgress
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required string Status { get; init; }
    [Id(2)] public string? Silo { get; init; }
    [Id(3)] public int Attempts { get; init; }
    /// <summary>The finished attempt's manifest record (JSON), once done or failed.</summary>
    [Id(4)] public string? ResultJson { get; init; }
}

/// <summary>The changes of a batch since a stamp, the new stamp, and how many silos are active.</summary>
[GenerateSerializer, Immutable]
public sealed class BatchProgress
{
    [Id(0)] public IReadOnlyList<JobProgress> Changed { get; init; } = [];
    [Id(1)] public long Stamp { get; init; }
    [Id(2)] public int ActiveSilos { get; init; }
    [Id(3)] public int Unfinished { get; init; }
}

/// <summary>
/// The cluster's job queue (one grain, its state in PostgreSQL): batches are submitted to it, silos lease jobs
/// from it as they have free cores and report each attempt; jobs leased to a silo that membership declares dead
/// go back to the queue.
/// </summary>
public interface IJobQueueGrain : IGrainWithStringKey
{
    /// <summary>Queues a batch's jobs (manifest records as JSON); a job already queued or running is left as it is.</summary>
    Task Submit(string batchId, string dataset, IReadOnlyList<string> jobsJson, int retry, bool maps);
    /// <summary>
    /// Leases up to <paramref name="count"/> pending jobs to <paramref name="silo"/>, which says which jobs it runs:
    /// a job the queue has as running there but the silo does not (the answer of an earlier lease was lost, or its
    /// result never reached the queue) goes back to the queue.
    /// </summary>
    Task<IReadOnlyList<JobTicket>> Lease(string silo, int count, IReadOnlyList<string> running);
    Task Complete(string silo, string key, int attempt, string resultJson);
    /// <summary>
    /// An attempt the cluster could not carry out (a grain call or its storage failed; the job itself did not fail):
    /// the job goes back to the queue, leased again after a growing pause, and fails only after a few such tries.
    /// </summary>
    Task Requeue(string silo, string key, int attempt, string reason);
    Task<BatchProgress> Progress(string batchId, long since);
    /// <summary>Drops a batch's jobs that no silo runs (Ctrl-C on the client).</summary>
    Task Cancel(string batchId);
    /// <summary>Forgets a finished batch.</summary>
    Task Close(string batchId);
}

/// <summary>
/// One job (keyed batch id / job id), activated on the silo that leased it: runs it through the batch core's
/// <see cref="Batch.JobExecution"/> and keeps its state (status, silo, attempt, times, error) in PostgreSQL.
/// </summary>
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Runs the attempt; returns its manifest record as JSON.</summary>
    Task<string> Run(JobTicket ticket);
}

/// <summary>The pipeline as a silo runs it: without and with the depth and mask maps.</summary>
public sealed record JobExecutors(Batch.IJobExecutor Plain, Batch.IJobExecutor WithMaps)
{
    public Batch.IJobExecutor For(bool maps) => maps ? WithMaps : Plain;
}
