using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using C3V.Common;
using C3V.Splats;
using C3V.Splats.Formats;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>
/// Times reading and writing every writable splat format, for a given file (the shared garden scene by
/// default) and a generated cloud, and prints MB/s of file bytes and millions of splats per second.
/// </summary>
[Verb("bench io", "Benchmark splat file reading and writing (MB/s per format)",
    Examples = ["bench io", "bench io --file scene.ply --count 1000000 --sh-degree 3 --runs 3"])]
public sealed class BenchIoVerb : Command<BenchIoVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--file <FILE>")]
        [Description("A splat file to time (default: ../shared/bench/garden.ply when present)")]
        public string? File { get; init; }

        [CommandOption("--count <N>")]
        [Bounds(1, 20_000_000)]
        [Description("Splats in the generated cloud (default 1000000; 0 skips it)")]
        public int Count { get; init; } = 1_000_000;

        [CommandOption("--sh-degree <N>")]
        [Bounds(0, 3)]
        [Description("SH degree of the generated cloud (default 3, as trained scenes have)")]
        public int ShDegree { get; init; } = 3;

        [CommandOption("--runs <N>")]
        [Bounds(1, 1000)]
        [Description("Timed runs of each read and write; the best is reported (default 3)")]
        public int Runs { get; init; } = 3;

        [CommandOption("--dir <DIR>")]
        [Description("Folder for the temporary files (default: the system temp folder)")]
        public string? Dir { get; init; }
    }

    static readonly (string Name, string Extension, SplatWriteOptions Options)[] Formats =
    [
        ("ply", ".ply", new()),
        ("splat", ".splat", new()),
        ("spz v3", ".spz", new() { SpzVersion = 3 }),
        ("spz v4", ".spz", new() { SpzVersion = 4 }),
    ];

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        if (s.Count < 0) throw new C3VException($"--count {s.Count}: must be ≥ 0");
        if (s.ShDegree is < 0 or > 3) throw new C3VException($"--sh-degree {s.ShDegree}: expected 0…3");
        if (s.Runs is < 1 or > 100) throw new C3VException($"--runs {s.Runs}: expected 1…100");
        string dir = Directory.CreateTempSubdirectory("c3v-bench-io-").FullName;
        if (s.Dir is not null)
        {
            Directory.Delete(dir);
            dir = Path.Combine(s.Dir, $"c3v-bench-io-{Environment.ProcessId}");
            Directory.CreateDirectory(dir);
        }
        try
        {
            Console.Out.WriteLine($"c3v bench io: best of {s.Runs} runs after a warm-up; MB = 10⁶ bytes of the file; wall = elapsed, cpu = this process's CPU time (steadier on a loaded machine); files in {dir} (page cache warm)");
            Console.Out.WriteLine($"{"",-22} {"",-8} {"",8} {"read MB/s",-19} {"read",9} {"write MB/s",-19} {"write",9}");
            Console.Out.WriteLine($"{"cloud",-22} {"format",-8} {"file MB",8} {"wall",9} {"cpu",9} {"Msplat/s",9} {"wall",9} {"cpu",9} {"Msplat/s",9}");
            string? file = s.File ?? DefaultFile();
            if (file is not null)
            {
                var sw = Stopwatch.StartNew();
                var cloud = SplatFile.Read(file);
                sw.Stop();
                string name = $"{Path.GetFileName(file)} ({cloud.Count / 1000}k)";
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-22} {"source",-8} {new FileInfo(file).Length / 1e6,8:F1} {new FileInfo(file).Length / 1e6 / sw.Elapsed.TotalSeconds,9:F0} {"",9} {cloud.Count / 1e6 / sw.Elapsed.TotalSeconds,9:F2}   (first read in this process)"));
                Measure(name, cloud, dir, s.Runs, cancellation);
            }
            else Console.Out.WriteLine("(no --file and ../shared/bench/garden.ply not found: only the generated cloud is timed)");
            if (s.Count > 0)
                Measure($"generated {s.Count / 1000}k deg {s.ShDegree}", Generate(s.Count, s.ShDegree), dir, s.Runs, cancellation);
        }
        finally { Directory.Delete(dir, true); }
        return 0;
    }

    static string? DefaultFile()
    {
        string p = Path.Combine(Directory.GetCurrentDirectory(), "..", "shared", "bench", "garden.ply");
        return System.IO.File.Exists(p) ? Path.GetFullPath(p) : null;
    }

    static void Measure(string name, GaussianCloud cloud, string dir, int runs, CancellationToken cancellation)
    {
        foreach (var (format, ext, options) in Formats)
        {
            string path = Path.Combine(dir, "bench" + ext);
            var write = Best(runs, () => SplatFile.Write(path, cloud, options), cancellation);
            long bytes = new FileInfo(path).Length;
            var read = Best(runs, () => SplatFile.Read(path), cancellation);
            double mb = bytes / 1e6, ms = cloud.Count / 1e6;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {format,-8} {mb,8:F1} {mb / read.Wall,9:F0} {mb / read.Cpu,9:F0} {ms / read.Wall,9:F2} {mb / write.Wall,9:F0} {mb / write.Cpu,9:F0} {ms / write.Wall,9:F2}"));
            System.IO.File.Delete(path);
        }
    }

    /// <summary>
    /// Best wall time and best CPU time (this process, all threads) in seconds of <paramref name="runs"/> runs
    /// after one warm-up run. On a shared, loaded machine the CPU time is the steadier measure of the code.
    /// </summary>
    static (double Wall, double Cpu) Best(int runs, Action action, CancellationToken cancellation)
    {
        action();
        double wall = double.MaxValue, cpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < runs; r++)
        {
            cancellation.ThrowIfCancellationRequested();
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            action();
            wall = Math.Min(wall, sw.Elapsed.TotalSeconds);
            process.Refresh();
            cpu = Math.Min(cpu, Math.Max(1e-4, (process.TotalProcessorTime - cpu0).TotalSeconds));
        }
        return (wall, cpu);
    }

    /// <summary>A scene-like random cloud: 20 m across, small splats, SH within the quantised formats' ranges.</summary>
    static GaussianCloud Generate(int count, int degree)
    {
        var rng = new Random(1);
        float U(float a, float b) => a + (float)rng.NextDouble() * (b - a);
        var c = new GaussianCloud(count, degree);
        for (int i = 0; i < count; i++)
        {
            c.SetPosition(i, new Vector3(U(-10, 10), U(-2, 3), U(-10, 10)));
            c.SetLogScale(i, new Vector3(U(-6, -2), U(-6, -2), U(-6, -2)));
            c.SetRotation(i, Quaternion.Normalize(new Quaternion(U(-1, 1), U(-1, 1), U(-1, 1), U(-1, 1))));
            c.Opacity[i] = U(-4, 4);
            var sh = c.ShOf(i);
            for (int k = 0; k < 3; k++) sh[k] = U(-1.5f, 1.5f);
            for (int k = 3; k < sh.Length; k++) sh[k] = U(-0.3f, 0.3f);
        }
        return c;
    }
}
