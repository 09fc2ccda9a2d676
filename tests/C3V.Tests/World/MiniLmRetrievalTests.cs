using C3V.Models.Embeddings;
using C3V.World;
using Xunit.Abstractions;

namespace C3V.Tests.World;

/// <summary>Tests with the real MiniLM encoder (offline, bundled in the package); loaded once for the class.</summary>
public sealed class MiniLmFixture
{
    public ITextEmbedder Embedder { get; } = MiniLmEmbedder.Shared;
}

public class MiniLmRetrievalTests(MiniLmFixture fixture, ITestOutputHelper output) : IClassFixture<MiniLmFixture>
{
    /// <summary>Floor measured when this test was written (see docs/world.md); a drop means retrieval got worse.</summary>
    const double AccuracyFloor = 0.95; // measured 59/62 = 95.2 %

    [Fact]
    public void Embeddings_are_unit_length_and_close_for_paraphrases()
    {
        var v = fixture.Embedder.Embed(["a person walking", "someone strolls along", "a cabin in a meadow", ""]);
        Assert.All(v, x => Assert.Equal(384, x.Length));
        Assert.All(v, x => Assert.Equal(1.0, Math.Sqrt(x.Sum(y => (double)y * y)), 3));
        float Dot(float[] a, float[] b) => a.Zip(b).Sum(p => p.First * p.Second);
        Assert.True(Dot(v[0], v[1]) > Dot(v[0], v[2]) + 0.3f);
    }

    [Fact]
    public void Retrieval_test_set_top1_accuracy_is_at_least_the_measured_floor()
    {
        Assert.True(RetrievalTestSet.Cases.Count >= 60);
        var labels = ConceptCatalog.Of(ConceptKind.Scene).Concat(ConceptCatalog.Of(ConceptKind.Motion)).Concat(ConceptCatalog.Of(ConceptKind.Actor))
            .SelectMany(c => c.Labels).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(RetrievalTestSet.Cases, c => labels.Contains(c.Phrase));
        var (per, misses) = RetrievalTestSet.Evaluate(fixture.Embedder);
        foreach (var (k, (ok, n)) in per) output.WriteLine($"{k}: {ok}/{n}");
        foreach (var (c, got) in misses) output.WriteLine($"miss: \"{c.Phrase}\" -> {got.Id} ({got.Score:F2}), expected {string.Join("|", c.Expected)}");
        double acc = per.Values.Sum(p => p.Correct) / (double)per.Values.Sum(p => p.Total);
        output.WriteLine($"overall {acc:P1}");
        Assert.True(acc >= AccuracyFloor, $"top-1 accuracy {acc:P1} fell below {AccuracyFloor:P0}");
    }

    [Fact]
    public void Unknown_attribute_words_map_onto_the_vocabulary_by_meaning()
    {
        var r = new AttributeResolver(fixture.Embedder);
        Assert.Equal("suit jacket", r.Resolve("tuxedo", AttributeKind.Garment)!.Value.Term.Canonical); // a synonym: exact
        Assert.Equal("red", r.ResolveColor("crimson")!.Value.Color.Family);
        var stetson = r.Resolve("stetson", AttributeKind.Garment);
        Assert.NotNull(stetson);
        Assert.Equal("hat", stetson.Value.Term.Canonical);
        Assert.Null(r.Resolve("photosynthesis", AttributeKind.Garment));
    }
}
