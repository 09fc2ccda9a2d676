using C3V.CameraPaths;

namespace C3V.Projects;

/// <summary>
/// The ranges of a project's <see cref="GenerationSettings"/>, in one place for the CLI options (which name the
/// option, e.g. <c>--fps</c>) and the project loader (which names the field, e.g. <c>$.settings.fps</c>).
/// </summary>
public static class SettingsRules
{
    public const int MinSide = 16, MaxSide = 4096, MinFps = 1, MaxFps = 120;
    public const double MinDuration = 0.5, MaxDuration = 120;
    public static readonly IReadOnlyList<string> Qualities = ["draft", "final"];
    public static readonly IReadOnlyList<string> Formats = ["mp4", "gif", "png"];
    public static IReadOnlyList<string> Cameras { get; } = Enum.GetValues<CameraKind>().Select(CameraPath.Name).ToList();

    /// <summary>A setting that is out of range: which field (the property's camelCase name) and what is wrong.</summary>
    public readonly record struct Problem(string Field, string Message);

    /// <summary>The first out-of-range setting, or null when every value is usable.</summary>
    public static Problem? FirstProblem(GenerationSettings s)
    {
        if (s.Width is < MinSide or > MaxSide) return new("width", $"{s.Width} is outside {MinSide}..{MaxSide} pixels");
        if (s.Height is < MinSide or > MaxSide) return new("height", $"{s.Height} is outside {MinSide}..{MaxSide} pixels");
        if (s.Fps is < MinFps or > MaxFps) return new("fps", $"{s.Fps} is outside {MinFps}..{MaxFps}");
        if (s.DurationSeconds is { } d && !(d >= MinDuration && d <= MaxDuration))
            return new("durationSeconds", $"{d} s is outside {MinDuration}..{MaxDuration} seconds");
        if (!Cameras.Contains(s.Camera)) return new("camera", $"'{s.Camera}' is not a camera path ({string.Join(", ", Cameras)})");
        if (!Qualities.Contains(s.Quality)) return new("quality", $"'{s.Quality}' is not {string.Join(" or ", Qualities)}");
        if (!Formats.Contains(s.Format)) return new("format", $"'{s.Format}' is not {string.Join(", ", Formats)}");
        if (string.IsNullOrWhiteSpace(s.Llm)) return new("llm", "empty (use 'rules' for the embedded director)");
        if (s.Library is { } lib && string.IsNullOrWhiteSpace(lib)) return new("library", "empty (leave it out for no library)");
        return null;
    }
}
