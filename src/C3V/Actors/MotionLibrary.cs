using System.Text.Json;
using C3V.Common;

namespace C3V.Actors;

/// <summary>
/// A set of labelled clips: the embedded procedural ones, and/or a folder of BVH files. A BVH clip's labels are
/// its file name (underscores as spaces), the lines of a sidecar <c>NAME.txt</c>, and the <c>labels</c> and
/// <c>description</c> of its entry in a folder-level <c>labels.json</c> (a list of {file, labels, description}).
/// </summary>
public sealed class MotionLibrary
{
    public IReadOnlyList<MotionClip> Clips { get; }

    public MotionLibrary(IReadOnlyList<MotionClip> clips) => Clips = clips;

    public static MotionLibrary Procedural() => new(ProceduralMotions.All);

    public MotionClip? Find(string name) => Clips.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Keyword lookup (no embeddings): the clip whose name or a label equals <paramref name="text"/>, else the
    /// one with the longest label contained in the text as whole words ("she dances happily" → "dance" does
    /// not match "dances", but "dancing" or "dance" do). Ranked retrieval by meaning is the World stage's job.
    /// </summary>
    public MotionClip? FindByLabel(string text)
    {
        string t = " " + string.Join(' ', text.ToLowerInvariant().Split((char[])[' ', ',', '.', '!', '?', '-'], StringSplitOptions.RemoveEmptyEntries)) + " ";
        var exact = Clips.FirstOrDefault(c => c.Name.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)
            || c.Labels.Any(l => l.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)));
        if (exact is not null) return exact;
        return Clips.Select(c => (Clip: c, Best: c.Labels.Prepend(c.Name).Where(l => t.Contains(" " + l.ToLowerInvariant() + " ")).Select(l => l.Length).DefaultIfEmpty(0).Max()))
            .Where(x => x.Best > 0).OrderByDescending(x => x.Best).Select(x => x.Clip).FirstOrDefault();
    }

    /// <summary>Reads every <c>*.bvh</c> in <paramref name="folder"/> (sorted by name), retargeted onto the 22 joints.</summary>
    public static MotionLibrary FromBvhFolder(string folder, RetargetOptions? options = null)
    {
        if (!Directory.Exists(folder)) throw new C3VException($"{folder}: motion folder not found");
        var files = Directory.GetFiles(folder, "*.bvh").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new C3VException($"{folder}: no .bvh files");
        var index = ReadIndex(Path.Combine(folder, "labels.json"));
        var clips = new MotionClip[files.Length];
        Parallel.For(0, files.Length, i => clips[i] = LoadClip(files[i], index, options));
        return new MotionLibrary(clips);
    }

    /// <summary>One BVH file as a labelled clip (sidecar labels as described on the class).</summary>
    public static MotionClip LoadClip(string file, RetargetOptions? options = null) =>
        LoadClip(file, ReadIndex(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "labels.json")), options);

    static MotionClip LoadClip(string file, IReadOnlyDictionary<string, string[]> index, RetargetOptions? options)
    {
        string name = Path.GetFileNameWithoutExtension(file);
        var labels = new List<string> { name.Replace('_', ' ') };
        if (index.TryGetValue(Path.GetFileName(file), out var fromIndex)) labels.AddRange(fromIndex);
        string sidecar = Path.ChangeExtension(file, ".txt");
        if (File.Exists(sidecar)) labels.AddRange(File.ReadAllLines(sidecar).Select(l => l.Trim()).Where(l => l.Length > 0));
        return Retargeter.ToClip(BvhReader.Read(file), name, labels.Distinct().ToArray(), options);
    }

    static IReadOnlyDictionary<string, string[]> ReadIndex(string path)
    {
        var d = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return d;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidFileException(path, "expected a JSON list of {file, labels}");
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("file", out var f) || f.ValueKind != JsonValueKind.String) continue;
                var labels = new List<string>();
                if (e.TryGetProperty("description", out var desc) && desc.ValueKind == JsonValueKind.String) labels.Add(desc.GetString()!);
                if (e.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Array)
                    labels.AddRange(l.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
                d[f.GetString()!] = labels.ToArray();
            }
        }
        catch (JsonException e) { throw new InvalidFileException(path, $"not valid JSON ({e.Message})"); }
        return d;
    }
}
