using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Common;
using C3V.Direct;
using C3V.Models.Chat.Replies;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace C3V.Models.Chat;

/// <summary>How a request asks for the answer's structure, from the strictest to what every server accepts.</summary>
public enum ResponseMode { JsonSchema, JsonObject, InstructionsOnly }

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
    /// <summary>Where a local model's native (llama.cpp) log lines go; null hides them (the CLI's --verbose shows them).</summary>
    public Action<string>? NativeLog { get; init; }
    /// <summary>Send the reference view as words (landmark boxes, ground region) instead of an image: for models that cannot see.</summary>
    public bool DescribeImageInWords { get; init; }
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

    /// <summary>
    /// The outcome of one validated question: the value (null when both tries failed), the raw answer, who
    /// gave it, and the values read leniently (boxes rescaled, ids matched…), which the director reports.
    /// </summary>
    public sealed record Answer<T>(T? Value, string Raw, StepSource Source, string? Error, IReadOnlyList<string> Conversions) where T : class;

    /// <summary>How the answer's structure is asked for; a server that refuses one (HTTP 400) gets the next, for the rest of the session.</summary>
    public ResponseMode Mode { get; private set; } = ResponseMode.JsonSchema;

    /// <summary>
    /// Asks the last user message of <paramref name="conversation"/>, constrained to <typeparamref name="T"/>'s
    /// schema; the reply is read as real models write it (<see cref="ReplyReader"/>), then <paramref name="resolve"/>
    /// may fix what is unambiguous, and an answer failing the schema or <paramref name="check"/> gets one repair
    /// round. The accepted (or last) answer is appended to the conversation so later steps see it.
    /// <paramref name="image"/> is the size of the attached view, for reading boxes in other units;
    /// <paramref name="schema"/>, when given, narrows <typeparamref name="T"/>'s schema for this question.
    /// </summary>
    public async Task<Answer<T>> AskAsync<T>(string stage, List<ChatMessage> conversation, Func<T, string?> check, CancellationToken cancellation,
        (int Width, int Height)? image = null, Func<T, (T Value, IReadOnlyList<string> Notes)>? resolve = null, JsonNode? schema = null) where T : class
    {
        string schemaText = (schema ?? PlanJson.SchemaFor<T>()).ToJsonString();
        string? lastError = null;
        string raw = "";
        for (int attempt = 0; attempt < 2; attempt++)
        {
            string stageName = attempt == 0 ? stage : stage + "/repair";
            var reply = await SendAsync(stageName, conversation, schemaText, cancellation).ConfigureAwait(false);
            raw = reply.Text;
            var reading = ReplyReader.Read<T>(raw, reply.CutAtLimit, image);
            var value = reading.Value;
            var conversions = reading.Conversions.ToList();
            string? error = reading.Error;
            if (value is not null && resolve is not null)
            {
                (value, var fixes) = resolve(value);
                conversions.AddRange(fixes);
            }
            if (value is not null) error = check(value);
            string how = reading.Format.Count + conversions.Count == 0 ? "" : $" (read leniently: {string.Join("; ", reading.Format.Concat(conversions))})";
            Record(stageName, conversation, schemaText, raw, (error is null ? "accepted" : $"rejected: {error}") + how, reply.Usage);
            conversation.Add(new ChatMessage(ChatRole.Assistant, raw));
            if (error is null) return new Answer<T>(value, raw, attempt == 0 ? StepSource.Model : StepSource.ModelRepaired, null, conversions);
            lastError = error;
            conversation.Add(new ChatMessage(ChatRole.User,
                $"That answer is not valid: {error}. Answer again with only a JSON object that follows the schema {schemaText}"));
        }
        return new Answer<T>(null, raw, StepSource.PlannerFallback, lastError, []);
    }

    readonly Stopwatch clock = new();
    DateTimeOffset started;

    /// <summary>A reply: its text, whether the output limit cut it, and the figures the client reported.</summary>
    internal ChatDirectorOptions Options => options;

    sealed record Reply(string Text, bool CutAtLimit, IReadOnlyDictionary<string, double>? Usage);

    async Task<Reply> SendAsync(string stage, List<ChatMessage> conversation, string schemaText, CancellationToken cancellation)
    {
        while (true)
        {
            var chatOptions = new ChatOptions
            {
                ModelId = model,
                Temperature = options.Temperature,
                MaxOutputTokens = options.MaxOutputTokens,
                ResponseFormat = Mode switch
                {
                    ResponseMode.JsonSchema => ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(schemaText).RootElement.Clone(), SchemaName(stage), "the answer's structure"),
                    ResponseMode.JsonObject => ChatResponseFormat.Json,
                    _ => null,
                },
            };
            // without a schema-constrained format the schema travels in the question itself
            var messages = Mode == ResponseMode.JsonSchema ? conversation : WithSchema(conversation, schemaText);
            started = DateTimeOffset.UtcNow;
            clock.Restart();
            try
            {
                var response = await pipeline.ExecuteAsync(
                    async ct => await client.GetResponseAsync(messages, chatOptions, ct).ConfigureAwait(false), cancellation).ConfigureAwait(false);
                return new Reply(response.Text ?? "", response.FinishReason == ChatFinishReason.Length, Figures(response));
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested) { throw; }
            catch (Exception e) when (e is not C3VException)
            {
                string reason = Describe(e);
                if (Mode != ResponseMode.InstructionsOnly && RejectsFormat(e))
                {
                    var next = Mode + 1;
                    Record(stage, messages, schemaText, null, $"failed: {reason}; the server refuses the {ModeName(Mode)} response format, asking again with {ModeName(next)} (kept for this session)", null);
                    Mode = next;
                    continue;
                }
                Record(stage, messages, schemaText, null, $"failed: {reason}", null);
                throw new C3VException($"the chat model {model} at {endpoint} {reason}", e);
            }
        }
    }

    static List<ChatMessage> WithSchema(List<ChatMessage> conversation, string schemaText)
    {
        var copy = conversation.ToList();
        var last = copy[^1];
        copy[^1] = new ChatMessage(last.Role, [.. last.Contents, new TextContent($"\nAnswer with one JSON object only, following this JSON schema: {schemaText}")]);
        return copy;
    }

    static string ModeName(ResponseMode mode) => mode switch
    {
        ResponseMode.JsonSchema => "json_schema",
        ResponseMode.JsonObject => "json_object",
        _ => "schema-in-the-instructions",
    };

    /// <summary>A 400 or 422 answer to a request with a response format: the format is what the server refuses.</summary>
    static bool RejectsFormat(Exception e) => e switch
    {
        HttpRequestException { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity } => true,
        ClientResultException { Status: 400 or 422 } => true,
        _ => e.InnerException is { } inner && RejectsFormat(inner),
    };

    static string SchemaName(string stage) => new(stage.Split('/')[^1].Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    void Record(string stage, List<ChatMessage> conversation, string schema, string? response, string outcome, IReadOnlyDictionary<string, double>? usage)
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
            Usage = usage,
        });
    }

    /// <summary>Token counts, and the numeric figures a client adds to its response (a local model: load time, tokens/s, context use).</summary>
    static IReadOnlyDictionary<string, double>? Figures(ChatResponse response)
    {
        var figures = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (response.Usage?.InputTokenCount is { } i) figures["inputTokens"] = i;
        if (response.Usage?.OutputTokenCount is { } o) figures["outputTokens"] = o;
        foreach (var (key, value) in response.AdditionalProperties ?? [])
            if (value is double or float or int or long) figures[key] = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        return figures.Count == 0 ? null : figures;
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
