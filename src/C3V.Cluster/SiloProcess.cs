using System.Diagnostics;
using C3V.Common;

namespace C3V.Cluster;

/// <summary>
/// A `c3v cluster silo` child process on 127.0.0.1 (free ports, given slots), whose output lines can be waited for:
/// how the benchmark and the tests run a cluster on one machine.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    readonly Process _process;
    readonly List<string> _lines = [];
    public int Port { get; }
    /// <summary>How the manifest names this silo.</summary>
    public string Worker => $"silo 127.0.0.1:{Port}";

    /// <param name="cli">The command that runs c3v: an executable and the arguments before the verb (e.g. dotnet C3V.Cli.dll).</param>
    public SiloProcess(IReadOnlyList<string> cli, string db, string clusterId, int slots)
    {
        Port = LoopbackPort.Free();
        var info = new ProcessStartInfo(cli[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in cli.Skip(1).Concat(["cluster", "silo", "--db", db, "--cluster-id", clusterId, "--port", Port.ToString(), "--gateway-port", LoopbackPort.Free().ToString(), "--slots", slots.ToString()]))
            info.ArgumentList.Add(a);
        _process = Process.Start(info) ?? throw new C3VException($"{cli[0]}: could not start a silo");
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } l) lock (_lines) _lines.Add(l); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } l) lock (_lines) _lines.Add("err: " + l); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The command that runs this very c3v (the apphost, or dotnet and the CLI's dll).</summary>
    public static IReadOnlyList<string> ThisCli(string cliAssembly)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, cliAssembly] : [host];
    }

    public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToList(); } }

    /// <summary>Waits (bounded) for an output line containing <paramref name="text"/>; returns it.</summary>
    public string WaitFor(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (Lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line) return line;
            if (_process.HasExited) throw new C3VException($"silo {Port} exited ({_process.ExitCode}): {string.Join(" | ", Lines)}");
            Thread.Sleep(50);
        }
        throw new C3VException($"silo {Port}: no '{text}' within {limit.TotalSeconds} s: {string.Join(" | ", Lines)}");
    }

    /// <summary>SIGKILL: the silo gets no chance to leave the cluster or clean up.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(30_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
