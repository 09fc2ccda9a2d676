using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Splats;
using C3V.Splats.Formats;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Describes a splat file: format, count, SH degree, bounds, opacity and scale statistics.</summary>
[Verb("info", "Describe a Gaussian-splat file (.ply, .compressed.ply, .splat, .spz)", Examples = ["info scene.ply", "info scene.spz --json"])]
public sealed class InfoVerb : Command<InfoVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The splat file to describe")]
        public string File { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print a JSON object instead of text")]
        public bool Json { get; init; }

        [CommandOption("--drop-nonfinite")]
        [Description("Describe the file without its splats that hold NaN or infinite values, instead of failing")]
        public bool DropNonFinite { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var (cloud, info) = SplatFile.ReadWithInfo(settings.File, new SplatReadOptions { DropNonFinite = settings.DropNonFinite });
        var s = CloudStatistics.Of(cloud);
        Console.Out.Write(settings.Json ? ToJson(settings.File, info, s) + "\n" : ToText(settings.File, info, s));
        return 0;
    }

    static string F(float v) => v.ToString("G6", CultureInfo.InvariantCulture);
    static string V(Vector3 v) => $"({F(v.X)}, {F(v.Y)}, {F(v.Z)})";
    static string S(Summary m) => $"min {F(m.Min)}, mean {F(m.Mean)}, max {F(m.Max)}";

    internal static string ToText(string file, SplatFileInfo info, CloudStatistics s)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"file:        {file} ({info.Bytes:N0} bytes)");
        w.WriteLine($"format:      {info.Variant}");
        w.WriteLine($"splats:      {s.Count:N0}" + (info.DroppedNonFinite > 0 ? $" ({info.DroppedNonFinite:N0} non-finite dropped)" : ""));
        w.WriteLine($"SH degree:   {s.ShDegree}");
        w.WriteLine($"bounds:      min {V(s.BoundsMin)}  max {V(s.BoundsMax)}  size {V(s.BoundsMax - s.BoundsMin)}");
        w.WriteLine($"opacity:     {S(s.Opacity)}");
        w.WriteLine($"scale (m):   {S(s.Scale)}");
        w.WriteLine($"largest axis:{' '}{S(s.LargestScale)}");
        return w.ToString();
    }

    internal static string ToJson(string file, SplatFileInfo info, CloudStatistics s)
    {
        static JsonArray A(Vector3 v) => [v.X, v.Y, v.Z];
        static JsonObject M(Summary m) => new() { ["min"] = m.Min, ["mean"] = m.Mean, ["max"] = m.Max };
        var o = new JsonObject
        {
            ["file"] = file,
            ["bytes"] = info.Bytes,
            ["format"] = info.Format.ToString(),
            ["variant"] = info.Variant,
            ["count"] = s.Count,
            ["droppedNonFinite"] = info.DroppedNonFinite,
            ["shDegree"] = s.ShDegree,
            ["bounds"] = new JsonObject { ["min"] = A(s.BoundsMin), ["max"] = A(s.BoundsMax) },
            ["opacity"] = M(s.Opacity),
            ["scale"] = M(s.Scale),
            ["largestScale"] = M(s.LargestScale),
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
