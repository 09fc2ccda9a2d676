using C3V.Batch;
using C3V.Cluster.Grains;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;

namespace C3V.Cluster;

/// <summary>
/// A silo's worker: leases jobs from the queue while it has free slots, runs each through its job grain (placed on
/// this silo) and reports the result. Reports are retried (bounded) while the queue grain moves to another silo.
/// </summary>
public sealed class JobWorker(IGrainFactory grains, ILocalSiloDetails silo, JobWorker.Settings settings) : BackgroundService
{
    public sealed record Settings(int Slots, TextWriter Log);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var queue = grains.GetGrain<IJobQueueGrain>(ClusterNames.Queue);
        string me = silo.SiloAddress.ToParsableString();
        // A job stays here until its result is reported: every lease tells the queue what this silo runs.
        var running = new Dictionary<string, Task>();
        while (!stopping.IsCancellationRequested)
        {
            foreach (var key in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList()) running.Remove(key);
            int free = settings.Slots - running.Count;
            IReadOnlyList<JobTicket> leased = [];
            if (free > 0)
            {
                try { leased = await queue.Lease(me, free, running.Keys.ToList()); }
                catch (Exception e) when (e is not OperationCanceledException) { settings.Log.WriteLine($"queue unavailable ({e.GetType().Name}); retrying"); }
                foreach (var t in leased) running[t.Key] = RunOne(queue, me, t, stopping);
            }
            // Idle or full: wake when a job ends, else poll the queue twice a second.
            if (leased.Count == 0 || running.Count >= settings.Slots)
            {
                try { await Task.WhenAny(running.Values.Append(Task.Delay(500, stopping))); }
                catch (OperationCanceledException) { }
            }
        }
    }

    async Task RunOne(IJobQueueGrain queue, string me, JobTicket ticket, CancellationToken stopping)
    {
        string id = ticket.Key[(ticket.Key.IndexOf('/') + 1)..];
        settings.Log.WriteLine($"job {id} started (attempt {ticket.Attempt})");
        string result;
        try { result = await grains.GetGrain<IJobGrain>(ticket.Key).Run(ticket); }
        catch (Exception e)
        {
            if (stopping.IsCancellationRequested) return; // the silo is going: membership requeues the job
            // The pipeline's own failures come back as failed records; an exception is the cluster's (a silo that
            // just died still owning a directory entry, storage unreachable): the job is not at fault.
            string reason = $"{e.GetType().Name}: {e.Message.Split('\n')[0].Trim()}";
            settings.Log.WriteLine($"job {id} could not run here ({reason}); back to the queue");
            await Report(id, () => queue.Requeue(me, ticket.Key, ticket.Attempt, reason), stopping);
            return;
        }
        settings.Log.WriteLine($"job {id} {JobRecord.TryParse(result)?.Status}");
        await Report(id, () => queue.Complete(me, ticket.Key, ticket.Attempt, result), stopping);
    }

    /// <summary>Tells the queue (retried, bounded, while the queue grain moves to another silo).</summary>
    async Task Report(string id, Func<Task> report, CancellationToken stopping)
    {
        for (int attempt = 1; attempt <= 60 && !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await report();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Task.Delay(1000, CancellationToken.None);
            }
        }
        settings.Log.WriteLine($"job {id}: the queue did not take the report; it will be run again");
    }
}
