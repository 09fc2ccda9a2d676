namespace C3V.Batch;

/// <summary>What one job produced: files relative to its project folder, seconds per stage, the pipeline's warnings.</summary>
public sealed record JobOutput(IReadOnlyList<string> Files, IReadOnlyDictionary<string, double> Stages, IReadOnlyList<string> Warnings);

/// <summary>
/// Makes one job's project in the folder it is given (which must not exist yet). The batch engines (local workers,
/// cluster silos) hold no pipeline logic: they call this, and publish the folder when it returns.
/// </summary>
public interface IJobExecutor
{
    Task<JobOutput> RunAsync(BatchJob job, string projectDir, CancellationToken cancellation);
}

/// <summary>
/// Writes a finished project's ground truth (annotations.json and, with <c>maps</c>, per-frame depth and mask maps);
/// returns the files written, relative to the project.
/// </summary>
public interface IAnnotationsExport
{
    Task<IReadOnlyList<string>> WriteAsync(string projectDir, bool maps, CancellationToken cancellation);
}
