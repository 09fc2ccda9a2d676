using System.Diagnostics;
using C3V.Render;

namespace C3V.Pipeline;

/// <summary>
/// Where a clip render spends its time, summed over the frames (for <c>bench pipeline --profile</c>): posing
/// the actors, the static scene layer, the rasterizer's phases for the per-frame renders, the depth merge, the
/// annotations' measurement of the posed actors, the
/// resume cache (8-bit snap and file write) and handing frames to the writer (8-bit conversion and the queue
/// to ffmpeg, which blocks while the encoder is behind). Frames render in parallel, one per core, so the render
/// and merge phases are thread times summed over the frames (they can add up to more than the loop's wall time).
/// </summary>
public sealed class ClipProfile
{
    public int Frames { get; private set; }
    public double PoseMs { get; private set; }
    public double SceneLayerMs { get; private set; }
    public double PreprocessMs { get; private set; }
    public double SortMs { get; private set; }
    public double BinMs { get; private set; }
    public double BlendMs { get; private set; }
    /// <summary>Wall time of the per-frame renders not inside one of the rasterizer's four phases (setup, validation).</summary>
    public double RenderOtherMs { get; private set; }
    public double MergeMs { get; private set; }
    /// <summary>Thread time measuring the posed actors for the ground-truth annotations (summed over frames).</summary>
    public double AnnotateMs { get; private set; }
    public double CacheMs { get; private set; }
    public double OutputMs { get; private set; }
    public double TotalMs { get; private set; }
    /// <summary>CPU time of the whole process (every thread) during the frame loop.</summary>
    public double CpuMs { get; private set; }
    /// <summary>Gaussians, visible splats and tile/splat pairs of the per-frame renders, summed over frames.</summary>
    public long Gaussians { get; private set; }
    public long Visible { get; private set; }
    public long Pairs { get; private set; }

    readonly Lock _gate = new();

    internal void AddFrame() => Frames++;
    internal void AddPose(long from) => PoseMs += Since(from);
    internal void AddSceneLayer(long from) => SceneLayerMs += Since(from);
    internal void AddMerge(long from)
    {
        double ms = Since(from);
        lock (_gate) MergeMs += ms;
    }
    internal void AddAnnotate(long from)
    {
        double ms = Since(from);
        lock (_gate) AnnotateMs += ms;
    }
    internal void AddCache(long from) => CacheMs += Since(from);
    internal void AddOutput(long from) => OutputMs += Since(from);
    internal void AddTotal(long from, TimeSpan cpuFrom)
    {
        TotalMs += Since(from);
        CpuMs += (ProcessCpu() - cpuFrom).TotalMilliseconds;
    }

    /// <summary>CPU time of this process so far (all threads).</summary>
    internal static TimeSpan ProcessCpu()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime;
    }

    /// <summary>A per-frame render that took the wall time since <paramref name="from"/>, with its phases.</summary>
    internal void AddRender(long from, in RenderStats s)
    {
        double all = Since(from);
        lock (_gate)
        {
            Gaussians += s.Gaussians; Visible += s.Projected; Pairs += s.TileSplatPairs;
            PreprocessMs += s.PreprocessMs; SortMs += s.SortMs; BinMs += s.BinMs; BlendMs += s.BlendMs;
            RenderOtherMs += all - s.PreprocessMs - s.SortMs - s.BinMs - s.BlendMs;
        }
    }

    /// <summary>The phases as (name, total ms) rows, in pipeline order.</summary>
    public IReadOnlyList<(string Phase, double Ms)> Rows() =>
    [
        ("pose actors", PoseMs), ("scene layer (once)", SceneLayerMs),
        ("actor render: preprocess", PreprocessMs), ("actor render: sort", SortMs), ("actor render: binning", BinMs),
        ("actor render: blending", BlendMs), ("actor render: other", RenderOtherMs),
        ("depth merge", MergeMs), ("annotations (splat footprints)", AnnotateMs), ("resume cache", CacheMs), ("to writer (8-bit + pipe)", OutputMs),
    ];

    static double Since(long from) => Stopwatch.GetElapsedTime(from).TotalMilliseconds;
}
