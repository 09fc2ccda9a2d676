using C3V.Batch;
using C3V.Cluster.Grains;
using C3V.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace C3V.Cluster;

/// <summary>
/// Submits a batch to the cluster and follows it: connects as an Orleans client (gateways found in the membership
/// table), queues the ledger's pending jobs and mirrors the queue's changes into the ledger (manifest, index,
/// progress) until every job has finished. Ctrl-C drops the jobs no silo has started.
/// </summary>
public sealed class ClusterBatchClient(ClusterDatabase database, string clusterId)
{
    /// <summary>How long the batch may wait with no active silo before it gives up.</summary>
    public TimeSpan NoSiloLimit { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Silos also write depth and mask maps (batch --maps).</summary>
    public bool Maps { get; init; }

    public async Task<BatchStatus> RunAsync(DatasetFolder dataset, BatchLedger ledger, BatchOptions options, IBatchObserver observer, CancellationToken cancellation)
    {
        await database.CheckAsync(cancellation);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(x => { x.Invariant = ClusterDatabase.Invariant; x.ConnectionString = database.ConnectionString; });
            client.Configure<ClusterOptions>(x => { x.ClusterId = clusterId; x.ServiceId = clusterId; });
            client.Configure<ClientMessagingOptions>(x => x.ResponseTimeout = TimeSpan.FromMinutes(1));
            client.Configure<GatewayOptions>(x => x.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        });
        using var host = builder.Build();
        try { await host.StartAsync(cancellation).WaitAsync(TimeSpan.FromSeconds(60), cancellation); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new C3VException($"no silo of cluster '{clusterId}' answers (database {database.Host}:{database.Port}); start one with: c3v cluster silo --db \"…\" ({e.Message})");
        }
        try
        {
            var queue = host.Services.GetRequiredService<IClusterClient>().GetGrain<IJobQueueGrain>(ClusterNames.Queue);
            string batchId = ClusterNames.BatchId(dataset.Root);
            ledger.Flush(force: true); // silos open the dataset by its manifest and index
            await queue.Submit(batchId, dataset.Root, ledger.Pending.Select(j => JobRecord.PendingFor(j).ToJsonLine()).ToList(), options.Retry, Maps);
            return await FollowAsync(queue, batchId, ledger, observer, cancellation);
        }
        finally
        {
            ledger.Flush(force: true);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await host.StopAsync(grace.Token); } catch (OperationCanceledException) { }
        }
    }

    async Task<BatchStatus> FollowAsync(IJobQueueGrain queue, string batchId, BatchLedger ledger, IBatchObserver observer, CancellationToken cancellation)
    {
        long stamp = 0;
        var noSilo = System.Diagnostics.Stopwatch.StartNew();
        var unreachable = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (cancellation.IsCancellationRequested)
            {
                try { await queue.Cancel(batchId).WaitAsync(TimeSpan.FromSeconds(10)); } catch (Exception) { /* the rerun resubmits */ }
                cancellation.ThrowIfCancellationRequested();
            }
            BatchProgress p;
            try { p = await queue.Progress(batchId, stamp); unreachable.Restart(); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The queue grain moves when its silo dies; give up only if it stays unreachable.
                if (unreachable.Elapsed > NoSiloLimit) throw new C3VException($"the cluster's job queue does not answer ({e.Message})");
                await Task.Delay(1000, cancellation);
                continue;
            }
            stamp = p.Stamp;
            foreach (var c in p.Changed) Apply(c, ledger, observer);
            observer.Status(ledger.Status());
            if (p.Unfinished == 0)
            {
                await queue.Close(batchId);
                return ledger.Status();
            }
            if (p.ActiveSilos > 0) noSilo.Restart();
            else if (noSilo.Elapsed > NoSiloLimit)
                throw new C3VException($"no silo has been active in cluster '{clusterId}' for {NoSiloLimit.TotalSeconds:0} s; {p.Unfinished} job(s) wait (start a silo, then rerun the batch)");
            try { await Task.Delay(500, cancellation); } catch (OperationCanceledException) { }
        }
    }

    static void Apply(JobProgress c, BatchLedger ledger, IBatchObserver observer)
    {
        var known = ledger.Get(c.JobId);
        if (known is null) return;
        if (c.ResultJson is not null && JobRecord.TryParse(c.ResultJson) is { } result)
        {
            if (known.Status is JobStatus.Done or JobStatus.Failed) return;
            ledger.Update(result);
            observer.JobFinished(result);
        }
        else if (c.Status == JobStatus.Running && (known.Status != JobStatus.Running || known.Attempts != c.Attempts))
        {
            var running = known with { Status = JobStatus.Running, Attempts = c.Attempts, Worker = c.Silo is null ? null : SiloName(c.Silo), StartedUtc = DateTimeOffset.UtcNow };
            ledger.Update(running);
            observer.JobStarted(running);
        }
        else if (c.Status == JobStatus.Pending && known.Status == JobStatus.Running)
        {
            observer.Note($"{c.JobId}: its silo stopped; the job is queued again");
            ledger.Update(known with { Status = JobStatus.Pending });
        }
    }

    static string SiloName(string parsable) => ClusterNames.Worker(Orleans.Runtime.SiloAddress.FromParsableString(parsable));
}
