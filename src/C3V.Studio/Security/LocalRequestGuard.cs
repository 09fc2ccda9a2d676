using Microsoft.AspNetCore.Http;

namespace C3V.Studio.Security;

/// <summary>
/// Lets through only requests addressed to this server by its own name: the Host header must name the bound
/// address (or localhost), which defeats DNS rebinding (a foreign name resolving to 127.0.0.1), and a request
/// sent by a page of another site (Origin of another host or port, or Sec-Fetch-Site cross-site) is refused,
/// so no web page can drive the studio through the user's browser.
/// </summary>
public sealed class LocalRequestGuard(StudioOptions options)
{
    readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase) { "localhost", "127.0.0.1", "[::1]", options.Host.Contains(':') && !options.Host.StartsWith('[') ? $"[{options.Host}]" : options.Host };

    public async Task Handle(HttpContext context, RequestDelegate next)
    {
        if (Refusal(context.Request) is { } why)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new ApiError(why));
            return;
        }
        await next(context);
    }

    /// <summary>Why the request is refused, or null.</summary>
    public string? Refusal(HttpRequest request)
    {
        var host = request.Host;
        if (!host.HasValue || !_names.Contains(host.Host)) return $"refused: the Host header '{host.Value}' is not this server's address (use http://127.0.0.1:{options.Port}/)";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var o) || o.Scheme != request.Scheme
                || !_names.Contains(o.Host) || !string.Equals(o.Authority, host.Value, StringComparison.OrdinalIgnoreCase))
                return $"refused: a page from '{origin}' may not use the studio (cross-site request)";
        }
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site") return "refused: cross-site request";
        return null;
    }
}
