using C3V.Common;
using C3V.Output;
using SkiaSharp;

namespace C3V.Tests.Output;

public sealed class VideoWriterTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-video-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A frame with a moving colour gradient; <paramref name="noise"/> adds random pixels (defeats LZW).</summary>
    internal static Image Frame(int w, int h, int t, bool noise = false)
    {
        var img = new Image(w, h);
        var rng = new Random(t);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = (y * w + x) * 3;
                if (noise) { img.Rgb[i] = rng.NextSingle(); img.Rgb[i + 1] = rng.NextSingle(); img.Rgb[i + 2] = rng.NextSingle(); continue; }
                img.Rgb[i] = (x + t * 4) % w / (float)w; img.Rgb[i + 1] = y / (float)h; img.Rgb[i + 2] = 0.5f;
            }
        return img;
    }

    static SKBitmap DecodeGifFrame(SKCodec codec, int index)
    {
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bmp = new SKBitmap(info);
        var r = codec.GetPixels(info, bmp.GetPixels(), new SKCodecOptions(index));
        Assert.Equal(SKCodecResult.Success, r);
        return bmp;
    }

    [Fact]
    public void Gif_DecodesWithSkia_FewColoursExactly()
    {
        var path = Path.Combine(_dir, "few.gif");
        var colours = new[] { (255, 0, 0), (0, 128, 255), (10, 20, 30), (250, 250, 250) };
        using (var w = new GifWriter(path, new ClipFormat(37, 23, 24)))
        {
            for (int t = 0; t < 3; t++)
            {
                var img = new Image(37, 23);
                for (int p = 0; p < 37 * 23; p++)
                {
                    var c = colours[(p / 7 + t) % colours.Length];
                    img.Rgb[p * 3] = c.Item1 / 255f; img.Rgb[p * 3 + 1] = c.Item2 / 255f; img.Rgb[p * 3 + 2] = c.Item3 / 255f;
                }
                w.Write(img);
            }
            w.Complete();
        }
        using var codec = SKCodec.Create(path);
        Assert.NotNull(codec);
        Assert.Equal(SKEncodedImageFormat.Gif, codec.EncodedFormat);
        Assert.Equal(3, codec.FrameCount);
        for (int t = 0; t < 3; t++)
        {
            using var bmp = DecodeGifFrame(codec, t);
            for (int p = 0; p < 37 * 23; p += 5)
            {
                var c = colours[(p / 7 + t) % colours.Length];
                var px = bmp.GetPixel(p % 37, p / 37);
                Assert.Equal((c.Item1, c.Item2, c.Item3), (px.Red, px.Green, px.Blue));
            }
        }
    }

    [Fact]
    public void Gif_NoisyFrames_ForceTableResets_AndStayClose()
    {
        var path = Path.Combine(_dir, "noise.gif");
        var frames = new[] { Frame(128, 96, 0, noise: true), Frame(128, 96, 1), Frame(128, 96, 2, noise: true) };
        using (var w = new GifWriter(path, new ClipFormat(128, 96, 24)))
        {
            foreach (var f in frames) w.Write(f);
            w.Complete();
        }
        using var codec = SKCodec.Create(path);
        Assert.Equal(3, codec.FrameCount);
        var infos = codec.FrameInfo;
        Assert.Equal([40, 40, 50], infos.Select(i => i.Duration).ToArray()); // 24 fps: 4, 4, 5 centiseconds
        for (int t = 0; t < 3; t++)
        {
            using var bmp = DecodeGifFrame(codec, t);
            double err = 0;
            for (int y = 0; y < 96; y++)
                for (int x = 0; x < 128; x++)
                {
                    var px = bmp.GetPixel(x, y);
                    int i = (y * 128 + x) * 3;
                    err += Math.Abs(px.Red / 255.0 - frames[t].Rgb[i]) + Math.Abs(px.Green / 255.0 - frames[t].Rgb[i + 1]) + Math.Abs(px.Blue / 255.0 - frames[t].Rgb[i + 2]);
                }
            double mean = err / (128 * 96 * 3);
            Assert.True(mean < (t == 1 ? 0.02 : 0.09), $"frame {t}: mean abs error {mean:F4}");
        }
    }

    [Fact]
    public void GifDelays_RoundCumulatively()
    {
        int total = Enumerable.Range(0, 96).Sum(i => GifWriter.DelayCentiseconds(i, 24));
        Assert.Equal(400, total);
        Assert.All(Enumerable.Range(0, 96), i => Assert.InRange(GifWriter.DelayCentiseconds(i, 24), 4, 5));
    }

    [Fact]
    public void Writers_DisposedWithoutComplete_LeaveNothing()
    {
        using (var g = new GifWriter(Path.Combine(_dir, "a.gif"), new ClipFormat(8, 8, 10))) g.Write(Frame(8, 8, 0));
        using (var p = new PngFrameWriter(Path.Combine(_dir, "frames"), new ClipFormat(8, 8, 10))) p.Write(Frame(8, 8, 0));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }

    [Fact]
    public void PngFrames_WritesNumberedFiles()
    {
        var dir = Path.Combine(_dir, "frames");
        using (var p = new PngFrameWriter(dir, new ClipFormat(16, 8, 10)))
        {
            for (int t = 0; t < 3; t++) p.Write(Frame(16, 8, t));
            p.Complete();
        }
        Assert.Equal(["frame-00000.png", "frame-00001.png", "frame-00002.png"], Directory.GetFiles(dir).Select(f => Path.GetFileName(f)!).Order().ToArray());
        var back = Image.Load(Path.Combine(dir, "frame-00002.png"));
        Assert.Equal((16, 8), (back.Width, back.Height));
    }

    [Fact]
    public void WrongFrameSize_IsRejected()
    {
        using var g = new GifWriter(Path.Combine(_dir, "a.gif"), new ClipFormat(8, 8, 10));
        Assert.Throws<ArgumentException>(() => g.Write(Frame(9, 8, 0)));
    }

    [Theory]
    [InlineData(0, 10, 24.0)]
    [InlineData(10, 100000, 24.0)]
    [InlineData(10, 10, 0.0)]
    [InlineData(10, 10, double.NaN)]
    public void AbsurdClipFormats_AreUserErrors(int w, int h, double fps) =>
        Assert.Throws<C3VException>(() => new ClipFormat(w, h, fps).Validate());

    [Fact]
    public void Mp4Requested_WithoutFfmpeg_FallsBackToGif_WithNotice()
    {
        var basePath = Path.Combine(_dir, "video");
        using (var w = VideoOutput.Open(VideoFormat.Mp4, basePath, new ClipFormat(8, 8, 24), final: false, out var notice, () => null))
        {
            Assert.Equal(VideoFormat.Gif, w.Format);
            Assert.Contains("ffmpeg was not found", notice);
            w.Write(Frame(8, 8, 0));
            w.Complete();
        }
        Assert.True(File.Exists(basePath + ".gif"));
    }

    [SkippableFact]
    public void Mp4_IsH264Yuv420p_EvenSized_RightFrameCount()
    {
        var ffmpeg = Ffmpeg.Locate();
        var probe = Ffmpeg.LocateProbe();
        Skip.If(ffmpeg is null || probe is null, "ffmpeg/ffprobe not installed");
        var path = Path.Combine(_dir, "clip.mp4");
        using (var w = new FfmpegVideoWriter(ffmpeg!, path, new ClipFormat(65, 47, 24), preset: "ultrafast"))
        {
            for (int t = 0; t < 12; t++) w.Write(Frame(65, 47, t));
            w.Complete();
        }
        var (code, output, err) = Ffmpeg.Run(probe!, "-v", "error", "-select_streams", "v:0", "-count_frames",
            "-show_entries", "stream=codec_name,pix_fmt,width,height,nb_read_frames", "-of", "default=noprint_wrappers=1", path);
        Assert.True(code == 0, err);
        Assert.Contains("codec_name=h264", output);
        Assert.Contains("pix_fmt=yuv420p", output);
        Assert.Contains("width=66", output);
        Assert.Contains("height=48", output);
        Assert.Contains("nb_read_frames=12", output);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    /// <summary>
    /// Frames reach ffmpeg through a queue on another thread: every frame must arrive once, in order, even when
    /// the caller reuses its image at once. Each frame is one flat grey level; decoding gives them back.
    /// </summary>
    [SkippableFact]
    public void Mp4_QueuedFrames_ArriveInOrder()
    {
        var ffmpeg = Ffmpeg.Locate();
        Skip.If(ffmpeg is null, "ffmpeg not installed");
        var path = Path.Combine(_dir, "order.mp4");
        const int frames = 20;
        var img = new Image(32, 32);
        using (var w = new FfmpegVideoWriter(ffmpeg!, path, new ClipFormat(32, 32, 24), crf: 0, preset: "ultrafast"))
        {
            for (int t = 0; t < frames; t++)
            {
                Array.Fill(img.Rgb, (t * 12 + 8) / 255f);
                w.Write(img);
            }
            w.Complete();
        }
        var raw = Path.Combine(_dir, "order.gray");
        var (code, _, err) = Ffmpeg.Run(ffmpeg!, "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "gray", raw);
        Assert.True(code == 0, err);
        var bytes = File.ReadAllBytes(raw);
        Assert.Equal(frames * 32 * 32, bytes.Length);
        for (int t = 0; t < frames; t++)
        {
            double mean = bytes.AsSpan(t * 1024, 1024).ToArray().Average(b => (double)b);
            // Full-range grey v becomes limited-range luma 16 + v·219/255 and back: within a level or two.
            Assert.InRange(mean, t * 12 + 8 - 2.5, t * 12 + 8 + 2.5);
        }
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void FfmpegThatFails_GivesOneClearError_AndNoOutput()
    {
        var fake = Path.Combine(_dir, "fake-ffmpeg");
        File.WriteAllText(fake, "#!/bin/sh\necho 'Unknown encoder libx264' >&2\nexit 1\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var path = Path.Combine(_dir, "clip.mp4");
        var ex = Assert.Throws<C3VException>(() =>
        {
            using var w = new FfmpegVideoWriter(fake, path, new ClipFormat(64, 64, 24));
            for (int t = 0; t < 50; t++) w.Write(Frame(64, 64, t));
            w.Complete();
        });
        Assert.Contains("Unknown encoder libx264", ex.Message);
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }
}
