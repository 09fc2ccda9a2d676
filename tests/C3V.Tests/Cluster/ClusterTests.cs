using System.Diagnostics;
using C3V.Batch;
using C3V.Cluster;
using C3V.Projects;
using C3V.Tests.Cli;
using Npgsql;

namespace C3V.Tests.Cluster;

/// <summary>
/// Batches on a real Orleans cluster: silo processes on 127.0.0.1, membership and job state in the PostgreSQL
/// that .ci/run starts (C3V_TEST_PG; skipped with a reason when no server answers). Jobs are small (128×128, 1 s,
/// 6 fps, draft); every wait is bounded.
/// </summary>
[Collection("Console")]
public sealed class ClusterTests
{
    static readonly string Db = Environment.GetEnvironmentVariable("C3V_TEST_PG") is { Length: > 0 } env ? env
        : "Host=127.0.0.1;Port=55432;Database=c3v;Username=c3v;Password=c3v";

    static readonly TimeSpan Limit = TimeSpan.FromMinutes(6);

    static void RequireDatabase()
    {
        string? problem = null;
        try
        {
            using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Db) { Timeout = 3 }.ConnectionString);
            c.Open();
        }
        catch (Exception e) { problem = e.Message; }
        Skip.If(problem is not null, $"no PostgreSQL at {Db} ({problem}); .ci/run starts one (bash .ci/postgres.sh)");
    }

    static (DatasetFolder Dataset, BatchLedger Ledger) Batch(int prompts, int variants)
    {
        var root = Directory.CreateTempSubdirectory("c3v-cluster-").FullName;
        string[] all = ["a robot dances on a stage", "a woman walks in a park", "a man jumps", "an alien waves", "a knight walks", "a dog runs"];
        var defaults = new GenerationSettings { Width = 128, Height = 128, DurationSeconds = 1, Fps = 6, Quality = "draft", Format = "gif" };
        var input = PromptFile.Parse(all.Take(prompts).ToList(), root, defaults, variants);
        var ds = DatasetFolder.Open(Path.Combine(root, "dataset"), create: true);
        return (ds, new BatchLedger(ds, input, "test", "cluster", 0));
    }

    static SiloProcess Silo(string clusterId) =>
        new(["dotnet", Path.Combine(AppContext.BaseDirectory, "C3V.Cli.dll")], Db, clusterId, slots: 1);

    static string NewClusterId() => $"test-{Guid.NewGuid():N}"[..20];

    /// <summary>Every job done exactly once: one complete project each, manifest and projects agree.</summary>
    static IReadOnlyList<JobRecord> AssertAllDoneOnce(DatasetFolder ds, int jobs)
    {
        var manifest = ds.ReadManifest();
        Assert.Equal(jobs, manifest.Count);
        Assert.All(manifest, r => Assert.Equal(JobStatus.Done, r.Status));
        Assert.Equal(jobs, Directory.GetDirectories(ds.Projects).Length);
        foreach (var r in manifest)
        {
            Assert.Equal(r.Id, ds.Finished(r.Id)!.Id);
            Assert.True(File.Exists(Path.Combine(ds.ProjectOf(r.Id), "renders", "video.gif")), r.Id);
            Assert.Null(ProjectFolder.Open(ds.ProjectOf(r.Id)).Load().PendingRender);
        }
        return manifest;
    }

    [SkippableFact]
    public async Task ASiloKilledMidJob_LosesNothing_AndEveryJobIsDoneOnce()
    {
        RequireDatabase();
        string id = NewClusterId();
        using var a = Silo(id);
        using var b = Silo(id);
        using var c = Silo(id);
        foreach (var s in new[] { a, b, c }) s.WaitFor("joined cluster", Limit);
        var (ds, ledger) = Batch(prompts: 6, variants: 2);
        var client = new ClusterBatchClient(new ClusterDatabase(Db), id);
        var run = client.RunAsync(ds, ledger, new BatchOptions { Workers = 1 }, SilentBatchObserver.Instance, default);
        // Kill the first silo as soon as it runs a job.
        var started = c.WaitFor("started", Limit);
        var killedJob = started.Split(' ')[1];
        c.Kill();
        var status = await run.WaitAsync(Limit);
        Assert.Equal((12, 0), (status.Done, status.Failed));
        var manifest = AssertAllDoneOnce(ds, 12);
        var redone = manifest.Single(r => r.Id == killedJob);
        Assert.NotEqual(c.Worker, redone.Worker);
        Assert.True(redone.Attempts >= 2, $"the killed job was attempted {redone.Attempts} time(s)");
        Assert.Contains(manifest, r => r.Worker == a.Worker);
        Assert.Contains(manifest, r => r.Worker == b.Worker);
    }

    [SkippableFact]
    public async Task ASiloAddedMidBatch_TakesJobs()
    {
        RequireDatabase();
        string id = NewClusterId();
        using var first = Silo(id);
        first.WaitFor("joined cluster", Limit);
        var (ds, ledger) = Batch(prompts: 4, variants: 1);
        var run = new ClusterBatchClient(new ClusterDatabase(Db), id).RunAsync(ds, ledger, new BatchOptions(), SilentBatchObserver.Instance, default);
        first.WaitFor("started", Limit);
        using var second = Silo(id);
        second.WaitFor("joined cluster", Limit);
        var status = await run.WaitAsync(Limit);
        Assert.Equal(4, status.Done);
        var manifest = AssertAllDoneOnce(ds, 4);
        Assert.Contains(manifest, r => r.Worker == second.Worker);
        Assert.Contains(manifest, r => r.Worker == first.Worker);

        // The finished batch left the queue idle: its storage row was cleared (the provider's clear query), and a
        // next batch on the same cluster writes the queue again from there.
        Assert.Equal([true], await QueuePayloadIsNull(id));
        var (ds2, ledger2) = Batch(prompts: 1, variants: 1);
        var again = await new ClusterBatchClient(new ClusterDatabase(Db), id).RunAsync(ds2, ledger2, new BatchOptions(), SilentBatchObserver.Instance, default).WaitAsync(Limit);
        Assert.Equal((1, 0), (again.Done, again.Failed));
        AssertAllDoneOnce(ds2, 1);
        Assert.Equal([true], await QueuePayloadIsNull(id));
    }

    /// <summary>Per stored queue-grain row of the cluster: is its payload cleared?</summary>
    static async Task<List<bool>> QueuePayloadIsNull(string clusterId)
    {
        await using var c = new NpgsqlConnection(Db);
        await c.OpenAsync();
        await using var q = new NpgsqlCommand("SELECT PayloadBinary IS NULL FROM OrleansStorage WHERE ServiceId = @id AND GrainTypeString ILIKE '%queue%'", c);
        q.Parameters.AddWithValue("id", clusterId);
        var rows = new List<bool>();
        await using var r = await q.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add(r.GetBoolean(0));
        return rows;
    }

    [Fact]
    public void AnUnreachableDatabase_IsOneErrorNamingTheHost()
    {
        var dir = Directory.CreateTempSubdirectory("c3v-nodb-").FullName;
        var prompts = Path.Combine(dir, "p.txt");
        File.WriteAllText(prompts, "a robot dances\n");
        const string nowhere = "Host=127.0.0.1;Port=1;Database=c3v;Username=c3v;Password=x";
        var (code, err) = CliAppTests.Run("batch", prompts, "-o", Path.Combine(dir, "ds"), "--cluster", nowhere, "-q");
        Assert.Equal(1, code);
        Assert.Contains("cannot reach the cluster database at 127.0.0.1:1", err);
        Assert.Single(err.Trim().Split('\n'));
        (code, err) = CliAppTests.Run("cluster", "silo", "--db", nowhere);
        Assert.Equal(1, code);
        Assert.Contains("127.0.0.1:1", err);
        (code, err) = CliAppTests.Run("cluster", "silo", "--db", "Host=127.0.0.1;Bogus Key=3");
        Assert.Equal(1, code);
        Assert.Contains("--db", err);
    }
}
