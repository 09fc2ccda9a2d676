using C3V.Output;

namespace C3V.Tests.Cli;

[Collection("Console")]
public class RenderVerbTests
{
    static string Temp(string name) => Path.Combine(Path.GetTempPath(), $"c3v-render-{Guid.NewGuid():N}-{name}");

    [SkippableFact]
    public void RendersGarden_UprightWithDepth()
    {
        var ply = SharedData.RequireFile("bench/garden.ply");
        var cams = SharedData.RequireFile("bench/garden.cameras.json");
        string png = Temp("g.png"), depth = Temp("d.png");
        var (code, err) = CliAppTests.Run("render", ply, "--cameras", cams + ":1", "--width", "162", "--height", "105", "-o", png, "--depth", depth);
        Assert.True(code == 0, err);
        var img = Image.Load(png);
        Assert.Equal((162, 105), (img.Width, img.Height));
        // Ground (grass and gravel) fills the bottom rows; the top rows are mostly the dark, uncropped background.
        double Mean(int y0, int y1) { double s = 0; for (int y = y0; y < y1; y++) for (int x = 0; x < 162; x++) s += img.Rgb[(y * 162 + x) * 3 + 1]; return s / ((y1 - y0) * 162); }
        Assert.True(Mean(90, 105) > 2 * Mean(0, 10), "bottom rows must be brighter than the top rows (image upright)");
        Assert.True(File.Exists(depth));
        // Refuses to overwrite without --force.
        (code, err) = CliAppTests.Run("render", ply, "--cameras", cams, "-o", png);
        Assert.Equal(1, code);
        Assert.Contains("--force", err);
    }

    [Theory]
    [InlineData("--orbit", "1,2,3,4", "AZIMUTH")]
    [InlineData("--orbit", "x", "not a number")]
    [InlineData("--background", "1,2", "three numbers")]
    [InlineData("--background", "0,0,7", "0…1")]
    [InlineData("--width", "0", "--width")]
    [InlineData("--up", "w", "--up")]
    public void BadArguments_AreOneLineErrors(string option, string value, string expected)
    {
        var ply = Temp("x.ply");
        File.WriteAllText(ply, "ply\nformat binary_little_endian 1.0\nelement vertex 0\nproperty float x\nend_header\n");
        var args = option is "--orbit" ? new[] { "render", ply, option, value, "-o", Temp("o.png") }
            : new[] { "render", ply, "--orbit", "0", option, value, "-o", Temp("o.png") };
        var (code, err) = CliAppTests.Run(args);
        Assert.Equal(1, code);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public void MissingFile_AndBadCameraIndex_AreClear()
    {
        var (code, err) = CliAppTests.Run("render", "/nonexistent.ply", "--orbit", "0", "-o", Temp("o.png"));
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent.ply", err);
        var cams = Temp("c.json");
        File.WriteAllText(cams, "[{\"width\":8,\"height\":8,\"fx\":8,\"fy\":8,\"cx\":4,\"cy\":4,\"world_to_camera\":[[1,0,0,0],[0,1,0,0],[0,0,1,0]]}]");
        var ply = Temp("y.ply");
        File.WriteAllText(ply, "ply\nformat binary_little_endian 1.0\nelement vertex 0\nproperty float x\nend_header\n");
        (code, err) = CliAppTests.Run("render", ply, "--cameras", cams + ":3", "-o", Temp("o.png"));
        Assert.Equal(1, code);
        Assert.Contains("index 3", err);
    }
}
