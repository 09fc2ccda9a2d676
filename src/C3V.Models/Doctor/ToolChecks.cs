using System.ComponentModel;
using System.Diagnostics;

namespace C3V.Models.Doctor;

/// <summary>The runtime and the programs c3v calls: .NET, ffmpeg (MP4 output), Node and npm (the studio's front end).</summary>
public static class ToolChecks
{
    public static DoctorRow Dotnet(Version runtime) => runtime.Major >= 10
        ? DoctorRow.Ok(".NET", $"runtime {runtime}")
        : DoctorRow.Problem(".NET", $"runtime {runtime}", "install the .NET 10 SDK (c3v targets net10.0)");

    public static DoctorRow Ffmpeg(string program = "ffmpeg") => Tool("ffmpeg", program, "-version",
        "install it (Debian: apt-get install ffmpeg); without it videos are written as animated GIFs", required: false);

    /// <summary>Node 20 or newer: what the studio's build tool (Vite) runs on, as the README says.</summary>
    public static DoctorRow Node(string program = "node") => Tool("Node", program, "--version", "install Node.js 20 or newer (Debian: apt-get install nodejs) for the studio", required: false,
        version => int.TryParse(version.TrimStart('v').Split('.')[0], out int major) && major < 20 ? $"Node {version} is older than 20" : null);

    public static DoctorRow Npm(string program = "npm") => Tool("npm", program, "--version", "install npm (Debian: apt-get install npm) for the studio", required: false);

    /// <summary>Runs <c>program flag</c> and reports its first output line; a missing or failing program is a warning (optional) or a problem.</summary>
    static DoctorRow Tool(string check, string program, string flag, string fix, bool required, Func<string, string?>? tooOld = null)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            using var p = Process.Start(new ProcessStartInfo(program, flag) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var output = p.StandardOutput.ReadToEndAsync();
            p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(20_000))
            {
                p.Kill(entireProcessTree: true);
                return Missing($"{program} {flag} did not finish within 20 s");
            }
            string first = output.Result.Split('\n')[0].Trim();
            if (p.ExitCode != 0) return Missing($"{program} {flag} exited with {p.ExitCode}");
            if (tooOld?.Invoke(first) is { } old) return Missing(old);
            return DoctorRow.Ok(check, first.Length > 80 ? first[..80] : first, clock.Elapsed.TotalSeconds);
        }
        catch (Win32Exception) { return Missing($"'{program}' is not on PATH"); }

        DoctorRow Missing(string found) => required ? DoctorRow.Problem(check, found, fix) : DoctorRow.Warning(check, found, fix);
    }
}
