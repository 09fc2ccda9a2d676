using C3V.Direct.Rules;
using C3V.World;

namespace C3V.Direct;

/// <summary>
/// The embedded director (no model): the deterministic English parser for plans and the geometric planner
/// for placements. An embedder (MiniLM) helps it classify words its lists do not hold; without one it still
/// works, a little less well.
/// </summary>
public sealed class RuleDirector : IDirector
{
    readonly PromptParser parser;
    readonly GeometricPlanner planner = new();

    public RuleDirector(ITextEmbedder? embedder = null) => parser = new PromptParser(new PhraseClassifier(embedder));

    public string Name => "rules";

    /// <summary>The plan, synchronously (the parser does no I/O).</summary>
    public ScenePlan Plan(string prompt) => parser.Parse(prompt);

    public Task<ScenePlan> PlanAsync(string prompt, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult(Plan(prompt));
    }

    public Task<Placement> PlaceAsync(PlacementRequest request, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult(planner.Place(request));
    }

    /// <summary>The planner used for each step, exposed so chat directors can fall back to it step by step.</summary>
    public GeometricPlanner Planner => planner;
}
