using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace C3V.Models.Chat.Replies;

/// <summary>
/// Brings a reply's JSON to the form its schema asks for where the intent is unambiguous, walking the value
/// beside the schema: numbers written as strings ("1.8 m", "240px"), booleans as "yes"/"true", enum names in
/// another spelling ("Bottom Right"), property names in another case ("height_meters"), and boxes (4-number
/// arrays) given as {x, y, w, h} or {left, top, right, bottom} objects, or normalised to 0–1 instead of pixels.
/// Every change is noted with its JSON path. It never invents a value: what cannot be read stays as it was
/// and the schema check that follows names it.
/// </summary>
public sealed partial class SchemaCoercion(JsonNode root, (int Width, int Height)? image)
{
    readonly List<string> notes = [];

    public IReadOnlyList<string> Notes => notes;

    /// <summary>Returns the coerced value (possibly a new node for the root); notes say what changed.</summary>
    public JsonNode? Apply(JsonNode? value) => Walk(root, value, "$");

    JsonNode? Walk(JsonNode? schema, JsonNode? value, string path)
    {
        if (schema is not JsonObject s || value is null) return value;
        if (s["$ref"] is JsonValue r && r.TryGetValue(out string? reference)) return Walk(Resolve(reference), value, path);
        var types = Types(s);

        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            string text = v.GetValue<string>();
            if ((types.Contains("number") || types.Contains("integer")) && !types.Contains("string") && ReadNumber(text, path) is { } number)
            {
                notes.Add($"{path}: read the string \"{text}\" as the number {number.ToString(CultureInfo.InvariantCulture)}");
                return types.Contains("integer") && !types.Contains("number") && Math.Floor(number) == number
                    ? JsonValue.Create((long)number) : JsonValue.Create(number);
            }
            if (types.Contains("boolean") && !types.Contains("string") && ReadBoolean(text) is { } flag)
            {
                notes.Add($"{path}: read the string \"{text}\" as {(flag ? "true" : "false")}");
                return JsonValue.Create(flag);
            }
            if (s["enum"] is JsonArray allowed && !allowed.Any(a => a is JsonValue av && av.GetValueKind() == JsonValueKind.String && av.GetValue<string>() == text))
            {
                var matches = allowed.OfType<JsonValue>().Where(a => a.GetValueKind() == JsonValueKind.String && Key(a.GetValue<string>()) == Key(text)).ToList();
                if (matches.Count == 1)
                {
                    notes.Add($"{path}: read \"{text}\" as \"{matches[0].GetValue<string>()}\"");
                    return JsonValue.Create(matches[0].GetValue<string>());
                }
            }
            return value;
        }

        if (IsBox(s))
        {
            var box = value is JsonObject o ? BoxFromObject(o, path) : value as JsonArray;
            if (box is not null && box.Count == 4 && box.All(x => x is JsonValue n && n.GetValueKind() == JsonValueKind.Number))
                return ToPixels(box, path);
            return WalkItems(s["items"], value, path);
        }

        return value switch
        {
            JsonObject obj => WalkObject(s, obj, path),
            JsonArray => WalkItems(s["items"], value, path),
            _ => value,
        };
    }

    /// <summary>Items of an array, each against the item schema.</summary>
    JsonNode WalkItems(JsonNode? itemSchema, JsonNode value, string path)
    {
        if (value is not JsonArray array) return value;
        for (int i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var walked = Walk(itemSchema, item, $"{path}[{i}]");
            if (!ReferenceEquals(walked, item)) array[i] = walked?.Parent is null ? walked : walked.DeepClone();
        }
        return array;
    }

    JsonNode WalkObject(JsonObject s, JsonObject obj, string path)
    {
        if (s["properties"] is not JsonObject props) return obj;
        foreach (var name in obj.Select(kv => kv.Key).ToList())
        {
            string key = name;
            if (!props.ContainsKey(name))
            {
                var same = props.Select(kv => kv.Key).Where(k => Key(k) == Key(name)).ToList();
                if (same.Count == 1 && !obj.ContainsKey(same[0]))
                {
                    var moved = obj[name];
                    obj.Remove(name);
                    obj[same[0]] = moved;
                    notes.Add($"{path}: read the field '{name}' as '{same[0]}'");
                    key = same[0];
                }
                else continue;
            }
            var item = obj[key];
            var walked = Walk(props[key], item, $"{path}.{key}");
            if (!ReferenceEquals(walked, item)) obj[key] = walked?.Parent is null ? walked : walked.DeepClone();
        }
        return obj;
    }

    /// <summary>{x, y, w, h}, {x, y, width, height}, {left, top, right, bottom}, {x1, y1, x2, y2} or {xmin, ymin, xmax, ymax} as a list.</summary>
    JsonArray? BoxFromObject(JsonObject o, string path)
    {
        double? Get(params string[] names)
        {
            foreach (var n in names)
                foreach (var kv in o)
                    if (string.Equals(kv.Key, n, StringComparison.OrdinalIgnoreCase) && kv.Value is JsonValue v)
                    {
                        if (v.GetValueKind() == JsonValueKind.Number) return v.GetValue<double>();
                        if (v.GetValueKind() == JsonValueKind.String && ReadNumber(v.GetValue<string>(), path) is { } d) return d;
                    }
            return null;
        }
        if (Get("left", "x1", "xmin") is { } l && Get("top", "y1", "ymin") is { } t && Get("right", "x2", "xmax") is { } r && Get("bottom", "y2", "ymax") is { } b)
        {
            notes.Add($"{path}: read the box object as [left, top, right, bottom]");
            return [l, t, r, b];
        }
        if (Get("x", "left") is { } x && Get("y", "top") is { } y && Get("w", "width") is { } w && Get("h", "height") is { } h)
        {
            notes.Add($"{path}: read the box {{x, y, w, h}} as [left, top, right, bottom] = [x, y, x + w, y + h]");
            return [x, y, x + w, y + h];
        }
        return null;
    }

    /// <summary>
    /// A box whose four numbers all lie in 0–1 is normalised (a pixel box that small could not hold an actor):
    /// scaled to the image. A list that cannot be [left, top, right, bottom] (right ≤ left or bottom ≤ top)
    /// but fits the image as [x, y, w, h] is read that way. Both only when the image size is known.
    /// </summary>
    JsonArray ToPixels(JsonArray box, string path)
    {
        double[] v = box.Select(n => n!.GetValue<double>()).ToArray();
        if (image is not { } size) return Numbers(v);
        if (v.All(x => x is >= 0 and <= 1) && v.Any(x => x is > 0 and < 1))
        {
            double[] p = [v[0] * size.Width, v[1] * size.Height, v[2] * size.Width, v[3] * size.Height];
            notes.Add($"{path}: the box [{Join(v)}] is normalised to 0–1; scaled to the {size.Width}×{size.Height} image: [{Join(p)}]");
            return Numbers(p);
        }
        if ((v[2] <= v[0] || v[3] <= v[1]) && v[2] > 0 && v[3] > 0 && v[0] + v[2] <= size.Width && v[1] + v[3] <= size.Height && v[0] >= 0 && v[1] >= 0)
        {
            double[] p = [v[0], v[1], v[0] + v[2], v[1] + v[3]];
            notes.Add($"{path}: [{Join(v)}] cannot be [left, top, right, bottom]; read as [x, y, w, h] = [{Join(p)}]");
            return Numbers(p);
        }
        return Numbers(v);
    }

    static JsonArray Numbers(double[] v) => new(v.Select(x => (JsonNode?)JsonValue.Create(Math.Round(x, 2))).ToArray());

    static string Join(double[] v) => string.Join(", ", v.Select(x => Math.Round(x, 3).ToString(CultureInfo.InvariantCulture)));

    /// <summary>The 4-number list a box is (array, exactly 4 numeric items).</summary>
    static bool IsBox(JsonObject s) =>
        Types(s).Contains("array") && s["minItems"]?.GetValue<int>() == 4 && s["maxItems"]?.GetValue<int>() == 4
        && s["items"] is JsonObject items && Types(items).Contains("number");

    /// <summary>"1.8", "1.8 m", "240px", "30%" → the number; centimetres and millimetres become metres in a metres field.</summary>
    static double? ReadNumber(string text, string path)
    {
        var m = NumberWithUnit().Match(text);
        if (!m.Success || !double.TryParse(m.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) return null;
        string unit = m.Groups["u"].Value.ToLowerInvariant();
        bool metresField = path.EndsWith("Meters", StringComparison.Ordinal) || path.EndsWith("Metres", StringComparison.Ordinal);
        return unit switch
        {
            "cm" when metresField => d / 100,
            "mm" when metresField => d / 1000,
            "cm" or "mm" => null,
            "%" => d / 100,
            _ => d,
        };
    }

    static bool? ReadBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => null,
    };

    /// <summary>A spelling-insensitive key: lower case, letters and digits only ("Bottom Right" = "bottom-right", "height_meters" = "heightMeters").</summary>
    static string Key(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    static HashSet<string> Types(JsonObject s) => s["type"] switch
    {
        JsonValue t => [t.GetValue<string>()],
        JsonArray many => many.OfType<JsonValue>().Select(t => t.GetValue<string>()).ToHashSet(),
        _ => [],
    };

    JsonNode? Resolve(string reference)
    {
        JsonNode? node = root;
        foreach (var token in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node?[token.Replace("~1", "/").Replace("~0", "~")];
        return node;
    }

    [GeneratedRegex(@"^\s*(?<n>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(?<u>m|meters?|metres?|cm|mm|px|pixels?|s|sec|seconds?|%)?\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWithUnit();
}
