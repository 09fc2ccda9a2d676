using System.ComponentModel;
using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using C3V.Cli.Options;
using C3V.Common;
using C3V.Render;
using C3V.Splats;
using C3V.Splats.Formats;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Times the rasterizer's forward and backward passes (median of repeated runs after warm-up).</summary>
[Verb("bench render", "Benchmark the Gaussian rasterizer (forward and backward ms, splats, pairs, memory)",
    Examples = ["bench render", "bench render --width 1280 --height 720 --grid 5 --threads 2 --json"])]
public sealed class BenchRenderVerb : Command<BenchRenderVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--scene <FILE>")]
        [Description("Splat file (default: the shared garden benchmark, ../shared/bench/garden.ply)")]
        public string? Scene { get; init; }

        [CommandOption("--cameras <FILE[:INDEX]>")]
        [Description("Cameras file (default: garden.cameras.json beside the scene); every camera is timed in turn, or only the one INDEX picks")]
        public string? Cameras { get; init; }

        [CommandOption("--width <PIXELS>")]
        [Bounds(1, GaussianRasterizer.MaxImageSide)]
        public int? Width { get; init; }

        [CommandOption("--height <PIXELS>")]
        [Bounds(1, GaussianRasterizer.MaxImageSide)]
        public int? Height { get; init; }

        [CommandOption("--grid <N>")]
        [Bounds(1, 12)]
        [Description("Tile the scene N×N in x/y with a 4 m step and fresh random attributes per copy, as gsplat's profiler does (default 1)")]
        public int Grid { get; init; } = 1;

        [CommandOption("--threads <N>")]
        [Bounds(1, 1024)]
        [Description("Threads (default: all cores)")]
        public int? Threads { get; init; }

        [CommandOption("--runs <N>")]
        [Bounds(1, 1000)]
        [Description("Timed runs per pass after 2 warm-up runs (default 7)")]
        public int Runs { get; init; } = 7;

        [CommandOption("--no-backward")]
        public bool NoBackward { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object instead of text")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        if (s.Threads is <= 0) throw new C3VException($"--threads {s.Threads}: must be positive");
        if (s.Runs is < 1 or > 1000) throw new C3VException($"--runs {s.Runs}: expected 1…1000");
        string scene = s.Scene ?? DefaultScene();
        var camerasOption = CamerasOption.Parse(s.Cameras ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scene))!, "garden.cameras.json"));
        string camerasPath = camerasOption.Path;
        var cloud = SplatFile.Read(scene);
        if (s.Grid > 1) cloud = Tile(cloud, s.Grid);
        var cameras = camerasOption.Load().Select(c =>
        {
            if (s.Width is null && s.Height is null) return c;
            int w = s.Width ?? c.Width, h = s.Height ?? c.Height;
            if (w is <= 0 or > GaussianRasterizer.MaxImageSide || h is <= 0 or > GaussianRasterizer.MaxImageSide)
                throw new C3VException($"--width/--height {w}×{h}: must be 1…{GaussianRasterizer.MaxImageSide}");
            return c.Resized(w, h);
        }).ToArray();

        var rast = new GaussianRasterizer(s.Threads);
        CloudInstance[] clouds = [new(cloud)];
        RenderResult? result = null;
        RenderGradients? grads = null;
        var fwd = new List<double>();
        var bwd = new List<double>();
        var fwdCpu = new List<double>();
        var bwdCpu = new List<double>();
        var proc = Process.GetCurrentProcess();
        double Cpu() { proc.Refresh(); return proc.TotalProcessorTime.TotalMilliseconds; }
        int W = cameras[0].Width, H = cameras[0].Height;
        if (cameras.Any(c => c.Width != W || c.Height != H)) throw new C3VException($"{camerasPath}: the cameras differ in size; pass --width and --height");
        var dColor = new float[W * H * 3];
        Array.Fill(dColor, 1f / (W * H));
        var stats = new List<RenderStats>();
        var fwdAlloc = new List<double>();
        for (int run = -2; run < s.Runs; run++)
        {
            foreach (var cam in cameras)
            {
                cancellation.ThrowIfCancellationRequested();
                double c0 = Cpu();
                long a0 = GC.GetTotalAllocatedBytes(precise: true);
                long t0 = Stopwatch.GetTimestamp();
                result = rast.Render(clouds, cam, null, result);
                double f = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                long a1 = GC.GetTotalAllocatedBytes(precise: true);
                double c1 = Cpu();
                double b = 0;
                if (!s.NoBackward)
                {
                    t0 = Stopwatch.GetTimestamp();
                    grads = rast.Backward(result, dColor, into: grads);
                    b = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                }
                double c2 = Cpu();
                if (run < 0) continue;
                fwd.Add(f); bwd.Add(b); fwdCpu.Add(c1 - c0); bwdCpu.Add(c2 - c1); stats.Add(rast.LastStats); fwdAlloc.Add(a1 - a0);
            }
        }
        double fm = Median(fwd), bm = s.NoBackward ? 0 : Median(bwd);
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var report = new
        {
            scene = Path.GetFileName(scene), gaussians = cloud.Count, width = W, height = H, grid = s.Grid,
            threads = s.Threads ?? Environment.ProcessorCount, cameras = cameras.Length, runs = fwd.Count,
            forward_ms = Math.Round(fm, 2), backward_ms = Math.Round(bm, 2),
            forward_ms_min = Math.Round(fwd.Min(), 2), backward_ms_min = s.NoBackward ? 0 : Math.Round(bwd.Min(), 2),
            forward_cpu_ms = Math.Round(Median(fwdCpu), 1), backward_cpu_ms = Math.Round(Median(bwdCpu), 1),
            load_average = LoadAverage(),
            projected_splats = (int)Median(stats.Select(x => (double)x.Projected).ToList()),
            tile_splat_pairs = (int)Median(stats.Select(x => (double)x.TileSplatPairs).ToList()),
            preprocess_ms = Math.Round(Median(stats.Select(x => x.PreprocessMs).ToList()), 2),
            sort_ms = Math.Round(Median(stats.Select(x => x.SortMs).ToList()), 2),
            bin_ms = Math.Round(Median(stats.Select(x => x.BinMs).ToList()), 2),
            blend_ms = Math.Round(Median(stats.Select(x => x.BlendMs).ToList()), 2),
            forward_allocated_bytes = (long)Median(fwdAlloc),
            forward_fps = Math.Round(1000 / fm, 2),
            million_gaussians_per_s = Math.Round(cloud.Count / fm / 1000, 2),
            peak_memory_mb = peak / (1 << 20),
        };
        if (s.Json) Console.WriteLine(JsonSerializer.Serialize(report));
        else
        {
            Console.WriteLine($"scene            {report.scene} ×{s.Grid}² = {report.gaussians:N0} Gaussians, {report.cameras} camera(s)");
            Console.WriteLine($"resolution       {W}×{H}, threads {report.threads}, median of {report.runs} runs after warm-up");
            Console.WriteLine($"forward          {report.forward_ms} ms/frame (min {report.forward_ms_min}), {report.forward_fps} frames/s, {report.million_gaussians_per_s} M Gaussians/s; CPU {report.forward_cpu_ms} ms/frame");
            Console.WriteLine($"forward phases   preprocess {report.preprocess_ms}, sort {report.sort_ms}, binning {report.bin_ms}, blending {report.blend_ms} ms (wall); {report.forward_allocated_bytes:N0} bytes allocated per frame");
            if (!s.NoBackward) Console.WriteLine($"backward         {report.backward_ms} ms/frame (min {report.backward_ms_min}), {Math.Round(bm / fm, 2)}× forward; CPU {report.backward_cpu_ms} ms/frame");
            Console.WriteLine($"projected splats {report.projected_splats:N0}");
            Console.WriteLine($"tile-splat pairs {report.tile_splat_pairs:N0}");
            Console.WriteLine($"peak memory      {report.peak_memory_mb} MB (process working set)");
            Console.WriteLine($"load average     {report.load_average} (other processes on the machine inflate wall times)");
        }
        return 0;
    }

    static double LoadAverage()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return -1; }
    }

    static double Median(List<double> v)
    {
        var a = v.Order().ToArray();
        return a.Length == 0 ? 0 : a.Length % 2 == 1 ? a[a.Length / 2] : (a[a.Length / 2 - 1] + a[a.Length / 2]) / 2;
    }

    static string DefaultScene()
    {
        var env = Environment.GetEnvironmentVariable("C3V_SHARED");
        foreach (var root in new[] { env, Path.Combine(Directory.GetCurrentDirectory(), "..", "shared"), Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared") })
        {
            if (string.IsNullOrEmpty(root)) continue;
            var p = Path.Combine(root, "bench", "garden.ply");
            if (File.Exists(p)) return Path.GetFullPath(p);
        }
        throw new C3VException("no --scene given and ../shared/bench/garden.ply was not found");
    }

    /// <summary>
    /// gsplat's scene_grid recipe: N×N copies shifted by 4 m in x and y (centred), each with fresh random
    /// scales U[1e-4, 0.02], rotations normalize(randn(4)) and opacities U[0,1) (seeded, so runs repeat).
    /// </summary>
    static GaussianCloud Tile(GaussianCloud src, int n)
    {
        var dst = new GaussianCloud(src.Count * n * n, src.ShDegree);
        var rng = new Random(12345);
        float Gauss() => MathF.Sqrt(-2 * MathF.Log(1 - rng.NextSingle())) * MathF.Cos(2 * MathF.PI * rng.NextSingle());
        int k = src.ShCoeffCount * 3, o = 0;
        for (int gx = 0; gx < n; gx++)
            for (int gy = 0; gy < n; gy++)
            {
                var shift = new Vector3((gx - (n - 1) / 2f) * 4, (gy - (n - 1) / 2f) * 4, 0);
                for (int i = 0; i < src.Count; i++, o++)
                {
                    dst.SetPosition(o, src.GetPosition(i) + shift);
                    dst.SetLogScale(o, new Vector3(MathF.Log(1e-4f + 0.0199f * rng.NextSingle()), MathF.Log(1e-4f + 0.0199f * rng.NextSingle()), MathF.Log(1e-4f + 0.0199f * rng.NextSingle())));
                    dst.SetRotation(o, Quaternion.Normalize(new Quaternion(Gauss(), Gauss(), Gauss(), Gauss())));
                    dst.Opacity[o] = GaussianCloud.Logit(Math.Clamp(rng.NextSingle(), 1e-6f, 1 - 1e-6f));
                    Array.Copy(src.Sh, i * k, dst.Sh, o * k, k);
                }
            }
        return dst;
    }
}
