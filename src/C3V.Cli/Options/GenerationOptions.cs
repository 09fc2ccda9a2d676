using System.ComponentModel;
using C3V.Cli.Verbs;
using C3V.Pipeline;
using C3V.Projects;
using Spectre.Console.Cli;

namespace C3V.Cli.Options;

/// <summary>
/// The options that say how a video is made (seed, duration, fps, size, camera, quality, format, library), shared
/// by every verb that generates videos (generate, batch) so they read, bound and map them the same way.
/// </summary>
public abstract class GenerationOptions : PipelineSettings
{
    [CommandOption("--seed <N>")]
    [Bounds(int.MinValue, int.MaxValue)]
    [Description("Random seed (same seed, same video; in a batch, for every line that does not set one). Default 1")]
    public int Seed { get; init; } = 1;

    [CommandOption("--duration <SECONDS>")]
    [Bounds(SettingsRules.MinDuration, SettingsRules.MaxDuration)]
    [Description("Clip length (default: the motion's natural length, 4–8 s)")]
    public double? Duration { get; init; }

    [CommandOption("--fps <FPS>")]
    [Bounds(SettingsRules.MinFps, SettingsRules.MaxFps)]
    [Description("Frames per second. Default 24")]
    public int Fps { get; init; } = 24;

    [CommandOption("--size <WxH>")]
    [Description("Frame size. Default 512x512")]
    public string Size { get; init; } = "512x512";

    [CommandOption("--camera <PATH>")]
    [Description("static, orbit, dolly, follow or crane. Default static")]
    public string Camera { get; init; } = "static";

    [CommandOption("--quality <Q>")]
    [Description("draft (faster) or final. Default final")]
    public string Quality { get; init; } = "final";

    [CommandOption("--format <F>")]
    [Description("mp4 (needs ffmpeg; GIF otherwise), gif or png (frames). Default mp4")]
    public string Format { get; init; } = "mp4";

    [CommandOption("--library <FOLDER>")]
    [Description("Your asset library (library.json, see library add): its scenes and BVH motions are searched before the procedural ones")]
    public string? Library { get; init; }

    /// <summary>The options as the pipeline takes them, checked (each problem names its option).</summary>
    public GenerationSettings ToGenerationSettings()
    {
        var (w, h) = PipelineFactory.ParseSize(Size);
        return Generator.Check(new GenerationSettings
        {
            Seed = Seed, DurationSeconds = Duration, Fps = Fps, Width = w, Height = h,
            Camera = Camera.Trim().ToLowerInvariant(), Quality = Quality.Trim().ToLowerInvariant(),
            Format = Format.Trim().ToLowerInvariant(), Llm = PipelineFactory.LlmSpec(Llm),
            Library = Library is null ? null : Path.GetFullPath(Library),
        });
    }
}
