using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Common;

namespace C3V.Eval;

/// <summary>One category's figures: prompts, fully right prompts, checks passed.</summary>
public sealed record CategoryScore(string Category, int Prompts, int FullyRight, int Checks, int ChecksPassed)
{
    public double Share => Prompts == 0 ? 0 : FullyRight / (double)Prompts;
    public double CheckShare => Checks == 0 ? 0 : ChecksPassed / (double)Checks;
}

/// <summary>The result of scoring a prompt set: every prompt's checks, and the figures by category and in total.</summary>
public sealed record EvalReport
{
    public const string Format = "c3v-eval-report";

    public required string PromptFile { get; init; }
    public required string Director { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required EvalGeneration Generation { get; init; }
    public required IReadOnlyList<PromptScore> Prompts { get; init; }
    public double Seconds { get; init; }
    public string? Commit { get; init; }

    /// <summary>Per category in the order the prompts first name them, then the total (category "total").</summary>
    public IReadOnlyList<CategoryScore> ByCategory()
    {
        var rows = Prompts.GroupBy(p => p.Category).Select(Row).ToList();
        rows.Add(Row(Prompts.GroupBy(_ => "total").Single()));
        return rows;

        static CategoryScore Row(IGrouping<string, PromptScore> g) => new(g.Key, g.Count(), g.Count(p => p.Passed),
            g.Sum(p => p.Checks.Count), g.Sum(p => p.Error is null ? p.Checks.Count(c => c.Passed) : 0));
    }

    public JsonObject ToJsonNode()
    {
        var categories = new JsonArray();
        foreach (var c in ByCategory())
            categories.Add(new JsonObject
            {
                ["category"] = c.Category, ["prompts"] = c.Prompts, ["fullyRight"] = c.FullyRight, ["share"] = Math.Round(c.Share, 4),
                ["checks"] = c.Checks, ["checksPassed"] = c.ChecksPassed, ["checkShare"] = Math.Round(c.CheckShare, 4),
            });
        var prompts = new JsonArray();
        foreach (var p in Prompts)
        {
            var checks = new JsonArray();
            foreach (var c in p.Checks) checks.Add(new JsonObject { ["check"] = c.Name, ["passed"] = c.Passed && p.Error is null, ["detail"] = c.Detail });
            var o = new JsonObject { ["id"] = p.Id, ["category"] = p.Category, ["prompt"] = p.Prompt, ["passed"] = p.Passed, ["checks"] = checks };
            if (p.Error is not null) o["error"] = p.Error;
            if (p.Project is not null) o["project"] = p.Project;
            prompts.Add(o);
        }
        var root = new JsonObject
        {
            ["format"] = Format, ["version"] = 1, ["promptFile"] = PromptFile, ["director"] = Director,
            ["size"] = $"{Width}x{Height}",
            ["generation"] = new JsonObject
            {
                ["durationSeconds"] = Generation.DurationSeconds, ["fps"] = Generation.Fps, ["quality"] = Generation.Quality, ["seed"] = Generation.Seed,
            },
            ["seconds"] = Math.Round(Seconds, 1), ["categories"] = categories, ["prompts"] = prompts,
        };
        if (Commit is not null) root["commit"] = Commit;
        return root;
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, ToJsonNode().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}
