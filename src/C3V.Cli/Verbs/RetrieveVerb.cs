using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using C3V.Common;
using C3V.Models.Embeddings;
using C3V.World;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Ranks motions, scene archetypes and avatar kinds by how close their labels are to a text.</summary>
[Verb("retrieve", "Rank motions, scenes or actors by meaning (MiniLM sentence embeddings, offline)",
    Examples = ["retrieve \"strolls along the beach\" --kind motion", "retrieve \"a wooden hut in a field\" --kind scene --json"])]
public sealed class RetrieveVerb : Command<RetrieveVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<TEXT>")]
        public string Text { get; init; } = "";

        [CommandOption("--kind <KIND>")]
        [Description("motion, scene or actor (default: all three)")]
        public string? Kind { get; init; }

        [CommandOption("--top <N>")]
        [Bounds(1, 1000)]
        [Description("How many candidates to show (default 5)")]
        public int Top { get; init; } = 5;

        [CommandOption("--json")]
        [Description("Print a JSON object whose \"candidates\" list is ranked best first")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(settings.Text)) throw new C3VException("retrieve: the text is empty");
        ConceptKind[] kinds = settings.Kind is null ? [ConceptKind.Motion, ConceptKind.Scene, ConceptKind.Actor] : [ConceptCatalog.ParseKind(settings.Kind)];
        var embedder = new CachedTextEmbedder(MiniLmEmbedder.Shared);
        var query = embedder.Embed([settings.Text])[0];
        var ranked = kinds
            .SelectMany(k => new ConceptIndex(embedder, ConceptCatalog.Of(k)).Search(query, settings.Top).Select(c => (Kind: k, Candidate: c)))
            .OrderByDescending(x => x.Candidate.Score).Take(settings.Top).ToArray();
        if (settings.Json)
        {
            var doc = new
            {
                query = settings.Text,
                kind = settings.Kind is null ? "all" : kinds[0].ToString().ToLowerInvariant(),
                model = embedder.ModelName,
                candidates = ranked.Select(x => new
                {
                    id = x.Candidate.Id,
                    kind = x.Kind.ToString().ToLowerInvariant(),
                    score = Math.Round(x.Candidate.Score, 4),
                    matchedLabel = x.Candidate.BestLabel,
                    labels = x.Candidate.Labels,
                }),
            };
            Console.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }
        Console.WriteLine($"{"score",6}  {"kind",-7} {"id",-18} matched label");
        foreach (var (k, c) in ranked)
            Console.WriteLine($"{c.Score.ToString("F3", CultureInfo.InvariantCulture),6}  {k.ToString().ToLowerInvariant(),-7} {c.Id,-18} \"{c.BestLabel}\"");
        return 0;
    }
}
