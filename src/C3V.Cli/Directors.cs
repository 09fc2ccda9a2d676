using C3V.Direct;
using C3V.Models.Chat;
using C3V.World;

namespace C3V.Cli;

/// <summary>The director and embedder the CLI hands to the pipeline.</summary>
static class Directors
{
    /// <summary>The director for an --llm spec ("rules": the embedded one; chat models through the models project).</summary>
    public static IDirector Create(string spec, ITranscriptSink sink, ITextEmbedder? embedder) =>
        DirectorFactory.Create(spec, sink, m => Console.Error.WriteLine($"c3v: warning: {m}"), embedder: embedder).Director;

    /// <summary>The MiniLM sentence embedder (bundled, offline), loaded once.</summary>
    public static ITextEmbedder? Embedder() => C3V.Models.Embeddings.MiniLmEmbedder.Shared;
}
