using System.ComponentModel;
using C3V.Actors;
using C3V.Common;
using C3V.Models.Embeddings;
using C3V.World;
using Props = C3V.Actors.Props;
using C3V.Output;
using C3V.Splats.Formats;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>
/// Generates an avatar from text (or imports a skinned glTF/GLB character) and previews it moving (video), at one
/// moment (PNG) or as a posed splat file (PLY).
/// </summary>
[Verb("actor", "Generate a rigged Gaussian avatar from a description, or import a skinned glTF/GLB character, and preview it (mp4, gif, png) or export it posed (ply)",
    Examples = ["actor \"a woman in a red dress\" -o woman.mp4", "actor \"a green alien\" --motion dance -o alien.gif",
                "actor character.glb --motion walk -o character.mp4",
                "actor \"an astronaut\" --bvh walk.bvh -o astro.mp4", "actor \"a robot\" --time 0.5 --motion wave -o robot.ply",
                "actor \"a knight|a fairy|a robot\" -o gallery.png"])]
public sealed class ActorVerb : Command<ActorVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DESCRIPTION>")]
        [Description("What the actor looks like, e.g. \"a tall man in a blue jacket with a red cap\", or a skinned .gltf/.glb character; several separated by | make a gallery PNG")]
        public string Description { get; init; } = "";

        [CommandOption("-o|--output <FILE>")]
        [Description("Output: .mp4 or .gif (animation), .png (one frame or a gallery), .ply (posed Gaussians)")]
        public string Output { get; init; } = "";

        [CommandOption("--motion <TEXT>")]
        [Description("Motion from the embedded library, by name or label (walk, run, dance, wave, kung fu, …); default idle")]
        public string? Motion { get; init; }

        [CommandOption("--bvh <FILE>")]
        [Description("Motion from a BVH file (CMU, Mixamo, Bandai-Namco-style joint names), retargeted")]
        public string? Bvh { get; init; }

        [CommandOption("--seconds <S>")]
        [Bounds(0.01, 600)]
        [Description("Length of an animation (default: the clip's length, at least 4 s)")]
        public float? Seconds { get; init; }

        [CommandOption("--time <S>")]
        [Bounds(0, 600)]
        [Description("Moment shown by .png / exported by .ply (default: 1 s into the clip)")]
        public float Time { get; init; } = 1f;

        [CommandOption("--sheet <N>")]
        [Bounds(1, 16)]
        [Description(".png: a contact sheet of N moments across the clip, side by side (a two-person clip shows a partner: the same look, or the second of \"actor|partner\")")]
        public int? Sheet { get; init; }

        [CommandOption("--view <DEGREES>")]
        [Bounds(-360, 360)]
        [Description("--sheet: where the camera looks from, in degrees round the actor (0 = in front, 90 = at its left side; default a three-quarter view, a side view for two-person clips)")]
        public float? View { get; init; }

        [CommandOption("--size <PIXELS>")]
        [Bounds(64, 4096)]
        [Description("Frame width and height (default 512)")]
        public int Size { get; init; } = 512;

        [CommandOption("--fps <N>")]
        [Bounds(1, 120)]
        public int Fps { get; init; } = 24;

        [CommandOption("--height <METRES>")]
        [Bounds(0.1, 10)]
        [Description("glTF characters: scale to this standing height (default: the file's size, in metres, or guessed units)")]
        public float? Height { get; init; }

        [CommandOption("--prop")]
        [Description("Show DESCRIPTION as a rigid prop (ball, box, chair, table, car, barrel, cone) on a turntable; " +
                     "a description that names one before any person (\"a red ball\") is a prop anyway")]
        public bool Prop { get; init; }

        [CommandOption("--library <FOLDER>")]
        [Description("Search this asset library (library.json) for a glTF actor matching the description before generating one")]
        public string? Library { get; init; }

        [CommandOption("--seed <N>")]
        [Bounds(int.MinValue, int.MaxValue)]
        public int Seed { get; init; }

        [CommandOption("--force")]
        [Description("Replace an existing output")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(s.Description)) throw new C3VException("a description of the actor is required");
        if (string.IsNullOrWhiteSpace(s.Output)) throw new C3VException("-o/--output is required (.mp4, .gif, .png or .ply)");
        if (s.Motion is not null && s.Bvh is not null) throw new C3VException("give either --motion or --bvh, not both");
        if (s.Sheet is not null && !s.Output.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new C3VException("--sheet makes a .png");
        if (s.View is not null && s.Sheet is null) throw new C3VException("--view applies to a contact sheet: add --sheet N");
        string ext = Path.GetExtension(s.Output).ToLowerInvariant();
        if (ext is not (".mp4" or ".gif" or ".png" or ".ply")) throw new C3VException($"{s.Output}: unknown output type '{ext}' (use .mp4, .gif, .png or .ply)");
        if (File.Exists(s.Output) && !s.Force) throw new C3VException($"{s.Output}: already exists (use --force to replace it)");
        string? dir = Path.GetDirectoryName(Path.GetFullPath(s.Output));
        if (dir is not null && !Directory.Exists(dir)) throw new C3VException($"{s.Output}: folder {dir} does not exist");

        var factory = Factory(s.Library);
        var descriptions = s.Description.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (descriptions.Length == 0) throw new C3VException($"the description '{s.Description}' names no actor (separate several with '|', e.g. \"a robot|a knight\")");
        var made = descriptions.Select((d, i) => Made(factory, d, s, s.Seed + i)).ToArray();
        bool moves = s.Motion is not null || s.Bvh is not null;
        if (moves && made.All(m => m.IsProp))
            throw new C3VException($"{(s.Motion is not null ? "--motion" : "--bvh")}: a prop does not move (it is shown on a turntable); leave the option out");
        var bvh = s.Bvh is not null ? MotionLibrary.LoadClip(s.Bvh) : null;
        MotionClip ClipFor(Cell c) => c.IsProp ? MotionClip.Still(c.Cloud.Skeleton) : bvh ?? PickMotion(s.Motion, c.Rig);
        var clip = ClipFor(made[0]);
        var preview = new ActorPreview { Width = s.Size, Height = s.Size };
        // A two-person clip's sheet takes the partner's look as a second description ("a man|a woman"), so the two bodies can be told apart.
        bool pairSheet = s.Sheet is not null && descriptions.Length == 2 && clip.PartnerDistance is not null;
        if (descriptions.Length > 1 && !pairSheet)
        {
            if (ext != ".png") throw new C3VException("several descriptions (a|b|c) make a gallery: use a .png output");
            if (s.Sheet is not null) throw new C3VException("--sheet shows one actor's clip: give one description (or two for a two-person clip: actor|partner)");
            int columns = made.Length <= 6 ? made.Length : new[] { 6, 5, 4 }.FirstOrDefault(c => made.Length % c == 0, 6);
            preview.Grid(made.Select(m => (m.Cloud, ClipFor(m))).ToArray(), s.Time, columns).SavePng(s.Output, s.Force);
            Console.WriteLine($"wrote {s.Output}: {made.Length} actors, {made.Sum(m => m.Cloud.Count)} Gaussians in all");
            return 0;
        }

        var actor = made[0].Cloud;
        Console.WriteLine(made[0].IsProp ? made[0].Summary : $"{made[0].Summary}; motion \"{clip.Name}\" ({clip.Duration:F1} s)");
        switch (ext)
        {
            case ".ply":
                SplatFile.Write(s.Output, actor.Pose(clip, s.Time).Clone(), new SplatWriteOptions { Overwrite = s.Force });
                Console.WriteLine($"wrote {s.Output}: posed at {s.Time:F2} s");
                return 0;
            case ".png" when s.Sheet is { } moments:
                var partner = clip.PartnerDistance is null ? null : Made(factory, descriptions[^1], s, s.Seed + 1).Cloud;
                preview.Sheet(actor, clip, moments, partner, s.View * MathF.PI / 180).SavePng(s.Output, s.Force);
                Console.WriteLine($"wrote {s.Output}: {moments} moments of \"{clip.Name}\"");
                return 0;
            case ".png":
                preview.Frame(actor, clip, s.Time, ActorPreview.FloorFor(clip, actor.Skeleton, s.Time)).SavePng(s.Output, s.Force);
                Console.WriteLine($"wrote {s.Output}");
                return 0;
        }
        float seconds = s.Seconds ?? MathF.Max(4, clip.Duration);
        int frames = Math.Max(2, (int)MathF.Round(seconds * s.Fps));
        var floor = ActorPreview.FloorFor(clip, actor.Skeleton, seconds);
        var format = ext == ".mp4" ? VideoFormat.Mp4 : VideoFormat.Gif;
        string basePath = Path.Combine(dir ?? ".", Path.GetFileNameWithoutExtension(s.Output));
        using var writer = VideoOutput.Open(format, basePath, new ClipFormat(s.Size, s.Size, s.Fps), final: false, out var notice);
        if (notice is not null) Console.Error.WriteLine($"c3v: note: {notice}");
        if (File.Exists(writer.OutputPath) && !s.Force) throw new C3VException($"{writer.OutputPath}: already exists (use --force to replace it)");
        for (int f = 0; f < frames; f++)
        {
            cancellation.ThrowIfCancellationRequested();
            writer.Write(preview.Frame(actor, clip, f / (float)s.Fps, floor));
        }
        writer.Complete();
        Console.WriteLine($"wrote {writer.OutputPath}: {frames} frames at {s.Fps} fps");
        return 0;
    }

    static ActorFactory Factory(string? libraryFolder)
    {
        if (libraryFolder is null) return new ActorFactory();
        var library = AssetLibrary.Load(libraryFolder);
        foreach (var p in library.Problems) Console.Error.WriteLine($"c3v: warning: {p}");
        return new ActorFactory(new CachedTextEmbedder(MiniLmEmbedder.Shared), library);
    }

    /// <summary>One actor of the description list: a prop (rigid, with <see cref="MotionClip.Still"/>) or a character.</summary>
    sealed record Cell(SkinnedCloud Cloud, string Summary, bool IsProp, BodyRig Rig = BodyRig.Human);

    static Cell Made(ActorFactory factory, string description, Settings s, int seed)
    {
        // A vehicle or thing with a body of its own (wheels that turn, a ball that rolls) is an actor, not a still prop.
        bool hasBody = BodyCatalog.Find(description) is { Rig: BodyRig.Rigid } b && RigidSpec.Builds.Contains(b.Build);
        if (s.Prop || (!hasBody && !GltfActorImporter.IsGltfPath(description) && Props.IsPropDescription(description)))
        {
            if (s.Height is not null) throw new C3VException("--height applies to glTF characters, not props");
            var prop = Props.FromDescription(description, seed)
                ?? throw new C3VException($"\"{description}\" names no prop (known: {string.Join(", ", Props.Names)})");
            var (min, max) = prop.Bounds();
            var size = max - min;
            return new Cell(Props.AsActor(prop), $"prop, {size.X:F2} × {size.Y:F2} × {size.Z:F2} m, {prop.Count} Gaussians", true);
        }
        var made = factory.Create(description, seed, s.Height);
        foreach (var note in made.Notes) Console.Error.WriteLine($"c3v: note: {description}: {note}");
        return new Cell(made.Cloud, made.Summary, false, made.Rig);
    }

    static MotionClip PickMotion(string? text, BodyRig rig)
    {
        if (string.IsNullOrWhiteSpace(text)) return ProceduralMotions.Idle(rig);
        var clips = ProceduralMotions.For(rig);
        return new MotionLibrary(clips).FindByLabel(text)
            ?? throw new C3VException($"--motion \"{text}\": no clip matches (known: {string.Join(", ", clips.Select(c => c.Name))})");
    }
}
