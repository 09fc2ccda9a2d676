using System.Numerics;
using C3V.Compose;
using C3V.Direct;

namespace C3V.Tests.Compose;

public class RefinerTests
{
    static readonly ComposeScene Scene = new(TestActors.Camera(), 0f, 10f, 2f, 12);

    /// <summary>A walker going left to right 3 m in front of the camera, and the boxes a perfect director would draw.</summary>
    static (ComposedActor Actor, ActorLayout Truth, PixelBox[] Boxes) Setup(int waypoints = 5, string id = "walker", float z = 2f, float x0 = -1.2f, float x1 = 1.4f)
    {
        var actor = TestActors.Walker(id);
        var pts = Enumerable.Range(0, waypoints).Select(i => new Vector3(x0 + (x1 - x0) * i / (waypoints - 1), 0, z)).ToArray();
        var truth = new ActorLayout(id, pts, 1f);
        var path = new CatmullRomPath(pts);
        var timing = PathTiming.Plan(path.Length, Scene.Duration, actor.NaturalSpeed, 1f);
        var boxes = pts.Select((p, i) =>
        {
            float arc = path.ArcLengthAt(i);
            var frame = new ActorFrame(p, TrackBuilder.YawOf(path.SmoothedHeading(arc, 0.3f), 0), 1f, timing.MotionTimeAt(timing.TimeAtArcLength(arc)));
            return TestActors.AlphaBox(actor, frame, Scene.Camera);
        }).ToArray();
        return (actor, truth, boxes);
    }

    /// <summary>
    /// Whether raw parameter <paramref name="k"/> is a waypoint's height (actors of <paramref name="waypoints"/>
    /// waypoints: scale, then x y z per waypoint). The refiner deliberately leaves the image terms' (box,
    /// in-frame, prior) gradients out of the heights — an actor must stand on the ground, not float into its
    /// box — so there the analytic gradient is not the objective's finite difference.
    /// </summary>
    static bool IsHeight(int k, int waypoints)
    {
        int inActor = k % (1 + 3 * waypoints);
        return inActor > 0 && (inActor - 1) % 3 == 1;
    }

    static ActorLayout Shifted(ActorLayout l, Vector3 by, float scale) => l with { Waypoints = l.Waypoints.Select(p => p + by).ToArray(), Scale = l.Scale * scale };

    [Fact]
    public void Box_gradient_matches_finite_differences()
    {
        // A standing column: its pose does not depend on the path's timing and it looks the same at every
        // yaw (both are held fixed by the gradient: the clip's time and the heading are not optimised).
        var (walker, truth, boxes) = Setup(3);
        var actor = new ComposedActor("walker", TestActors.Column(walker.Skin.Skeleton), TestActors.Stand(walker.Skin.Skeleton));
        var actors = new[] { new RefineActor(actor, Shifted(truth, new Vector3(0.2f, 0, 0.3f), 1.03f), boxes) };
        var options = new RefineOptions { Resolution = 96, GroundWeight = 0, InFrameWeight = 0, PenetrationWeight = 0, SmoothnessWeight = 0, Threads = 1 };
        var raw = new float[1 + 3 * 3];
        raw[0] = 0.3f; raw[4] = -0.2f;
        var (_, grad, _) = Refiner.Evaluate(Scene, actors, options, raw);
        var fds = new double[raw.Length];
        for (int k = 0; k < raw.Length; k++)
        {
            if (IsHeight(k, 3)) { Assert.Equal(0f, grad[k]); continue; } // by design: see IsHeight
            const float h = 0.05f;
            var plus = (float[])raw.Clone(); plus[k] += h;
            var minus = (float[])raw.Clone(); minus[k] -= h;
            double fd = (Refiner.Evaluate(Scene, actors, options, plus).Objective - Refiner.Evaluate(Scene, actors, options, minus).Objective) / (2 * h);
            fds[k] = fd;
            Assert.True(Math.Abs(fd - grad[k]) <= 0.3 * Math.Abs(fd) + 5e-3, $"param {k}: analytic {grad[k]}, finite difference {fd}");
        }
        double dot = 0, na = 0, nb = 0;
        for (int k = 0; k < raw.Length; k++) { dot += fds[k] * grad[k]; na += fds[k] * fds[k]; nb += (double)grad[k] * grad[k]; }
        Assert.True(dot / Math.Sqrt(na * nb) > 0.95, $"cosine {dot / Math.Sqrt(na * nb)}");
    }

    [Fact]
    public void Geometric_terms_gradients_match_finite_differences()
    {
        // standing actors: their poses at the waypoints do not move with the path's length
        var (wa, ta, _) = Setup(4, "a");
        var (wb, tb, _) = Setup(4, "b", z: 2.2f, x0: 1.4f, x1: -1.2f);
        var a = new ComposedActor("a", wa.Skin, TestActors.Stand(wa.Skin.Skeleton));
        var b = new ComposedActor("b", wb.Skin, TestActors.Stand(wb.Skin.Skeleton));
        var actors = new[]
        {
            new RefineActor(a, Shifted(ta, new Vector3(-2.2f, 0.1f, 0), 1f), []),
            new RefineActor(b, Shifted(tb, new Vector3(0, -0.05f, 0), 1f), []),
        };
        var scene = Scene with { Obstacles = [new Obstacle(new Vector3(0, 0, 2.1f), 0.3f)] };
        var options = new RefineOptions { Resolution = 64, BoxWeight = 0, SmoothnessWeight = 1, Threads = 1, OffsetTau = 1f };
        var raw = new float[2 * (1 + 3 * 4)];
        var rng = new Random(3);
        for (int i = 0; i < raw.Length; i++) raw[i] = (float)(rng.NextDouble() - 0.5);
        var (_, grad, _) = Refiner.Evaluate(scene, actors, options, raw);
        // Positions along the path are differentiated with the spline's knots and arc-length mapping held
        // fixed (a stop-gradient), so components differ a little from the full finite difference; the
        // direction must agree closely and no component may have the wrong sign where it matters.
        var fd = new double[raw.Length];
        for (int k = 0; k < raw.Length; k++)
        {
            if (IsHeight(k, 4)) continue; // by design: see IsHeight
            const float h = 1e-3f;
            var plus = (float[])raw.Clone(); plus[k] += h;
            var minus = (float[])raw.Clone(); minus[k] -= h;
            fd[k] = (Refiner.Evaluate(scene, actors, options, plus).Objective - Refiner.Evaluate(scene, actors, options, minus).Objective) / (2 * h);
            Assert.True(Math.Abs(fd[k] - grad[k]) <= 0.35 * Math.Abs(fd[k]) + 2e-3, $"param {k}: analytic {grad[k]}, finite difference {fd[k]}");
        }
        double dot = 0, na = 0, nb = 0;
        for (int k = 0; k < raw.Length; k++)
            if (!IsHeight(k, 4)) { dot += fd[k] * grad[k]; na += fd[k] * fd[k]; nb += (double)grad[k] * grad[k]; }
        Assert.True(dot / Math.Sqrt(na * nb) > 0.97, $"cosine {dot / Math.Sqrt(na * nb)}");
    }

    [Fact]
    public void Refinement_pulls_a_misplaced_actor_back_into_its_boxes()
    {
        var (actor, truth, boxes) = Setup(5);
        var start = Shifted(truth, new Vector3(0.35f, 0, 0.4f), 1.04f);
        var result = Refiner.Refine(Scene, [new RefineActor(actor, start, boxes)], new RefineOptions { Resolution = 96, Iterations = 30 });
        var report = result.Reports[0];
        Assert.True(report.Term("box").Final < 0.6f * report.Term("box").Initial, $"box {report.Term("box").Initial} → {report.Term("box").Final}");
        Assert.True(report.TotalFinal < report.TotalInitial);
        float before = truth.Waypoints.Zip(start.Waypoints, Vector3.Distance).Average();
        float after = truth.Waypoints.Zip(result.Layouts[0].Waypoints, Vector3.Distance).Average();
        // the image fixes the feet's pixel and the size; depth is pinned by the feet on the ground, weakly at 96 px
        var axes = truth.Waypoints.Zip(result.Layouts[0].Waypoints, (t, q) => Vector3.Abs(t - q)).Aggregate(Vector3.Zero, (x, y) => x + y) / truth.Waypoints.Count;
        Assert.True(after < 0.85f * before, $"mean distance to the truth {before} → {after} (per axis {axes}, scale {result.Layouts[0].Scale}, box {report.Term("box").Final})");
        Assert.Equal(30, report.Iterations);
        // pulling into the boxes never lifts the feet off the ground: the heights are ground contact's alone
        Assert.True(report.Term("ground").Final <= report.Term("ground").Initial, $"ground {report.Term("ground").Initial} → {report.Term("ground").Final}");
        Assert.True(report.Term("ground").Final < 1e-4f, $"ground {report.Term("ground").Final}");
    }

    [Fact]
    public void Offsets_and_scale_stay_within_their_bounds()
    {
        var (actor, truth, boxes) = Setup(3);
        // boxes far to the left: the optimiser wants to go much further than allowed
        var far = boxes.Select(b => new PixelBox(Math.Max(0, b.Left - 30), b.Top, Math.Max(2, b.Right - 30), b.Bottom)).ToArray();
        var result = Refiner.Refine(Scene, [new RefineActor(actor, truth, far)], new RefineOptions { Resolution = 96, Iterations = 25, OffsetTau = 0.2f, ScaleTau = 0.1f, LearningRate = 0.5f });
        foreach (var (p, q) in truth.Waypoints.Zip(result.Layouts[0].Waypoints))
        {
            var d = q - p;
            Assert.True(MathF.Abs(d.X) <= 0.1f + 1e-5f && MathF.Abs(d.Y) <= 0.1f + 1e-5f && MathF.Abs(d.Z) <= 0.1f + 1e-5f, $"offset {d}");
        }
        Assert.InRange(result.Layouts[0].Scale, 0.95f - 1e-5f, 1.05f + 1e-5f);
    }

    [Fact]
    public void Zero_iterations_keep_the_start_and_the_result_is_never_worse()
    {
        var (actor, truth, boxes) = Setup(3);
        var start = Shifted(truth, new Vector3(0.1f, 0.05f, 0), 1f);
        var none = Refiner.Refine(Scene, [new RefineActor(actor, start, boxes)], new RefineOptions { Resolution = 64, Iterations = 0 });
        Assert.Equal(start.Waypoints, none.Layouts[0].Waypoints);
        Assert.Equal(none.Reports[0].TotalInitial, none.Reports[0].TotalFinal);
        // a step far too large makes Adam overshoot; the kept iterate is still no worse than the start
        var wild = Refiner.Refine(Scene, [new RefineActor(actor, start, boxes)], new RefineOptions { Resolution = 64, Iterations = 6, LearningRate = 20f });
        Assert.True(wild.Reports[0].TotalFinal <= wild.Reports[0].TotalInitial);
    }

    [Fact]
    public void Crossing_actors_are_pushed_apart_and_floating_ones_put_on_the_ground()
    {
        var (a, ta, _) = Setup(4, "a");
        var (b, tb, _) = Setup(4, "b", z: 2.1f, x0: 1.4f, x1: -1.2f);
        var actors = new[]
        {
            new RefineActor(a, Shifted(ta, new Vector3(0, 0.15f, 0), 1f), []),
            new RefineActor(b, tb, []),
        };
        var result = Refiner.Refine(Scene, actors, new RefineOptions { Resolution = 64, Iterations = 40, OffsetTau = 1f });
        var ra = result.Reports[0];
        Assert.True(ra.Term("penetration").Initial > 0);
        Assert.True(ra.Term("penetration").Final < 0.5f * ra.Term("penetration").Initial, $"penetration {ra.Term("penetration").Initial} → {ra.Term("penetration").Final}");
        Assert.True(ra.Term("ground").Final < 0.3f * ra.Term("ground").Initial, $"ground {ra.Term("ground").Initial} → {ra.Term("ground").Final}");
        Assert.DoesNotContain(ra.Terms, t => t.Name == "prior");
        var json = ra.ToJsonNode();
        Assert.NotNull(json["terms"]!["box"]!["initial"]);
        Assert.NotNull(json["total"]!["final"]);
    }

    [Fact]
    public void A_clip_that_never_plants_a_foot_is_not_pulled_to_the_ground()
    {
        // hovering: the standing pose with no foot contact anywhere in the clip (a flying creature's clip)
        var (walker, truth, _) = Setup(4);
        var stand = TestActors.Stand(walker.Skin.Skeleton);
        var none = new bool[stand.FrameCount];
        var hover = new ComposedActor("walker", walker.Skin, new C3V.Actors.MotionClip("hover", ["hover"], stand.Fps, stand.Rotations, stand.Root, stand.Loop, stand.Skeleton, none, none));
        var start = Shifted(truth, new Vector3(0, 0.6f, 0), 1f);
        var result = Refiner.Refine(Scene, [new RefineActor(hover, start, [])], new RefineOptions { Resolution = 48, Iterations = 10 });
        Assert.Equal(0f, result.Reports[0].Term("ground").Initial);
        Assert.All(result.Layouts[0].Waypoints, p => Assert.Equal(0.6f, p.Y, 3));
    }

    [Fact]
    public void An_actor_walking_out_of_the_picture_is_brought_back_in()
    {
        var (a, ta, _) = Setup(4, "a", x0: 1.5f, x1: 4.5f);
        var result = Refiner.Refine(Scene, [new RefineActor(a, ta, [])], new RefineOptions { Resolution = 64, Iterations = 40, OffsetTau = 3f });
        var r = result.Reports[0];
        Assert.True(r.Term("inFrame").Final < 0.5f * r.Term("inFrame").Initial, $"inFrame {r.Term("inFrame").Initial} → {r.Term("inFrame").Final}");
    }

    [Fact]
    public void Walking_at_the_natural_speed_keeps_the_feet_from_skating()
    {
        var (actor, truth, _) = Setup(5);
        var scene = Scene with { Duration = 2f, Fps = 30 };
        var track = Composer.Track(actor, truth, scene);
        float natural = Composer.FootSkating(actor, track, scene.Fps);
        // the same path with the clip played at the wrong rate (feet sweep at half the ground speed)
        var wrong = new ActorTrack(actor.Id, track.Frames.Select(f => f with { MotionTime = f.MotionTime * 0.5f }).ToArray());
        float skating = Composer.FootSkating(actor, wrong, scene.Fps);
        Assert.True(natural < 0.25f, $"natural-speed skating {natural} m/s");
        Assert.True(skating > 2 * natural, $"wrong-rate skating {skating} vs {natural}");
    }
}
