using System.ComponentModel;
using C3V.Common;
using C3V.Splats.Formats;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Converts between splat formats (by the output's extension), optionally changing the SH degree.</summary>
[Verb("convert", "Convert a splat file to .ply, .splat or .spz (format from OUT's extension)",
    Examples = ["convert scene.ply scene.spz", "convert scene.spz scene.ply --sh-degree 1", "convert scene.ply scene.spz --spz-version 4 --force"])]
public sealed class ConvertVerb : Command<ConvertVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<IN>")]
        [Description("Input: .ply (INRIA or PlayCanvas compressed), .splat or .spz")]
        public string Input { get; init; } = "";

        [CommandArgument(1, "<OUT>")]
        [Description("Output: .ply, .splat or .spz")]
        public string Output { get; init; } = "";

        [CommandOption("--sh-degree <N>")]
        [Bounds(0, 3)]
        [Description("SH degree of the output, 0–3 (lower drops view-dependent detail; higher adds zeros)")]
        public int? ShDegree { get; init; }

        [CommandOption("--spz-version <N>")]
        [Bounds(2, 4)]
        [Description("SPZ version to write: 2, 3 (default; gzip) or 4 (zstd)")]
        [DefaultValue(3)]
        public int SpzVersion { get; init; } = 3;

        [CommandOption("--force")]
        [Description("Replace OUT if it exists")]
        public bool Force { get; init; }

        [CommandOption("--drop-nonfinite")]
        [Description("Drop splats holding NaN or infinite values instead of failing")]
        public bool DropNonFinite { get; init; }

        public override ValidationResult Validate()
        {
            if (ShDegree is < 0 or > 3) return ValidationResult.Error("--sh-degree must be 0, 1, 2 or 3");
            if (SpzVersion is < 2 or > 4) return ValidationResult.Error("--spz-version must be 2, 3 or 4");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        SplatFile.FormatForWriting(settings.Output); // a bad extension fails before the (possibly long) read
        if (!settings.Force && File.Exists(settings.Output))
            throw new C3VException($"{settings.Output}: already exists (use --force to replace it)");
        var (cloud, info) = SplatFile.ReadWithInfo(settings.Input, new SplatReadOptions { DropNonFinite = settings.DropNonFinite });
        if (settings.ShDegree is int degree && degree != cloud.ShDegree) cloud = cloud.WithShDegree(degree);
        SplatFile.Write(settings.Output, cloud, new SplatWriteOptions { Overwrite = settings.Force, SpzVersion = settings.SpzVersion });
        Console.Out.WriteLine($"{settings.Input} ({info.Variant}, {info.Bytes:N0} bytes) → {settings.Output} ({new FileInfo(settings.Output).Length:N0} bytes): {cloud.Count:N0} splats, SH degree {cloud.ShDegree}" +
            (info.DroppedNonFinite > 0 ? $", {info.DroppedNonFinite:N0} non-finite dropped" : ""));
        return 0;
    }
}
