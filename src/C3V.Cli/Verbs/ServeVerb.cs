using System.ComponentModel;
using System.Diagnostics;
using C3V.Common;
using C3V.Studio;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

[Verb("serve", "Start the studio: a local web app to generate, see the plan, placement and 4D scene in 3D, and edit every concept",
    Examples = ["serve", "serve --projects ~/c3v-projects --port 8080 --open"])]
public sealed class ServeVerb : Command<ServeVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--port <N>")]
        [Bounds(0, 65535)]
        [Description("Port to listen on (0 picks a free one). Default 5173")]
        public int Port { get; init; } = 5173;

        [CommandOption("--projects <DIR>")]
        [Description("Folder holding the projects (created if missing). Default: the current folder")]
        public string Projects { get; init; } = ".";

        [CommandOption("--llm <SPEC>")]
        [Description("Default " + PipelineFactory.LlmHelp)]
        public string? Llm { get; init; }

        [CommandOption("--verbose")]
        [Description(Directors.VerboseHelp)]
        public bool Verbose { get; init; }

        [CommandOption("--host <ADDRESS>")]
        [Description("Address to bind instead of 127.0.0.1 (warns: others on the network could use the studio)")]
        public string Host { get; init; } = "127.0.0.1";

        [CommandOption("--open")]
        [Description("Open the studio in the default browser")]
        public bool Open { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(settings.Host)) throw new C3VException("--host: empty address");
        var projects = Path.GetFullPath(settings.Projects);
        if (File.Exists(projects)) throw new C3VException($"--projects: {settings.Projects} is a file, not a folder");
        var web = FrontEnd.EnsureBuilt(FrontEnd.SourceFolder(), m => Console.Error.WriteLine($"c3v: {m}"), out var problem);
        var options = new StudioOptions
        {
            ProjectsRoot = projects, Port = settings.Port, Host = settings.Host.Trim(), Llm = PipelineFactory.LlmSpec(settings.Llm), NativeLog = Directors.NativeLog(settings.Verbose),
            WebRoot = web, WebProblem = problem,
        };
        return StudioApp.Run(options, Console.Out, settings.Open ? OpenBrowser : null);
    }

    static void OpenBrowser(string address)
    {
        try { Process.Start(new ProcessStartInfo("xdg-open", address) { UseShellExecute = false })?.Dispose(); }
        catch (System.ComponentModel.Win32Exception) { Console.Error.WriteLine($"c3v: warning: could not open a browser (no xdg-open); open {address} yourself"); }
    }
}
