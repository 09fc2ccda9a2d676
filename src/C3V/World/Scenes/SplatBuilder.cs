using System.Numerics;
using C3V.Splats;

namespace C3V.World;

/// <summary>
/// Accumulates Gaussians for a procedural scene. Everything is built from one primitive,
/// <see cref="Surface"/>: a parametric patch covered by flat Gaussians (thin along the surface normal, sized
/// to the sample spacing so neighbours overlap into a closed surface). Boxes, cylinders, cones, spheres,
/// discs, the ground and the sky dome are all parametrisations of it.
/// </summary>
public sealed class SplatBuilder
{
    readonly List<Vector3> _pos = [];
    readonly List<Vector3> _sigma = [];
    readonly List<Quaternion> _rot = [];
    readonly List<Vector3> _rgb = [];
    readonly List<float> _opacity = [];

    public int Count => _pos.Count;

    /// <summary>Direction towards the sun (unit), for the simple Lambert shading of <see cref="Surface"/>.</summary>
    public Vector3 Sun { get; set; } = Vector3.Normalize(new Vector3(0.45f, 0.8f, 0.55f));
    /// <summary>Share of the light that does not depend on the surface's orientation.</summary>
    public float Ambient { get; set; } = 0.6f;
    /// <summary>Colour of the light (time of day): multiplies every shaded surface colour.</summary>
    public Vector3 Tint { get; set; } = Vector3.One;

    /// <summary>Lit colour of a surface with outward normal <paramref name="n"/>.</summary>
    public Vector3 Shade(Vector3 rgb, Vector3 n) => rgb * Tint * (Ambient + (1 - Ambient) * MathF.Max(0, Vector3.Dot(n, Sun)));

    /// <summary>Adds one Gaussian: standard deviations (metres) along its local axes, rotated by <paramref name="q"/>.</summary>
    public void Add(Vector3 position, Vector3 sigma, Quaternion q, Vector3 rgb, float opacity = 0.97f)
    {
        _pos.Add(position);
        _sigma.Add(Vector3.Max(sigma, new Vector3(1e-4f)));
        _rot.Add(q);
        _rgb.Add(Vector3.Clamp(rgb, Vector3.Zero, Vector3.One));
        _opacity.Add(opacity);
    }

    /// <summary>
    /// Covers the patch f(a, b), a, b ∈ [0, 1], with a grid of flat Gaussians about <paramref name="spacing"/>
    /// metres apart. <paramref name="color"/> gets (a, b); <paramref name="skip"/> (optional) drops samples.
    /// Sample positions are jittered by a fifth of the spacing so the grid does not show. With
    /// <paramref name="outwardFrom"/> (a point inside the shape) the patch is lit: normals are turned away from
    /// that point and the colour shaded by <see cref="Shade"/>; without it the colour is used as given (sky).
    /// </summary>
    public void Surface(Func<float, float, Vector3> f, float spacing, Func<float, float, Vector3> color, SceneRandom rng,
        float colorJitter = 0.05f, float opacity = 0.97f, Func<float, float, bool>? skip = null, float thickness = 0.1f,
        Vector3? outwardFrom = null)
    {
        // Arc lengths along a and b measured through the middle of the patch.
        float lenA = Length(a => f(a, 0.5f)), lenB = Length(b => f(0.5f, b));
        int na = Math.Max(1, (int)MathF.Ceiling(lenA / spacing)), nb = Math.Max(1, (int)MathF.Ceiling(lenB / spacing));
        const float h = 1e-3f;
        for (int i = 0; i < na; i++)
            for (int j = 0; j < nb; j++)
            {
                float a = (i + 0.5f + rng.Range(-0.2f, 0.2f)) / na, b = (j + 0.5f + rng.Range(-0.2f, 0.2f)) / nb;
                a = Math.Clamp(a, 0, 1); b = Math.Clamp(b, 0, 1);
                if (skip != null && skip(a, b)) continue;
                var p = f(a, b);
                var da = (f(MathF.Min(a + h, 1), b) - f(MathF.Max(a - h, 0), b)) / (MathF.Min(a + h, 1) - MathF.Max(a - h, 0));
                var db = (f(a, MathF.Min(b + h, 1)) - f(a, MathF.Max(b - h, 0))) / (MathF.Min(b + h, 1) - MathF.Max(b - h, 0));
                float su = da.Length() / na, sv = db.Length() / nb; // local sample spacing along each direction
                if (su < 1e-6f && sv < 1e-6f) continue;
                var (t1, n, t2) = Frame(da, db);
                float s1 = MathF.Max(su, 0.02f * spacing) * 0.75f, s2 = MathF.Max(sv, 0.02f * spacing) * 0.75f;
                float sn = MathF.Max(MathF.Min(s1, s2) * thickness, 0.002f);
                var rgb = color(a, b);
                if (outwardFrom is { } inside)
                {
                    if (Vector3.Dot(n, p - inside) < 0) n = -n;
                    rgb = Shade(rgb, n);
                }
                Add(p, new Vector3(s1, sn, s2), FromAxes(t1, n), rng.Jitter(rgb, colorJitter), opacity);
            }
    }

    static float Length(Func<float, Vector3> curve)
    {
        float len = 0;
        var prev = curve(0);
        for (int k = 1; k <= 16; k++)
        {
            var p = curve(k / 16f);
            len += Vector3.Distance(prev, p);
            prev = p;
        }
        return len;
    }

    /// <summary>Orthonormal frame (t1 along da, normal, t2) of a patch; degenerate derivatives fall back sensibly.</summary>
    static (Vector3 T1, Vector3 N, Vector3 T2) Frame(Vector3 da, Vector3 db)
    {
        var n = Vector3.Cross(db, da);
        if (n.LengthSquared() < 1e-20f)
        {
            var any = da.LengthSquared() > db.LengthSquared() ? da : db;
            n = Vector3.Cross(any, MathF.Abs(any.Y) < 0.9f ? Vector3.UnitY : Vector3.UnitX);
        }
        n = Vector3.Normalize(n);
        var t1 = da - Vector3.Dot(da, n) * n;
        if (t1.LengthSquared() < 1e-20f) t1 = Vector3.Cross(n, MathF.Abs(n.Y) < 0.9f ? Vector3.UnitY : Vector3.UnitX);
        t1 = Vector3.Normalize(t1);
        return (t1, n, Vector3.Cross(t1, n));
    }

    /// <summary>Rotation taking local +X to <paramref name="x"/> and local +Y to <paramref name="y"/> (orthonormal).</summary>
    public static Quaternion FromAxes(Vector3 x, Vector3 y)
    {
        var z = Vector3.Cross(x, y);
        // System.Numerics matrices are row-vector: the rows are the images of the basis vectors.
        var m = new Matrix4x4(x.X, x.Y, x.Z, 0, y.X, y.Y, y.Z, 0, z.X, z.Y, z.Z, 0, 0, 0, 0, 1);
        return Quaternion.Normalize(Quaternion.CreateFromRotationMatrix(m));
    }

    // ---- shapes (all parametrisations of Surface) ----

    /// <summary>The parallelogram origin + a·u + b·v.</summary>
    public void Quad(Vector3 origin, Vector3 u, Vector3 v, float spacing, Vector3 rgb, SceneRandom rng, float jitter = 0.05f,
        Vector3? outwardFrom = null) =>
        Quad(origin, u, v, spacing, (_, _) => rgb, rng, jitter, outwardFrom);

    /// <summary>The parallelogram with a colour function of the position in metres along u and v.</summary>
    /// <remarks>Without <paramref name="outwardFrom"/> the quad is lit as if it faced the camera side (+Z/up).</remarks>
    public void Quad(Vector3 origin, Vector3 u, Vector3 v, float spacing, Func<float, float, Vector3> color, SceneRandom rng,
        float jitter = 0.05f, Vector3? outwardFrom = null)
    {
        float lu = u.Length(), lv = v.Length();
        var inside = outwardFrom ?? origin + (u + v) / 2 - new Vector3(0, 0.5f, 1f);
        Surface((a, b) => origin + a * u + b * v, spacing, (a, b) => color(a * lu, b * lv), rng, jitter, outwardFrom: inside);
    }

    /// <summary>
    /// A box standing on <paramref name="baseCenter"/> (centre of its bottom face), turned by <paramref name="yaw"/>
    /// about +Y. <paramref name="faceColor"/> gets the face (0 +X, 1 −X, 2 top, 3 bottom, 4 +Z, 5 −Z) and the
    /// position on it in metres (horizontal, up from the bottom edge; for top/bottom: along X, along Z).
    /// </summary>
    public void Box(Vector3 baseCenter, Vector3 size, float yaw, float spacing, Func<int, float, float, Vector3> faceColor,
        SceneRandom rng, float jitter = 0.04f, bool bottom = false)
    {
        var q = Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw);
        Vector3 ex = Vector3.Transform(Vector3.UnitX, q) * size.X, ey = Vector3.UnitY * size.Y, ez = Vector3.Transform(Vector3.UnitZ, q) * size.Z;
        var o = baseCenter - ex / 2 - ez / 2; // bottom corner (−X, −Z)
        var inside = baseCenter + ey / 2;
        void Face(int id, Vector3 origin, Vector3 u, Vector3 v)
        {
            float lu = u.Length(), lv = v.Length();
            Surface((a, b) => origin + a * u + b * v, spacing, (a, b) => faceColor(id, a * lu, b * lv), rng, jitter, outwardFrom: inside);
        }
        Face(0, o + ex + ez, -ez, ey);  // +X face, horizontal runs from +Z to −Z
        Face(1, o, ez, ey);             // −X
        Face(2, o + ey, ex, ez);        // top
        if (bottom) Face(3, o, ex, ez);
        Face(4, o + ez, ex, ey);        // +Z (the front, facing the default camera)
        Face(5, o + ex, -ex, ey);       // −Z
    }

    public void Box(Vector3 baseCenter, Vector3 size, float yaw, float spacing, Vector3 rgb, SceneRandom rng, float jitter = 0.04f) =>
        Box(baseCenter, size, yaw, spacing, (_, _, _) => rgb, rng, jitter);

    /// <summary>An upright cylinder (side and top cap) standing on <paramref name="baseCenter"/>.</summary>
    public void Cylinder(Vector3 baseCenter, float radius, float height, float spacing, Vector3 rgb, SceneRandom rng,
        float jitter = 0.05f, bool cap = true, float topRadius = -1)
    {
        float r1 = topRadius < 0 ? radius : topRadius;
        Surface((a, b) =>
        {
            float ang = a * 2 * MathF.PI, r = radius + (r1 - radius) * b;
            return baseCenter + new Vector3(r * MathF.Cos(ang), b * height, r * MathF.Sin(ang));
        }, spacing, (_, _) => rgb, rng, jitter, outwardFrom: baseCenter + Vector3.UnitY * (height / 2));
        if (cap && r1 > 0) Disc(baseCenter + Vector3.UnitY * height, r1, spacing, rgb, rng, jitter);
    }

    /// <summary>A round rod (tube) from <paramref name="a"/> to <paramref name="b"/>: posts, legs, handles, rails.</summary>
    public void Rod(Vector3 a, Vector3 b, float radius, float spacing, Vector3 rgb, SceneRandom rng, float jitter = 0.04f, bool caps = false)
    {
        var axis = b - a;
        var dir = Vector3.Normalize(axis);
        var p1 = Vector3.Normalize(Vector3.Cross(dir, MathF.Abs(dir.Y) < 0.9f ? Vector3.UnitY : Vector3.UnitX));
        var p2 = Vector3.Cross(dir, p1);
        float sp = MathF.Min(spacing, radius * 2.2f);
        Surface((u, v) => a + v * axis + radius * (MathF.Cos(2 * MathF.PI * u) * p1 + MathF.Sin(2 * MathF.PI * u) * p2),
            sp, (_, _) => rgb, rng, jitter, outwardFrom: (a + b) / 2);
        if (!caps) return;
        foreach (var (end, inside) in new[] { (a, b), (b, a) })
            Surface((u, v) => end + v * radius * (MathF.Cos(2 * MathF.PI * u) * p1 + MathF.Sin(2 * MathF.PI * u) * p2),
                sp, (_, _) => rgb, rng, jitter, outwardFrom: inside);
    }

    /// <summary>A horizontal disc (or a ring when <paramref name="innerRadius"/> &gt; 0).</summary>
    public void Disc(Vector3 center, float radius, float spacing, Vector3 rgb, SceneRandom rng, float jitter = 0.05f, float innerRadius = 0) =>
        Disc(center, radius, spacing, (_, _) => rgb, rng, jitter, innerRadius);

    /// <summary>A horizontal disc with a colour function of (angle 0..1, radius fraction 0..1).</summary>
    public void Disc(Vector3 center, float radius, float spacing, Func<float, float, Vector3> color, SceneRandom rng,
        float jitter = 0.05f, float innerRadius = 0, float opacity = 0.97f)
    {
        // Rings of equal width, each ring sampled by its own circumference so the spacing stays even.
        int rings = Math.Max(1, (int)MathF.Ceiling((radius - innerRadius) / spacing));
        for (int k = 0; k < rings; k++)
        {
            float r0 = innerRadius + (radius - innerRadius) * k / rings, r1 = innerRadius + (radius - innerRadius) * (k + 1) / rings;
            float rm = (r0 + r1) / 2;
            int n = Math.Max(3, (int)MathF.Ceiling(2 * MathF.PI * rm / spacing));
            for (int i = 0; i < n; i++)
            {
                float ang = (i + rng.Range(-0.2f, 0.2f)) / n * 2 * MathF.PI;
                float r = rm + rng.Range(-0.2f, 0.2f) * (r1 - r0);
                var p = center + new Vector3(r * MathF.Cos(ang), 0, r * MathF.Sin(ang));
                var t = new Vector3(-MathF.Sin(ang), 0, MathF.Cos(ang));
                float s = MathF.Max(2 * MathF.PI * rm / n, r1 - r0) * 0.75f;
                var rgb = Shade(color(ang / (2 * MathF.PI), r / radius), Vector3.UnitY);
                Add(p, new Vector3(s, s * 0.1f, s), FromAxes(t, Vector3.UnitY), rng.Jitter(rgb, jitter), opacity);
            }
        }
    }

    /// <summary>An ellipsoid surface, e.g. a bush, a rock or a crown of leaves (<paramref name="color"/> gets the
    /// outward unit direction).</summary>
    public void Ellipsoid(Vector3 center, Vector3 radii, float spacing, Func<Vector3, Vector3> color, SceneRandom rng,
        float jitter = 0.08f, float lumpiness = 0f, float minY = -1f)
    {
        // Latitude b from the bottom (−1) to the top; minY cuts off the part below (e.g. the buried half of a rock).
        float b0 = (MathF.Asin(Math.Clamp(minY, -1, 1)) + MathF.PI / 2) / MathF.PI;
        uint seed = (uint)rng.NextULong();
        Surface((a, b) =>
        {
            float lat = (b0 + (1 - b0) * b) * MathF.PI - MathF.PI / 2, lon = a * 2 * MathF.PI;
            var d = new Vector3(MathF.Cos(lat) * MathF.Cos(lon), MathF.Sin(lat), MathF.Cos(lat) * MathF.Sin(lon));
            float bump = 1 + lumpiness * (ValueNoise.At(d.X * 2.5f + 7, d.Z * 2.5f + d.Y * 1.7f, seed) - 0.5f);
            return center + d * radii * bump;
        }, spacing, (a, b) =>
        {
            float lat = (b0 + (1 - b0) * b) * MathF.PI - MathF.PI / 2, lon = a * 2 * MathF.PI;
            return color(new Vector3(MathF.Cos(lat) * MathF.Cos(lon), MathF.Sin(lat), MathF.Cos(lat) * MathF.Sin(lon)));
        }, rng, jitter, outwardFrom: center);
    }

    /// <summary>
    /// A sky dome: a hemisphere (plus a little below the horizon) of large Gaussians around
    /// <paramref name="center"/>; <paramref name="color"/> gets elevation (−0.1..1, 1 = zenith) and azimuth (0..1).
    /// </summary>
    public void SkyDome(Vector3 center, float radius, Func<float, float, Vector3> color, SceneRandom rng)
    {
        const float below = 0.12f; // reach a little under the horizon so distant ground meets sky without a gap
        Surface((a, b) =>
        {
            float el = (-below + (1 + below) * b) * MathF.PI / 2, az = a * 2 * MathF.PI;
            return center + radius * new Vector3(MathF.Cos(el) * MathF.Cos(az), MathF.Sin(el), MathF.Cos(el) * MathF.Sin(az));
        }, radius * 0.07f, (a, b) => color(-below + (1 + below) * b, a), rng, 0.01f, 1f, thickness: 0.2f);
    }

    /// <summary>
    /// Ground over an XZ rectangle, following <paramref name="plane"/> plus an optional height offset;
    /// <paramref name="color"/> and <paramref name="skip"/> get world (x, z).
    /// </summary>
    public void Ground(float minX, float maxX, float minZ, float maxZ, float spacing, GroundPlane plane,
        Func<float, float, Vector3> color, SceneRandom rng, Func<float, float, bool>? skip = null,
        Func<float, float, float>? height = null, float jitter = 0.06f)
    {
        float X(float a) => minX + a * (maxX - minX);
        float Z(float b) => minZ + b * (maxZ - minZ);
        Surface((a, b) => { float x = X(a), z = Z(b); return new Vector3(x, plane.HeightAt(x, z) + (height?.Invoke(x, z) ?? 0), z); },
            spacing, (a, b) => color(X(a), Z(b)), rng, jitter, 1f,
            skip == null ? null : (a, b) => skip(X(a), Z(b)), thickness: 0.05f, outwardFrom: new Vector3(0, -1e4f, 0));
    }

    /// <summary>Appends another builder's Gaussians.</summary>
    public void AddRange(SplatBuilder other)
    {
        _pos.AddRange(other._pos); _sigma.AddRange(other._sigma); _rot.AddRange(other._rot);
        _rgb.AddRange(other._rgb); _opacity.AddRange(other._opacity);
    }

    /// <summary>The Gaussians as a degree-0 cloud (raw values: log σ, opacity logit, SH DC).</summary>
    public GaussianCloud ToCloud()
    {
        var c = new GaussianCloud(Count, 0);
        for (int i = 0; i < Count; i++)
        {
            c.SetPosition(i, _pos[i]);
            var s = _sigma[i];
            c.SetLogScale(i, new Vector3(MathF.Log(s.X), MathF.Log(s.Y), MathF.Log(s.Z)));
            c.SetRotation(i, _rot[i]);
            c.Opacity[i] = GaussianCloud.Logit(_opacity[i]);
            c.SetColor(i, _rgb[i]);
        }
        return c;
    }
}
