using System.Numerics;
using C3V.Annotations;
using C3V.Render;

namespace C3V.Eval;

/// <summary>
/// One annotated actor seen through the video's cameras: per frame its root on the ground plane (x, z), its
/// root's image x and camera depth, its facing on the ground plane. The quantities every check is defined on.
/// </summary>
public sealed class ActorTrackView
{
    public ActorAnnotation Actor { get; }
    public int Frames => Actor.Frames.Count;
    /// <summary>Root position on the ground plane (world x, z), metres.</summary>
    public Vector2[] Ground { get; }
    /// <summary>Image x of the projected root (pixels; meaningful only where <see cref="CameraZ"/> &gt; 0).</summary>
    public float[] ImageX { get; }
    /// <summary>Root's depth along the camera's axis (metres).</summary>
    public float[] CameraZ { get; }
    /// <summary>Facing on the ground plane, unit (or zero when the actor faces straight up or down).</summary>
    public Vector2[] Facing { get; }
    public float Fps { get; }

    public ActorTrackView(VideoAnnotations ann, ActorAnnotation actor)
    {
        Actor = actor;
        Fps = ann.Fps;
        int n = actor.Frames.Count;
        Ground = new Vector2[n]; ImageX = new float[n]; CameraZ = new float[n]; Facing = new Vector2[n];
        var cameras = ann.Cameras.Select(c => c.ToCamera(ann.Width, ann.Height)).ToArray();
        for (int f = 0; f < n; f++)
        {
            var fr = actor.Frames[f];
            Ground[f] = new Vector2(fr.Root.X, fr.Root.Z);
            var (px, z) = cameras[Math.Min(f, cameras.Length - 1)].Project(fr.Root);
            ImageX[f] = px.X;
            CameraZ[f] = z;
            var h = new Vector2(fr.Forward.X, fr.Forward.Z);
            Facing[f] = h.LengthSquared() > 1e-8f ? Vector2.Normalize(h) : Vector2.Zero;
        }
    }

    /// <summary>Largest ground distance of the root from where it was in the first frame.</summary>
    public float MaxExcursion() => Ground.Max(g => Vector2.Distance(g, Ground[0]));

    /// <summary>First to last frame, on the ground.</summary>
    public Vector2 NetDisplacement => Ground[^1] - Ground[0];

    /// <summary>
    /// Mean ground speed over the clip (m/s): the root's path sampled every half second (so a body's sway within
    /// a stride does not count as travel), divided by the time it spans.
    /// </summary>
    public float MeanSpeed()
    {
        int step = Math.Max(1, (int)MathF.Round(Fps / 2));
        float length = 0;
        int last = 0;
        for (int f = step; f < Frames; f += step) { length += Vector2.Distance(Ground[f], Ground[last]); last = f; }
        if (last != Frames - 1) { length += Vector2.Distance(Ground[^1], Ground[last]); last = Frames - 1; }
        return last > 0 ? length / (last / Fps) : 0;
    }

    /// <summary>Time (s) of the first frame whose root is more than <paramref name="distance"/> m from its start, or null.</summary>
    public double? MoveOnset(float distance = 0.25f)
    {
        for (int f = 0; f < Frames; f++)
            if (Vector2.Distance(Ground[f], Ground[0]) > distance) return f / (double)Fps;
        return null;
    }

    /// <summary>When the actor starts playing a motion: its first segment's start, or null without segments.</summary>
    public double? ActOnset => Actor.Segments.Count > 0 ? Actor.Segments.Min(s => s.Start) : null;
}
