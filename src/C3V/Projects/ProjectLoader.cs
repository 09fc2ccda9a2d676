using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Common;
using C3V.Compose;
using C3V.Direct;

namespace C3V.Projects;

/// <summary>
/// The one way to read a project: <c>project.json</c> is checked for syntax, then against the schema of
/// <see cref="ProjectFile"/> (types, required fields, the plan's ranges), then for what a schema cannot say
/// (settings in range, finite and bounded positions, every composition track, placement and layout naming an
/// actor of the plan, file references staying inside the project). Every problem is an
/// <see cref="InvalidFileException"/> naming the file and the field (<c>$.settings.fps: …</c>); a project that
/// loads can be rendered without a crash. Used by every verb that opens a project, and by the studio and batch.
/// </summary>
public static class ProjectLoader
{
    /// <summary>World coordinates beyond this many metres are a damaged file, not a scene (the camera math overflows).</summary>
    public const double MaxCoordinate = 10_000;
    /// <summary>An actor's scale factor beyond this is a damaged file.</summary>
    public const double MaxScale = 100;
    /// <summary>The most frames a composition can hold: the longest clip at the highest frame rate.</summary>
    public const int MaxFrames = (int)(SettingsRules.MaxDuration * SettingsRules.MaxFps);

    /// <summary>Opens <paramref name="dir"/> and returns its validated project.</summary>
    public static ProjectFile Load(string dir) => ProjectFolder.Open(dir).Load();

    /// <summary>Reads <paramref name="path"/> (a project.json) and validates it.</summary>
    public static ProjectFile LoadFile(string path)
    {
        string json;
        try { json = File.ReadAllText(path); }
        catch (FileNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (DirectoryNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (UnauthorizedAccessException) { throw new InvalidFileException(path, "cannot be read (permission denied, or a folder)"); }
        return Parse(json, path);
    }

    /// <summary>Parses and validates the text of a project.json; <paramref name="source"/> names it in errors.</summary>
    public static ProjectFile Parse(string json, string source)
    {
        JsonDocument doc;
        // Duplicate keys are refused here: a later reader of the same object (JsonNode) would throw on them.
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false }); }
        catch (JsonException e) { throw new InvalidFileException(source, $"not valid JSON ({Position(e)}{Duplicate(e)})"); }
        ProjectFile? p;
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new InvalidFileException(source, "$: expected a JSON object");
            if (root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double version))
            {
                if (version > ProjectFile.CurrentVersion)
                    throw new InvalidFileException(source, $"$.version: {v.GetRawText()} is newer than this build understands ({ProjectFile.CurrentVersion}); update c3v");
                if (version < 1) throw new InvalidFileException(source, $"$.version: {v.GetRawText()} is not a project version");
            }
            if (JsonSchemaValidator.FirstError(Schema.Value, root) is { } error) throw new InvalidFileException(source, error);
            try { p = root.Deserialize<ProjectFile>(ProjectFile.JsonOptions); }
            catch (JsonException e) { throw new InvalidFileException(source, $"{e.Path ?? "$"}: not a valid value here"); }
        }
        if (p is null) throw new InvalidFileException(source, "$: expected a JSON object");
        if (Problem(p) is { } problem) throw new InvalidFileException(source, problem);
        return p;
    }

    /// <summary>Throws naming <paramref name="source"/> when <paramref name="project"/> is inconsistent (e.g. built in code).</summary>
    public static ProjectFile Validate(ProjectFile project, string source) =>
        Problem(project) is { } problem ? throw new InvalidFileException(source, problem) : project;

    /// <summary>The first thing wrong with a parsed project ("$.field: what"), or null when it is consistent.</summary>
    public static string? Problem(ProjectFile p)
    {
        if (p.Version is < 1 or > ProjectFile.CurrentVersion) return $"$.version: {p.Version} is not a version this build reads (1..{ProjectFile.CurrentVersion})";
        if (string.IsNullOrWhiteSpace(p.Prompt)) return "$.prompt: must not be empty";
        if (SettingsRules.FirstProblem(p.Settings) is { } sp) return $"$.settings.{sp.Field}: {sp.Message}";
        var plan = p.Plan;
        if (plan is not null && PlanProblem(plan) is { } planProblem) return $"$.plan{planProblem[1..]}";
        var ids = plan?.Actors.Select(a => a.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        if (p.Placement is not null && PlacementProblem(p.Placement, ids, plan is not null) is { } pp) return pp;
        if (p.Composition is not null && CompositionProblem(p.Composition, plan, ids) is { } cp) return cp;
        foreach (var (id, layout) in p.Layouts)
        {
            if (layout is null) return $"$.layouts.{id}: expected an object";
            if (plan is not null && !ids.Contains(id)) return $"$.layouts.{id}: no actor '{id}' in the plan";
            if (layout.Problem() is { } lp) return $"$.layouts.{id}.{lp}";
            if (layout.Scale > MaxScale) return $"$.layouts.{id}.scale: {layout.Scale} is above {MaxScale}";
            for (int i = 0; i < layout.Waypoints.Count; i++)
                if (layout.Waypoints[i].Any(c => Math.Abs(c) > MaxCoordinate))
                    return $"$.layouts.{id}.waypoints[{i}]: a coordinate is beyond ±{MaxCoordinate} m";
        }
        foreach (var (name, record) in p.Artefacts)
        {
            if (record is null || string.IsNullOrWhiteSpace(record.Key)) return $"$.artefacts.{name}.key: must not be empty";
            if (record.File is { } f && InsideProblem(f) is { } fp) return $"$.artefacts.{name}.file: {fp}";
        }
        if (p.Render is { } r)
        {
            if (InsideProblem(r.File) is { } fp) return $"$.render.file: {fp}";
            if (r.ContactSheet is { } cs && InsideProblem(cs) is { } cp2) return $"$.render.contactSheet: {cp2}";
            if (r.Frames < 0) return $"$.render.frames: {r.Frames} is negative";
        }
        return null;
    }

    /// <summary>Why a relative path from project.json would reach outside the project (absolute, '..', empty), or null.</summary>
    public static string? InsideProblem(string relative)
    {
        if (string.IsNullOrWhiteSpace(relative)) return "must not be empty";
        if (Path.IsPathRooted(relative) || relative.Contains(':')) return $"'{relative}' must be a path inside the project, not an absolute one";
        if (relative.Split('/', '\\').Any(part => part == "..")) return $"'{relative}' must stay inside the project (no '..')";
        return null;
    }

    static string? PlanProblem(ScenePlan plan)
    {
        if (plan.Actors.Count == 0) return "$.actors: the plan needs at least one actor";
        if (PlanJson.PlanProblem(plan) is { } p) return p;
        for (int i = 0; i < plan.Actors.Count; i++)
            if (string.IsNullOrWhiteSpace(plan.Actors[i].Id) || plan.Actors[i].Id.IndexOfAny(['/', '\\']) >= 0 || plan.Actors[i].Id.Contains(".."))
                return $"$.actors[{i}].id: '{plan.Actors[i].Id}' is not a usable id (it names the actor's files)";
        return null;
    }

    static string? PlacementProblem(PlacementSet set, HashSet<string> ids, bool hasPlan)
    {
        for (int i = 0; i < set.Placements.Count; i++)
        {
            var placement = set.Placements[i];
            if (placement.Problem() is { } pp) return $"$.placement.placements[{i}]: {pp}";
            if (hasPlan && !ids.Contains(placement.ActorId)) return $"$.placement.placements[{i}].actorId: no actor '{placement.ActorId}' in the plan";
        }
        return null;
    }

    static string? CompositionProblem(JsonNode node, ScenePlan? plan, HashSet<string> ids)
    {
        Composition comp;
        try { comp = Composition.FromJsonNode(node.DeepClone(), "composition"); }
        catch (InvalidFileException e)
        {
            var what = e.Message["composition: ".Length..];
            return what.StartsWith('$') ? "$.composition" + what[1..] : "$.composition: " + what;
        }
        if (comp.FrameCount > MaxFrames) return $"$.composition.frameCount: {comp.FrameCount} is above {MaxFrames} ({SettingsRules.MaxDuration} s at {SettingsRules.MaxFps} fps)";
        if (plan is null) return "$.plan: missing while the project has a composition";
        for (int i = 0; i < comp.Actors.Count; i++)
        {
            var track = comp.Actors[i];
            string at = $"$.composition.actors[{i}]";
            if (!ids.Contains(track.ActorId)) return $"{at}.id: no actor '{track.ActorId}' in the plan";
            for (int f = 0; f < track.Frames.Count; f++)
            {
                var fr = track.Frames[f];
                if (Math.Abs(fr.Position.X) > MaxCoordinate || Math.Abs(fr.Position.Y) > MaxCoordinate || Math.Abs(fr.Position.Z) > MaxCoordinate)
                    return $"{at}.frames[{f}].position: a coordinate is beyond ±{MaxCoordinate} m";
                if (fr.Scale > MaxScale) return $"{at}.frames[{f}].scale: {fr.Scale} is above {MaxScale}";
            }
        }
        foreach (var id in ids)
            if (comp.Actors.All(t => t.ActorId != id)) return $"$.composition.actors: no track for the plan's actor '{id}'";
        return null;
    }

    /// <summary>", a key given twice" when that is why the parser refused the text.</summary>
    static string Duplicate(JsonException e) => e.Message.Contains("uplicate", StringComparison.Ordinal) ? ": a key is given twice in one object" : "";

    static string Position(JsonException e) => e.LineNumber is { } line ? $"line {line + 1}, byte {e.BytePositionInLine + 1}" : "unreadable";

    /// <summary>The schema of project.json: the record's, with unknown top-level fields allowed (later versions may add some).</summary>
    static readonly Lazy<JsonNode> Schema = new(() =>
    {
        var schema = PlanJson.SchemaFor<ProjectFile>();
        if (schema is JsonObject o) o.Remove("additionalProperties");
        return schema;
    });
}
