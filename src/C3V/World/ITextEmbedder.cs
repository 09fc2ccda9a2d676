namespace C3V.World;

/// <summary>
/// Maps text to a unit-length embedding vector so that cosine similarity (a dot product) measures how
/// close two phrases are in meaning. The default is the offline MiniLM encoder in C3V.Models; the core
/// depends only on this interface.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Stable name of the model, used to key on-disk caches of embeddings.</summary>
    string ModelName { get; }
    int Dimension { get; }
    /// <summary>Unit-length embeddings of <paramref name="texts"/>, one per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts);
}
