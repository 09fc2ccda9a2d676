using C3V.Annotations;

namespace C3V.Eval;

/// <summary>One scored expectation.</summary>
public sealed record CheckResult(string Name, bool Passed, string Detail);

/// <summary>A prompt's checks; <see cref="Error"/> when its video could not be made (every check then fails).</summary>
public sealed record PromptScore(string Id, string Category, string Prompt, IReadOnlyList<CheckResult> Checks, string? Error = null, string? Project = null)
{
    /// <summary>Fully right: made, and every check passed.</summary>
    public bool Passed => Error is null && Checks.All(c => c.Passed);
}

/// <summary>
/// Scores a prompt's expectations against its video's annotations: actor count and kinds, scene label words,
/// described actors, counts, motion words per actor, then each relation check (<see cref="GeometryChecks"/>).
/// </summary>
public static class Scorer
{
    public static PromptScore Score(EvalPrompt prompt, VideoAnnotations ann, string? project = null)
    {
        var e = prompt.Expect;
        var results = new List<CheckResult>();
        void Add(string name, bool ok, string detail) => results.Add(new CheckResult(name, ok, detail));

        if (e.Actors is { } n) Add($"actors = {n}", ann.Actors.Count == n, $"{ann.Actors.Count}: {string.Join(", ", ann.Actors.Select(a => a.Id))}");
        if (e.Kinds is { } kinds)
        {
            string want = string.Join(", ", kinds.Select(AnnotationJson.KindName).Order());
            string got = string.Join(", ", ann.Actors.Select(a => AnnotationJson.KindName(a.Kind)).Order());
            Add($"kinds [{want}]", want == got, got);
        }
        if (e.Scene is { } sceneWords) Add($"scene ~ {string.Join("|", sceneWords)}", ActorWords.AnyWord(sceneWords, ann.Scene.Label), $"label '{ann.Scene.Label}'");
        var described = ActorWords.Assign(ann, e.Described);
        for (int i = 0; i < e.Described.Count; i++)
            Add($"actor '{e.Described[i]}'", described[i] is not null, described[i] is { } d ? $"{d.Id}: {d.Description}" : "no actor so described");
        foreach (var (reference, count) in e.Counts)
        {
            int got = ActorWords.Named(ann, reference).Count;
            Add($"count '{reference}' = {count}", got == count, $"{got}");
        }
        foreach (var (reference, words) in e.Motions)
        {
            var named = ActorWords.Named(ann, reference);
            bool ok = named.Count > 0 && named.All(a => ActorWords.AnyWord(words, ActorWords.MotionText(a)));
            Add($"motion '{reference}' ~ {string.Join("|", words)}", ok,
                named.Count == 0 ? "no such actor" : string.Join("; ", named.Select(a => $"{a.Id}: {ActorWords.MotionText(a)}")));
        }
        var views = ann.Actors.ToDictionary(a => a, a => new ActorTrackView(ann, a));
        foreach (var check in e.Checks)
        {
            var (ok, detail) = Relation(check, ann, views);
            Add(check.ToString(), ok, detail);
        }
        return new PromptScore(prompt.Id, prompt.Category, prompt.Prompt, results, Project: project);
    }

    static Outcome Relation(RelationCheck c, VideoAnnotations ann, IReadOnlyDictionary<ActorAnnotation, ActorTrackView> views)
    {
        var a = ActorWords.Named(ann, c.A).Select(x => views[x]).ToList();
        if (a.Count == 0) return new(false, $"no actor '{c.A}'");
        if (c.Name == "in_a_row") return GeometryChecks.InARow(a);
        if (c.B is null)
        {
            // one-actor checks: every actor the reference names (or, with any, one of them) must pass
            var each = a.Select(t => (t.Actor.Id, One(c, t, ann.Width))).ToList();
            bool ok = c.Any ? each.Any(x => x.Item2.Passed) : each.All(x => x.Item2.Passed);
            return new(ok, string.Join("; ", each.Select(x => $"{x.Id}: {x.Item2.Detail}")));
        }
        var b = ActorWords.Named(ann, c.B).Select(x => views[x]).ToList();
        if (b.Count == 0) return new(false, $"no actor '{c.B}'");
        if (c.A == c.B)
        {
            // "two fencers … each other": the first two actors so named, in either order
            if (a.Count < 2) return new(false, $"only one actor '{c.A}'");
            var ab = Pair(c, a[0], a[1], ann.Width);
            if (ab.Passed) return ab with { Detail = $"{a[0].Actor.Id}, {a[1].Actor.Id}: {ab.Detail}" };
            var ba = Pair(c, a[1], a[0], ann.Width);
            return ba with { Detail = $"{a[0].Actor.Id}, {a[1].Actor.Id}: {ab.Detail} / reversed: {ba.Detail}" };
        }
        // different references: every pair of distinct actors must pass
        var pairs = a.SelectMany(x => b.Where(y => y.Actor != x.Actor).Select(y => (x, y))).ToList();
        if (pairs.Count == 0) return new(false, $"'{c.A}' and '{c.B}' name the same single actor");
        var outcomes = pairs.Select(p => (p.x.Actor.Id, p.y.Actor.Id, Pair(c, p.x, p.y, ann.Width))).ToList();
        return new(outcomes.All(o => o.Item3.Passed), string.Join("; ", outcomes.Select(o => $"{o.Item1}, {o.Item2}: {o.Item3.Detail}")));
    }

    static Outcome One(RelationCheck c, ActorTrackView t, int width) => c.Name switch
    {
        "travels" => GeometryChecks.Travels(t, c.Min),
        "stays" => GeometryChecks.Stays(t, c.Max),
        "moves_left" => GeometryChecks.MovesSideways(t, width, left: true),
        "moves_right" => GeometryChecks.MovesSideways(t, width, left: false),
        "approaches_camera" => GeometryChecks.CameraDepth(t, toward: true),
        "moves_away_from_camera" => GeometryChecks.CameraDepth(t, toward: false),
        "jumps" => GeometryChecks.Jumps(t, c.N!.Value, c.AtLeast),
        "slower_than" => GeometryChecks.SlowerThan(t, c.Speed!.Value),
        "acts_before" => GeometryChecks.ActsBefore(t, c.First!, c.Then!),
        _ => throw new InvalidOperationException($"{c.Name} is not a one-actor check"),
    };

    static Outcome Pair(RelationCheck c, ActorTrackView a, ActorTrackView b, int width) => c.Name switch
    {
        "left_of" => GeometryChecks.LeftOf(a, b, width),
        "right_of" => GeometryChecks.LeftOf(b, a, width),
        "nearer_camera" => GeometryChecks.NearerCamera(a, b),
        "side_by_side" => GeometryChecks.SideBySide(a, b),
        "follows" => GeometryChecks.Follows(a, b),
        "faces" => GeometryChecks.Faces(a, b, c.When == "end"),
        "faces_each_other" => Both(GeometryChecks.Faces(a, b, c.When == "end"), GeometryChecks.Faces(b, a, c.When == "end")),
        "distance_between" => GeometryChecks.DistanceBetween(a, b, c.Min, c.Max, c.When == "end"),
        "approaches" => GeometryChecks.Approaches(a, b),
        "starts_moving_after" => GeometryChecks.StartsMovingAfter(a, b),
        "acts_before" => GeometryChecks.ActsBefore(a, b),
        "faster" => GeometryChecks.Faster(a, b),
        _ => throw new InvalidOperationException($"{c.Name} is not a two-actor check"),
    };

    static Outcome Both(Outcome x, Outcome y) => new(x.Passed && y.Passed, $"a→b {x.Detail}; b→a {y.Detail}");
}
