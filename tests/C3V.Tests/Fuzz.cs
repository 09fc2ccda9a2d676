using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using C3V.Common;

namespace C3V.Tests;

/// <summary>
/// Mutation fuzzing for the suite (CsCheck): valid seed files are damaged the ways files get damaged or forged —
/// truncation, byte flips, bit runs, huge/negative/NaN/infinite numbers over binary fields and over the numbers of
/// text formats, deleted, duplicated and inserted runs — and JSON documents structurally (fields removed, added,
/// replaced by values of the wrong type, NaN, huge or negative numbers). A reader must answer every case with a
/// valid result or a <see cref="C3VException"/>; any other exception fails the test (CsCheck shrinks it to a
/// small reproducing case and prints its seed).
/// The default run is bounded by iteration counts (a few seconds per format); <c>C3V_FUZZ_LONG=1</c> runs 50 times
/// as many (docs/testing.md).
/// </summary>
public static class Fuzz
{
    public static bool Long => Environment.GetEnvironmentVariable("C3V_FUZZ_LONG") == "1";

    /// <summary>The iteration count for a format: <paramref name="normal"/>, or 50× in the long mode.</summary>
    public static int Iterations(int normal) => Long ? normal * 50 : normal;

    public readonly record struct Mutation(int Kind, int At, int Length, int Value);

    static readonly Gen<Mutation> One = Gen.Select(Gen.Int[0, 7], Gen.Int[0, int.MaxValue], Gen.Int[1, 64], Gen.Int)
        .Select((k, a, l, v) => new Mutation(k, a, l, v));

    /// <summary>One to four byte-level mutations.</summary>
    public static readonly Gen<Mutation[]> Bytes = One.Array[1, 4];

    static readonly int[] SpecialInts = [0, -1, int.MaxValue, int.MinValue, 0x7FC00000, 0x7F800000, unchecked((int)0xFF800000), 1_000_000_000, 65536, 1];
    static readonly string[] SpecialNumbers = ["0", "-1", "999999999", "4294967296", "1e308", "-1e308", "NaN", "inf", "1e-30", "-0", "2147483648", "x"];

    public static byte[] Apply(byte[] seed, Mutation[] mutations)
    {
        var b = seed.ToList();
        foreach (var m in mutations) Apply(b, m);
        return [.. b];
    }

    static void Apply(List<byte> b, Mutation m)
    {
        if (b.Count == 0) { b.Add((byte)m.Value); return; }
        int at = m.At % b.Count, len = Math.Min(m.Length, b.Count - at);
        switch (m.Kind)
        {
            case 0: b.RemoveRange(at, b.Count - at); break;                                       // truncation
            case 1: b[at] = (byte)m.Value; break;                                                 // byte flip
            case 2: for (int i = 0; i < len; i++) b[at + i] ^= (byte)(m.Value >> (i % 4 * 8)); break; // bit run
            case 3:                                                                               // special 32-bit value
                var v = BitConverter.GetBytes(SpecialInts[(uint)m.Value % SpecialInts.Length]);
                for (int i = 0; i < 4 && at + i < b.Count; i++) b[at + i] = v[i];
                break;
            case 4: b.RemoveRange(at, len); break;                                                // deletion
            case 5: b.InsertRange(at, b.GetRange(at, len)); break;                                // duplication
            case 6: ReplaceNumber(b, m); break;                                                   // text number → huge/NaN/…
            default: b.InsertRange(at, Enumerable.Range(0, m.Length).Select(i => (byte)(m.Value * (i + 7)))); break;
        }
    }

    /// <summary>Replaces one run of digits (chosen by the mutation) with a special number: counts, sizes and values of text formats.</summary>
    static void ReplaceNumber(List<byte> b, Mutation m)
    {
        var runs = new List<(int Start, int Length)>();
        for (int i = 0; i < b.Count;)
        {
            if (b[i] is >= (byte)'0' and <= (byte)'9')
            {
                int s = i;
                while (i < b.Count && (b[i] is >= (byte)'0' and <= (byte)'9' or (byte)'.' or (byte)'-' or (byte)'e')) i++;
                runs.Add((s, i - s));
            }
            else i++;
        }
        if (runs.Count == 0) return;
        var (start, length) = runs[m.At % runs.Count];
        b.RemoveRange(start, length);
        b.InsertRange(start, Encoding.ASCII.GetBytes(SpecialNumbers[(uint)m.Value % SpecialNumbers.Length]));
    }

    public readonly record struct JsonMutation(int Kind, int Pick, int Value);

    /// <summary>One to three structural mutations of a JSON document.</summary>
    public static readonly Gen<JsonMutation[]> Json = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[0, 100])
        .Select((k, p, v) => new JsonMutation(k, p, v)).Array[1, 3];

    static JsonNode? Special(int v) => (v % 12) switch
    {
        0 => null, 1 => "text", 2 => 1e308, 3 => -1, 4 => 0, 5 => true, 6 => new JsonArray(), 7 => new JsonObject(),
        8 => "NaN", 9 => 1.5, 10 => 2147483648L, _ => -1e308,
    };

    /// <summary>Applies structural mutations to <paramref name="json"/>: remove, replace by a special value, add a field, duplicate or empty a list.</summary>
    public static string Apply(string json, JsonMutation[] mutations)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var m in mutations)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var node = nodes[m.Pick % nodes.Count];
            var parent = node.Parent;
            switch (m.Kind)
            {
                case 0 when parent is JsonObject po: po.Remove(node.GetPropertyName()); break;
                case 0 when parent is JsonArray pa: pa.Remove(node); break;
                case 1 when parent is JsonObject po: po[node.GetPropertyName()] = Special(m.Value); break;
                case 1 when parent is JsonArray pa: pa[pa.IndexOf(node)] = Special(m.Value); break;
                case 2 when node is JsonObject o: o[$"extra{m.Value}"] = Special(m.Value); break;
                case 3 when node is JsonArray a && a.Count > 0: a.Add(a[m.Value % a.Count]?.DeepClone()); break;
                case 4 when node is JsonArray a: a.Clear(); break;
                default:
                    if (parent is JsonObject p2) p2[node.GetPropertyName()] = Special(m.Value + 1);
                    break;
            }
        }
        return root.ToJsonString();
    }

    static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null) return;
        into.Add(node);
        if (node is JsonObject o) foreach (var (_, v) in o) Collect(v, into);
        else if (node is JsonArray a) foreach (var v in a) Collect(v, into);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on every generated input: it returns normally (a valid result, which it checks
    /// itself) or throws <see cref="C3VException"/>; anything else escapes and fails. Returns (cases, refused).
    /// </summary>
    public static (int Cases, int Refused) Run<T>(Gen<T> gen, Action<T> read, int iterations, Func<T, string>? print = null)
    {
        int cases = 0, refused = 0;
        gen.Sample(input =>
        {
            Interlocked.Increment(ref cases);
            try { read(input); }
            catch (C3VException) { Interlocked.Increment(ref refused); }
        }, iter: iterations, threads: 1, print: print);
        return (cases, refused);
    }
}
