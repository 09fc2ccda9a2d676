using C3V.Batch;
using Microsoft.Extensions.Hosting;
using Orleans.Placement;
using Orleans.Runtime;

namespace C3V.Cluster.Grains;

[GenerateSerializer]
public sealed class JobState
{
    [Id(0)] public string Status { get; set; } = JobStatus.Pending;
    [Id(1)] public string? Silo { get; set; }
    [Id(2)] public int Attempt { get; set; }
    [Id(3)] public DateTimeOffset? StartedUtc { get; set; }
    [Id(4)] public DateTimeOffset? FinishedUtc { get; set; }
    [Id(5)] public string? Error { get; set; }
}

/// <summary>Placed on the silo that calls it first (the one whose worker leased the job), so the job runs there.</summary>
[PreferLocalPlacement]
public sealed class JobGrain([PersistentState("job", ClusterNames.Storage)] IPersistentState<JobState> state,
    JobExecutors executors, ILocalSiloDetails silo, IHostApplicationLifetime lifetime) : Grain, IJobGrain
{
    public async Task<string> Run(JobTicket ticket)
    {
        var job = (JobRecord.TryParse(ticket.JobJson) ?? throw new ArgumentException("not a job record", nameof(ticket))).ToJob();
        var dataset = DatasetFolder.Open(ticket.Dataset, create: false);
        var worker = ClusterNames.Worker(silo.SiloAddress);
        state.State = new JobState { Status = JobStatus.Running, Silo = worker, Attempt = ticket.Attempt, StartedUtc = DateTimeOffset.UtcNow };
        await state.WriteStateAsync();
        // A silo shutting down cancels its jobs: their staging is removed and the queue hands them to another silo.
        var record = await JobExecution.RunAsync(dataset, job, executors.For(ticket.Maps), worker, ticket.Attempt, lifetime.ApplicationStopping);
        state.State.Status = record.Status;
        state.State.FinishedUtc = record.FinishedUtc;
        state.State.Error = record.Error;
        await state.WriteStateAsync();
        return record.ToJsonLine();
    }
}
