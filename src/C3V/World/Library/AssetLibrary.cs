using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Common;

namespace C3V.World;

public enum AssetKind { Scene, Prop, Actor, Motion }

/// <summary>
/// One asset of the user's library: a file (relative to the library folder) with what it shows and how to
/// bring it into the project's frame (Y up, metres): its units, its up axis and an extra scale.
/// </summary>
public sealed record AssetEntry(string File, AssetKind Kind, string Description, IReadOnlyList<string> Tags,
    string Units = "metres", string UpAxis = "y", float Scale = 1)
{
    /// <summary>Metres per file unit times <see cref="Scale"/>.</summary>
    public float MetresPerUnit => Scale * AssetLibrary.UnitFactor(Units)!.Value;
    public string Id => File;
    /// <summary>Retrieval labels: the description and each tag.</summary>
    public IReadOnlyList<string> Labels => Tags.Prepend(Description).ToArray();
}

/// <summary>
/// The user's own assets, indexed by <c>library.json</c> in a folder: <c>{"version": 1, "entries": [{"file",
/// "kind" (scene|prop|actor|motion), "description", "tags", "units", "upAxis", "scale"}]}</c>. Loading checks
/// each entry on its own: a bad entry (missing file, unknown kind, bad scale…) is reported with its index and
/// the problem, and every valid entry is kept. Searched by meaning before the procedural generators.
/// </summary>
public sealed class AssetLibrary
{
    public const string ManifestName = "library.json";
    /// <summary>Cosine at or above which a library entry beats the procedural generators.</summary>
    public const float DefaultThreshold = 0.55f;

    static readonly string[] UpAxes = ["y", "z", "-y", "-z", "x", "-x"];

    public string Folder { get; }
    public IReadOnlyList<AssetEntry> Entries { get; }
    /// <summary>One line per rejected entry: "library.json: entry 3 (file.ply): problem".</summary>
    public IReadOnlyList<string> Problems { get; }

    AssetLibrary(string folder, IReadOnlyList<AssetEntry> entries, IReadOnlyList<string> problems)
    {
        Folder = folder; Entries = entries; Problems = problems;
    }

    public string PathOf(AssetEntry e) => System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, e.File));

    /// <summary>Metres per unit for a units name, or null when unknown.</summary>
    public static float? UnitFactor(string units) => units.Trim().ToLowerInvariant() switch
    {
        "m" or "metre" or "metres" or "meter" or "meters" => 1f,
        "cm" or "centimetre" or "centimetres" or "centimeter" or "centimeters" => 0.01f,
        "mm" or "millimetre" or "millimetres" or "millimeter" or "millimeters" => 0.001f,
        "ft" or "foot" or "feet" => 0.3048f,
        "in" or "inch" or "inches" => 0.0254f,
        _ => null,
    };

    /// <summary>Loads the library in <paramref name="folder"/>; a folder without a manifest is an empty library.</summary>
    public static AssetLibrary Load(string folder)
    {
        string manifest = System.IO.Path.Combine(folder, ManifestName);
        if (!Directory.Exists(folder)) throw new C3VException($"{folder}: library folder does not exist");
        if (!File.Exists(manifest)) return new AssetLibrary(folder, [], []);
        JsonNode? root;
        // Duplicate keys are refused here: JsonNode would otherwise throw on them at the first lookup.
        try { root = JsonNode.Parse(File.ReadAllText(manifest), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }); }
        catch (JsonException e) { throw new InvalidFileException(manifest, $"not valid JSON ({e.Message})"); }
        if (root is not JsonObject obj || obj["entries"] is not JsonArray list)
            throw new InvalidFileException(manifest, "expected an object with an \"entries\" list");
        var entries = new List<AssetEntry>();
        var problems = new List<string>();
        for (int i = 0; i < list.Count; i++)
        {
            try { entries.Add(ParseEntry(folder, list[i])); }
            catch (FormatException e)
            {
                string file = (list[i] as JsonObject)?["file"] is JsonValue v && v.TryGetValue<string>(out var f) ? $" ({f})" : "";
                problems.Add($"{manifest}: entry {i}{file}: {e.Message}");
            }
        }
        var dup = entries.GroupBy(e => e.File).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        foreach (var d in dup) problems.Add($"{manifest}: \"{d}\" is listed more than once; the first entry is used");
        return new AssetLibrary(folder, entries.DistinctBy(e => e.File).ToArray(), problems);
    }

    static AssetEntry ParseEntry(string folder, JsonNode? node)
    {
        if (node is not JsonObject o) throw new FormatException("expected an object");
        string Str(string name, bool required = true)
        {
            var n = o[name];
            if (n is null) return required ? throw new FormatException($"\"{name}\" is missing") : "";
            if (n is not JsonValue v || !v.TryGetValue<string>(out var s)) throw new FormatException($"\"{name}\" must be a string");
            if (required && string.IsNullOrWhiteSpace(s)) throw new FormatException($"\"{name}\" is empty");
            return s;
        }
        string file = Str("file");
        if (System.IO.Path.IsPathRooted(file) || file.Split('/', '\\').Contains(".."))
            throw new FormatException("\"file\" must be a path inside the library folder");
        if (!File.Exists(System.IO.Path.Combine(folder, file))) throw new FormatException($"file \"{file}\" does not exist");
        string kindText = Str("kind");
        if (!Enum.TryParse<AssetKind>(kindText, true, out var kind) || !Enum.IsDefined(kind) || kindText.Any(char.IsDigit))
            throw new FormatException($"\"kind\" must be scene, prop, actor or motion (got \"{kindText}\")");
        string description = Str("description");
        var tags = new List<string>();
        if (o["tags"] is JsonNode t)
        {
            if (t is not JsonArray arr) throw new FormatException("\"tags\" must be a list of strings");
            foreach (var x in arr)
                if (x is JsonValue xv && xv.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)) tags.Add(s);
                else throw new FormatException("\"tags\" must be a list of non-empty strings");
        }
        string units = o["units"] is null ? "metres" : Str("units");
        if (UnitFactor(units) is null) throw new FormatException($"\"units\" must be metres, centimetres, millimetres, feet or inches (got \"{units}\")");
        string up = o["upAxis"] is null ? "y" : Str("upAxis").Trim().ToLowerInvariant();
        if (!UpAxes.Contains(up)) throw new FormatException($"\"upAxis\" must be one of {string.Join(", ", UpAxes)} (got \"{up}\")");
        float scale = 1;
        if (o["scale"] is JsonNode sn)
        {
            // the scale is kept as a float: a double beyond float's range would become infinity there
            if (sn is not JsonValue sv || !sv.TryGetValue<double>(out var d) || !float.IsFinite((float)d) || (float)d <= 0)
                throw new FormatException("\"scale\" must be a positive number");
            scale = (float)d;
        }
        return new AssetEntry(file, kind, description, tags, units, up, scale);
    }

    /// <summary>Adds (or replaces, with <paramref name="replace"/>) an entry and rewrites the manifest atomically.</summary>
    public static AssetLibrary Add(string folder, AssetEntry entry, bool replace = false)
    {
        var lib = Load(folder);
        string manifest = System.IO.Path.Combine(folder, ManifestName);
        // Validate the new entry by the same rules as loading.
        var node = ToJson(entry);
        try { ParseEntry(folder, node); }
        catch (FormatException e) { throw new C3VException($"library add: {e.Message}"); }
        // The file is read as what it claims to be: an empty, garbage or unusable file is refused here.
        if (AssetCheck.Problem(System.IO.Path.Combine(folder, entry.File), entry.Kind) is { } problem)
            throw new C3VException($"library add: {entry.File} cannot be used as a {entry.Kind.ToString().ToLowerInvariant()}: {problem}");
        if (lib.Entries.Any(e => e.File == entry.File) && !replace)
            throw new C3VException($"{entry.File} is already in {manifest} (use --force to replace it)");
        // Keep the manifest's other entries exactly as written, valid or not, so nothing of the user's is lost.
        JsonArray list;
        if (File.Exists(manifest))
        {
            var root = (JsonObject)JsonNode.Parse(File.ReadAllText(manifest))!;
            list = (JsonArray)root["entries"]!;
            for (int i = list.Count - 1; i >= 0; i--)
                if ((list[i] as JsonObject)?["file"] is JsonValue v && v.TryGetValue<string>(out var f) && f == entry.File) list.RemoveAt(i);
        }
        else list = [];
        list.Add(node);
        var doc = new JsonObject { ["version"] = 1, ["entries"] = list.DeepClone() };
        AtomicFile.WriteAllText(manifest, doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return Load(folder);
    }

    static JsonObject ToJson(AssetEntry e) => new()
    {
        ["file"] = e.File,
        ["kind"] = e.Kind.ToString().ToLowerInvariant(),
        ["description"] = e.Description,
        ["tags"] = new JsonArray(e.Tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        ["units"] = e.Units,
        ["upAxis"] = e.UpAxis,
        ["scale"] = JsonValue.Create(double.Parse(e.Scale.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)),
    };

    /// <summary>Entries of <paramref name="kind"/> (all kinds when null) ranked by meaning against <paramref name="text"/>.</summary>
    public IReadOnlyList<(AssetEntry Entry, RetrievalCandidate Candidate)> Search(ITextEmbedder embedder, string text, AssetKind? kind = null, int top = 5)
    {
        var pool = Entries.Where(e => kind is null || e.Kind == kind).ToArray();
        if (pool.Length == 0) return [];
        var index = new ConceptIndex(embedder, pool.Select(e => new Concept(e.Id, e.Labels)));
        var byId = pool.ToDictionary(e => e.Id);
        return index.Search(text, top).Select(c => (byId[c.Id], c)).ToArray();
    }
}
