using System.ComponentModel;
using System.Diagnostics;
using C3V.Actors;
using C3V.Common;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Times posing (linear blend skinning) of a generated avatar resized to N Gaussians.</summary>
[Verb("bench skinning", "Benchmark posing a skinned Gaussian actor (ms per pose, median of repeated runs)",
    Examples = ["bench skinning", "bench skinning --gaussians 200000 --threads 1"])]
public sealed class BenchSkinningVerb : Command<BenchSkinningVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gaussians <N>")]
        [Bounds(1, 20_000_000)]
        [Description("Size of the actor (default 100000)")]
        public int Gaussians { get; init; } = 100_000;

        [CommandOption("--threads <N>")]
        [Bounds(1, 1024)]
        [Description("Threads (default: all cores)")]
        public int? Threads { get; init; }

        [CommandOption("--runs <N>")]
        [Bounds(1, 100_000)]
        [Description("Timed poses after 10 warm-up poses (default 100)")]
        public int Runs { get; init; } = 100;
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        if (s.Gaussians is < 1000 or > 20_000_000) throw new C3VException($"--gaussians {s.Gaussians}: expected 1000…20000000");
        if (s.Threads is <= 0) throw new C3VException($"--threads {s.Threads}: must be positive");
        if (s.Runs is < 1 or > 100_000) throw new C3VException($"--runs {s.Runs}: expected 1…100000");
        var avatar = AvatarGenerator.Generate("a man in a blue jacket and jeans", 1);
        var actor = avatar.Cloud.Resized(s.Gaussians);
        actor.MaxThreads = s.Threads;
        var clip = ProceduralMotions.Find("walk")!;
        for (int i = 0; i < 10; i++) actor.Pose(clip, i * 0.05f);
        var ms = new double[s.Runs];
        var sw = new Stopwatch();
        for (int i = 0; i < s.Runs; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            float t = i * 0.033f;
            sw.Restart();
            actor.Pose(clip, t);
            ms[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(ms);
        double influences = 0;
        for (int k = 0; k < SkinnedCloud.MaxInfluences; k++) influences += actor.Weights[k].Count(w => w > 0);
        Console.WriteLine($"skinning: {actor.Count} Gaussians, {influences / actor.Count:F2} influences on average, threads {(s.Threads?.ToString() ?? $"all ({Environment.ProcessorCount})")}, " +
            $"SIMD {(System.Runtime.Intrinsics.X86.Avx2.IsSupported ? "AVX2" : "none")}");
        Console.WriteLine($"pose: median {ms[ms.Length / 2]:F2} ms, min {ms[0]:F2} ms, p90 {ms[(int)(ms.Length * 0.9)]:F2} ms over {s.Runs} poses " +
            $"({actor.Count / ms[ms.Length / 2] / 1000:F1} M Gaussians/s)");
        return 0;
    }
}
