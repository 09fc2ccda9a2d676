using System.Numerics;

namespace C3V.World;

/// <summary>
/// Reusable procedural props built from <see cref="SplatBuilder"/> shapes: sky, trees, rocks, benches,
/// lamps, fences, buildings, vehicles, a lawn mower. Sizes are real-world metres; each prop draws from its
/// own forked random stream so the others do not change when one is added.
/// </summary>
public static class Props
{
    static Vector3 Rgb(float r, float g, float b) => new(r, g, b);

    /// <summary>Sky dome with a horizon→zenith gradient; clouds by day, stars by night, a sun glow at sunset.</summary>
    public static void Sky(SceneContext ctx, Vector3? dayHorizon = null, Vector3? dayZenith = null, bool clouds = true, float radius = 90)
    {
        var (horizon, zenith) = ctx.SkyColors(dayHorizon, dayZenith);
        ctx.Background = horizon;
        var rng = ctx.Random.Fork("sky");
        var center = new Vector3(ctx.CameraEye.X, 0, ctx.CameraEye.Z);
        uint seed = ctx.NoiseSeed;
        var t = ctx.Parameters.TimeOfDay;
        ctx.Builder.SkyDome(center, radius, (el, az) =>
        {
            float k = MathF.Pow(Math.Clamp(el, 0, 1), 0.55f);
            var c = Vector3.Lerp(horizon, zenith, k);
            if (t == TimeOfDay.Sunset)
            {
                // glow around the sun, low in the −X (left, west) sky
                float sunAz = 0.5f, d = MathF.Abs(az - sunAz);
                d = MathF.Min(d, 1 - d);
                c += new Vector3(0.5f, 0.3f, 0.05f) * MathF.Exp(-d * d * 90) * MathF.Exp(-MathF.Max(el, 0) * 5);
            }
            else if (clouds && t == TimeOfDay.Day && el > 0.06f)
            {
                float n = ValueNoise.Fbm(az * 24, el * 7, seed, 4);
                float cover = Math.Clamp((n - 0.55f) * 4, 0, 1) * MathF.Min(1, el * 6);
                c = Vector3.Lerp(c, Rgb(0.97f, 0.97f, 0.98f), cover * 0.85f);
            }
            return Vector3.Clamp(c, Vector3.Zero, Vector3.One);
        }, rng);
        if (t == TimeOfDay.Night)
        {
            // stars just inside the dome, and a moon
            for (int i = 0; i < 260; i++)
            {
                var d = rng.OnSphere();
                if (d.Y < 0.12f) d.Y = 0.12f + rng.Next() * 0.8f;
                d = Vector3.Normalize(d);
                float s = rng.Range(0.08f, 0.2f);
                ctx.Builder.Add(center + d * (radius * 0.97f), new Vector3(s), Quaternion.Identity, Rgb(0.95f, 0.95f, 1f), rng.Range(0.5f, 1f));
            }
            var moonDir = Vector3.Normalize(new Vector3(0.5f, 0.55f, -1f));
            ctx.Builder.Ellipsoid(center + moonDir * radius * 0.95f, new Vector3(2.6f), 0.7f, _ => Rgb(0.95f, 0.93f, 0.85f), rng, 0.03f);
        }
    }

    /// <summary>
    /// Ground: a finely sampled patch over <paramref name="near"/> (where actors walk and the camera looks
    /// closely) and coarser rings out to <paramref name="farExtent"/> metres so the ground reaches the horizon.
    /// <paramref name="height"/> adds relief (keep it zero inside the walkable region).
    /// </summary>
    public static void Field(SceneContext ctx, (float MinX, float MaxX, float MinZ, float MaxZ) near, Func<float, float, Vector3> color,
        float nearSpacing = 0.14f, float farExtent = 80, Func<float, float, float>? height = null)
    {
        var rng = ctx.Random.Fork("ground");
        var b = ctx.Builder;
        var g = ctx.Ground;
        b.Ground(near.MinX, near.MaxX, near.MinZ, near.MaxZ, nearSpacing, g, color, rng, height: height);
        // Each coarser ring skips only what lies well inside the finer one, so the rings overlap by a sample
        // or two and no seam of half-covered ground shows between them.
        float m1 = nearSpacing * 2.6f;
        bool InNear(float x, float z) => x > near.MinX + m1 && x < near.MaxX - m1 && z > near.MinZ + m1 && z < near.MaxZ - m1;
        float midX = MathF.Max(-near.MinX, near.MaxX) + 14, midZ0 = near.MinZ - 18, midZ1 = near.MaxZ + 8;
        b.Ground(-midX, midX, midZ0, midZ1, m1, g, color, rng, InNear, height);
        float m2 = nearSpacing * 8f;
        bool InMid(float x, float z) => x > -midX + m2 && x < midX - m2 && z > midZ0 + m2 && z < midZ1 - m2;
        b.Ground(-farExtent, farExtent, -farExtent, near.MaxZ + 20, m2, g, color, rng, InMid, height);
    }

    /// <summary>A broadleaf tree: trunk and a lumpy crown of a few blobs.</summary>
    public static void Tree(SceneContext ctx, Vector3 foot, float height, Vector3? leaves = null, string key = "tree")
    {
        var rng = ctx.Random.Fork(key + foot);
        var b = ctx.Builder;
        var trunk = Rgb(0.36f, 0.25f, 0.16f);
        var leaf = leaves ?? Rgb(0.2f, 0.45f, 0.15f);
        float r = 0.045f * height + 0.05f, trunkH = height * 0.55f, lod = ctx.Lod(foot);
        b.Cylinder(foot, r, trunkH, 0.06f * lod, trunk, rng, 0.08f, cap: false, topRadius: r * 0.7f);
        float crown = height * 0.3f;
        var top = foot + new Vector3(0, height - crown, 0);
        int blobs = 4;
        for (int i = 0; i < blobs; i++)
        {
            var off = i == 0 ? Vector3.Zero : new Vector3(rng.Range(-0.55f, 0.55f), rng.Range(-0.35f, 0.25f), rng.Range(-0.55f, 0.55f)) * crown;
            float rad = crown * (i == 0 ? 1f : rng.Range(0.6f, 0.8f));
            uint seed = (uint)rng.NextULong();
            b.Ellipsoid(top + off, new Vector3(rad, rad * 0.85f, rad), MathF.Max(0.09f, rad * 0.12f) * lod, d =>
            {
                float shade = 0.75f + 0.35f * d.Y + 0.25f * (ValueNoise.At(d.X * 4 + 3, d.Z * 4 + d.Y * 3, seed) - 0.5f);
                return leaf * shade;
            }, rng, 0.12f, lumpiness: 0.35f);
        }
    }

    /// <summary>A conifer: trunk and stacked cones; snowy tips when <paramref name="snow"/>.</summary>
    public static void Pine(SceneContext ctx, Vector3 foot, float height, bool snow = false, string key = "pine")
    {
        var rng = ctx.Random.Fork(key + foot);
        var b = ctx.Builder;
        float lod = ctx.Lod(foot);
        b.Cylinder(foot, 0.08f + 0.02f * height, height * 0.25f, 0.07f * lod, Rgb(0.33f, 0.22f, 0.14f), rng, 0.06f, cap: false);
        var needles = Rgb(0.1f, 0.3f, 0.17f);
        for (int k = 0; k < 3; k++)
        {
            float y0 = height * (0.18f + 0.25f * k), h = height * (0.45f - 0.06f * k), rad = height * (0.27f - 0.06f * k);
            var baseC = foot + new Vector3(0, y0, 0);
            b.Surface((u, v) =>
            {
                float ang = u * 2 * MathF.PI, rr = rad * (1 - v);
                return baseC + new Vector3(rr * MathF.Cos(ang), v * h, rr * MathF.Sin(ang));
            }, MathF.Max(0.08f, height * 0.025f) * lod, (u, v) => snow && v > 0.55f ? Rgb(0.93f, 0.95f, 0.98f) : needles * (0.8f + 0.4f * v),
                rng, 0.1f, outwardFrom: baseC + new Vector3(0, h * 0.3f, 0));
            if (snow) b.Disc(baseC + new Vector3(0, 0.02f, 0), rad, 0.15f * lod, Rgb(0.9f, 0.93f, 0.97f), rng, 0.03f, innerRadius: rad * 0.55f);
        }
    }

    public static void Bush(SceneContext ctx, Vector3 foot, float size, Vector3? color = null)
    {
        var rng = ctx.Random.Fork("bush" + foot);
        var c = color ?? Rgb(0.22f, 0.42f, 0.16f);
        ctx.Builder.Ellipsoid(foot + new Vector3(0, size * 0.35f, 0), new Vector3(size * 0.6f, size * 0.45f, size * 0.55f), 0.07f * ctx.Lod(foot),
            d => c * (0.8f + 0.3f * d.Y), rng, 0.12f, lumpiness: 0.4f, minY: -0.5f);
    }

    public static void Rock(SceneContext ctx, Vector3 foot, Vector3 size, Vector3 color, string key = "rock")
    {
        var rng = ctx.Random.Fork(key + foot);
        ctx.Builder.Ellipsoid(foot + new Vector3(0, size.Y * 0.25f, 0), size, MathF.Max(0.05f, size.X * 0.12f) * ctx.Lod(foot),
            d => color * (0.85f + 0.2f * d.Y), rng, 0.07f, lumpiness: 0.45f, minY: -0.3f);
    }

    /// <summary>A park bench facing +Z rotated by <paramref name="yaw"/>.</summary>
    public static void Bench(SceneContext ctx, Vector3 foot, float yaw, Vector3? color = null)
    {
        var rng = ctx.Random.Fork("bench" + foot);
        var b = ctx.Builder;
        var wood = color ?? Rgb(0.55f, 0.35f, 0.18f);
        var iron = Rgb(0.15f, 0.15f, 0.16f);
        var q = Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw);
        Vector3 W(float x, float y, float z) => foot + Vector3.Transform(new Vector3(x, y, z), q);
        b.Box(W(0, 0.42f, 0), new Vector3(1.6f, 0.06f, 0.45f), yaw, 0.05f, wood, rng);
        b.Box(W(0, 0.5f, -0.22f), new Vector3(1.6f, 0.4f, 0.05f), yaw, 0.05f, wood, rng);
        foreach (float x in new[] { -0.7f, 0.7f })
            foreach (float z in new[] { -0.18f, 0.18f })
                b.Rod(W(x, 0, z), W(x, 0.42f, z), 0.025f, 0.04f, iron, rng);
    }

    /// <summary>A street lamp; its lamp glows (untinted) at night.</summary>
    public static void LampPost(SceneContext ctx, Vector3 foot, float height = 3.6f)
    {
        var rng = ctx.Random.Fork("lamp" + foot);
        var b = ctx.Builder;
        b.Rod(foot, foot + new Vector3(0, height, 0), 0.06f, 0.05f, Rgb(0.12f, 0.13f, 0.14f), rng);
        var tint = b.Tint;
        if (ctx.Parameters.TimeOfDay != TimeOfDay.Day) b.Tint = new Vector3(1.6f);
        b.Ellipsoid(foot + new Vector3(0, height + 0.15f, 0), new Vector3(0.2f, 0.25f, 0.2f), 0.04f, _ => Rgb(1f, 0.9f, 0.6f), rng, 0.02f);
        b.Tint = tint;
    }

    /// <summary>A push lawn mower facing +Z turned by <paramref name="yaw"/>, about 1 m long with its handle.</summary>
    public static void Mower(SceneContext ctx, Vector3 foot, float yaw, Vector3? color = null)
    {
        var rng = ctx.Random.Fork("mower" + foot);
        var b = ctx.Builder;
        var body = color ?? Rgb(0.85f, 0.12f, 0.08f);
        var q = Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw);
        Vector3 W(float x, float y, float z) => foot + Vector3.Transform(new Vector3(x, y, z), q);
        b.Box(W(0, 0.1f, 0), new Vector3(0.52f, 0.2f, 0.6f), yaw, 0.035f, body, rng);
        b.Box(W(0, 0.3f, 0.02f), new Vector3(0.28f, 0.16f, 0.3f), yaw, 0.03f, Rgb(0.15f, 0.15f, 0.15f), rng);
        foreach (float x in new[] { -0.28f, 0.28f })
            foreach (float z in new[] { -0.22f, 0.22f })
                b.Rod(W(x, 0.09f, z), W(x * 1.18f, 0.09f, z), 0.09f, 0.03f, Rgb(0.08f, 0.08f, 0.08f), rng, caps: true);
        var handle = Rgb(0.2f, 0.2f, 0.22f);
        foreach (float x in new[] { -0.22f, 0.22f })
            b.Rod(W(x, 0.2f, -0.28f), W(x, 0.95f, -0.75f), 0.018f, 0.03f, handle, rng);
        b.Rod(W(-0.24f, 0.95f, -0.75f), W(0.24f, 0.95f, -0.75f), 0.022f, 0.03f, handle, rng);
    }

    /// <summary>A wooden fence along a line: posts every ~2 m and two rails.</summary>
    public static void Fence(SceneContext ctx, Vector3 from, Vector3 to, Vector3? color = null)
    {
        var rng = ctx.Random.Fork("fence" + from + to);
        var b = ctx.Builder;
        var wood = color ?? Rgb(0.6f, 0.45f, 0.28f);
        int posts = Math.Max(2, (int)MathF.Ceiling(Vector3.Distance(from, to) / 2f) + 1);
        for (int i = 0; i < posts; i++)
        {
            var p = Vector3.Lerp(from, to, i / (posts - 1f));
            b.Box(p, new Vector3(0.1f, 1.05f, 0.1f), 0, 0.05f, wood, rng);
        }
        foreach (float y in new[] { 0.45f, 0.85f })
            b.Rod(from + new Vector3(0, y, 0), to + new Vector3(0, y, 0), 0.04f, 0.06f, wood * 0.9f, rng);
    }

    /// <summary>
    /// A building with a grid of windows on every wall. <paramref name="ruined"/> darkens, breaks windows and
    /// leaves holes; <paramref name="lit"/> lights windows (at night).
    /// </summary>
    public static void Building(SceneContext ctx, Vector3 foot, Vector3 size, float yaw, Vector3 wall, Vector3 window,
        bool ruined = false, string key = "building")
    {
        var rng = ctx.Random.Fork(key + foot);
        uint seed = (uint)rng.NextULong();
        bool night = ctx.Parameters.TimeOfDay == TimeOfDay.Night;
        float spacing = MathF.Max(0.16f, MathF.Min(size.X, size.Y) / 50f) * ctx.Lod(foot + new Vector3(0, size.Y / 2, 0));
        ctx.Builder.Box(foot, size, yaw, spacing, (face, u, v) =>
        {
            if (face == 2) return wall * 0.8f;
            if (ruined && ValueNoise.At(u * 0.5f, v * 0.5f + face * 7, seed) > 0.78f) return wall * 0.6f; // scorched patch
            float fu = u % 2.4f, fv = v % 3.2f;
            bool inWindow = v > 1.0f && fu > 0.6f && fu < 1.8f && fv > 1.0f && fv < 2.4f && v < size.Y - 0.6f;
            if (!inWindow) return wall;
            if (ruined) return Rgb(0.06f, 0.05f, 0.05f);
            bool on = night && ValueNoise.At(u * 0.4f + face, v * 0.3f, seed) > 0.45f;
            return on ? Rgb(1f, 0.85f, 0.45f) * 2.2f : window;
        }, rng, 0.05f);
    }

    /// <summary>A small car facing +Z turned by <paramref name="yaw"/>; <paramref name="wreck"/> rusts and flattens it.</summary>
    public static void Car(SceneContext ctx, Vector3 foot, float yaw, Vector3 color, bool wreck = false)
    {
        var rng = ctx.Random.Fork("car" + foot);
        var b = ctx.Builder;
        var q = Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw);
        Vector3 W(float x, float y, float z) => foot + Vector3.Transform(new Vector3(x, y, z), q);
        var paint = wreck ? Vector3.Lerp(color, Rgb(0.45f, 0.25f, 0.12f), 0.6f) : color;
        b.Box(W(0, 0.3f, 0), new Vector3(1.75f, 0.6f, 4.1f), yaw, 0.08f, paint, rng, wreck ? 0.15f : 0.04f);
        b.Box(W(0, 0.9f, -0.2f), new Vector3(1.5f, wreck ? 0.35f : 0.55f, 2.1f), yaw, 0.07f,
            (f, u, v) => f is 2 ? paint : Rgb(0.12f, 0.15f, 0.18f), rng);
        foreach (float x in new[] { -0.88f, 0.88f })
            foreach (float z in new[] { -1.3f, 1.3f })
                b.Rod(W(x, 0.33f, z), W(x * 1.1f, 0.33f, z), 0.33f, 0.06f, Rgb(0.06f, 0.06f, 0.06f), rng, caps: true);
    }

    /// <summary>
    /// A gabled roof on a box house standing on <paramref name="foot"/> with <paramref name="size"/>: two shingled
    /// slopes meeting in a ridge along X, overhanging by <paramref name="overhang"/>, and the two triangular
    /// gable ends in the wall colour.
    /// </summary>
    public static void GableRoof(SceneContext ctx, Vector3 foot, Vector3 size, Vector3 roof, Vector3 gable, float overhang, float ridgeHeight, string key = "roof")
    {
        var b = ctx.Builder;
        var rng = ctx.Random.Fork(key);
        var top = foot + new Vector3(0, size.Y, 0);
        var ridge = foot + new Vector3(-size.X / 2 - overhang, size.Y + ridgeHeight, 0);
        foreach (float side in new[] { 1f, -1f })
        {
            var eave = foot + new Vector3(-size.X / 2 - overhang, size.Y - 0.25f, side * (size.Z / 2 + overhang));
            b.Quad(eave, new Vector3(size.X + 2 * overhang, 0, 0), ridge - eave, 0.08f,
                (u, v) => roof * (0.85f + 0.15f * MathF.Abs(MathF.Sin(v * MathF.PI / 0.25f))), rng, 0.05f, outwardFrom: top);
        }
        foreach (float side in new[] { -1f, 1f })
        {
            var baseL = foot + new Vector3(side * size.X / 2, size.Y, -size.Z / 2);
            b.Surface((u, v) => baseL + new Vector3(0, v * ridgeHeight, (u * (1 - v) + v * 0.5f) * size.Z), 0.07f,
                (_, _) => gable, rng, 0.05f, outwardFrom: top);
        }
    }
}
