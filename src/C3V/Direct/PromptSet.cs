using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Common;

namespace C3V.Direct;

/// <summary>
/// A published set of prompts with the plan each should give (docs/director/prompt-set.json), and the check
/// that a plan matches: the scene phrase, the landmarks, the camera and duration when given, and for every
/// actor (in order) each field the expectation names: id, category, description, attributes, props, motion,
/// travels, path, start, end (absent means "no hint"), order.
/// </summary>
public sealed class PromptSet
{
    public IReadOnlyList<(string Prompt, JsonObject Expected)> Items { get; }

    PromptSet(IReadOnlyList<(string, JsonObject)> items) => Items = items;

    public static PromptSet Load(string path)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (FileNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (JsonException e) { throw new InvalidFileException(path, $"not valid JSON: {e.Message}"); }
        if (root is not JsonArray list) throw new InvalidFileException(path, "expected a list of {prompt, scene, actors}");
        var items = new List<(string, JsonObject)>();
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject o || o["prompt"]?.GetValueKind() != JsonValueKind.String || o["actors"] is not JsonArray)
                throw new InvalidFileException(path, $"[{i}]: needs a 'prompt' string and an 'actors' list");
            items.Add((o["prompt"]!.GetValue<string>(), o));
        }
        return new PromptSet(items);
    }

    /// <summary>The differences between <paramref name="plan"/> and the expectation (empty when it matches fully).</summary>
    public static List<string> Differences(ScenePlan plan, JsonObject expected)
    {
        var diffs = new List<string>();
        void Check(string what, string? want, string? got)
        {
            if (!string.Equals(want, got, StringComparison.Ordinal)) diffs.Add($"{what}: expected {want ?? "(none)"}, got {got ?? "(none)"}");
        }
        if (expected["scene"] is { } scene) Check("scene", scene.GetValue<string>(), plan.Scene.Description);
        var wantLandmarks = (expected["landmarks"] as JsonArray)?.Select(n => n!.GetValue<string>()).Order().ToList() ?? [];
        Check("landmarks", string.Join(", ", wantLandmarks), string.Join(", ", plan.Scene.Landmarks.Order()));
        Check("camera", expected["camera"]?.GetValue<string>() ?? "static", Name(plan.Camera));
        if (expected["duration"] is { } dur) Check("duration", dur.GetValue<double>().ToString(System.Globalization.CultureInfo.InvariantCulture), plan.DurationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var actors = (JsonArray)expected["actors"]!;
        if (actors.Count != plan.Actors.Count)
        {
            diffs.Add($"actors: expected {actors.Count} ({string.Join(", ", actors.Select(a => a!["id"]))}), got {plan.Actors.Count} ({string.Join(", ", plan.Actors.Select(a => a.Id))})");
            return diffs;
        }
        for (int i = 0; i < actors.Count; i++)
        {
            var want = (JsonObject)actors[i]!;
            var got = plan.Actors[i];
            string p = $"actor {i}";
            foreach (var (key, value) in want)
            {
                switch (key)
                {
                    case "id": Check($"{p}.id", value!.GetValue<string>(), got.Id); break;
                    case "category": Check($"{p}.category", value!.GetValue<string>(), Name(got.Category)); break;
                    case "description": Check($"{p}.description", value!.GetValue<string>(), got.Description); break;
                    case "motion": Check($"{p}.motion", value!.GetValue<string>(), got.Motion.Description); break;
                    case "travels": Check($"{p}.travels", value!.ToJsonString(), got.Motion.Travels ? "true" : "false"); break;
                    case "path": Check($"{p}.path", value!.GetValue<string>(), Name(got.Motion.Path)); break;
                    case "order": Check($"{p}.order", value!.ToJsonString(), got.Order.ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
                    case "attributes": Check($"{p}.attributes", value!.ToJsonString(), JsonSerializer.Serialize(got.Attributes)); break;
                    case "props": Check($"{p}.props", value!.ToJsonString(), JsonSerializer.Serialize(got.Props)); break;
                    case "target": Check($"{p}.target", value!.GetValue<string>(), got.Target); break;
                    case "start" or "end": break;
                    default: diffs.Add($"{p}: the expectation has an unknown field '{key}'"); break;
                }
            }
            Check($"{p}.start", Hint(want["start"] as JsonObject), Hint(got.Start));
            Check($"{p}.end", Hint(want["end"] as JsonObject), Hint(got.End));
        }
        return diffs;
    }

    static string Name<T>(T value) => JsonSerializer.Serialize(value, PlanJson.Options).Trim('"');

    static string? Hint(JsonObject? o) => o is null ? null : Hint(JsonSerializer.Deserialize<SpatialHint>(o.ToJsonString(), PlanJson.Options));

    static string? Hint(SpatialHint? h) => h is null ? null
        : $"{{landmark={h.Landmark ?? "-"}, actor={h.Actor ?? "-"}, region={(h.Region is { } r ? Name(r) : "-")}, relation={Name(h.Relation)}}}";
}
