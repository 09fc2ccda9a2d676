using System.Text.Json.Nodes;

namespace C3V.Eval;

/// <summary>
/// One geometric check of a prompt's expectations: its name, the actors it is about (references: words all of
/// which must be in an actor's description), and its parameters. The checks themselves are in
/// <see cref="GeometryChecks"/>; docs/eval/README.md defines each.
/// </summary>
public sealed record RelationCheck
{
    public required string Name { get; init; }
    public required string A { get; init; }
    public string? B { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public int? N { get; init; }
    public bool AtLeast { get; init; }
    /// <summary>A one-actor check passes when at least one actor the reference names passes (default: every one).</summary>
    public bool Any { get; init; }
    /// <summary>"most" (default: at least two thirds of the frames) or "end" (the last frame).</summary>
    public string When { get; init; } = "most";
    /// <summary>For acts_before on one actor: words of its earlier and its later motion.</summary>
    public string? First { get; init; }
    public string? Then { get; init; }
    /// <summary>For slower_than: the speed limit in m/s.</summary>
    public double? Speed { get; init; }

    /// <summary>The checks, whether each relates two actors, and the parameters each accepts.</summary>
    public static readonly IReadOnlyDictionary<string, (bool Pair, string[] Params)> Known = new Dictionary<string, (bool, string[])>
    {
        ["left_of"] = (true, []), ["right_of"] = (true, []), ["nearer_camera"] = (true, []),
        ["side_by_side"] = (true, []), ["follows"] = (true, []),
        ["faces"] = (true, ["when"]), ["faces_each_other"] = (true, ["when"]),
        ["distance_between"] = (true, ["min", "max", "when"]), ["approaches"] = (true, []),
        ["starts_moving_after"] = (true, []), ["faster"] = (true, []),
        ["acts_before"] = (false, ["first", "then"]), // with b: two actors; with first/then: one actor's two motions
        ["travels"] = (false, ["min", "any"]), ["stays"] = (false, ["max", "any"]),
        ["moves_left"] = (false, ["any"]), ["moves_right"] = (false, ["any"]),
        ["approaches_camera"] = (false, ["any"]), ["moves_away_from_camera"] = (false, ["any"]),
        ["jumps"] = (false, ["n", "at_least"]), ["slower_than"] = (false, ["speed", "any"]),
        ["in_a_row"] = (false, []),
    };

    internal static RelationCheck Parse(Fields f, JsonNode? node, string at)
    {
        var o = f.Obj(node, at);
        string name = f.Str(o, "check", at);
        if (!Known.TryGetValue(name, out var spec))
            throw f.Fail(at + ".check", $"'{name}' is not a known check ({string.Join(", ", Known.Keys)})");
        string[] fields = ["check", "a", .. spec.Params];
        if (spec.Pair || name == "acts_before") fields = [.. fields, "b"];
        f.Only(o, at, fields);
        var check = new RelationCheck
        {
            Name = name,
            A = f.Str(o, "a", at),
            B = o["b"] is null ? null : f.Str(o, "b", at),
            Min = o["min"] is null ? null : f.Range(o, "min", at, 0, 1000),
            Max = o["max"] is null ? null : f.Range(o, "max", at, 0, 1000),
            N = o["n"] is null ? null : (int)f.Range(o, "n", at, 0, 100, whole: true),
            AtLeast = o["at_least"] is not null && f.Bool(o, "at_least", at),
            Any = o["any"] is not null && f.Bool(o, "any", at),
            When = o["when"] is null ? "most" : f.OneOf(o, "when", at, "most", "end"),
            First = o["first"] is null ? null : f.Str(o, "first", at),
            Then = o["then"] is null ? null : f.Str(o, "then", at),
            Speed = o["speed"] is null ? null : f.Range(o, "speed", at, 0, 100),
        };
        if (spec.Pair && check.B is null) throw f.Fail(at + ".b", $"missing: {name} relates two actors (a and b)");
        if (name == "acts_before" && (check.B is null) == (check.First is null || check.Then is null))
            throw f.Fail(at, "acts_before needs either b (another actor) or first and then (two motions of actor a)");
        if (name == "jumps" && check.N is null) throw f.Fail(at + ".n", "missing: how many jumps");
        if (name == "slower_than" && check.Speed is null) throw f.Fail(at + ".speed", "missing: the speed limit in m/s");
        if (name == "distance_between" && check.Min is null && check.Max is null) throw f.Fail(at, "distance_between needs min, max or both (metres)");
        if (check.Min is { } lo && check.Max is { } hi && lo > hi) throw f.Fail(at, $"min {lo} is above max {hi}");
        return check;
    }

    public override string ToString() =>
        Name + "(" + A + (B is null ? "" : ", " + B) + (First is null ? "" : $", {First} → {Then}") + (N is { } n ? $", {(AtLeast ? "≥" : "")}{n}" : "")
        + (Min is { } lo ? $", ≥{lo}" : "") + (Max is { } hi ? $", ≤{hi}" : "") + (Speed is { } s ? $", <{s} m/s" : "") + (When == "end" ? ", at the end" : "") + ")";
}
