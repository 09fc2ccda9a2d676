using System.ClientModel;
using System.ClientModel.Primitives;
using C3V.Direct;
using C3V.World;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace C3V.Models.Chat;

/// <summary>
/// A director and whatever it holds open (HTTP clients, a loaded model); dispose when done. It directs too, so a
/// pipeline given it (<c>Generator</c> disposes an <see cref="IDisposable"/> director after each command) frees the
/// model when the command ends instead of keeping every loaded model for the life of the process.
/// </summary>
public sealed class DirectorHandle(IDirector director, IDisposable? resources) : IDirector, IDisposable
{
    public IDirector Director { get; } = director;
    public string Name => Director.Name;
    public Task<ScenePlan> PlanAsync(string prompt, CancellationToken cancellation = default) => Director.PlanAsync(prompt, cancellation);
    public Task<Placement> PlaceAsync(PlacementRequest request, CancellationToken cancellation = default) => Director.PlaceAsync(request, cancellation);
    public void Dispose() => resources?.Dispose();
}

/// <summary>Builds the director a <c>--llm</c> spec names (see <see cref="ChatModelSpec"/>).</summary>
public static class DirectorFactory
{
    public static DirectorHandle Create(string? spec, ITranscriptSink? transcript = null, Action<string>? warn = null,
        ChatDirectorOptions? options = null, ITextEmbedder? embedder = null) =>
        Create(ChatModelSpec.Parse(spec), transcript, warn, options, embedder);

    public static DirectorHandle Create(ChatModelSpec spec, ITranscriptSink? transcript = null, Action<string>? warn = null,
        ChatDirectorOptions? options = null, ITextEmbedder? embedder = null)
    {
        options ??= new ChatDirectorOptions();
        var rules = new RuleDirector(embedder);
        if (spec.Provider == ChatProvider.Rules) return new DirectorHandle(rules, null);
        var client = Client(spec, options);
        // a local model without a projector cannot see the reference view: it is described in words instead
        if (client is GgufChatClient { SeesImages: false }) options = options with { DescribeImageInWords = true };
        var director = new ChatDirector(client, spec.Name, spec.Model, spec.Where, options, transcript, warn, rules);
        return new DirectorHandle(director, client);
    }

    /// <summary>The chat client a (non-rules) spec names: HTTP clients for servers, a loaded model for GGUF.</summary>
    public static IChatClient Client(ChatModelSpec spec, ChatDirectorOptions options) => spec.Provider switch
    {
        ChatProvider.OpenAI => OpenAIClient(spec, options),
        ChatProvider.Ollama => new OllamaApiClient(new HttpClient(new HttpStatusHandler()) { BaseAddress = spec.Endpoint, Timeout = Timeout.InfiniteTimeSpan }, spec.Model),
        ChatProvider.Gguf => new GgufChatClient(spec.Model, spec.Projector, spec.ContextSize, options.NativeLog),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), "the rule director has no chat client"),
    };

    /// <summary>
    /// An OpenAI-compatible client; its own retries are off (ours, with the endpoint named in the error, are
    /// used instead) and a local server needs no key, so a placeholder is sent when none is set.
    /// </summary>
    static IChatClient OpenAIClient(ChatModelSpec spec, ChatDirectorOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = spec.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.RequestTimeout + TimeSpan.FromSeconds(5),
        };
        return new OpenAIClient(new ApiKeyCredential(ChatModelSpec.ApiKey() ?? "no-key"), clientOptions)
            .GetChatClient(spec.Model).AsIChatClient();
    }
}
