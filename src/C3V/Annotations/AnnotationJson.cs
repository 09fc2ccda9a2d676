using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Actors;
using C3V.Common;

namespace C3V.Annotations;

/// <summary>
/// Writes and reads annotations.json with exactly the field names of docs/annotations.md. Reading checks every
/// field and names the file and the JSON path of the first one that is wrong.
/// </summary>
public static class AnnotationJson
{
    public const string FileName = "annotations.json";

    /// <summary>Writes <paramref name="annotations"/> to <paramref name="path"/> atomically.</summary>
    public static void Save(VideoAnnotations annotations, string path) => AtomicFile.Write(path, s => Write(annotations, s));

    public static string ToJson(VideoAnnotations annotations)
    {
        using var ms = new MemoryStream();
        Write(annotations, ms);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    public static void Write(VideoAnnotations a, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteString("format", VideoAnnotations.Format);
        w.WriteNumber("version", VideoAnnotations.Version);
        w.WriteNumber("fps", a.Fps);
        w.WriteNumber("width", a.Width);
        w.WriteNumber("height", a.Height);
        w.WriteNumber("frameCount", a.FrameCount);
        w.WriteStartObject("scene");
        w.WriteString("label", a.Scene.Label);
        w.WriteString("description", a.Scene.Description);
        w.WriteEndObject();
        w.WriteStartArray("cameras");
        foreach (var c in a.Cameras)
        {
            w.WriteStartObject();
            w.WriteNumber("frame", c.Frame);
            Num(w, "fx", c.Fx); Num(w, "fy", c.Fy); Num(w, "cx", c.Cx); Num(w, "cy", c.Cy);
            w.WriteStartArray("worldToCamera");
            foreach (var v in c.WorldToCamera) w.WriteNumberValue(Math.Round(v, 6));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("actors");
        foreach (var actor in a.Actors)
        {
            w.WriteStartObject();
            w.WriteString("id", actor.Id);
            w.WriteString("description", actor.Description);
            w.WriteString("kind", KindName(actor.Kind));
            w.WriteNumber("heightMeters", Math.Round(actor.HeightMeters, 4));
            w.WriteStartArray("segments");
            foreach (var s in actor.Segments)
            {
                w.WriteStartObject();
                w.WriteString("label", s.Label);
                w.WriteString("source", s.Source);
                w.WriteNumber("start", Math.Round(s.Start, 4));
                w.WriteNumber("end", Math.Round(s.End, 4));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("frames");
            foreach (var f in actor.Frames)
            {
                w.WriteStartObject();
                w.WriteNumber("frame", f.Frame);
                Vec(w, "root", f.Root, 4);
                Vec(w, "forward", f.Forward, 4);
                Num(w, "feetHeight", f.FeetHeight, 4);
                if (f.Box is { } b)
                {
                    w.WriteStartArray("box");
                    w.WriteNumberValue(Math.Round(b.X0, 2)); w.WriteNumberValue(Math.Round(b.Y0, 2));
                    w.WriteNumberValue(Math.Round(b.X1, 2)); w.WriteNumberValue(Math.Round(b.Y1, 2));
                    w.WriteEndArray();
                }
                else w.WriteNull("box");
                Num(w, "visible", f.Visible, 4);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    static void Num(Utf8JsonWriter w, string name, float v, int digits = 4) => w.WriteNumber(name, Math.Round(v, digits));

    static void Vec(Utf8JsonWriter w, string name, Vector3 v, int digits)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(Math.Round(v.X, digits)); w.WriteNumberValue(Math.Round(v.Y, digits)); w.WriteNumberValue(Math.Round(v.Z, digits));
        w.WriteEndArray();
    }

    static readonly (ActorKind Kind, string Name)[] KindNames =
        Enum.GetValues<ActorKind>().Select(k => (k, JsonSerializer.Serialize(k).Trim('"'))).ToArray();

    public static string KindName(ActorKind kind) => KindNames.First(k => k.Kind == kind).Name;

    // ───────────────────────────── reading ─────────────────────────────

    public static VideoAnnotations Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        return Parse(text, path);
    }

    /// <summary>Reads annotations; every problem names <paramref name="source"/> and the field's JSON path.</summary>
    public static VideoAnnotations Parse(string json, string source = FileName)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new InvalidFileException(source, $"not valid JSON ({e.Message})"); }
        var r = new Reader(source);
        var o = r.Obj(root, "$");
        if (r.Str(o, "format", "$") != VideoAnnotations.Format) throw r.Fail("$.format", $"expected \"{VideoAnnotations.Format}\"");
        int version = r.Int(o, "version", "$");
        if (version != VideoAnnotations.Version) throw r.Fail("$.version", $"{version} is not supported (expected {VideoAnnotations.Version})");
        float fps = r.Num(o, "fps", "$");
        if (!(fps > 0)) throw r.Fail("$.fps", "must be positive");
        int width = r.Int(o, "width", "$"), height = r.Int(o, "height", "$"), count = r.Int(o, "frameCount", "$");
        if (width < 0 || height < 0 || count < 0) throw r.Fail("$", "width, height and frameCount must not be negative");
        var sceneNode = r.Obj(o["scene"], "$.scene");
        var scene = new SceneLabel(r.Str(sceneNode, "label", "$.scene"), r.Str(sceneNode, "description", "$.scene"));
        var cameras = r.Arr(o["cameras"], "$.cameras").Select((c, i) =>
        {
            string p = $"$.cameras[{i}]";
            var co = r.Obj(c, p);
            var m = r.Numbers(co["worldToCamera"], p + ".worldToCamera", 16);
            return new FrameCamera(r.Int(co, "frame", p), r.Num(co, "fx", p), r.Num(co, "fy", p), r.Num(co, "cx", p), r.Num(co, "cy", p), m);
        }).ToList();
        if (cameras.Count != count) throw r.Fail("$.cameras", $"{cameras.Count} cameras for {count} frames");
        var actors = r.Arr(o["actors"], "$.actors").Select((a, i) =>
        {
            string p = $"$.actors[{i}]";
            var ao = r.Obj(a, p);
            string kindName = r.Str(ao, "kind", p);
            var kind = KindNames.FirstOrDefault(k => k.Name == kindName);
            if (kind.Name is null) throw r.Fail(p + ".kind", $"'{kindName}' is not one of {string.Join(", ", KindNames.Select(k => k.Name))}");
            var segments = r.Arr(ao["segments"], p + ".segments").Select((s, k) =>
            {
                string sp = $"{p}.segments[{k}]";
                var so = r.Obj(s, sp);
                return new MotionSegment(r.Str(so, "label", sp), r.Str(so, "source", sp), r.Num(so, "start", sp), r.Num(so, "end", sp));
            }).ToList();
            var frames = r.Arr(ao["frames"], p + ".frames").Select((f, k) =>
            {
                string fp = $"{p}.frames[{k}]";
                var fo = r.Obj(f, fp);
                PixelRect? box = null;
                if (fo["box"] is not null)
                {
                    var b = r.Numbers(fo["box"], fp + ".box", 4);
                    box = new PixelRect(b[0], b[1], b[2], b[3]);
                }
                else if (!fo.ContainsKey("box")) throw r.Fail(fp + ".box", "missing (null when the actor is not in view)");
                return new ActorFrameAnnotation(r.Int(fo, "frame", fp), r.Vec(fo["root"], fp + ".root"), r.Vec(fo["forward"], fp + ".forward"),
                    r.Num(fo, "feetHeight", fp), box, r.Num(fo, "visible", fp));
            }).ToList();
            if (frames.Count != count) throw r.Fail(p + ".frames", $"{frames.Count} frames for frameCount {count}");
            return new ActorAnnotation(r.Str(ao, "id", p), r.Str(ao, "description", p), kind.Kind, r.Num(ao, "heightMeters", p), segments, frames);
        }).ToList();
        return new VideoAnnotations { Fps = fps, Width = width, Height = height, FrameCount = count, Scene = scene, Cameras = cameras, Actors = actors };
    }

    sealed class Reader(string source)
    {
        public InvalidFileException Fail(string path, string problem) => new(source, $"{path}: {problem}");

        public JsonObject Obj(JsonNode? n, string path) => n as JsonObject ?? throw Fail(path, "expected an object");
        public JsonArray Arr(JsonNode? n, string path) => n as JsonArray ?? throw Fail(path, "expected a list");

        public string Str(JsonObject o, string name, string path) =>
            o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Fail($"{path}.{name}", "expected a string");

        public float Num(JsonObject o, string name, string path) => Number(o[name], $"{path}.{name}");

        public int Int(JsonObject o, string name, string path)
        {
            float v = Num(o, name, path);
            return v == MathF.Floor(v) && MathF.Abs(v) < int.MaxValue ? (int)v : throw Fail($"{path}.{name}", "expected a whole number");
        }

        public float Number(JsonNode? n, string path) =>
            n is JsonValue v && v.GetValueKind() == JsonValueKind.Number && float.IsFinite((float)v.GetValue<double>())
                ? (float)v.GetValue<double>() : throw Fail(path, "expected a finite number");

        public float[] Numbers(JsonNode? n, string path, int count)
        {
            var a = Arr(n, path);
            if (a.Count != count) throw Fail(path, $"expected {count} numbers, got {a.Count}");
            return a.Select((x, i) => Number(x, $"{path}[{i}]")).ToArray();
        }

        public Vector3 Vec(JsonNode? n, string path)
        {
            var v = Numbers(n, path, 3);
            return new Vector3(v[0], v[1], v[2]);
        }
    }
}
