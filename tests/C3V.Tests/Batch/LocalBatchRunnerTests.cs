using C3V.Batch;
using C3V.Projects;

namespace C3V.Tests.Batch;

/// <summary>The engine's own logic (retries, cancellation) with an executor that writes a one-file project.</summary>
public class LocalBatchRunnerTests
{
    /// <summary>Fails the first <paramref name="failures"/> attempts of every job; waits on <paramref name="gate"/> when given.</summary>
    sealed class FileExecutor(int failures = 0, TaskCompletionSource? started = null, bool hang = false) : IJobExecutor
    {
        readonly Dictionary<string, int> _attempts = [];
        public int Calls;

        public async Task<JobOutput> RunAsync(BatchJob job, string projectDir, CancellationToken cancellation)
        {
            int n;
            lock (_attempts) { n = _attempts[job.Id] = _attempts.GetValueOrDefault(job.Id) + 1; Calls++; }
            Directory.CreateDirectory(projectDir);
            File.WriteAllText(Path.Combine(projectDir, "video.gif"), job.Prompt);
            started?.TrySetResult();
            if (hang) await Task.Delay(Timeout.Infinite, cancellation);
            if (n <= failures) throw new C3V.Common.C3VException($"attempt {n} of {job.Id} failed");
            return new JobOutput(["video.gif"], new Dictionary<string, double> { ["render"] = 0.1 }, []);
        }
    }

    static (DatasetFolder, BatchLedger) Dataset(params string[] prompts)
    {
        var ds = DatasetFolder.Open(Directory.CreateTempSubdirectory("c3v-batch-").FullName, create: true);
        var input = PromptFile.Parse(prompts, "/tmp", new GenerationSettings());
        return (ds, new BatchLedger(ds, input, "test", "local", 2));
    }

    [Fact]
    public async Task FailedAttempts_AreRetried_UpToRetry()
    {
        var (ds, ledger) = Dataset("a robot dances", "a dog runs");
        var exec = new FileExecutor(failures: 1);
        var status = await new LocalBatchRunner(exec).RunAsync(ds, ledger, new BatchOptions { Workers = 2, Retry = 1 }, SilentBatchObserver.Instance, default);
        Assert.Equal((2, 0), (status.Done, status.Failed));
        Assert.All(ds.ReadManifest(), r => Assert.Equal((JobStatus.Done, 2), (r.Status, r.Attempts)));
        Assert.Equal(4, exec.Calls);

        var (ds2, ledger2) = Dataset("a cat sleeps");
        status = await new LocalBatchRunner(new FileExecutor(failures: 5)).RunAsync(ds2, ledger2, new BatchOptions { Workers = 1, Retry = 2 }, SilentBatchObserver.Instance, default);
        Assert.Equal(1, status.Failed);
        var failed = Assert.Single(ds2.ReadManifest());
        Assert.Equal((JobStatus.Failed, 3), (failed.Status, failed.Attempts));
        Assert.Contains("attempt 3", failed.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(ds2.Projects));
    }

    [Fact]
    public async Task Cancelling_LeavesNoProject_AndTheJobPending()
    {
        var (ds, ledger) = Dataset("a robot dances");
        var started = new TaskCompletionSource();
        using var cts = new CancellationTokenSource();
        var run = new LocalBatchRunner(new FileExecutor(started: started, hang: true)).RunAsync(ds, ledger, new BatchOptions { Workers = 1 }, SilentBatchObserver.Instance, cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(Directory.EnumerateFileSystemEntries(ds.Projects));
        Assert.Empty(Directory.EnumerateFileSystemEntries(ds.Staging));
        Assert.Equal(JobStatus.Pending, Assert.Single(ds.ReadManifest()).Status);
    }
}
