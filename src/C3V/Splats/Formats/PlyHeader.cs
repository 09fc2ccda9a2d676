using System.Globalization;
using System.Text;
using C3V.Common;

namespace C3V.Splats.Formats;

internal enum PlyEncoding { Ascii, BinaryLittleEndian, BinaryBigEndian }

internal enum PlyType { Int8, UInt8, Int16, UInt16, Int32, UInt32, Float32, Float64 }

/// <summary>One scalar property of a PLY element; <see cref="Offset"/> is its byte offset in a binary record.</summary>
internal sealed record PlyProperty(string Name, PlyType Type, int Offset, bool IsList = false)
{
    public int Size => SizeOf(Type);

    public static int SizeOf(PlyType t) => t switch
    {
        PlyType.Int8 or PlyType.UInt8 => 1,
        PlyType.Int16 or PlyType.UInt16 => 2,
        PlyType.Int32 or PlyType.UInt32 or PlyType.Float32 => 4,
        _ => 8,
    };

    public static PlyType? ParseType(string name) => name switch
    {
        "char" or "int8" => PlyType.Int8,
        "uchar" or "uint8" => PlyType.UInt8,
        "short" or "int16" => PlyType.Int16,
        "ushort" or "uint16" => PlyType.UInt16,
        "int" or "int32" => PlyType.Int32,
        "uint" or "uint32" => PlyType.UInt32,
        "float" or "float32" => PlyType.Float32,
        "double" or "float64" => PlyType.Float64,
        _ => null,
    };
}

internal sealed class PlyElement(string name, int count)
{
    public string Name { get; } = name;
    public int Count { get; } = count;
    public List<PlyProperty> Properties { get; } = [];
    /// <summary>Bytes of one binary record (the sum of the property sizes); meaningless when <see cref="HasList"/>.</summary>
    public int Stride { get; private set; }
    public bool HasList => Properties.Any(p => p.IsList);

    public void Add(string propName, PlyType type, bool isList)
    {
        Properties.Add(new PlyProperty(propName, type, Stride, isList));
        if (!isList) Stride += PlyProperty.SizeOf(type);
    }

    public PlyProperty? Find(string propName) => Properties.Find(p => p.Name == propName);
}

/// <summary>
/// A parsed PLY header (ascii, binary little- or big-endian; any elements and scalar properties). The data
/// that follows is read with <see cref="PlyRecordReader"/>.
/// </summary>
internal sealed class PlyHeader
{
    /// <summary>Headers longer than this are not PLY splat files (real ones are a few KB at most).</summary>
    const int MaxHeaderBytes = 1 << 20;

    public PlyEncoding Encoding { get; private init; }
    public List<PlyElement> Elements { get; } = [];
    public List<string> Comments { get; } = [];
    /// <summary>Bytes of the header including the end_header line.</summary>
    public int Length { get; private init; }

    public PlyElement? Find(string name) => Elements.Find(e => e.Name == name);

    public static bool HasMagic(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 'p' && head[1] == 'l' && head[2] == 'y' && (head[3] == '\n' || head[3] == '\r');

    /// <summary>Reads the header from <paramref name="stream"/>, leaving it positioned at the first data byte.</summary>
    public static PlyHeader Read(Stream stream, string path)
    {
        // Read byte by byte up to "end_header\n": the header is small, and the stream must stop exactly at the
        // data (it may not be seekable). A BufferedStream beneath keeps this cheap.
        var bytes = new List<byte>(4096);
        int b;
        while (true)
        {
            b = stream.ReadByte();
            if (b < 0) throw new InvalidFileException(path, bytes.Count < 4 ? "not a PLY file (too short)" : "truncated PLY header (no end_header line)");
            bytes.Add((byte)b);
            if (bytes.Count == 4 && !HasMagic(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)))
                throw new InvalidFileException(path, "not a PLY file (does not start with 'ply')");
            if (b == '\n' && EndsWithEndHeader(bytes)) break;
            if (bytes.Count > MaxHeaderBytes) throw new InvalidFileException(path, $"PLY header longer than {MaxHeaderBytes} bytes (no end_header line)");
        }
        string text = System.Text.Encoding.ASCII.GetString(bytes.ToArray());
        return Parse(text, bytes.Count, path);
    }

    static bool EndsWithEndHeader(List<byte> bytes)
    {
        ReadOnlySpan<byte> tag = "end_header"u8;
        int end = bytes.Count - 1; // at '\n'
        if (end > 0 && bytes[end - 1] == '\r') end--;
        if (end < tag.Length) return false;
        for (int i = 0; i < tag.Length; i++) if (bytes[end - tag.Length + i] != tag[i]) return false;
        return end == tag.Length || bytes[end - tag.Length - 1] == '\n';
    }

    static PlyHeader Parse(string text, int length, string path)
    {
        var lines = text.Split('\n');
        PlyEncoding? encoding = null;
        var header = new List<PlyElement>();
        var comments = new List<string>();
        for (int n = 1; n < lines.Length; n++)
        {
            string line = lines[n].TrimEnd('\r').Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string where = $"PLY header line {n + 1}";
            switch (parts[0])
            {
                case "format":
                    if (parts.Length < 3) throw new InvalidFileException(path, $"{where}: malformed format line '{line}'");
                    encoding = parts[1] switch
                    {
                        "ascii" => PlyEncoding.Ascii,
                        "binary_little_endian" => PlyEncoding.BinaryLittleEndian,
                        "binary_big_endian" => PlyEncoding.BinaryBigEndian,
                        _ => throw new InvalidFileException(path, $"{where}: unknown PLY format '{parts[1]}'"),
                    };
                    if (parts[2] != "1.0") throw new InvalidFileException(path, $"{where}: unsupported PLY version '{parts[2]}'");
                    break;
                case "comment":
                case "obj_info":
                    comments.Add(line.Length > parts[0].Length ? line[(parts[0].Length + 1)..] : "");
                    break;
                case "element":
                    if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long count))
                        throw new InvalidFileException(path, $"{where}: malformed element line '{line}'");
                    if (count > int.MaxValue) throw new InvalidFileException(path, $"{where}: element '{parts[1]}' count {count} is too large");
                    header.Add(new PlyElement(parts[1], (int)count));
                    break;
                case "property":
                    if (header.Count == 0) throw new InvalidFileException(path, $"{where}: property before any element");
                    if (parts.Length == 5 && parts[1] == "list")
                    {
                        var itemType = PlyProperty.ParseType(parts[3]) ?? throw new InvalidFileException(path, $"{where}: unknown property type '{parts[3]}'");
                        if (PlyProperty.ParseType(parts[2]) is null) throw new InvalidFileException(path, $"{where}: unknown list count type '{parts[2]}'");
                        header[^1].Add(parts[4], itemType, isList: true);
                    }
                    else if (parts.Length == 3)
                    {
                        var type = PlyProperty.ParseType(parts[1]) ?? throw new InvalidFileException(path, $"{where}: unknown property type '{parts[1]}'");
                        if (header[^1].Find(parts[2]) is not null) throw new InvalidFileException(path, $"{where}: property '{parts[2]}' declared twice");
                        header[^1].Add(parts[2], type, isList: false);
                    }
                    else throw new InvalidFileException(path, $"{where}: malformed property line '{line}'");
                    break;
                case "end_header":
                    if (encoding is null) throw new InvalidFileException(path, "PLY header has no format line");
                    var h = new PlyHeader { Encoding = encoding.Value, Length = length };
                    h.Elements.AddRange(header);
                    h.Comments.AddRange(comments);
                    return h;
                default:
                    throw new InvalidFileException(path, $"{where}: unexpected keyword '{parts[0]}'");
            }
        }
        throw new InvalidFileException(path, "truncated PLY header (no end_header line)");
    }

    /// <summary>Writes a binary little-endian header with one line per element and float properties.</summary>
    public static byte[] Build(IEnumerable<string> comments, IEnumerable<(string Element, int Count, IEnumerable<(string Type, string Name)> Properties)> elements)
    {
        var sb = new StringBuilder("ply\nformat binary_little_endian 1.0\n");
        foreach (var c in comments) sb.Append("comment ").Append(c).Append('\n');
        foreach (var (element, count, props) in elements)
        {
            sb.Append("element ").Append(element).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var (type, name) in props) sb.Append("property ").Append(type).Append(' ').Append(name).Append('\n');
        }
        sb.Append("end_header\n");
        return System.Text.Encoding.ASCII.GetBytes(sb.ToString());
    }
}
