using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using C3V.Common;
using C3V.Models.Gguf;
using C3V.Models.Grammar;
using LLama;
using LLama.Common;
using LLama.Native;
using LLama.Sampling;
using Microsoft.Extensions.AI;

namespace C3V.Models.Chat;

/// <summary>
/// A local GGUF model run on the CPU by LLamaSharp, as an <see cref="IChatClient"/>. LLamaSharp's own chat
/// adapter ignores response formats and drops images, so this one drives the executor itself: the
/// conversation goes through the model's chat template; a JSON-schema response format becomes a GBNF
/// grammar compiled from that schema (<see cref="JsonSchemaGrammar"/>), so the sampler can only write
/// answers the schema accepts; with a projector (mmproj) images are fed through mtmd. Each response carries
/// the figures of the run: load time, prompt and answer tokens, tokens per second, context size and use.
/// </summary>
public sealed class GgufChatClient : IChatClient
{
    readonly LLamaWeights weights;
    readonly ModelParams parameters;
    readonly MtmdWeights? projector;
    readonly string path;
    readonly double loadSeconds;
    readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Whether images reach the model (a projector is loaded); without one the director describes the view in words.</summary>
    public bool SeesImages => projector is not null;

    public int ContextSize { get; }

    public GgufChatClient(string modelPath, string? projectorPath, int? contextSize = null, Action<string>? nativeLog = null)
    {
        path = modelPath;
        LlamaNativeLog.Install(nativeLog);
        var meta = GgufMetadata.Read(modelPath);
        if (meta.Architecture is null) throw new InvalidFileException(modelPath, "the GGUF file names no general.architecture; it is not a language model");
        if (meta.Architecture == "clip") throw new InvalidFileException(modelPath, "this is a projector (mmproj), not a language model; give it as gguf:MODEL,mmproj=THIS");
        int trained = (int)(meta.Number($"{meta.Architecture}.context_length") ?? 4096);
        ContextSize = contextSize ?? Math.Min(trained, 4096);
        if (projectorPath is not null) CheckProjector(projectorPath, modelPath, meta);

        parameters = new ModelParams(modelPath) { ContextSize = (uint)ContextSize, GpuLayerCount = 0 };
        var clock = Stopwatch.StartNew();
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (Exception e) when (e is not C3VException)
        {
            throw new InvalidFileException(modelPath, $"llama.cpp cannot load the model: {Reason(e)}", e);
        }
        try
        {
            if (projectorPath is not null)
                projector = MtmdWeights.LoadFromFile(projectorPath, weights, MtmdContextParams.Default());
        }
        catch (Exception e) when (e is not C3VException)
        {
            weights.Dispose();
            throw new InvalidFileException(projectorPath!, $"llama.cpp cannot load the projector for {Path.GetFileName(modelPath)}: {Reason(e)}", e);
        }
        loadSeconds = clock.Elapsed.TotalSeconds;
    }

    static string Reason(Exception e)
    {
        string native = LlamaNativeLog.RecentErrors();
        return native.Length > 0 ? $"{e.Message} ({native})" : e.Message;
    }

    /// <summary>
    /// A projector must be a CLIP/mtmd GGUF whose output width is the language model's embedding width;
    /// checked from the metadata so a mismatch is one clear sentence instead of a native failure.
    /// </summary>
    static void CheckProjector(string projectorPath, string modelPath, GgufMetadata model)
    {
        var p = GgufMetadata.Read(projectorPath);
        if (p.Architecture != "clip")
            throw new InvalidFileException(projectorPath, $"not a projector (mmproj): its architecture is '{p.Architecture ?? "none"}', expected 'clip'");
        double? projected = p.Number("clip.vision.projection_dim") ?? p.Number("clip.audio.projection_dim");
        double? embedding = model.Number($"{model.Architecture}.embedding_length");
        if (projected is { } a && embedding is { } b && a != b)
            throw new InvalidFileException(projectorPath,
                $"this projector makes {a}-wide embeddings but {Path.GetFileName(modelPath)} takes {b}; it belongs to another model");
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sb = new StringBuilder();
        ChatResponseUpdate? last = null;
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            sb.Append(update.Text);
            last = update;
        }
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, sb.ToString())) { ModelId = Path.GetFileName(path) };
        if (last?.FinishReason is { } finish)
        {
            response.FinishReason = finish;
            response.Usage = last.Contents.OfType<UsageContent>().FirstOrDefault()?.Details;
            response.AdditionalProperties = last.AdditionalProperties;
        }
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var context = weights.CreateContext(parameters);
            var executor = projector is null ? new InteractiveExecutor(context) : new InteractiveExecutor(context, projector);
            string prompt = Prompt(messages, executor);
            int promptTokens = context.Tokenize(prompt, addBos: true, special: true).Length;
            int maxTokens = options?.MaxOutputTokens ?? 2048;
            if (promptTokens >= ContextSize)
                throw new C3VException($"the conversation needs {promptTokens} tokens but {Path.GetFileName(path)}'s context holds {ContextSize}; give a larger one with gguf:PATH,ctx=N");
            var inference = new InferenceParams
            {
                MaxTokens = Math.Min(maxTokens, ContextSize - promptTokens),
                SamplingPipeline = new DefaultSamplingPipeline
                {
                    Temperature = options?.Temperature ?? 0f,
                    Grammar = GrammarFor(options?.ResponseFormat) is { } g ? new LLama.Sampling.Grammar(g, "root") : null,
                },
                AntiPrompts = [],
            };

            var clock = Stopwatch.StartNew();
            double? firstToken = null;
            int produced = 0;
            await foreach (var piece in executor.InferAsync(prompt, inference, cancellationToken).ConfigureAwait(false))
            {
                firstToken ??= clock.Elapsed.TotalSeconds;
                produced++;
                yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
            }
            double seconds = clock.Elapsed.TotalSeconds, generating = seconds - (firstToken ?? seconds);
            var finish = produced >= inference.MaxTokens ? ChatFinishReason.Length : ChatFinishReason.Stop;
            yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = promptTokens, OutputTokenCount = produced })])
            {
                FinishReason = finish,
                AdditionalProperties = new AdditionalPropertiesDictionary
                {
                    ["modelLoadSeconds"] = Math.Round(loadSeconds, 3),
                    ["promptSeconds"] = Math.Round(firstToken ?? seconds, 3),
                    ["tokensPerSecond"] = Math.Round(produced > 1 && generating > 0 ? (produced - 1) / generating : 0, 1),
                    ["contextSize"] = ContextSize,
                    ["contextUsed"] = promptTokens + produced,
                },
            };
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The conversation through the model's chat template; images become mtmd markers when a projector is loaded.</summary>
    string Prompt(IEnumerable<ChatMessage> messages, InteractiveExecutor executor)
    {
        var template = new LLamaTemplate(weights) { AddAssistant = true };
        foreach (var m in messages)
        {
            var text = new StringBuilder();
            foreach (var c in m.Contents)
            {
                if (c is TextContent t) text.Append(t.Text);
                else if (c is DataContent d && d.HasTopLevelMediaType("image") && projector is not null)
                {
                    // mtmd replaces the marker in the prompt with the image's embedding
                    executor.Embeds.Add(projector.LoadMedia(d.Data.Span));
                    text.Append(NativeApi.MtmdDefaultMarker()).Append('\n');
                }
            }
            template.Add(m.Role.Value, text.ToString());
        }
        return Encoding.UTF8.GetString(template.Apply());
    }

    /// <summary>The grammar a response format asks for: the schema's own, any JSON object, or none for text.</summary>
    internal static string? GrammarFor(ChatResponseFormat? format) => format switch
    {
        ChatResponseFormatJson { Schema: { } schema } => JsonSchemaGrammar.Compile(JsonNode.Parse(schema.GetRawText())!),
        ChatResponseFormatJson => JsonSchemaGrammar.AnyObject(),
        _ => null,
    };

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        projector?.Dispose();
        weights.Dispose();
        gate.Dispose();
    }
}
