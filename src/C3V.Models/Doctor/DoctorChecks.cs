using C3V.World;

namespace C3V.Models.Doctor;

/// <summary>
/// What <c>c3v doctor</c> checks, in the order of its table: the runtime, ffmpeg, MiniLM, each named chat model, a
/// Stable Diffusion folder, Node and npm. Every probe is a value (a program name, a loader, a spec), so each row's
/// failure can be staged without breaking the machine.
/// </summary>
public sealed record DoctorChecks
{
    public Version Runtime { get; init; } = Environment.Version;
    public string Ffmpeg { get; init; } = "ffmpeg";
    public required Func<ITextEmbedder> MiniLm { get; init; }
    /// <summary>--llm specs to probe.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];
    /// <summary>Where a local model's llama.cpp log lines go (--verbose); null hides them.</summary>
    public Action<string>? NativeLog { get; init; }
    /// <summary>The --sd folder, when given.</summary>
    public string? StableDiffusion { get; init; }
    public string Node { get; init; } = "node";
    public string Npm { get; init; } = "npm";

    public async Task<IReadOnlyList<DoctorRow>> RunAsync(CancellationToken cancellation = default)
    {
        var rows = new List<DoctorRow> { ToolChecks.Dotnet(Runtime), ToolChecks.Ffmpeg(Ffmpeg), ModelChecks.MiniLm(MiniLm) };
        foreach (var spec in Models) rows.Add(await ModelChecks.ChatModel(spec, nativeLog: NativeLog, cancellation: cancellation));
        if (StableDiffusion is { } sd) rows.Add(DiffusionFolderCheck.Run(sd));
        rows.Add(ToolChecks.Node(Node));
        rows.Add(ToolChecks.Npm(Npm));
        return rows;
    }

    /// <summary>1 when any row is a problem (warnings are things c3v copes without), else 0.</summary>
    public static int ExitCode(IEnumerable<DoctorRow> rows) => rows.Any(r => r.Status == DoctorStatus.Problem) ? 1 : 0;
}
