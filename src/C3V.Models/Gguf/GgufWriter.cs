using System.Buffers.Binary;
using System.Text;
using C3V.Common;

namespace C3V.Models.Gguf;

/// <summary>Value types of GGUF metadata (the numbering of the format, version 3).</summary>
public enum GgufType : uint
{
    UInt8 = 0, Int8 = 1, UInt16 = 2, Int16 = 3, UInt32 = 4, Int32 = 5, Float32 = 6, Bool = 7,
    String = 8, Array = 9, UInt64 = 10, Int64 = 11, Float64 = 12,
}

/// <summary>
/// Writes a GGUF file (version 3, little-endian): the header (magic "GGUF", version, tensor count, metadata
/// count), the metadata key/value pairs, the tensor infos (name, dimensions innermost first, type, offset),
/// then the tensor data, each tensor aligned to <see cref="Alignment"/> bytes from the start of the data
/// section. Tensors are stored as F32 (ggml type 0): enough for small models written by tests and tools.
/// </summary>
public sealed class GgufWriter
{
    public const uint Magic = 0x46554747; // "GGUF" read as a little-endian u32
    public const uint Version = 3;
    public const int Alignment = 32;
    const uint GgmlTypeF32 = 0;

    readonly List<(string Key, GgufType Type, object Value)> metadata = [];
    readonly List<(string Name, long[] Shape, float[] Data)> tensors = [];

    public GgufWriter Add(string key, string value) => Put(key, GgufType.String, value);
    public GgufWriter Add(string key, uint value) => Put(key, GgufType.UInt32, value);
    public GgufWriter Add(string key, int value) => Put(key, GgufType.Int32, value);
    public GgufWriter Add(string key, float value) => Put(key, GgufType.Float32, value);
    public GgufWriter Add(string key, bool value) => Put(key, GgufType.Bool, value);
    public GgufWriter Add(string key, IReadOnlyList<string> values) => Put(key, GgufType.Array, (GgufType.String, (object)values));
    public GgufWriter Add(string key, IReadOnlyList<float> values) => Put(key, GgufType.Array, (GgufType.Float32, (object)values));
    public GgufWriter Add(string key, IReadOnlyList<int> values) => Put(key, GgufType.Array, (GgufType.Int32, (object)values));

    GgufWriter Put(string key, GgufType type, object value)
    {
        if (metadata.Any(m => m.Key == key)) throw new ArgumentException($"the metadata key '{key}' is set twice", nameof(key));
        metadata.Add((key, type, value));
        return this;
    }

    /// <summary>A tensor of F32 values; <paramref name="shape"/> lists the dimensions innermost (contiguous) first, as ggml does.</summary>
    public GgufWriter Tensor(string name, float[] data, params long[] shape)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != data.Length) throw new ArgumentException($"tensor '{name}': shape [{string.Join(", ", shape)}] holds {count} values, not {data.Length}");
        tensors.Add((name, shape, data));
        return this;
    }

    public void Save(string path, bool overwrite = false) => AtomicFile.Write(path, Write, overwrite);

    public void Write(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true); // BinaryWriter is little-endian on every platform
        w.Write(Magic);
        w.Write(Version);
        w.Write((ulong)tensors.Count);
        w.Write((ulong)metadata.Count);
        foreach (var (key, type, value) in metadata)
        {
            WriteString(w, key);
            w.Write((uint)type);
            WriteValue(w, type, value);
        }
        long offset = 0;
        foreach (var (name, shape, data) in tensors)
        {
            WriteString(w, name);
            w.Write((uint)shape.Length);
            foreach (var d in shape) w.Write((ulong)d);
            w.Write(GgmlTypeF32);
            w.Write((ulong)offset);
            offset = Align(offset + data.Length * 4L);
        }
        Pad(w);
        long dataStart = w.BaseStream.Position;
        foreach (var (_, _, data) in tensors)
        {
            var bytes = new byte[data.Length * 4];
            for (int i = 0; i < data.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), data[i]);
            w.Write(bytes);
            long written = w.BaseStream.Position - dataStart;
            w.Write(new byte[Align(written) - written]);
        }
    }

    static long Align(long n) => (n + Alignment - 1) / Alignment * Alignment;

    static void Pad(BinaryWriter w)
    {
        long p = w.BaseStream.Position;
        w.Write(new byte[Align(p) - p]);
    }

    /// <summary>A GGUF string: u64 byte length, then UTF-8 bytes without a terminator.</summary>
    static void WriteString(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    static void WriteValue(BinaryWriter w, GgufType type, object value)
    {
        switch (type)
        {
            case GgufType.String: WriteString(w, (string)value); break;
            case GgufType.UInt32: w.Write((uint)value); break;
            case GgufType.Int32: w.Write((int)value); break;
            case GgufType.Float32: w.Write((float)value); break;
            case GgufType.Bool: w.Write((byte)((bool)value ? 1 : 0)); break;
            case GgufType.Array:
                var (itemType, items) = ((GgufType, object))value;
                w.Write((uint)itemType);
                switch (items)
                {
                    case IReadOnlyList<string> s: w.Write((ulong)s.Count); foreach (var x in s) WriteString(w, x); break;
                    case IReadOnlyList<float> f: w.Write((ulong)f.Count); foreach (var x in f) w.Write(x); break;
                    case IReadOnlyList<int> n: w.Write((ulong)n.Count); foreach (var x in n) w.Write(x); break;
                }
                break;
            default: throw new NotSupportedException($"GGUF value type {type} is not written by this writer");
        }
    }
}
