using System.Numerics;
using System.Runtime.InteropServices;
using C3V.Actors;
using C3V.Common;
using C3V.Splats;

namespace C3V.Projects;

/// <summary>
/// A project's skinned actor on disk (<c>assets/actor-&lt;id&gt;.c3va</c>): the rest-pose Gaussians (raw values, as
/// <see cref="GaussianCloud"/> holds them), the skeleton's rest offsets and height, and the four bone
/// indices and weights per Gaussian. Little-endian: "C3VA", version, counts, then the arrays in order. No
/// standard splat format carries skinning, hence this one; the rest cloud alone can be exported as PLY.
/// </summary>
public static class ActorAsset
{
    const uint Magic = 0x41563343; // "C3VA"
    const int FormatVersion = 1;
    public const string Extension = ".c3va";
    /// <summary>The tallest skeleton a file may hold (metres): larger is damage, not an actor.</summary>
    const float MaxHeight = 1000;

    public static void Save(SkinnedCloud actor, string path) => AtomicFile.Write(path, s =>
    {
        using var w = new BinaryWriter(s, System.Text.Encoding.UTF8, leaveOpen: true);
        var c = actor.Rest;
        w.Write(Magic); w.Write(FormatVersion); w.Write(c.Count); w.Write(c.ShDegree);
        foreach (var o in actor.Skeleton.Offsets) { w.Write(o.X); w.Write(o.Y); w.Write(o.Z); }
        w.Write(actor.Skeleton.Height);
        foreach (var a in Arrays(c)) w.Write(MemoryMarshal.AsBytes(a.AsSpan()));
        for (int k = 0; k < SkinnedCloud.MaxInfluences; k++)
        {
            w.Write(MemoryMarshal.AsBytes(actor.Bones[k].AsSpan()));
            w.Write(MemoryMarshal.AsBytes(actor.Weights[k].AsSpan()));
        }
    });

    public static SkinnedCloud Load(string path)
    {
        try
        {
            using var s = File.OpenRead(path);
            using var r = new BinaryReader(s);
            if (s.Length < 16 || r.ReadUInt32() != Magic) throw new InvalidFileException(path, "not a c3v actor file");
            int version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidFileException(path, $"actor format version {version} is not {FormatVersion}");
            int count = r.ReadInt32(), degree = r.ReadInt32();
            if (count < 0 || degree is < 0 or > GaussianCloud.MaxShDegree) throw new InvalidFileException(path, "bad header (count or SH degree)");
            long expected = 16 + Skeleton.JointCount * 12 + 4 + (long)count * 4 * (11 + (degree + 1) * (degree + 1) * 3) + (long)count * 8 * SkinnedCloud.MaxInfluences;
            if (s.Length != expected) throw new InvalidFileException(path, $"is {s.Length} bytes, expected {expected} for {count} Gaussians (truncated or corrupt)");
            var offsets = new Vector3[Skeleton.JointCount];
            for (int j = 0; j < offsets.Length; j++) offsets[j] = new Vector3(r.ReadSingle(), r.ReadSingle(), r.ReadSingle());
            float height = r.ReadSingle();
            if (!offsets.All(o => float.IsFinite(o.X + o.Y + o.Z))) throw new InvalidFileException(path, "a skeleton offset is not finite");
            if (!(height is > 0 and <= MaxHeight)) throw new InvalidFileException(path, $"skeleton height {height} is outside 0..{MaxHeight} m");
            var cloud = new GaussianCloud(count, degree);
            foreach (var a in Arrays(cloud)) Read(r, MemoryMarshal.AsBytes(a.AsSpan()));
            if (!AllFinite(cloud.X) || !AllFinite(cloud.Y) || !AllFinite(cloud.Z)) throw new InvalidFileException(path, "a Gaussian position is not finite");
            var bones = new int[SkinnedCloud.MaxInfluences][];
            var weights = new float[SkinnedCloud.MaxInfluences][];
            for (int k = 0; k < SkinnedCloud.MaxInfluences; k++)
            {
                bones[k] = new int[count]; weights[k] = new float[count];
                Read(r, MemoryMarshal.AsBytes(bones[k].AsSpan()));
                Read(r, MemoryMarshal.AsBytes(weights[k].AsSpan()));
                if (!AllFinite(weights[k])) throw new InvalidFileException(path, "a skinning weight is not finite");
            }
            return new SkinnedCloud(cloud, new Skeleton(offsets, height), bones, weights);
        }
        catch (FileNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (EndOfStreamException) { throw new InvalidFileException(path, "truncated"); }
        catch (ArgumentException e) { throw new InvalidFileException(path, $"inconsistent skinning data ({e.Message})"); }
    }

    static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values) if (!float.IsFinite(v)) return false;
        return true;
    }

    static void Read(BinaryReader r, Span<byte> into) => r.BaseStream.ReadExactly(into);

    static float[][] Arrays(GaussianCloud c) =>
        [c.X, c.Y, c.Z, c.ScaleX, c.ScaleY, c.ScaleZ, c.RotW, c.RotX, c.RotY, c.RotZ, c.Opacity, c.Sh];
}
