using System.Text;
using System.Text.Json;
using C3V.Common;
using C3V.Direct;
using Microsoft.AspNetCore.Http;

namespace C3V.Studio.Api;

/// <summary>POST /api/jobs: a new generation.</summary>
public sealed record GenerateBody
{
    public string? Prompt { get; init; }
    /// <summary>The project's folder name (default: from the prompt, never an existing one).</summary>
    public string? Name { get; init; }
    /// <summary>Director: "rules" or a chat model spec (default: the server's --llm).</summary>
    public string? Llm { get; init; }
    public int Seed { get; init; } = 1;
    public double? Duration { get; init; }
    public int Fps { get; init; } = 24;
    public int Width { get; init; } = 512;
    public int Height { get; init; } = 512;
    public string Camera { get; init; } = "static";
    public string Quality { get; init; } = "final";
    public string Format { get; init; } = "mp4";
}

/// <summary>POST /api/projects/{name}/render.</summary>
public sealed record RenderBody
{
    public string? Camera { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public bool Replace { get; init; }
}

/// <summary>POST /api/projects/{name}/placement: the boxes and waypoints the user drew, per actor.</summary>
public sealed record PlacementBody
{
    public required IReadOnlyList<Placement> Placements { get; init; }
}

/// <summary>POST /api/projects/{name}/duplicate.</summary>
public sealed record DuplicateBody
{
    public string? Name { get; init; }
}

/// <summary>POST /api/projects/{name}/export.</summary>
public sealed record ExportBody
{
    public string Format { get; init; } = "spz";
}

/// <summary>Reads request bodies with errors that name the field (the plan's schema paths, or the JSON path).</summary>
static class Bodies
{
    public const int MaxBytes = 4 << 20;
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    static async Task<string> TextAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) throw new C3VException($"the request is {request.ContentLength} bytes; at most {MaxBytes} are read");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBytes / 2 + 1];
        var text = new StringBuilder();
        int n;
        while ((n = await reader.ReadAsync(buffer.AsMemory(), ct)) > 0)
        {
            text.Append(buffer, 0, n);
            if (text.Length > MaxBytes) throw new C3VException($"the request is larger than {MaxBytes} bytes");
        }
        if (text.Length == 0) throw new C3VException("the request has no body (expected JSON)");
        return text.ToString();
    }

    /// <summary>A simple request object (web casing); unknown fields are refused so a typo is not silently ignored.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        var text = await TextAsync(request, ct);
        try { return JsonSerializer.Deserialize<T>(text, Web) ?? throw new C3VException("$: expected an object"); }
        catch (JsonException e) { throw new C3VException($"{e.Path ?? "$"}: {FirstSentence(e.Message)}"); }
    }

    /// <summary>A plan-format object (plan, placements), checked against its schema first so errors name the field.</summary>
    public static async Task<T> ReadPlanFormatAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var text = await TextAsync(request, ct);
        return PlanJson.TryParse<T>(text, out var error) ?? throw new C3VException(error!);
    }

    static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
