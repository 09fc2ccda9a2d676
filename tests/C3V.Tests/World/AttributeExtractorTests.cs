using C3V.World;
using CsCheck;

namespace C3V.Tests.World;

public class AttributeExtractorTests
{
    [Fact]
    public void Garments_take_the_colours_in_front_of_them()
    {
        var a = AttributeExtractor.Extract("A tall woman in a crimson dress and navy blue boots, with blonde hair.");
        Assert.Equal(["dress", "boots"], a.Garments.Select(g => g.Term!.Canonical));
        Assert.Equal("crimson", a.Garments[0].Color!.Value.Name);
        Assert.Equal("red", a.Garments[0].Color!.Value.Family);
        Assert.Equal(GarmentSlot.FullBody, a.Garments[0].Slot);
        Assert.Equal("navy blue", a.Garments[1].Color!.Value.Name);
        Assert.Equal(GarmentSlot.Feet, a.Garments[1].Slot);
        Assert.Equal("hair", a.Features.Single().Term!.Canonical);
        Assert.Equal("blonde", a.Features.Single().Color!.Value.Name);
        Assert.Equal("tall", a.Size!.Canonical);
        Assert.Equal(1.15f, a.SizeFactor);
    }

    [Fact]
    public void Synonyms_and_multiword_garments_map_to_canonical_terms()
    {
        var a = AttributeExtractor.Extract("a man wearing a black tuxedo and a red bow tie; a girl in ski clothes");
        Assert.Equal(["suit jacket", "tie", "ski suit"], a.Garments.Select(g => g.Term!.Canonical));
        Assert.Equal("black", a.Garments[0].Color!.Value.Name);
        Assert.Equal("red", a.Garments[1].Color!.Value.Name);
        Assert.Null(a.Garments[2].Color);
        Assert.Equal("t-shirt", AttributeExtractor.Extract("green t-shirt").Garments.Single().Term!.Canonical);
    }

    [Fact]
    public void Materials_as_adjectives_and_as_nouns()
    {
        var a = AttributeExtractor.Extract("a brown leather jacket on the wooden floor near the sand");
        var jacket = a.Garments.Single();
        Assert.Equal("leather", jacket.Material!.Canonical);
        Assert.Equal("brown", jacket.Color!.Value.Name);
        Assert.Equal(["leather", "wood", "sand"], a.Materials.Select(m => m.Canonical));
        Assert.True(a.Has("on"));
        Assert.True(a.Has("near"));
    }

    [Fact]
    public void Counts_apply_to_the_next_noun()
    {
        var a = AttributeExtractor.Extract("two robots and a pair of penguins, 3 cats, a few green aliens");
        Assert.Contains(new CountMention(2, "robots"), a.Counts);
        Assert.Contains(new CountMention(2, "penguins"), a.Counts);
        Assert.Contains(new CountMention(3, "cats"), a.Counts);
        Assert.Contains(new CountMention(3, "aliens"), a.Counts);
        var alien = a.OtherNouns.Single(n => n.Noun == "aliens");
        Assert.Equal("green", alien.Color!.Value.Name);
    }

    [Fact]
    public void Spatial_words_are_found_longest_first()
    {
        var a = AttributeExtractor.Extract("walks from the bottom left corner to the right, in front of the cabin's door, behind the tree");
        var s = a.Spatial.Select(t => t.Canonical).ToArray();
        // "to the right" is one phrase meaning "right"
        Assert.Equal(["from", "bottom", "left", "corner", "right", "front", "behind"], s);
    }

    [Fact]
    public void Build_and_size_words()
    {
        var a = AttributeExtractor.Extract("a huge muscular ogre");
        Assert.Equal("huge", a.Size!.Canonical);
        Assert.Equal("athletic", a.Build!.Canonical);
        Assert.Equal(1f, AttributeExtractor.Extract("a person").SizeFactor);
    }

    [Fact]
    public void Empty_and_odd_text_give_empty_results()
    {
        foreach (var t in new[] { "", "   ", "!!! ???", "qwzx blorp", "\u00e9t\u00e9 caf\u00e9" })
        {
            var a = AttributeExtractor.Extract(t);
            Assert.Empty(a.Colors);
            Assert.Empty(a.Garments);
            Assert.Null(a.Size);
        }
    }

    [Fact]
    public void Extraction_is_deterministic_and_never_throws_on_random_text()
    {
        Gen.String.Sample(s =>
        {
            var a = AttributeExtractor.Extract(s);
            var b = AttributeExtractor.Extract(s);
            return a.Garments.Count == b.Garments.Count && a.Colors.SequenceEqual(b.Colors);
        }, iter: 300);
    }
}
