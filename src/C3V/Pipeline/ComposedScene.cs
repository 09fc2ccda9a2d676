using C3V.CameraPaths;
using C3V.Compose;
using C3V.Render;
using C3V.Splats;
using C3V.World;

namespace C3V.Pipeline;

/// <summary>
/// A project's composed 4D scene as the renderer sees it: the scene's Gaussians, the actors posed and placed at
/// any frame, and the render camera at any frame. Made by <see cref="Generator.OpenComposedAsync"/>.
/// </summary>
public sealed class ComposedScene(Scene scene, IReadOnlyList<ComposedActor> actors, Composition composition, CameraPath camera, Camera reference)
{
    public Scene Scene { get; } = scene;
    public IReadOnlyList<ComposedActor> Actors { get; } = actors;
    public Composition Composition { get; } = composition;
    public CameraPath Camera { get; } = camera;
    /// <summary>The reference view the director placed the actors in (placement boxes are in its pixels).</summary>
    public Camera Reference { get; } = reference;
    public int FrameCount => Composition.FrameCount;
    public float Fps => Composition.Fps;

    /// <summary>Every actor posed at <paramref name="frame"/> and moved to its place (world coordinates), as one cloud.</summary>
    public GaussianCloud PosedActors(int frame)
    {
        var parts = new List<GaussianCloud>(Actors.Count);
        foreach (var actor in Actors)
        {
            var track = Composition.Actor(actor.Id);
            var at = track.Frames[Math.Clamp(frame, 0, track.Frames.Count - 1)];
            var posed = actor.Pose(at.MotionTime, at.Rest).Clone();
            posed.Transform(at.Transform);
            parts.Add(posed);
        }
        return GaussianCloud.Concat(parts);
    }

    /// <summary>The render camera at <paramref name="frame"/>.</summary>
    public Camera CameraAt(int frame) => Camera.At(Math.Clamp(frame, 0, FrameCount - 1) / Fps);
}
