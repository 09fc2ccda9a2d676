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

    /// <summary>Runs c3v with <paramref name="args"/> to its end (killed after <paramref name="limit"/>); its exit code and stderr.</summary>
    public static async Task<(int Code, string Err)> RunAsync(TimeSpan limit, params string[] args)
    {
        using var p = Process.Start(StartInfo(args))!;
        try
        {
            var err = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(limit);
            await p.WaitForExitAsync(timeout.Token);
            return (p.ExitCode, await err);
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }
}
