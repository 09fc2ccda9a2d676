using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Common;

namespace C3V.Actors.Looks;

/// <summary>
/// One phrase of an attribute test set and what its render must show: colours per body region
/// (<c>"colors": {"torso": "yellow", "legs": "yellow"}</c>, alternatives with <c>|</c>), props seen
/// (<c>"props": ["umbrella"]</c>) and shape facts (<c>"shapes": ["skirt", "child", "old", "metal", "trousers",
/// "striped:torso", "checked:legs"]</c>).
/// </summary>
public sealed record LookCase(string Phrase, IReadOnlyDictionary<LookRegion, string> Colors, IReadOnlyList<string> Props, IReadOnlyList<string> Shapes);

/// <summary>A phrase's measured checks.</summary>
public sealed record LookCaseResult(LookCase Case, IReadOnlyList<LookCheckResult> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);
}

/// <summary>
/// An attribute test set (JSON: <c>{"cases": [{"phrase": …, "colors": …, "props": …, "shapes": …}]}</c>): loading with
/// one clear error per bad field, and running each case by generating the avatar and measuring its render.
/// </summary>
public static class LookSet
{
    static readonly string[] ShapeNames = ["skirt", "trousers", "child", "old", "metal"];

    public static IReadOnlyList<LookCase> Load(string path)
    {
        if (!File.Exists(path)) throw new C3VException($"{path}: no such file");
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new C3VException($"{path}: not valid JSON ({e.Message})"); }
        if (root?["cases"] is not JsonArray cases) throw new C3VException($"{path}: $.cases: expected an array of cases");
        var list = new List<LookCase>();
        for (int i = 0; i < cases.Count; i++)
        {
            string at = $"{path}: $.cases[{i}]";
            if (cases[i] is not JsonObject c) throw new C3VException($"{at}: expected an object");
            string phrase = c["phrase"] is JsonValue pv && pv.TryGetValue(out string? ps) && !string.IsNullOrWhiteSpace(ps)
                ? ps : throw new C3VException($"{at}.phrase: expected a non-empty string");
            var colors = new Dictionary<LookRegion, string>();
            if (c["colors"] is JsonObject co)
                foreach (var (key, value) in co)
                {
                    var region = Enum.GetValues<LookRegion>().Where(r => LookChecks.Name(r) == key).Cast<LookRegion?>().FirstOrDefault()
                        ?? throw new C3VException($"{at}.colors.{key}: not a region ({string.Join(", ", Enum.GetValues<LookRegion>().Select(LookChecks.Name))})");
                    string v = value is JsonValue vv && vv.TryGetValue(out string? vs) ? vs : throw new C3VException($"{at}.colors.{key}: expected a colour name");
                    foreach (var name in v.Split('|'))
                        if (ColorJudge.Expected(name) is null) throw new C3VException($"{at}.colors.{key}: \"{name}\" is not a colour name");
                    colors[region] = v;
                }
            else if (c["colors"] is not null) throw new C3VException($"{at}.colors: expected an object of region: colour");
            var props = Strings(c["props"], $"{at}.props");
            var shapes = Strings(c["shapes"], $"{at}.shapes");
            foreach (var s in shapes)
                if (!ShapeNames.Contains(s) && !(Pattern(s) is { } pr && pr.Region is not null))
                    throw new C3VException($"{at}.shapes: \"{s}\" is not a shape ({string.Join(", ", ShapeNames)}, striped:REGION, checked:REGION)");
            if (colors.Count + props.Count + shapes.Count == 0) throw new C3VException($"{at}: no colors, props or shapes to check");
            list.Add(new LookCase(phrase, colors, props, shapes));
        }
        return list;
    }

    /// <summary>Generates the phrase's avatar and measures every check of the case in its render.</summary>
    public static LookCaseResult Run(LookCase c, int seed = 0, int size = 192)
    {
        var probe = new LookProbe(AvatarGenerator.Generate(c.Phrase, seed), size);
        var checks = new List<LookCheckResult>();
        foreach (var (region, colors) in c.Colors) checks.Add(LookChecks.Color(probe, region, colors));
        foreach (var prop in c.Props) checks.Add(LookChecks.Prop(probe, prop));
        foreach (var shape in c.Shapes)
            checks.Add(shape switch
            {
                "skirt" => LookChecks.Skirt(probe, true),
                "trousers" => LookChecks.Skirt(probe, false),
                "child" => LookChecks.Child(probe),
                "old" => LookChecks.Stoop(probe),
                "metal" => LookChecks.Metal(probe),
                _ => LookChecks.Pattern(probe, Pattern(shape)!.Value.Region!.Value, Pattern(shape)!.Value.Checked),
            });
        return new LookCaseResult(c, checks);
    }

    static (bool Checked, LookRegion? Region)? Pattern(string shape)
    {
        int colon = shape.IndexOf(':');
        if (colon < 0) return null;
        string kind = shape[..colon], region = shape[(colon + 1)..];
        if (kind is not ("striped" or "checked")) return null;
        var r = Enum.GetValues<LookRegion>().Where(x => LookChecks.Name(x) == region).Cast<LookRegion?>().FirstOrDefault();
        return (kind == "checked", r);
    }

    static IReadOnlyList<string> Strings(JsonNode? node, string at)
    {
        if (node is null) return [];
        if (node is not JsonArray a) throw new C3VException($"{at}: expected an array of strings");
        return a.Select((n, i) => n is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0 ? s : throw new C3VException($"{at}[{i}]: expected a non-empty string")).ToArray();
    }
}
