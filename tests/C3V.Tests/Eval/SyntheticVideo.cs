using System.Numerics;
using C3V.Actors;
using C3V.Annotations;
using C3V.Render;

namespace C3V.Tests.Eval;

/// <summary>
/// Hand-made annotations for the check tests: 3 s at 10 fps, 200×200, a static camera at (0, 1.5, 8) looking
/// toward −Z (image right is world +X, nearer the camera is +Z), actors moved by functions of time.
/// </summary>
sealed class SyntheticVideo
{
    public const float Fps = 10, Seconds = 3;
    public const int Size = 200;
    public static readonly Camera Camera = Camera.LookAt(new Vector3(0, 1.5f, 8), new Vector3(0, 1, 0), Vector3.UnitY, 0.9f, Size, Size);
    readonly List<ActorAnnotation> _actors = [];
    public string SceneLabel { get; init; } = "park_lawn";

    /// <param name="at">Root on the ground (x, z) at time t.</param>
    /// <param name="facing">Facing yaw at time t (radians, 0 = +Z toward the camera); default: along the motion, else toward the camera.</param>
    /// <param name="feet">Feet height at time t (default on the ground).</param>
    public SyntheticVideo Actor(string id, string description, Func<float, Vector2> at, Func<float, float>? facing = null,
        Func<float, float>? feet = null, ActorKind kind = ActorKind.Human, params MotionSegment[] segments)
    {
        int n = (int)(Fps * Seconds);
        var frames = new List<ActorFrameAnnotation>();
        for (int f = 0; f < n; f++)
        {
            float t = f / Fps;
            var g = at(t);
            float yaw;
            if (facing is not null) yaw = facing(t);
            else
            {
                var d = at(t + 0.05f) - at(t - 0.05f);
                yaw = d.LengthSquared() > 1e-8f ? MathF.Atan2(d.X, d.Y) : 0;
            }
            var root = new Vector3(g.X, 0.9f, g.Y);
            var (px, z) = Camera.Project(root);
            float half = 0.9f * Camera.Fy / z;
            frames.Add(new ActorFrameAnnotation(f, root, new Vector3(MathF.Sin(yaw), 0, MathF.Cos(yaw)), feet?.Invoke(t) ?? 0.02f,
                new PixelRect(px.X - half / 3, px.Y - half, px.X + half / 3, px.Y + half), 1));
        }
        _actors.Add(new ActorAnnotation(id, description, kind, 1.75, segments.Length > 0 ? segments : [new MotionSegment("stands", "idle", 0, Seconds)], frames));
        return this;
    }

    public VideoAnnotations Build() => new()
    {
        Fps = Fps, Width = Size, Height = Size, FrameCount = (int)(Fps * Seconds), Scene = new SceneLabel(SceneLabel, "a park"),
        Cameras = Enumerable.Range(0, (int)(Fps * Seconds)).Select(f => FrameCamera.Of(f, Camera)).ToList(), Actors = _actors,
    };

    public static Func<float, Vector2> Still(float x, float z) => _ => new Vector2(x, z);
    public static Func<float, Vector2> Line(Vector2 from, Vector2 velocity) => t => from + velocity * t;
}
