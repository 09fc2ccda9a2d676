using System.Numerics;
using C3V.Splats;

namespace C3V.Actors;

/// <summary>How a material's alpha is used (glTF alphaMode).</summary>
internal enum SurfaceAlpha { Opaque, Mask, Blend }

/// <summary>What a material contributes to a sample: colour factor (linear RGBA), texture and its coordinates, alpha use.</summary>
internal sealed record SurfaceLook(Vector4 Factor, MaterialTexture? Texture, int TexCoord, TextureWrap WrapU, TextureWrap WrapV, SurfaceAlpha Alpha, float Cutoff);

/// <summary>A triangle mesh in the actor's rest pose with up to four (our-joint, weight) pairs per vertex.</summary>
internal sealed class MeshSurface
{
    public required Vector3[] Pos;
    public Vector3[]? Normal;
    public Vector2[]? Uv;
    public Vector4[]? Color;
    public required int[] Bone;     // 4 per vertex
    public required float[] Weight; // 4 per vertex
    public required (int A, int B, int C)[] Tris;
    public required SurfaceLook Look;
}

/// <summary>
/// Samples triangle meshes into a skinned cloud of flat Gaussians: stratified by area over all triangles (so
/// each gets its share within one sample), a seeded uniform point inside each triangle, the disc lying in the
/// triangle's plane, colour and skin weights interpolated barycentrically.
/// </summary>
internal sealed class MeshSampler(float spacing, int maxGaussians, bool bakeLighting, int seed)
{
    const float Opacity = 0.97f;

    public SkinnedCloud Sample(IReadOnlyList<MeshSurface> parts, Skeleton skeleton)
    {
        double total = 0;
        foreach (var p in parts)
            foreach (var (a, b, c) in p.Tris) total += Area(p, a, b, c);
        if (!(total > 0)) throw new InvalidDataException("the triangles have no area");
        float sp = spacing;
        long wanted = (long)Math.Ceiling(total / (sp * sp));
        if (wanted > maxGaussians) { wanted = maxGaussians; sp = (float)Math.Sqrt(total / wanted); }
        int n = (int)wanted;

        var cloud = new GaussianCloud(n);
        var bones = new int[SkinnedCloud.MaxInfluences][];
        var weights = new float[SkinnedCloud.MaxInfluences][];
        for (int k = 0; k < SkinnedCloud.MaxInfluences; k++) { bones[k] = new int[n]; weights[k] = new float[n]; }
        Span<float> acc = stackalloc float[Skeleton.JointCount];
        Span<int> topBone = stackalloc int[SkinnedCloud.MaxInfluences];
        Span<float> topWeight = stackalloc float[SkinnedCloud.MaxInfluences];
        var rng = new Random(seed);
        double step = total / n, next = rng.NextDouble() * step, cumulative = 0;
        int emitted = 0, count = 0;
        foreach (var p in parts)
        {
            foreach (var (a, b, c) in p.Tris)
            {
                cumulative += Area(p, a, b, c);
                for (; next < cumulative && emitted < n; next += step, emitted++)
                {
                    float s = MathF.Sqrt(rng.NextSingle()), r = rng.NextSingle();
                    float wa = 1 - s, wb = s * (1 - r), wc = s * r;
                    var pa = p.Pos[a]; var pb = p.Pos[b]; var pc = p.Pos[c];
                    var face = Vector3.Cross(pb - pa, pc - pa);
                    if (face.LengthSquared() < 1e-20f) continue;
                    face = Vector3.Normalize(face);

                    var rgba = p.Look.Factor;
                    if (p.Look.Texture is { } tex && p.Uv is { } uv)
                        rgba *= tex.Sample(wa * uv[a] + wb * uv[b] + wc * uv[c], p.Look.WrapU, p.Look.WrapV);
                    if (p.Color is { } col) rgba *= wa * col[a] + wb * col[b] + wc * col[c];
                    if (p.Look.Alpha == SurfaceAlpha.Mask && rgba.W < p.Look.Cutoff) continue;
                    float opacity = p.Look.Alpha == SurfaceAlpha.Blend ? Opacity * Math.Clamp(rgba.W, 0, 1) : Opacity;
                    if (opacity < 0.02f) continue;

                    var shadeNormal = face;
                    if (p.Normal is { } nrm)
                    {
                        var smooth = wa * nrm[a] + wb * nrm[b] + wc * nrm[c];
                        if (smooth.LengthSquared() > 1e-8f) shadeNormal = Vector3.Normalize(smooth);
                    }
                    var color = new Vector3(MaterialTexture.LinearToSrgb(Math.Clamp(rgba.X, 0, 1)),
                        MaterialTexture.LinearToSrgb(Math.Clamp(rgba.Y, 0, 1)), MaterialTexture.LinearToSrgb(Math.Clamp(rgba.Z, 0, 1)));
                    if (bakeLighting) color = SurfaceSplat.Shade(color, shadeNormal, 0);
                    SurfaceSplat.Write(cloud, count, wa * pa + wb * pb + wc * pc, face, Vector3.Normalize(pb - pa), sp, color, opacity);

                    acc.Clear();
                    for (int k = 0; k < 4; k++)
                    {
                        acc[p.Bone[a * 4 + k]] += wa * p.Weight[a * 4 + k];
                        acc[p.Bone[b * 4 + k]] += wb * p.Weight[b * 4 + k];
                        acc[p.Bone[c * 4 + k]] += wc * p.Weight[c * 4 + k];
                    }
                    TopFour(acc, topBone, topWeight);
                    for (int k = 0; k < SkinnedCloud.MaxInfluences; k++) { bones[k][count] = topBone[k]; weights[k][count] = topWeight[k]; }
                    count++;
                }
            }
        }
        if (count < n)
        {
            var keep = Enumerable.Range(0, count).ToArray();
            cloud = cloud.Subset(keep);
            for (int k = 0; k < SkinnedCloud.MaxInfluences; k++) { Array.Resize(ref bones[k], count); Array.Resize(ref weights[k], count); }
        }
        return new SkinnedCloud(cloud, skeleton, bones, weights);
    }

    static double Area(MeshSurface p, int a, int b, int c) => 0.5 * Vector3.Cross(p.Pos[b] - p.Pos[a], p.Pos[c] - p.Pos[a]).Length();

    /// <summary>The four largest of <paramref name="perJoint"/> (weight per joint of ours), normalised to sum 1; all on the pelvis when empty.</summary>
    public static void TopFour(ReadOnlySpan<float> perJoint, Span<int> bone, Span<float> weight)
    {
        bone.Clear();
        weight.Clear();
        for (int j = 0; j < perJoint.Length; j++)
        {
            float w = perJoint[j];
            if (!(w > weight[^1])) continue;
            int at = weight.Length - 1;
            while (at > 0 && w > weight[at - 1]) { weight[at] = weight[at - 1]; bone[at] = bone[at - 1]; at--; }
            weight[at] = w; bone[at] = j;
        }
        float sum = 0;
        foreach (float w in weight) sum += w;
        if (!(sum > 0)) { bone.Clear(); weight.Clear(); bone[0] = Skeleton.Pelvis; weight[0] = 1; return; }
        for (int k = 0; k < weight.Length; k++) weight[k] /= sum;
    }
}
