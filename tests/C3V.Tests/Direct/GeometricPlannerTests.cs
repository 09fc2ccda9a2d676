using System.Numerics;
using C3V.Direct;
using C3V.Direct.Rules;
using C3V.Output;
using C3V.Render;

namespace C3V.Tests.Direct;

public class GeometricPlannerTests
{
    /// <summary>
    /// A synthetic view: a camera 1.6 m above flat ground (y = 0) looking down the +z axis, depth as the ground
    /// plane gives it, and a 2 m wide wall standing at z = 4 whose pixels are nearer than the ground behind.
    /// </summary>
    internal static (Camera Camera, float[] Depth, Image Image) Scene(int w = 192, int h = 144)
    {
        var cam = Camera.LookAt(new Vector3(0, 1.6f, -6), new Vector3(0, 0.5f, 2), Vector3.UnitY, 60 * MathF.PI / 180, w, h);
        var depth = new float[w * h];
        var img = new Image(w, h);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                var px = new Vector2(x + 0.5f, y + 0.5f);
                var d = cam.RayDirection(px);
                float z = float.PositiveInfinity;
                if (d.Y < 0)
                {
                    var g = cam.Position + (-cam.Position.Y / d.Y) * d;
                    z = cam.WorldToCamera(g).Z;
                    img.Rgb[(y * w + x) * 3 + 1] = 0.5f;
                }
                // the wall: x in [-1, 1], y in [0, 2], plane z = 4
                float t = (4 - cam.Position.Z) / d.Z;
                var p = cam.Position + t * d;
                if (t > 0 && MathF.Abs(p.X) <= 1 && p.Y >= 0 && p.Y <= 2)
                {
                    float wz = cam.WorldToCamera(p).Z;
                    if (wz < z) { z = wz; img.Rgb[(y * w + x) * 3] = 0.8f; }
                }
                depth[y * w + x] = float.IsFinite(z) ? z : 0;
            }
        return (cam, depth, img);
    }

    static PlacementRequest Request(ScenePlan plan, string actorId, IReadOnlyList<Placement>? placed = null)
    {
        var (cam, depth, img) = Scene();
        var landmarks = new[]
        {
            ProjectedLandmark.Project("cabin door", ["door"], new Vector3(-2.5f, 0, 2), cam),
            ProjectedLandmark.Project("mower", [], new Vector3(2.2f, 0, -2), cam),
        };
        return new PlacementRequest
        {
            Plan = plan, Actor = plan.FindActor(actorId)!, Reference = img, Depth = depth, Camera = cam,
            Landmarks = landmarks, Placed = placed ?? [],
        };
    }

    [Fact]
    public void Alien_walks_from_the_door_to_the_mower_on_a_curved_walkable_path_in_frame()
    {
        var plan = new RuleDirector().Plan("an alien walking on the floor, starting from the cabin's door to the mower near the bottom right corner of the image");
        var req = Request(plan, "alien");
        var p = new GeometricPlanner().Place(req);
        Assert.Null(p.Problem());
        Assert.Equal(20, p.Waypoints.Count);
        Assert.Equal("rules", p.Producer);
        var door = req.Landmarks[0].Pixel;
        var mower = req.Landmarks[1].Pixel;
        Assert.True(Vector2.Distance(p.Start.BottomCenter, door) < 25, $"start {p.Start} far from the door at {door}");
        Assert.True(Vector2.Distance(p.End.BottomCenter, mower) < 25, $"end {p.End} far from the mower at {mower}");
        // perspective: the mower is nearer the camera, so the alien is taller there
        Assert.True(p.End.Height > p.Start.Height);
        Assert.Equal(p.Start.Height / 144.0, p.Scale, 3);
        // a curve, not a straight line in the image
        float maxOff = p.Waypoints.Max(b => DistanceToLine(b.BottomCenter, p.Start.BottomCenter, p.End.BottomCenter));
        Assert.True(maxOff > 3, $"path deviates only {maxOff} px from the straight line");
        // no waypoint stands on the wall (its feet pixel would see the wall, nearer than the ground)
        var (cam, depth, _) = Scene();
        var ctx = new GeometricPlanner().Prepare(req);
        foreach (var b in p.Waypoints)
        {
            var g = ctx.GroundPoint(b.BottomCenter)!.Value;
            Assert.False(MathF.Abs(g.X) < 0.9f && MathF.Abs(g.Z - 4) < 0.3f, $"waypoint {b} is inside the wall");
        }
        Assert.Equal(4, p.Answers.Count);
        Assert.All(p.Answers, a => Assert.Equal(StepSource.Planner, a.Source));
        _ = cam; _ = depth;
    }

    static float DistanceToLine(Vector2 p, Vector2 a, Vector2 b)
    {
        var d = Vector2.Normalize(b - a);
        var v = p - a;
        return MathF.Abs(v.X * d.Y - v.Y * d.X);
    }

    [Fact]
    public void Walls_are_not_walkable_and_the_ground_is()
    {
        var plan = new RuleDirector().Plan("a robot dances");
        var ctx = new GeometricPlanner().Prepare(Request(plan, "robot"));
        var (cam, _, _) = Scene();
        var wallFoot = cam.Project(new Vector3(0, 1.0f, 4)).Pixel; // the middle of the wall
        var ground = cam.Project(new Vector3(-2, 0, 0)).Pixel;
        Assert.False(ctx.IsWalkable(wallFoot));
        Assert.True(ctx.IsWalkable(ground));
        Assert.DoesNotContain(ctx.Walkable, c => c.Y < cam.Project(new Vector3(0, 0, 400)).Pixel.Y - 2); // nothing above the horizon
    }

    [Fact]
    public void Dancers_stay_in_place_apart_and_regions_are_respected()
    {
        var plan = new RuleDirector().Plan("an alien waves on the right side of the image while a robot jumps on the left");
        var planner = new GeometricPlanner();
        var alien = planner.Place(Request(plan, "alien"));
        var robot = planner.Place(Request(plan, "robot", [alien]));
        Assert.All(alien.Waypoints, b => Assert.Equal(alien.Start, b));
        Assert.True(alien.Start.Center.X > 192 * 0.6f, $"alien at {alien.Start}");
        Assert.True(robot.Start.Center.X < 192 * 0.4f, $"robot at {robot.Start}");
    }

    [Fact]
    public void Second_walker_keeps_clear_of_the_first()
    {
        var plan = new RuleDirector().Plan("a man and a woman walk across the floor");
        var planner = new GeometricPlanner();
        var man = planner.Place(Request(plan, "man"));
        var womanReq = Request(plan, "woman", [man]);
        var woman = planner.Place(womanReq);
        var ctx = planner.Prepare(womanReq);
        for (int i = 0; i < 20; i++)
        {
            var a = ctx.GroundPoint(man.Waypoints[i].BottomCenter)!.Value;
            var b = ctx.GroundPoint(woman.Waypoints[i].BottomCenter)!.Value;
            Assert.True(Vector3.Distance(a, b) > 0.6f, $"at waypoint {i} they are {Vector3.Distance(a, b):0.00} m apart");
        }
        Assert.All(woman.Waypoints, b => Assert.Null(b.Problem(192, 144)));
    }

    [Fact]
    public void Two_actors_acting_in_place_stand_a_natural_distance_apart_keeping_left_and_right()
    {
        var planner = new GeometricPlanner();
        foreach (var (prompt, left, right) in new[]
        {
            ("an alien waves on the right side of the image while a robot jumps on the left", "robot", "alien"),
            ("a man in a black suit playing kung fu and a woman in ski clothes dancing on a simple stage", "man", "woman"),
        })
        {
            var plan = new RuleDirector().Plan(prompt);
            var first = planner.Place(Request(plan, plan.Actors[0].Id));
            var second = planner.Place(Request(plan, plan.Actors[1].Id, [first]));
            var byId = new[] { first, second }.ToDictionary(p => p.ActorId);
            var ctx = planner.Prepare(Request(plan, left));
            var a = ctx.GroundPoint(byId[left].Start.BottomCenter)!.Value;
            var b = ctx.GroundPoint(byId[right].Start.BottomCenter)!.Value;
            float apart = Vector3.Distance(a, b);
            Assert.InRange(apart, 1.5f, 3f);
            Assert.True(byId[left].Start.Center.X < byId[right].Start.Center.X, $"{prompt}: {left} at {byId[left].Start}, {right} at {byId[right].Start}");
        }
    }

    [Fact]
    public void Walking_to_a_landmark_stops_clear_of_its_footprint_on_the_side_it_comes_from()
    {
        var plan = new RuleDirector().Plan("an alien walking on the floor, starting from the cabin's door to the mower near the bottom right corner of the image");
        var req = Request(plan, "alien");
        var mowerAt = new Vector3(2.2f, 0, -2);
        req = req with { Landmarks = [req.Landmarks[0], ProjectedLandmark.Project("mower", [], mowerAt, req.Camera, radius: 0.6f)] };
        var planner = new GeometricPlanner();
        var p = planner.Place(req);
        var ctx = planner.Prepare(req);
        var end = ctx.GroundPoint(p.End.BottomCenter)!.Value;
        var start = ctx.GroundPoint(p.Start.BottomCenter)!.Value;
        float gap = new Vector2(end.X - mowerAt.X, end.Z - mowerAt.Z).Length();
        Assert.True(gap >= 0.6f + 0.17f * 1.75f, $"the alien stops {gap:0.00} m from the mower's centre, inside it");
        Assert.True(gap < 1.6f, $"the alien stops {gap:0.00} m from the mower, not at it");
        // on the door's side of the mower: nearer the start than the mower is
        Assert.True(Vector3.Distance(end, start) < Vector3.Distance(mowerAt, start), "the alien ends beyond the mower");
    }

    [Fact]
    public void Walking_to_a_large_landmark_ends_near_its_point_not_its_radius_away()
    {
        // A house: its point is the spot in front of its door, its extent 4 m. Stopping 4 m + out looked like giving up.
        var plan = new RuleDirector().Plan("an alien walking on the floor, starting from the cabin's door to the mower near the bottom right corner of the image");
        var req = Request(plan, "alien");
        var houseAt = new Vector3(2.2f, 0, -2);
        req = req with { Landmarks = [req.Landmarks[0], ProjectedLandmark.Project("mower", [], houseAt, req.Camera, radius: 4f)] };
        var planner = new GeometricPlanner();
        var end = planner.Prepare(req).GroundPoint(planner.Place(req).End.BottomCenter)!.Value;
        float gap = new Vector2(end.X - houseAt.X, end.Z - houseAt.Z).Length();
        Assert.InRange(gap, 1.0f, 2.2f);
    }

    [Fact]
    public void An_actor_at_a_landmark_by_the_edge_of_the_view_is_kept_inside_it_with_a_margin()
    {
        var plan = new RuleDirector().Plan("a red robot walks from the door to the window in a living room");
        var req = Request(plan, "robot");
        var cam = req.Camera;
        // a door right at the right edge of the view, and a window on the left
        var door = new GeometricPlanner().Prepare(req).GroundPoint(new Vector2(191, 110))!.Value;
        req = req with
        {
            Landmarks = [ProjectedLandmark.Project("door", [], door, cam), ProjectedLandmark.Project("window", [], new Vector3(-1.5f, 0, 1), cam)],
        };
        var p = new GeometricPlanner().Place(req);
        float margin = 0.05f * 192 - 0.01f;
        Assert.All(p.Waypoints.Append(p.Start).Append(p.End), b => Assert.True(b.Left >= margin && b.Right <= 192 - margin, $"box {b} is within {margin} px of the edge"));
    }

    [Fact]
    public void An_actor_placed_freely_does_not_stand_on_the_path_of_one_placed_before()
    {
        var plan = new RuleDirector().Plan("a man runs from the car to the house, then a woman waves at him");
        var planner = new GeometricPlanner();
        var man = planner.Place(Request(plan, "man"));
        var req = Request(plan, "woman", [man]);
        var woman = planner.Place(req);
        var ctx = planner.Prepare(req);
        var her = ctx.GroundPoint(woman.Start.BottomCenter)!.Value;
        float nearest = man.Waypoints.Min(b => Vector3.Distance(ctx.GroundPoint(b.BottomCenter)!.Value, her));
        Assert.True(nearest > 1f, $"the woman stands {nearest:0.00} m from the man's path");
        // and does not hide him (or stand hidden behind him) at any moment
        Assert.DoesNotContain(man.Waypoints, b => b.Left < woman.Start.Right && woman.Start.Left < b.Right && b.Top < woman.Start.Bottom && woman.Start.Top < b.Bottom);
    }

    [Fact]
    public void A_loop_around_a_landmark_returns_to_its_start()
    {
        var plan = new RuleDirector().Plan("a dog runs around the mower");
        var p = new GeometricPlanner().Place(Request(plan, "dog"));
        Assert.Equal(p.Start, p.End);
        float spread = p.Waypoints.Max(b => Vector2.Distance(b.BottomCenter, p.Start.BottomCenter));
        Assert.True(spread > 10, $"the loop spans only {spread} px");
    }
}

public class PlacementOverlayTests
{
    /// <summary>Draws two placements over the synthetic view (kept in the test output folder to look at).</summary>
    [Fact]
    public void Overlay_draws_boxes_paths_and_labels_in_the_actors_colours()
    {
        var (cam, depth, img) = GeometricPlannerTests.Scene(384, 288);
        var plan = new RuleDirector().Plan("an alien walking from the cabin's door to the mower, while a robot dances on the left");
        var landmarks = new[]
        {
            ProjectedLandmark.Project("cabin door", ["door"], new Vector3(-2.5f, 0, 2), cam),
            ProjectedLandmark.Project("mower", [], new Vector3(2.2f, 0, -2), cam),
        };
        var planner = new GeometricPlanner();
        var placed = new List<Placement>();
        foreach (var a in plan.Actors)
            placed.Add(planner.Place(new PlacementRequest { Plan = plan, Actor = a, Reference = img, Depth = depth, Camera = cam, Landmarks = landmarks, Placed = placed.ToList() }));
        var png = PlacementOverlay.Render(img, placed, landmarks);
        string path = Path.Combine(AppContext.BaseDirectory, "placement-overlay.png");
        File.WriteAllBytes(path, png);
        var back = Image.Load(path);
        // the alien's start box edge is drawn in the first palette colour (red) where the view was green/black
        var s = placed[0].Start;
        int x = (int)MathF.Round(s.Left), y = (int)((s.Top + s.Bottom) / 2);
        bool red = Enumerable.Range(x - 2, 5).Any(xx => back.Rgb[(y * back.Width + xx) * 3] > 0.8f && back.Rgb[(y * back.Width + xx) * 3 + 2] > 0.2f);
        Assert.True(red, $"no red edge near ({x}, {y})");
        Assert.Equal(2, placed.Count);
    }
}
