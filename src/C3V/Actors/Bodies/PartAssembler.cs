using System.Numerics;
using C3V.Splats;

namespace C3V.Actors;

/// <summary>Colour of a body part at a surface point (position, normal, the shape's two surface parameters).</summary>
internal delegate Vector3 SurfacePaint(Vector3 p, Vector3 n, float u, float angle);

/// <summary>One closed surface (<see cref="Tube"/>) or open one (<see cref="Sheet"/>) of a generated body, with its paint and bones.</summary>
internal sealed class BodyPart
{
    public Tube? Tube;
    public Sheet? Sheet;
    public required SurfacePaint Paint;
    /// <summary>Candidate bones; each sample is skinned to the nearest of their rest segments.</summary>
    public required int[] Bones;
    /// <summary>A closed surface that hides samples of other parts buried inside it.</summary>
    public bool Solid = true;
    /// <summary>Whether this part's own samples are dropped when buried inside another solid.</summary>
    public bool Hideable = true;
    public float Spacing = 1;
    public float Opacity = 0.97f;
    public Func<Vector3, Vector3, bool>? Keep;
    public float Lift;        // offset along the normal (garment layers sit proud of the skin)
    public Func<Vector3, float>? Relief; // extra offset along the normal per point (locks of hair, fur tufts)
    public float Gloss;       // baked highlight strength (metal, visor)
    public Matrix4x4? HeldToRest; // for props authored in the holding pose
    /// <summary>Names what the part is when it is a separate object (a held or worn prop: "umbrella", "backpack"), so its Gaussians can be found again.</summary>
    public string? Tag;
}

/// <summary>A surface sample before it becomes a Gaussian (features such as eyes are added as samples directly).</summary>
internal struct SurfaceSample
{
    public Vector3 P, N, T, Color;
    public int Part;
    /// <summary>A feature sample's prop tag (glasses drawn on the face), like <see cref="BodyPart.Tag"/>.</summary>
    public string? Tag;
    public float Spacing, Opacity;
}

/// <summary>
/// Turns a list of body parts on a rest skeleton into a skinned Gaussian cloud: every part is sampled at the
/// given spacing, samples buried in another solid part are dropped, contact shading darkens creases, colours get
/// the baked soft light, and each sample is skinned to the nearest of its part's bone segments (weights ∝ 1/d⁴,
/// top four). Shared by the humanoid, quadruped, bird and vehicle builders.
/// </summary>
internal sealed class PartAssembler(Skeleton skeleton, float spacing, Random rng, Func<int, Vector3> segmentEnd)
{
    public List<BodyPart> Parts { get; } = [];
    public List<SurfaceSample> Features { get; } = [];
    /// <summary>After <see cref="Assemble"/>: each Gaussian's part <see cref="BodyPart.Tag"/> (null for the body).</summary>
    public string?[] Tags { get; private set; } = [];

    /// <summary>Length scale for contact shading and skin softening (1 for a 1.75 m figure).</summary>
    float Scale => spacing / AvatarGenerator.BaseSpacing;

    public BodyPart Add(BodyPart part) { Parts.Add(part); return part; }

    static float Sq(float x) => x * x;

    public SkinnedCloud Assemble()
    {
        var samples = new List<SurfaceSample>(80000);
        float k = Scale;
        // Only closed, unmasked surfaces hide what is inside them (a cap's dome would otherwise hide the face).
        var solids = Parts.Where(p => p.Solid && p.Keep == null && p.Tube != null && p.HeldToRest == null).ToArray();
        for (int pi = 0; pi < Parts.Count; pi++)
        {
            var part = Parts[pi];
            float h = spacing * part.Spacing;
            void Emit(Vector3 p, Vector3 n, Vector3 t, float u, float a)
            {
                if (part.Keep != null && !part.Keep(p, n)) return;
                // Contact shading: darken where another solid part is close (armpits, neck, crotch).
                float near = float.PositiveInfinity;
                if (part.HeldToRest == null)
                    foreach (var s in solids)
                    {
                        if (ReferenceEquals(s, part)) continue;
                        var tube = s.Tube!;
                        if (Vector3.DistanceSquared(p, tube.Center) > Sq(tube.BoundRadius + 0.03f * k)) continue;
                        float d = tube.Distance(p);
                        if (part.Hideable && d < -0.35f * h) return;
                        near = MathF.Min(near, d);
                    }
                var color = part.Paint(p, n, u, a);
                float ao = 0.72f + 0.28f * Math.Clamp(near / (0.03f * k), 0, 1);
                samples.Add(new SurfaceSample { P = p + n * (part.Lift + (part.Relief?.Invoke(p) ?? 0)), N = n, T = t, Color = SurfaceSplat.Shade(color, n, part.Gloss) * ao, Part = pi, Spacing = h, Opacity = part.Opacity });
            }
            if (part.Tube != null) part.Tube.Sample(h, Emit);
            else part.Sheet!.Sample(h, Emit);
        }
        foreach (var f in Features) samples.Add(f with { Color = SurfaceSplat.Shade(f.Color, f.N, 0) });

        int count = samples.Count;
        var cloud = new GaussianCloud(count);
        var bones = new int[SkinnedCloud.MaxInfluences][];
        var weights = new float[SkinnedCloud.MaxInfluences][];
        for (int q = 0; q < SkinnedCloud.MaxInfluences; q++) { bones[q] = new int[count]; weights[q] = new float[count]; }
        int[] fallback = [Skeleton.Head];
        Tags = new string?[count];
        for (int i = 0; i < count; i++)
        {
            var s = samples[i];
            var part = s.Part >= 0 ? Parts[s.Part] : null;
            Tags[i] = part?.Tag ?? s.Tag;
            var p = s.P; var n = s.N; var t = s.T;
            if (part?.HeldToRest is { } m)
            {
                p = Vector3.Transform(p, m);
                n = Vector3.Normalize(Vector3.TransformNormal(n, m));
                t = Vector3.Normalize(Vector3.TransformNormal(t, m));
            }
            float jitter = 1 + 0.035f * (rng.NextSingle() - 0.5f);
            SurfaceSplat.Write(cloud, i, p, n, t, s.Spacing, s.Color * jitter, s.Opacity);
            SkinWeights(p, part?.Bones ?? fallback, i, bones, weights);
        }
        return new SkinnedCloud(cloud, skeleton, bones, weights);
    }

    /// <summary>
    /// Weights ∝ 1/d⁴ to the part's candidate bone segments (d: distance to the segment plus a small
    /// softening), top four kept: smooth blends across joints, none across unrelated limbs.
    /// </summary>
    void SkinWeights(Vector3 p, int[] candidates, int i, int[][] bones, float[][] weights)
    {
        Span<int> best = stackalloc int[SkinnedCloud.MaxInfluences];
        Span<float> bw = stackalloc float[SkinnedCloud.MaxInfluences];
        int n = 0;
        var rest = skeleton.RestPositions;
        foreach (int j in candidates)
        {
            var a = rest[j]; var b = segmentEnd(j);
            var ab = b - a;
            float t = ab.LengthSquared() < 1e-10f ? 0 : Math.Clamp(Vector3.Dot(p - a, ab) / ab.LengthSquared(), 0, 1);
            float d = Vector3.Distance(p, a + t * ab) + 0.02f * Scale;
            float w = 1 / (d * d * d * d);
            if (n < best.Length) { best[n] = j; bw[n] = w; n++; continue; }
            int min = 0;
            for (int q = 1; q < n; q++) if (bw[q] < bw[min]) min = q;
            if (w > bw[min]) { best[min] = j; bw[min] = w; }
        }
        float sum = 0;
        for (int q = 0; q < n; q++) sum += bw[q];
        for (int q = 0; q < n; q++)
        {
            bones[q][i] = best[q];
            float w = bw[q] / sum;
            weights[q][i] = w < 0.01f ? 0 : w;
        }
        if (weights.All(w => w[i] == 0)) weights[0][i] = 1;
    }
}
