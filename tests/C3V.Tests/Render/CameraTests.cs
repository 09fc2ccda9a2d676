using System.Numerics;
using C3V.Common;
using C3V.Render;

namespace C3V.Tests.Render;

public class CameraTests
{
    [Fact]
    public void LookAt_YUpWorld_ImageIsUpright()
    {
        var cam = Camera.LookAt(new Vector3(0, 1.6f, 5), new Vector3(0, 1, 0), Vector3.UnitY, MathF.PI / 3, 512, 512);
        var (head, _) = cam.Project(new Vector3(0, 2, 0));
        var (feet, depth) = cam.Project(new Vector3(0, 0, 0));
        Assert.True(head.Y < feet.Y, "a point higher in the world must appear higher in the image");
        var (right, _) = cam.Project(new Vector3(1, 1, 0));
        Assert.True(right.X > 256, "+X is to the right when looking down −Z");
        Assert.True(depth > 0);
        var back = cam.Unproject(feet, depth);
        Assert.True(Vector3.Distance(back, Vector3.Zero) < 1e-4f);
        Assert.True(Vector3.Distance(cam.Position, new Vector3(0, 1.6f, 5)) < 1e-5f);
    }

    [SkippableFact]
    public void LoadJson_ReadsGardenCameras()
    {
        var path = SharedData.RequireFile("bench/garden.cameras.json");
        var cams = Camera.LoadJson(path);
        Assert.Equal(3, cams.Count);
        Assert.Equal(648, cams[0].Width);
        Assert.Equal(480.6123352050781f, cams[0].Fx);
        Assert.Equal(-0.025438308715820312f, cams[0].T.X);
        var round = Camera.LoadJson(WriteTemp(Camera.ToJson(cams)));
        Assert.Equal(cams[1].R, round[1].R);
        var resized = cams[0].Resized(1280, 720);
        Assert.Equal(480.6123352050781f * 1280 / 648, resized.Fx, 3);
    }

    [Theory]
    [InlineData("{}", "list")]
    [InlineData("[]", "empty")]
    [InlineData("[{\"width\":10}]", "height")]
    [InlineData("not json", "JSON")]
    [InlineData("[{\"width\":10,\"height\":10,\"fx\":1,\"fy\":1,\"cx\":1,\"cy\":1,\"world_to_camera\":[[1,0,0],[0,1,0],[0,0,1]]}]", "row 0")]
    public void LoadJson_BadFiles_NameTheProblem(string json, string expected)
    {
        var path = WriteTemp(json);
        var e = Assert.Throws<InvalidFileException>(() => Camera.LoadJson(path));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith(path, e.Message);
    }

    static string WriteTemp(string text)
    {
        var p = Path.Combine(Path.GetTempPath(), $"c3v-cam-{Guid.NewGuid():N}.json");
        File.WriteAllText(p, text);
        return p;
    }
}
