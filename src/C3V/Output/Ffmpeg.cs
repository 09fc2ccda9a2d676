using System.Diagnostics;

namespace C3V.Output;

/// <summary>Finds the ffmpeg executable: <c>C3V_FFMPEG</c> (a path, or "none" to act as if it were missing), else PATH.</summary>
public static class Ffmpeg
{
    public const string EnvironmentVariable = "C3V_FFMPEG";

    /// <summary>Full path of ffmpeg, or null when it is not available.</summary>
    public static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
            return env.Equals("none", StringComparison.OrdinalIgnoreCase) || !File.Exists(env) ? null : Path.GetFullPath(env);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Path of ffprobe beside the located ffmpeg, or null.</summary>
    public static string? LocateProbe()
    {
        var ff = Locate();
        if (ff is null) return null;
        var probe = Path.Combine(Path.GetDirectoryName(ff)!, OperatingSystem.IsWindows() ? "ffprobe.exe" : "ffprobe");
        return File.Exists(probe) ? probe : null;
    }

    /// <summary>Runs a tool to completion and returns (exit code, stdout, stderr); used for probing outputs.</summary>
    public static (int Code, string Out, string Err) Run(string exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }
}
