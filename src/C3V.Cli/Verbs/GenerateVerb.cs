using System.ComponentModel;
using C3V.Common;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>The main job. Not joined up yet: it says so and lists what works.</summary>
[Verb("generate", "Turn a prompt into a 3D-aware video project (not yet available)")]
public sealed class GenerateVerb : Command<GenerateVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PROMPT>")]
        [Description("What the video shows, e.g. \"a robot dances on a stage\"")]
        public string Prompt { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation) =>
        throw new C3VException("'generate' is not yet available in this build. Verbs that work now: " +
            string.Join(", ", CliApp.WorkingVerbs()) + " (see c3v --help)");
}
