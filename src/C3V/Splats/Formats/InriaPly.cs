using System.Buffers;
using System.Runtime.InteropServices;
using C3V.Common;

namespace C3V.Splats.Formats;

/// <summary>
/// The INRIA 3D Gaussian Splatting <c>.ply</c> (as written by gaussian-splatting's <c>save_ply</c>): one
/// <c>vertex</c> element, properties x y z nx ny nz f_dc_0..2 f_rest_0..K-1 opacity scale_0..2 rot_0..3, raw
/// (pre-activation) values. f_rest is channel-major: all red coefficients of bands 1.., then green, then blue.
/// </summary>
/// <remarks>
/// Reading goes by property name, so any order, any scalar type and extra properties are accepted; ascii and
/// big-endian files are read too. Writing produces the reference layout exactly (float, little-endian,
/// normals zero).
/// </remarks>
internal static class InriaPly
{
    static readonly string[] Required =
        ["x", "y", "z", "f_dc_0", "f_dc_1", "f_dc_2", "opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"];

    public static GaussianCloud Read(Stream stream, PlyHeader header, string path, long? dataBytes)
    {
        var vertex = header.Find("vertex") ?? throw new InvalidFileException(path, "PLY file has no 'vertex' element");
        var missing = Required.Where(n => vertex.Find(n) is null).ToList();
        if (missing.Count > 0)
            throw new InvalidFileException(path, $"not a Gaussian-splat PLY: vertex element lacks {(missing.Count == 1 ? "property" : "properties")} {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        foreach (var n in Required)
            if (vertex.Find(n)!.IsList) throw new InvalidFileException(path, $"vertex property '{n}' is a list, expected a scalar");

        int restCount = vertex.Properties.Count(p => p.Name.StartsWith("f_rest_", StringComparison.Ordinal));
        int degree = restCount switch
        {
            0 => 0, 9 => 1, 24 => 2, 45 => 3,
            _ => throw new InvalidFileException(path, $"vertex has {restCount} f_rest properties; expected 0, 9, 24 or 45 (SH degree 0–3)"),
        };
        var rest = new PlyProperty[restCount];
        for (int j = 0; j < restCount; j++)
        {
            rest[j] = vertex.Find($"f_rest_{j}") ?? throw new InvalidFileException(path, $"vertex lacks property 'f_rest_{j}' (f_rest properties must be numbered 0..{restCount - 1})");
            if (rest[j].IsList) throw new InvalidFileException(path, $"vertex property 'f_rest_{j}' is a list, expected a scalar");
        }
        var reader = new PlyRecordReader(stream, header, path);
        if (dataBytes is long available) reader.CheckDeclaredSizes(available, [vertex]);
        int k = SphericalHarmonics.CoeffCount(degree);
        if ((long)vertex.Count * k * 3 > Array.MaxLength)
            throw new InvalidFileException(path, $"{vertex.Count} splats of SH degree {degree} are more than this program can hold");

        var cloud = new GaussianCloud(vertex.Count, degree);
        float[][] columns = [cloud.X, cloud.Y, cloud.Z, null!, null!, null!, cloud.Opacity, cloud.ScaleX, cloud.ScaleY, cloud.ScaleZ, cloud.RotW, cloud.RotX, cloud.RotY, cloud.RotZ];
        var props = Required.Select(n => vertex.Find(n)!).ToArray();
        int stride = vertex.Stride, shStride = k * 3;
        foreach (var element in header.Elements)
        {
            if (element != vertex) { reader.Skip(element); continue; }
            reader.Read(vertex, (block, first, n) =>
            {
                for (int c = 0; c < props.Length; c++)
                {
                    if (c is >= 3 and <= 5) // f_dc_0..2 → Sh[i, 0, channel]
                        PlyColumns.GatherFloat(block, n, stride, props[c], cloud.Sh.AsSpan(first * shStride + (c - 3)), shStride);
                    else
                        PlyColumns.GatherFloat(block, n, stride, props[c], columns[c].AsSpan(first, n), 1);
                }
                // f_rest_j: channel j / (K-1), coefficient 1 + j % (K-1) → Sh[i, coeff, channel]
                for (int j = 0; j < rest.Length; j++)
                {
                    int channel = j / (k - 1), coeff = 1 + j % (k - 1);
                    PlyColumns.GatherFloat(block, n, stride, rest[j], cloud.Sh.AsSpan(first * shStride + coeff * 3 + channel), shStride);
                }
            });
            break;
        }
        return cloud;
    }

    /// <summary>Writes the reference layout: float little-endian, normals zero, f_rest channel-major.</summary>
    public static void Write(Stream stream, GaussianCloud cloud)
    {
        int k = cloud.ShCoeffCount, rest = 3 * (k - 1);
        var names = new List<string> { "x", "y", "z", "nx", "ny", "nz", "f_dc_0", "f_dc_1", "f_dc_2" };
        for (int j = 0; j < rest; j++) names.Add($"f_rest_{j}");
        names.AddRange(["opacity", "scale_0", "scale_1", "scale_2", "rot_0", "rot_1", "rot_2", "rot_3"]);
        stream.Write(PlyHeader.Build(["Gaussian splats written by c3v (INRIA 3DGS layout)"],
            [("vertex", cloud.Count, names.Select(n => ("float", n)))]));

        int nf = names.Count, shStride = k * 3;
        int perBlock = Math.Max(1, (1 << 18) / (nf * 4));
        float[] block = ArrayPool<float>.Shared.Rent(perBlock * nf);
        try
        {
            float[][] geometry = [cloud.X, cloud.Y, cloud.Z];
            float[][] tail = [cloud.Opacity, cloud.ScaleX, cloud.ScaleY, cloud.ScaleZ, cloud.RotW, cloud.RotX, cloud.RotY, cloud.RotZ];
            for (int first = 0; first < cloud.Count; first += perBlock)
            {
                int n = Math.Min(perBlock, cloud.Count - first);
                var b = block.AsSpan(0, n * nf);
                for (int c = 0; c < 3; c++) Scatter(geometry[c].AsSpan(first, n), 1, b[c..], nf, n);
                for (int c = 3; c < 6; c++) Scatter(default, 0, b[c..], nf, n);
                for (int c = 0; c < 3; c++) Scatter(cloud.Sh.AsSpan(first * shStride + c), shStride, b[(6 + c)..], nf, n);
                for (int j = 0; j < rest; j++)
                {
                    int channel = j / (k - 1), coeff = 1 + j % (k - 1);
                    Scatter(cloud.Sh.AsSpan(first * shStride + coeff * 3 + channel), shStride, b[(9 + j)..], nf, n);
                }
                for (int c = 0; c < tail.Length; c++) Scatter(tail[c].AsSpan(first, n), 1, b[(9 + rest + c)..], nf, n);
                stream.Write(MemoryMarshal.AsBytes(b));
            }
        }
        finally { ArrayPool<float>.Shared.Return(block); }
    }

    /// <summary>dst[r·dstStride] = src[r·srcStride] for r &lt; n; an empty source writes zeros.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    static void Scatter(ReadOnlySpan<float> src, int srcStride, Span<float> dst, int dstStride, int n)
    {
        if (src.IsEmpty) { for (int r = 0; r < n; r++) dst[r * dstStride] = 0; return; }
        for (int r = 0; r < n; r++) dst[r * dstStride] = src[r * srcStride];
    }
}
