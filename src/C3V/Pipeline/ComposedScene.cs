using System.Numerics;
using C3V.Actors;
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

    /// <summary>Floats per actor per frame in <see cref="WriteRig"/>: its joints' skinning transforms, then its placement.</summary>
    public const int RigFloats = Skeleton.JointCount * SkinnedCloud.BoneFloats + 8;

    /// <summary>
    /// Every actor's pose and place at <paramref name="frame"/>, for posing the actors elsewhere (a GPU) from their
    /// rest clouds (<see cref="SkinnedCloud.Rest"/>) and skin weights: per actor in <see cref="Actors"/>' order,
    /// <see cref="RigFloats"/> floats — its joints as <see cref="SkinnedCloud.WriteBones"/> writes them (actor
    /// space), then its actor-to-world transform: translation x, y, z, rotation quaternion x, y, z, w, uniform scale
    /// (applied as scale, then rotation, then translation). Skinning the rest cloud with these and placing it gives
    /// <see cref="PosedActors"/>.
    /// </summary>
    public void WriteRig(int frame, Span<float> into)
    {
        if (into.Length < Actors.Count * RigFloats) throw new ArgumentException($"room for {Actors.Count * RigFloats} floats needed", nameof(into));
        Span<Quaternion> local = stackalloc Quaternion[Skeleton.JointCount];
        for (int a = 0; a < Actors.Count; a++)
        {
            var actor = Actors[a];
            var track = Composition.Actor(actor.Id);
            var at = track.Frames[Math.Clamp(frame, 0, track.Frames.Count - 1)];
            var rig = into.Slice(a * RigFloats, RigFloats);
            var root = actor.SampleInto(at.MotionTime, at.Rest, local);
            actor.Skin.WriteBones(local, root, rig);
            var place = at.Transform;
            var q = Quaternion.Normalize(place.Rotation);
            ReadOnlySpan<float> world = [place.Translation.X, place.Translation.Y, place.Translation.Z, q.X, q.Y, q.Z, q.W, place.Scale];
            world.CopyTo(rig[(Skeleton.JointCount * SkinnedCloud.BoneFloats)..]);
        }
    }

    /// <summary>The render camera at <paramref name="frame"/>.</summary>
    public Camera CameraAt(int frame) => Camera.At(Math.Clamp(frame, 0, FrameCount - 1) / Fps);
}
