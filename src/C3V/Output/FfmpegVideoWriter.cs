using System.Diagnostics;
using System.Globalization;
using System.Text;
using C3V.Common;

namespace C3V.Output;

/// <summary>
/// H.264/MP4 through ffmpeg, frames piped as raw RGB24 on its stdin (no named pipes, no temporary frames).
/// The output is yuv420p with even dimensions (odd sizes are padded by one pixel) and the moov atom at the
/// front, so browsers play it. ffmpeg writes to a temporary file beside the target that is renamed on success.
/// </summary>
public sealed class FfmpegVideoWriter : IFrameWriter
{
    readonly ClipFormat _clip;
    readonly Process _process;
    readonly Stream _stdin;
    readonly string _temp;
    readonly byte[] _rgb;
    readonly StringBuilder _log = new();
    bool _done;

    public VideoFormat Format => VideoFormat.Mp4;
    public string OutputPath { get; }
    public int FramesWritten { get; private set; }

    /// <param name="crf">x264 constant rate factor (lower is better; 18 is visually lossless).</param>
    /// <param name="preset">x264 speed preset (ultrafast … veryslow).</param>
    public FfmpegVideoWriter(string ffmpeg, string outputPath, ClipFormat clip, int crf = 20, string preset = "medium")
    {
        clip.Validate();
        _clip = clip;
        _temp = AtomicFile.TempPathBeside(outputPath, out var fullPath);
        OutputPath = fullPath;
        _rgb = new byte[clip.Width * clip.Height * 3];
        var psi = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{clip.Width}x{clip.Height}",
            "-r", clip.Fps.ToString("0.###", CultureInfo.InvariantCulture), "-i", "-",
            "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2",
            "-c:v", "libx264", "-preset", preset, "-crf", crf.ToString(CultureInfo.InvariantCulture),
            "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4", _temp,
        }) psi.ArgumentList.Add(a);
        try { _process = Process.Start(psi) ?? throw new C3VException($"could not start {ffmpeg}"); }
        catch (System.ComponentModel.Win32Exception e) { throw new C3VException($"could not start ffmpeg ({ffmpeg}): {e.Message}"); }
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.AppendLine(e.Data); };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        _stdin = _process.StandardInput.BaseStream;
    }

    public void Write(Image frame)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _clip.Check(frame);
        frame.ToRgb8(_rgb);
        try { _stdin.Write(_rgb); }
        catch (IOException e) { throw Failure($"ffmpeg stopped taking frames after {FramesWritten} ({e.Message})"); }
        FramesWritten++;
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (FramesWritten == 0) throw new InvalidOperationException("no frames were written");
        try { _stdin.Close(); }
        catch (IOException e) { throw Failure($"ffmpeg stopped taking frames ({e.Message})"); }
        _process.WaitForExit();
        if (_process.ExitCode != 0) throw Failure($"ffmpeg failed (exit code {_process.ExitCode})");
        File.Move(_temp, OutputPath, overwrite: true);
        _done = true;
        _process.Dispose();
    }

    C3VException Failure(string what)
    {
        if (!_process.HasExited && !_process.WaitForExit(5000)) TryKill();
        _process.WaitForExit();
        string log;
        lock (_log) log = _log.ToString().Trim();
        return new C3VException($"{OutputPath}: {what}{(log.Length > 0 ? ": " + LastLines(log, 3) : "")}");
    }

    static string LastLines(string text, int n) => string.Join(" | ", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).TakeLast(n));

    void TryKill()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        try { _stdin.Dispose(); } catch (IOException) { }
        if (!_process.HasExited) TryKill();
        _process.WaitForExit();
        _process.Dispose();
        try { File.Delete(_temp); } catch (IOException) { }
    }
}
