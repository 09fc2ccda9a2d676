using C3V.Actors;
using C3V.Direct;
using C3V.Direct.Rules;

namespace C3V.Compose;

/// <summary>
/// How fast a travelling motion goes, from its words: a gait word sets the speed as a multiple of the body's own
/// walking speed (so a child or a dog is scaled by its size and build, as its clips are), and a manner word
/// ("slowly", "quickly": the plan's <see cref="MotionSpeed"/>) scales it. For an adult (walk ≈ 1.3 m/s) a stroll
/// is ≈ 0.9 m/s, a jog ≈ 2.5, a run ≈ 3.5 and a sprint ≈ 6. A gait verb that says its own speed ("strolls",
/// "sprints": <see cref="Lexicon.SpeedOf"/>) is where a director takes the plan's speed from, and that speed is
/// already in the gait's ratio, so it is not applied again. A motion without a gait word ("swims", "drives") keeps
/// its clip's own speed, scaled only by a manner word. An old body walks slower (its pace factor). The composer
/// plays the clip at the rate that gives this speed, so the feet keep pace with the ground (<see cref="PathTiming"/>).
/// </summary>
public static class Pace
{
    /// <summary>Gait words (word starts, lower case) and their speed as a multiple of walking; the first found in the phrase counts.</summary>
    static readonly (string Word, float Ratio)[] Gaits =
    [
        ("sprint", 4.6f), ("dash", 3.5f), ("gallop", 3.5f), ("race", 3f), ("racing", 3f), ("run", 2.7f), ("ran ", 2.7f),
        ("jog", 1.9f), ("trot", 1.9f), ("hurr", 1.5f), ("rush", 1.5f), ("march", 1.05f), ("walk", 1f),
        ("stroll", 0.7f), ("ambl", 0.7f), ("saunter", 0.7f), ("wander", 0.7f), ("meander", 0.7f), ("pace", 0.8f),
        ("tiptoe", 0.5f), ("tiptoing", 0.5f), ("sneak", 0.5f), ("creep", 0.5f), ("shuffl", 0.5f), ("limp", 0.5f), ("stagger", 0.5f),
        ("trudg", 0.6f), ("plod", 0.6f), ("waddl", 0.6f),
        ("crawl", 0.3f),
    ];

    /// <summary>Scale of a manner word: "slowly" about two thirds, "quickly" 1.4 times.</summary>
    public static float MannerFactor(MotionSpeed speed) => speed switch { MotionSpeed.Slow => 0.7f, MotionSpeed.Fast => 1.4f, _ => 1f };

    /// <summary>Fastest pace, as a multiple of walking, a manner word can raise a gait to (a sprint).</summary>
    const float MaxRatio = 4.6f;

    /// <summary>The gait's speed as a multiple of walking, or null when the phrase names no gait.</summary>
    public static float? GaitRatio(string phrase) => Gait(phrase)?.Ratio;

    /// <summary>The first gait word of the phrase as written ("strolling") and its ratio, or null.</summary>
    static (string Written, string Word, float Ratio)? Gait(string phrase)
    {
        var words = phrase.ToLowerInvariant().Split([' ', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var w in words)
            foreach (var (word, ratio) in Gaits)
                if (word.EndsWith(' ') ? w == word.TrimEnd() : w.StartsWith(word, StringComparison.Ordinal)) return (w, word, ratio);
        return null;
    }

    /// <summary>Whether the plan's speed is the one the gait verb says of itself (a stroll is slow), not a manner word of its own.</summary>
    static bool SaidByGait(string written, MotionSpeed speed) =>
        speed != MotionSpeed.Normal && Lexicon.VerbForms.TryGetValue(written, out var verb) && Lexicon.SpeedOf(verb.Lemma) == speed;

    /// <summary>
    /// The speed (m/s at the actor's scale 1) the plan asks of a travelling motion, or null when it says nothing of
    /// speed (no gait word, no manner word): then the composer fits the walk to the time it has.
    /// </summary>
    /// <param name="walkSpeed">The body's walking speed at scale 1 (its walk clip's natural speed).</param>
    /// <param name="clipSpeed">The natural speed of the clip chosen for the motion, at scale 1.</param>
    /// <param name="paceFactor">
    /// The body's pace relative to an adult's of its size (an old person's ≈ 0.75, <c>AvatarSpec.PaceFactor</c>): it
    /// scales the walking speed a gait is a multiple of. A clip's own speed is not scaled: a clip made for such a
    /// body (an old person's walk) has it already.
    /// </param>
    /// <param name="gaits">
    /// The body's own gaits (its rig's clips, with their natural speeds): a gait word's ratio to walking is its clip's
    /// when the body has one so labelled (a four-legged run is a gallop, nearly five walks; a person's is under three),
    /// else the table's.
    /// </param>
    public static float? For(MotionPlan motion, float walkSpeed, float clipSpeed, float paceFactor = 1f, IReadOnlyList<MotionClip>? gaits = null)
    {
        float manner = MannerFactor(motion.Speed);
        if (Gait(motion.Description) is { } gait)
        {
            if (SaidByGait(gait.Written, motion.Speed)) manner = 1f;
            float ratio = RatioOn(gaits, gait.Written, gait.Word) ?? gait.Ratio;
            return paceFactor * walkSpeed * MathF.Min(MaxRatio * MathF.Max(1, ratio / gait.Ratio), ratio * manner);
        }
        return motion.Speed == MotionSpeed.Normal ? null : clipSpeed * manner;
    }

    /// <summary>The speed of the body's clip labelled with the gait word over its walk's, or null when it has no such pair.</summary>
    static float? RatioOn(IReadOnlyList<MotionClip>? clips, string written, string word)
    {
        if (clips is null) return null;
        var walk = clips.FirstOrDefault(c => c.Labels.Contains("walk") && c.NaturalSpeed > 0);
        var gait = clips.FirstOrDefault(c => c.NaturalSpeed > 0 && (c.Labels.Contains(written) || c.Labels.Contains(word.Trim())));
        return walk is null || gait is null ? null : gait.NaturalSpeed / walk.NaturalSpeed;
    }

    /// <summary>
    /// A clip's natural speed (m/s) on a body whose legs are <paramref name="legRatio"/> times the clip's: by dynamic
    /// similarity (equal Froude numbers, v ∝ √(leg length)) — a horse's gallop is not a dog's made three times as fast,
    /// nor a rabbit's a third as fast: bigger bodies step more slowly, smaller ones more quickly.
    /// </summary>
    public static float OnBody(float clipSpeed, float legRatio) => clipSpeed * MathF.Sqrt(MathF.Max(0, legRatio));

    /// <summary>
    /// Froude number (v² / g·leg) at which four-legged animals walk: about 0.3 (Alexander &amp; Jayes 1983 measured
    /// 0.2–0.4 across mammals from rats to rhinoceroses), so a horse walks at ≈ 1.9 m/s and a dog at ≈ 1.1.
    /// </summary>
    public const float FourLeggedWalkFroude = 0.3f;

    /// <summary>The speed (m/s) at Froude number <paramref name="froude"/> on legs <paramref name="leg"/> metres long: √(Fr·g·leg).</summary>
    public static float AtFroude(float froude, float leg) => MathF.Sqrt(MathF.Max(0, froude * 9.81f * leg));
}
