using C3V.Actors;
using C3V.Splats.Formats;
using C3V.Tests.Cli;

namespace C3V.Tests.Actors;

[Collection("Console")]
public class ActorVerbTests
{
    [Fact]
    public void Bad_arguments_are_one_line_errors_and_write_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("c3v-actor").FullName;
        try
        {
            var (code, err) = CliAppTests.Run("actor", "a robot", "-o", Path.Combine(dir, "x.bmp"));
            Assert.Equal(1, code);
            Assert.Contains("unknown output type", err);
            (code, err) = CliAppTests.Run("actor", "a robot", "--motion", "photosynthesise quietly", "-o", Path.Combine(dir, "x.png"));
            Assert.Equal(1, code);
            Assert.Contains("no clip matches", err);
            (code, err) = CliAppTests.Run("actor", "a robot", "--bvh", Path.Combine(dir, "missing.bvh"), "-o", Path.Combine(dir, "x.png"));
            Assert.Equal(1, code);
            Assert.Contains("not found", err);
            File.WriteAllText(Path.Combine(dir, "bad.bvh"), "HIERARCHY\nROOT Hips\n{\nOFFSET 0 0 0\nCHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n}\n");
            (code, err) = CliAppTests.Run("actor", "a robot", "--bvh", Path.Combine(dir, "bad.bvh"), "-o", Path.Combine(dir, "x.png"));
            Assert.Equal(1, code);
            Assert.Contains("bad.bvh", err);
            Assert.DoesNotContain(Directory.GetFiles(dir), f => !f.EndsWith(".bvh"));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Exports_a_posed_ply_and_refuses_to_overwrite_without_force()
    {
        var dir = Directory.CreateTempSubdirectory("c3v-actor").FullName;
        try
        {
            string ply = Path.Combine(dir, "robot.ply");
            var (code, err) = CliAppTests.Run("actor", "a robot", "--motion", "wave", "--time", "1.2", "-o", ply);
            Assert.True(code == 0, err);
            var cloud = SplatFile.Read(ply);
            Assert.True(cloud.Count > 20000);
            var (min, max) = cloud.Bounds();
            Assert.InRange(min.Y, -0.03f, 0.03f); // posed on its feet
            Assert.True(max.Y > 1.5f && max.X - min.X < 1.4f, $"posed, not the T-pose: {min} {max}");
            (code, err) = CliAppTests.Run("actor", "a robot", "-o", ply);
            Assert.Equal(1, code);
            Assert.Contains("--force", err);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Previews_an_imported_gltf_character_and_reports_bad_ones_in_one_line()
    {
        var dir = Directory.CreateTempSubdirectory("c3v-actor").FullName;
        try
        {
            string glb = Path.Combine(dir, "figure.glb");
            new TestHumanoidGltf().Write(glb);
            string ply = Path.Combine(dir, "figure.ply");
            var (code, err) = CliAppTests.Run("actor", glb, "--motion", "walk", "--height", "1.5", "-o", ply);
            Assert.True(code == 0, err);
            var (min, max) = SplatFile.Read(ply).Bounds();
            Assert.InRange(max.Y - min.Y, 1.3f, 1.55f); // scaled to 1.5 m, walking (knees bent a little)
            Assert.InRange(min.Y, -0.03f, 0.03f);

            string flat = Path.Combine(dir, "flat.glb");
            new TestHumanoidGltf { Skinned = false }.Write(flat);
            (code, err) = CliAppTests.Run("actor", flat, "-o", Path.Combine(dir, "flat.png"));
            Assert.Equal(1, code);
            Assert.Contains("flat.glb: no skin", err);
            Assert.Single(err.Trim().Split('\n'));
            (code, err) = CliAppTests.Run("actor", "a robot", "--height", "2", "-o", Path.Combine(dir, "robot.png"));
            Assert.Equal(1, code);
            Assert.Contains("height applies to glTF", err);
            Assert.False(File.Exists(Path.Combine(dir, "flat.png")) || File.Exists(Path.Combine(dir, "robot.png")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_prop_description_shows_the_prop_and_refuses_a_motion()
    {
        var dir = Directory.CreateTempSubdirectory("c3v-actor").FullName;
        try
        {
            string ply = Path.Combine(dir, "ball.ply");
            var (code, err) = CliAppTests.Run("actor", "a red ball", "-o", ply);
            Assert.True(code == 0, err);
            var (min, max) = SplatFile.Read(ply).Bounds();
            Assert.InRange(max.Y - min.Y, 0.2f, 0.25f); // a ball, not a person
            // A ball has a body of its own now (it rolls); furniture is still a prop that does not move.
            (code, err) = CliAppTests.Run("actor", "a red ball", "--motion", "roll", "-o", Path.Combine(dir, "ball.png"));
            Assert.True(code == 0, err);
            (code, err) = CliAppTests.Run("actor", "a wooden chair", "--motion", "walk", "-o", Path.Combine(dir, "chair.png"));
            Assert.Equal(1, code);
            Assert.Contains("a prop does not move", err);
            (code, err) = CliAppTests.Run("actor", "a dragon", "--prop", "-o", Path.Combine(dir, "dragon.png"));
            Assert.Equal(1, code);
            Assert.Contains("names no prop", err);
            Assert.Equal([ply, Path.Combine(dir, "ball.png")], Directory.GetFiles(dir).Order(StringComparer.Ordinal));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Keyword_motion_lookup_finds_clips_by_label()
    {
        var lib = MotionLibrary.Procedural();
        Assert.Equal("walk", lib.FindByLabel("walk")!.Name);
        Assert.Equal("kung fu", lib.FindByLabel("kung fu")!.Name);
        Assert.Equal("punch", lib.FindByLabel("boxing")!.Name);
        Assert.Equal("run", lib.FindByLabel("a man is running fast")!.Name);
        Assert.Null(lib.FindByLabel("photosynthesis"));
    }
}
