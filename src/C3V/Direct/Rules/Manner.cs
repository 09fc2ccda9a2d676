namespace C3V.Direct.Rules;

/// <summary>
/// How an action is done, as English says it around the verb: how many times ("twice", "three times",
/// "again") and how fast ("slowly", "quickly"; "sprints" and "strolls" say it in the verb itself, see
/// <see cref="Lexicon.SpeedOf"/>). These words describe the motion without naming it, so the parser reads
/// them into the motion's count and speed and leaves them out of the motion phrase.
/// </summary>
static class Manner
{
    static readonly Dictionary<string, int> Numbers = new()
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["several"] = 3, ["a few"] = 3, ["many"] = 5,
    };

    /// <summary>A count of repetitions at token <paramref name="k"/>: (count, tokens used), or (0, 0). "again" counts as 0: see <see cref="IsAgain"/>.</summary>
    public static (int Count, int Length) CountAt(IReadOnlyList<Token> t, int k)
    {
        string W(int i) => i >= 0 && i < t.Count ? t[i].Word : "";
        switch (W(k))
        {
            case "once": return (1, 1);
            case "twice": return (2, 1);
            case "thrice": return (3, 1);
        }
        if (W(k + 1) is "times" or "time")
        {
            if (int.TryParse(W(k), out int n) && n is > 0 and <= 20) return (n, 2);
            if (Numbers.TryGetValue(W(k), out n)) return (n, 2);
        }
        if (W(k) == "a" && W(k + 1) == "few" && W(k + 2) == "times") return (3, 3);
        return (0, 0);
    }

    /// <summary>The "times" of "three times" (left out of the motion phrase along with its number).</summary>
    public static bool IsCountTail(IReadOnlyList<Token> t, int k) =>
        k > 0 && k < t.Count && t[k].Word is "times" or "time" && CountAt(t, k - 1).Length == 2
        || k > 1 && k < t.Count && t[k].Word is "few" or "times" && CountAt(t, k - (t[k].Word == "few" ? 1 : 2)).Length == 3;

    public static bool IsAgain(string word) => word is "again";

    /// <summary>Words that grade or hold a motion without naming it ("very slowly", "lies still"): left out of the phrase.</summary>
    public static bool IsDegree(string word) => word is "very" or "really" or "extremely" or "so" or "too" or "quite" or "rather" or "still" or "motionless";

    /// <summary>Words that, first in a pace compound ("snail-paced"), say the pace is slow or fast.</summary>
    static readonly HashSet<string> SlowThings = ["snail", "turtle", "tortoise", "sloth", "slug"];
    static readonly HashSet<string> FastThings = ["lightning", "rocket", "breakneck", "bullet", "high", "record"];

    /// <summary>The speed a hyphenated pace compound gives ("snail-paced", "slow-moving", "fast-walking", "quick-footed"), or null.</summary>
    public static MotionSpeed? CompoundSpeed(IReadOnlyList<string> parts)
    {
        if (parts.Count < 2 || parts[^1] is not ("paced" or "moving" or "footed" or "walking" or "running" or "speed")) return null;
        string first = parts[0];
        if (SlowThings.Contains(first)) return MotionSpeed.Slow;
        if (FastThings.Contains(first)) return MotionSpeed.Fast;
        return SpeedOf(first);
    }

    /// <summary>The speed a manner adverb gives, or null.</summary>
    public static MotionSpeed? SpeedOf(string word) => word switch
    {
        "slowly" or "slow" or "slower" or "leisurely" or "gently" or "lazily" or "carefully" or "gradually" or "calmly" or "sluggishly" or "unhurriedly" => MotionSpeed.Slow,
        "quickly" or "fast" or "faster" or "quick" or "rapidly" or "swiftly" or "briskly" or "hurriedly" or "speedily" or "hastily" or "energetically" or "furiously" => MotionSpeed.Fast,
        _ => null,
    };
}
