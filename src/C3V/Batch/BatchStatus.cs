namespace C3V.Batch;

/// <summary>
/// A moment of a batch for a progress display: counts, the throughput of this run (finished videos per hour of
/// wall time) and the time left at that rate (null until a job has finished).
/// </summary>
public sealed record BatchStatus(int Total, int Done, int Failed, int Running, int Pending, int Skipped,
    TimeSpan Elapsed, double VideosPerHour, TimeSpan? Eta)
{
    public int Finished => Done + Failed;

    public override string ToString() =>
        $"{Done} done, {Failed} failed, {Running} running, {Pending} pending of {Total}"
        + (Skipped > 0 ? $" ({Skipped} done before)" : "")
        + (VideosPerHour > 0 ? $" · {VideosPerHour:0.#} videos/h" : "")
        + (Eta is { } eta ? $" · ETA {Format(eta)}" : "");

    public static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:00}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:00}s" : $"{t.Seconds}s";
}

/// <summary>Hears a batch's events (calls may come from several workers at once).</summary>
public interface IBatchObserver
{
    void JobStarted(JobRecord job);
    void JobFinished(JobRecord job);
    /// <summary>A note for the user (a refused line, staging cleaned, a retry).</summary>
    void Note(string message);
    void Status(BatchStatus status);
}

public sealed class SilentBatchObserver : IBatchObserver
{
    public static SilentBatchObserver Instance { get; } = new();
    public void JobStarted(JobRecord job) { }
    public void JobFinished(JobRecord job) { }
    public void Note(string message) { }
    public void Status(BatchStatus status) { }
}
