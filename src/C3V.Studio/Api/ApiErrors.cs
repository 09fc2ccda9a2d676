using System.Text.Json;
using C3V.Common;
using C3V.Studio.Files;
using C3V.Studio.Jobs;
using Microsoft.AspNetCore.Http;

namespace C3V.Studio;

/// <summary>The one JSON shape of every error the API answers: a message, and the field it is about when there is one.</summary>
public sealed record ApiError(string Error, string? Field = null, string? Job = null);

/// <summary>
/// Maps failures to one clear JSON error (never a stack trace): bad input 400, refused paths 403, missing
/// projects 404, busy projects 409 (a job of this server's queue, or another process holding the project's lock), everything else 500 with the exception's message.
/// </summary>
public static class ApiErrors
{
    /// <summary>One line for the user, from any failure.</summary>
    public static string Describe(Exception e) => e switch
    {
        C3VException or IOException or UnauthorizedAccessException => e.Message,
        _ => $"internal error: {e.GetType().Name}: {e.Message}",
    };

    /// <summary>The field a message starting with a JSON path ("$.actors[0].id: …") is about, without the "$.".</summary>
    public static string? FieldOf(string message)
    {
        if (!message.StartsWith("$", StringComparison.Ordinal)) return null;
        int colon = message.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0) return null;
        var path = message[..colon].TrimStart('$').TrimStart('.');
        return path.Length == 0 ? null : path;
    }

    public static IResult ToResult(Exception e) => e switch
    {
        PathRefusedException => Results.Json(new ApiError(e.Message), statusCode: 403),
        NotFoundException => Results.Json(new ApiError(e.Message), statusCode: 404),
        ProjectBusyException b => Results.Json(new ApiError(e.Message, Job: b.Job.Id), statusCode: 409),
        Projects.ProjectLockedException => Results.Json(new ApiError(e.Message), statusCode: 409),
        BadHttpRequestException bad => Results.Json(new ApiError(bad.StatusCode == 413 ? "the request is too large (at most 4 MB)" : bad.Message), statusCode: bad.StatusCode),
        JsonException j => Results.Json(new ApiError($"the request is not valid JSON: {j.Message}"), statusCode: 400),
        C3VException => Results.Json(new ApiError(e.Message, FieldOf(e.Message)), statusCode: 400),
        FileNotFoundException or DirectoryNotFoundException => Results.Json(new ApiError(e.Message), statusCode: 404),
        _ => Results.Json(new ApiError(Describe(e)), statusCode: 500),
    };

    /// <summary>Middleware: any exception an endpoint throws becomes <see cref="ToResult"/>'s answer.</summary>
    public static async Task Handle(HttpContext context, RequestDelegate next)
    {
        try { await next(context); }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            await ToResult(e).ExecuteAsync(context);
        }
    }
}
