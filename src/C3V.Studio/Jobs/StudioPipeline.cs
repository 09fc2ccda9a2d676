using C3V.Direct;
using C3V.Models.Chat;
using C3V.Models.Embeddings;
using C3V.Pipeline;
using C3V.Projects;
using C3V.World;

namespace C3V.Studio.Jobs;

/// <summary>
/// The pipeline as the studio calls it: the same <see cref="Generator"/> API as the CLI verbs, with the director
/// named by the request (or the server's --llm). No pipeline logic lives here, only the wiring.
/// </summary>
public sealed class StudioPipeline(StudioOptions options)
{
    /// <summary>A generator whose director is <paramref name="llm"/> (null: the server's default) and whose stages report to <paramref name="observer"/>.</summary>
    public Generator Create(string? llm, IPipelineObserver observer)
    {
        var spec = string.IsNullOrWhiteSpace(llm) ? options.Llm : llm.Trim();
        ITextEmbedder embedder = MiniLmEmbedder.Shared;
        return new Generator(sink => DirectorFactory.Create(spec, sink, observer.Warning, new ChatDirectorOptions { NativeLog = options.NativeLog }, embedder), embedder, observer);
    }

    /// <summary>The director a project was made with (edits and renders use the same).</summary>
    public static string ProjectLlm(string dir) => ProjectFolder.Open(dir).Load().Settings.Llm;
}
