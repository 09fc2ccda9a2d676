using System.Text;
using C3V.Common;

namespace C3V.Output;

/// <summary>
/// Animated GIF89a written by our own encoder: each frame gets its own 256-colour palette (median cut) and is
/// LZW-coded; the clip loops forever (NETSCAPE2.0 extension). GIF delays are in hundredths of a second, so the
/// delays are rounded cumulatively to keep the clip's total length right (24 fps → 4, 4, 5, 4, 4, 5 …).
/// Written to a temporary file beside the target and renamed on <see cref="Complete"/>.
/// </summary>
public sealed class GifWriter : IFrameWriter
{
    readonly ClipFormat _clip;
    readonly string _temp;
    readonly FileStream _file;
    readonly BufferedStream _out;
    readonly byte[] _rgb, _indices;
    readonly MedianCutQuantizer _quantizer = new();
    readonly GifLzw _lzw = new();
    bool _done;

    public VideoFormat Format => VideoFormat.Gif;
    public string OutputPath { get; }
    public int FramesWritten { get; private set; }

    public GifWriter(string outputPath, ClipFormat clip)
    {
        clip.Validate();
        if (clip.Width > 65535 || clip.Height > 65535) throw new C3VException("GIF frames are at most 65535 pixels per side");
        _clip = clip;
        _temp = AtomicFile.TempPathBeside(outputPath, out var fullPath);
        OutputPath = fullPath;
        _rgb = new byte[clip.Width * clip.Height * 3];
        _indices = new byte[clip.Width * clip.Height];
        _file = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        _out = new BufferedStream(_file, 1 << 16);
        WriteHeader();
    }

    void WriteHeader()
    {
        _out.Write(Encoding.ASCII.GetBytes("GIF89a"));
        U16(_clip.Width); U16(_clip.Height);
        _out.WriteByte(0); // no global colour table
        _out.WriteByte(0); // background colour index
        _out.WriteByte(0); // pixel aspect ratio: unspecified
        // Application extension: loop forever.
        _out.Write([0x21, 0xFF, 11]);
        _out.Write(Encoding.ASCII.GetBytes("NETSCAPE2.0"));
        _out.Write([3, 1, 0, 0, 0]);
    }

    void U16(int v) { _out.WriteByte((byte)v); _out.WriteByte((byte)(v >> 8)); }

    /// <summary>Delay of frame <paramref name="i"/> in hundredths of a second, rounded cumulatively.</summary>
    public static int DelayCentiseconds(int i, double fps) =>
        (int)Math.Floor((i + 1) * 100 / fps + 0.5) - (int)Math.Floor(i * 100 / fps + 0.5);

    public void Write(Image frame)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _clip.Check(frame);
        frame.ToRgb8(_rgb);
        _quantizer.Quantize(_rgb, _indices);
        int delay = Math.Max(1, DelayCentiseconds(FramesWritten, _clip.Fps));
        // Graphic control extension: disposal "leave in place", no transparency.
        _out.Write([0x21, 0xF9, 4, 1 << 2, (byte)delay, (byte)(delay >> 8), 0, 0]);
        // Image descriptor with a local colour table of 256 entries.
        _out.WriteByte(0x2C);
        U16(0); U16(0); U16(_clip.Width); U16(_clip.Height);
        _out.WriteByte(0x80 | 7);
        _out.Write(_quantizer.Palette, 0, 256 * 3);
        _lzw.Encode(_indices, 8, _out);
        FramesWritten++;
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (FramesWritten == 0) throw new InvalidOperationException("no frames were written");
        _out.WriteByte(0x3B);
        _out.Flush();
        _file.Flush(true);
        _out.Dispose();
        File.Move(_temp, OutputPath, overwrite: true);
        _done = true;
    }

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        _out.Dispose();
        try { File.Delete(_temp); } catch (IOException) { }
    }
}
