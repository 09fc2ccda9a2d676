using C3V.Cli.Options;
using C3V.Common;

namespace C3V.Tests.Cli.Options;

[Collection("Console")]
public class CamerasOptionTests
{
    const string TwoCameras = "[{\"width\":16,\"height\":12,\"fx\":16,\"fy\":16,\"cx\":8,\"cy\":6,\"world_to_camera\":[[1,0,0,0],[0,1,0,0],[0,0,1,4]]}," +
                              " {\"width\":16,\"height\":12,\"fx\":20,\"fy\":20,\"cx\":8,\"cy\":6,\"world_to_camera\":[[1,0,0,0],[0,1,0,0],[0,0,1,5]]}]";

    [Theory]
    [InlineData("cams.json", "cams.json", null)]
    [InlineData("cams.json:1", "cams.json", 1)]
    [InlineData("dir:x/cams.json", "dir:x/cams.json", null)]
    [InlineData("cams.json:", "cams.json:", null)]
    public void Parses_file_and_optional_index(string spec, string path, int? index) =>
        Assert.Equal(new CamerasOption(path, index), CamerasOption.Parse(spec));

    [Fact]
    public void An_index_picks_one_camera_and_a_missing_one_is_named()
    {
        string file = Path.Combine(Path.GetTempPath(), $"c3v-cams-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, TwoCameras);
        try
        {
            Assert.Equal(2, CamerasOption.Parse(file).Load().Count);
            Assert.Equal(20, Assert.Single(CamerasOption.Parse(file + ":1").Load()).Fx);
            Assert.Equal(16, CamerasOption.Parse(file).LoadOne().Fx);
            var e = Assert.Throws<C3VException>(() => CamerasOption.Parse(file + ":2").Load());
            Assert.Contains("index 2 does not exist", e.Message);
        }
        finally { File.Delete(file); }
    }

    /// <summary>The defect: bench render refused FILE:INDEX as "file not found" while render took it.</summary>
    [Fact]
    public void Bench_render_takes_the_same_form_as_render()
    {
        string dir = Directory.CreateTempSubdirectory("c3v-bench-cams").FullName;
        try
        {
            string cams = Path.Combine(dir, "cams.json");
            File.WriteAllText(cams, TwoCameras);
            string ply = C3V.Tests.Splats.Formats.ReferenceFileTests.Fixture("source.ply");
            var (code, err) = CliAppTests.Run("bench", "render", "--scene", ply, "--cameras", cams + ":1", "--runs", "1", "--no-backward");
            Assert.True(code == 0, err);
            (code, err) = CliAppTests.Run("bench", "render", "--scene", ply, "--cameras", cams + ":5", "--runs", "1", "--no-backward");
            Assert.Equal(1, code);
            Assert.Contains("index 5 does not exist", err);
        }
        finally { Directory.Delete(dir, true); }
    }
}
