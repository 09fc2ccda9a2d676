using System.Numerics;
using C3V.Common;
using C3V.World;

namespace C3V.Tests.World;

public class ColorNamesTests
{
    [Theory]
    [InlineData("crimson", "red")]
    [InlineData("Navy", "blue")]
    [InlineData("navy blue", "blue")]
    [InlineData("beige", "brown")]
    [InlineData("forest-green", "green")]
    [InlineData("sky blue", "blue")]
    [InlineData("GREY", "gray")]
    [InlineData("reddish", "red")]
    [InlineData("hot pink", "pink")]
    [InlineData("ivory", "white")]
    public void Names_map_to_their_family(string word, string family)
    {
        Assert.True(ColorNames.TryGet(word, out var c));
        Assert.Equal(family, c.Family);
        Assert.InRange(c.Rgb.X, 0f, 1f); Assert.InRange(c.Rgb.Y, 0f, 1f); Assert.InRange(c.Rgb.Z, 0f, 1f);
    }

    [Fact]
    public void Table_is_large_and_every_entry_is_in_range_and_its_own_family_is_listed()
    {
        Assert.True(ColorNames.All.Count >= 60);
        foreach (var c in ColorNames.All)
        {
            Assert.Contains(c.Family, ColorNames.Families);
            Assert.True(c.Rgb.X is >= 0 and <= 1 && c.Rgb.Y is >= 0 and <= 1 && c.Rgb.Z is >= 0 and <= 1, c.Name);
            Assert.True(ColorNames.TryGet(c.Name, out var back));
            Assert.Equal(c.Rgb, back.Rgb);
        }
    }

    [Fact]
    public void Hues_are_where_they_should_be()
    {
        var red = ColorNames.Get("crimson").Rgb;
        Assert.True(red.X > 0.7f && red.Y < 0.2f && red.Z < 0.3f);
        var navy = ColorNames.Get("navy").Rgb;
        Assert.True(navy.Z > navy.X + 0.3f && navy.Z > navy.Y + 0.3f);
        var beige = ColorNames.Get("beige").Rgb;
        Assert.True(beige.X > 0.8f && beige.Z < beige.X);
    }

    [Fact]
    public void Modifiers_darken_and_lighten()
    {
        var blue = ColorNames.Get("blue").Rgb;
        var dark = ColorNames.Get("dark blue").Rgb;
        var light = ColorNames.Get("light-blue").Rgb;
        Assert.True(dark.Length() < blue.Length());
        Assert.True(light.X > blue.X && light.Y > blue.Y);
        Assert.Equal("blue", ColorNames.Get("pale blue").Family);
        Assert.False(ColorNames.TryGet("dark", out _));
        Assert.False(ColorNames.TryGet("very blue", out _));
    }

    [Fact]
    public void Hex_codes_and_nearest_colour()
    {
        Assert.True(ColorNames.TryGet("#ff0000", out var c));
        Assert.Equal(new Vector3(1, 0, 0), c.Rgb);
        Assert.Equal("red", c.Family);
        Assert.True(ColorNames.TryGet("#00f", out var b));
        Assert.Equal("blue", b.Family);
        Assert.False(ColorNames.TryGet("#12345z", out _));
        Assert.Equal("navy", ColorNames.Nearest(new Vector3(0, 0, 0.48f)).Name);
    }

    [Fact]
    public void Unknown_words_are_not_colours_and_Get_names_them()
    {
        Assert.False(ColorNames.TryGet("cabin", out _));
        Assert.False(ColorNames.TryGet("", out _));
        var e = Assert.Throws<C3VException>(() => ColorNames.Get("blorange"));
        Assert.Contains("blorange", e.Message);
    }
}
