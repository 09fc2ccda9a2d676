using System.Numerics;
using C3V.Actors;
using C3V.Render;

namespace C3V.Annotations;

/// <summary>
/// The ground truth of one rendered video (docs/annotations.md, schema docs/annotations.schema.json): the
/// scene, the camera of every frame, and for every actor its motion segments and, per frame, where its body
/// is, where it faces, how high its feet are and where it is in the image. Every value is the one the
/// renderer used (the composition and the posed splats it rasterised), never estimated from the pixels.
/// </summary>
public sealed record VideoAnnotations
{
    public const string Format = "c3v-annotations";
    public const int Version = 1;

    public required float Fps { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required int FrameCount { get; init; }
    public required SceneLabel Scene { get; init; }
    public required IReadOnlyList<FrameCamera> Cameras { get; init; }
    public required IReadOnlyList<ActorAnnotation> Actors { get; init; }

    /// <summary>The actor with this id, or null.</summary>
    public ActorAnnotation? Actor(string id) => Actors.FirstOrDefault(a => a.Id == id);

    /// <summary>Seconds from the start of the video to the start of <paramref name="frame"/>.</summary>
    public double TimeOf(int frame) => frame / (double)Fps;
}

/// <summary>The scene: what was built (an archetype id or a library entry id) and the plan's phrase for it.</summary>
public sealed record SceneLabel(string Label, string Description);

/// <summary>The camera of one frame: pinhole intrinsics and the world-to-camera matrix (OpenCV axes).</summary>
/// <param name="WorldToCamera">16 numbers, row-major; the last row is 0 0 0 1.</param>
public sealed record FrameCamera(int Frame, float Fx, float Fy, float Cx, float Cy, float[] WorldToCamera)
{
    public static FrameCamera Of(int frame, Camera c) => new(frame, c.Fx, c.Fy, c.Cx, c.Cy,
        [c.R[0], c.R[1], c.R[2], c.T.X, c.R[3], c.R[4], c.R[5], c.T.Y, c.R[6], c.R[7], c.R[8], c.T.Z, 0, 0, 0, 1]);

    /// <summary>The renderer's camera for a <paramref name="width"/>×<paramref name="height"/> frame.</summary>
    public Camera ToCamera(int width, int height) => new()
    {
        Width = width, Height = height, Fx = Fx, Fy = Fy, Cx = Cx, Cy = Cy,
        R = [WorldToCamera[0], WorldToCamera[1], WorldToCamera[2], WorldToCamera[4], WorldToCamera[5], WorldToCamera[6],
             WorldToCamera[8], WorldToCamera[9], WorldToCamera[10]],
        T = new Vector3(WorldToCamera[3], WorldToCamera[7], WorldToCamera[11]),
    };
}

/// <summary>One actor of the video.</summary>
/// <param name="HeightMeters">The actor's height as rendered (its skeleton's height times its scale).</param>
public sealed record ActorAnnotation(string Id, string Description, ActorKind Kind, double HeightMeters,
    IReadOnlyList<MotionSegment> Segments, IReadOnlyList<ActorFrameAnnotation> Frames);

/// <summary>A stretch of time (seconds) in which the actor plays one motion clip.</summary>
/// <param name="Label">The plan's motion phrase.</param>
/// <param name="Source">The clip that was played (procedural name or library entry).</param>
public sealed record MotionSegment(string Label, string Source, double Start, double End);

/// <summary>A pixel rectangle [X0, X1) × [Y0, Y1) in the video frame.</summary>
public readonly record struct PixelRect(float X0, float Y0, float X1, float Y1)
{
    public bool Contains(Vector2 p) => p.X >= X0 && p.X <= X1 && p.Y >= Y0 && p.Y <= Y1;
    public float Width => X1 - X0;
    public float Height => Y1 - Y0;
    public Vector2 Center => new((X0 + X1) / 2, (Y0 + Y1) / 2);
}

/// <summary>One actor in one frame.</summary>
/// <param name="Root">Body centre (the skeleton's root joint, the pelvis of a human) in world metres, Y up.</param>
/// <param name="Forward">Unit facing vector in the world (the actor's +Z after its yaw).</param>
/// <param name="FeetHeight">Lowest splat centre of the posed body above the ground under the root, metres.</param>
/// <param name="Box">Bounds of the projected splat centres that fall inside the frame, or null when none does.</param>
/// <param name="Visible">Share of the actor's splats whose centres project inside the frame, in front of the camera.</param>
public sealed record ActorFrameAnnotation(int Frame, Vector3 Root, Vector3 Forward, float FeetHeight, PixelRect? Box, float Visible);
