using C3V.Common;
using C3V.Output;

namespace C3V.Pipeline;

/// <summary>
/// The frames of a render in progress, kept on disk so an interrupted render (Ctrl-C) resumes where it stopped
/// instead of from frame 0: <c>renders/resumable-frames-&lt;render key&gt;/frame-NNNNN.rgb</c> in the project
/// itself (never in a transaction's staging copy, so they survive the failed or cancelled run), raw 8-bit RGB, each
/// written atomically (a frame is either complete or absent). The key covers everything the frames depend on
/// (composition, camera, size, quality), so frames of another render are never mixed in; a folder with another
/// key is stale and deleted on open. Every frame passes through 8 bits here, rendered or read back, so a resumed
/// clip is bit-identical to an uninterrupted one (the writers quantise to 8 bits anyway).
/// </summary>
public sealed class FrameCache
{
    const string Prefix = Projects.ProjectTransaction.ResumablePrefix;
    readonly byte[] _buffer;

    public string Folder { get; }
    public int Width { get; }
    public int Height { get; }

    FrameCache(string folder, int width, int height)
    {
        Folder = folder; Width = width; Height = height;
        _buffer = new byte[width * height * 3];
    }

    /// <summary>Opens (creating if needed) the cache for <paramref name="key"/> in <paramref name="rendersFolder"/>, removing stale ones.</summary>
    public static FrameCache Open(string rendersFolder, string key, int width, int height)
    {
        Directory.CreateDirectory(rendersFolder);
        string folder = Path.Combine(rendersFolder, Prefix + key);
        foreach (var stale in Directory.GetDirectories(rendersFolder, Prefix + "*"))
            if (!string.Equals(Path.GetFullPath(stale), Path.GetFullPath(folder), StringComparison.Ordinal))
                TryDelete(stale);
        Directory.CreateDirectory(folder);
        return new FrameCache(folder, width, height);
    }

    string PathOf(int frame) => Path.Combine(Folder, $"frame-{frame:D5}.rgb");

    /// <summary>How many frames from frame 0 on are complete (a resumed render starts after them).</summary>
    public int CompletePrefix()
    {
        long size = (long)Width * Height * 3;
        int n = 0;
        while (new FileInfo(PathOf(n)) is { Exists: true } fi && fi.Length == size) n++;
        return n;
    }

    /// <summary>Reads frame <paramref name="frame"/> into <paramref name="into"/>; false when it is absent or the wrong size.</summary>
    public bool TryRead(int frame, Image into)
    {
        Check(into);
        try
        {
            using var s = File.OpenRead(PathOf(frame));
            if (s.Length != _buffer.Length) return false;
            s.ReadExactly(_buffer);
        }
        catch (FileNotFoundException) { return false; }
        catch (EndOfStreamException) { return false; }
        into.SetRgb8(_buffer);
        return true;
    }

    /// <summary>Stores a rendered frame and snaps <paramref name="image"/> to the 8-bit values stored.</summary>
    public void Write(int frame, Image image)
    {
        Check(image);
        image.ToRgb8(_buffer);
        image.SetRgb8(_buffer);
        // Written beside and renamed into place, so a frame is whole or absent after Ctrl-C or a crash of the
        // process. Not flushed to the disk (unlike AtomicFile): losing the cache to a power cut costs a re-render,
        // not data, and 24 flushes a second would slow the render down.
        string path = PathOf(frame), temp = path + ".tmp";
        using (var s = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16)) s.Write(_buffer);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Removes the cache once the clip is complete.</summary>
    public void Delete() => TryDelete(Folder);

    void Check(Image image)
    {
        if (image.Width != Width || image.Height != Height)
            throw new ArgumentException($"frame is {image.Width}×{image.Height}, the cache holds {Width}×{Height}", nameof(image));
    }

    static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
