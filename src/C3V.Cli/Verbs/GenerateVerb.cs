using System.ComponentModel;
using C3V.Cli.Options;
using C3V.Common;
using C3V.Pipeline;
using C3V.Projects;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Options shared by the verbs that run the pipeline.</summary>
public class PipelineSettings : CommandSettings
{
    [CommandOption("--llm <SPEC>")]
    [Description(PipelineFactory.LlmHelp)]
    public string? Llm { get; init; }

    [CommandOption("--verbose")]
    [Description(Directors.VerboseHelp)]
    public bool Verbose { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("No progress display; print only the video's path")]
    public bool Quiet { get; init; }

    [CommandOption("--json")]
    [Description("Print a machine-readable JSON summary instead of the progress display")]
    public bool Json { get; init; }
}

[Verb("generate", "Turn a prompt into a 3D-aware video project (scene, actors, motion, camera, video)",
    Examples = ["generate \"a robot dances on a stage\"", "generate \"an alien walking on the floor\" -o alien --camera orbit --seed 3"])]
public sealed class GenerateVerb : Command<GenerateVerb.Settings>
{
    public sealed class Settings : GenerationOptions
    {
        [CommandArgument(0, "<PROMPT>")]
        [Description("What the video shows, e.g. \"a robot dances on a stage\"")]
        public string Prompt { get; init; } = "";

        [CommandOption("-o|--output <DIR>")]
        [Description("Project folder to create (default: named after the prompt, never an existing one)")]
        public string? Output { get; init; }

        [CommandOption("--force")]
        [Description("Replace the output folder if it exists")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(settings.Prompt))
            throw new C3VException("the prompt is empty: say what the video shows, e.g. c3v generate \"a robot dances on a stage\"");
        var gen = settings.ToGenerationSettings();
        string output = settings.Output ?? PipelineFactory.DefaultOutput(settings.Prompt);
        var request = new GenerateRequest(settings.Prompt, output, settings.Force, gen);
        return PipelineConsole.Run(AnsiConsole.Console, settings.Quiet, settings.Json, cancellation,
            (observer, ct) => PipelineFactory.Generator(gen.Llm, observer, settings.Verbose).GenerateAsync(request, ct));
    }
}

[Verb("edit", "Change one concept of a project (actor look, motion, scene, camera, add/remove an actor) and re-render what depends on it",
    Examples = ["edit robot-dances --motion \"playing kung fu\"", "edit alien --actor 0 --object \"a warlock\"", "edit alien --scene \"a post-apocalyptic city in the desert\""])]
public sealed class EditVerb : Command<EditVerb.Settings>
{
    public sealed class Settings : PipelineSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("The project folder")]
        public string Dir { get; init; } = "";

        [CommandOption("--actor <ID>")]
        [Description("Which actor --object/--motion change: its id in project.json or its 0-based index")]
        public string? Actor { get; init; }

        [CommandOption("--object <TEXT>")]
        [Description("A new look for the actor (keeps its motion and path)")]
        public string? Object { get; init; }

        [CommandOption("--motion <TEXT>")]
        [Description("A new motion for the actor (keeps its look and path)")]
        public string? Motion { get; init; }

        [CommandOption("--scene <TEXT>")]
        [Description("A new scene (actors are placed again in it)")]
        public string? Scene { get; init; }

        [CommandOption("--camera <PATH>")]
        [Description("A new camera path: static, orbit, dolly, follow, crane")]
        public string? Camera { get; init; }

        [CommandOption("--add-actor <TEXT>")]
        [Description("Add an actor, e.g. \"a woman in ski clothes dancing\"")]
        public string? AddActor { get; init; }

        [CommandOption("--remove-actor <ID>")]
        [Description("Remove an actor (id or index)")]
        public string? RemoveActor { get; init; }

        [CommandOption("--replace")]
        [Description("Replace the previous render instead of keeping it in renders/previous/")]
        public bool Replace { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var edit = new EditRequest
        {
            Actor = settings.Actor, Object = settings.Object, Motion = settings.Motion, Scene = settings.Scene, Camera = settings.Camera,
            AddActor = settings.AddActor, RemoveActor = settings.RemoveActor, Replace = settings.Replace,
        };
        var llm = settings.Llm ?? PipelineFactory.ProjectLlm(settings.Dir);
        return PipelineConsole.Run(AnsiConsole.Console, settings.Quiet, settings.Json, cancellation,
            (observer, ct) => PipelineFactory.Generator(PipelineFactory.LlmSpec(llm), observer, settings.Verbose).EditAsync(settings.Dir, edit, ct));
    }
}

[Verb("render-project", "Render a project again without regenerating it (after Ctrl-C, or with another camera or size)",
    Examples = ["render-project robot-dances", "render-project robot-dances --camera orbit --size 640x360"])]
public sealed class RenderProjectVerb : Command<RenderProjectVerb.Settings>
{
    public sealed class Settings : PipelineSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("The project folder")]
        public string Dir { get; init; } = "";

        [CommandOption("--camera <PATH>")]
        [Description("static, orbit, dolly, follow or crane (default: the project's)")]
        public string? Camera { get; init; }

        [CommandOption("--size <WxH>")]
        [Description("Frame size (default: the project's)")]
        public string? Size { get; init; }

        [CommandOption("--replace")]
        [Description("Replace the previous render instead of keeping it in renders/previous/")]
        public bool Replace { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        (int, int)? size = settings.Size is null ? null : PipelineFactory.ParseSize(settings.Size);
        var llm = settings.Llm ?? PipelineFactory.ProjectLlm(settings.Dir);
        return PipelineConsole.Run(AnsiConsole.Console, settings.Quiet, settings.Json, cancellation,
            (observer, ct) => PipelineFactory.Generator(PipelineFactory.LlmSpec(llm), observer, settings.Verbose).RenderProjectAsync(settings.Dir, settings.Camera, size, settings.Replace, ct));
    }
}

/// <summary>Builds the generator from the CLI options; parses the shared option formats.</summary>
static class PipelineFactory
{
    /// <summary>Help for every verb's --llm option; square brackets doubled because help text is Spectre markup.</summary>
    public const string LlmHelp = "Director: rules (embedded, default), openai:MODEL@URL, ollama:MODEL[[@URL]], gguf:PATH[[,mmproj=PATH]]; default from C3V_LLM";

    public static (int W, int H) ParseSize(string text)
    {
        var (w, h) = C3V.Batch.FrameSize.Parse(text, "--size");
        if (w is < 16 or > 4096 || h is < 16 or > 4096) throw new C3VException($"--size: {w}x{h} is outside 16..4096 pixels per side");
        return (w, h);
    }

    public static string LlmSpec(string? option) =>
        string.IsNullOrWhiteSpace(option) ? (Environment.GetEnvironmentVariable("C3V_LLM") is { Length: > 0 } env ? env : "rules") : option.Trim();

    /// <summary>The director a project was made with (edits use the same unless told otherwise).</summary>
    public static string? ProjectLlm(string dir)
    {
        try { return ProjectFolder.Open(dir).Load().Settings.Llm; }
        catch (C3VException) { return null; } // the verb reports the problem with the folder itself
    }

    /// <summary>A folder named after the prompt's first words, numbered so it never replaces an existing one.</summary>
    public static string DefaultOutput(string prompt) => ProjectNames.FromPrompt(prompt, name => Directory.Exists(name) || File.Exists(name));

    /// <param name="verbose">Show a local model's llama.cpp log (the verb's --verbose).</param>
    public static Generator Generator(string llm, IPipelineObserver observer, bool verbose)
    {
        var embedder = Directors.Embedder();
        return new Generator(sink => Directors.Create(llm, sink, embedder, verbose), embedder, observer);
    }
}
