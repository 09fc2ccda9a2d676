using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Actors;
using C3V.Annotations;
using C3V.Common;

namespace C3V.Eval;

/// <summary>
/// A file of prompts to score (docs/eval/README.md): how to generate them and, per prompt, what its video must
/// show. Loading checks every field and names the file, the prompt (index and id) and the field of the first
/// problem — or the line and column of a JSON syntax error.
/// </summary>
public sealed record EvalPromptSet(string Source, string Description, EvalGeneration Generation, IReadOnlyList<EvalPrompt> Prompts)
{
    public const string Format = "c3v-eval-prompts";
    public const int Version = 1;

    public static EvalPromptSet Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        return Parse(text, path);
    }

    public static EvalPromptSet Parse(string json, string source = "prompts.json")
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false }); }
        catch (JsonException e) { throw new InvalidFileException(source, $"line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: not valid JSON ({FirstSentence(e.Message)})"); }
        var f = new Fields(source);
        var o = f.Obj(root, "$");
        if (f.Str(o, "format", "$") != Format) throw f.Fail("$.format", $"expected \"{Format}\"");
        if (f.Int(o, "version", "$") != Version) throw f.Fail("$.version", $"expected {Version}");
        string description = o["description"] is null ? "" : f.Str(o, "description", "$");
        var gen = new EvalGeneration();
        if (o["generation"] is { } g)
        {
            var go = f.Obj(g, "$.generation");
            f.Only(go, "$.generation", "durationSeconds", "fps", "quality", "seed");
            gen = new EvalGeneration
            {
                DurationSeconds = go["durationSeconds"] is null ? gen.DurationSeconds : f.Range(go, "durationSeconds", "$.generation", 0.5, 60),
                Fps = go["fps"] is null ? gen.Fps : (int)f.Range(go, "fps", "$.generation", 1, 60, whole: true),
                Quality = go["quality"] is null ? gen.Quality : f.OneOf(go, "quality", "$.generation", "draft", "final"),
                Seed = go["seed"] is null ? gen.Seed : (int)f.Range(go, "seed", "$.generation", 0, int.MaxValue, whole: true),
            };
        }
        var list = f.Arr(o["prompts"], "$.prompts");
        if (list.Count == 0) throw f.Fail("$.prompts", "the list is empty");
        var prompts = new List<EvalPrompt>();
        var ids = new HashSet<string>();
        for (int i = 0; i < list.Count; i++)
        {
            string at = $"$.prompts[{i}]";
            var po = f.Obj(list[i], at);
            string id = f.Str(po, "id", at);
            at = $"$.prompts[{i}] (id {id})";
            if (!ids.Add(id)) throw f.Fail(at + ".id", "used by an earlier prompt too");
            f.Only(po, at, "id", "category", "prompt", "durationSeconds", "expect");
            var prompt = new EvalPrompt(id, f.Str(po, "category", at), f.Str(po, "prompt", at),
                po["durationSeconds"] is null ? null : f.Range(po, "durationSeconds", at, 0.5, 60),
                ParseExpect(f, f.Obj(po["expect"], at + ".expect"), at + ".expect"));
            if (prompt.Prompt.Trim().Length == 0) throw f.Fail(at + ".prompt", "empty");
            prompts.Add(prompt);
        }
        return new EvalPromptSet(source, description, gen, prompts);
    }

    static Expectations ParseExpect(Fields f, JsonObject e, string at)
    {
        f.Only(e, at, "actors", "kinds", "scene", "described", "counts", "motions", "checks");
        var kinds = e["kinds"] is null ? null : f.Arr(e["kinds"], at + ".kinds").Select((k, i) => Kind(f, k, $"{at}.kinds[{i}]")).ToList();
        var counts = new Dictionary<string, int>();
        if (e["counts"] is { } c)
            foreach (var (word, n) in f.Obj(c, at + ".counts"))
                counts[word] = (int)f.Number(n, $"{at}.counts.{word}", 0, 255, whole: true);
        var motions = new Dictionary<string, IReadOnlyList<string>>();
        if (e["motions"] is { } m)
            foreach (var (who, words) in f.Obj(m, at + ".motions"))
                motions[who] = f.Words(words, $"{at}.motions.{who}");
        var checks = e["checks"] is null ? [] : f.Arr(e["checks"], at + ".checks").Select((x, i) => RelationCheck.Parse(f, x, $"{at}.checks[{i}]")).ToList();
        return new Expectations
        {
            Actors = e["actors"] is null ? null : (int)f.Range(e, "actors", at, 0, 255, whole: true),
            Kinds = kinds,
            Scene = e["scene"] is null ? null : f.Words(e["scene"], at + ".scene"),
            Described = e["described"] is null ? [] : f.Words(e["described"], at + ".described"),
            Counts = counts, Motions = motions, Checks = checks,
        };
    }

    static ActorKind Kind(Fields f, JsonNode? n, string at)
    {
        string name = n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw f.Fail(at, "expected a kind name");
        foreach (var k in Enum.GetValues<ActorKind>())
            if (AnnotationJson.KindName(k) == name) return k;
        throw f.Fail(at, $"'{name}' is not one of {string.Join(", ", Enum.GetValues<ActorKind>().Select(AnnotationJson.KindName))}");
    }

    static string FirstSentence(string message) => message.Split(" LineNumber", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
}

/// <summary>How the prompts of a set are generated (a short draft clip keeps a set of 80 to minutes).</summary>
public sealed record EvalGeneration
{
    public double DurationSeconds { get; init; } = 3;
    public int Fps { get; init; } = 8;
    public string Quality { get; init; } = "draft";
    public int Seed { get; init; } = 1;
}

/// <summary>One prompt and what its video must show.</summary>
/// <param name="DurationSeconds">This prompt's clip length, when the set's default is too short for it.</param>
public sealed record EvalPrompt(string Id, string Category, string Prompt, double? DurationSeconds, Expectations Expect);

/// <summary>The expectations of one prompt (every one is optional; see docs/eval/README.md).</summary>
public sealed record Expectations
{
    /// <summary>How many actors.</summary>
    public int? Actors { get; init; }
    /// <summary>The actors' kinds, as a multiset.</summary>
    public IReadOnlyList<ActorKind>? Kinds { get; init; }
    /// <summary>Words one of which must be in the scene's label.</summary>
    public IReadOnlyList<string>? Scene { get; init; }
    /// <summary>Actor references each of which must name a different actor.</summary>
    public IReadOnlyList<string> Described { get; init; } = [];
    /// <summary>Reference → how many actors it must name.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();
    /// <summary>Reference → words one of which every actor it names must play (segment label or clip).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Motions { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<RelationCheck> Checks { get; init; } = [];
}

/// <summary>The checked reader of a prompt file's fields: every failure names the source and the JSON path.</summary>
sealed class Fields(string source)
{
    public InvalidFileException Fail(string path, string problem) => new(source, $"{path}: {problem}");

    public JsonObject Obj(JsonNode? n, string path) => n as JsonObject ?? throw Fail(path, n is null ? "missing (expected an object)" : "expected an object");
    public JsonArray Arr(JsonNode? n, string path) => n as JsonArray ?? throw Fail(path, n is null ? "missing (expected a list)" : "expected a list");

    public string Str(JsonObject o, string name, string path) =>
        o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
            : throw Fail($"{path}.{name}", o[name] is null ? "missing (expected a string)" : "expected a string");

    public int Int(JsonObject o, string name, string path) => (int)Number(o[name], $"{path}.{name}", int.MinValue, int.MaxValue, whole: true);

    public double Range(JsonObject o, string name, string path, double min, double max, bool whole = false) => Number(o[name], $"{path}.{name}", min, max, whole);

    public double Number(JsonNode? n, string path, double min, double max, bool whole = false)
    {
        if (n is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) throw Fail(path, n is null ? "missing (expected a number)" : "expected a number");
        double d = v.GetValue<double>();
        if (whole && d != Math.Floor(d)) throw Fail(path, $"{d} is not a whole number");
        if (!(d >= min && d <= max)) throw Fail(path, $"{d} is outside {min}..{max}");
        return d;
    }

    public bool Bool(JsonObject o, string name, string path) =>
        o[name] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : throw Fail($"{path}.{name}", "expected true or false");

    public string OneOf(JsonObject o, string name, string path, params string[] allowed)
    {
        string s = Str(o, name, path);
        return allowed.Contains(s) ? s : throw Fail($"{path}.{name}", $"'{s}' is not one of {string.Join(", ", allowed)}");
    }

    /// <summary>A list of non-empty strings.</summary>
    public IReadOnlyList<string> Words(JsonNode? n, string path)
    {
        var a = Arr(n, path);
        if (a.Count == 0) throw Fail(path, "the list is empty");
        return a.Select((x, i) => x is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim().Length > 0
            ? v.GetValue<string>() : throw Fail($"{path}[{i}]", "expected a non-empty string")).ToList();
    }

    /// <summary>Rejects a field the format does not know (a misspelt expectation would otherwise be silently ignored).</summary>
    public void Only(JsonObject o, string path, params string[] known)
    {
        foreach (var (name, _) in o)
            if (!known.Contains(name)) throw Fail($"{path}.{name}", $"unknown field (expected one of {string.Join(", ", known)})");
    }
}
