using C3V.Cli;

namespace C3V.Tests.Cli;

/// <summary>Runs the CLI in-process and captures stderr (tests in this class must not run in parallel with other stderr users).</summary>
[Collection("Console")]
public class CliAppTests
{
    internal static (int Code, string Err) Run(params string[] args)
    {
        var old = Console.Error;
        var sw = new StringWriter();
        Console.SetError(sw);
        try { return (CliApp.Run(args, Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(TextWriter.Null) })), sw.ToString()); }
        finally { Console.SetError(old); }
    }

    [Fact]
    public void UnknownVerb_IsOneLineUsageError()
    {
        var (code, err) = Run("frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("Unknown command", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void Generate_NotYetAvailable_ListsWorkingVerbs()
    {
        var (code, err) = Run("generate", "a robot dances");
        Assert.Equal(1, code);
        Assert.Contains("not yet available", err);
    }
}

[CollectionDefinition("Console", DisableParallelization = true)]
public class ConsoleCollection { }
