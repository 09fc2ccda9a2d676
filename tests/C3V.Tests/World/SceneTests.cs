using System.Numerics;
using C3V.Render;
using C3V.World;

namespace C3V.Tests.World;

/// <summary>Generates every archetype once (seed 0) for the tests that only inspect the result.</summary>
public sealed class SceneFixture
{
    public IReadOnlyDictionary<string, Scene> Scenes { get; } =
        SceneArchetypes.All.Append(SceneArchetypes.Neutral).AsParallel()
            .Select(a => a.Generate(a.Labels[0], 0)).ToDictionary(s => s.Archetype);
}

public class SceneTests(SceneFixture fixture) : IClassFixture<SceneFixture>
{
    [Fact]
    public void There_are_twelve_archetypes_with_distinct_ids_and_labels()
    {
        Assert.True(SceneArchetypes.All.Count >= 12);
        Assert.Equal(SceneArchetypes.All.Count, SceneArchetypes.All.Select(a => a.Id).Distinct().Count());
        Assert.All(SceneArchetypes.All, a => Assert.True(a.Labels.Count >= 5, a.Id));
    }

    [Fact]
    public void Every_scene_is_finite_and_its_default_camera_sees_the_walkable_ground()
    {
        foreach (var scene in fixture.Scenes.Values)
        {
            var c = scene.Cloud;
            Assert.True(c.Count > 10_000, scene.Archetype);
            for (int i = 0; i < c.Count; i++)
                Assert.True(float.IsFinite(c.X[i] + c.Y[i] + c.Z[i] + c.ScaleX[i] + c.ScaleY[i] + c.ScaleZ[i] + c.Opacity[i] + c.Sh[i * 3]), scene.Archetype);
            var cam = scene.DefaultCamera(512, 512);
            var center = scene.Ground.OnGround(scene.Walkable.Center.X, scene.Walkable.Center.Y);
            var (px, depth) = cam.Project(center);
            Assert.True(depth > 0 && px.X is > 0 and < 512 && px.Y is > 0 and < 512, $"{scene.Archetype}: walkable centre projects to {px}");
            Assert.True(scene.Walkable.MaxX > scene.Walkable.MinX + 4 && scene.Walkable.MaxZ > scene.Walkable.MinZ + 4, scene.Archetype);
        }
    }

    [Fact]
    public void Corner_landmarks_lie_in_their_image_quadrants_on_the_ground()
    {
        foreach (var scene in fixture.Scenes.Values)
        {
            var cam = scene.DefaultCamera(512, 512);
            Vector2 P(string name) => cam.Project(scene.FindLandmark(name)!.Position).Pixel;
            var bl = P("the bottom left corner"); var br = P("the bottom right corner");
            var tl = P("the top left corner"); var tr = P("the top right corner");
            Assert.True(bl.X < 256 && br.X > 256 && tl.X < 256 && tr.X > 256, $"{scene.Archetype}: left/right corners");
            Assert.True(bl.Y > tl.Y && br.Y > tr.Y, $"{scene.Archetype}: bottom corners below top corners");
            foreach (var l in scene.Landmarks.Where(l => l.Name.Contains("corner")))
            {
                Assert.Equal(scene.Ground.HeightAt(l.Position.X, l.Position.Z), l.Position.Y, 3);
                Assert.True(scene.Walkable.Clamp(new Vector2(l.Position.X, l.Position.Z)) == new Vector2(l.Position.X, l.Position.Z));
            }
        }
    }

    [Theory]
    [InlineData("cabin_meadow", "the cabin's door")]
    [InlineData("cabin_meadow", "cabin door")]
    [InlineData("cabin_meadow", "the mower")]
    [InlineData("cabin_meadow", "the lawn mower")]
    [InlineData("cabin_meadow", "the tree")]
    [InlineData("seaside_villa", "the pool")]
    [InlineData("park_lawn", "the tree")]
    [InlineData("theatre_stage", "center stage")]
    [InlineData("beach", "the sea")]
    [InlineData("living_room", "the couch")]
    [InlineData("city_plaza", "the fountain")]
    [InlineData("planet_surface", "the lander")]
    [InlineData("snowy_slope", "the top of the slope")]
    [InlineData("forest_clearing", "the log")]
    [InlineData("long_street", "the crosswalk")]
    [InlineData("desert_ruins", "the wrecked car")]
    [InlineData("castle_courtyard", "the gate")]
    [InlineData("castle_courtyard", "the well")]
    [InlineData("castle_hall", "the throne")]
    [InlineData("castle_hall", "the pillars")]
    [InlineData("suburban_house", "the car")]
    [InlineData("suburban_house", "the house")]
    [InlineData("suburban_house", "the front door")]
    [InlineData("suburban_house", "the driveway")]
    [InlineData("suburban_house", "the garage")]
    public void Named_landmarks_are_found_on_the_ground_in_view(string archetype, string phrase)
    {
        var scene = fixture.Scenes[archetype];
        var l = scene.FindLandmark(phrase);
        Assert.NotNull(l);
        Assert.Equal(scene.Ground.HeightAt(l.Position.X, l.Position.Z), l.Position.Y, 2);
        var (px, depth) = scene.DefaultCamera(512, 512).Project(l.Position);
        Assert.True(depth > 0 && px.X is > -20 and < 532 && px.Y is > 0 and < 532, $"{phrase} at {px}");
    }

    /// <summary>
    /// Every landmark of every archetype is somewhere the director can use it: in front of the default camera,
    /// inside its 512×512 image (not at the very border), on walkable ground, and not hidden behind scenery
    /// (the rendered median depth at its pixel is not nearer than a point 0.5 m above it).
    /// </summary>
    [Fact]
    public void Every_landmark_is_inside_the_default_view_on_walkable_ground_and_not_hidden()
    {
        const int size = 128;
        var rasterizer = new GaussianRasterizer();
        var failures = new List<string>();
        foreach (var scene in fixture.Scenes.Values)
        {
            var cam = scene.DefaultCamera(size, size);
            var depth = rasterizer.Render([new CloudInstance(scene.Cloud)], cam, new RenderOptions { DepthMode = DepthMode.Median }).Depth;
            foreach (var l in scene.Landmarks)
            {
                string who = $"{scene.Archetype}: '{l.Name}'";
                var (px, z) = cam.Project(l.Position);
                if (z <= 0 || px.X < 2 || px.Y < 2 || px.X > size - 2 || px.Y > size - 2) { failures.Add($"{who} projects to {px} (depth {z:F1})"); continue; }
                if (!scene.Walkable.Contains(l.Position.X, l.Position.Z)) failures.Add($"{who} at {l.Position} is not on walkable ground");
                var (above, za) = cam.Project(l.Position + new Vector3(0, 0.5f, 0));
                int ix = Math.Clamp((int)above.X, 0, size - 1), iy = Math.Clamp((int)above.Y, 0, size - 1);
                float seen = depth[iy * size + ix];
                if (seen > 0 && seen < za - 0.6f) failures.Add($"{who} is hidden: scenery at depth {seen:F1} in front of it ({za:F1})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_slope_scene_reports_a_sloping_ground()
    {
        var s = fixture.Scenes["snowy_slope"];
        Assert.True(s.Ground.HeightAt(0, -10) > s.Ground.HeightAt(0, 5) + 2);
        Assert.Equal(s.Ground.HeightAt(0, -9.5f), s.FindLandmark("the top of the slope")!.Position.Y, 3);
    }

    [Fact]
    public void Generation_is_deterministic_for_a_seed_and_varies_with_it()
    {
        var a = new CabinMeadow();
        var s1 = a.Generate("a cabin in a meadow", 5);
        var s2 = a.Generate("a cabin in a meadow", 5);
        var s3 = a.Generate("a cabin in a meadow", 6);
        Assert.Equal(s1.Cloud.Count, s2.Cloud.Count);
        Assert.Equal(s1.Cloud.X, s2.Cloud.X);
        Assert.Equal(s1.Cloud.Sh, s2.Cloud.Sh);
        Assert.Equal(s1.Cloud.Opacity, s2.Cloud.Opacity);
        Assert.NotEqual(s1.Cloud.X, s3.Cloud.X);
    }

    [Fact]
    public void Descriptions_set_the_parameters()
    {
        var p = SceneParameters.Parse("a huge dense forest at night with a red cabin, anime style");
        Assert.Equal(TimeOfDay.Night, p.TimeOfDay);
        Assert.True(p.Size > 1 && p.Density > 1 && p.Stylized);
        Assert.Equal(ColorNames.Get("red").Rgb, p.Accent);
        Assert.Equal(TimeOfDay.Sunset, SceneParameters.Parse("beach at sunset").TimeOfDay);
        Assert.Null(SceneParameters.Parse("a sandy beach").Accent); // "sandy" describes the ground, not a prop
        Assert.True(PlanetSurface.MeansMars("the red surface of mars"));
        Assert.False(PlanetSurface.MeansMars("the surface of the moon"));
    }

    [Fact]
    public void Empty_and_nonsense_descriptions_fall_back_to_the_neutral_scene_with_a_warning()
    {
        var g = new ProceduralSceneGenerator(null);
        foreach (var text in new[] { "", "   ", "qwzx vlorp", "!!!" })
        {
            var s = g.Generate(text, 1);
            Assert.Equal(NeutralStudio.ArchetypeId, s.Archetype);
            Assert.Single(s.Warnings);
            Assert.Contains("neutral", s.Warnings[0]);
        }
        Assert.Equal("beach", g.Generate("a beach with palm trees", 1).Archetype);
        Assert.Empty(g.Generate("a beach with palm trees", 1).Warnings);
    }

    [Fact]
    public void Previews_are_fully_covered_and_have_the_expected_colours()
    {
        var r = new GaussianRasterizer();
        foreach (var scene in fixture.Scenes.Values)
        {
            var res = ScenePreview.Render(scene, 128, 128, r);
            int worst = Array.IndexOf(res.Alpha, res.Alpha.Min());
            Assert.True(res.Alpha[worst] > 0.9f, $"{scene.Archetype}: a hole in the scene (alpha {res.Alpha[worst]} at x {worst % 128}, y {worst / 128})");
        }
        // Outdoors by day: sky on top is bluish, the ground below is not.
        var beach = ScenePreview.Render(fixture.Scenes["beach"], 128, 128, r);
        Vector3 Px(RenderResult x, int u, int v) => new(x.Color[(v * 128 + u) * 3], x.Color[(v * 128 + u) * 3 + 1], x.Color[(v * 128 + u) * 3 + 2]);
        var sky = Px(beach, 64, 8); var sand = Px(beach, 64, 120);
        Assert.True(sky.Z > sky.X, $"sky {sky}");
        Assert.True(sand.X > sand.Z, $"sand {sand}");
        var meadow = Px(ScenePreview.Render(fixture.Scenes["cabin_meadow"], 128, 128, r), 100, 116);
        Assert.True(meadow.Y > meadow.X && meadow.Y > meadow.Z, $"grass {meadow}");
    }
}
