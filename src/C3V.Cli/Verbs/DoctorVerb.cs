using System.ComponentModel;
using C3V.Models.Doctor;
using C3V.Models.Embeddings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Checks what the user has — runtime, tools, bundled and named models — and prints one table with a fix for each problem.</summary>
[Verb("doctor", "Check .NET, ffmpeg, MiniLM, the named chat models, a Stable Diffusion folder, Node and npm; print a fix for each problem",
    Examples = ["doctor", "doctor --llm ollama:qwen2.5vl --llm gguf:model.gguf,mmproj=mmproj.gguf --sd sd-onnx/"])]
public sealed class DoctorVerb : AsyncCommand<DoctorVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--llm <SPEC>")]
        [Description("A chat model to probe (repeatable): openai:MODEL@URL, ollama:MODEL[[@URL]], gguf:PATH[[,mmproj=PATH]]; default: C3V_LLM when set")]
        public string[] Llm { get; init; } = [];

        [CommandOption("--sd <DIR>")]
        [Description("A Stable Diffusion ONNX folder (diffusers export) to check for the SDS prior")]
        public string? Sd { get; init; }

        [CommandOption("--verbose")]
        [Description(Directors.VerboseHelp)]
        public bool Verbose { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var rows = new List<DoctorRow>
        {
            ToolChecks.Dotnet(Environment.Version),
            ToolChecks.Ffmpeg(),
            ModelChecks.MiniLm(() => MiniLmEmbedder.Shared),
        };
        var specs = settings.Llm.Length > 0 ? settings.Llm
            : Environment.GetEnvironmentVariable(C3V.Models.Chat.ChatModelSpec.EnvironmentVariable) is { Length: > 0 } env ? [env] : [];
        foreach (var spec in specs) rows.Add(await ModelChecks.ChatModel(spec, nativeLog: Directors.NativeLog(settings.Verbose), cancellation: cancellation));
        if (settings.Sd is { } sd) rows.Add(DiffusionFolderCheck.Run(sd));
        rows.Add(ToolChecks.Node());
        rows.Add(ToolChecks.Npm());

        var table = new Table().AddColumns("check", "status", "found", "fix");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Check), r.Status switch { DoctorStatus.Ok => "[green]ok[/]", DoctorStatus.Warning => "[yellow]warning[/]", _ => "[red]problem[/]" },
                Markup.Escape(r.Found), Markup.Escape(r.Fix ?? ""));
        AnsiConsole.Write(table);
        return rows.Any(r => r.Status == DoctorStatus.Problem) ? 1 : 0;
    }
}
