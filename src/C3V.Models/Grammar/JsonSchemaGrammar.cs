using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace C3V.Models.Grammar;

/// <summary>Bounds a grammar puts where a schema sets none, so a model cannot write forever inside one value.</summary>
public sealed record GrammarLimits
{
    /// <summary>Longest string when the schema gives no maxLength.</summary>
    public int MaxStringLength { get; init; } = 200;
    /// <summary>Most items of an array when the schema gives no maxItems.</summary>
    public int MaxArrayItems { get; init; } = 24;
    /// <summary>Fraction digits of a number with a range.</summary>
    public int Decimals { get; init; } = 3;
    /// <summary>Integer digits of a number without a range.</summary>
    public int MaxIntegerDigits { get; init; } = 9;
}

/// <summary>
/// Compiles a JSON schema into a llama.cpp GBNF grammar whose every sentence is a JSON text the schema
/// accepts, so a sampler constrained by it can only write valid answers. It reads the schema, not our types:
/// objects (properties in schema order, required ones always, optional ones skippable), type lists
/// (["string", "null"]), enum, const, anyOf/oneOf, local $ref (recursion allowed), strings with min/max
/// length, numbers and integers with minimum/maximum (<see cref="NumberRangeGrammar"/>), arrays with items,
/// prefixItems and min/max items, and true/{} (any JSON value). Keywords it cannot express (pattern, format,
/// exclusive bounds) are left to the validation that follows every answer.
/// </summary>
public sealed class JsonSchemaGrammar
{
    readonly JsonNode root;
    readonly GrammarLimits limits;
    readonly List<(string Name, string Body)> rules = [];
    readonly Dictionary<string, string> byBody = [];
    readonly Dictionary<string, string> byRef = [];
    int next;

    JsonSchemaGrammar(JsonNode root, GrammarLimits limits)
    {
        this.root = root;
        this.limits = limits;
    }

    /// <summary>The grammar text; its start rule is "root".</summary>
    public static string Compile(JsonNode schema, GrammarLimits? limits = null)
    {
        var g = new JsonSchemaGrammar(schema, limits ?? new GrammarLimits());
        string top = g.Schema(schema);
        var sb = new StringBuilder();
        sb.Append("root ::= ws ").Append(top).Append('\n');
        foreach (var (name, body) in g.rules) sb.Append(name).Append(" ::= ").Append(body).Append('\n');
        sb.Append(g.Shared());
        return sb.ToString();
    }

    /// <summary>A grammar for any JSON object (a response format of "JSON" with no schema).</summary>
    public static string AnyObject(GrammarLimits? limits = null) =>
        Compile(new JsonObject { ["type"] = "object" }, limits);

    string Shared() =>
        "ws ::= ([ \\t\\n] [ \\t]{0,15})?\n" +
        "char ::= [^\"\\\\\\x7F\\x00-\\x1F] | \"\\\\\" ([\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{4})\n" +
        $"string ::= \"\\\"\" char{{0,{limits.MaxStringLength}}} \"\\\"\" ws\n" +
        $"number ::= \"-\"? (\"0\" | [1-9] [0-9]{{0,{limits.MaxIntegerDigits - 1}}}) (\".\" [0-9]{{1,{limits.Decimals + 3}}})? ([eE] [-+]? [0-9]{{1,3}})? ws\n" +
        $"integer ::= \"-\"? (\"0\" | [1-9] [0-9]{{0,{limits.MaxIntegerDigits - 1}}}) ws\n" +
        "boolean ::= (\"true\" | \"false\") ws\n" +
        "null ::= \"null\" ws\n" +
        $"value ::= object | array | string | number | boolean | null\n" +
        $"object ::= \"{{\" ws (string \":\" ws value (\",\" ws string \":\" ws value){{0,{limits.MaxArrayItems - 1}}})? \"}}\" ws\n" +
        $"array ::= \"[\" ws (value (\",\" ws value){{0,{limits.MaxArrayItems - 1}}})? \"]\" ws\n";

    /// <summary>A rule holding <paramref name="body"/> (identical bodies share one rule); returns its name.</summary>
    string Rule(string body)
    {
        if (byBody.TryGetValue(body, out var existing)) return existing;
        string name = $"r{next++}";
        rules.Add((name, body));
        byBody[body] = name;
        return name;
    }

    string Schema(JsonNode? schema)
    {
        switch (schema)
        {
            case null: return "value";
            case JsonValue b when b.TryGetValue(out bool allow): return allow ? "value" : throw new NotSupportedException("a schema of false accepts nothing");
            case not JsonObject: throw new NotSupportedException($"'{schema.ToJsonString()}' is not a schema");
        }
        var s = (JsonObject)schema;
        if (s["$ref"] is JsonValue r && r.TryGetValue(out string? reference)) return Reference(reference);
        if (s["const"] is { } constant || s.ContainsKey("const")) return Rule(Literal(s["const"]) + " ws");
        if (s["enum"] is JsonArray values) return Rule("(" + string.Join(" | ", values.Select(Literal).Distinct()) + ") ws");
        if ((s["anyOf"] ?? s["oneOf"]) is JsonArray choices) return Rule(string.Join(" | ", choices.Select(Schema)));

        var types = s["type"] switch
        {
            JsonValue t => [t.GetValue<string>()],
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            _ => Inferred(s),
        };
        if (types.Count == 0) return "value";
        return Rule(string.Join(" | ", types.Distinct().Select(t => Typed(t, s))));
    }

    static List<string> Inferred(JsonObject s) =>
        s.ContainsKey("properties") ? ["object"] : s.ContainsKey("items") || s.ContainsKey("prefixItems") ? ["array"] : [];

    string Typed(string type, JsonObject s) => type switch
    {
        "null" => "null",
        "boolean" => "boolean",
        "string" => StringRule(s),
        "number" or "integer" => NumberRule(s, type == "integer"),
        "array" => ArrayRule(s),
        "object" => ObjectRule(s),
        _ => throw new NotSupportedException($"unknown JSON schema type '{type}'"),
    };

    string Reference(string reference)
    {
        if (byRef.TryGetValue(reference, out var name)) return name;
        if (!reference.StartsWith('#')) throw new NotSupportedException($"only local schema references are supported, not '{reference}'");
        // name the rule before compiling its target, so a schema that refers to itself ends in a rule reference
        name = $"r{next++}";
        byRef[reference] = name;
        int slot = rules.Count;
        rules.Add((name, ""));
        JsonNode? target = root;
        foreach (var token in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            target = target?[token.Replace("~1", "/").Replace("~0", "~")];
        if (target is null) throw new NotSupportedException($"the schema reference '{reference}' points nowhere");
        rules[slot] = (name, Schema(target));
        return name;
    }

    string StringRule(JsonObject s)
    {
        int min = Int(s, "minLength") ?? 0, max = Int(s, "maxLength") ?? Math.Max(min, limits.MaxStringLength);
        return min == 0 && max == limits.MaxStringLength ? "string" : Rule($"\"\\\"\" char{{{min},{max}}} \"\\\"\" ws");
    }

    string NumberRule(JsonObject s, bool integer)
    {
        decimal? min = Dec(s, "minimum"), max = Dec(s, "maximum");
        if (min is null && max is null) return integer ? "integer" : "number";
        decimal bound = (decimal)Math.Pow(10, limits.MaxIntegerDigits) - 1;
        return Rule(NumberRangeGrammar.Expression(min ?? -bound, max ?? bound, integer ? 0 : limits.Decimals) + " ws");
    }

    string ArrayRule(JsonObject s)
    {
        var prefix = (s["prefixItems"] as JsonArray)?.Select(Schema).ToList() ?? [];
        bool more = s["items"] is not JsonValue noMore || !noMore.TryGetValue(out bool allowMore) || allowMore;
        string item = s["items"] is JsonObject itemSchema ? Schema(itemSchema) : "value";
        int min = Int(s, "minItems") ?? 0;
        int max = Int(s, "maxItems") ?? Math.Max(min, prefix.Count + limits.MaxArrayItems);
        if (!more) max = Math.Min(max, prefix.Count);
        if (min > max) throw new NotSupportedException($"an array with minItems {min} above its maximum {max}");

        // the i-th element's rule: its prefixItems schema, else the items schema
        string At(int i) => i < prefix.Count ? prefix[i] : item;
        var sb = new StringBuilder("\"[\" ws ");
        if (max > 0)
        {
            // the fixed prefix and the required items are spelled out; the rest repeats the items rule
            int spelled = Math.Max(Math.Min(prefix.Count, max), min);
            var tail = new StringBuilder();
            int optional = max - spelled;
            if (optional > 0) tail.Append($" (\",\" ws {item}){{0,{optional}}}");
            if (spelled == 0) sb.Append($"({item}{tail})? ");
            else
            {
                var first = new StringBuilder(At(0));
                for (int i = 1; i < spelled; i++)
                {
                    // prefix items beyond the minimum may be left out, each only after the one before it
                    if (i >= min) { first.Append($" (\",\" ws {At(i)}"); }
                    else first.Append($" \",\" ws {At(i)}");
                }
                int opened = Math.Max(0, spelled - Math.Max(min, 1));
                first.Append(tail);
                first.Append(new string(')', opened).Replace(")", ")?"));
                sb.Append(min == 0 ? $"({first})? " : $"{first} ");
            }
        }
        sb.Append("\"]\" ws");
        return Rule(sb.ToString());
    }

    string ObjectRule(JsonObject s)
    {
        if (s["properties"] is not JsonObject props || props.Count == 0)
            return s["additionalProperties"] is JsonValue ap && ap.TryGetValue(out bool extra) && !extra ? Rule("\"{\" ws \"}\" ws") : "object";
        var required = (s["required"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
        var members = props.Select(kv => (Text: $"{Literal(JsonValue.Create(kv.Key))} ws \":\" ws {Schema(kv.Value)}", Required: required.Contains(kv.Key))).ToList();

        // first[k]: members k… when none is written yet; after[k]: members k… after at least one (so each starts with a comma)
        var first = new string[members.Count + 1];
        var after = new string[members.Count + 1];
        first[^1] = after[^1] = "";
        for (int k = members.Count - 1; k >= 0; k--)
        {
            var (text, req) = members[k];
            string restAfter = after[k + 1].Length == 0 ? "" : " " + after[k + 1];
            after[k] = Rule(req ? $"\",\" ws {text}{restAfter}" : $"(\",\" ws {text})?{restAfter}".Trim());
            string take = $"{text}{restAfter}";
            first[k] = req ? Rule(take) : Rule(first[k + 1].Length == 0 ? $"({take})?" : $"{take} | {first[k + 1]}");
        }
        // an all-optional tail after a taken member may be empty, which the ( )? above allows
        return Rule($"\"{{\" ws {first[0]} \"}}\" ws");
    }

    /// <summary>A JSON value as a GBNF string literal of its compact text.</summary>
    static string Literal(JsonNode? value)
    {
        string json = value?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
        return "\"" + json.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }

    static int? Int(JsonObject s, string key) => s[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? (int)v.GetValue<double>() : null;

    static decimal? Dec(JsonObject s, string key) =>
        s[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
