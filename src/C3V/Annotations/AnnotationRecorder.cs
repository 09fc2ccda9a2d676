using System.Numerics;
using C3V.Actors;
using C3V.Compose;
using C3V.Render;

namespace C3V.Annotations;

/// <summary>What the annotations say about one actor besides its per-frame geometry.</summary>
/// <param name="Actor">The composed actor (its skeleton gives the root joint of every frame's pose).</param>
/// <param name="Track">Its frames in the composition that was rendered.</param>
/// <param name="Segments">Its motion segments (see <see cref="AnnotationRecorder.SegmentsOf"/>).</param>
public sealed record AnnotatedActor(string Description, ActorKind Kind, ComposedActor Actor, ActorTrack Track, IReadOnlyList<MotionSegment> Segments);

/// <summary>
/// Collects the ground truth while a clip is rendered: the render path hands it each frame's camera and the
/// posed actor clouds it is about to rasterise (<see cref="Record"/>, called for distinct frames from several
/// threads at once), and <see cref="Build"/> joins them with the composition into <see cref="VideoAnnotations"/>.
/// </summary>
public sealed class AnnotationRecorder
{
    readonly Camera?[] _cameras;
    readonly SplatFootprint[][] _footprints;

    public int FrameCount => _cameras.Length;

    public AnnotationRecorder(int frameCount, int actorCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameCount);
        ArgumentOutOfRangeException.ThrowIfNegative(actorCount);
        _cameras = new Camera?[frameCount];
        _footprints = Enumerable.Range(0, actorCount).Select(_ => new SplatFootprint[frameCount]).ToArray();
    }

    /// <summary>Records one frame: its camera and the actors (in the order given to <see cref="Build"/>) as rendered.</summary>
    public void Record(int frame, Camera camera, ReadOnlySpan<CloudInstance> actors)
    {
        if ((uint)frame >= (uint)_cameras.Length) throw new ArgumentOutOfRangeException(nameof(frame));
        if (actors.Length != _footprints.Length) throw new ArgumentException($"expected {_footprints.Length} actors, got {actors.Length}", nameof(actors));
        for (int a = 0; a < actors.Length; a++) _footprints[a][frame] = SplatFootprint.Measure(actors[a], camera);
        _cameras[frame] = camera;
    }

    /// <summary>
    /// The annotations of the recorded frames. <paramref name="groundHeight"/> gives the ground's height under a
    /// world (x, z), from which the feet height is measured.
    /// </summary>
    public VideoAnnotations Build(float fps, SceneLabel scene, IReadOnlyList<AnnotatedActor> actors, Func<float, float, float> groundHeight)
    {
        if (actors.Count != _footprints.Length) throw new ArgumentException($"expected {_footprints.Length} actors, got {actors.Count}", nameof(actors));
        int missing = Array.FindIndex(_cameras, c => c is null);
        if (missing >= 0) throw new InvalidOperationException($"frame {missing} was never recorded");
        var first = _cameras.Length > 0 ? _cameras[0]! : null;
        var list = new List<ActorAnnotation>(actors.Count);
        Span<Quaternion> local = stackalloc Quaternion[Skeleton.JointCount];
        for (int a = 0; a < actors.Count; a++)
        {
            var src = actors[a];
            var frames = new ActorFrameAnnotation[_cameras.Length];
            for (int f = 0; f < frames.Length; f++)
            {
                var fr = src.Track.Frames[Math.Min(f, src.Track.Frames.Count - 1)];
                // The root joint of the very pose the renderer skinned (same clip time, same blend into standing).
                var root = fr.Transform.Apply(src.Actor.SampleInto(fr.MotionTime, fr.Rest, local));
                var forward = Vector3.Normalize(Vector3.Transform(Vector3.UnitZ, fr.Transform.Rotation));
                var fp = _footprints[a][f];
                frames[f] = new ActorFrameAnnotation(f, root, forward, fp.LowestY - groundHeight(root.X, root.Z), fp.Box, fp.Visible);
            }
            float scale = src.Track.Frames.Count > 0 ? src.Track.Frames[0].Scale : 1;
            list.Add(new ActorAnnotation(src.Track.ActorId, src.Description, src.Kind, src.Actor.Height * scale, src.Segments, frames));
        }
        return new VideoAnnotations
        {
            Fps = fps, Width = first?.Width ?? 0, Height = first?.Height ?? 0, FrameCount = _cameras.Length, Scene = scene,
            Cameras = _cameras.Select((c, f) => FrameCamera.Of(f, c!)).ToList(), Actors = list,
        };
    }

    /// <summary>
    /// The actor's motions as segments of the video, from the composition: a motion whose clip time spans
    /// [<c>ClipStart</c>, <c>ClipEnd</c>) (the actor's own timeline; use ±∞ for its one clip) covers the frames
    /// whose clip time falls inside it while the actor is not standing at rest — from the first such frame to the
    /// end of the last (an actor waiting for its turn or standing after arriving plays nothing). A motion that
    /// covers no frame is left out.
    /// </summary>
    public static IReadOnlyList<MotionSegment> SegmentsOf(ActorTrack track, float fps,
        IReadOnlyList<(string Label, string Source, float ClipStart, float ClipEnd)> motions)
    {
        var list = new List<MotionSegment>();
        foreach (var (label, source, from, to) in motions)
        {
            int first = -1, last = -1;
            for (int f = 0; f < track.Frames.Count; f++)
            {
                var fr = track.Frames[f];
                if (fr.Rest >= 1 || fr.MotionTime < from - 1e-4f || fr.MotionTime >= to - 1e-4f) continue;
                if (first < 0) first = f;
                last = f;
            }
            if (first >= 0) list.Add(new MotionSegment(label, source, first / (double)fps, (last + 1) / (double)fps));
        }
        return list;
    }
}
