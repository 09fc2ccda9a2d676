using C3V.Pipeline;

namespace C3V.Batch;

/// <summary>
/// Runs a job through the library's pipeline (<see cref="Generator.GenerateAsync"/>), then, when asked, the
/// annotations export. One generator per job: a generator keeps per-run timings and warnings.
/// </summary>
/// <param name="generatorFor">Makes a generator for a job's director spec (the CLI's chat-model wiring).</param>
public sealed class PipelineJobExecutor(Func<string, Generator> generatorFor, IAnnotationsExport? annotations = null, bool maps = false) : IJobExecutor
{
    public async Task<JobOutput> RunAsync(BatchJob job, string projectDir, CancellationToken cancellation)
    {
        var summary = await generatorFor(job.Settings.Llm).GenerateAsync(new GenerateRequest(job.Prompt, projectDir, Force: false, job.Settings), cancellation);
        var files = new List<string> { "project.json" };
        foreach (var f in new[] { summary.Video, summary.ContactSheet }.OfType<string>())
            files.Add(Path.GetRelativePath(summary.Project, f).Replace('\\', '/'));
        if (annotations is not null) files.AddRange(await annotations.WriteAsync(summary.Project, maps, cancellation));
        var stages = summary.Stages.GroupBy(s => s.Stage).ToDictionary(g => g.Key, g => Math.Round(g.Sum(s => s.Seconds), 3));
        return new JobOutput(files, stages, summary.Warnings);
    }
}
