using System.Text.Json;
using System.Text.Json.Serialization;
using C3V.Common;

namespace C3V.Direct;

/// <summary>A message part sent to a model: text verbatim, or an attached image (stored beside the transcript).</summary>
public sealed record ExchangePart
{
    public string? Text { get; init; }
    /// <summary>Media type of an attached image, e.g. "image/png".</summary>
    public string? MediaType { get; init; }
    /// <summary>The attached bytes (written to a file by <see cref="FolderTranscript"/>, not into the JSON).</summary>
    [JsonIgnore] public byte[]? Data { get; init; }
    /// <summary>File name of the attachment within the transcripts folder, set when written.</summary>
    public string? File { get; init; }
}

/// <summary>One message of a request: role and parts.</summary>
public sealed record ExchangeMessage(string Role, IReadOnlyList<ExchangePart> Parts);

/// <summary>
/// One request to a model and its answer, verbatim: the messages sent, the response format (schema), the
/// reply text, how the answer was judged, and any error. Keys and secrets are never part of it.
/// </summary>
public sealed record DirectorExchange
{
    /// <summary>Position in the session, from 1.</summary>
    public int Sequence { get; init; }
    /// <summary>What was asked: "plan", or "place/ACTOR/STEP" (with "/repair" for a repair round).</summary>
    public required string Stage { get; init; }
    public required string Model { get; init; }
    /// <summary>The endpoint (URL or file) the model was reached at.</summary>
    public required string Endpoint { get; init; }
    public required IReadOnlyList<ExchangeMessage> Request { get; init; }
    /// <summary>The JSON schema the answer was constrained to, if any.</summary>
    public string? ResponseSchema { get; init; }
    /// <summary>The reply text, verbatim (null when the request failed).</summary>
    public string? Response { get; init; }
    /// <summary>"accepted", "rejected: …" (the validation error), or "failed: …" (transport error).</summary>
    public required string Outcome { get; init; }
    public DateTimeOffset StartedUtc { get; init; }
    public double Seconds { get; init; }
    /// <summary>Figures the client reported: token counts; for a local model also load time, tokens/s and context use.</summary>
    public IReadOnlyDictionary<string, double>? Usage { get; init; }
}

/// <summary>Receives every exchange a director makes.</summary>
public interface ITranscriptSink
{
    void Record(DirectorExchange exchange);
}

/// <summary>Keeps exchanges in memory (tests, and the CLI when no project folder is given).</summary>
public sealed class MemoryTranscript : ITranscriptSink
{
    readonly List<DirectorExchange> exchanges = [];
    readonly Lock gate = new();

    public IReadOnlyList<DirectorExchange> Exchanges { get { lock (gate) return exchanges.ToList(); } }

    public void Record(DirectorExchange exchange) { lock (gate) exchanges.Add(exchange); }
}

/// <summary>
/// Writes each exchange as NNN-STAGE.json in a folder (a project's transcripts/), with attached images as
/// NNN-K.png beside it; the files are written atomically and never overwrite an earlier exchange.
/// </summary>
public sealed class FolderTranscript : ITranscriptSink
{
    readonly string folder;
    readonly Lock gate = new();
    int next;

    public FolderTranscript(string folder)
    {
        this.folder = folder;
        Directory.CreateDirectory(folder);
        next = Directory.EnumerateFiles(folder, "*.json").Count() + 1;
    }

    static readonly JsonSerializerOptions Options = new(PlanJson.Options) { WriteIndented = true };

    public void Record(DirectorExchange exchange)
    {
        lock (gate)
        {
            int seq = next++;
            string stem = $"{seq:D3}-{Sanitize(exchange.Stage)}";
            int k = 0;
            var messages = exchange.Request.Select(m => m with
            {
                Parts = m.Parts.Select(p =>
                {
                    if (p.Data is null) return p;
                    string file = $"{stem}-{++k}{Extension(p.MediaType)}";
                    AtomicFile.WriteAllBytes(Path.Combine(folder, file), p.Data, overwrite: false);
                    return p with { File = file };
                }).ToList(),
            }).ToList();
            var stored = exchange with { Sequence = seq, Request = messages };
            AtomicFile.WriteAllText(Path.Combine(folder, stem + ".json"), JsonSerializer.Serialize(stored, Options), overwrite: false);
        }
    }

    static string Extension(string? mediaType) => mediaType switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        _ => ".bin",
    };

    static string Sanitize(string stage) =>
        new(stage.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_').ToArray());
}
