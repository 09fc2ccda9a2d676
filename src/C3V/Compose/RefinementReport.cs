using System.Text.Json.Nodes;

namespace C3V.Compose;

/// <summary>One loss term of refinement: its weight and its (unweighted) value at the start and at the kept iterate.</summary>
public sealed record LossTerm(string Name, float Weight, float Initial, float Final);

/// <summary>
/// What refinement did to one actor: each loss term's initial and final value, the weighted total's initial
/// and final value, the iterations run, the iterate kept and the time taken. Stored in project.json under
/// <c>refinement</c>.
/// </summary>
public sealed record RefinementReport(
    string ActorId,
    IReadOnlyList<LossTerm> Terms,
    float TotalInitial,
    float TotalFinal,
    int Iterations,
    int BestIteration,
    double Seconds,
    float ScaleInitial,
    float ScaleFinal,
    float MaxWaypointShift)
{
    public LossTerm Term(string name) => Terms.First(t => t.Name == name);

    public JsonObject ToJsonNode()
    {
        var terms = new JsonObject();
        foreach (var t in Terms)
            terms[t.Name] = new JsonObject { ["weight"] = t.Weight, ["initial"] = t.Initial, ["final"] = t.Final };
        return new JsonObject
        {
            ["actor"] = ActorId,
            ["terms"] = terms,
            ["total"] = new JsonObject { ["initial"] = TotalInitial, ["final"] = TotalFinal },
            ["iterations"] = Iterations,
            ["bestIteration"] = BestIteration,
            ["seconds"] = Math.Round(Seconds, 3),
            ["scale"] = new JsonObject { ["initial"] = ScaleInitial, ["final"] = ScaleFinal },
            ["maxWaypointShift"] = MaxWaypointShift,
        };
    }
}
