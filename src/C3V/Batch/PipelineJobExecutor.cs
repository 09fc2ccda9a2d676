using C3V.Pipeline;

namespace C3V.Batch;

/// <summary>
/// Runs a job through the library's pipeline (<see cref="Generator.GenerateAsync"/>, whose render also writes the
/// ground truth, renders/annotations.json), then, with <paramref name="maps"/>, the annotations export's per-frame
/// depth and instance-mask maps. One generator per job: a generator keeps per-run timings and warnings.
/// </summary>
/// <param name="generatorFor">Makes a generator for a job's director spec (the CLI's chat-model wiring).</param>
public sealed class PipelineJobExecutor(Func<string, Generator> generatorFor, bool maps = false) : IJobExecutor
{
    public async Task<JobOutput> RunAsync(BatchJob job, string projectDir, CancellationToken cancellation)
    {
        var generator = generatorFor(job.Settings.Llm);
        var summary = await generator.GenerateAsync(new GenerateRequest(job.Prompt, projectDir, Force: false, job.Settings), cancellation);
        var files = new List<string> { "project.json" };
        if (maps) await generator.ExportAnnotationsAsync(summary.Project, maps: true, cancellation);
        foreach (var f in new[] { summary.Video, summary.ContactSheet, summary.Annotations }.OfType<string>())
            files.Add(Relative(summary.Project, f));
        var mapsDir = Path.Combine(summary.Project, "renders", "maps");
        if (maps && Directory.Exists(mapsDir)) files.AddRange(Directory.EnumerateFiles(mapsDir).Order(StringComparer.Ordinal).Select(f => Relative(summary.Project, f)));
        var stages = summary.Stages.GroupBy(s => s.Stage).ToDictionary(g => g.Key, g => Math.Round(g.Sum(s => s.Seconds), 3));
        return new JobOutput(files, stages, summary.Warnings);
    }

    static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
