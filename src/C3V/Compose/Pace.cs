using C3V.Direct;

namespace C3V.Compose;

/// <summary>
/// How fast a travelling motion goes, from its words: a gait word sets the speed as a multiple of the body's own
/// walking speed (so a child or a dog is scaled by its size and build, as its clips are), and a manner word
/// ("slowly", "quickly": the plan's <see cref="MotionSpeed"/>) scales it. For an adult (walk ≈ 1.3 m/s) a stroll
/// is ≈ 0.9 m/s, a jog ≈ 2.5, a run ≈ 3.5 and a sprint ≈ 6. A motion without a gait word ("swims", "drives") keeps
/// its clip's own speed, scaled only by a manner word. The composer plays the clip at the rate that gives this
/// speed, so the feet keep pace with the ground (<see cref="PathTiming"/>).
/// </summary>
public static class Pace
{
    /// <summary>Gait words (word starts, lower case) and their speed as a multiple of walking; the first found in the phrase counts.</summary>
    static readonly (string Word, float Ratio)[] Gaits =
    [
        ("sprint", 4.6f), ("dash", 3.5f), ("gallop", 3.5f), ("race", 3f), ("racing", 3f), ("run", 2.7f), ("ran ", 2.7f),
        ("jog", 1.9f), ("trot", 1.9f), ("hurr", 1.5f), ("rush", 1.5f), ("march", 1.05f), ("walk", 1f),
        ("stroll", 0.7f), ("amble", 0.7f), ("saunter", 0.7f), ("wander", 0.7f), ("meander", 0.7f), ("pace", 0.8f),
        ("tiptoe", 0.5f), ("tiptoing", 0.5f), ("sneak", 0.5f), ("creep", 0.5f), ("shuffl", 0.5f), ("limp", 0.5f), ("stagger", 0.5f),
        ("crawl", 0.3f),
    ];

    /// <summary>Scale of a manner word: "slowly" about two thirds, "quickly" 1.4 times.</summary>
    public static float MannerFactor(MotionSpeed speed) => speed switch { MotionSpeed.Slow => 0.7f, MotionSpeed.Fast => 1.4f, _ => 1f };

    /// <summary>Fastest pace, as a multiple of walking, a manner word can raise a gait to (a sprint).</summary>
    const float MaxRatio = 4.6f;

    /// <summary>The gait's speed as a multiple of walking, or null when the phrase names no gait.</summary>
    public static float? GaitRatio(string phrase)
    {
        var words = phrase.ToLowerInvariant().Split([' ', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var w in words)
            foreach (var (word, ratio) in Gaits)
                if (word.EndsWith(' ') ? w == word.TrimEnd() : w.StartsWith(word, StringComparison.Ordinal)) return ratio;
        return null;
    }

    /// <summary>
    /// The speed (m/s at the actor's scale 1) the plan asks of a travelling motion, or null when it says nothing of
    /// speed (no gait word, no manner word): then the composer fits the walk to the time it has.
    /// </summary>
    /// <param name="walkSpeed">The body's walking speed at scale 1 (its walk clip's natural speed).</param>
    /// <param name="clipSpeed">The natural speed of the clip chosen for the motion, at scale 1.</param>
    public static float? For(MotionPlan motion, float walkSpeed, float clipSpeed)
    {
        float manner = MannerFactor(motion.Speed);
        if (GaitRatio(motion.Description) is { } ratio) return walkSpeed * MathF.Min(MaxRatio, ratio * manner);
        return motion.Speed == MotionSpeed.Normal ? null : clipSpeed * manner;
    }
}
