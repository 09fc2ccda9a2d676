using C3V.Output;
using C3V.Render;

namespace C3V.World;

/// <summary>Renders a scene through its default camera (the picture placement and the gallery use).</summary>
public static class ScenePreview
{
    public static RenderResult Render(Scene scene, int width = 512, int height = 512, GaussianRasterizer? rasterizer = null)
    {
        rasterizer ??= new GaussianRasterizer();
        var options = RenderOptions.Default with { Background = scene.Background, Antialiased = true };
        return rasterizer.Render([new CloudInstance(scene.Cloud)], scene.DefaultCamera(width, height), options);
    }

    public static Image Image(Scene scene, int width = 512, int height = 512) => Render(scene, width, height).ToImage();
}
