using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace C3V.Direct;

/// <summary>
/// Checks a JSON value against a JSON schema of the subset System.Text.Json's JsonSchemaExporter writes
/// (type, enum, properties, required, additionalProperties, items, min/max items and length, minimum,
/// maximum, local $ref). Returns the first problem with the JSON path of the offending field, so a user or a
/// chat model can be told exactly what to fix.
/// </summary>
public static class JsonSchemaValidator
{
    /// <summary>The first problem found ("$.actors[0].heightMeters: …"), or null when the value conforms.</summary>
    public static string? FirstError(JsonNode schema, JsonElement value) => Check(schema, schema, value, "$");

    static string? Check(JsonNode root, JsonNode? schema, JsonElement value, string path)
    {
        if (schema is null) return null;
        if (schema is JsonValue b && b.TryGetValue(out bool allow)) return allow ? null : $"{path}: no value is allowed here";
        if (schema is not JsonObject s) return null;
        if (s["$ref"] is JsonValue r && r.TryGetValue(out string? reference))
            return Check(root, Resolve(root, reference), value, path);

        if (s["type"] is { } type && !TypeMatches(type, value))
            return $"{path}: expected {Describe(type)}, found {Describe(value)}";
        if (s["enum"] is JsonArray allowed && !allowed.Any(a => JsonEquals(a, value)))
            return $"{path}: {Show(value)} is not one of {string.Join(", ", allowed.Select(a => a?.ToJsonString() ?? "null"))}";

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var props = s["properties"] as JsonObject;
                if (s["required"] is JsonArray required)
                    foreach (var name in required.Select(n => n!.GetValue<string>()))
                        if (!value.TryGetProperty(name, out _)) return $"{path}: the required field '{name}' is missing";
                foreach (var p in value.EnumerateObject())
                {
                    string sub = $"{path}.{p.Name}";
                    if (props is not null && props.TryGetPropertyValue(p.Name, out var ps))
                    {
                        if (Check(root, ps, p.Value, sub) is { } e) return e;
                    }
                    else if (s["additionalProperties"] is JsonValue ap && ap.TryGetValue(out bool extra) && !extra)
                        return $"{path}: unknown field '{p.Name}'" + (props is null ? "" : $" (known: {string.Join(", ", props.Select(kv => kv.Key))})");
                }
                break;
            case JsonValueKind.Array:
                int n = value.GetArrayLength();
                if (Number(s, "minItems") is { } minItems && n < minItems) return $"{path}: needs at least {minItems} item(s), found {n}";
                if (Number(s, "maxItems") is { } maxItems && n > maxItems) return $"{path}: allows at most {maxItems} item(s), found {n}";
                int i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (Check(root, s["items"], item, $"{path}[{i}]") is { } e) return e;
                    i++;
                }
                break;
            case JsonValueKind.String:
                int len = value.GetString()!.Length;
                if (Number(s, "minLength") is { } minLength && len < minLength)
                    return minLength == 1 ? $"{path}: must not be empty" : $"{path}: must have at least {minLength} characters";
                break;
            case JsonValueKind.Number:
                double v = value.GetDouble();
                if (Number(s, "minimum") is { } min && v < min) return $"{path}: {Show(value)} is below the minimum {min.ToString(CultureInfo.InvariantCulture)}";
                if (Number(s, "maximum") is { } max && v > max) return $"{path}: {Show(value)} is above the maximum {max.ToString(CultureInfo.InvariantCulture)}";
                break;
        }
        return null;
    }

    static JsonNode? Resolve(JsonNode root, string reference)
    {
        if (!reference.StartsWith('#')) throw new NotSupportedException($"only local schema references are supported, not '{reference}'");
        JsonNode? node = root;
        foreach (var token in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node?[token.Replace("~1", "/").Replace("~0", "~")];
        return node;
    }

    static double? Number(JsonObject s, string key) =>
        s[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture) : null;

    static bool TypeMatches(JsonNode type, JsonElement value) => type switch
    {
        JsonArray many => many.Any(t => t is not null && TypeMatches(t, value)),
        _ => type.GetValue<string>() switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && Math.Floor(d) == d,
            _ => true,
        },
    };

    static bool JsonEquals(JsonNode? a, JsonElement b) =>
        a is null ? b.ValueKind == JsonValueKind.Null : JsonNode.DeepEquals(a, JsonNode.Parse(b.GetRawText()));

    static string Describe(JsonNode type) => type is JsonArray many
        ? string.Join(" or ", many.Select(t => Article(t!.GetValue<string>())))
        : Article(type.GetValue<string>());

    static string Article(string t) => t switch { "object" or "array" or "integer" => $"an {t}", "null" => "null", _ => $"a {t}" };

    static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the string {Show(value)}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        _ => "null",
    };

    static string Show(JsonElement value)
    {
        string raw = value.GetRawText();
        return raw.Length <= 60 ? raw : raw[..57] + "...";
    }
}
