using C3V.Direct;
using C3V.Models.Chat;

namespace C3V.Tests.Models.Gguf;

/// <summary>
/// The tiny GGUF model (<see cref="TinyLlama"/>) the "Gguf" collection's tests run, written once into a temporary
/// folder that is deleted with the fixture, so test runs leave no model files behind.
/// </summary>
public sealed class TinyModel : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("c3v-tiny-llama-").FullName;
    public string Path => System.IO.Path.Combine(Folder, "tiny.gguf");

    public TinyModel()
    {
        // the vocabulary learns from the kind of text it will read: the answers' schemas and the director's words
        string corpus = string.Join(" ", new[] { PlanJson.SchemaFor<PlanAnswer>(), PlanJson.SchemaFor<ScaleAnswer>(), PlanJson.SchemaFor<BoxAnswer>(),
            PlanJson.SchemaFor<WaypointsAnswer>() }.Select(s => s.ToJsonString()))
            + " You are the director of a short 3D video. Decompose the user's prompt into one scene and its actors. an alien walks from the cabin door to the mower";
        TinyLlama.Write(Path, corpus);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>Tests that load GGUF models: one at a time (llama.cpp's log routing is process-wide), sharing one tiny model.</summary>
[CollectionDefinition("Gguf")]
public sealed class GgufCollection : ICollectionFixture<TinyModel>;
