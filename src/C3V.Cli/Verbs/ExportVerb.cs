using System.ComponentModel;
using C3V.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

[Verb("export", "Write a project's composed 4D scene as one splat file per frame (for other splat viewers), or its ground truth",
    Examples = ["export robot-dances --frames ply", "export robot-dances --frames spz", "export robot-dances --annotations --maps"])]
public sealed class ExportVerb : Command<ExportVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("The project folder")]
        public string Dir { get; init; } = "";

        [CommandOption("--frames <FORMAT>")]
        [Description("ply (INRIA 3DGS, lossless) or spz (compact). Default ply when --annotations is not given")]
        public string? Frames { get; init; }

        [CommandOption("--annotations")]
        [Description("Write renders/annotations.json (scene, cameras, actors' paths, facing, boxes, segments; docs/annotations.md)")]
        public bool Annotations { get; init; }

        [CommandOption("--maps")]
        [Description("With --annotations: also per-frame 16-bit depth (mm) and instance-mask PNGs in renders/maps/")]
        public bool Maps { get; init; }

        public override ValidationResult Validate() =>
            Maps && !Annotations ? ValidationResult.Error("--maps needs --annotations") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var llm = PipelineFactory.LlmSpec(PipelineFactory.ProjectLlm(settings.Dir));
        var generator = PipelineFactory.Generator(llm, SilentObserver.Instance, verbose: false);
        if (settings.Annotations)
        {
            var file = generator.ExportAnnotationsAsync(settings.Dir, settings.Maps, cancellation).GetAwaiter().GetResult();
            AnsiConsole.MarkupLine($"wrote {Markup.Escape(file)}" + (settings.Maps ? $" and {Markup.Escape(Path.Combine(Path.GetDirectoryName(file)!, "maps"))}" : ""));
        }
        if (settings.Frames is not null || !settings.Annotations)
        {
            var folder = generator.ExportAsync(settings.Dir, settings.Frames ?? "ply", cancellation).GetAwaiter().GetResult();
            AnsiConsole.MarkupLine($"wrote {Markup.Escape(folder)}");
        }
        return 0;
    }
}
