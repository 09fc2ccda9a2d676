using System.Numerics;
using System.Text;
using CsCheck;
using C3V.Cli.Options;
using C3V.CameraPaths;
using C3V.Common;
using C3V.Render;
using Xunit.Abstractions;

namespace C3V.Tests.Render;

/// <summary>
/// Mutation fuzzing of the camera inputs (see <see cref="Fuzz"/>): a cameras JSON file (--cameras FILE[:INDEX])
/// loads into cameras with finite, bounded intrinsics and pose, or is refused with a <see cref="C3VException"/>;
/// so are the --cameras and --camera option texts.
/// </summary>
public sealed class CameraFuzzTests(ITestOutputHelper output) : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-fuzz-cam-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static string Seed() => Camera.ToJson([
        Camera.LookAt(new Vector3(0, 1.6f, -4), new Vector3(0, 1, 0), Vector3.UnitY, 0.8f, 320, 240),
        Camera.LookAt(new Vector3(3, 2, 1), Vector3.Zero, Vector3.UnitY, 1.1f, 128, 96)]);

    string File(string text)
    {
        string path = Path.Combine(_dir, "cams.json");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    static void Check(IReadOnlyList<Camera> cameras)
    {
        Assert.NotEmpty(cameras);
        foreach (var c in cameras)
        {
            Assert.True(c.Width is > 0 and <= GaussianRasterizer.MaxImageSide && c.Height is > 0 and <= GaussianRasterizer.MaxImageSide, $"{c.Width}×{c.Height}");
            Assert.True(float.IsFinite(c.Fx + c.Fy + c.Cx + c.Cy + c.T.X + c.T.Y + c.T.Z) && c.R.All(float.IsFinite));
        }
    }

    [Fact]
    public void StructurallyMutatedCamerasJson_LoadsOrIsRefusedCleanly()
    {
        var seed = Seed();
        Check(Camera.LoadJson(File(seed)));
        var r = Fuzz.Run(Fuzz.Json, m => Check(Camera.LoadJson(File(Fuzz.Apply(seed, m)))), Fuzz.Iterations(300));
        output.WriteLine($"fuzz cameras.json (structure): {r.Cases} cases, {r.Refused} refused, {r.Cases - r.Refused} loaded");
    }

    [Fact]
    public void ByteMutatedCamerasJson_LoadsOrIsRefusedCleanly()
    {
        var seed = Encoding.UTF8.GetBytes(Seed());
        var r = Fuzz.Run(Fuzz.Bytes, m =>
        {
            string path = Path.Combine(_dir, "cams.json");
            System.IO.File.WriteAllBytes(path, Fuzz.Apply(seed, m));
            Check(Camera.LoadJson(path));
        }, Fuzz.Iterations(300));
        output.WriteLine($"fuzz cameras.json (bytes): {r.Cases} cases, {r.Refused} refused, {r.Cases - r.Refused} loaded");
    }

    /// <summary>The option texts: --cameras FILE[:INDEX] (then loaded) and --camera PATH, as typed or mistyped.</summary>
    [Fact]
    public void MutatedCameraOptions_ParseOrAreRefusedCleanly()
    {
        string file = File(Seed());
        var seed = Encoding.UTF8.GetBytes(file + ":1");
        var r = Fuzz.Run(Fuzz.Bytes, m =>
        {
            var text = Encoding.UTF8.GetString(Fuzz.Apply(seed, m));
            try { CameraPath.Parse(text); }
            catch (C3VException) { }
            Check(CamerasOption.Parse(text).Load());
        }, Fuzz.Iterations(300));
        output.WriteLine($"fuzz --cameras/--camera texts: {r.Cases} cases, {r.Refused} refused, {r.Cases - r.Refused} loaded");
    }

    /// <summary>Found by the fuzzing: a number beyond float's range threw FormatException; a huge size passed; a path
    /// in a missing folder or with a NUL escaped as runtime errors.</summary>
    [Theory]
    [InlineData("fx", "1e39", "'fx' is not a finite number")]
    [InlineData("width", "99999999", "whole numbers of pixels")]
    [InlineData("width", "12.5", "whole numbers of pixels")]
    public void OutOfRangeNumbers_AreNamed(string field, string value, string expected)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Seed())!;
        json[0]![field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        Assert.Contains(expected, Assert.Throws<InvalidFileException>(() => Camera.LoadJson(File(json.ToJsonString()))).Message);
    }

    [Fact]
    public void UnusablePaths_AreNamed()
    {
        Assert.Contains("file not found", Assert.Throws<InvalidFileException>(() => Camera.LoadJson(Path.Combine(_dir, "no-dir", "c.json"))).Message);
        Assert.Contains("is a folder", Assert.Throws<InvalidFileException>(() => Camera.LoadJson(_dir)).Message);
        Assert.Contains("NUL", Assert.ThrowsAny<C3VException>(() => Camera.LoadJson("a\0b.json")).Message);
        Assert.Contains("path is empty", Assert.ThrowsAny<C3VException>(() => CamerasOption.Parse(" ").Load()).Message);
    }
}
