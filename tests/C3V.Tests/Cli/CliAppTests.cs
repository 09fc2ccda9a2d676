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

    public static TheoryData<string> AllVerbs() => new(CliApp.WorkingVerbs());

    [Theory]
    [MemberData(nameof(AllVerbs))]
    public void EveryVerb_PrintsItsHelp(string verb)
    {
        // Option descriptions are Spectre markup: an unescaped "[...]" in one made --help crash.
        var (code, err) = Run([.. verb.Split(' '), "--help"]);
        Assert.True(code == 0, $"c3v {verb} --help exited {code}: {err}");
        Assert.Equal("", err);
    }

    [Theory]
    [InlineData("", "prompt argument is empty")]
    [InlineData("--size", "--size")]
    [InlineData("--camera", "--camera")]
    public void Generate_BadInput_IsOneLineError(string what, string expected)
    {
        var args = what switch
        {
            "" => new[] { "generate", "   " },
            "--size" => new[] { "generate", "a robot dances", "--size", "99999x2" },
            _ => new[] { "generate", "a robot dances", "--camera", "zoom" },
        };
        var (code, err) = Run(args);
        Assert.Equal(1, code);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("   at ", err);
    }
}

[CollectionDefinition("Console", DisableParallelization = true)]
public class ConsoleCollection { }
