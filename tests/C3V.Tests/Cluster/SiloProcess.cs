using System.Diagnostics;
using C3V.Tests.Batch;

namespace C3V.Tests.Cluster;

/// <summary>A `c3v cluster silo` child process on 127.0.0.1 whose output lines the test can wait for.</summary>
sealed class SiloProcess : IDisposable
{
    readonly Process _process;
    readonly List<string> _lines = [];
    public int Port { get; }
    public string Worker => $"silo 127.0.0.1:{Port}";

    public SiloProcess(string db, string clusterId, int slots = 1)
    {
        Port = FreePort();
        var info = CliProcess.StartInfo(["cluster", "silo", "--db", db, "--cluster-id", clusterId, "--port", Port.ToString(), "--gateway-port", FreePort().ToString(), "--slots", slots.ToString()]);
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } l) lock (_lines) _lines.Add(l); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } l) lock (_lines) _lines.Add("err: " + l); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines { get { lock (_lines) return _lines.ToList(); } }

    /// <summary>Waits (bounded) for an output line containing <paramref name="text"/>; returns it.</summary>
    public string WaitFor(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (Lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line) return line;
            if (_process.HasExited) throw new Xunit.Sdk.XunitException($"silo {Port} exited ({_process.ExitCode}): {string.Join(" | ", Lines)}");
            Thread.Sleep(50);
        }
        throw new Xunit.Sdk.XunitException($"silo {Port}: no '{text}' within {limit.TotalSeconds} s: {string.Join(" | ", Lines)}");
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

    static int FreePort() => Direct.FakeChatServer.FreePort();
}
