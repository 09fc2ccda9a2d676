using System.ComponentModel;
using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Actors;
using C3V.Common;
using C3V.Compose;
using C3V.Direct;
using C3V.Output;
using C3V.Render;
using C3V.Splats;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>
/// Benchmarks lifting and refinement on synthetic placements with a known answer: two generated actors walk
/// curved paths over a ground plane; a perfect director's boxes are rendered from the truth; lifting reads a
/// deliberately distorted depth map and a wrong size estimate (as a monocular depth model and an LLM would
/// give), and refinement pulls the actors back into their boxes.
/// </summary>
[Verb("bench refine", "Benchmark lifting + refinement of two actors over 20 waypoints (losses before/after, distance to the truth, seconds)",
    Examples = ["bench refine", "bench refine --cases 5 --iterations 40 --resolution 256 --out figures/", "bench refine --prompts docs/director/prompt-set.json"])]
public sealed class BenchRefineVerb : Command<BenchRefineVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--cases <N>")]
        [Bounds(1, 100)]
        [Description("Random placements (seeds 1..N) (default 3)")]
        public int Cases { get; init; } = 3;

        [CommandOption("--iterations <N>")]
        [Bounds(1, 10_000)]
        public int Iterations { get; init; } = 40;

        [CommandOption("--resolution <PIXELS>")]
        [Bounds(16, 4096)]
        [Description("Long side of the optimisation renders (default 256)")]
        public int Resolution { get; init; } = 256;

        [CommandOption("--waypoints <N>")]
        [Bounds(2, 200)]
        public int Waypoints { get; init; } = Placement.DefaultWaypointCount;

        [CommandOption("--threads <N>")]
        [Bounds(1, 1024)]
        public int? Threads { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Write before/after overlay PNGs and the reports here")]
        public string? Out { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }

        [CommandOption("--prompts <FILE>")]
        [Description("Instead of the synthetic cases: run the real pipeline (rule director, scene, avatars, lifting, refinement) on each prompt of a prompt-set JSON file and report every term before/after")]
        public string? Prompts { get; init; }

        [CommandOption("--limit <N>")]
        [Bounds(1, 100_000)]
        [Description("With --prompts: only the first N prompts")]
        public int? Limit { get; init; }

        [CommandOption("--quality <Q>")]
        [Description("With --prompts: the generator's refinement effort, draft or final (default final)")]
        public string Quality { get; init; } = "final";

        [CommandOption("--size <WxH>")]
        [Description("With --prompts: the reference view's size (default 512x512, as generate)")]
        public string Size { get; init; } = "512x512";
    }

    const int View = 512;
    const float Duration = 6f, Fps = 24;

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        if (s.Iterations is < 0 or > 10000) throw new C3VException($"--iterations {s.Iterations}: expected 0…10000");
        if (s.Resolution is < 32 or > 2048) throw new C3VException($"--resolution {s.Resolution}: expected 32…2048");
        if (s.Threads is <= 0) throw new C3VException($"--threads {s.Threads}: must be positive");
        if (s.Prompts is not null)
        {
            if (s.Limit is <= 0) throw new C3VException($"--limit {s.Limit}: must be positive");
            if (s.Quality is not ("draft" or "final")) throw new C3VException($"--quality: '{s.Quality}' is not draft or final");
            var (w, h) = PipelineFactory.ParseSize(s.Size);
            var generation = new Projects.GenerationSettings { Width = w, Height = h, Quality = s.Quality, Format = "png" };
            return RefinePromptBench.Run(s.Prompts, s.Limit, generation, s.Out, s.Json, cancellation);
        }
        if (s.Out is not null) Directory.CreateDirectory(s.Out);

        var camera = Camera.LookAt(new Vector3(0, 1.7f, -0.5f), new Vector3(0, 0.6f, 6), Vector3.UnitY, 0.9f, View, View);
        var ground = GroundPlane();
        var rast = new GaussianRasterizer(s.Threads);
        var depth = (float[])rast.Render([new CloudInstance(ground)], camera, new RenderOptions { ShDegree = 0 }).Depth.Clone();
        var actors = new[]
        {
            new ComposedActor("woman", AvatarGenerator.Generate("a woman in a red dress", 1).Cloud, ProceduralMotions.Find("walk")!),
            new ComposedActor("alien", AvatarGenerator.Generate("a green alien", 2).Cloud, ProceduralMotions.Find("walk slowly")!),
        };
        var scene = new ComposeScene(camera, 0f, 12f, Duration, Fps, Cloud: ground);
        var rows = new JsonArray();
        var lines = new List<string>();
        double totalSeconds = 0, totalCpu = 0;
        for (int c = 1; c <= s.Cases; c++)
        {
            var rng = new Random(c);
            var truth = new ActorLayout[actors.Length];
            var boxes = new PixelBox[actors.Length][];
            var starts = new ActorLayout[actors.Length];
            var liftNotes = new List<string>();
            var liftScales = new (float Director, float Boxes, float Truth)[actors.Length];
            var distorted = Distort(depth, View, View, rng);
            for (int a = 0; a < actors.Length; a++)
            {
                // a drawn walk whose actor leaves the view somewhere (no box to give the director) is drawn again
                PixelBox[]? drawn = null;
                for (int attempt = 0; drawn is null && attempt < 20; attempt++)
                {
                    truth[a] = TruthLayout(rng, a, s.Waypoints);
                    drawn = Boxes(actors[a], truth[a], scene, rast);
                }
                boxes[a] = drawn ?? throw new InvalidOperationException($"case {c}: no walk of {actors[a].Id} stayed in view in 20 draws");
                float wrongSize = 1 + (float)(rng.NextDouble() * 0.4 - 0.2);
                var lifted = Lifter.Lift(boxes[a], boxes[a][0].Height / View * wrongSize, distorted, camera, 0f, actors[a].Height);
                liftNotes.AddRange(lifted.Notes.Select(n => $"{actors[a].Id}: {n}"));
                liftScales[a] = (lifted.ScaleFromDirector, lifted.ScaleFromBoxes, truth[a].Scale);
                starts[a] = ActorLayout.FromLifted(actors[a].Id, lifted);
            }
            var input = actors.Select((x, a) => new RefineActor(x, starts[a], boxes[a])).ToArray();
            var proc = Process.GetCurrentProcess();
            proc.Refresh();
            var cpu0 = proc.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var result = Refiner.Refine(scene, input, new RefineOptions { Iterations = s.Iterations, Resolution = s.Resolution, Threads = s.Threads, Seed = c }, cancellation);
            double seconds = sw.Elapsed.TotalSeconds;
            proc.Refresh();
            double cpuSeconds = (proc.TotalProcessorTime - cpu0).TotalSeconds;
            totalSeconds += seconds;
            totalCpu += cpuSeconds;
            for (int a = 0; a < actors.Length; a++)
            {
                var r = result.Reports[a];
                float before = MeanDistance(truth[a], starts[a]), after = MeanDistance(truth[a], result.Layouts[a]);
                var skating = Composer.FootSkating(actors[a], Composer.Track(actors[a], result.Layouts[a], scene), Fps);
                var skatingStart = Composer.FootSkating(actors[a], Composer.Track(actors[a], starts[a], scene), Fps);
                var skatingTruth = Composer.FootSkating(actors[a], Composer.Track(actors[a], truth[a], scene), Fps);
                var row = r.ToJsonNode();
                row["case"] = c;
                row["truthDistance"] = new JsonObject { ["initial"] = before, ["final"] = after };
                row["footSkating"] = new JsonObject { ["initial"] = skatingStart, ["final"] = skating, ["truth"] = skatingTruth };
                row["liftScale"] = new JsonObject { ["director"] = liftScales[a].Director, ["boxes"] = liftScales[a].Boxes, ["truth"] = liftScales[a].Truth };
                rows.Add(row);
                lines.Add($"case {c} {r.ActorId,-6} total {r.TotalInitial:0.0000} → {r.TotalFinal:0.0000}   box {r.Term("box").Initial:0.0000} → {r.Term("box").Final:0.0000}   " +
                          $"ground {r.Term("ground").Initial:0.0000} → {r.Term("ground").Final:0.0000}   penetration {r.Term("penetration").Initial:0.0000} → {r.Term("penetration").Final:0.0000}   " +
                          $"to truth {before:0.000} → {after:0.000} m   scale {r.ScaleInitial:0.000} → {r.ScaleFinal:0.000} (truth {liftScales[a].Truth:0.000}; director {liftScales[a].Director:0.000}, boxes {liftScales[a].Boxes:0.000})   skating {skatingStart:0.000} → {skating:0.000} m/s (truth path {skatingTruth:0.000})");
            }
            lines.AddRange(liftNotes.Select(n => $"case {c} lift: {n}"));
            lines.Add($"case {c}: {s.Iterations} iterations (best {result.Reports[0].BestIteration}) in {seconds:0.00} s wall, {cpuSeconds:0.00} s CPU");
            if (s.Out is not null)
            {
                WriteOverlay(Path.Combine(s.Out, $"refine-case{c}-before.png"), scene, actors, starts, boxes, rast);
                WriteOverlay(Path.Combine(s.Out, $"refine-case{c}-after.png"), scene, actors, result.Layouts, boxes, rast);
            }
        }
        var summary = new JsonObject
        {
            ["actors"] = actors.Length, ["waypoints"] = s.Waypoints, ["resolution"] = s.Resolution, ["iterations"] = s.Iterations,
            ["cases"] = s.Cases, ["meanSeconds"] = Math.Round(totalSeconds / s.Cases, 3), ["meanCpuSeconds"] = Math.Round(totalCpu / s.Cases, 3), ["threads"] = s.Threads ?? Environment.ProcessorCount, ["rows"] = rows,
        };
        if (s.Out is not null) AtomicFile.WriteAllText(Path.Combine(s.Out, "refine-bench.json"), summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (s.Json) Console.WriteLine(summary.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        else
        {
            Console.WriteLine($"refine: {actors.Length} actors × {s.Waypoints} waypoints, {s.Resolution} px, {s.Iterations} iterations, {s.Threads ?? Environment.ProcessorCount} threads");
            foreach (var l in lines) Console.WriteLine(l);
            Console.WriteLine($"mean {totalSeconds / s.Cases:0.00} s wall, {totalCpu / s.Cases:0.00} s CPU per refinement (wall on a shared machine depends on its load)");
        }
        return 0;
    }

    /// <summary>A flat checkered ground of round splats over x ∈ [−7, 7], z ∈ [−1, 17].</summary>
    static GaussianCloud GroundPlane()
    {
        const float step = 0.12f;
        int nx = (int)(14 / step), nz = (int)(18 / step);
        var g = new GaussianCloud(nx * nz);
        float ls = MathF.Log(step * 0.7f), flat = MathF.Log(0.01f);
        for (int i = 0; i < nx; i++)
            for (int k = 0; k < nz; k++)
            {
                int n = i * nz + k;
                float x = -7 + i * step, z = -1 + k * step;
                g.SetPosition(n, new Vector3(x, 0, z));
                g.SetLogScale(n, new Vector3(ls, flat, ls));
                g.Opacity[n] = 4f;
                bool check = ((int)MathF.Floor(x) + (int)MathF.Floor(z)) % 2 == 0;
                g.SetColor(n, check ? new Vector3(0.42f, 0.55f, 0.33f) : new Vector3(0.36f, 0.48f, 0.28f));
            }
        return g;
    }

    /// <summary>A smooth curved walk of 3–6 m at 4–9 m from the camera; the second actor crosses the first.</summary>
    static ActorLayout TruthLayout(Random rng, int actor, int waypoints)
    {
        float R(float lo, float hi) => lo + (float)rng.NextDouble() * (hi - lo);
        float side = actor == 0 ? -1 : 1;
        var a = new Vector3(side * R(1.5f, 2.8f), 0, R(4, 6));
        var b = new Vector3(-side * R(1.0f, 2.5f), 0, R(5, 8.5f));
        var mid = (a + b) / 2 + new Vector3(R(-0.6f, 0.6f), 0, R(-1.2f, 1.2f));
        var path = new CatmullRomPath([a, mid, b]);
        var pts = Enumerable.Range(0, waypoints).Select(i => path.Evaluate(path.Length * i / (waypoints - 1))).ToArray();
        return new ActorLayout(actor == 0 ? "woman" : "alien", pts, R(0.92f, 1.08f));
    }

    /// <summary>The boxes a perfect director would draw: the rendered actor's alpha > ½ extent at each waypoint; null when it is out of view at one.</summary>
    static PixelBox[]? Boxes(ComposedActor actor, ActorLayout layout, ComposeScene scene, GaussianRasterizer rast)
    {
        var (path, timing) = Composer.Plan(actor, layout, scene);
        var boxes = new PixelBox[layout.Waypoints.Count];
        for (int i = 0; i < boxes.Length; i++)
        {
            float arc = path.ArcLengthAt(i);
            var frame = new ActorFrame(layout.Waypoints[i], TrackBuilder.YawOf(path.SmoothedHeading(arc, 0.25f), 0), layout.Scale, timing.MotionTimeAt(timing.TimeAtArcLength(arc)));
            var r = rast.Render([actor.Instance(frame)], scene.Camera, new RenderOptions { ShDegree = 0 });
            int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
            for (int y = 0; y < r.Height; y++)
                for (int x = 0; x < r.Width; x++)
                    if (r.Alpha[y * r.Width + x] > 0.5f) { x0 = Math.Min(x0, x); y0 = Math.Min(y0, y); x1 = Math.Max(x1, x); y1 = Math.Max(y1, y); }
            if (x1 < 0) return null;
            boxes[i] = new PixelBox(x0, y0, x1 + 1, y1 + 1);
        }
        return boxes;
    }

    /// <summary>Depth with a smooth multiplicative error of up to ±12 % (a monocular depth model's typical error).</summary>
    static float[] Distort(float[] depth, int w, int h, Random rng)
    {
        float a = (float)(rng.NextDouble() * 0.16 - 0.08), b = (float)(rng.NextDouble() * 0.08 - 0.04), ph = (float)(rng.NextDouble() * 6.28);
        var d = new float[depth.Length];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                float u = x / (float)w, v = y / (float)h;
                d[y * w + x] = depth[y * w + x] * (1 + a * (v - 0.5f) * 2 + b * MathF.Sin(6 * u + ph));
            }
        return d;
    }

    static float MeanDistance(ActorLayout a, ActorLayout b) => a.Waypoints.Zip(b.Waypoints, Vector3.Distance).Average();

    static void WriteOverlay(string path, ComposeScene scene, ComposedActor[] actors, IReadOnlyList<ActorLayout> layouts, PixelBox[][] boxes, GaussianRasterizer rast)
    {
        var tracks = actors.Select((a, i) => Composer.Track(a, layouts[i], scene)).ToArray();
        int mid = scene.FrameCount / 2;
        var instances = new List<CloudInstance> { new(scene.Cloud!) };
        var posed = actors.Select((a, i) => new CloudInstance(a.Pose(tracks[i].Frames[mid].MotionTime).Clone(), tracks[i].Frames[mid].Transform)).ToArray();
        instances.AddRange(posed);
        var frame = rast.Render(instances, scene.Camera, new RenderOptions { Background = new Vector3(0.62f, 0.72f, 0.85f) }).ToImage();
        var overlay = Overlay.Draw(frame, scene.Camera, actors.Select((a, i) => new OverlayActor(tracks[i], boxes[i], Composer.ContactPoints(a, tracks[i], 6), a.Height)).ToArray());
        overlay.SavePng(path);
    }
}
