namespace C3V.Pipeline;

/// <summary>
/// Hears what the pipeline is doing, stage by stage, for a progress display. Calls come from the pipeline's
/// thread, in order: Started, any number of Progress, then Finished (or nothing more if the run fails).
/// </summary>
public interface IPipelineObserver
{
    void Started(string stage, string detail);
    /// <summary>Work units done of total (frames while rendering), for a bar and an ETA.</summary>
    void Progress(string stage, int done, int total);
    /// <param name="reused">True when the stage's artefacts came from the cache.</param>
    void Finished(string stage, string summary, bool reused);
    void Warning(string message);
}

/// <summary>An observer that ignores everything (--quiet, tests).</summary>
public sealed class SilentObserver : IPipelineObserver
{
    public static SilentObserver Instance { get; } = new();
    public void Started(string stage, string detail) { }
    public void Progress(string stage, int done, int total) { }
    public void Finished(string stage, string summary, bool reused) { }
    public void Warning(string message) { }
}

/// <summary>Seconds and peak memory of one stage of a run (for the summary and the benchmark table).</summary>
public sealed record StageTiming(string Stage, double Seconds, double PeakMemoryMb, bool Reused);

/// <summary>What a run produced: where, what it reused and recomputed, how long each stage took.</summary>
public sealed record RunSummary
{
    public required string Project { get; init; }
    public string? Video { get; init; }
    public string? ContactSheet { get; init; }
    /// <summary>The render's ground truth, renders/annotations.json.</summary>
    public string? Annotations { get; init; }
    public string? Format { get; init; }
    public int Frames { get; init; }
    /// <summary>Frames an interrupted render had finished, read back instead of rendered again.</summary>
    public int ResumedFrames { get; init; }
    public IReadOnlyList<string> Reused { get; init; } = [];
    public IReadOnlyList<string> Recomputed { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public IReadOnlyList<string> PreviousRenders { get; init; } = [];
    public IReadOnlyList<StageTiming> Stages { get; init; } = [];
    public double Seconds { get; init; }
    public double PeakMemoryMb { get; init; }
}
