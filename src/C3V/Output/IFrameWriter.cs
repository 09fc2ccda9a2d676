namespace C3V.Output;

/// <summary>The container a rendered clip is written as.</summary>
public enum VideoFormat
{
    /// <summary>H.264 in MP4 (yuv420p, plays in browsers); needs ffmpeg.</summary>
    Mp4,
    /// <summary>Animated GIF89a (own encoder, no dependency).</summary>
    Gif,
    /// <summary>A folder of numbered PNG frames.</summary>
    Png,
}

/// <summary>
/// Receives the frames of one clip in order and produces one output (a file or a folder). Nothing appears at
/// the output path until <see cref="Complete"/> succeeds; disposing without completing discards the work.
/// </summary>
public interface IFrameWriter : IDisposable
{
    VideoFormat Format { get; }
    /// <summary>Where the finished clip will be (file, or folder for PNG frames).</summary>
    string OutputPath { get; }
    int FramesWritten { get; }
    /// <summary>Appends one frame; its size must be the writer's.</summary>
    void Write(Image frame);
    /// <summary>Finishes the clip and moves it into place (atomically).</summary>
    void Complete();
}

/// <summary>Frame geometry and rate shared by the writers.</summary>
public readonly record struct ClipFormat(int Width, int Height, double Fps)
{
    public void Validate()
    {
        if (Width is < 2 or > 8192 || Height is < 2 or > 8192)
            throw new Common.C3VException($"frame size {Width}×{Height} is outside 2..8192 pixels per side");
        if (!(Fps >= 1 && Fps <= 240)) throw new Common.C3VException($"frame rate {Fps} is outside 1..240 fps");
    }

    internal void Check(Image frame)
    {
        if (frame.Width != Width || frame.Height != Height)
            throw new ArgumentException($"frame is {frame.Width}×{frame.Height}, the clip is {Width}×{Height}", nameof(frame));
    }
}
