using C3V.Common;
using C3V.Splats;

namespace C3V.Cli.Verbs;

/// <summary>
/// TEMPORARY minimal reader of binary little-endian INRIA 3DGS .ply files (float properties only), used by
/// the render verbs until the formats stage's readers land on main; then this file is deleted.
/// </summary>
internal static class TemporaryPly
{
    public static GaussianCloud Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidFileException(path, "file not found");
        using var stream = File.OpenRead(path);
        var header = new List<string>();
        var line = new List<byte>();
        while (true)
        {
            int b = stream.ReadByte();
            if (b < 0) throw new InvalidFileException(path, "PLY header has no end_header");
            if (b != '\n') { line.Add((byte)b); if (line.Count > 4096) throw new InvalidFileException(path, "not a PLY file"); continue; }
            string l = System.Text.Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
            line.Clear();
            header.Add(l);
            if (header.Count == 1 && l != "ply") throw new InvalidFileException(path, "not a PLY file (no 'ply' magic)");
            if (l == "end_header") break;
        }
        if (!header.Contains("format binary_little_endian 1.0")) throw new InvalidFileException(path, "only binary little-endian PLY is supported");
        int count = -1;
        var props = new List<string>();
        bool inVertex = false;
        foreach (var l in header)
        {
            var p = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (p.Length == 3 && p[0] == "element") { inVertex = p[1] == "vertex"; if (inVertex) count = int.Parse(p[2]); }
            else if (inVertex && p.Length == 3 && p[0] == "property")
            {
                if (p[1] != "float") throw new InvalidFileException(path, $"property {p[2]}: only float properties are supported");
                props.Add(p[2]);
            }
        }
        if (count < 0) throw new InvalidFileException(path, "no vertex element");
        int Idx(string n) => props.IndexOf(n) is var i and >= 0 ? i : throw new InvalidFileException(path, $"missing property '{n}'");
        int rest = props.Count(p => p.StartsWith("f_rest_", StringComparison.Ordinal));
        int degree = rest switch { 0 => 0, 9 => 1, 24 => 2, 45 => 3, _ => throw new InvalidFileException(path, $"{rest} f_rest properties") };
        var cloud = new GaussianCloud(count, degree);
        int stride = props.Count;
        var row = new float[stride];
        var bytes = new byte[stride * 4];
        int[] idx = [Idx("x"), Idx("y"), Idx("z"), Idx("scale_0"), Idx("scale_1"), Idx("scale_2"), Idx("rot_0"), Idx("rot_1"), Idx("rot_2"), Idx("rot_3"),
                     Idx("opacity"), Idx("f_dc_0"), Idx("f_dc_1"), Idx("f_dc_2")];
        int restIdx = rest > 0 ? Idx("f_rest_0") : 0;
        int k = cloud.ShCoeffCount;
        for (int i = 0; i < count; i++)
        {
            stream.ReadExactly(bytes);
            Buffer.BlockCopy(bytes, 0, row, 0, bytes.Length);
            cloud.X[i] = row[idx[0]]; cloud.Y[i] = row[idx[1]]; cloud.Z[i] = row[idx[2]];
            cloud.ScaleX[i] = row[idx[3]]; cloud.ScaleY[i] = row[idx[4]]; cloud.ScaleZ[i] = row[idx[5]];
            cloud.RotW[i] = row[idx[6]]; cloud.RotX[i] = row[idx[7]]; cloud.RotY[i] = row[idx[8]]; cloud.RotZ[i] = row[idx[9]];
            cloud.Opacity[i] = row[idx[10]];
            var sh = cloud.ShOf(i);
            sh[0] = row[idx[11]]; sh[1] = row[idx[12]]; sh[2] = row[idx[13]];
            // INRIA stores f_rest channel-major: [channel][coefficient 1..K-1].
            for (int ch = 0; ch < 3 && rest > 0; ch++)
                for (int c = 1; c < k; c++) sh[c * 3 + ch] = row[restIdx + ch * (k - 1) + c - 1];
        }
        cloud.NormalizeRotations();
        return cloud;
    }
}
