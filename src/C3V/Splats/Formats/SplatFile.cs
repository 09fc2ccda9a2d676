using System.Numerics;
using System.Runtime.InteropServices;
using C3V.Common;

namespace C3V.Splats.Formats;

/// <summary>The 3DGS file formats this project reads and writes (docs/formats.md describes each).</summary>
public enum SplatFormat
{
    /// <summary>INRIA 3DGS <c>.ply</c>: float properties, raw values, SH degree 0–3. Lossless.</summary>
    Ply,
    /// <summary>PlayCanvas compressed <c>.ply</c> (<c>.compressed.ply</c>): chunked, packed. Read only.</summary>
    CompressedPly,
    /// <summary>antimatter15 <c>.splat</c>: 32 bytes a splat, no SH beyond the DC colour.</summary>
    Splat,
    /// <summary>Niantic <c>.spz</c>: quantised, gzip (v2, v3) or zstd (v4).</summary>
    Spz,
}

public sealed record SplatReadOptions
{
    /// <summary>
    /// Splats with a non-finite value (NaN, ±∞) make the file an error by default; with this they are
    /// dropped instead (some trainers leave a few behind).
    /// </summary>
    public bool DropNonFinite { get; init; }
}

public sealed record SplatWriteOptions
{
    /// <summary>Replace an existing file (the CLI sets this only with --force).</summary>
    public bool Overwrite { get; init; } = true;
    /// <summary>SPZ version to write: 2 or 3 (gzip, read by every SPZ reader) or 4 (zstd, the newest reference).</summary>
    public int SpzVersion { get; init; } = 3;
    /// <summary>Set the SPZ "antialiased" flag (the cloud was trained with the antialiased rasterizer).</summary>
    public bool Antialiased { get; init; }
}

/// <summary>What a file turned out to be: its format and a short human description of its variant.</summary>
public sealed record SplatFileInfo(SplatFormat Format, string Variant, long Bytes, int DroppedNonFinite);

/// <summary>
/// Reads and writes Gaussian-splat files. The format is taken from the content when it says (a PLY header,
/// a gzip stream, an NGSP header) and from the extension otherwise (<c>.splat</c> has no header). Every
/// problem with a file is an <see cref="InvalidFileException"/> naming the file; writes are atomic.
/// </summary>
public static class SplatFile
{
    public static GaussianCloud Read(string path, SplatReadOptions? options = null) => ReadWithInfo(path, options).Cloud;

    public static (GaussianCloud Cloud, SplatFileInfo Info) ReadWithInfo(string path, SplatReadOptions? options = null)
    {
        UserPath.CheckReadable(path, "splat file");
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidFileException(path, "no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidFileException(path, $"cannot open ({e.Message})", e);
        }
        using (file)
            return Read(file, path, file.Length, options);
    }

    /// <summary>Reads from a seekable stream; <paramref name="name"/> is used in messages and for its extension.</summary>
    public static (GaussianCloud Cloud, SplatFileInfo Info) Read(Stream stream, string name, long? length = null, SplatReadOptions? options = null)
    {
        options ??= new SplatReadOptions();
        // The PLY header is read a byte at a time; a small buffer keeps that cheap while the data blocks
        // (≥ 256 KB) bypass it.
        var buffered = new BufferedStream(stream, 1 << 12);
        Span<byte> head = stackalloc byte[4];
        int got = PeekHead(buffered, head);
        head = head[..got];
        GaussianCloud cloud;
        string variant;
        SplatFormat format;
        try
        {
            if (PlyHeader.HasMagic(head))
            {
                var header = PlyHeader.Read(buffered, name);
                long? data = length - header.Length;
                string enc = header.Encoding switch
                {
                    PlyEncoding.Ascii => "ascii",
                    PlyEncoding.BinaryBigEndian => "binary big-endian",
                    _ => "binary little-endian",
                };
                if (CompressedPly.Matches(header))
                {
                    (format, cloud) = (SplatFormat.CompressedPly, CompressedPly.Read(buffered, header, name, data));
                    variant = $"PlayCanvas compressed PLY, {enc}";
                }
                else
                {
                    (format, cloud) = (SplatFormat.Ply, InriaPly.Read(buffered, header, name, data));
                    variant = $"INRIA 3DGS PLY, {enc}";
                }
            }
            else if (Spz.IsGzip(head) || Spz.IsNgsp(head))
            {
                format = SplatFormat.Spz;
                cloud = Spz.Read(buffered, name, length, out var h);
                variant = $"SPZ v{h.Version} ({(h.Version >= 4 ? "zstd" : "gzip")}), {h.FractionalBits} fractional bits" +
                    (h.Antialiased ? ", antialiased" : "") + (h.ShDegree > GaussianCloud.MaxShDegree ? $", SH degree {h.ShDegree} in file (band 4 dropped)" : "");
            }
            else if (Extension(name) == ".splat")
            {
                format = SplatFormat.Splat;
                cloud = AntimatterSplat.Read(buffered, name, length);
                variant = "antimatter15 .splat";
            }
            else
            {
                throw new InvalidFileException(name, got == 0 ? "empty file" : Extension(name) switch
                {
                    ".ply" => "not a PLY file (does not start with 'ply')",
                    ".spz" => "not an SPZ file (neither a gzip stream nor an NGSP header)",
                    _ => $"unrecognised splat file (starts with bytes {Convert.ToHexString(head)}; expected a .ply, .spz or .splat file)",
                });
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidFileException(name, "truncated file", e);
        }
        catch (IOException e)
        {
            throw new InvalidFileException(name, $"read failed ({e.Message})", e);
        }

        int dropped = 0;
        if (FirstNonFinite(cloud) is (int index, string field))
        {
            if (!options.DropNonFinite)
                throw new InvalidFileException(name, $"splat {index} has a non-finite {field} (NaN or infinity); the file is damaged (drop such splats with --drop-nonfinite)");
            var keep = FiniteRows(cloud);
            dropped = cloud.Count - keep.Count;
            cloud = cloud.Subset(CollectionsMarshal.AsSpan(keep));
        }
        cloud.NormalizeRotations();
        return (cloud, new SplatFileInfo(format, variant, length ?? -1, dropped));
    }

    static int PeekHead(BufferedStream s, Span<byte> head)
    {
        // Sniff the first bytes, then rewind so the format reader sees the whole file.
        if (s.CanSeek)
        {
            long at = s.Position;
            int n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            s.Position = at;
            return n;
        }
        throw new ArgumentException("stream must be seekable", nameof(s));
    }

    /// <summary>Writes <paramref name="cloud"/> in the format chosen by <paramref name="path"/>'s extension, atomically.</summary>
    public static void Write(string path, GaussianCloud cloud, SplatWriteOptions? options = null)
    {
        options ??= new SplatWriteOptions();
        var format = FormatForWriting(path);
        CheckWritable(cloud, path);
        AtomicFile.Write(path, s => Write(s, cloud, format, options), options.Overwrite);
    }

    public static void Write(Stream stream, GaussianCloud cloud, SplatFormat format, SplatWriteOptions? options = null)
    {
        options ??= new SplatWriteOptions();
        switch (format)
        {
            case SplatFormat.Ply: InriaPly.Write(stream, cloud); break;
            case SplatFormat.Splat: AntimatterSplat.Write(stream, cloud); break;
            case SplatFormat.Spz: Spz.Write(stream, cloud, options.SpzVersion, options.Antialiased); break;
            default: throw new C3VException($"writing {format} is not supported (write .ply, .splat or .spz)");
        }
    }

    /// <summary>The format a file name asks for when writing: .ply, .splat or .spz (.compressed.ply is read-only).</summary>
    public static SplatFormat FormatForWriting(string path)
    {
        if (path.EndsWith(".compressed.ply", StringComparison.OrdinalIgnoreCase))
            throw new C3VException($"{path}: PlayCanvas compressed .ply can be read but not written; write .ply, .splat or .spz");
        return Extension(path) switch
        {
            ".ply" => SplatFormat.Ply,
            ".splat" => SplatFormat.Splat,
            ".spz" => SplatFormat.Spz,
            var e => throw new C3VException($"{path}: unknown output format '{e}' (use .ply, .splat or .spz)"),
        };
    }

    static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();

    static void CheckWritable(GaussianCloud cloud, string path)
    {
        if (FirstNonFinite(cloud) is (int index, string field))
            throw new C3VException($"{path}: not written: splat {index} has a non-finite {field}");
        if (cloud.Count == 0 && Extension(path) == ".splat")
            throw new C3VException($"{path}: not written: a .splat file cannot hold zero splats (an empty file is not a .splat file)");
    }

    /// <summary>The first splat with a NaN or infinite value, and which field.</summary>
    public static (int Index, string Field)? FirstNonFinite(GaussianCloud c)
    {
        (string Name, float[] Data, int PerSplat)[] fields =
        [
            ("x", c.X, 1), ("y", c.Y, 1), ("z", c.Z, 1), ("scale", c.ScaleX, 1), ("scale", c.ScaleY, 1), ("scale", c.ScaleZ, 1),
            ("rotation", c.RotW, 1), ("rotation", c.RotX, 1), ("rotation", c.RotY, 1), ("rotation", c.RotZ, 1),
            ("opacity", c.Opacity, 1), ("colour/SH coefficient", c.Sh, c.ShCoeffCount * 3),
        ];
        (int Index, string Field)? first = null;
        foreach (var (name, data, per) in fields)
        {
            int at = IndexOfNonFinite(data);
            if (at >= 0 && (first is null || at / per < first.Value.Index)) first = (at / per, name);
        }
        return first;
    }

    /// <summary>Index of the first NaN/±∞ (x − x is 0 only for finite x), vectorised.</summary>
    static int IndexOfNonFinite(ReadOnlySpan<float> data)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(data);
            for (int v = 0; v < vectors.Length; v++)
            {
                var d = vectors[v] - vectors[v];
                if (!Vector.EqualsAll(d, Vector<float>.Zero)) { i = v * Vector<float>.Count; break; }
                i = (v + 1) * Vector<float>.Count;
            }
        }
        for (; i < data.Length; i++) if (!float.IsFinite(data[i])) return i;
        return -1;
    }

    static List<int> FiniteRows(GaussianCloud c)
    {
        var keep = new List<int>(c.Count);
        int k = c.ShCoeffCount * 3;
        for (int i = 0; i < c.Count; i++)
        {
            bool ok = float.IsFinite(c.X[i]) && float.IsFinite(c.Y[i]) && float.IsFinite(c.Z[i])
                && float.IsFinite(c.ScaleX[i]) && float.IsFinite(c.ScaleY[i]) && float.IsFinite(c.ScaleZ[i])
                && float.IsFinite(c.RotW[i]) && float.IsFinite(c.RotX[i]) && float.IsFinite(c.RotY[i]) && float.IsFinite(c.RotZ[i])
                && float.IsFinite(c.Opacity[i]) && IndexOfNonFinite(c.Sh.AsSpan(i * k, k)) < 0;
            if (ok) keep.Add(i);
        }
        return keep;
    }
}
