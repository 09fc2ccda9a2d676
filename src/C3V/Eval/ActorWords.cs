using C3V.Annotations;

namespace C3V.Eval;

/// <summary>
/// Word matching of the expectations: a reference such as "woman red dress" names the actors whose id or
/// description has, for every one of its words, a word starting with it ("dance" matches "dances", "robot"
/// matches "robots"); motion words match the actor's segment labels and clip names the same way.
/// </summary>
public static class ActorWords
{
    public static string[] Tokens(string text) =>
        new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether every word of <paramref name="reference"/> starts some token of <paramref name="text"/>.</summary>
    public static bool Matches(string reference, string text)
    {
        var tokens = Tokens(text);
        var words = Tokens(reference);
        return words.Length > 0 && words.All(w => tokens.Any(t => t.StartsWith(w, StringComparison.Ordinal)));
    }

    /// <summary>Whether any of <paramref name="words"/> starts some token of <paramref name="text"/>.</summary>
    public static bool AnyWord(IEnumerable<string> words, string text)
    {
        var tokens = Tokens(text);
        return words.SelectMany(Tokens).Any(w => tokens.Any(t => t.StartsWith(w, StringComparison.Ordinal)));
    }

    /// <summary>The actors a reference names, in the annotations' order.</summary>
    public static IReadOnlyList<ActorAnnotation> Named(VideoAnnotations ann, string reference) =>
        ann.Actors.Where(a => Matches(reference, a.Id + " " + a.Description)).ToList();

    /// <summary>The text an actor's motions are matched in: its segments' labels and clips.</summary>
    public static string MotionText(ActorAnnotation a) => string.Join(" ", a.Segments.Select(s => s.Label + " " + s.Source));

    /// <summary>
    /// Gives each reference a different actor (each in turn takes the first actor it names that no earlier one
    /// took); null where a reference finds none.
    /// </summary>
    public static ActorAnnotation?[] Assign(VideoAnnotations ann, IReadOnlyList<string> references)
    {
        var taken = new HashSet<ActorAnnotation>();
        var result = new ActorAnnotation?[references.Count];
        // the most specific references first, so "woman red dress" is not left without the one woman "woman" took
        foreach (int i in Enumerable.Range(0, references.Count).OrderByDescending(i => Tokens(references[i]).Length))
        {
            var pick = Named(ann, references[i]).FirstOrDefault(a => !taken.Contains(a));
            if (pick is not null) taken.Add(pick);
            result[i] = pick;
        }
        return result;
    }
}
