using System.Text.Json;
using C3V.CameraPaths;
using C3V.Common;
using C3V.Pipeline;
using C3V.Projects;

namespace C3V.Batch;

/// <summary>A line of the batch file that could not become a job, and why (1-based line number).</summary>
public sealed record LineProblem(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>The jobs a batch file asks for, and the lines that were refused.</summary>
public sealed record PromptFileResult(IReadOnlyList<BatchJob> Jobs, IReadOnlyList<LineProblem> Problems);

/// <summary>
/// Reads a batch file: one prompt a line (plain text), or a JSON object a line (JSONL) holding the prompt and any
/// generate option for that line alone. Both may be mixed; blank lines and lines starting with '#' are skipped.
/// A bad line is reported with its number and the rest still run.
/// </summary>
public static class PromptFile
{
    /// <summary>The per-line options a JSONL line may set (besides "prompt").</summary>
    public static readonly IReadOnlyList<string> Options = ["seed", "size", "duration", "fps", "camera", "quality", "format", "llm", "library"];

    /// <summary>The cameras --vary-camera cycles through, one per variant.</summary>
    static readonly string[] Cameras = ["static", "orbit", "dolly", "follow", "crane"];

    /// <param name="defaults">The batch-wide settings a line starts from.</param>
    /// <param name="variants">Jobs per line: variant k uses seed + k (and, with <paramref name="varyCamera"/>, the k-th camera path).</param>
    public static PromptFileResult Read(string path, GenerationSettings defaults, int variants = 1, bool varyCamera = false)
    {
        path = UserPath.ExistingFile(path, "the prompt file");
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new C3VException($"{path}: cannot be read ({e.Message})"); }
        return Parse(lines, Path.GetDirectoryName(Path.GetFullPath(path))!, defaults, variants, varyCamera);
    }

    /// <param name="baseDir">Relative "library" paths of a line are taken from here (the prompt file's folder).</param>
    public static PromptFileResult Parse(IReadOnlyList<string> lines, string baseDir, GenerationSettings defaults, int variants = 1, bool varyCamera = false)
    {
        if (variants is < 1 or > 1000) throw new C3VException($"--variants: {variants} is outside 1..1000");
        var jobs = new List<BatchJob>();
        var problems = new List<LineProblem>();
        var seen = new Dictionary<string, int>();
        for (int i = 0; i < lines.Count; i++)
        {
            int number = i + 1;
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            try
            {
                var (prompt, settings) = text.StartsWith('{') ? ParseJson(text, baseDir, defaults) : (text, defaults);
                for (int k = 0; k < variants; k++)
                {
                    var s = settings with { Seed = settings.Seed + k };
                    if (varyCamera) s = s with { Camera = Cameras[k % Cameras.Length] };
                    s = Generator.Check(s);
                    var id = BatchJob.MakeId(prompt, s, k);
                    if (seen.TryGetValue(id, out int first))
                    {
                        problems.Add(new LineProblem(number, $"the same prompt and options as line {first}; skipped"));
                        break;
                    }
                    seen[id] = number;
                    jobs.Add(new BatchJob(id, number, k, prompt, s));
                }
            }
            catch (C3VException e)
            {
                // Generator.Check names command-line options ("--fps: …"); on a line they are keys.
                problems.Add(new LineProblem(number, e.Message.StartsWith("--", StringComparison.Ordinal) ? e.Message[2..] : e.Message));
            }
        }
        return new PromptFileResult(jobs, problems);
    }

    static (string Prompt, GenerationSettings Settings) ParseJson(string text, string baseDir, GenerationSettings s)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text); }
        catch (JsonException e) { throw new C3VException($"not valid JSON ({FirstSentence(e.Message)})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new C3VException("expected a JSON object with a \"prompt\"");
            string? prompt = null;
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var v = p.Value;
                switch (p.Name)
                {
                    case "prompt": prompt = Str(v, "prompt"); break;
                    case "seed": s = s with { Seed = Int(v, "seed") }; break;
                    case "fps": s = s with { Fps = Int(v, "fps") }; break;
                    case "duration":
                        s = s with { DurationSeconds = v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw new C3VException("duration: expected a number of seconds") };
                        break;
                    case "size":
                        var (w, h) = FrameSize.Parse(Str(v, "size"), "size");
                        s = s with { Width = w, Height = h };
                        break;
                    case "camera": s = s with { Camera = CameraPath.Name(CameraPath.Parse(Str(v, "camera"))) }; break;
                    case "quality": s = s with { Quality = Str(v, "quality").Trim().ToLowerInvariant() }; break;
                    case "format": s = s with { Format = Str(v, "format").Trim().ToLowerInvariant() }; break;
                    case "llm": s = s with { Llm = Str(v, "llm").Trim() }; break;
                    case "library": s = s with { Library = Path.GetFullPath(Path.Combine(baseDir, Str(v, "library"))) }; break;
                    default: throw new C3VException($"unknown option \"{p.Name}\" (a line may set prompt, {string.Join(", ", Options)})");
                }
            }
            if (string.IsNullOrWhiteSpace(prompt)) throw new C3VException("no \"prompt\" (each JSON line needs one, e.g. {\"prompt\": \"a robot dances\"})");
            return (prompt.Trim(), s);
        }
    }

    static string Str(JsonElement v, string key) =>
        v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new C3VException($"{key}: expected a string, got {v.ValueKind.ToString().ToLowerInvariant()}");

    static int Int(JsonElement v, string key) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) ? n : throw new C3VException($"{key}: expected a whole number, got {v.GetRawText()}");

    static string FirstSentence(string message) => message.Split(". ", 2)[0];
}
