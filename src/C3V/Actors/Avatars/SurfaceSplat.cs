using System.Numerics;
using C3V.Splats;

namespace C3V.Actors;

/// <summary>Turns surface samples into flat Gaussians with baked soft lighting (avatars and props share it).</summary>
internal static class SurfaceSplat
{
    /// <summary>
    /// Writes Gaussian <paramref name="i"/>: a disc in the tangent plane (σ = 0.62·spacing, so neighbours
    /// overlap into a closed surface) and thin along the normal (0.12·spacing).
    /// </summary>
    public static void Write(GaussianCloud cloud, int i, Vector3 p, Vector3 n, Vector3 t, float spacing, Vector3 color, float opacity)
    {
        cloud.SetPosition(i, p);
        var b = Vector3.Cross(n, t);
        if (b.LengthSquared() < 1e-8f) { t = Vector3.Normalize(Vector3.Cross(n, MathF.Abs(n.X) < 0.9f ? Vector3.UnitX : Vector3.UnitY)); b = Vector3.Cross(n, t); }
        b = Vector3.Normalize(b);
        t = Vector3.Cross(b, n);
        var rot = Quaternion.CreateFromRotationMatrix(new Matrix4x4(t.X, t.Y, t.Z, 0, b.X, b.Y, b.Z, 0, n.X, n.Y, n.Z, 0, 0, 0, 0, 1));
        cloud.SetRotation(i, Quaternion.Normalize(rot));
        float sigma = spacing * 0.62f;
        cloud.SetLogScale(i, new Vector3(MathF.Log(sigma), MathF.Log(sigma), MathF.Log(MathF.Max(1e-4f, spacing * 0.12f))));
        cloud.Opacity[i] = GaussianCloud.Logit(opacity);
        cloud.SetColor(i, Vector3.Clamp(color, Vector3.Zero, Vector3.One));
    }

    /// <summary>Baked soft lighting: sky hemisphere plus a key light from above-front-left, optional highlight.</summary>
    public static Vector3 Shade(Vector3 c, Vector3 n, float gloss)
    {
        var key = Vector3.Normalize(new Vector3(0.35f, 0.8f, 0.5f));
        float hemi = 0.5f + 0.5f * n.Y;
        float diffuse = MathF.Max(0, Vector3.Dot(n, key));
        float shade = 0.6f + 0.22f * hemi + 0.25f * diffuse;
        var lit = c * shade;
        if (gloss > 0)
        {
            var h = Vector3.Normalize(key + Vector3.UnitZ);
            float spec = MathF.Pow(MathF.Max(0, Vector3.Dot(n, h)), 24) * gloss;
            lit += new Vector3(spec);
        }
        return lit;
    }
}
