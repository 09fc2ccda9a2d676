using C3V.Output;

namespace C3V.Tests.Output;

public class ImageTests
{
    [Fact]
    public void Png_RoundTrips_ChannelsInOrder()
    {
        var img = new Image(4, 3);
        img.Rgb[0] = 1; // top-left red
        img.Rgb[(2 * 4 + 3) * 3 + 2] = 1; // bottom-right blue
        img.Rgb[(1 * 4 + 1) * 3 + 1] = 0.5f;
        var path = Path.Combine(Path.GetTempPath(), $"c3v-img-{Guid.NewGuid():N}.png");
        img.SavePng(path);
        var back = Image.Load(path);
        Assert.Equal(4, back.Width);
        Assert.Equal(3, back.Height);
        Assert.Equal(1f, back.Rgb[0]);
        Assert.Equal(0f, back.Rgb[1]);
        Assert.Equal(1f, back.Rgb[(2 * 4 + 3) * 3 + 2]);
        Assert.Equal(128 / 255f, back.Rgb[(1 * 4 + 1) * 3 + 1], 3);
        File.Delete(path);
    }

    [Fact]
    public void Rgb8_RoundTrip_SnapsToTheStoredBytes()
    {
        var img = new Image(2, 1, [0f, 0.5f, 1f, 0.2f, 2f, -1f]);
        var bytes = new byte[6];
        img.ToRgb8(bytes);
        Assert.Equal(new byte[] { 0, 128, 255, 51, 255, 0 }, bytes);
        img.SetRgb8(bytes);
        Assert.Equal(bytes.Select(b => b * (1f / 255f)), img.Rgb);
        Assert.Throws<ArgumentException>(() => img.SetRgb8(new byte[5]));
    }

    [Fact]
    public void Load_NotAnImage_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"c3v-img-{Guid.NewGuid():N}.png");
        File.WriteAllText(path, "hello");
        var e = Assert.Throws<C3V.Common.InvalidFileException>(() => Image.Load(path));
        Assert.Contains(path, e.Message);
    }
}
