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
        var checks = new DoctorChecks
        {
            MiniLm = () => MiniLmEmbedder.Shared,
            Models = settings.Llm.Length > 0 ? settings.Llm
                : Environment.GetEnvironmentVariable(C3V.Models.Chat.ChatModelSpec.EnvironmentVariable) is { Length: > 0 } env ? [env] : [],
            NativeLog = Directors.NativeLog(settings.Verbose),
            StableDiffusion = settings.Sd,
        };
        var rows = await checks.RunAsync(cancellation);
        AnsiConsole.Write(Table(rows));
        return DoctorChecks.ExitCode(rows);
    }

    /// <summary>One line per check: its status and, when it is not fine, the fix.</summary>
    internal static Table Table(IEnumerable<DoctorRow> rows)
    {
        var table = new Table().AddColumns("check", "status", "found", "fix");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Check), r.Status switch { DoctorStatus.Ok => "[green]ok[/]", DoctorStatus.Warning => "[yellow]warning[/]", _ => "[red]problem[/]" },
                Markup.Escape(r.Found), Markup.Escape(r.Fix ?? ""));
        return table;
    }
}
