using System.Text.Json;
using C3V.Pipeline;

namespace C3V.Studio.Jobs;

/// <summary>What is kept of a job across a restart of the studio: what it was, how it ended, and its events.</summary>
public sealed record JobRecord(string Id, string Kind, string Project, string Description, DateTimeOffset Created,
    JobState State, string? Error, RunSummary? Summary, IReadOnlyList<JobEvent> Events);

/// <summary>
/// The jobs' records, one JSON file each in the projects folder's hidden <c>.c3v-studio/jobs</c> (never a project:
/// project names cannot start with a dot), so a job that finished, failed or was cut short by a restart is still
/// shown after the studio starts again. Only the newest <see cref="Keep"/> are kept.
/// </summary>
public sealed class JobLog(string projectsRoot)
{
    public const int Keep = 200;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly Lock _gate = new();

    public string Folder { get; } = Path.Combine(projectsRoot, ".c3v-studio", "jobs");

    /// <summary>Writes the job's record (whole, through a temporary file, so a crash leaves the old or the new one).</summary>
    public void Save(Job job)
    {
        var record = job.Record();
        lock (_gate)
        {
            Directory.CreateDirectory(Folder);
            var file = Path.Combine(Folder, record.Id + ".json");
            var temp = file + ".tmp";
            File.WriteAllText(temp, JsonSerializer.Serialize(record, Json));
            File.Move(temp, file, overwrite: true);
        }
    }

    /// <summary>The records of earlier runs, oldest first (unreadable ones are skipped and reported); older ones beyond <see cref="Keep"/> are removed.</summary>
    public List<JobRecord> Load(Action<string> problem)
    {
        if (!Directory.Exists(Folder)) return [];
        var records = new List<(JobRecord Record, string File)>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(file), Json) is { Id.Length: > 0 } r) records.Add((r, file));
            }
            catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
            {
                problem($"job record {Path.GetFileName(file)} is unreadable ({e.Message}); skipped");
            }
        }
        records.Sort((a, b) => a.Record.Created.CompareTo(b.Record.Created));
        foreach (var (_, file) in records.Take(Math.Max(0, records.Count - Keep))) File.Delete(file);
        return records.Skip(Math.Max(0, records.Count - Keep)).Select(r => r.Record).ToList();
    }
}
