using System.Text;

namespace C3V.Tests.Models;

/// <summary>
/// Writes ONNX models byte by byte (protobuf wire format with the public onnx.proto field numbers), so tests
/// can make small real models without any Python tooling.
/// </summary>
internal sealed class TinyOnnx
{
    public const int Float = 1, Int32 = 6, Int64 = 7;
    readonly List<byte[]> _nodes = [], _inits = [], _inputs = [], _outputs = [];

    // --- protobuf wire format ---
    static void Varint(List<byte> b, ulong v) { while (v >= 0x80) { b.Add((byte)(v | 0x80)); v >>= 7; } b.Add((byte)v); }
    static void Tag(List<byte> b, int field, int wire) => Varint(b, (ulong)((field << 3) | wire));
    static void Int(List<byte> b, int field, long v) { Tag(b, field, 0); Varint(b, (ulong)v); }
    static void Bytes(List<byte> b, int field, byte[] v) { Tag(b, field, 2); Varint(b, (ulong)v.Length); b.AddRange(v); }
    static void Str(List<byte> b, int field, string v) => Bytes(b, field, Encoding.UTF8.GetBytes(v));
    static byte[] Msg(Action<List<byte>> build) { var b = new List<byte>(); build(b); return [.. b]; }

    /// <summary>NodeProto: input 1, output 2, name 3, op_type 4, attribute 5.</summary>
    public TinyOnnx Node(string op, string[] inputs, string[] outputs, params (string Name, long[] Ints)[] attributes)
    {
        _nodes.Add(Msg(b =>
        {
            foreach (var i in inputs) Str(b, 1, i);
            foreach (var o in outputs) Str(b, 2, o);
            Str(b, 3, $"{op}_{_nodes.Count}");
            Str(b, 4, op);
            // AttributeProto: name 1, i 3, ints 8, type 20 (INT = 2, INTS = 7)
            foreach (var (name, ints) in attributes)
                Bytes(b, 5, Msg(a =>
                {
                    Str(a, 1, name);
                    if (name is "keepdims" or "axis" or "to") { Int(a, 3, ints[0]); Int(a, 20, 2); }
                    else { foreach (var v in ints) Int(a, 8, v); Int(a, 20, 7); }
                }));
        }));
        return this;
    }

    /// <summary>TensorProto: dims 1, data_type 2, name 8, raw_data 9 (little-endian).</summary>
    public TinyOnnx Initializer(string name, long[] dims, float[] data) =>
        AddInit(name, dims, Float, data.SelectMany(BitConverter.GetBytes).ToArray());
    public TinyOnnx Initializer(string name, long[] dims, long[] data) =>
        AddInit(name, dims, Int64, data.SelectMany(BitConverter.GetBytes).ToArray());

    TinyOnnx AddInit(string name, long[] dims, int type, byte[] raw)
    {
        _inits.Add(Msg(b => { foreach (var d in dims) Int(b, 1, d); Int(b, 2, type); Str(b, 8, name); Bytes(b, 9, raw); }));
        return this;
    }

    /// <summary>ValueInfoProto: name 1, type 2 → TypeProto.tensor_type 1 → elem_type 1, shape 2 → dim 1 → dim_value 1 / dim_param 2.</summary>
    static byte[] ValueInfo(string name, int type, object[] dims) => Msg(b =>
    {
        Str(b, 1, name);
        Bytes(b, 2, Msg(t => Bytes(t, 1, Msg(tt =>
        {
            Int(tt, 1, type);
            Bytes(tt, 2, Msg(sh =>
            {
                foreach (var d in dims)
                    Bytes(sh, 1, Msg(dm => { if (d is string p) Str(dm, 2, p); else Int(dm, 1, Convert.ToInt64(d)); }));
            }));
        }))));
    });

    public TinyOnnx Input(string name, int type, params object[] dims) { _inputs.Add(ValueInfo(name, type, dims)); return this; }
    public TinyOnnx Output(string name, int type, params object[] dims) { _outputs.Add(ValueInfo(name, type, dims)); return this; }

    /// <summary>ModelProto: ir_version 1, producer_name 2, graph 7, opset_import 8; GraphProto: node 1, name 2, initializer 5, input 11, output 12.</summary>
    public byte[] Build(int opset = 17) => Msg(m =>
    {
        Int(m, 1, 8);
        Str(m, 2, "c3v-tests");
        Bytes(m, 7, Msg(g =>
        {
            foreach (var n in _nodes) Bytes(g, 1, n);
            Str(g, 2, "tiny");
            foreach (var i in _inits) Bytes(g, 5, i);
            foreach (var i in _inputs) Bytes(g, 11, i);
            foreach (var o in _outputs) Bytes(g, 12, o);
        }));
        Bytes(m, 8, Msg(o => { Str(o, 1, ""); Int(o, 2, opset); }));
    });
}
