using System.Text.Json;
using System.Text.Json.Serialization;
using C3V.Projects;

namespace C3V.Batch;

/// <summary>Where a job stands.</summary>
public static class JobStatus
{
    public const string Pending = "pending", Running = "running", Done = "done", Failed = "failed";
}

/// <summary>
/// One line of manifest.jsonl: a job, its options, how it went (status, attempts, which worker, timings), the files it
/// wrote (relative to the dataset folder) or the error that stopped it. A finished project also keeps its own
/// record (batch-job.json), so the manifest can always be rebuilt from the projects.
/// </summary>
public sealed record JobRecord
{
    public required string Id { get; init; }
    public int Line { get; init; }
    public int Variant { get; init; }
    public required string Prompt { get; init; }
    public required GenerationSettings Options { get; init; }
    public string Status { get; init; } = JobStatus.Pending;
    public int Attempts { get; init; }
    /// <summary>"local-2" for a local worker, the silo's address on a cluster.</summary>
    public string? Worker { get; init; }
    public DateTimeOffset? StartedUtc { get; init; }
    public DateTimeOffset? FinishedUtc { get; init; }
    public double? Seconds { get; init; }
    /// <summary>Seconds per pipeline stage of the successful attempt.</summary>
    public IReadOnlyDictionary<string, double>? Stages { get; init; }
    /// <summary>The project folder, relative to the dataset (projects/&lt;id&gt;).</summary>
    public string? Project { get; init; }
    public IReadOnlyList<string> Files { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    public string? Error { get; init; }

    public static JobRecord PendingFor(BatchJob job) =>
        new() { Id = job.Id, Line = job.Line, Variant = job.Variant, Prompt = job.Prompt, Options = job.Settings };

    public BatchJob ToJob() => new(Id, Line, Variant, Prompt, Options);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Prompts and errors stay readable (quotes, non-ASCII) in a file people open.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary>Null when the text is not a record (the caller names the file and line).</summary>
    public static JobRecord? TryParse(string text)
    {
        try
        {
            var r = JsonSerializer.Deserialize<JobRecord>(text, Json);
            return r is { Id.Length: > 0, Prompt: not null, Options: not null } ? r : null;
        }
        catch (JsonException) { return null; }
    }
}
