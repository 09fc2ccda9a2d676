using System.ComponentModel;
using C3V.Common;
using C3V.Models.Embeddings;
using C3V.World;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Builds a scene from a description (library first, then the procedural archetypes) and writes it.</summary>
[Verb("scene", "Build a Gaussian scene from a description and write it as .ply, .spz or a .png preview",
    Examples = ["scene \"a cabin in a meadow\" -o cabin.png", "scene \"a beach at sunset\" -o beach.ply --seed 7"])]
public sealed class SceneVerb : Command<SceneVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DESCRIPTION>")]
        [Description("The place, e.g. \"a snowy mountain slope at night\"")]
        public string Description { get; init; } = "";

        [CommandOption("-o|--output <FILE>")]
        [Description("Output: .png (preview from the default camera), .ply or .spz (the Gaussians)")]
        public string Output { get; init; } = "";

        [CommandOption("--seed <N>")]
        [Bounds(int.MinValue, int.MaxValue)]
        [Description("Random seed (default 0); the same seed gives the same scene")]
        public int Seed { get; init; }

        [CommandOption("--width <PIXELS>")]
        [Bounds(16, 4096)]
        public int Width { get; init; } = 512;

        [CommandOption("--height <PIXELS>")]
        [Bounds(16, 4096)]
        public int Height { get; init; } = 512;

        [CommandOption("--library <FOLDER>")]
        [Description("Asset library (folder with library.json) searched before the procedural scenes")]
        public string? Library { get; init; }

        [CommandOption("--force")]
        [Description("Replace the output file if it exists")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(settings.Output)) throw new C3VException("scene: -o/--output is required (.png, .ply or .spz)");
        string ext = Path.GetExtension(settings.Output).ToLowerInvariant();
        if (ext is not (".png" or ".ply" or ".spz")) throw new C3VException($"{settings.Output}: output must end in .png, .ply or .spz");
        if (settings.Width is < 16 or > 8192 || settings.Height is < 16 or > 8192) throw new C3VException("--width/--height must be 16..8192");
        if (!settings.Force && File.Exists(settings.Output)) throw new C3VException($"{settings.Output}: already exists (use --force to replace it)");

        var embedder = new CachedTextEmbedder(MiniLmEmbedder.Shared);
        AssetLibrary? library = null;
        if (settings.Library != null)
        {
            library = AssetLibrary.Load(settings.Library);
            foreach (var p in library.Problems) Console.Error.WriteLine($"c3v: warning: {p}");
        }
        var factory = new SceneFactory(embedder, library);
        var scene = factory.Create(settings.Description, settings.Seed);
        foreach (var w in scene.Warnings) Console.Error.WriteLine($"c3v: warning: {w}");
        Console.WriteLine($"scene: {factory.LastReport}");
        if (ext == ".png") ScenePreview.Image(scene, settings.Width, settings.Height).SavePng(settings.Output, settings.Force);
        else C3V.Splats.Formats.SplatFile.Write(settings.Output, scene.Cloud, new C3V.Splats.Formats.SplatWriteOptions { Overwrite = settings.Force, Antialiased = true });
        Console.WriteLine($"{scene.Archetype} ({scene.Source}), {scene.Cloud.Count} Gaussians, seed {scene.Seed} -> {settings.Output}");
        return 0;
    }
}
