using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using C3V.Common;

namespace C3V.Output;

/// <summary>
/// H.264/MP4 through ffmpeg, frames piped as raw RGB24 on its stdin (no named pipes, no temporary frames).
/// The output is yuv420p with even dimensions (odd sizes are padded by one pixel) and the moov atom at the
/// front, so browsers play it. ffmpeg writes to a temporary file beside the target that is renamed on success.
/// Frames go down the pipe from a background task, up to <see cref="QueuedFrames"/> behind the caller: the pipe
/// blocks while x264 is busy, and the renderer can draw the next frame meanwhile instead of waiting.
/// </summary>
public sealed class FfmpegVideoWriter : IFrameWriter
{
    readonly ClipFormat _clip;
    readonly Process _process;
    readonly Stream _stdin;
    readonly string _temp;
    /// <summary>Frames converted but not yet taken by ffmpeg; the caller blocks beyond that.</summary>
    const int QueuedFrames = 2;
    readonly Channel<byte[]> _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(QueuedFrames) { SingleReader = true, SingleWriter = true });
    readonly ConcurrentQueue<byte[]> _free = new();
    readonly Task _pump;
    /// <summary>Why the pump stopped early (set before it closes the queue).</summary>
    IOException? _pumpFailure;
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
        _pump = Task.Run(Pump);
    }

    /// <summary>Writes queued frames to ffmpeg's stdin in order; a failed write closes the queue with its error.</summary>
    async Task Pump()
    {
        try
        {
            await foreach (var rgb in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                _stdin.Write(rgb);
                _free.Enqueue(rgb);
            }
        }
        catch (IOException e)
        {
            _pumpFailure = e;
            _queue.Writer.TryComplete(e);
        }
    }

    public void Write(Image frame)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _clip.Check(frame);
        var rgb = _free.TryDequeue(out var b) ? b : new byte[_clip.Width * _clip.Height * 3];
        frame.ToRgb8(rgb);
        try { _queue.Writer.WriteAsync(rgb).AsTask().GetAwaiter().GetResult(); }
        catch (ChannelClosedException) { throw Failure($"ffmpeg stopped taking frames ({_pumpFailure?.Message})"); }
        FramesWritten++;
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (FramesWritten == 0) throw new InvalidOperationException("no frames were written");
        _queue.Writer.TryComplete();
        _pump.Wait();
        if (_pumpFailure is not null) throw Failure($"ffmpeg stopped taking frames ({_pumpFailure.Message})");
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
        _queue.Writer.TryComplete();
        if (!_process.HasExited) TryKill();
        _pump.Wait(); // a write blocked on the pipe fails once ffmpeg is gone
        try { _stdin.Dispose(); } catch (IOException) { }
        _process.WaitForExit();
        _process.Dispose();
        try { File.Delete(_temp); } catch (IOException) { }
    }
}
