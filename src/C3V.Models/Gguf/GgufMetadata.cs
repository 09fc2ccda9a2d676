using System.Text;
using C3V.Common;

namespace C3V.Models.Gguf;

/// <summary>
/// The metadata of a GGUF file (header and key/value pairs, not the tensors), read to tell a user what a
/// model file is before handing it to llama.cpp: its architecture, whether it is a projector (mmproj) and
/// for which embedding width, its chat template. Arrays keep only their length, except short ones.
/// </summary>
public sealed class GgufMetadata
{
    const int ShortArray = 16;
    const long MaxString = 1 << 24;

    public uint Version { get; private init; }
    public ulong TensorCount { get; private init; }
    public IReadOnlyDictionary<string, object> Values { get; private init; } = new Dictionary<string, object>();

    public string? Architecture => Values.GetValueOrDefault("general.architecture") as string;

    /// <summary>A number stored under <paramref name="key"/> (any integer or float type), or null.</summary>
    public double? Number(string key) => Values.GetValueOrDefault(key) is { } v and (byte or sbyte or ushort or short or uint or int or ulong or long or float or double)
        ? Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    public static GgufMetadata Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            if (stream.Length < 24 || r.ReadUInt32() != GgufWriter.Magic) throw new InvalidFileException(path, "not a GGUF file (it does not start with \"GGUF\")");
            uint version = r.ReadUInt32();
            if (version is < 2 or > 3) throw new InvalidFileException(path, $"GGUF version {version} is not supported (2 or 3)");
            ulong tensors = r.ReadUInt64(), count = r.ReadUInt64();
            if (count > 1_000_000) throw new InvalidFileException(path, $"the header claims {count} metadata entries");
            var values = new Dictionary<string, object>(StringComparer.Ordinal);
            for (ulong i = 0; i < count; i++)
            {
                string key = ReadString(r, path);
                values[key] = ReadValue(r, (GgufType)r.ReadUInt32(), path);
            }
            return new GgufMetadata { Version = version, TensorCount = tensors, Values = values };
        }
        catch (EndOfStreamException) { throw new InvalidFileException(path, "the GGUF header is cut short"); }
        catch (FileNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (DirectoryNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (UnauthorizedAccessException) { throw new InvalidFileException(path, "cannot be read (permission denied)"); }
    }

    static string ReadString(BinaryReader r, string path)
    {
        ulong n = r.ReadUInt64();
        if (n > MaxString || (long)n > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidFileException(path, $"a metadata string claims {n} bytes");
        return Encoding.UTF8.GetString(r.ReadBytes((int)n));
    }

    static object ReadValue(BinaryReader r, GgufType type, string path) => type switch
    {
        GgufType.UInt8 => r.ReadByte(),
        GgufType.Int8 => r.ReadSByte(),
        GgufType.UInt16 => r.ReadUInt16(),
        GgufType.Int16 => r.ReadInt16(),
        GgufType.UInt32 => r.ReadUInt32(),
        GgufType.Int32 => r.ReadInt32(),
        GgufType.Float32 => r.ReadSingle(),
        GgufType.Bool => r.ReadByte() != 0,
        GgufType.String => ReadString(r, path),
        GgufType.UInt64 => r.ReadUInt64(),
        GgufType.Int64 => r.ReadInt64(),
        GgufType.Float64 => r.ReadDouble(),
        GgufType.Array => ReadArray(r, path),
        _ => throw new InvalidFileException(path, $"unknown metadata value type {(uint)type}"),
    };

    /// <summary>Short arrays as object[]; long ones (vocabularies) as their length only.</summary>
    static object ReadArray(BinaryReader r, string path)
    {
        var itemType = (GgufType)r.ReadUInt32();
        ulong n = r.ReadUInt64();
        if (itemType == GgufType.Array) throw new InvalidFileException(path, "nested metadata arrays are not supported");
        if (n > (ulong)(r.BaseStream.Length - r.BaseStream.Position)) throw new InvalidFileException(path, $"a metadata array claims {n} items");
        var items = new List<object>();
        for (ulong i = 0; i < n; i++)
        {
            var v = ReadValue(r, itemType, path);
            if (n <= ShortArray) items.Add(v);
        }
        return n <= ShortArray ? items.ToArray() : (long)n;
    }
}
