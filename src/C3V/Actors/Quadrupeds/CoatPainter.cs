using System.Numerics;

namespace C3V.Actors;

internal enum CoatRegion { Body, Neck, Head, Muzzle, Ear, Leg, Paw, Tail }

/// <summary>
/// Paints an animal's coat: the base colour, a lighter belly and throat, and the pattern of its build — spots
/// (round cells of a jittered lattice), stripes (bands across the body, broken by noise), patches (large
/// blotches), tuxedo (white chest, belly and socks), points (darker or lighter muzzle, ears, lower legs) and
/// the panda's black legs, shoulders, ears and eye patches. Positions are in the rest pose, scaled by the
/// withers height so a pattern looks alike on a kitten and a tiger.
/// </summary>
internal sealed class CoatPainter(QuadrupedBuild build, float withers, int seed)
{
    readonly uint _seed = (uint)(seed * 2654435761u + 97);

    public Vector3 Paint(Vector3 p, Vector3 n, CoatRegion region, QuadrupedBuilder body)
    {
        var coat = build.Coat;
        var mark = build.Marking;
        var q = p / withers;
        // A little low-frequency variation so the coat is not flat.
        var c = coat * (0.93f + 0.1f * Noise(q * 6));
        bool belly = build.LightBelly && region is CoatRegion.Body or CoatRegion.Neck && n.Y < -0.45f;
        if (belly) c = Vector3.Lerp(c, mark, 0.75f);
        switch (build.Pattern)
        {
            case CoatPattern.Spots:
                if (region is not CoatRegion.Muzzle && Spot(q, build.Id == "giraffe" ? 0.16f : 0.085f, build.Id == "giraffe" ? 0.42f : 0.32f)) c = mark;
                break;
            case CoatPattern.Stripes:
                if (region is CoatRegion.Body or CoatRegion.Neck or CoatRegion.Leg or CoatRegion.Tail or CoatRegion.Head && !belly)
                {
                    // Bands across the body's long axis (along the legs' length on legs), wobbling with noise.
                    float along = region == CoatRegion.Leg ? q.Y * 1.2f : q.Z;
                    float band = MathF.Sin((along * 14 + 0.9f * Noise(q * 4)) * MathF.PI);
                    float thin = build.Id == "zebra" ? 0.1f : 0.45f;
                    if (band > thin) c = mark;
                }
                break;
            case CoatPattern.Patches:
                if (region is not CoatRegion.Paw && Spot(q, 0.3f, 0.48f)) c = mark;
                break;
            case CoatPattern.Tuxedo:
                if (n.Y < -0.3f && region is CoatRegion.Body || region is CoatRegion.Paw || region == CoatRegion.Muzzle
                    || region is CoatRegion.Neck && n.Z > 0.2f && n.Y < 0.3f || region is CoatRegion.Leg && body.LegLowness(p) > 0.75f) c = mark;
                break;
            case CoatPattern.Points:
                if (region is CoatRegion.Ear || region is CoatRegion.Paw || region is CoatRegion.Leg && body.LegLowness(p) > 0.55f
                    || region is CoatRegion.Muzzle && build.Id is not "fox") c = mark;
                if (build.Id == "fox" && (region is CoatRegion.Muzzle && n.Y < 0.2f || region is CoatRegion.Neck && n.Z > 0.3f && n.Y < 0)) c = mark;
                if (build.Id == "fox" && (region is CoatRegion.Paw || region is CoatRegion.Leg && body.LegLowness(p) > 0.55f)) c = new Vector3(0.12f, 0.08f, 0.06f);
                if (build.Id == "sheep" && region is CoatRegion.Head) c = mark;
                if (build.Id == "big dog" && region is CoatRegion.Body && n.Y > 0.3f) c = mark;   // a dark saddle
                break;
            case CoatPattern.Panda:
            {
                var eyeRel = p - body.Skull;
                bool eyePatch = region is CoatRegion.Head && eyeRel.Z > 0 && eyeRel.Y > -0.05f * withers && MathF.Abs(eyeRel.X) > 0.2f * body.SkullRadius.X && MathF.Abs(eyeRel.X) < 0.85f * body.SkullRadius.X && eyeRel.Y < 0.5f * body.SkullRadius.Y;
                bool shoulders = region is CoatRegion.Body && p.Z > body.Frame.ShoulderZ - 0.15f * withers && p.Z < body.Frame.ShoulderZ + 0.12f * withers;
                if (region is CoatRegion.Leg or CoatRegion.Paw or CoatRegion.Ear || eyePatch || shoulders) c = mark;
                break;
            }
        }
        if (region == CoatRegion.Ear && build.Pattern != CoatPattern.Points && build.Id is "pig" or "sheep" or "goat" or "donkey" or "rabbit") c *= new Vector3(1.0f, 0.85f, 0.85f);
        return c;
    }

    /// <summary>Whether <paramref name="q"/> falls in a spot of a jittered lattice of spacing <paramref name="cell"/>, spots of radius <paramref name="radius"/>·cell.</summary>
    bool Spot(Vector3 q, float cell, float radius)
    {
        var g = q / cell;
        int x0 = (int)MathF.Floor(g.X), y0 = (int)MathF.Floor(g.Y), z0 = (int)MathF.Floor(g.Z);
        for (int dz = -1; dz <= 1; dz++)
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                {
                    int x = x0 + dx, y = y0 + dy, z = z0 + dz;
                    var centre = new Vector3(x + Hash(x, y, z, 0), y + Hash(x, y, z, 1), z + Hash(x, y, z, 2));
                    float r = radius * (0.6f + 0.8f * Hash(x, y, z, 3));
                    if (Vector3.DistanceSquared(g, centre) < r * r) return true;
                }
        return false;
    }

    float Hash(int x, int y, int z, int k) => Hash01((uint)x * 73856093u ^ (uint)y * 19349663u ^ (uint)z * 83492791u ^ (uint)k * 2654435761u ^ _seed);

    static float Hash01(uint h)
    {
        h ^= h >> 16; h *= 0x7feb352d; h ^= h >> 15; h *= 0x846ca68b; h ^= h >> 16;
        return (h & 0xffffff) / 16777216f;
    }

    /// <summary>Smooth value noise in −1..1 (trilinear between lattice hashes), for fur relief and colour variation.</summary>
    public static float Noise(Vector3 p)
    {
        int x = (int)MathF.Floor(p.X), y = (int)MathF.Floor(p.Y), z = (int)MathF.Floor(p.Z);
        float fx = S(p.X - x), fy = S(p.Y - y), fz = S(p.Z - z);
        float L(int i, int j, int k) => Hash01((uint)(x + i) * 73856093u ^ (uint)(y + j) * 19349663u ^ (uint)(z + k) * 83492791u) * 2 - 1;
        float a = Lerp(Lerp(L(0, 0, 0), L(1, 0, 0), fx), Lerp(L(0, 1, 0), L(1, 1, 0), fx), fy);
        float b = Lerp(Lerp(L(0, 0, 1), L(1, 0, 1), fx), Lerp(L(0, 1, 1), L(1, 1, 1), fx), fy);
        return Lerp(a, b, fz);
        static float S(float t) => t * t * (3 - 2 * t);
        static float Lerp(float u, float v, float t) => u + (v - u) * t;
    }
}
