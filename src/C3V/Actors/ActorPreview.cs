using System.Numerics;
using C3V.Output;
using C3V.Render;
using C3V.Splats;

namespace C3V.Actors;

/// <summary>
/// Preview renders of an actor: a follow camera that keeps the figure framed while it moves (slowly orbiting,
/// so a still clip becomes a turntable), on a light checkered floor, and a grid of several avatars.
/// </summary>
public sealed class ActorPreview
{
    static readonly Vector3 Sky = new(0.80f, 0.85f, 0.90f);
    readonly GaussianRasterizer _rasterizer = new();

    public int Width { get; init; } = 512;
    public int Height { get; init; } = 512;
    /// <summary>Camera yaw per second around the actor (radians; 0 = fixed three-quarter view).</summary>
    public float OrbitSpeed { get; init; } = 0.35f;

    /// <summary>A checkered floor of flat Gaussians covering <paramref name="min"/>..<paramref name="max"/> in XZ (plus a margin) at y = 0.</summary>
    public static GaussianCloud Floor(Vector2 min, Vector2 max, float margin = 2.5f, float cell = 0.5f)
    {
        const float spacing = 0.06f;
        min -= new Vector2(margin); max += new Vector2(margin);
        int nx = (int)((max.X - min.X) / spacing) + 1, nz = (int)((max.Y - min.Y) / spacing) + 1;
        var cloud = new GaussianCloud(nx * nz);
        int i = 0;
        for (int z = 0; z < nz; z++)
            for (int x = 0; x < nx; x++, i++)
            {
                float px = min.X + x * spacing, pz = min.Y + z * spacing;
                bool dark = (((int)MathF.Floor(px / cell) + (int)MathF.Floor(pz / cell)) & 1) == 0;
                SurfaceSplat.Write(cloud, i, new Vector3(px, -0.004f, pz), Vector3.UnitY, Vector3.UnitX, spacing, dark ? new Vector3(0.62f, 0.64f, 0.6f) : new Vector3(0.74f, 0.76f, 0.72f), 0.99f);
            }
        return cloud;
    }

    /// <summary>
    /// Camera looking at a figure of height <paramref name="height"/> standing at <paramref name="at"/>, from direction
    /// <paramref name="yaw"/>; <paramref name="length"/> (its longest horizontal size, for long props such as a car) moves it further back.
    /// </summary>
    public Camera Framing(Vector3 at, float height, float yaw, float length = 0)
    {
        var target = new Vector3(at.X, at.Y + height * 0.5f, at.Z);
        float size = MathF.Max(height, 0.6f * length);
        float distance = size * 2.2f + 0.6f;
        var eye = target + new Vector3(MathF.Sin(yaw) * distance, size * 0.25f, MathF.Cos(yaw) * distance);
        return Camera.LookAt(eye, target, Vector3.UnitY, 0.62f, Width, Height);
    }

    /// <summary>Renders the actor posed at <paramref name="time"/> of <paramref name="clip"/>.</summary>
    public Image Frame(SkinnedCloud actor, MotionClip clip, float time, GaussianCloud? floor = null)
    {
        var posed = actor.Pose(clip, time);
        var (min, max) = actor.Rest.Bounds();
        // Aim at the middle of the body, not the pelvis (an animal's pelvis is at its rear).
        var root = actor.PosedJoints[Skeleton.Pelvis] + HorizontalCentre(actor);
        // Follow a flying actor up (the floor stays in view while it stands or jumps).
        float rise = root.Y - actor.Skeleton.RestPositions[Skeleton.Pelvis].Y;
        root.Y = rise > actor.Skeleton.Height ? rise : 0;
        var cam = Framing(root, actor.Skeleton.Height, 0.5f + OrbitSpeed * time, MathF.Max(max.X - min.X, max.Z - min.Z));
        var clouds = floor is null ? new[] { new CloudInstance(posed) } : [new CloudInstance(floor), new CloudInstance(posed)];
        return _rasterizer.Render(clouds, cam, new RenderOptions { Background = Sky }).ToImage();
    }

    /// <summary>
    /// A contact sheet: <paramref name="moments"/> evenly spaced moments of <paramref name="clip"/> side by side (a
    /// one-shot from its first frame to its last, a loop over one cycle), each seen from the same fixed three-quarter
    /// direction and following the actor. For a two-person clip <paramref name="partner"/> stands at the clip's
    /// partner distance, turned to face the actor, playing its part (<see cref="MotionClip.AsPartner"/>), seen from the side.
    /// <paramref name="view"/> overrides the direction the camera looks from (radians about the vertical; 0 = in front,
    /// π/2 = at the actor's left), e.g. to see a push-up or a hug square from the side.
    /// </summary>
    public Image Sheet(SkinnedCloud actor, MotionClip clip, int moments, SkinnedCloud? partner = null, float? view = null)
    {
        if (moments < 1) throw new ArgumentOutOfRangeException(nameof(moments), "a sheet needs at least one moment");
        var sheet = new Image(Width * moments, Height);
        var floor = FloorFor(clip, actor.Skeleton, clip.Duration);
        float? apart = partner is null ? null : clip.PartnerDistanceFor(actor.Skeleton);
        var partnerClip = clip.AsPartner();
        var facing = new RigidTransform(Quaternion.CreateFromAxisAngle(Vector3.UnitY, MathF.PI), new Vector3(0, 0, apart ?? 0));
        var (min, max) = actor.Rest.Bounds();
        for (int k = 0; k < moments; k++)
        {
            float t = clip.Loop || moments == 1 ? clip.Duration * k / moments : clip.Duration * k / (moments - 1);
            var clouds = new List<CloudInstance> { new(floor), new(actor.Pose(clip, t).Clone()) };
            var at = actor.PosedJoints[Skeleton.Pelvis] + HorizontalCentre(actor);
            float rise = at.Y - actor.Skeleton.RestPositions[Skeleton.Pelvis].Y;
            at.Y = rise > actor.Skeleton.Height ? rise : 0;
            float yaw = 0.6f, length = MathF.Max(max.X - min.X, max.Z - min.Z);
            if (apart is { } d)
            {
                clouds.Add(new CloudInstance(partner!.Pose(partnerClip, t), facing));
                at += new Vector3(0, 0, d / 2);
                (yaw, length) = (MathF.PI / 2 - 0.25f, MathF.Max(length, d + 0.6f));
            }
            yaw = view ?? yaw;
            var img = _rasterizer.Render(clouds, Framing(at, actor.Skeleton.Height, yaw, length), new RenderOptions { Background = Sky }).ToImage();
            for (int y = 0; y < Height; y++)
                Array.Copy(img.Rgb, y * Width * 3, sheet.Rgb, (y * sheet.Width + k * Width) * 3, Width * 3);
        }
        return sheet;
    }

    /// <summary>Horizontal offset from the rest pelvis to the middle of the rest body's bounds.</summary>
    static Vector3 HorizontalCentre(SkinnedCloud actor)
    {
        var (min, max) = actor.Rest.Bounds();
        var c = (min + max) / 2 - actor.Skeleton.RestPositions[Skeleton.Pelvis];
        return new Vector3(c.X, 0, c.Z);
    }

    /// <summary>A floor under the whole root path of <paramref name="clip"/> played for <paramref name="seconds"/>.</summary>
    public static GaussianCloud FloorFor(MotionClip clip, Skeleton skeleton, float seconds)
    {
        var min = new Vector2(float.MaxValue); var max = new Vector2(float.MinValue);
        Span<Quaternion> q = stackalloc Quaternion[Skeleton.JointCount];
        for (float t = 0; t <= seconds + 1e-3f; t += 0.1f)
        {
            var r = clip.SampleInto(t, q, skeleton);
            min = Vector2.Min(min, new Vector2(r.X, r.Z)); max = Vector2.Max(max, new Vector2(r.X, r.Z));
        }
        return Floor(min, max);
    }

    /// <summary>Several actors side by side, each in its own cell posed at <paramref name="time"/> of its own clip (a prop: <see cref="MotionClip.Still"/>).</summary>
    public Image Grid(IReadOnlyList<(SkinnedCloud Actor, MotionClip Clip)> cells, float time, int columns)
    {
        var actors = cells.Select(c => c.Actor).ToList();
        int rows = (actors.Count + columns - 1) / columns;
        var sheet = new Image(Width * columns, Height * rows);
        for (int i = 0; i < sheet.Rgb.Length; i += 3) { sheet.Rgb[i] = Sky.X; sheet.Rgb[i + 1] = Sky.Y; sheet.Rgb[i + 2] = Sky.Z; }
        var floor = Floor(new Vector2(-0.5f), new Vector2(0.5f), 1.5f);
        for (int i = 0; i < actors.Count; i++)
        {
            var posed = actors[i].Pose(cells[i].Clip, time);
            // Same camera for all cells, sized for the tallest, so relative heights show.
            float h = actors.Max(a => a.Skeleton.Height);
            var cam = Framing((actors[i].Skeleton.RestPositions[Skeleton.Pelvis] + HorizontalCentre(actors[i])) with { Y = 0 }, h, 0.45f);
            var img = _rasterizer.Render([new CloudInstance(floor), new CloudInstance(posed)], cam, new RenderOptions { Background = Sky }).ToImage();
            int ox = (i % columns) * Width, oy = (i / columns) * Height;
            for (int y = 0; y < Height; y++)
                Array.Copy(img.Rgb, y * Width * 3, sheet.Rgb, ((oy + y) * sheet.Width + ox) * 3, Width * 3);
        }
        return sheet;
    }
}
