using System.Net;
using C3V.Batch;
using C3V.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace C3V.Cluster;

/// <summary>How a silo joins the cluster and how much it runs.</summary>
public sealed record SiloOptions
{
    public required ClusterDatabase Database { get; init; }
    public string ClusterId { get; init; } = ClusterNames.DefaultClusterId;
    /// <summary>The address other silos and clients reach this one at (loopback for a cluster on one machine).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    /// <summary>Jobs at once (default: what the cores and memory allow, as a local batch).</summary>
    public int Slots { get; init; } = BatchOptions.DefaultWorkers();
}

/// <summary>
/// A silo: joins the cluster through the membership table in PostgreSQL, hosts the queue and job grains (their
/// state in PostgreSQL too) and runs a <see cref="JobWorker"/> that leases as many jobs as it has slots.
/// Membership probes are quick (a dead silo is declared within seconds) because a batch waits on its jobs.
/// </summary>
public static class SiloHost
{
    public static async Task RunAsync(SiloOptions o, Func<bool, IJobExecutor> executor, TextWriter log, CancellationToken cancellation)
    {
        if (o.Slots is < 1 or > 256) throw new C3VException($"--slots: {o.Slots} is outside 1..256");
        foreach (var (name, port) in new[] { ("--port", o.SiloPort), ("--gateway-port", o.GatewayPort) })
            if (port is < 1 or > 65535) throw new C3VException($"{name}: {port} is not a TCP port");
        await o.Database.CheckAsync(cancellation);
        await o.Database.EnsureSchemaAsync(cancellation);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        // Notes that do not concern a batch: ServerGC advice, and the watchdog's stalls on a machine busy rendering.
        foreach (var noisy in new[] { "Orleans.Runtime.MembershipService", "Orleans.Runtime.Silo", "Orleans.Runtime.Watchdog" })
            builder.Logging.AddFilter(noisy, LogLevel.Error);
        builder.UseOrleans(silo =>
        {
            silo.UseAdoNetClustering(x => { x.Invariant = ClusterDatabase.Invariant; x.ConnectionString = o.Database.ConnectionString; });
            silo.AddAdoNetGrainStorage(ClusterNames.Storage, x => { x.Invariant = ClusterDatabase.Invariant; x.ConnectionString = o.Database.ConnectionString; });
            silo.Configure<ClusterOptions>(x => { x.ClusterId = o.ClusterId; x.ServiceId = o.ClusterId; });
            silo.ConfigureEndpoints(o.Address, o.SiloPort, o.GatewayPort, listenOnAnyHostAddress: false);
            silo.Configure<ClusterMembershipOptions>(x =>
            {
                x.ProbeTimeout = TimeSpan.FromSeconds(2);
                x.NumMissedProbesLimit = 2;
                x.TableRefreshTimeout = TimeSpan.FromSeconds(5);
            });
            // A job can take minutes: its grain call must not time out.
            silo.Configure<SiloMessagingOptions>(x => x.ResponseTimeout = TimeSpan.FromHours(6));
        });
        builder.Services.AddSingleton(new Grains.JobExecutors(executor(false), executor(true)));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new JobWorker.Settings(o.Slots, log));
        builder.Services.AddHostedService<JobWorker>();
        using var host = builder.Build();
        await host.StartAsync(cancellation);
        log.WriteLine($"silo {o.Address}:{o.SiloPort} (gateway {o.GatewayPort}) joined cluster '{o.ClusterId}' at {o.Database.Host}:{o.Database.Port}; {o.Slots} slot(s)");
        try { await Task.Delay(Timeout.Infinite, cancellation); }
        catch (OperationCanceledException) { }
        log.WriteLine("silo stopping: running jobs go back to the queue");
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(grace.Token);
    }
}
