using C3V.Actors;
using C3V.Projects;

namespace C3V.Batch;

/// <summary>A dataset summarised: jobs by status, and over the finished projects the actor kinds, motions, scenes,
/// clip durations and sizes; failures grouped by their error.</summary>
public sealed record DatasetStats
{
    public int Jobs { get; init; }
    public int Done { get; init; }
    public int Failed { get; init; }
    public int Pending { get; init; }
    public int Actors { get; init; }
    public double TotalVideoSeconds { get; init; }
    public double MinVideoSeconds { get; init; }
    public double MaxVideoSeconds { get; init; }
    public double MeanJobSeconds { get; init; }
    public IReadOnlyDictionary<string, int> Kinds { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> Motions { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> Scenes { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> Sizes { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> Cameras { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> Failures { get; init; } = new Dictionary<string, int>();
    /// <summary>Finished projects that could not be read (their path and why).</summary>
    public IReadOnlyList<string> Unreadable { get; init; } = [];

    public static DatasetStats Of(DatasetFolder dataset)
    {
        var records = dataset.ReadManifest();
        var kinds = new Dictionary<string, int>();
        var motions = new Dictionary<string, int>();
        var scenes = new Dictionary<string, int>();
        var sizes = new Dictionary<string, int>();
        var cameras = new Dictionary<string, int>();
        var durations = new List<double>();
        var unreadable = new List<string>();
        int actors = 0;
        foreach (var r in records.Where(r => r.Status == JobStatus.Done))
        {
            ProjectFile p;
            try { p = ProjectLoader.Load(dataset.ProjectOf(r.Id)); }
            catch (Common.C3VException e) { unreadable.Add(e.Message); continue; }
            Count(scenes, p.Plan?.Scene.Description ?? "?");
            Count(sizes, $"{p.Settings.Width}x{p.Settings.Height}");
            Count(cameras, p.Settings.Camera);
            if (p.Render is { Fps: > 0 } render) durations.Add(render.Frames / (double)render.Fps);
            foreach (var a in p.Plan?.Actors ?? [])
            {
                actors++;
                Count(kinds, ActorKinds.Of(a).ToString().ToLowerInvariant());
                // The clip the pipeline chose (its source), else what the plan asked for.
                Count(motions, p.Artefacts.GetValueOrDefault($"motion-{a.Id}")?.Value ?? a.Motion.Description);
            }
        }
        var failures = new Dictionary<string, int>();
        foreach (var r in records.Where(r => r.Status == JobStatus.Failed)) Count(failures, Shorten(r.Error ?? "unknown error"));
        var done = records.Where(r => r.Status == JobStatus.Done).ToList();
        return new DatasetStats
        {
            Jobs = records.Count, Done = done.Count, Failed = records.Count(r => r.Status == JobStatus.Failed),
            Pending = records.Count(r => r.Status is JobStatus.Pending or JobStatus.Running), Actors = actors,
            TotalVideoSeconds = Math.Round(durations.Sum(), 2), MinVideoSeconds = durations.Count > 0 ? Math.Round(durations.Min(), 2) : 0,
            MaxVideoSeconds = durations.Count > 0 ? Math.Round(durations.Max(), 2) : 0,
            MeanJobSeconds = done.Count > 0 ? Math.Round(done.Average(r => r.Seconds ?? 0), 2) : 0,
            Kinds = Sorted(kinds), Motions = Sorted(motions), Scenes = Sorted(scenes), Sizes = Sorted(sizes), Cameras = Sorted(cameras),
            Failures = Sorted(failures), Unreadable = unreadable,
        };
    }

    static void Count(Dictionary<string, int> d, string key) => d[key] = d.GetValueOrDefault(key) + 1;

    /// <summary>Most frequent first, then by name (a stable order for the table and the JSON).</summary>
    static IReadOnlyDictionary<string, int> Sorted(Dictionary<string, int> d) =>
        d.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>Errors that differ only in a path still group: the first line, at most 120 characters.</summary>
    static string Shorten(string error)
    {
        var line = error.Split('\n')[0].Trim();
        return line.Length <= 120 ? line : line[..117] + "...";
    }
}
