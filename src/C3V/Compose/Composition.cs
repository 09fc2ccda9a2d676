using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Common;
using C3V.Splats;

namespace C3V.Compose;

/// <summary>
/// An actor's world placement at one video frame, the time into its motion clip, and how far its pose is
/// blended into standing still (<paramref name="Rest"/>: 0 = the clip's pose, 1 = standing; see <see cref="ComposedActor.Pose(float, float)"/>).
/// </summary>
public readonly record struct ActorFrame(Vector3 Position, float Yaw, float Scale, float MotionTime, float Rest = 0)
{
    /// <summary>The actor-to-world transform: scale, then yaw about +Y, then translation.</summary>
    public RigidTransform Transform => RigidTransform.FromYaw(Yaw, Position, Scale);
}

/// <summary>One actor's frames, in video order.</summary>
public sealed record ActorTrack(string ActorId, IReadOnlyList<ActorFrame> Frames);

/// <summary>
/// The 4D composition (DESIGN.md §3): for every actor and every video frame, its world transform
/// (position, yaw, uniform scale) and the time into its motion clip. Rendering a frame = the scene plus each
/// actor's clip sampled at MotionTime, skinned, and placed by Transform.
/// </summary>
public sealed record Composition(float Fps, int FrameCount, IReadOnlyList<ActorTrack> Actors)
{
    public const int Version = 1;

    public ActorTrack Actor(string id) =>
        Actors.FirstOrDefault(a => a.ActorId == id) ?? throw new KeyNotFoundException($"no actor '{id}' in the composition");

    public JsonObject ToJsonNode()
    {
        var actors = new JsonArray();
        foreach (var a in Actors)
        {
            var frames = new JsonArray();
            foreach (var f in a.Frames)
            {
                var frame = new JsonObject
                {
                    ["position"] = new JsonArray(f.Position.X, f.Position.Y, f.Position.Z),
                    ["yaw"] = f.Yaw, ["scale"] = f.Scale, ["motionTime"] = f.MotionTime,
                };
                if (f.Rest > 0) frame["rest"] = f.Rest; // optional: absent in files written before actors came to rest
                frames.Add(frame);
            }
            actors.Add(new JsonObject { ["id"] = a.ActorId, ["frames"] = frames });
        }
        return new JsonObject { ["version"] = Version, ["fps"] = Fps, ["frameCount"] = FrameCount, ["actors"] = actors };
    }

    public string ToJson() => ToJsonNode().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public void Save(string path, bool overwrite = true) => AtomicFile.WriteAllText(path, ToJson(), overwrite);

    public static Composition Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (FileNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (DirectoryNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        return Parse(text, path);
    }

    /// <summary>Reads a composition; every problem names <paramref name="source"/> and the JSON path of the field.</summary>
    public static Composition Parse(string json, string source = "composition")
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new InvalidFileException(source, $"not valid JSON ({e.Message})"); }
        return FromJsonNode(root, source);
    }

    public static Composition FromJsonNode(JsonNode? root, string source = "composition")
    {
        if (root is not JsonObject o) throw new InvalidFileException(source, "expected a JSON object");
        int version = (int)Number(o, "version", source, "$");
        if (version != Version) throw new InvalidFileException(source, $"$.version: {version} is not supported (expected {Version})");
        float fps = Number(o, "fps", source, "$");
        if (!(fps > 0)) throw new InvalidFileException(source, "$.fps: must be positive");
        float count = Number(o, "frameCount", source, "$");
        if (count < 0 || count != MathF.Floor(count)) throw new InvalidFileException(source, "$.frameCount: must be a whole number ≥ 0");
        if (o["actors"] is not JsonArray actorsNode) throw new InvalidFileException(source, "$.actors: expected a list");
        var actors = new List<ActorTrack>();
        var ids = new HashSet<string>();
        for (int i = 0; i < actorsNode.Count; i++)
        {
            string at = $"$.actors[{i}]";
            if (actorsNode[i] is not JsonObject a) throw new InvalidFileException(source, $"{at}: expected an object");
            if (a["id"] is not JsonValue idv || !idv.TryGetValue(out string? id) || string.IsNullOrWhiteSpace(id))
                throw new InvalidFileException(source, $"{at}.id: expected a non-empty string");
            if (!ids.Add(id)) throw new InvalidFileException(source, $"{at}.id: '{id}' appears twice");
            if (a["frames"] is not JsonArray framesNode) throw new InvalidFileException(source, $"{at}.frames: expected a list");
            if (framesNode.Count != (int)count) throw new InvalidFileException(source, $"{at}.frames: {framesNode.Count} frames, frameCount says {(int)count}");
            var frames = new ActorFrame[framesNode.Count];
            for (int f = 0; f < frames.Length; f++)
            {
                string fat = $"{at}.frames[{f}]";
                if (framesNode[f] is not JsonObject fo) throw new InvalidFileException(source, $"{fat}: expected an object");
                if (fo["position"] is not JsonArray p || p.Count != 3) throw new InvalidFileException(source, $"{fat}.position: expected [x, y, z]");
                var pos = new Vector3(Element(p, 0, source, fat), Element(p, 1, source, fat), Element(p, 2, source, fat));
                float scale = Number(fo, "scale", source, fat);
                if (!(scale > 0)) throw new InvalidFileException(source, $"{fat}.scale: must be positive");
                float rest = fo.ContainsKey("rest") ? Number(fo, "rest", source, fat) : 0;
                if (rest is < 0 or > 1) throw new InvalidFileException(source, $"{fat}.rest: must be between 0 and 1");
                frames[f] = new ActorFrame(pos, Number(fo, "yaw", source, fat), scale, Number(fo, "motionTime", source, fat), rest);
            }
            actors.Add(new ActorTrack(id, frames));
        }
        return new Composition(fps, (int)count, actors);
    }

    static float Element(JsonArray a, int i, string source, string at)
    {
        if (a[i] is JsonValue v && v.TryGetValue(out double d) && double.IsFinite(d)) return (float)d;
        throw new InvalidFileException(source, $"{at}.position[{i}]: expected a finite number");
    }

    static float Number(JsonObject o, string name, string source, string at)
    {
        if (o[name] is JsonValue v && v.TryGetValue(out double d) && double.IsFinite(d)) return (float)d;
        throw new InvalidFileException(source, $"{at}.{name}: expected a finite number");
    }
}
