using C3V.Direct;

namespace C3V.Models.Chat;

/// <summary>
/// Makes the actor ids a model wrote agree with each other where the intent is unambiguous: a repeated id
/// is numbered ("robot", "robot" → robot-1, robot-2), and a reference (start/end actor, target) spelt
/// differently from the id it means ("Robot 1", "the man") is pointed at it. A reference that matches no
/// actor, or several, is left for the plan check to name (and the repair round to fix).
/// </summary>
static class PlanIds
{
    public static (PlanAnswer Plan, IReadOnlyList<string> Notes) Resolve(PlanAnswer plan)
    {
        var notes = new List<string>();
        var actors = plan.Actors.ToList();
        foreach (var group in actors.Select((a, i) => (a.Id, i)).GroupBy(x => x.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            int k = 1;
            foreach (var (id, i) in group)
            {
                string fresh;
                do fresh = $"{id}-{k++}"; while (actors.Any(a => a.Id == fresh));
                actors[i] = actors[i] with { Id = fresh };
                notes.Add($"$.actors[{i}].id: '{id}' was used by {group.Count()} actors; renamed '{fresh}'");
            }
        }
        var ids = actors.Select(a => a.Id).ToList();
        for (int i = 0; i < actors.Count; i++)
        {
            var a = actors[i];
            actors[i] = a with
            {
                Start = Fix(a.Start, $"$.actors[{i}].start.actor", a.Id),
                End = Fix(a.End, $"$.actors[{i}].end.actor", a.Id),
                Target = a.Target is { } t ? Match(t, $"$.actors[{i}].target", a.Id) : null,
            };
        }
        return (plan with { Actors = actors }, notes);

        SpatialHint? Fix(SpatialHint? hint, string path, string self) =>
            hint?.Actor is { } other ? hint with { Actor = Match(other, path, self) } : hint;

        string Match(string reference, string path, string self)
        {
            if (ids.Contains(reference)) return reference;
            string key = Key(reference);
            var same = ids.Where(id => id != self && Key(id) == key).ToList();
            // "the man" → "man"; "robot" when only robot-1 is another actor
            if (same.Count == 0) same = ids.Where(id => id != self && (key.EndsWith(Key(id), StringComparison.Ordinal) || Key(id).StartsWith(key, StringComparison.Ordinal))).ToList();
            if (same.Count != 1) return reference;
            notes.Add($"{path}: '{reference}' is not an actor id; read as '{same[0]}'");
            return same[0];
        }
    }

    static string Key(string s)
    {
        var words = s.ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("the" or "a" or "an")).ToArray();
        return string.Concat(words);
    }
}
