using System.Numerics;
using C3V.Render;
using C3V.Splats;

namespace C3V.Tests.Render;

public class RasterizerBasicsTests
{
    static Camera Cam(int w = 64, int h = 48) => Camera.LookAt(new Vector3(0, 0, 3), Vector3.Zero, Vector3.UnitY, MathF.PI / 3, w, h);

    static GaussianCloud One(Vector3 p, Vector3 rgb, float opacity = 0.9f, float scale = 0.1f)
    {
        var c = new GaussianCloud(1);
        c.SetPosition(0, p);
        c.SetLogScale(0, new Vector3(MathF.Log(scale)));
        c.Opacity[0] = GaussianCloud.Logit(opacity);
        c.SetColor(0, rgb);
        return c;
    }

    [Fact]
    public void SingleSplat_CentrePixelHasItsColourAndDepth()
    {
        var r = new GaussianRasterizer().Render([new CloudInstance(One(Vector3.Zero, new Vector3(1, 0.5f, 0.25f)))], Cam(),
            new RenderOptions { Background = new Vector3(0, 0, 1) });
        // The splat centre projects on the pixel corner (32, 24): pixel (31, 23) is half a pixel off in x and y.
        int p = 23 * 64 + 31;
        float f = 24 / MathF.Tan(MathF.PI / 6), sigma2 = MathF.Pow(0.1f * f / 3, 2) + 0.3f;
        float alpha = 0.9f * MathF.Exp(-0.5f * 0.5f / sigma2);
        Assert.Equal(alpha, r.Alpha[p], 4);
        Assert.Equal(alpha, r.Color[p * 3], 4);
        Assert.Equal(0.5f * alpha, r.Color[p * 3 + 1], 4);
        Assert.Equal(1 - alpha + 0.25f * alpha, r.Color[p * 3 + 2], 4);
        Assert.Equal(3f, r.Depth[p], 3);
        Assert.Equal(RenderResult.NoHitDepth, r.Depth[0]);
        Assert.Equal(0f, r.Alpha[0]);
        Assert.Equal(1f, r.Color[2]);
    }

    [Fact]
    public void UpInTheWorldIsUpInTheImage()
    {
        var cloud = One(new Vector3(0, 0.5f, 0), Vector3.One);
        var r = new GaussianRasterizer().Render([new CloudInstance(cloud)], Cam());
        int top = 0, bottom = 0;
        for (int y = 0; y < 48; y++)
            for (int x = 0; x < 64; x++)
                if (r.Alpha[y * 64 + x] > 0.5f) { if (y < 24) top++; else bottom++; }
        Assert.True(top > 0 && bottom == 0);
    }

    [Fact]
    public void NearerSplatHidesFartherOne_AcrossInstances()
    {
        var red = One(Vector3.Zero, new Vector3(1, 0, 0), 0.99f, 0.3f);
        var green = One(Vector3.Zero, new Vector3(0, 1, 0), 0.99f, 0.3f);
        var rast = new GaussianRasterizer();
        // Green is moved 1 m towards the camera by its instance transform.
        var r = rast.Render([new CloudInstance(red), new CloudInstance(green, new RigidTransform(Quaternion.Identity, new Vector3(0, 0, 1)))], Cam());
        int p = 23 * 64 + 31;
        Assert.True(r.Color[p * 3 + 1] > 0.9f && r.Color[p * 3] < 0.05f);
        Assert.InRange(r.Depth[p], 1.99f, 2.05f);
    }

    [Fact]
    public void DegenerateInput_NoCrashNoNaN()
    {
        var c = new GaussianCloud(8, 3);
        var rng = new Random(1);
        for (int i = 0; i < c.Count; i++)
        {
            c.SetPosition(i, new Vector3(rng.NextSingle() - 0.5f, rng.NextSingle() - 0.5f, rng.NextSingle() - 0.5f));
            c.SetLogScale(i, new Vector3(-2));
            c.Opacity[i] = 1;
            c.SetColor(i, new Vector3(0.5f));
        }
        c.X[0] = float.NaN;                                   // NaN position
        c.ScaleX[1] = float.NegativeInfinity; c.ScaleY[1] = float.NegativeInfinity; c.ScaleZ[1] = float.NegativeInfinity; // zero scale
        c.ScaleX[2] = float.NaN;                              // NaN scale
        c.RotW[3] = 0; c.RotX[3] = 0; c.RotY[3] = 0; c.RotZ[3] = 0; // zero quaternion
        c.SetPosition(4, new Vector3(0, 0, 5));               // behind the camera
        c.SetPosition(5, new Vector3(0, 0, 2.995f)); c.SetLogScale(5, new Vector3(0)); // camera inside the splat
        c.ScaleY[6] = 80;                                     // overflowing scale
        c.Opacity[7] = float.NaN; c.Sh[7 * 16 * 3 + 5] = float.PositiveInfinity;
        var rast = new GaussianRasterizer();
        var r = rast.Render([new CloudInstance(c), new CloudInstance(new GaussianCloud(0))], Cam());
        Assert.All(r.Color, v => Assert.True(float.IsFinite(v)));
        Assert.All(r.Depth, v => Assert.True(float.IsFinite(v)));
        var ones = Enumerable.Repeat(1f, 64 * 48).ToArray();
        var g = rast.Backward(r, Enumerable.Repeat(1f, 64 * 48 * 3).ToArray(), ones, ones);
        foreach (var a in new[] { g.Clouds[0].X, g.Clouds[0].Y, g.Clouds[0].ScaleX, g.Clouds[0].RotW, g.Clouds[0].Opacity, g.Clouds[0].Sh })
            Assert.All(a, v => Assert.True(float.IsFinite(v)));
        Assert.True(float.IsFinite(g.Transforms[0].Scale));
    }

    [Fact]
    public void EmptyScene_IsBackground()
    {
        var r = new GaussianRasterizer().Render([], Cam(), new RenderOptions { Background = new Vector3(0.2f, 0.3f, 0.4f) });
        Assert.Equal(0.3f, r.Color[1]);
        Assert.All(r.Alpha, a => Assert.Equal(0f, a));
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, -1)]
    [InlineData(100000, 10)]
    public void AbsurdResolution_IsAClearError(int w, int h)
    {
        var cam = Cam() with { Width = w, Height = h };
        var e = Assert.ThrowsAny<ArgumentException>(() => new GaussianRasterizer().Render([], cam));
        Assert.Contains("image size", e.Message);
    }

    [Fact]
    public void BadTransform_IsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => new GaussianRasterizer().Render(
            [new CloudInstance(One(Vector3.Zero, Vector3.One), new RigidTransform(Quaternion.Identity, Vector3.Zero, 0))], Cam()));
        Assert.Contains("positive scale", e.Message);
    }
}
