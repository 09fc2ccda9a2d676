using System.Reflection;
using C3V.Common;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli;

/// <summary>
/// Marks a command class as a CLI verb. Verbs are discovered by reflection so that each stage adds its
/// own verbs in its own file; a two-word name ("bench render") makes a branch.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class VerbAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    /// <summary>Example argument lists shown by --help (each a whitespace-separated command line after "c3v").</summary>
    public string[] Examples { get; init; } = [];
}

public static class CliApp
{
    /// <summary>Runs the CLI; returns the process exit code. User errors print one line, never a stack trace.</summary>
    public static int Run(string[] args, IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("c3v");
            config.PropagateExceptions();
            // Every verb: unknown options refused, declared bounds and non-empty values checked (ArgumentRules).
            config.UseStrictParsing();
            config.SetInterceptor(new ArgumentRules());
            if (console is not null) config.ConfigureConsole(console);
            RegisterVerbs(config);
        });
        try
        {
            return app.Run(args);
        }
        catch (Exception e)
        {
            return ReportError(e, console ?? AnsiConsole.Console, args);
        }
    }

    /// <summary>Exit codes: 1 bad input or failed work, 2 bad command line, 70 internal error, 130 cancelled.</summary>
    internal static int ReportError(Exception e, IAnsiConsole console, IReadOnlyList<string>? args = null)
    {
        while (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        switch (e)
        {
            case C3VException c:
                WriteError(c.Message);
                return 1;
            case CommandParseException or CommandRuntimeException or CommandConfigurationException:
                WriteError($"{ArgumentRules.ConversionMessage(e.Message, args ?? []) ?? e.Message} (see c3v --help)");
                return 2;
            case OperationCanceledException:
                WriteError("cancelled");
                return 130;
            case IOException or UnauthorizedAccessException:
                WriteError(e.Message);
                return 1;
            default:
                WriteError($"internal error: {e.GetType().Name}: {e.Message}");
                if (Environment.GetEnvironmentVariable("C3V_DEBUG") == "1") Console.Error.WriteLine(e);
                else Console.Error.WriteLine("(set C3V_DEBUG=1 for details; please report this)");
                return 70;
        }
    }

    static void WriteError(string message) => Console.Error.WriteLine($"c3v: error: {message}");

    static void RegisterVerbs(IConfigurator config)
    {
        var verbs = typeof(CliApp).Assembly.GetTypes()
            .Select(t => (Type: t, Verb: t.GetCustomAttribute<VerbAttribute>()))
            .Where(v => v.Verb is not null && !v.Type.IsAbstract)
            .OrderBy(v => v.Verb!.Name, StringComparer.Ordinal)
            .ToList();
        var addCommand = typeof(IConfigurator).GetMethod(nameof(IConfigurator.AddCommand))!;
        foreach (var v in verbs.Where(v => !v.Verb!.Name.Contains(' ')))
            Describe((ICommandConfigurator)addCommand.MakeGenericMethod(v.Type).Invoke(config, [v.Verb!.Name])!, v.Verb!);
        foreach (var branch in verbs.Where(v => v.Verb!.Name.Contains(' ')).GroupBy(v => v.Verb!.Name.Split(' ')[0]))
        {
            config.AddBranch(branch.Key, b =>
            {
                b.SetDescription(BranchDescriptions.GetValueOrDefault(branch.Key, branch.Key));
                var add = typeof(IConfigurator<CommandSettings>).GetMethod(nameof(IConfigurator<CommandSettings>.AddCommand))!;
                foreach (var v in branch)
                    Describe((ICommandConfigurator)add.MakeGenericMethod(v.Type).Invoke(b, [v.Verb!.Name.Split(' ')[1]])!, v.Verb!);
            });
        }
    }

    /// <summary>Names of the registered verbs other than placeholders (for messages).</summary>
    public static IEnumerable<string> WorkingVerbs() => typeof(CliApp).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<VerbAttribute>())
        .Where(v => v is not null && !v.Description.Contains("not yet available", StringComparison.Ordinal))
        .Select(v => v!.Name).Order(StringComparer.Ordinal);

    static void Describe(ICommandConfigurator c, VerbAttribute verb)
    {
        c.WithDescription(verb.Description);
        foreach (var ex in verb.Examples) c.WithExample(ex.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Descriptions of verb groups (two-word verbs).</summary>
    static readonly Dictionary<string, string> BranchDescriptions = new()
    {
        ["bench"] = "Benchmarks that print figures (render, io, skinning, …)",
        ["library"] = "Manage the asset library (add, list, search)",
        ["cluster"] = "Run batches on an Orleans cluster (silo)",
        ["dataset"] = "Work with a batch's dataset (pack, stats)",
    };
}
