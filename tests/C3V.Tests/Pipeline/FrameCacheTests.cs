using C3V.Output;
using C3V.Pipeline;

namespace C3V.Tests.Pipeline;

public sealed class FrameCacheTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-frames-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static Image Gradient(int w, int h, float k)
    {
        var img = new Image(w, h);
        for (int i = 0; i < img.Rgb.Length; i++) img.Rgb[i] = (i * 0.37f * k) % 1.1f - 0.05f; // includes values outside 0..1
        return img;
    }

    [Fact]
    public void WrittenFrames_ReadBackAsThe8BitValuesTheWriterSaw()
    {
        var cache = FrameCache.Open(_dir, "k1", 7, 5);
        var img = Gradient(7, 5, 1);
        var original = (float[])img.Rgb.Clone();
        cache.Write(0, img);
        for (int i = 0; i < original.Length; i++) Assert.Equal(Image.ToByte(original[i]) / 255f, img.Rgb[i], 1e-6f);
        var back = new Image(7, 5);
        Assert.True(cache.TryRead(0, back));
        Assert.Equal(img.Rgb, back.Rgb);
        Assert.False(cache.TryRead(1, back));
    }

    [Fact]
    public void CompletePrefix_StopsAtAGapOrATruncatedFrame_AndOtherKeysAreStale()
    {
        var cache = FrameCache.Open(_dir, "k1", 4, 4);
        cache.Write(0, Gradient(4, 4, 1));
        cache.Write(1, Gradient(4, 4, 2));
        cache.Write(3, Gradient(4, 4, 3));
        Assert.Equal(2, cache.CompletePrefix());
        File.WriteAllBytes(Path.Combine(cache.Folder, "frame-00001.rgb"), new byte[10]); // as if cut short
        Assert.Equal(1, cache.CompletePrefix());
        Assert.False(cache.TryRead(1, new Image(4, 4)));

        var other = FrameCache.Open(_dir, "k2", 4, 4);
        Assert.False(Directory.Exists(cache.Folder));
        Assert.Equal(0, other.CompletePrefix());
        other.Delete();
        Assert.Empty(Directory.GetDirectories(_dir));
    }
}
