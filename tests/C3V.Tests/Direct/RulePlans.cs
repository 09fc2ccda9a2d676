using C3V.Direct;

namespace C3V.Tests.Direct;

/// <summary>The embedded rules director as the parser tests use it: every plan it returns must pass the plan's own checks.</summary>
static class RulePlans
{
    static readonly RuleDirector Director = new();

    public static ScenePlan Valid(string prompt)
    {
        var plan = Director.Plan(prompt);
        Assert.Null(PlanJson.PlanProblem(plan));
        return plan;
    }
}
