using C3V.Direct;
using C3V.Models.Chat;
using C3V.World;

namespace C3V.Cli;

/// <summary>The director and embedder the CLI hands to the pipeline.</summary>
static class Directors
{
    /// <summary>The director for an --llm spec ("rules": the embedded one; chat models through the models project).</summary>
    public static IDirector Create(string spec, ITranscriptSink sink, ITextEmbedder? embedder, bool verbose) =>
        DirectorFactory.Create(spec, sink, m => Console.Error.WriteLine($"c3v: warning: {m}"), Options(verbose), embedder);

    /// <summary>Help of every --llm verb's --verbose.</summary>
    public const string VerboseHelp = "Show a local (gguf:) model's own llama.cpp log lines on stderr (hidden otherwise)";

    /// <summary>Chat options that show llama.cpp's own log on stderr with --verbose (hidden otherwise).</summary>
    public static ChatDirectorOptions Options(bool verbose) => new() { NativeLog = NativeLog(verbose) };

    /// <summary>Where llama.cpp's log lines go: stderr, marked, with --verbose; nowhere without.</summary>
    public static Action<string>? NativeLog(bool verbose) => verbose ? line => Console.Error.WriteLine($"llama.cpp: {line}") : null;

    /// <summary>The MiniLM sentence embedder (bundled, offline), loaded once.</summary>
    public static ITextEmbedder? Embedder() => C3V.Models.Embeddings.MiniLmEmbedder.Shared;
}
