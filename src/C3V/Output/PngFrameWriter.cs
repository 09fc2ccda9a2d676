using C3V.Common;

namespace C3V.Output;

/// <summary>
/// A folder of numbered PNG frames (<c>frame-00000.png</c> …). Frames go to a temporary folder beside the
/// target that replaces it on <see cref="Complete"/>, so a half-written sequence never sits at the target.
/// </summary>
public sealed class PngFrameWriter : IFrameWriter
{
    readonly ClipFormat _clip;
    readonly string _temp;
    bool _done;

    public VideoFormat Format => VideoFormat.Png;
    public string OutputPath { get; }
    public int FramesWritten { get; private set; }

    public PngFrameWriter(string outputFolder, ClipFormat clip)
    {
        clip.Validate();
        _clip = clip;
        _temp = AtomicFile.TempPathBeside(outputFolder, out var fullPath);
        OutputPath = fullPath;
        Directory.CreateDirectory(_temp);
    }

    public static string FrameName(int i) => $"frame-{i:D5}.png";

    public void Write(Image frame)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _clip.Check(frame);
        File.WriteAllBytes(Path.Combine(_temp, FrameName(FramesWritten)), frame.EncodePng());
        FramesWritten++;
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (FramesWritten == 0) throw new InvalidOperationException("no frames were written");
        if (Directory.Exists(OutputPath)) Directory.Delete(OutputPath, recursive: true);
        Directory.Move(_temp, OutputPath);
        _done = true;
    }

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }
}
