using System.Collections.Immutable;
using System.Net;
using C3V.Batch;
using C3V.Cluster.Grains;
using Orleans.Runtime;

namespace C3V.Tests.Cluster;

/// <summary>
/// The cluster's job queue on its own (its storage, membership and clock faked, no silo): the rules that keep a
/// batch from hanging or failing a job when the cluster, not the job, misbehaves (issue 17's flaky kill test).
/// </summary>
public sealed class JobQueueGrainTests
{
    sealed class MemoryState : IPersistentState<QueueState>
    {
        public QueueState State { get; set; } = new();
        public string? Etag { get; set; }
        public bool RecordExists => true;
        public int Writes;
        public Task ClearStateAsync() { State = new(); return Task.CompletedTask; }
        public Task WriteStateAsync() { Writes++; return Task.CompletedTask; }
        public Task ReadStateAsync() => Task.CompletedTask;
    }

    sealed class Membership : IClusterMembershipService
    {
        public ClusterMembershipSnapshot CurrentSnapshot { get; set; } =
            new(ImmutableDictionary<SiloAddress, ClusterMember>.Empty, MembershipVersion.MinValue);
        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();
        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
        public Task<bool> TryKill(SiloAddress siloAddress) => Task.FromResult(false);

        public void Dead(SiloAddress silo) => CurrentSnapshot = new(
            ImmutableDictionary<SiloAddress, ClusterMember>.Empty.Add(silo, new ClusterMember(silo, SiloStatus.Dead, "dead")), MembershipVersion.MinValue);
    }

    sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    static readonly SiloAddress A = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1), B = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);
    static readonly string SiloA = A.ToParsableString(), SiloB = B.ToParsableString();

    readonly MemoryState _state = new();
    readonly Membership _membership = new();
    readonly Clock _clock = new();
    readonly JobQueueGrain _queue;

    public JobQueueGrainTests() => _queue = new JobQueueGrain(_state, _membership, _clock);

    static string Job(string id) => JobRecord.PendingFor(new BatchJob(id, 1, 0, "a robot dances", new C3V.Projects.GenerationSettings())).ToJsonLine();

    async Task<JobProgress> StatusOf(string id) => (await _queue.Progress("b", 0)).Changed.Single(j => j.JobId == id);

    [Fact]
    public async Task ALeaseWhoseAnswerWasLost_GoesBackToTheQueueAtTheSilosNextLease_AndAJobTheSiloRunsStays()
    {
        await _queue.Submit("b", "/d", [Job("one"), Job("two")], retry: 0, maps: false);
        var lost = Assert.Single(await _queue.Lease(SiloA, 1, []));        // the answer never reached silo A
        var kept = Assert.Single(await _queue.Lease(SiloB, 1, []));
        Assert.Equal(("b/one", "b/two"), (lost.Key, kept.Key));

        // A says what it runs (nothing): its forgotten job is leased again, to whoever asks
        var again = Assert.Single(await _queue.Lease(SiloA, 1, []));
        Assert.Equal(("b/one", 2), (again.Key, again.Attempt));
        // B runs its job: it stays B's
        Assert.Empty(await _queue.Lease(SiloB, 1, ["b/two"]));
        var two = await StatusOf("two");
        Assert.Equal((JobStatus.Running, SiloB, 1), (two.Status, two.Silo, two.Attempts));

        // the first attempt's report comes late: it changes nothing
        await _queue.Complete(SiloA, lost.Key, lost.Attempt, (JobRecord.TryParse(Job("one"))! with { Status = JobStatus.Failed, Error = "late" }).ToJsonLine());
        Assert.Equal(JobStatus.Running, (await StatusOf("one")).Status);
    }

    [Fact]
    public async Task AClusterFailure_IsNotTheJobs_ItIsLeasedAgainAfterAPause_AndFailsOnlyAfterSeveralTries()
    {
        await _queue.Submit("b", "/d", [Job("one")], retry: 0, maps: false);
        for (int tries = 1; tries <= JobQueueGrain.MaxRequeues; tries++)
        {
            var t = Assert.Single(await _queue.Lease(SiloA, 1, []));
            await _queue.Requeue(SiloA, t.Key, t.Attempt, "OrleansMessageRejectionException: Unable to connect to endpoint S127.0.0.1:38195");
            Assert.Equal(JobStatus.Pending, (await StatusOf("one")).Status);
            // not at once: the dead silo has to be declared dead first
            Assert.Empty(await _queue.Lease(SiloB, 1, []));
            _clock.Now += TimeSpan.FromSeconds(Math.Min(30, 1 << tries) + 0.1);
        }
        var last = Assert.Single(await _queue.Lease(SiloB, 1, []));
        Assert.Equal(JobQueueGrain.MaxRequeues + 1, last.Attempt);
        await _queue.Requeue(SiloB, last.Key, last.Attempt, "OrleansMessageRejectionException: again");
        var failed = await StatusOf("one");
        Assert.Equal(JobStatus.Failed, failed.Status);
        var record = JobRecord.TryParse(failed.ResultJson!)!;
        Assert.Equal($"cluster error ({JobQueueGrain.MaxRequeues + 1} tries): OrleansMessageRejectionException: again", record.Error);
        Assert.Equal("silo 127.0.0.1:11112", record.Worker);
        Assert.Equal(0, (await _queue.Progress("b", 0)).Unfinished);
    }

    [Fact]
    public async Task AStaleRequeue_ChangesNothing()
    {
        await _queue.Submit("b", "/d", [Job("one")], retry: 0, maps: false);
        var t = Assert.Single(await _queue.Lease(SiloA, 1, []));
        await _queue.Complete(SiloA, t.Key, t.Attempt, (JobRecord.TryParse(Job("one"))! with { Status = JobStatus.Done }).ToJsonLine());
        await _queue.Requeue(SiloA, t.Key, t.Attempt, "too late");
        Assert.Equal(JobStatus.Done, (await StatusOf("one")).Status);
    }

    [Fact]
    public async Task TheJobsOfASiloDeclaredDead_GoBackToTheQueue()
    {
        await _queue.Submit("b", "/d", [Job("one")], retry: 0, maps: false);
        Assert.Single(await _queue.Lease(SiloA, 1, []));
        Assert.Empty(await _queue.Lease(SiloB, 1, []));
        _membership.Dead(A);
        var t = Assert.Single(await _queue.Lease(SiloB, 1, []));
        Assert.Equal(2, t.Attempt);
    }
}
