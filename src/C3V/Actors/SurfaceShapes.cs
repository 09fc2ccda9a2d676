using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// A closed tube around a straight axis from <see cref="A"/> to <see cref="B"/> whose cross-section at
/// axis parameter u ∈ [0, 1] is a superellipse with half-axes <see cref="Profile"/>(u) along
/// <see cref="SideAxis"/> and <see cref="DepthAxis"/> (exponent 2: ellipse; 4: rounded box). Every body part,
/// ellipsoid, capsule and garment shell of the avatar generator is one of these.
/// </summary>
internal sealed class Tube
{
    public Vector3 A { get; }
    public Vector3 B { get; }
    public Vector3 SideAxis { get; }
    public Vector3 DepthAxis { get; }
    public Func<float, Vector2> Profile { get; }
    public float Exponent { get; init; } = 2;
    readonly Vector3 _axis;
    readonly float _length;

    public Tube(Vector3 a, Vector3 b, Vector3 sideHint, Func<float, Vector2> profile)
    {
        A = a; B = b; Profile = profile;
        _length = Vector3.Distance(a, b);
        _axis = (b - a) / _length;
        var side = sideHint - Vector3.Dot(sideHint, _axis) * _axis;
        SideAxis = Vector3.Normalize(side);
        DepthAxis = Vector3.Cross(SideAxis, _axis);
        float rmax = 0;
        for (int i = 0; i <= 32; i++) { var r = profile(i / 32f); rmax = MathF.Max(rmax, MathF.Max(r.X, r.Y)); }
        Center = (a + b) / 2;
        // Superellipses reach √2 further than their half-axes at the corners.
        BoundRadius = _length / 2 + rmax * 1.42f;
    }

    /// <summary>A sphere enclosing the tube, to skip distance queries far away.</summary>
    public Vector3 Center { get; }
    public float BoundRadius { get; }

    public Vector3 Axis => _axis;
    public float Length => _length;

    /// <summary>An ellipsoid with centre <paramref name="c"/>, half-axes along (<paramref name="side"/>, up, depth).</summary>
    public static Tube Ellipsoid(Vector3 c, Vector3 radii, Vector3? up = null, Vector3? side = null)
    {
        var u = Vector3.Normalize(up ?? Vector3.UnitY);
        return new Tube(c - u * radii.Y, c + u * radii.Y, side ?? Vector3.UnitX, t =>
        {
            float k = MathF.Sqrt(MathF.Max(0, 1 - (2 * t - 1) * (2 * t - 1)));
            return new Vector2(radii.X * k, radii.Z * k);
        });
    }

    /// <summary>A capsule from <paramref name="a"/> (radius <paramref name="ra"/>) to <paramref name="b"/> (radius <paramref name="rb"/>) with rounded ends; <paramref name="flatten"/> scales the depth radius.</summary>
    public static Tube Capsule(Vector3 a, Vector3 b, float ra, float rb, Vector3 sideHint, float flatten = 1)
    {
        var dir = Vector3.Normalize(b - a);
        float len = Vector3.Distance(a, b) + ra + rb;
        return new Tube(a - dir * ra, b + dir * rb, sideHint, t =>
        {
            float s = t * len;
            float r;
            if (s < ra) r = MathF.Sqrt(MathF.Max(0, ra * ra - (ra - s) * (ra - s)));
            else if (s > len - rb) r = MathF.Sqrt(MathF.Max(0, rb * rb - (s - len + rb) * (s - len + rb)));
            else r = ra + (rb - ra) * (s - ra) / MathF.Max(1e-6f, len - ra - rb);
            return new Vector2(r, r * flatten);
        });
    }

    Vector2 SuperPoint(float th, Vector2 r)
    {
        float c = MathF.Cos(th), sn = MathF.Sin(th), e = 2 / Exponent;
        return new Vector2(r.X * MathF.Sign(c) * MathF.Pow(MathF.Abs(c), e), r.Y * MathF.Sign(sn) * MathF.Pow(MathF.Abs(sn), e));
    }

    /// <summary>Approximate signed distance (negative inside), good near the surface; used to hide buried samples.</summary>
    public float Distance(Vector3 p)
    {
        var d = p - A;
        float along = Vector3.Dot(d, _axis);
        float t = along / _length;
        if (t < 0) return Vector3.Distance(p, A);
        if (t > 1) return Vector3.Distance(p, B);
        var r = Profile(t);
        if (r.X < 1e-4f || r.Y < 1e-4f) return MathF.Min(Vector3.Distance(p, A), Vector3.Distance(p, B));
        var q = d - along * _axis;
        float x = MathF.Abs(Vector3.Dot(q, SideAxis)) / r.X, z = MathF.Abs(Vector3.Dot(q, DepthAxis)) / r.Y;
        float n = Exponent == 2 ? MathF.Sqrt(x * x + z * z) : MathF.Pow(MathF.Pow(x, Exponent) + MathF.Pow(z, Exponent), 1 / Exponent);
        return (n - 1) * MathF.Min(r.X, r.Y);
    }

    /// <summary>
    /// Samples the surface with roughly <paramref name="spacing"/> between neighbours: rings at equal arc
    /// length along the meridian, points at equal arc length around each ring (offset ring to ring by the
    /// golden angle so no seams line up). Emits position, outward normal, ring tangent, u and angle.
    /// </summary>
    public void Sample(float spacing, Action<Vector3, Vector3, Vector3, float, float> emit)
    {
        // Meridian as a fine polyline (axial position, half-axes); rings go at equal arc length along it and
        // are interpolated linearly on it, so steep profile ends (flat caps) are sampled evenly too.
        const int fine = 512, around = 256;
        var prof = new Vector2[fine + 1];
        var arc = new float[fine + 1];
        for (int i = 0; i <= fine; i++) prof[i] = Profile(i / (float)fine);
        float dl = _length / fine;
        for (int i = 1; i <= fine; i++)
        {
            float dr = 0.5f * ((prof[i].X - prof[i - 1].X) + (prof[i].Y - prof[i - 1].Y));
            arc[i] = arc[i - 1] + MathF.Sqrt(dl * dl + dr * dr);
        }
        int rings = Math.Max(2, (int)MathF.Round(arc[fine] / spacing));
        var ring = new Vector2[around + 1];
        var len = new float[around + 1];
        int seg = 0;
        for (int k = 0; k <= rings; k++)
        {
            float target = arc[fine] * k / rings;
            while (seg < fine - 1 && arc[seg + 1] < target) seg++;
            float f = Math.Clamp((target - arc[seg]) / MathF.Max(1e-9f, arc[seg + 1] - arc[seg]), 0, 1);
            float u = (seg + f) / fine;
            var r = Vector2.Lerp(prof[seg], prof[seg + 1], f);
            float rm = 0.5f * (r.X + r.Y);
            var center = A + _axis * (u * _length);
            if (rm < spacing * 0.35f)
            {
                // A pole: one sample closes the cap.
                if (k == 0 || k == rings) emit(center, _axis * (k == 0 ? -1 : 1), SideAxis, u, 0);
                continue;
            }
            var slope = (prof[seg + 1] - prof[seg]) / dl;
            // The cross-section as a polyline, points at equal arc length around it (the superellipse's own
            // angle parameter bunches them at the corners), normals from the polyline.
            for (int i = 0; i <= around; i++)
            {
                ring[i] = SuperPoint(MathF.Tau * i / around, r);
                if (i > 0) len[i] = len[i - 1] + Vector2.Distance(ring[i - 1], ring[i]);
            }
            int n = Math.Max(3, (int)MathF.Round(len[around] / spacing));
            float offset = (k * 0.618034f) % 1f;
            int cell = 0;
            for (int i = 0; i < n; i++)
            {
                float at = len[around] * ((i + offset) / n);
                while (cell < around - 1 && len[cell + 1] < at) cell++;
                float fr = Math.Clamp((at - len[cell]) / MathF.Max(1e-9f, len[cell + 1] - len[cell]), 0, 1);
                var xz = Vector2.Lerp(ring[cell], ring[cell + 1], fr);
                var d = ring[cell + 1] - ring[cell];
                var n2 = Vector2.Normalize(new Vector2(d.Y, -d.X) + new Vector2(1e-12f));
                var p = center + SideAxis * xz.X + DepthAxis * xz.Y;
                var radial = SideAxis * n2.X + DepthAxis * n2.Y;
                // Tilt by the profile's slope (a widening tube's normal leans back along the axis).
                float tilt = MathF.Abs(n2.X) * slope.X + MathF.Abs(n2.Y) * slope.Y;
                var normal = Vector3.Normalize(radial - _axis * tilt);
                var tangent = Vector3.Normalize(Vector3.Cross(_axis, radial) + new Vector3(1e-9f));
                emit(p, normal, tangent, u, MathF.Tau * (cell + fr) / around);
            }
        }
    }
}

/// <summary>A flat sheet (cape, wing) spanned by two edges, bent along its second direction, with a shape mask.</summary>
internal sealed record Sheet(Vector3 Origin, Vector3 U, Vector3 V, Func<float, float, bool> Mask, Func<float, float, Vector3>? Bend = null)
{
    public void Sample(float spacing, Action<Vector3, Vector3, Vector3, float, float> emit)
    {
        int nu = Math.Max(2, (int)(U.Length() / spacing)), nv = Math.Max(2, (int)(V.Length() / spacing));
        var normal = Vector3.Normalize(Vector3.Cross(U, V));
        var tangent = Vector3.Normalize(U);
        for (int i = 0; i <= nu; i++)
            for (int j = 0; j <= nv; j++)
            {
                float a = (i + 0.5f * (j & 1)) / nu, b = j / (float)nv;
                if (a > 1 || !Mask(a, b)) continue;
                var p = Origin + U * a + V * b + (Bend?.Invoke(a, b) ?? Vector3.Zero);
                emit(p, normal, tangent, a, b);
            }
    }
}
