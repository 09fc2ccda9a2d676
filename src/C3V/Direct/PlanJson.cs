using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using C3V.Common;

namespace C3V.Direct;

/// <summary>
/// JSON for the director's contracts: one set of serializer options, schemas generated from the types
/// (JsonSchemaExporter, with [Description] and [Range]/[MinLength] turned into schema keywords), and loading
/// that validates every document against its schema before use, naming the field that is wrong.
/// </summary>
public static class PlanJson
{
    /// <summary>camelCase names, enums as their kebab-case names, unknown fields rejected, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    static JsonSerializerOptions CreateOptions()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            WriteIndented = true,
        };
        o.MakeReadOnly();
        return o;
    }

    static readonly Dictionary<Type, JsonNode> Schemas = [];
    static readonly Lock SchemaGate = new();

    /// <summary>The JSON schema of <typeparamref name="T"/> (cached; callers get their own copy).</summary>
    public static JsonNode SchemaFor<T>() => SchemaFor(typeof(T));

    public static JsonNode SchemaFor(Type type)
    {
        lock (SchemaGate)
        {
            if (!Schemas.TryGetValue(type, out var schema))
            {
                schema = JsonSchemaExporter.GetJsonSchemaAsNode(Options, type, new JsonSchemaExporterOptions
                {
                    TreatNullObliviousAsNonNullable = true,
                    TransformSchemaNode = Annotate,
                });
                Schemas[type] = schema;
            }
            return schema.DeepClone();
        }
    }

    /// <summary>Adds descriptions and bounds from attributes; gives <see cref="PixelBox"/> its list form.</summary>
    static JsonNode Annotate(JsonSchemaExporterContext context, JsonNode node)
    {
        if (context.TypeInfo.Type == typeof(PixelBox)) node = BoxSchema();
        if (node is not JsonObject obj) return node;
        // the exporter leaves out "items" when the element (a custom-converted PixelBox) has no schema of its own
        if (context.TypeInfo.ElementType == typeof(PixelBox) && !obj.ContainsKey("items")) obj["items"] = BoxSchema();
        ICustomAttributeProvider? provider = context.PropertyInfo?.AttributeProvider
            ?? (context.PropertyInfo is null ? context.TypeInfo.Type : null);
        if (provider is null) return node;
        if (Attribute<DescriptionAttribute>(provider) is { } d && !obj.ContainsKey("description"))
            obj["description"] = d.Description;
        if (Attribute<RangeAttribute>(provider) is { } r)
        {
            obj["minimum"] = Convert.ToDouble(r.Minimum, System.Globalization.CultureInfo.InvariantCulture);
            obj["maximum"] = Convert.ToDouble(r.Maximum, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (Attribute<MinLengthAttribute>(provider) is { } m)
            obj[IsArray(obj) ? "minItems" : "minLength"] = m.Length;
        return node;
    }

    static JsonObject BoxSchema() => new()
    {
        ["type"] = "array",
        ["description"] = "A box in pixels: [left, top, right, bottom], x to the right, y down.",
        ["items"] = new JsonObject { ["type"] = "number" },
        ["minItems"] = 4,
        ["maxItems"] = 4,
    };

    static bool IsArray(JsonObject obj) => obj["type"] switch
    {
        JsonValue v => v.GetValue<string>() == "array",
        JsonArray a => a.Any(t => t?.GetValue<string>() == "array"),
        _ => false,
    };

    static T? Attribute<T>(ICustomAttributeProvider provider) where T : Attribute =>
        provider.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>
    /// Parses <paramref name="json"/> as a <typeparamref name="T"/>: syntax, then the schema, then
    /// deserialization. Returns the value, or null with <paramref name="error"/> naming the field.
    /// </summary>
    public static T? TryParse<T>(string json, out string? error) where T : class
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e) { error = $"not valid JSON: {e.Message}"; return null; }
        using (doc)
        {
            error = JsonSchemaValidator.FirstError(SchemaFor<T>(), doc.RootElement);
            if (error is not null) return null;
            try
            {
                var value = doc.RootElement.Deserialize<T>(Options);
                if (value is null) error = "$: expected an object, found null";
                return value;
            }
            catch (JsonException e) { error = $"{e.Path ?? "$"}: {e.Message}"; return null; }
        }
    }

    /// <summary>Parses and checks a plan (schema, then consistency); throws <see cref="C3VException"/> naming <paramref name="source"/> and the field.</summary>
    public static ScenePlan ParsePlan(string json, string source)
    {
        CheckVersion(json, source, ScenePlan.CurrentVersion);
        var plan = TryParse<ScenePlan>(json, out var error) ?? throw new InvalidFileException(source, error!);
        if (PlanProblem(plan) is { } p) throw new InvalidFileException(source, p);
        // Version 1 is version 2 without segments, relations or lighting: every v1 plan reads as a v2 plan that has none.
        return plan.Version < ScenePlan.CurrentVersion ? plan with { Version = ScenePlan.CurrentVersion } : plan;
    }

    public static ScenePlan LoadPlan(string path) => ParsePlan(ReadText(path), path);

    public static void SavePlan(ScenePlan plan, string path, bool overwrite)
    {
        if (PlanProblem(plan) is { } p) throw new C3VException($"refusing to save an inconsistent plan: {p}");
        AtomicFile.WriteAllText(path, Serialize(plan) + "\n", overwrite);
    }

    public static PlacementSet ParsePlacements(string json, string source)
    {
        CheckVersion(json, source, PlacementSet.CurrentVersion);
        var set = TryParse<PlacementSet>(json, out var error) ?? throw new InvalidFileException(source, error!);
        for (int i = 0; i < set.Placements.Count; i++)
            if (set.Placements[i].Problem() is { } p) throw new InvalidFileException(source, $"$.placements[{i}]: {p}");
        return set;
    }

    public static PlacementSet LoadPlacements(string path) => ParsePlacements(ReadText(path), path);

    public static void SavePlacements(PlacementSet set, string path, bool overwrite) =>
        AtomicFile.WriteAllText(path, Serialize(set) + "\n", overwrite);

    /// <summary>Consistency the schema cannot express: unique ids, references to actors that exist, order.</summary>
    public static string? PlanProblem(ScenePlan plan)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < plan.Actors.Count; i++)
        {
            var a = plan.Actors[i];
            if (!ids.Add(a.Id)) return $"$.actors[{i}].id: '{a.Id}' is used by two actors";
        }
        for (int i = 0; i < plan.Actors.Count; i++)
        {
            var a = plan.Actors[i];
            foreach (var (hint, name) in new[] { (a.Start, "start"), (a.End, "end") })
                if (hint?.Actor is { } other && (!ids.Contains(other) || other == a.Id))
                    return $"$.actors[{i}].{name}.actor: '{other}' is not another actor of the plan";
            if (a.Target is { } target && (!ids.Contains(target) || target == a.Id))
                return $"$.actors[{i}].target: '{target}' is not another actor of the plan";
        }
        for (int i = 0; i < plan.Relations.Count; i++)
        {
            var r = plan.Relations[i];
            foreach (var id in r.Actors)
                if (!ids.Contains(id)) return $"$.relations[{i}].actors: '{id}' is not an actor of the plan";
            if (r.Actors.Distinct().Count() != r.Actors.Count) return $"$.relations[{i}].actors: an actor is listed twice";
            if (r.Object is { } obj && obj != ActorRelation.Camera && (!ids.Contains(obj) || r.Actors.Contains(obj)))
                return $"$.relations[{i}].object: '{obj}' is not another actor of the plan or 'camera'";
            if (r.Kind is RelationKind.SideBySide or RelationKind.InARow or RelationKind.FacesEachOther && r.Actors.Count < 2)
                return $"$.relations[{i}].actors: a {Json(r.Kind)} relation needs at least two actors";
        }
        return null;
    }

    static string Json(RelationKind kind) => JsonSerializer.Serialize(kind, Options).Trim('"');

    static void CheckVersion(string json, string source, int current)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("version", out var v)
                && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int version) && version > current)
                throw new InvalidFileException(source, $"$.version: {version} is newer than this build understands ({current}); update c3v");
        }
        catch (JsonException e) { throw new InvalidFileException(source, $"not valid JSON: {e.Message}"); }
    }

    static string ReadText(string path)
    {
        try { return File.ReadAllText(path); }
        catch (FileNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (DirectoryNotFoundException) { throw new InvalidFileException(path, "file not found"); }
    }
}
