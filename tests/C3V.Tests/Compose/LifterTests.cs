using System.Numerics;
using C3V.Compose;
using C3V.Direct;
using C3V.Render;

namespace C3V.Tests.Compose;

public class LifterTests
{
    static readonly Camera Cam = Camera.LookAt(new Vector3(0, 1.6f, -6), new Vector3(0, 0.5f, 4), Vector3.UnitY, 0.9f, 160, 120);

    /// <summary>Exact z-depth of the plane y = 0 for every pixel (what a perfect renderer of flat ground gives).</summary>
    static float[] GroundDepth(Camera c, float ground = 0)
    {
        var depth = new float[c.Width * c.Height];
        for (int y = 0; y < c.Height; y++)
            for (int x = 0; x < c.Width; x++)
            {
                var dir = c.RayDirection(new Vector2(x + 0.5f, y + 0.5f));
                if (dir.Y >= -1e-6f) { depth[y * c.Width + x] = float.PositiveInfinity; continue; }
                var p = c.Position + (ground - c.Position.Y) / dir.Y * dir;
                depth[y * c.Width + x] = c.WorldToCamera(p).Z;
            }
        return depth;
    }

    static PixelBox BoxFor(Vector3 feet, float height)
    {
        var (a, _) = Cam.Project(feet);
        var (b, _) = Cam.Project(feet + new Vector3(0, height, 0));
        return PixelBox.FromFeet(a, 0.3f * (a.Y - b.Y), a.Y - b.Y);
    }

    [Fact]
    public void Waypoints_on_flat_ground_lift_back_to_where_they_were()
    {
        Vector3[] truth = [new(-1, 0, 2), new(0, 0, 3), new(1.5f, 0, 5)];
        var lifted = Lifter.Lift(truth.Select(p => BoxFor(p, 1.7f)).ToArray(), 0f, GroundDepth(Cam), Cam, 0f, 1.7f);
        for (int i = 0; i < truth.Length; i++)
        {
            Assert.Equal(LiftSource.Depth, lifted.Waypoints[i].Source);
            Assert.True(Vector3.Distance(truth[i], lifted.Waypoints[i].Position) < 0.08f, $"waypoint {i}: {lifted.Waypoints[i].Position}");
            Assert.Equal(0f, lifted.Waypoints[i].Position.Y);
        }
        Assert.Equal(1f, lifted.ScaleFromBoxes, 1);
        Assert.Empty(lifted.Notes);
    }

    [Fact]
    public void Director_scale_converts_through_the_actor_height_and_disagreement_is_reported()
    {
        var feet = new Vector3(0, 0, 3);
        float px = Lifter.PixelHeight(Cam, feet, 1.7f);
        // the director says the actor is twice as tall on screen as a 1.7 m person there
        var lifted = Lifter.Lift([BoxFor(feet, 1.7f)], 2 * px / Cam.Height, GroundDepth(Cam), Cam, 0f, 1.7f);
        Assert.Equal(2f, lifted.ScaleFromDirector, 1);
        Assert.Equal(1f, lifted.ScaleFromBoxes, 1);
        Assert.Equal(MathF.Cbrt(2f), lifted.Scale, 1); // geometric blend of 1, 2 and 1
        Assert.Contains(lifted.Notes, n => n.Contains("disagree"));
        var trustDirector = Lifter.Lift([BoxFor(feet, 1.7f)], 2 * px / Cam.Height, GroundDepth(Cam), Cam, 0f, 1.7f,
            new LiftOptions { RealHeightWeight = 0, BoxWeight = 0 });
        Assert.Equal(2f, trustDirector.Scale, 1);
    }

    [Fact]
    public void A_wildly_inconsistent_scale_source_is_rejected_not_blended()
    {
        Vector3[] feet = [new(-1, 0, 3), new(0, 0, 4), new(1, 0, 5)];
        var boxes = feet.Select(p => BoxFor(p, 1.7f)).ToArray();
        // the director's size is a tenth of what the boxes and the real height agree on (bench case 2 had ×12)
        float fraction = 0.1f * Lifter.PixelHeight(Cam, feet[0], 1.7f) / Cam.Height;
        var lifted = Lifter.Lift(boxes, fraction, GroundDepth(Cam), Cam, 0f, 1.7f);
        Assert.Equal(0.1f, lifted.ScaleFromDirector, 2);
        Assert.Equal(1f, lifted.Scale, 1);
        Assert.Contains(lifted.Notes, n => n.Contains("director") && n.Contains("ignored"));
        // a factor within the reject ratio is still blended
        var mild = Lifter.Lift(boxes, 1.5f * fraction / 0.1f, GroundDepth(Cam), Cam, 0f, 1.7f);
        Assert.Equal(MathF.Cbrt(1.5f), mild.Scale, 0.01f);
        Assert.DoesNotContain(mild.Notes, n => n.Contains("ignored"));
    }

    [Fact]
    public void A_box_cut_by_the_image_edge_does_not_set_the_scale()
    {
        Vector3[] feet = [new(0, 0, 3), new(0.3f, 0, 4), new(0.6f, 0, 5)];
        var boxes = feet.Select(p => BoxFor(p, 1.7f)).ToArray();
        // the actor walks in from the right: only the lower fifth of it shows, against the image's edge
        var first = BoxFor(new Vector3(3.4f, 0, 3), 1.7f);
        boxes = [new PixelBox(first.Left, first.Bottom - 0.2f * first.Height, Cam.Width, first.Bottom), .. boxes];
        var lifted = Lifter.Lift(boxes, 0f, GroundDepth(Cam), Cam, 0f, 1.7f, new LiftOptions { RealHeightWeight = 0 });
        Assert.Equal(1f, lifted.ScaleFromBoxes, 1);
    }

    [Fact]
    public void Missing_or_implausible_depth_falls_back_to_the_ground_ray()
    {
        var feet = new Vector3(0.5f, 0, 4);
        var depth = GroundDepth(Cam);
        var box = BoxFor(feet, 1.7f);
        var sky = (float[])depth.Clone();
        Array.Fill(sky, float.PositiveInfinity);
        var a = Lifter.Lift([box], 0, sky, Cam, 0f, 1.7f);
        Assert.Equal(LiftSource.GroundRay, a.Waypoints[0].Source);
        Assert.True(Vector3.Distance(feet, a.Waypoints[0].Position) < 0.08f);
        var wall = (float[])depth.Clone();
        Array.Fill(wall, 1.0f); // a wall right in front of the camera: unprojects far above the ground
        var b = Lifter.Lift([box], 0, wall, Cam, 0f, 1.7f);
        Assert.Equal(LiftSource.GroundRay, b.Waypoints[0].Source);
        Assert.NotEmpty(b.Notes);
        // a box whose feet are above the horizon cannot meet the ground: fallback distance, still on the ground
        var c = Lifter.Lift([new PixelBox(75, 0, 85, 2)], 0, sky, Cam, 0f, 1.7f);
        Assert.Equal(LiftSource.Fallback, c.Waypoints[0].Source);
        Assert.Equal(0f, c.Waypoints[0].Position.Y);
    }

    [Fact]
    public void Raised_ground_is_snapped_to()
    {
        var depth = GroundDepth(Cam, 0.3f);
        var feet = new Vector3(0, 0.3f, 3);
        var lifted = Lifter.Lift([BoxFor(feet, 1.7f)], 0, depth, Cam, 0.3f, 1.7f);
        Assert.Equal(0.3f, lifted.Waypoints[0].Position.Y);
        Assert.True(Vector3.Distance(feet, lifted.Waypoints[0].Position) < 0.08f);
        Assert.Throws<ArgumentException>(() => Lifter.Lift([BoxFor(feet, 1.7f)], 0, new float[10], Cam, 0, 1.7f));
    }

    [Fact]
    public void A_placement_in_a_larger_view_is_rescaled_to_the_camera()
    {
        Vector3[] truth = [new(-1, 0, 2), new(1, 0, 4)];
        var boxes = truth.Select(p => BoxFor(p, 1.7f)).Select(b => new PixelBox(b.Left * 4, b.Top * 4, b.Right * 4, b.Bottom * 4)).ToArray();
        var placement = new Placement
        {
            ActorId = "a", ReferenceView = "main", ViewWidth = Cam.Width * 4, ViewHeight = Cam.Height * 4, Scale = boxes[0].Height / (Cam.Height * 4),
            Start = boxes[0], End = boxes[^1], Waypoints = boxes, Producer = "test",
        };
        var lifted = Lifter.Lift(placement, GroundDepth(Cam), Cam, 0f, 1.7f);
        for (int i = 0; i < truth.Length; i++) Assert.True(Vector3.Distance(truth[i], lifted.Positions[i]) < 0.08f);
        Assert.Equal(1f, lifted.Scale, 1);
        Assert.Throws<ArgumentException>(() => Lifter.Lift(placement with { Waypoints = [boxes[0]] }, GroundDepth(Cam), Cam, 0f, 1.7f));
    }
}
