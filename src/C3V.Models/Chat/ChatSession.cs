using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using C3V.Common;
using C3V.Direct;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace C3V.Models.Chat;

/// <summary>Timeouts, retries and output limits of chat requests.</summary>
public sealed record ChatDirectorOptions
{
    /// <summary>Time allowed for one attempt (a local CPU model on a long answer needs minutes).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(180);
    /// <summary>Retries of transient failures (connection refused, 408/429/5xx, timeouts), with exponential backoff.</summary>
    public int MaxRetries { get; init; } = 2;
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    public int MaxOutputTokens { get; init; } = 2048;
    public float Temperature { get; init; } = 0f;
}

/// <summary>
/// One conversation with a chat model: sends it through a retry/timeout pipeline, records every exchange
/// verbatim, validates each answer against a schema plus a semantic check, and runs the one repair round
/// quoting the error. Transport failures become one <see cref="C3VException"/> naming the endpoint.
/// </summary>
sealed class ChatSession
{
    readonly IChatClient client;
    readonly string model;
    readonly string endpoint;
    readonly ChatDirectorOptions options;
    readonly ITranscriptSink? transcript;
    readonly ResiliencePipeline pipeline;

    public ChatSession(IChatClient client, string model, string endpoint, ChatDirectorOptions options, ITranscriptSink? transcript)
    {
        this.client = client;
        this.model = model;
        this.endpoint = endpoint;
        this.options = options;
        this.transcript = transcript;
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
            });
        pipeline = builder.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>The outcome of one validated question: the value (null when both tries failed), the raw answer, who gave it.</summary>
    public sealed record Answer<T>(T? Value, string Raw, StepSource Source, string? Error) where T : class;

    /// <summary>
    /// Asks the last user message of <paramref name="conversation"/>, constrained to <typeparamref name="T"/>'s
    /// schema; an answer failing the schema or <paramref name="check"/> gets one repair round. The accepted (or
    /// last) answer is appended to the conversation so later steps see it.
    /// </summary>
    public async Task<Answer<T>> AskAsync<T>(string stage, List<ChatMessage> conversation, Func<T, string?> check, CancellationToken cancellation) where T : class
    {
        var schema = PlanJson.SchemaFor<T>();
        string schemaText = schema.ToJsonString();
        string? lastError = null;
        string raw = "";
        for (int attempt = 0; attempt < 2; attempt++)
        {
            string stageName = attempt == 0 ? stage : stage + "/repair";
            raw = await SendAsync(stageName, conversation, schemaText, cancellation).ConfigureAwait(false);
            var value = PlanJson.TryParse<T>(StripFences(raw), out var error);
            if (value is not null) error = check(value);
            Record(stageName, conversation, schemaText, raw, error is null ? "accepted" : $"rejected: {error}");
            conversation.Add(new ChatMessage(ChatRole.Assistant, raw));
            if (error is null) return new Answer<T>(value, raw, attempt == 0 ? StepSource.Model : StepSource.ModelRepaired, null);
            lastError = error;
            conversation.Add(new ChatMessage(ChatRole.User,
                $"That answer is not valid: {error}. Answer again with only a JSON object that follows the schema {schemaText}"));
        }
        return new Answer<T>(null, raw, StepSource.PlannerFallback, lastError);
    }

    /// <summary>Models sometimes wrap JSON in a Markdown fence even when asked not to.</summary>
    static string StripFences(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith("```", StringComparison.Ordinal)) return t;
        int first = t.IndexOf('\n');
        int last = t.LastIndexOf("```", StringComparison.Ordinal);
        return first > 0 && last > first ? t[(first + 1)..last].Trim() : t;
    }

    readonly Stopwatch clock = new();
    DateTimeOffset started;

    async Task<string> SendAsync(string stage, List<ChatMessage> conversation, string schemaText, CancellationToken cancellation)
    {
        var chatOptions = new ChatOptions
        {
            ModelId = model,
            Temperature = options.Temperature,
            MaxOutputTokens = options.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(schemaText).RootElement.Clone(), SchemaName(stage), "the answer's structure"),
        };
        started = DateTimeOffset.UtcNow;
        clock.Restart();
        try
        {
            var response = await pipeline.ExecuteAsync(
                async ct => await client.GetResponseAsync(conversation, chatOptions, ct).ConfigureAwait(false), cancellation).ConfigureAwait(false);
            return response.Text ?? "";
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested) { throw; }
        catch (Exception e) when (e is not C3VException)
        {
            string reason = Describe(e);
            Record(stage, conversation, schemaText, null, $"failed: {reason}");
            throw new C3VException($"the chat model {model} at {endpoint} {reason}", e);
        }
    }

    static string SchemaName(string stage) => new(stage.Split('/')[^1].Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    void Record(string stage, List<ChatMessage> conversation, string schema, string? response, string outcome)
    {
        if (transcript is null) return;
        transcript.Record(new DirectorExchange
        {
            Stage = stage,
            Model = model,
            Endpoint = endpoint,
            Request = conversation.Select(m => new ExchangeMessage(m.Role.Value, m.Contents.Select(Part).ToList())).ToList(),
            ResponseSchema = schema,
            Response = response,
            Outcome = outcome,
            StartedUtc = started,
            Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
        });
    }

    static ExchangePart Part(AIContent c) => c switch
    {
        TextContent t => new ExchangePart { Text = t.Text },
        DataContent d => new ExchangePart { MediaType = d.MediaType, Data = d.Data.ToArray() },
        _ => new ExchangePart { Text = c.ToString() },
    };

    /// <summary>Connection failures, timeouts, 408/429 and 5xx are worth retrying; other refusals are not.</summary>
    static bool IsTransient(Exception e) => e switch
    {
        TimeoutRejectedException => true,
        HttpRequestException h => h.StatusCode is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)h.StatusCode >= 500,
        ClientResultException c => c.Status is 0 or 408 or 429 or >= 500,
        TaskCanceledException => true, // an HTTP client timeout
        _ => e.InnerException is { } inner && IsTransient(inner),
    };

    string Describe(Exception e) => e switch
    {
        TimeoutRejectedException => $"did not answer within {options.RequestTimeout.TotalSeconds:0} s (after {options.MaxRetries} retries)",
        HttpRequestException { StatusCode: { } s } h => $"refused the request (HTTP {(int)s}): {h.Message}",
        HttpRequestException h => $"cannot be reached ({h.InnerException?.Message ?? h.Message}); is the server running?",
        ClientResultException { Status: 0 } c => $"cannot be reached ({c.InnerException?.Message ?? c.Message}); is the server running?",
        ClientResultException c => $"refused the request (HTTP {c.Status}): {FirstLine(c.Message)}",
        _ when e.InnerException is { } inner && inner is HttpRequestException or ClientResultException or TimeoutRejectedException => Describe(inner),
        _ => $"failed: {e.GetType().Name}: {FirstLine(e.Message)}",
    };

    static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
