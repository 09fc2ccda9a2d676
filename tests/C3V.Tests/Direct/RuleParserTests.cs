using C3V.Direct;
using Xunit.Abstractions;

namespace C3V.Tests.Direct;

public class RuleParserTests(ITestOutputHelper output)
{
    static PromptSet Load(string name) => PromptSet.Load(Path.Combine(SharedData.RepoRoot, "docs", "director", name));

    /// <summary>The share of a published prompt set the rule parser gets fully right (no embedder).</summary>
    [Theory]
    [InlineData("prompt-set.json", 40, 0.95)]
    [InlineData("held-out-set.json", 12, 0.8)]
    public void Prompt_set_is_parsed_fully_correctly_above_the_floor(string file, int minimumSize, double floor)
    {
        var set = Load(file);
        Assert.True(set.Items.Count >= minimumSize);
        int correct = 0;
        foreach (var (prompt, expected) in set.Items)
        {
            var plan = RulePlans.Valid(prompt);
            var diffs = PromptSet.Differences(plan, expected);
            if (diffs.Count == 0) correct++;
            else output.WriteLine($"✗ {prompt}\n    " + string.Join("\n    ", diffs));
        }
        double share = correct / (double)set.Items.Count;
        output.WriteLine($"fully correct: {correct}/{set.Items.Count} = {share:P0}");
        Assert.True(share >= floor, $"only {correct}/{set.Items.Count} prompts parsed fully correctly");
    }

    [Theory]
    [InlineData("a man runs from the car to the house, then a woman waves at him", "woman", "man", false)]
    [InlineData("a robot talks to a woman in a kitchen", "robot", "woman", false)]
    [InlineData("a girl points at the dog in a park", "girl", "dog", false)]
    public void An_action_aimed_at_another_actor_names_it_as_the_target(string prompt, string actor, string target, bool travels)
    {
        var plan = new RuleDirector().Plan(prompt);
        var a = plan.FindActor(actor)!;
        Assert.Equal(target, a.Target);
        Assert.Equal(target, a.FacingTarget);
        Assert.Equal(travels, a.Motion.Travels);
        Assert.Null(a.Start?.Actor); // aiming at someone says nothing of where one stands
        Assert.Null(PlanJson.PlanProblem(plan));
    }

    [Fact]
    public void Walking_to_another_actor_faces_it_on_arrival()
    {
        var plan = new RuleDirector().Plan("a man walks towards the woman on a beach");
        var man = plan.FindActor("man")!;
        Assert.Null(man.Target);
        Assert.Equal("woman", man.End?.Actor);
        Assert.Equal("woman", man.FacingTarget);
    }
}
