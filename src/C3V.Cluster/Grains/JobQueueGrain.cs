using C3V.Batch;
using Orleans.Runtime;

namespace C3V.Cluster.Grains;

[GenerateSerializer]
public sealed class QueuedJob
{
    [Id(0)] public string Key { get; set; } = "";
    [Id(1)] public string BatchId { get; set; } = "";
    [Id(2)] public string JobId { get; set; } = "";
    [Id(3)] public string Dataset { get; set; } = "";
    [Id(4)] public string JobJson { get; set; } = "";
    [Id(5)] public string Status { get; set; } = JobStatus.Pending;
    [Id(6)] public string? Silo { get; set; }
    [Id(7)] public int Attempts { get; set; }
    [Id(8)] public int Retry { get; set; }
    [Id(9)] public string? ResultJson { get; set; }
    /// <summary>Submission order (jobs are leased in it).</summary>
    [Id(10)] public long Order { get; set; }
    /// <summary>The queue's stamp when this entry last changed (the client asks for changes since a stamp).</summary>
    [Id(11)] public long Changed { get; set; }
    [Id(12)] public bool Maps { get; set; }
    /// <summary>Attempts the cluster could not carry out (see <see cref="IJobQueueGrain.Requeue"/>); not counted against --retry.</summary>
    [Id(13)] public int Requeues { get; set; }
    /// <summary>A requeued job is not leased before this time (a dead silo takes seconds to be declared dead).</summary>
    [Id(14)] public DateTimeOffset? NotBefore { get; set; }
}

[GenerateSerializer]
public sealed class QueueState
{
    [Id(0)] public Dictionary<string, QueuedJob> Jobs { get; set; } = [];
    [Id(1)] public long Stamp { get; set; }
}

public sealed class JobQueueGrain([PersistentState("queue", ClusterNames.Storage)] IPersistentState<QueueState> state,
    IClusterMembershipService membership, TimeProvider clock) : Grain, IJobQueueGrain
{
    QueueState S => state.State;

    public async Task Submit(string batchId, string dataset, IReadOnlyList<string> jobsJson, int retry, bool maps)
    {
        foreach (var json in jobsJson)
        {
            var job = JobRecord.TryParse(json) ?? throw new ArgumentException("not a job record", nameof(jobsJson));
            var key = $"{batchId}/{job.Id}";
            if (S.Jobs.TryGetValue(key, out var old) && old.Status is JobStatus.Pending or JobStatus.Running) continue;
            S.Jobs[key] = new QueuedJob
            {
                Key = key, BatchId = batchId, JobId = job.Id, Dataset = dataset, JobJson = json, Retry = retry, Maps = maps,
                Order = ++S.Stamp, Changed = S.Stamp,
            };
        }
        await state.WriteStateAsync();
    }

    /// <summary>Cluster failures of one job before it is failed (pauses of 2, 4, 8, 16, 30 s between: about a minute).</summary>
    public const int MaxRequeues = 5;

    public async Task<IReadOnlyList<JobTicket>> Lease(string silo, int count, IReadOnlyList<string> running)
    {
        bool changed = RequeueLost() | RequeueForgotten(silo, running);
        var now = clock.GetUtcNow();
        var tickets = new List<JobTicket>();
        foreach (var j in S.Jobs.Values.Where(j => j.Status == JobStatus.Pending && !(j.NotBefore > now)).OrderBy(j => j.Order).Take(Math.Clamp(count, 0, 64)))
        {
            j.Status = JobStatus.Running;
            j.Silo = silo;
            j.Attempts++;
            j.NotBefore = null;
            j.Changed = ++S.Stamp;
            tickets.Add(new JobTicket { Key = j.Key, Dataset = j.Dataset, JobJson = j.JobJson, Attempt = j.Attempts, Maps = j.Maps });
        }
        // Written before the silo is told: a lease the queue forgot could run twice.
        if (changed || tickets.Count > 0) await state.WriteStateAsync();
        return tickets;
    }

    public async Task Complete(string silo, string key, int attempt, string resultJson)
    {
        // A late report (the job was requeued since, or already finished) changes nothing.
        if (!S.Jobs.TryGetValue(key, out var j) || j.Status != JobStatus.Running || j.Attempts != attempt) return;
        var result = JobRecord.TryParse(resultJson);
        if (result is null) return;
        if (result.Status == JobStatus.Failed && j.Attempts <= j.Retry) j.Status = JobStatus.Pending;
        else
        {
            j.Status = result.Status;
            j.ResultJson = resultJson;
        }
        j.Silo = silo;
        j.Changed = ++S.Stamp;
        await state.WriteStateAsync();
    }

    public async Task Requeue(string silo, string key, int attempt, string reason)
    {
        if (!S.Jobs.TryGetValue(key, out var j) || j.Status != JobStatus.Running || j.Attempts != attempt) return;
        j.Requeues++;
        var now = clock.GetUtcNow();
        if (j.Requeues > MaxRequeues)
        {
            var job = JobRecord.TryParse(j.JobJson)!;
            j.Status = JobStatus.Failed;
            j.ResultJson = (job with
            {
                Status = JobStatus.Failed, Attempts = j.Attempts, Worker = ClusterNames.Worker(SiloAddress.FromParsableString(silo)), FinishedUtc = now,
                Error = $"cluster error ({j.Requeues} tries): {reason}",
            }).ToJsonLine();
        }
        else
        {
            j.Status = JobStatus.Pending;
            j.NotBefore = now + TimeSpan.FromSeconds(Math.Min(30, 1 << j.Requeues));
        }
        j.Silo = silo;
        j.Changed = ++S.Stamp;
        await state.WriteStateAsync();
    }

    public async Task<BatchProgress> Progress(string batchId, long since)
    {
        if (RequeueLost()) await state.WriteStateAsync();
        var batch = S.Jobs.Values.Where(j => j.BatchId == batchId).ToList();
        return new BatchProgress
        {
            Changed = batch.Where(j => j.Changed > since).Select(j => new JobProgress
            {
                JobId = j.JobId, Status = j.Status, Silo = j.Silo, Attempts = j.Attempts, ResultJson = j.ResultJson,
            }).ToList(),
            Stamp = S.Stamp,
            ActiveSilos = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active),
            Unfinished = batch.Count(j => j.Status is JobStatus.Pending or JobStatus.Running),
        };
    }

    public async Task Cancel(string batchId)
    {
        foreach (var j in S.Jobs.Values.Where(j => j.BatchId == batchId && j.Status == JobStatus.Pending).ToList()) S.Jobs.Remove(j.Key);
        await state.WriteStateAsync();
    }

    public async Task Close(string batchId)
    {
        foreach (var j in S.Jobs.Values.Where(j => j.BatchId == batchId && j.Status is not (JobStatus.Pending or JobStatus.Running)).ToList()) S.Jobs.Remove(j.Key);
        // An idle queue keeps no row payload in the database (the storage's clear query); the next Submit writes it anew.
        if (S.Jobs.Count == 0) await state.ClearStateAsync();
        else await state.WriteStateAsync();
    }

    /// <summary>Puts back in the queue the jobs the queue has as running on <paramref name="silo"/> that the silo does not run.</summary>
    bool RequeueForgotten(string silo, IReadOnlyList<string> running)
    {
        bool changed = false;
        foreach (var j in S.Jobs.Values.Where(j => j.Status == JobStatus.Running && j.Silo == silo && !running.Contains(j.Key)))
        {
            j.Status = JobStatus.Pending;
            j.Changed = ++S.Stamp;
            changed = true;
        }
        return changed;
    }

    /// <summary>Puts back in the queue the jobs of silos that membership has declared dead (their attempts died with them).</summary>
    bool RequeueLost()
    {
        var snapshot = membership.CurrentSnapshot;
        bool changed = false;
        foreach (var j in S.Jobs.Values.Where(j => j.Status == JobStatus.Running && j.Silo is not null))
        {
            if (snapshot.GetSiloStatus(SiloAddress.FromParsableString(j.Silo!)) != SiloStatus.Dead) continue;
            j.Status = JobStatus.Pending;
            j.Changed = ++S.Stamp;
            changed = true;
        }
        return changed;
    }
}
