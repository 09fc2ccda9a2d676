using System.Text.Json;

namespace C3V.Batch;

/// <summary>index.json: the dataset's totals, rewritten whenever the manifest is.</summary>
public sealed record DatasetIndex
{
    public int Version { get; init; } = 1;
    public DateTimeOffset UpdatedUtc { get; init; }
    /// <summary>The prompt file of the last batch run.</summary>
    public string? Source { get; init; }
    public int Jobs { get; init; }
    public int Done { get; init; }
    public int Failed { get; init; }
    public int Pending { get; init; }
    /// <summary>Lines of the prompt file that could not become jobs ("line N: why").</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
    /// <summary>Seconds of work summed over the finished jobs (the cost of the dataset on one worker).</summary>
    public double JobSeconds { get; init; }
    /// <summary>Wall seconds and finished videos of the last run, and its throughput.</summary>
    public double RunSeconds { get; init; }
    public int RunFinished { get; init; }
    public double VideosPerHour { get; init; }
    /// <summary>"local" or "cluster".</summary>
    public string Engine { get; init; } = "local";
    public int Workers { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Indented);

    static readonly JsonSerializerOptions Indented = new(JobRecord.Json) { WriteIndented = true };

    public static DatasetIndex? TryParse(string text)
    {
        try { return JsonSerializer.Deserialize<DatasetIndex>(text, JobRecord.Json); }
        catch (JsonException) { return null; }
    }
}
