using System.Diagnostics;

namespace C3V.Tests.Batch;

/// <summary>Starts the c3v CLI built beside the tests (C3V.Cli.dll) as a child process.</summary>
static class CliProcess
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "C3V.Cli.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }
}
