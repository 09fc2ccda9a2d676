using System.Numerics;

namespace C3V.World;

/// <summary>
/// A kind of place the procedural generator can build ("cabin in a meadow", "beach", …). Subclasses fill a
/// <see cref="SceneContext"/>; <see cref="Generate"/> adds the view-relative landmarks (corners, sides,
/// centre) and returns the finished <see cref="Scene"/>. <see cref="Labels"/> are the phrases retrieval
/// matches descriptions against.
/// </summary>
public abstract class SceneArchetype
{
    public abstract string Id { get; }
    /// <summary>Phrases that describe this kind of place (retrieval labels).</summary>
    public abstract IReadOnlyList<string> Labels { get; }

    protected abstract void Build(SceneContext ctx);

    public Scene Generate(string description, int seed, SceneParameters? parameters = null, IReadOnlyList<string>? warnings = null)
    {
        var ctx = new SceneContext(description, parameters ?? SceneParameters.Parse(description), seed);
        Build(ctx);
        var (minX, maxX, minZ, maxZ) = ctx.WalkRect;
        var walk = new WalkableRegion(minX, maxX, minZ, maxZ, ctx.Obstacles.ToArray());
        float fov = ctx.CameraFovYDegrees * MathF.PI / 180f;
        var camera = Render.Camera.LookAt(ctx.CameraEye, ctx.CameraTarget, Vector3.UnitY, fov, 512, 512);
        var cloud = ctx.Builder.ToCloud();
        var landmarks = LandmarkSettler.Settle([.. ctx.Landmarks, .. ViewLandmarks(camera, walk, ctx.Ground)], cloud, camera, walk, ctx.Ground);
        return new Scene
        {
            Archetype = Id,
            Description = description,
            Cloud = cloud,
            Ground = ctx.Ground,
            Walkable = walk,
            Landmarks = landmarks,
            Background = ctx.Background,
            Seed = seed,
            CameraEye = ctx.CameraEye,
            CameraTarget = ctx.CameraTarget,
            CameraFovY = fov,
            Warnings = warnings ?? [],
        };
    }

    /// <summary>
    /// Landmarks relative to the default view (512×512): the four corners, the sides, the centre, the
    /// foreground and the background of the walkable ground as the camera sees it.
    /// </summary>
    static IEnumerable<Landmark> ViewLandmarks(Render.Camera cam, WalkableRegion walk, GroundPlane ground)
    {
        int size = cam.Width;
        // Ground point seen at pixel (u, v), clamped into the walkable rectangle; null when the ray misses.
        Vector3? Hit(float u, float v)
        {
            var o = cam.Position;
            var d = cam.RayDirection(new Vector2(u * size, v * size));
            // Ray–plane intersection with y = h0 + sx·x + sz·z.
            var n = new Vector3(-ground.SlopeX, 1, -ground.SlopeZ);
            float denom = Vector3.Dot(n, d);
            if (denom > -1e-4f) return null;
            float t = (ground.Height - Vector3.Dot(n, o)) / denom;
            if (t <= 0 || t > 200) return null;
            var p = o + t * d;
            var c = walk.Clamp(new Vector2(p.X, p.Z));
            return ground.OnGround(c.X, c.Y);
        }
        // Bottom row: near the bottom edge; top row: the highest row whose ground is still inside the region.
        const float bottom = 0.9f;
        float top = bottom;
        for (float v = bottom; v > 0.05f; v -= 0.01f)
        {
            var h = Hit(0.5f, v);
            if (h is null || h.Value.Z <= walk.MinZ + 0.3f) break;
            top = v;
        }
        float mid = (top + bottom) / 2;
        Landmark L(string name, string[] aliases, float u, float v) =>
            new(name, aliases, Hit(u, v) ?? ground.OnGround(walk.Center.X, walk.Center.Y));
        yield return L("the bottom left corner", ["bottom left", "lower left corner", "front left corner", "near left corner"], 0.12f, bottom);
        yield return L("the bottom right corner", ["bottom right", "lower right corner", "front right corner", "near right corner"], 0.88f, bottom);
        yield return L("the top left corner", ["top left", "upper left corner", "back left corner", "far left corner"], 0.12f, top);
        yield return L("the top right corner", ["top right", "upper right corner", "back right corner", "far right corner"], 0.88f, top);
        yield return L("the left side", ["left", "the left", "left edge", "left of the frame"], 0.1f, mid);
        yield return L("the right side", ["right", "the right", "right edge", "right of the frame"], 0.9f, mid);
        yield return L("the center", ["centre", "the middle", "middle", "center of the frame", "the centre"], 0.5f, mid);
        yield return L("the foreground", ["the front", "front", "near the camera", "the bottom", "bottom"], 0.5f, bottom);
        yield return L("the background", ["the back", "back", "far away", "the distance", "the top", "top"], 0.5f, top);
    }
}
