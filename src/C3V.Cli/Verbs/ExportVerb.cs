using System.ComponentModel;
using C3V.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

[Verb("export", "Write a project's composed 4D scene as one splat file per frame (for other splat viewers)",
    Examples = ["export robot-dances --frames ply", "export robot-dances --frames spz"])]
public sealed class ExportVerb : Command<ExportVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("The project folder")]
        public string Dir { get; init; } = "";

        [CommandOption("--frames <FORMAT>")]
        [Description("ply (INRIA 3DGS, lossless) or spz (compact). Default ply")]
        public string Frames { get; init; } = "ply";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var llm = PipelineFactory.LlmSpec(PipelineFactory.ProjectLlm(settings.Dir));
        var folder = PipelineFactory.Generator(llm, SilentObserver.Instance).ExportAsync(settings.Dir, settings.Frames, cancellation).GetAwaiter().GetResult();
        AnsiConsole.MarkupLine($"wrote {Markup.Escape(folder)}");
        return 0;
    }
}
