using System.Globalization;
using System.Numerics;
using C3V.Common;

namespace C3V.Actors;

public enum BvhChannel { Xposition, Yposition, Zposition, Xrotation, Yrotation, Zrotation }

/// <summary>One joint of a BVH hierarchy: offset from its parent (file units) and its channels in file order.</summary>
public sealed record BvhJoint(string Name, int Parent, Vector3 Offset, BvhChannel[] Channels, int FirstChannel, Vector3? EndSite);

/// <summary>
/// A parsed BVH file: hierarchy (depth-first joint order) and the motion as one row of channel values per
/// frame, exactly as in the file (angles in degrees, lengths in file units).
/// </summary>
public sealed class BvhFile
{
    public string Path { get; }
    public IReadOnlyList<BvhJoint> Joints { get; }
    public int ChannelCount { get; }
    public int FrameCount { get; }
    public float FrameTime { get; }
    /// <summary>[frame·ChannelCount + channel].</summary>
    public float[] Values { get; }

    internal BvhFile(string path, IReadOnlyList<BvhJoint> joints, int channels, int frames, float frameTime, float[] values)
    {
        Path = path; Joints = joints; ChannelCount = channels; FrameCount = frames; FrameTime = frameTime; Values = values;
    }

    public int IndexOf(string name) => Joints.ToList().FindIndex(j => j.Name == name);

    /// <summary>
    /// Local rotation of joint <paramref name="j"/> at frame <paramref name="f"/>: one rotation per rotation
    /// channel, multiplied in the declared order (ZYX declares R = Rz·Ry·Rx), as the BVH convention has it.
    /// </summary>
    public Quaternion Rotation(int f, int j)
    {
        var joint = Joints[j];
        var q = Quaternion.Identity;
        int at = f * ChannelCount + joint.FirstChannel;
        for (int c = 0; c < joint.Channels.Length; c++)
        {
            float deg = Values[at + c];
            var axis = joint.Channels[c] switch
            {
                BvhChannel.Xrotation => Vector3.UnitX, BvhChannel.Yrotation => Vector3.UnitY, BvhChannel.Zrotation => Vector3.UnitZ,
                _ => Vector3.Zero,
            };
            if (axis != Vector3.Zero) q *= Quaternion.CreateFromAxisAngle(axis, deg * MathF.PI / 180f);
        }
        return Quaternion.Normalize(q);
    }

    /// <summary>Offset (or, where it has position channels, the channel values) of joint <paramref name="j"/> at frame <paramref name="f"/>.</summary>
    public Vector3 Translation(int f, int j)
    {
        var joint = Joints[j];
        var t = joint.Offset;
        int at = f * ChannelCount + joint.FirstChannel;
        for (int c = 0; c < joint.Channels.Length; c++)
        {
            switch (joint.Channels[c])
            {
                case BvhChannel.Xposition: t.X = Values[at + c]; break;
                case BvhChannel.Yposition: t.Y = Values[at + c]; break;
                case BvhChannel.Zposition: t.Z = Values[at + c]; break;
            }
        }
        return t;
    }

    /// <summary>Global rotations and positions of every joint at frame <paramref name="f"/> (file units); f = −1 is the rest pose (all channels zero, offsets only).</summary>
    public void Global(int f, Quaternion[] rot, Vector3[] pos)
    {
        for (int j = 0; j < Joints.Count; j++)
        {
            var q = f < 0 ? Quaternion.Identity : Rotation(f, j);
            var t = f < 0 ? Joints[j].Offset : Translation(f, j);
            int p = Joints[j].Parent;
            if (p < 0) { rot[j] = q; pos[j] = t; }
            else { rot[j] = Quaternion.Normalize(rot[p] * q); pos[j] = pos[p] + Vector3.Transform(t, rot[p]); }
        }
    }
}

/// <summary>
/// Reads BVH motion capture: <c>HIERARCHY</c> (ROOT/JOINT/End Site, OFFSET, CHANNELS with any order of the six
/// channel names) then <c>MOTION</c>, <c>Frames:</c>, <c>Frame Time:</c> and one row of numbers per frame.
/// Every malformed input is an <see cref="InvalidFileException"/> naming the file, the line and the problem.
/// </summary>
public static class BvhReader
{
    public static BvhFile Read(string path)
    {
        UserPath.CheckReadable(path, "BVH file");
        string text;
        try { text = File.ReadAllText(path); }
        catch (FileNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (DirectoryNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (IOException e) { throw new InvalidFileException(path, $"cannot read ({e.Message})"); }
        return Parse(text, path);
    }

    /// <summary>More joints than any real skeleton has (CMU: 31, SMPL: 24, hands included ~70): a damaged or hostile file.</summary>
    public const int MaxJoints = 1024;
    /// <summary>The shortest frame time taken as real (10 kHz capture); shorter ones turn a clip into nothing.</summary>
    public const float MinFrameTime = 1e-4f;
    public const float MaxFrameTime = 10;

    public static BvhFile Parse(string text, string path = "<bvh>")
    {
        var lex = new Lexer(text, path);
        lex.Expect("HIERARCHY");
        var joints = new List<BvhJoint>();
        string first = lex.Next();
        if (first != "ROOT") throw lex.Error($"expected ROOT, found '{first}'");
        int channels = ParseHierarchy(lex, joints);
        string motion = lex.Next();
        if (motion != "MOTION") throw lex.Error(motion.Length == 0 ? "missing MOTION section" : $"expected MOTION, found '{motion}'");
        lex.Expect("Frames:");
        int frames = lex.Int();
        if (frames < 1) throw lex.Error($"Frames: must be at least 1 (found {frames})");
        lex.Expect("Frame");
        lex.Expect("Time:");
        float dt = lex.Float();
        if (!(dt >= MinFrameTime && dt <= MaxFrameTime))
            throw lex.Error($"Frame Time must be {MinFrameTime}..{MaxFrameTime} seconds (found {dt.ToString(CultureInfo.InvariantCulture)})");
        // Checked before allocating: a header may claim far more rows than the file can hold.
        int rowsLeft = lex.LinesLeft();
        if (frames > rowsLeft) throw new InvalidFileException(path, $"Frames: says {frames} but the motion ends after {rowsLeft} rows");
        if ((long)frames * channels > int.MaxValue) throw lex.Error("motion too large");
        // Motion rows: exactly `channels` numbers per line.
        var values = new float[frames * channels];
        for (int f = 0; f < frames; f++)
        {
            var line = lex.Line();
            if (line is null) throw new InvalidFileException(path, $"Frames: says {frames} but the motion ends after {f} rows");
            int n = 0;
            var row = line.Value.Text.AsSpan();
            foreach (var range in row.SplitAny(" \t"))
            {
                var tok = row[range];
                if (tok.IsEmpty) continue;
                if (n >= channels) throw new InvalidFileException(path, $"line {line.Value.Number}: more than the {channels} values the hierarchy declares");
                if (!float.TryParse(tok, NumberStyles.Float, CultureInfo.InvariantCulture, out float v))
                    throw new InvalidFileException(path, $"line {line.Value.Number}: '{tok.ToString()}' is not a number");
                if (!float.IsFinite(v)) throw new InvalidFileException(path, $"line {line.Value.Number}: value {n + 1} is not finite ({tok.ToString()})");
                values[f * channels + n++] = v;
            }
            if (n != channels) throw new InvalidFileException(path, $"line {line.Value.Number}: {n} values, the hierarchy declares {channels} channels");
        }
        if (lex.Line() is { } extra) throw new InvalidFileException(path, $"line {extra.Number}: more motion rows than Frames: {frames}");
        return new BvhFile(path, joints, channels, frames, dt, values);
    }

    /// <summary>
    /// Reads the joint after ROOT and everything nested in it, depth first, with an explicit stack of open joints
    /// (a loop, not recursion: a file nesting thousands of JOINTs must not overflow the call stack). Returns the
    /// number of channels.
    /// </summary>
    static int ParseHierarchy(Lexer lex, List<BvhJoint> joints)
    {
        int channels = 0;
        var open = new Stack<int>();
        OpenJoint(lex, joints, -1, ref channels, open);
        while (open.Count > 0)
        {
            int index = open.Peek();
            string name = joints[index].Name;
            string t = lex.Next();
            if (t == "}") { open.Pop(); continue; }
            if (t == "JOINT")
            {
                if (joints.Count >= MaxJoints) throw lex.Error($"more than {MaxJoints} joints");
                OpenJoint(lex, joints, index, ref channels, open);
                continue;
            }
            if (t == "End")
            {
                lex.Expect("Site");
                lex.Expect("{");
                lex.Expect("OFFSET");
                var end = new Vector3(lex.Float(), lex.Float(), lex.Float());
                lex.Expect("}");
                joints[index] = joints[index] with { EndSite = end };
                continue;
            }
            throw lex.Error(t.Length == 0 ? $"joint {name}: file ends inside the hierarchy" : $"joint {name}: unexpected '{t}'");
        }
        return channels;
    }

    /// <summary>Reads a joint's name, OFFSET and CHANNELS, adds it and pushes it as the open joint.</summary>
    static void OpenJoint(Lexer lex, List<BvhJoint> joints, int parent, ref int channels, Stack<int> open)
    {
        string name = lex.Next();
        if (name.Length == 0 || name == "{") throw lex.Error("joint without a name");
        lex.Expect("{");
        lex.Expect("OFFSET");
        var offset = new Vector3(lex.Float(), lex.Float(), lex.Float());
        lex.Expect("CHANNELS");
        int n = lex.Int();
        if (n is < 0 or > 6) throw lex.Error($"CHANNELS count must be 0..6 (found {n})");
        var ch = new BvhChannel[n];
        for (int i = 0; i < n; i++)
        {
            string c = lex.Next();
            if (!Enum.TryParse(c, true, out ch[i]) || int.TryParse(c, out _))
                throw lex.Error($"joint {name}: CHANNELS {n} needs {n} channel names, found '{c}'");
        }
        if (ch.Distinct().Count() != n) throw lex.Error($"joint {name}: a channel is repeated");
        joints.Add(new BvhJoint(name, parent, offset, ch, channels, null));
        channels += n;
        open.Push(joints.Count - 1);
    }

    /// <summary>Whitespace tokens with line numbers for the hierarchy, then whole lines for the motion rows.</summary>
    sealed class Lexer(string text, string path)
    {
        int _pos;
        int _line = 1;

        public InvalidFileException Error(string problem) => new(path, $"line {_line}: {problem}");

        public string Next()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) { if (text[_pos] == '\n') _line++; _pos++; }
            int start = _pos;
            while (_pos < text.Length && !char.IsWhiteSpace(text[_pos])) _pos++;
            return text[start.._pos];
        }

        public void Expect(string word)
        {
            string t = Next();
            if (!string.Equals(t, word, StringComparison.OrdinalIgnoreCase))
                throw Error(t.Length == 0 ? $"file ends where '{word}' was expected" : $"expected '{word}', found '{t}'");
        }

        public float Float()
        {
            string t = Next();
            if (!float.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out float v)) throw Error($"expected a number, found '{t}'");
            if (!float.IsFinite(v)) throw Error($"'{t}' is not a finite number");
            return v;
        }

        public int Int()
        {
            string t = Next();
            if (!int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)) throw Error($"expected a whole number, found '{t}'");
            return v;
        }

        /// <summary>How many non-blank lines remain after the cursor: the motion rows still to come.</summary>
        public int LinesLeft()
        {
            int count = 0;
            bool blank = true;
            for (int i = _pos; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n') { if (!blank) count++; blank = true; }
                else if (!char.IsWhiteSpace(c)) blank = false;
            }
            return blank ? count : count + 1;
        }

        /// <summary>The next non-blank line, or null at the end.</summary>
        public (int Number, string Text)? Line()
        {
            while (_pos < text.Length)
            {
                int end = text.IndexOf('\n', _pos);
                if (end < 0) end = text.Length;
                // The line the cursor is on may be the rest of "Frame Time: x"; motion rows start after it.
                string line = text[_pos..end].Trim();
                int number = _line;
                _pos = Math.Min(text.Length, end + 1);
                _line++;
                if (line.Length > 0) return (number, line);
            }
            return null;
        }
    }
}
