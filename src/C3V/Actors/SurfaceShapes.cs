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
    }

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
        const int fine = 256;
        var arc = new float[fine + 1];
        for (int i = 1; i <= fine; i++)
        {
            float u0 = (i - 1) / (float)fine, u1 = i / (float)fine;
            var r0 = Profile(u0); var r1 = Profile(u1);
            float dr = 0.5f * ((r1.X - r0.X) + (r1.Y - r0.Y));
            float dl = _length / fine;
            arc[i] = arc[i - 1] + MathF.Sqrt(dl * dl + dr * dr);
        }
        int rings = Math.Max(2, (int)MathF.Round(arc[fine] / spacing));
        int seg = 0;
        for (int k = 0; k <= rings; k++)
        {
            float target = arc[fine] * k / rings;
            while (seg < fine - 1 && arc[seg + 1] < target) seg++;
            float f = (target - arc[seg]) / MathF.Max(1e-9f, arc[seg + 1] - arc[seg]);
            float u = Math.Clamp((seg + f) / fine, 0, 1);
            var r = Profile(u);
            float rm = 0.5f * (r.X + r.Y);
            var center = A + _axis * (u * _length);
            if (rm < spacing * 0.35f)
            {
                // A pole: one sample closes the cap.
                if (k == 0 || k == rings) emit(center, _axis * (k == 0 ? -1 : 1), SideAxis, u, 0);
                continue;
            }
            float du = 1f / fine;
            var ra = Profile(Math.Max(0, u - du)); var rb = Profile(Math.Min(1, u + du));
            float slopeX = (rb.X - ra.X) / (2 * du * _length), slopeZ = (rb.Y - ra.Y) / (2 * du * _length);
            float perimeter = MathF.PI * (3 * (r.X + r.Y) - MathF.Sqrt((3 * r.X + r.Y) * (r.X + 3 * r.Y)));
            int n = Math.Max(3, (int)MathF.Round(perimeter / spacing));
            float offset = k * 2.39996f;
            for (int i = 0; i < n; i++)
            {
                float th = offset + MathF.Tau * i / n;
                float c = MathF.Cos(th), s = MathF.Sin(th);
                float ex = 2 / Exponent;
                float cx = MathF.Sign(c) * MathF.Pow(MathF.Abs(c), ex), sz = MathF.Sign(s) * MathF.Pow(MathF.Abs(s), ex);
                var p = center + SideAxis * (r.X * cx) + DepthAxis * (r.Y * sz);
                // Gradient of the implicit superellipse, tilted by the profile's slope.
                float gx = MathF.Sign(c) * MathF.Pow(MathF.Abs(cx), Exponent - 1) / r.X;
                float gz = MathF.Sign(s) * MathF.Pow(MathF.Abs(sz), Exponent - 1) / r.Y;
                var radial = Vector3.Normalize(SideAxis * gx + DepthAxis * gz + new Vector3(1e-9f));
                float slope = MathF.Abs(cx) * slopeX + MathF.Abs(sz) * slopeZ;
                var normal = Vector3.Normalize(radial - _axis * slope);
                var tangent = Vector3.Normalize(Vector3.Cross(_axis, radial) + new Vector3(1e-9f));
                emit(p, normal, tangent, u, th);
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
