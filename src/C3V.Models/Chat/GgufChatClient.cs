using System.Runtime.CompilerServices;
using System.Text;
using C3V.Common;
using LLama;
using LLama.Common;
using LLama.Native;
using LLama.Sampling;
using Microsoft.Extensions.AI;

namespace C3V.Models.Chat;

/// <summary>
/// A local GGUF model run on the CPU by LLamaSharp, as an <see cref="IChatClient"/>. LLamaSharp's own chat
/// adapter ignores response formats and drops images, so this one drives the executor itself: the
/// conversation goes through the model's chat template, JSON is forced by a GBNF grammar (the schema is also
/// in the prompt and every answer is validated afterwards), and with a projector (mmproj) attached images are
/// fed through mtmd.
/// </summary>
public sealed class GgufChatClient : IChatClient
{
    readonly LLamaWeights weights;
    readonly ModelParams parameters;
    readonly MtmdWeights? projector;
    readonly string path;
    readonly SemaphoreSlim gate = new(1, 1);

    public GgufChatClient(string modelPath, string? projectorPath, int contextSize = 4096)
    {
        path = modelPath;
        parameters = new ModelParams(modelPath) { ContextSize = (uint)contextSize, GpuLayerCount = 0 };
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
            if (projectorPath is not null)
                projector = MtmdWeights.LoadFromFile(projectorPath, weights, MtmdContextParams.Default());
        }
        catch (Exception e) when (e is not C3VException)
        {
            throw new InvalidFileException(modelPath, $"cannot load the model: {e.Message}", e);
        }
    }

    /// <summary>Any JSON value, written from the JSON grammar (RFC 8259); whitespace kept short so answers stay compact.</summary>
    internal const string JsonGrammar = """
        root   ::= object
        value  ::= object | array | string | number | ("true" | "false" | "null") ws
        object ::= "{" ws ( string ":" ws value ("," ws string ":" ws value)* )? "}" ws
        array  ::= "[" ws ( value ("," ws value)* )? "]" ws
        string ::= "\"" ( [^"\\\x7F\x00-\x1F] | "\\" (["\\/bfnrt] | "u" [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F]) )* "\"" ws
        number ::= ("-"? ([0-9] | [1-9] [0-9]{0,15})) ("." [0-9]+)? ([eE] [-+]? [0-9] [1-9]{0,15})? ws
        ws     ::= | " " | "\n" [ \t]{0,20}
        """;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sb = new StringBuilder();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            sb.Append(update.Text);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, sb.ToString())) { ModelId = Path.GetFileName(path) };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var context = weights.CreateContext(parameters);
            var executor = projector is null ? new InteractiveExecutor(context) : new InteractiveExecutor(context, projector);
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
            string prompt = Encoding.UTF8.GetString(template.Apply());
            var inference = new InferenceParams
            {
                MaxTokens = options?.MaxOutputTokens ?? 2048,
                SamplingPipeline = new DefaultSamplingPipeline
                {
                    Temperature = options?.Temperature ?? 0f,
                    Grammar = options?.ResponseFormat is ChatResponseFormatJson ? new Grammar(JsonGrammar, "root") : null,
                },
                AntiPrompts = [],
            };
            await foreach (var piece in executor.InferAsync(prompt, inference, cancellationToken).ConfigureAwait(false))
                yield return new ChatResponseUpdate(ChatRole.Assistant, piece);
        }
        finally
        {
            gate.Release();
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        projector?.Dispose();
        weights.Dispose();
        gate.Dispose();
    }
}
