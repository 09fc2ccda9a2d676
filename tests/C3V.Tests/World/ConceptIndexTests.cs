using C3V.World;

namespace C3V.Tests.World;

public class ConceptIndexTests
{
    static ConceptIndex Index(ITextEmbedder e) => new(e,
    [
        new Concept("walk", ["walk forward", "stroll"]),
        new Concept("run", ["run fast", "jog"]),
        new Concept("dance", ["dance happily", "twirl"]),
    ]);

    [Fact]
    public void Ranks_all_concepts_best_first_with_cosine_scores()
    {
        var index = Index(new HashingEmbedder());
        var r = index.Search("a person who will jog", 5);
        Assert.Equal(3, r.Count);
        Assert.Equal("run", r[0].Id);
        Assert.Equal("jog", r[0].BestLabel);
        Assert.True(r[0].Score >= r[1].Score && r[1].Score >= r[2].Score);
        Assert.InRange(r[0].Score, 0f, 1.0001f);
        Assert.Equal(1f, index.Search("twirl", 1)[0].Score, 4);
    }

    [Fact]
    public void Simd_dot_matches_scalar_for_odd_lengths()
    {
        var rng = new Random(3);
        foreach (int n in new[] { 1, 7, 8, 9, 31, 384, 385 })
        {
            var a = Enumerable.Range(0, n).Select(_ => rng.NextSingle() - 0.5f).ToArray();
            var b = Enumerable.Range(0, n).Select(_ => rng.NextSingle() - 0.5f).ToArray();
            double s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i];
            Assert.Equal(s, ConceptIndex.Dot(a, b), 4);
        }
    }

    [Fact]
    public void Rejects_duplicate_ids_and_empty_labels()
    {
        var e = new HashingEmbedder();
        Assert.Throws<ArgumentException>(() => new ConceptIndex(e, [new Concept("a", ["x"]), new Concept("a", ["y"])]));
        Assert.Throws<ArgumentException>(() => new ConceptIndex(e, [new Concept("a", [])]));
    }

    [Fact]
    public void Disk_cache_answers_repeat_texts_without_the_model_and_survives_a_torn_tail()
    {
        string dir = Path.Combine(Path.GetTempPath(), "c3v-emb-" + Guid.NewGuid().ToString("N"));
        try
        {
            var model = new HashingEmbedder();
            var first = new CachedTextEmbedder(model, dir);
            var a = first.Embed(["red dress", "blue hat", "red dress"]);
            Assert.Equal(2, model.TextsEmbedded);
            Assert.Equal(a[0], a[2]);

            var model2 = new HashingEmbedder();
            var second = new CachedTextEmbedder(model2, dir);
            var b = second.Embed(["blue hat", "red dress", "green scarf"]);
            Assert.Equal(1, model2.TextsEmbedded); // only the new text
            Assert.Equal(a[1], b[0]);
            Assert.Equal(2, second.Hits);

            // A crash mid-append leaves a partial record: the valid ones stay, the file is rewritten cleanly.
            File.AppendAllText(second.FilePath, "\u0007garbage");
            var model3 = new HashingEmbedder();
            var third = new CachedTextEmbedder(model3, dir);
            third.Embed(["red dress", "blue hat", "green scarf", "yellow boots"]);
            Assert.Equal(1, model3.TextsEmbedded);
            var model4 = new HashingEmbedder();
            new CachedTextEmbedder(model4, dir).Embed(["red dress", "yellow boots"]);
            Assert.Equal(0, model4.TextsEmbedded);
        }
        finally { Directory.Delete(dir, true); }
    }
}
