using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using C3V.Cli.Options;
using C3V.Common;
using C3V.Direct;
using C3V.Models.Chat;
using C3V.Models.Embeddings;
using C3V.Render;
using C3V.Splats;
using C3V.World;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>
/// Plans a prompt, renders the reference view of a splat scene, places every actor in it with the chosen
/// director and writes the view with the boxes, paths and labels drawn on it.
/// </summary>
[Verb("place", "Place a prompt's actors in a rendered scene view and draw the placement as a PNG",
    Examples = ["place \"an alien walks on the lawn from the cabin door to the mower\" -o placement.png",
                "place \"an alien walks from the door to the mower\" --scene scene.ply --cameras cams.json --landmark door=-2,0,3 --landmark mower=2,0,1 -o placement.png"])]
public sealed class PlaceVerb : Command<PlaceVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PROMPT>")]
        [Description("What the video shows")]
        public string Prompt { get; init; } = "";

        [CommandOption("--scene <PLY>")]
        [Description("The scene as a Gaussian splat .ply (Y up, metres), seen through --cameras; without it the world stage builds the plan's scene")]
        public string? Scene { get; init; }

        [CommandOption("--verbose")]
        [Description(Directors.VerboseHelp)]
        public bool Verbose { get; init; }

        [CommandOption("--cameras <FILE[:INDEX]>")]
        [Description("Cameras file (JSON list, OpenCV convention); INDEX picks the reference view (default 0)")]
        public string? Cameras { get; init; }

        [CommandOption("--seed <N>")]
        [Bounds(int.MinValue, int.MaxValue)]
        [Description("Seed of the generated scene (default 1)")]
        public int Seed { get; init; } = 1;

        [CommandOption("--size <WxH>")]
        [Description("Size of the generated scene's reference view (default 512x512)")]
        public string Size { get; init; } = "512x512";

        [CommandOption("--ground <Y>")]
        [Bounds(-10_000, 10_000)]
        [Description("World height of the ground the actors stand on (default 0)")]
        public float Ground { get; init; }

        [CommandOption("--landmark <NAME=X,Y,Z>")]
        [Description("A named landmark in world coordinates (repeatable)")]
        public string[] Landmarks { get; init; } = [];

        [CommandOption("--llm <SPEC>")]
        [Description(PipelineFactory.LlmHelp)]
        public string? Llm { get; init; }

        [CommandOption("--waypoints <N>")]
        [Bounds(2, 200)]
        [Description("Number of waypoints per actor (default 20)")]
        public int Waypoints { get; init; } = Placement.DefaultWaypointCount;

        [CommandOption("-o|--output <PNG>")]
        [Description("Where to write the picture")]
        public string Output { get; init; } = "placement.png";

        [CommandOption("--json <FILE>")]
        [Description("Also write the placements as JSON")]
        public string? Json { get; init; }

        [CommandOption("--transcripts <DIR>")]
        [Description("Save every model exchange verbatim in DIR")]
        public string? Transcripts { get; init; }

        [CommandOption("--force")]
        [Description("Replace output files that exist")]
        public bool Force { get; init; }

        public override Spectre.Console.ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Prompt)) return Spectre.Console.ValidationResult.Error("the prompt is empty");
            if ((Scene is null) != (Cameras is null)) return Spectre.Console.ValidationResult.Error("--scene and --cameras go together");
            return Spectre.Console.ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (!settings.Force && File.Exists(settings.Output)) throw new C3VException($"{settings.Output}: already exists (use --force to replace it)");
        ITranscriptSink? sink = settings.Transcripts is { } dir ? new FolderTranscript(dir) : null;
        using var handle = DirectorFactory.Create(settings.Llm, sink, warn: w => Console.Error.WriteLine($"c3v: warning: {w}"),
            options: Directors.Options(settings.Verbose), embedder: MiniLmEmbedder.Shared);
        var director = handle.Director;
        var plan = director.PlanAsync(settings.Prompt, cancellation).GetAwaiter().GetResult();

        Camera camera;
        GaussianCloud cloud;
        List<ProjectedLandmark> landmarks;
        float ground = settings.Ground;
        Func<float, float, bool>? walkable = null;
        var background = Vector3.Zero;
        if (settings.Scene is { } ply)
        {
            camera = CamerasOption.Parse(settings.Cameras!).LoadOne();
            cloud = C3V.Splats.Formats.SplatFile.Read(ply);
            landmarks = settings.Landmarks.Select(l => ParseLandmark(l, camera)).ToList();
        }
        else
        {
            var (w, h) = ParseSize(settings.Size);
            var scene = new ProceduralSceneGenerator(MiniLmEmbedder.Shared).Generate(plan.Scene.Description, settings.Seed);
            Console.Out.WriteLine($"scene: {scene.Archetype} for \"{plan.Scene.Description}\" (seed {settings.Seed})");
            camera = scene.DefaultCamera(w, h);
            cloud = scene.Cloud;
            ground = scene.GroundHeight;
            walkable = scene.Walkable.Contains;
            background = scene.Background;
            landmarks = [.. ProjectedLandmark.ProjectAll(scene.Landmarks, camera),
                         .. settings.Landmarks.Select(l => ParseLandmark(l, camera))];
        }
        var view = new GaussianRasterizer().Render([new CloudInstance(cloud)], camera, new RenderOptions { Background = background });
        var image = view.ToImage();
        var placed = new List<Placement>();
        foreach (var actor in plan.Actors)
        {
            var request = new PlacementRequest
            {
                Plan = plan, Actor = actor, Reference = image, Depth = view.Depth, Camera = camera,
                GroundHeight = ground, Landmarks = landmarks, IsWalkable = walkable, Placed = placed.ToList(), WaypointCount = settings.Waypoints,
            };
            var p = director.PlaceAsync(request, cancellation).GetAwaiter().GetResult();
            if (director is RuleDirector) foreach (var w in p.Warnings) Console.Error.WriteLine($"c3v: warning: {p.ActorId}: {w}");
            placed.Add(p);
            Console.Out.WriteLine($"{p.ActorId}: scale {p.Scale:0.###}, start {p.Start}, end {p.End}, {p.Waypoints.Count} waypoints ({string.Join(", ", p.Answers.Select(a => $"{Name(a.Step)}: {Name(a.Source)}"))})");
        }
        AtomicFile.WriteAllBytes(settings.Output, PlacementOverlay.Render(image, placed, landmarks), overwrite: settings.Force);
        if (settings.Json is { } json)
            PlanJson.SavePlacements(new PlacementSet { Version = PlacementSet.CurrentVersion, ReferenceView = "default", ViewWidth = camera.Width, ViewHeight = camera.Height, Placements = placed }, json, settings.Force);
        Console.Out.WriteLine($"wrote {settings.Output}");
        return 0;
    }

    static string Name<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, PlanJson.Options).Trim('"');

    static (int W, int H) ParseSize(string text)
    {
        var parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h) && w is >= 16 and <= 4096 && h is >= 16 and <= 4096)
            return (w, h);
        throw new C3VException($"--size '{text}': expected WIDTHxHEIGHT between 16 and 4096, e.g. 512x512");
    }

    static ProjectedLandmark ParseLandmark(string text, Camera camera)
    {
        int eq = text.IndexOf('=');
        var parts = eq > 0 ? text[(eq + 1)..].Split(',') : [];
        var v = new float[3];
        if (eq <= 0 || parts.Length != 3 || !parts.Select((p, k) => float.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out v[k])).All(ok => ok))
            throw new C3VException($"--landmark '{text}': expected NAME=X,Y,Z (world coordinates in metres)");
        return ProjectedLandmark.Project(text[..eq].Trim(), [], new Vector3(v[0], v[1], v[2]), camera);
    }
}
