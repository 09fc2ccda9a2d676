using System.Text.Json;

namespace C3V.Models.Chat;

/// <summary>
/// Turns an HTTP error answer into an <see cref="HttpRequestException"/> carrying its status and the server's
/// message. OllamaSharp reports error bodies as an exception without the status, which would hide whether the
/// failure is worth retrying (5xx) or is a refused response format (400).
/// </summary>
sealed class HttpStatusHandler() : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode;
        response.Dispose();
        throw new HttpRequestException($"{ErrorMessage(body)}", null, status);
    }

    /// <summary>The "error" text of a JSON error body ({"error": "…"} or {"error": {"message": "…"}}), else the body's first line.</summary>
    static string ErrorMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var e))
                return e.ValueKind == JsonValueKind.String ? e.GetString()! : e.TryGetProperty("message", out var m) ? m.ToString() : e.ToString();
        }
        catch (JsonException) { }
        string line = body.Split('\n')[0].Trim();
        return line.Length <= 200 ? line : line[..200];
    }
}
