using System.ComponentModel;
using System.Diagnostics;
using C3V.Output;
using C3V.Render;
using C3V.World;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Times scene generation per archetype (optionally writing a gallery) and retrieval over many labels.</summary>
[Verb("bench world", "Time procedural scene generation and concept retrieval; optionally write the archetype gallery",
    Examples = ["bench world --gallery docs/scene-gallery.png", "bench world --no-model"])]
public sealed class BenchWorldVerb : Command<BenchWorldVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--gallery <PNG>")]
        [Description("Also render every archetype from its default camera into one labelled PNG")]
        public string? Gallery { get; init; }

        [CommandOption("--seed <N>")]
        [Bounds(int.MinValue, int.MaxValue)]
        public int Seed { get; init; }

        [CommandOption("--size <PIXELS>")]
        [Bounds(16, 4096)]
        [Description("Preview size for the gallery (default 512)")]
        public int Size { get; init; } = 512;

        [CommandOption("--no-model")]
        [Description("Skip the MiniLM timings (model load, embedding, retrieval over 10,000 labels)")]
        public bool NoModel { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        Console.WriteLine($"World benchmark ({Environment.ProcessorCount} cores)");
        Console.WriteLine($"{"archetype",-18} {"Gaussians",10} {"generate ms",12} {"render ms",10}");
        var frames = new List<(Image, string)>();
        var rasterizer = new GaussianRasterizer();
        foreach (var archetype in SceneArchetypes.All.Append(SceneArchetypes.Neutral))
        {
            cancellation.ThrowIfCancellationRequested();
            var sw = Stopwatch.StartNew();
            var scene = archetype.Generate(archetype.Labels[0], settings.Seed);
            double gen = sw.Elapsed.TotalMilliseconds;
            string renderMs = "";
            if (settings.Gallery != null)
            {
                sw.Restart();
                var img = ScenePreview.Render(scene, settings.Size, settings.Size, rasterizer).ToImage();
                renderMs = $"{sw.Elapsed.TotalMilliseconds,10:F0}";
                frames.Add((img, archetype.Id));
            }
            Console.WriteLine($"{archetype.Id,-18} {scene.Cloud.Count,10} {gen,12:F0} {renderMs}");
        }
        if (settings.Gallery != null)
        {
            ContactSheet.Compose(frames, 4, Math.Min(settings.Size, 384)).SavePng(settings.Gallery);
            Console.WriteLine($"gallery -> {settings.Gallery}");
        }
        if (!settings.NoModel) RetrievalBench.Run(Console.Out);
        return 0;
    }
}
