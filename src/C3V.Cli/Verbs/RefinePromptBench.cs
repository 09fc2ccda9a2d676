using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Common;
using C3V.Compose;
using C3V.Pipeline;
using C3V.Projects;

namespace C3V.Cli.Verbs;

/// <summary>
/// `bench refine --prompts FILE`: refinement on real prompts. Each prompt goes through the real pipeline
/// (<see cref="Generator"/>: the rule director's plan and placement, the procedural scene, generated avatars,
/// lifting and refinement with the generator's own options) into a scratch project, stopped when rendering
/// starts; the project's <c>refinement</c> reports give each actor's terms before and after.
/// </summary>
static class RefinePromptBench
{
    /// <summary>Cancels the run when the render stage starts: everything refinement produced is saved by then.</summary>
    sealed class StopAtRender(CancellationTokenSource stop) : IPipelineObserver
    {
        public void Started(string stage, string detail) { if (stage == "render") stop.Cancel(); }
        public void Progress(string stage, int done, int total) { }
        public void Finished(string stage, string summary, bool reused) { }
        public void Warning(string message) { }
    }

    sealed record Row(int Index, string Prompt, string Actor, JsonNode Report);

    /// <summary>The prompts of a prompt-set file: a JSON array of objects with a "prompt" string (docs/director/prompt-set.json).</summary>
    public static IReadOnlyList<string> ReadPrompts(string file)
    {
        if (!File.Exists(file)) throw new C3VException($"--prompts: {file}: no such file");
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(file)); }
        catch (JsonException e) { throw new InvalidFileException(file, $"not JSON ({e.Message})"); }
        if (root is not JsonArray items) throw new InvalidFileException(file, "$: expected an array of {\"prompt\": …} objects");
        var prompts = new List<string>();
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject o || o["prompt"] is not JsonValue v || !v.TryGetValue(out string? p) || string.IsNullOrWhiteSpace(p))
                throw new InvalidFileException(file, $"$[{i}].prompt: expected a non-empty string");
            prompts.Add(p);
        }
        if (prompts.Count == 0) throw new InvalidFileException(file, "$: no prompts");
        return prompts;
    }

    public static int Run(string file, int? limit, GenerationSettings settings, string? keep, bool json, CancellationToken cancellation)
    {
        var prompts = ReadPrompts(file);
        if (limit is { } n) prompts = prompts.Take(n).ToList();
        var root = keep ?? Directory.CreateTempSubdirectory("c3v-refine-prompts-").FullName;
        if (keep is not null) Directory.CreateDirectory(keep);
        var rows = new List<Row>();
        var failures = new List<string>();
        var sw = Stopwatch.StartNew();
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        try
        {
            for (int i = 0; i < prompts.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                var dir = Path.Combine(root, $"prompt-{i + 1:D2}");
                if (Directory.Exists(dir)) throw new C3VException($"--out: {dir} already exists; give an empty folder");
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                var generator = PipelineFactory.Generator("rules", new StopAtRender(stop), verbose: false);
                try { generator.GenerateAsync(new GenerateRequest(prompts[i], dir, false, settings), stop.Token).GetAwaiter().GetResult(); }
                catch (RenderInterruptedException) when (!cancellation.IsCancellationRequested) { }
                catch (C3VException e)
                {
                    failures.Add($"prompt {i + 1} \"{prompts[i]}\": {e.Message}");
                    continue;
                }
                var project = ProjectFolder.Open(dir).Load();
                foreach (var (actor, report) in project.Refinement) rows.Add(new Row(i + 1, prompts[i], actor, report));
                if (!json) Console.Error.Write($"\rrefined {i + 1}/{prompts.Count} prompts");
            }
        }
        finally
        {
            if (keep is null) Directory.Delete(root, recursive: true);
        }
        if (!json) Console.Error.WriteLine();
        process.Refresh();
        double wall = sw.Elapsed.TotalSeconds, cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var terms = rows.SelectMany(r => r.Report["terms"]!.AsObject().Select(t => t.Key)).Distinct().ToList();
        var summary = Summarise(rows, terms);
        if (json)
        {
            var output = new JsonObject
            {
                ["file"] = file, ["prompts"] = prompts.Count, ["actors"] = rows.Count, ["quality"] = settings.Quality,
                ["size"] = $"{settings.Width}x{settings.Height}", ["seconds"] = Math.Round(wall, 1), ["cpuSeconds"] = Math.Round(cpu, 1),
                ["summary"] = summary,
                ["rows"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject { ["prompt"] = r.Index, ["text"] = r.Prompt, ["refinement"] = r.Report.DeepClone() }).ToArray()),
                ["failures"] = new JsonArray(failures.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()),
            };
            Console.WriteLine(output.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        Console.WriteLine($"refinement on {prompts.Count} prompts of {file} ({rows.Count} actors), {settings.Width}×{settings.Height}, quality {settings.Quality}: {wall:0} s wall, {cpu:0} s CPU (whole pipeline up to rendering)");
        Console.WriteLine();
        Console.WriteLine("| # | actor | total | " + string.Join(" | ", terms) + " | iterations (best) | seconds |");
        Console.WriteLine("|---|---|---|" + string.Concat(terms.Select(_ => "---|")) + "---|---|");
        foreach (var r in rows)
        {
            var t = r.Report["terms"]!.AsObject();
            Console.WriteLine($"| {r.Index} | {r.Actor} | {Pair(r.Report["total"]!)} | " + string.Join(" | ", terms.Select(k => t[k] is { } x ? Pair(x) : "")) +
                $" | {r.Report["iterations"]} ({r.Report["bestIteration"]}) | {r.Report["seconds"]} |");
        }
        Console.WriteLine();
        Console.WriteLine("| term | sum before | sum after | change | actors better / same / worse |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, node) in summary)
            Console.WriteLine($"| {name} | {(double)node!["initial"]!:0.0000} | {(double)node["final"]!:0.0000} | {(double)node["change"]!:+0.0%;-0.0%;0%} | {node["better"]} / {node["same"]} / {node["worse"]} |");
        foreach (var f in failures) Console.WriteLine($"failed: {f}");
        return 0;
    }

    static string Pair(JsonNode n) => $"{(double)n["initial"]!:0.0000} → {(double)n["final"]!:0.0000}";

    /// <summary>Per term (and the weighted total): sums over all actors before and after, and how many actors got better, stayed, got worse.</summary>
    static JsonObject Summarise(IReadOnlyList<Row> rows, IReadOnlyList<string> terms)
    {
        var summary = new JsonObject();
        foreach (var name in terms.Prepend("total"))
        {
            double before = 0, after = 0;
            int better = 0, same = 0, worse = 0;
            foreach (var r in rows)
            {
                var node = name == "total" ? r.Report["total"] : r.Report["terms"]![name];
                if (node is null) continue;
                double i = (double)node["initial"]!, f = (double)node["final"]!;
                before += i; after += f;
                // a change under a millionth (or 0.1 %) is the same
                if (Math.Abs(f - i) <= Math.Max(1e-6, 1e-3 * Math.Abs(i))) same++;
                else if (f < i) better++;
                else worse++;
            }
            summary[name] = new JsonObject
            {
                ["initial"] = before, ["final"] = after, ["change"] = before > 0 ? (after - before) / before : 0,
                ["better"] = better, ["same"] = same, ["worse"] = worse,
            };
        }
        return summary;
    }
}
