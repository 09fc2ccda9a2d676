using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using C3V.Cli.Options;
using C3V.Common;
using C3V.Render;
using C3V.Splats;
using C3V.Splats.Formats;
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
        [Bounds(1, 179)]
        [Description("Vertical field of view for --orbit (default 50)")]
        public float Fov { get; init; } = 50;

        [CommandOption("--width <PIXELS>")]
        [Bounds(1, GaussianRasterizer.MaxImageSide)]
        public int? Width { get; init; }

        [CommandOption("--height <PIXELS>")]
        [Bounds(1, GaussianRasterizer.MaxImageSide)]
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
        // Arguments first, files after: a typo is reported before minutes of reading.
        foreach (var o in new[] { settings.Output, settings.Depth })
            if (o is not null && File.Exists(o) && !settings.Force) throw new C3VException($"{o}: already exists (use --force to replace it)");
        var background = settings.Background is null ? Vector3.Zero : ParseVector(settings.Background, "--background", 0, 1);
        if (settings.Width is { } w0) CheckSize(w0, "--width");
        if (settings.Height is { } h0) CheckSize(h0, "--height");
        var orbit = settings.Orbit is null ? null : OrbitSpec.Parse(settings);
        var fixedCamera = settings.Cameras is not null ? CamerasOption.Parse(settings.Cameras).LoadOne() : null;

        var clouds = settings.Clouds.Select(p => new CloudInstance(SplatFile.Read(p))).ToArray();
        var camera = fixedCamera ?? orbit!.Camera(clouds, settings.Width ?? 640, settings.Height ?? 480);
        if (fixedCamera is not null && (settings.Width is not null || settings.Height is not null))
            camera = camera.Resized(settings.Width ?? camera.Width, settings.Height ?? camera.Height);
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

    /// <summary>--orbit AZIMUTH[,ELEVATION[,DISTANCE]] with --up and --fov, checked before anything is read.</summary>
    sealed record OrbitSpec(float Azimuth, float Elevation, float? Distance, Vector3 Up, float Fov)
    {
        public static OrbitSpec Parse(Settings s)
        {
            var v = s.Orbit!.Split(',');
            if (v.Length > 3) throw new C3VException($"--orbit '{s.Orbit}': expected AZIMUTH[,ELEVATION[,DISTANCE]]");
            float? Num(int k) => k >= v.Length ? null
                : float.TryParse(v[k], NumberStyles.Float, CultureInfo.InvariantCulture, out float f) && float.IsFinite(f) ? f
                : throw new C3VException($"--orbit '{s.Orbit}': '{v[k]}' is not a number");
            var up = s.Up.ToLowerInvariant() switch
            {
                "y" => Vector3.UnitY, "z" => Vector3.UnitZ,
                _ => throw new C3VException($"--up '{s.Up}': expected y or z"),
            };
            if (!(s.Fov is > 1 and < 179)) throw new C3VException($"--fov {s.Fov}: expected 1…179 degrees");
            var dist = Num(2);
            if (dist is not null && !(dist > 0)) throw new C3VException($"--orbit '{s.Orbit}': distance must be positive");
            return new OrbitSpec(Num(0) ?? 0, Num(1) ?? 20, dist, up, s.Fov);
        }

        /// <summary>Looks at the centre of the clouds' bounds from the orbit position (default distance frames the bounds).</summary>
        public Camera Camera(CloudInstance[] clouds, int width, int height)
        {
            var (min, max) = Bounds(clouds);
            var centre = (min + max) / 2;
            float radius = MathF.Max((max - min).Length() / 2, 1e-3f);
            float az = Azimuth * MathF.PI / 180, el = Elevation * MathF.PI / 180, fov = Fov * MathF.PI / 180;
            float dist = Distance ?? radius / MathF.Sin(fov / 2);
            // Two horizontal axes perpendicular to up.
            var a = Up == Vector3.UnitY ? Vector3.UnitZ : Vector3.UnitX;
            var b = Vector3.Cross(Up, a);
            var dir = MathF.Cos(el) * (MathF.Cos(az) * a + MathF.Sin(az) * b) + MathF.Sin(el) * Up;
            return C3V.Render.Camera.LookAt(centre + dir * dist, centre, Up, fov, width, height);
        }
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
