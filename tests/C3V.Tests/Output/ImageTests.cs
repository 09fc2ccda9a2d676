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

    /// <summary>The vectorised conversions give exactly the scalar per-value results, including the tail past the last full vector.</summary>
    [Fact]
    public void Rgb8_Vectorised_EqualsThePerValueConversion()
    {
        var rng = new Random(7);
        var img = new Image(37, 11); // 1221 values: 38 vectors of 32 and a tail of 5
        float[] special = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, 0.5f / 255f, 1.5f / 255f, 2.5f / 255f, 254.5f / 255f, 1e30f, -1e30f];
        for (int i = 0; i < img.Rgb.Length; i++)
            img.Rgb[i] = i < special.Length * 40 && i % 40 == 0 ? special[i / 40] : (float)(rng.NextDouble() * 1.4 - 0.2);
        var bytes = new byte[img.Rgb.Length];
        img.ToRgb8(bytes);
        for (int i = 0; i < bytes.Length; i++) Assert.True(Image.ToByte(img.Rgb[i]) == bytes[i], $"value {i} ({img.Rgb[i]}): {bytes[i]}");
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)rng.Next(256);
        img.SetRgb8(bytes);
        for (int i = 0; i < bytes.Length; i++) Assert.Equal(bytes[i] * (1f / 255f), img.Rgb[i]);
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
