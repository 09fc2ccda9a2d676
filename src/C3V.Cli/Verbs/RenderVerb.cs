using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using C3V.Common;
using C3V.Render;
using C3V.Splats;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Renders one or more splat files through a camera from a cameras file or an orbit.</summary>
[Verb("render", "Render Gaussian-splat files to a PNG (and a depth PNG) through a camera",
    Examples = ["render garden.ply --cameras garden.cameras.json:0 -o garden.png --depth garden-depth.png",
                "render scene.ply --orbit 30,20 --width 640 --height 480 -o view.png"])]
public sealed class RenderVerb : Command<RenderVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<CLOUDS>")]
        [Description("Splat files (.ply), rendered together in one depth-sorted pass")]
        public string[] Clouds { get; init; } = [];

        [CommandOption("--cameras <FILE[:INDEX]>")]
        [Description("Cameras file (JSON list of width/height/fx/fy/cx/cy/world_to_camera, OpenCV convention); INDEX picks one (default 0)")]
        public string? Cameras { get; init; }

        [CommandOption("--orbit <AZIMUTH[,ELEVATION[,DISTANCE]]>")]
        [Description("Camera orbiting the clouds' centre: degrees around the up axis, degrees above the horizon (default 20), distance in metres (default: fits the bounds)")]
        public string? Orbit { get; init; }

        [CommandOption("--up <AXIS>")]
        [Description("World up axis for --orbit: y (default, the project's convention) or z")]
        public string Up { get; init; } = "y";

        [CommandOption("--fov <DEGREES>")]
        [Description("Vertical field of view for --orbit (default 50)")]
        public float Fov { get; init; } = 50;

        [CommandOption("--width <PIXELS>")]
        public int? Width { get; init; }

        [CommandOption("--height <PIXELS>")]
        public int? Height { get; init; }

        [CommandOption("--background <R,G,B>")]
        [Description("Background colour, three numbers 0..1 (default 0,0,0)")]
        public string? Background { get; init; }

        [CommandOption("-o|--output <PNG>")]
        [Description("Output colour image")]
        public string? Output { get; init; }

        [CommandOption("--depth <PNG>")]
        [Description("Also write the depth as a colour-mapped PNG (near bright, far dark, empty black)")]
        public string? Depth { get; init; }

        [CommandOption("--antialiased")]
        [Description("gsplat's antialiased mode (opacity compensated for the 0.3 px dilation)")]
        public bool Antialiased { get; init; }

        [CommandOption("--force")]
        [Description("Overwrite existing output files")]
        public bool Force { get; init; }

        public override Spectre.Console.ValidationResult Validate()
        {
            if (Clouds.Length == 0) return Spectre.Console.ValidationResult.Error("give at least one splat file");
            if (Output is null) return Spectre.Console.ValidationResult.Error("-o/--output is required");
            if ((Cameras is null) == (Orbit is null)) return Spectre.Console.ValidationResult.Error("give exactly one of --cameras or --orbit");
            return Spectre.Console.ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        foreach (var o in new[] { settings.Output, settings.Depth })
            if (o is not null && File.Exists(o) && !settings.Force) throw new C3VException($"{o}: already exists (use --force to replace it)");
        var background = settings.Background is null ? Vector3.Zero : ParseVector(settings.Background, "--background", 0, 1);
        var clouds = settings.Clouds.Select(p => new CloudInstance(TemporaryPly.Read(p))).ToArray();
        var camera = settings.Cameras is not null ? CameraFromFile(settings.Cameras) : CameraFromOrbit(settings, clouds);
        if (settings.Width is not null || settings.Height is not null)
        {
            int w = settings.Width ?? camera.Width, h = settings.Height ?? camera.Height;
            CheckSize(w, "--width"); CheckSize(h, "--height");
            camera = camera.Resized(w, h);
        }
        var options = new RenderOptions { Background = background, Antialiased = settings.Antialiased };
        var result = new GaussianRasterizer().Render(clouds, camera, options);
        result.ToImage().SavePng(settings.Output!, settings.Force);
        if (settings.Depth is not null) result.DepthImage().SavePng(settings.Depth, settings.Force);
        Console.WriteLine($"{settings.Output}: {camera.Width}×{camera.Height}, {clouds.Sum(c => c.Cloud.Count)} Gaussians");
        return 0;
    }

    static void CheckSize(int v, string name)
    {
        if (v is <= 0 or > GaussianRasterizer.MaxImageSide) throw new C3VException($"{name} {v}: must be 1…{GaussianRasterizer.MaxImageSide}");
    }

    /// <summary>"file.json" or "file.json:INDEX".</summary>
    static Camera CameraFromFile(string spec)
    {
        string path = spec;
        int index = 0;
        int colon = spec.LastIndexOf(':');
        if (colon > 0 && int.TryParse(spec[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out int i))
        {
            path = spec[..colon]; index = i;
        }
        var cams = Camera.LoadJson(path);
        if (index < 0 || index >= cams.Count) throw new C3VException($"{path}: camera index {index} is outside 0…{cams.Count - 1}");
        return cams[index];
    }

    static Camera CameraFromOrbit(Settings s, CloudInstance[] clouds)
    {
        var v = s.Orbit!.Split(',');
        if (v.Length > 3) throw new C3VException($"--orbit '{s.Orbit}': expected AZIMUTH[,ELEVATION[,DISTANCE]]");
        float Num(int k, float fallback) => k < v.Length
            ? float.TryParse(v[k], NumberStyles.Float, CultureInfo.InvariantCulture, out float f) && float.IsFinite(f) ? f
              : throw new C3VException($"--orbit '{s.Orbit}': '{v[k]}' is not a number")
            : fallback;
        var up = s.Up.ToLowerInvariant() switch
        {
            "y" => Vector3.UnitY, "z" => Vector3.UnitZ,
            _ => throw new C3VException($"--up '{s.Up}': expected y or z"),
        };
        if (!(s.Fov is > 1 and < 179)) throw new C3VException($"--fov {s.Fov}: expected 1…179 degrees");
        var (min, max) = Bounds(clouds);
        var centre = (min + max) / 2;
        float radius = MathF.Max((max - min).Length() / 2, 1e-3f);
        float az = Num(0, 0) * MathF.PI / 180, el = Num(1, 20) * MathF.PI / 180;
        float fov = s.Fov * MathF.PI / 180;
        float dist = Num(2, radius / MathF.Sin(fov / 2));
        if (!(dist > 0)) throw new C3VException($"--orbit '{s.Orbit}': distance must be positive");
        // Two horizontal axes perpendicular to up.
        var a = up == Vector3.UnitY ? Vector3.UnitZ : Vector3.UnitX;
        var b = Vector3.Cross(up, a);
        var dir = MathF.Cos(el) * (MathF.Cos(az) * a + MathF.Sin(az) * b) + MathF.Sin(el) * up;
        int w = s.Width ?? 640, h = s.Height ?? 480;
        CheckSize(w, "--width"); CheckSize(h, "--height");
        return Camera.LookAt(centre + dir * dist, centre, up, fov, w, h);
    }

    static (Vector3 Min, Vector3 Max) Bounds(CloudInstance[] clouds)
    {
        var min = new Vector3(float.PositiveInfinity);
        var max = new Vector3(float.NegativeInfinity);
        foreach (var c in clouds)
        {
            if (c.Cloud.Count == 0) continue;
            var (lo, hi) = c.Cloud.Bounds();
            min = Vector3.Min(min, lo); max = Vector3.Max(max, hi);
        }
        return float.IsInfinity(min.X) ? (Vector3.Zero, Vector3.Zero) : (min, max);
    }

    internal static Vector3 ParseVector(string text, string name, float lo, float hi)
    {
        var p = text.Split(',');
        var v = new float[3];
        if (p.Length != 3) throw new C3VException($"{name} '{text}': expected three numbers R,G,B");
        for (int i = 0; i < 3; i++)
            if (!float.TryParse(p[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !(v[i] >= lo && v[i] <= hi))
                throw new C3VException($"{name} '{text}': '{p[i]}' is not a number in {lo}…{hi}");
        return new Vector3(v[0], v[1], v[2]);
    }
}
