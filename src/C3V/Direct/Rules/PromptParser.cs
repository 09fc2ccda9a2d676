using System.Globalization;
using C3V.World;

namespace C3V.Direct.Rules;

/// <summary>
/// The rule director's deterministic English parser: prompt → <see cref="ScenePlan"/>. Tokens are tagged by
/// the lexicon (actor nouns, verbs and their inflections, prepositions, determiners, place nouns; MiniLM for
/// words it lacks), then read clause by clause — clauses split at punctuation, "and" before a new subject, and the
/// sequence and simultaneity markers ("then", "after that", "before", "while", "as") — each as
/// [place phrase] subject-chunk [verb group] [prepositional chunks]. Subjects become actors (attributes, counts
/// expanded; "one …, the other …" tells members of a group apart), verb groups become timed motion segments
/// (with counts and speed), prepositional chunks become start/end hints, relations and the scene phrase.
/// One file per job: noun phrases, verb groups, prepositional phrases, relations, building the plan. Same
/// prompt, same plan.
/// </summary>
public sealed class PromptParser
{
    readonly PhraseClassifier classifier;

    public PromptParser(PhraseClassifier? classifier = null) => this.classifier = classifier ?? new PhraseClassifier(null);

    public ScenePlan Parse(string prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt)) throw new Common.C3VException("the prompt is empty");
        return new Parse(prompt, classifier).Run();
    }
}

/// <summary>One run of the parser over one prompt.</summary>
sealed partial class Parse(string prompt, PhraseClassifier classifier)
{
    readonly List<Token> t = PromptTokenizer.Tokenize(prompt);
    readonly List<ActorDraft> actors = [];
    readonly List<string> landmarks = [];
    readonly List<RelationDraft> relations = [];
    Lighting? lighting;
    string? scene;
    bool sceneIsSurface;
    /// <summary>A landmark that becomes the scene when no place phrase is found ("on an iceberg", "to the lake").</summary>
    (string Landmark, string Phrase)? fallbackScene;
    /// <summary>A place named as a verb's object ("ploughs the field", "crosses the street"): the scene when no other is named.</summary>
    string? objectScene;
    /// <summary>The thing the clause's verb sent flying ("throws a frisbee"): "to her dog" then says where it goes.</summary>
    ActorDraft? propelled;
    /// <summary>The actors of the clause read last (for "after …" and "before …", which reorder clauses).</summary>
    List<ActorDraft> lastClauseActors = [];
    /// <summary>Which actor's noun phrase each token was read in: manner words there ("a slow runner") are that actor's.</summary>
    readonly Dictionary<int, ActorDraft> owner = [];
    CameraMove camera = CameraMove.Static;
    double? duration;
    int order;

    // ---- token helpers ----
    string W(int i) => i >= 0 && i < t.Count ? t[i].Word : "";
    bool Is(int i, params string[] words) => words.Contains(W(i));
    string Text(int from, int to) => from >= to ? "" : prompt[t[from].Start..t[to - 1].End];

    /// <summary>Length of the phrase (space-separated words) matching at <paramref name="i"/>, or 0.</summary>
    int Match(int i, string phrase)
    {
        var words = phrase.Split(' ');
        for (int k = 0; k < words.Length; k++) if (W(i + k) != words[k]) return 0;
        return words.Length;
    }

    /// <summary>The longest of <paramref name="phrases"/> matching at <paramref name="i"/>: (phrase, length), or (null, 0).</summary>
    (string? Phrase, int Length) MatchAny(int i, IEnumerable<string> phrases)
    {
        string? best = null;
        int len = 0;
        foreach (var p in phrases)
        {
            int n = Match(i, p);
            if (n > len) { len = n; best = p; }
        }
        return (best, len);
    }

    // ---- phrase tables ----
    static readonly string[] StartPreps = ["from", "starting from", "starting at", "starts from", "starts at", "beginning at", "beginning from", "out of", "away from", "leaving"];
    static readonly string[] EndPreps = ["to", "towards", "toward", "into", "up to", "over to", "until", "ending at", "ending near", "ending by", "ends at", "reaching", "onto", "all the way to", "back to", "heading to", "heading towards", "going to", "and ending at", "and stopping at", "stopping at"];
    static readonly string[] AroundPreps = ["around", "round", "circling", "circles", "in circles around", "in a circle around", "circles around"];
    static readonly string[] AcrossPreps = ["across", "through", "along", "past", "down", "up"];
    static readonly string[] PlacePreps = ["in", "on", "at", "inside", "within", "on top of", "atop", "upon"];
    static readonly (string Phrase, SpatialRelation Relation)[] NearPreps =
    [
        ("near", SpatialRelation.Near), ("by", SpatialRelation.Near), ("next to", SpatialRelation.Near), ("beside", SpatialRelation.Near),
        ("close to", SpatialRelation.Near), ("near to", SpatialRelation.Near), ("alongside", SpatialRelation.Near), ("nearby", SpatialRelation.Near),
        ("in front of", SpatialRelation.InFrontOf), ("behind", SpatialRelation.Behind), ("to the left of", SpatialRelation.LeftOf),
        ("left of", SpatialRelation.LeftOf), ("to the right of", SpatialRelation.RightOf), ("right of", SpatialRelation.RightOf),
        ("under", SpatialRelation.Near), ("beneath", SpatialRelation.Near), ("below", SpatialRelation.Near), ("between", SpatialRelation.Near), ("outside", SpatialRelation.Near), ("outside of", SpatialRelation.Near),
        ("among", SpatialRelation.Near), ("facing", SpatialRelation.InFrontOf), ("opposite", SpatialRelation.InFrontOf),
    ];
    static readonly string[] AttributePreps = ["wearing", "wears", "dressed in", "dressed as", "clad in", "in", "with", "who is wearing", "who wears", "that wears", "in a pair of"];
    static readonly string[] PropVerbs = ["holding", "carrying", "holds", "carries", "with"];
    static readonly string[] CameraWords = ["the camera", "camera", "the viewer", "viewer", "us", "the screen"];
    static readonly HashSet<string> ClauseWords = ["while", "when", "then", "meanwhile", "afterwards", "afterward", "later", "and", "as", "whereas", "after", "before"];
    static readonly HashSet<string> RelativeWords = ["who", "that", "which"];
    static readonly HashSet<string> IngNouns = ["clothing", "building", "ring", "king", "thing", "wing", "evening", "morning", "ceiling", "painting", "string", "spring", "swing", "sibling", "stocking", "stockings", "pudding", "earring", "earrings", "wedding", "something", "nothing", "everything", "anything", "outing", "landing", "clearing", "railing", "setting", "lighting", "parking", "sling", "duckling", "viking"];
    static readonly HashSet<string> ClothingWords = ["clothes", "clothing", "outfit", "costume", "attire", "gear", "uniform", "suit", "dress", "robe", "armor", "armour", "wear", "garb", "apparel", "sportswear", "pajamas", "pyjamas", "swimsuit", "bikini", "overalls", "tuxedo", "kimono"];

    bool IsPreposition(int i) =>
        MatchAny(i, StartPreps).Length > 0 || MatchAny(i, EndPreps).Length > 0 || MatchAny(i, AroundPreps).Length > 0
        || MatchAny(i, AcrossPreps).Length > 0 || MatchAny(i, PlacePreps).Length > 0 || NearPreps.Any(p => Match(i, p.Phrase) > 0)
        || Is(i, "with", "wearing", "of", "for", "holding", "carrying", "dressed", "clad", "starting", "beginning", "ending", "heading", "going");

    bool IsVerbForm(int i, bool allowBare = true)
    {
        string w = W(i);
        if (w.Length == 0 || t[i].IsPunctuation) return false;
        if (Lexicon.VerbForms.TryGetValue(w, out var v))
            return allowBare || w != v.Lemma;
        return w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal) && !IngNouns.Contains(w);
    }

    bool IsGerund(int i) => W(i).EndsWith("ing", StringComparison.Ordinal) && !IngNouns.Contains(W(i)) && W(i).Length > 4;

    bool StartsSubject(int i)
    {
        if (Lexicon.Pronouns.Contains(W(i))) return true;
        if (Lexicon.Determiners.Contains(W(i)) || CountAt(i).Length > 0 || int.TryParse(W(i), out _)) return true;
        return Lexicon.IsActorNoun(Lexicon.Singular(W(i)));
    }

    (int Value, int Length) CountAt(int i)
    {
        if (int.TryParse(W(i), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 12) return (n, 1);
        // "both girls" counts two; "both wave", "both of them" refer back (a pronoun)
        if (Is(i, "both")) return i + 1 < t.Count && !t[i + 1].IsPunctuation && !Is(i + 1, "of") && !IsVerbForm(i + 1) && !Lexicon.Auxiliaries.Contains(W(i + 1)) ? (2, 1) : (0, 0);
        var words = t.Select(x => x.Word).ToList();
        var (term, len) = AttributeVocabulary.MatchAt(AttributeKind.Count, words, Math.Max(0, i));
        if (term is null || term.Value <= 1) return (0, 0);
        return ((int)term.Value, len);
    }

    // ---- the run ----
    public ScenePlan Run()
    {
        ReadGlobalPhrases();
        int i = 0;
        ActorDraft? last = null;
        bool sequential = false;
        while (i < t.Count)
        {
            // clause boundaries
            if (t[i].IsPunctuation) { i++; continue; }
            if (Subordinate(ref i, ref last, ref sequential)) continue;
            if (Match(i, "and then") > 0 || Match(i, "after that") > 0 || Is(i, "then", "afterwards", "afterward", "later", "finally", "before") || Is(i, "next") && !Is(i + 1, "to"))
            {
                sequential = true;
                i += Math.Max(1, Math.Max(Match(i, "and then"), Match(i, "after that")));
                continue;
            }
            if (last is not null && ThenByAnd(i, lastClauseActors)) { sequential = true; i++; continue; } // "runs out of the cottage and waves"
            if (Is(i, "while", "meanwhile", "as", "whereas", "and", "with") && i + 1 < t.Count && (StartsSubject(i + 1) || Is(i, "while", "meanwhile", "whereas")))
            {
                if (Is(i, "with") && !StartsSubject(i + 1)) { i++; continue; }
                i++;
                continue;
            }
            // "first the referee waves, then …": the first event is the default order
            if (Is(i, "first", "firstly", "initially") && !Is(i - 1, "the") || Match(i, "at first") > 0) { i += Is(i, "at") ? 2 : 1; continue; }
            int next = Clause(i, ref last, ref sequential);
            i = next > i ? next : i + 1; // a word no rule consumes is skipped
        }
        return Build();
    }

    static readonly string[] AfterWords = ["after", "when", "once", "as soon as", "having"];

    /// <summary>
    /// Clauses that say their time against another: "after / when / once B, A" and "A after B" put B's actors first;
    /// "before B, A" puts A first ("A before B" is read as a sequence by <see cref="Run"/>). With a gerund and no subject
    /// ("after stretching, she jogs", "having waved, the boy runs", "she jogs after stretching") the action is a segment
    /// of the main clause's actor, before (or after) its own. Returns false when no such clause starts at <paramref name="i"/>.
    /// </summary>
    bool Subordinate(ref int i, ref ActorDraft? last, ref bool sequential)
    {
        var (word, n) = MatchAny(i, [.. AfterWords, "before", "while"]);
        if (word is null || Match(i, "after that") > 0) return false; // "after that" is a sequence marker
        bool lead = i == 0 || t[i - 1].IsPunctuation && W(i - 1) is not ",";
        bool before = word == "before";
        int j = i + n;
        if (IsVerbForm(j) && !StartsSubject(j) && (lead || word != "while"))
        {
            // a gerund or participle: an action of the main clause's actor
            var pending = new ActorDraft { Noun = "", Description = "" };
            int end = VerbPhrase(j, [pending], verbSlot: true);
            if (end == j) return false;
            var segments = pending.Segments.Where(x => x.Phrases.Count > 0).ToList();
            if (lead)
            {
                if (Is(end, ",")) end++;
                i = Clause(end, ref last, ref sequential);
                foreach (var a in lastClauseActors) a.AddSegments(segments, first: !before, merge: word == "while");
            }
            else
            {
                foreach (var a in lastClauseActors) a.AddSegments(segments, first: !before, merge: word == "while");
                i = end;
            }
            return true;
        }
        if (word == "while" || !ClauseFollows(j)) return false;
        if (lead)
        {
            // "after B, A": B, then A in sequence; "before B, A": A is first
            i = Clause(j, ref last, ref sequential);
            var b = lastClauseActors;
            if (Is(i, ",")) i++;
            if (!before) { sequential = true; return true; }
            sequential = false;
            i = Clause(i, ref last, ref sequential);
            Reorder(first: lastClauseActors, then: b);
            return true;
        }
        if (before) return false; // "A before B": Run's sequence
        var a0 = lastClauseActors;
        bool seq = false;
        i = Clause(j, ref last, ref seq);
        Reorder(first: lastClauseActors, then: a0);
        return true;
    }

    /// <summary>
    /// Whether the subject at <paramref name="i"/>, after a comma, is one item of a list of subjects ("a father, a mother
    /// and their son walk"): it ends at another comma or "and" that opens a further subject, not at a verb of its own
    /// ("a man waves, a woman claps" are two clauses).
    /// </summary>
    bool SubjectListGoesOn(int i)
    {
        if (!StartsSubject(i) || Lexicon.Pronouns.Contains(W(i))) return false;
        int k = i;
        if (CountAt(k).Length > 0) k += CountAt(k).Length;
        else if (Lexicon.Determiners.Contains(W(k))) k++;
        while (k < t.Count && !t[k].IsPunctuation && !Is(k, "and") && !IsVerbForm(k, allowBare: false) && !IsPreposition(k) && k < i + 6) k++;
        return (Is(k, "and") || Is(k, ",")) && StartsSubject(k + 1) && !Lexicon.Pronouns.Contains(W(k + 1));
    }

    /// <summary>Whether a clause with its own subject and verb starts at <paramref name="i"/> ("the dog barks"; not "it" ending a phrase).</summary>
    bool ClauseFollows(int i)
    {
        if (!StartsSubject(i)) return false;
        for (int k = i + 1; k < Math.Min(t.Count, i + 10); k++)
        {
            if (t[k].IsPunctuation || ClauseWords.Contains(W(k))) return false;
            if (IsVerbForm(k, allowBare: false) || Lexicon.VerbForms.ContainsKey(W(k)) && Lexicon.IsPlural(W(k - 1)) || Is(k, "is", "are")) return true;
        }
        return false;
    }

    List<ActorDraft> ActorsOfOrder(int o) => actors.Where(a => a.Order == o).ToList();

    /// <summary>Whether the subjectless clause at <paramref name="i"/> says something two do together ("facing each other", "side by side").</summary>
    bool MutualAhead(int i)
    {
        for (int k = i; k < t.Count && !t[k].IsPunctuation && !(ClauseWords.Contains(W(k)) && k > i); k++)
            if (Match(k, "each other") > 0 || Match(k, "one another") > 0 || Match(k, "side by side") > 0 || Is(k, "together")) return true;
        return false;
    }

    /// <summary>Makes <paramref name="first"/>'s actors act before <paramref name="then"/>'s (and everything after them).</summary>
    void Reorder(List<ActorDraft> first, List<ActorDraft> then)
    {
        if (first.Count == 0 || then.Count == 0 || first.Intersect(then).Any()) return;
        int o = Math.Min(first.Min(a => a.Order), then.Min(a => a.Order));
        foreach (var a in actors.Where(a => !first.Contains(a) && a.Order >= o)) a.Order += 1 + first.Max(f => f.Order) - o;
        foreach (var a in first) a.Order = o + (a.Order - first.Min(f => f.Order));
        order = actors.Max(a => a.Order);
    }

    /// <summary>Camera moves and durations, wherever they are; their tokens are blanked so clauses skip them.</summary>
    void ReadGlobalPhrases()
    {
        for (int i = 0; i < t.Count; i++)
        {
            if (LightingOf(W(i)) is { } light && (i == 0 || !Is(i - 1, "a", "an"))) lighting ??= light;
            int cam = Match(i, "the camera") > 0 ? 2 : Match(i, "camera") > 0 ? 1 : 0;
            if (cam > 0)
            {
                int end = i + cam;
                while (end < t.Count && !t[end].IsPunctuation && !Is(end, "while", "and", "as", "then")) end++;
                string rest = string.Join(' ', t.Skip(i + cam).Take(end - i - cam).Select(x => x.Word));
                CameraMove? move = rest switch
                {
                    _ when rest.Contains("orbit") || rest.Contains("circle") || rest.Contains("rotate") || rest.Contains("around") => CameraMove.Orbit,
                    _ when rest.Contains("pan") => CameraMove.Pan,
                    _ when rest.Contains("zoom in") || rest.Contains("zooms in") || rest.Contains("push") || rest.Contains("dolly in") || rest.Contains("moves closer") => CameraMove.PushIn,
                    _ when rest.Contains("zoom out") || rest.Contains("zooms out") || rest.Contains("pull") || rest.Contains("dolly out") || rest.Contains("moves back") => CameraMove.PullOut,
                    _ when rest.Contains("follow") || rest.Contains("track") => CameraMove.Follow,
                    _ when rest.Contains("static") || rest.Contains("still") || rest.Contains("fixed") => CameraMove.Static,
                    _ => null,
                };
                if (move is { } m && !(i > 0 && (Is(i - 1, "towards", "toward", "from", "to", "at") || Is(i - 2, "away"))))
                {
                    camera = m;
                    int from = i > 0 && Is(i - 1, "with", "and", "while", "as") ? i - 1 : i;
                    Blank(from, end);
                }
            }
            if (int.TryParse(W(i), NumberStyles.Float, CultureInfo.InvariantCulture, out _) || CountWordValue(W(i)) > 0)
            {
                double value = double.TryParse(W(i), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : CountWordValue(W(i));
                if (Is(i + 1, "second", "seconds", "sec", "secs", "s") && value is > 0 and <= 120)
                {
                    duration = value;
                    int from = i > 0 && Is(i - 1, "for", "in", "lasting") ? i - 1 : i > 1 && Is(i - 1, "a", "an") ? i - 1 : i;
                    int to = i + 2;
                    if (Is(to, "long", "video", "clip")) to++;
                    if (from > 0 && Is(from - 1, "a", "an") && Is(to - 1, "video", "clip")) from--;
                    Blank(from, to);
                }
            }
        }
        t.RemoveAll(x => x.Word.Length == 0);
    }

    /// <summary>The time of day a word names ("at night", "a moonlit beach", "at sunset"), or null.</summary>
    static Lighting? LightingOf(string w) => w switch
    {
        "night" or "nighttime" or "midnight" or "moonlight" or "moonlit" or "starry" or "starlit" or "dark" => Lighting.Night,
        "sunset" or "dusk" or "twilight" or "evening" or "sundown" => Lighting.Sunset,
        "dawn" or "sunrise" or "daybreak" => Lighting.Dawn,
        "daytime" or "noon" or "midday" or "daylight" => Lighting.Day,
        _ => null,
    };

    /// <summary>Whether a noun phrase only names a time of day ("night", "the evening"): lighting, not a place.</summary>
    bool IsLightingPhrase(int np, int end) =>
        Enumerable.Range(np, end - np).Where(k => !Lexicon.Determiners.Contains(W(k))).ToList() is { Count: > 0 } words && words.All(k => LightingOf(W(k)) is not null);

    static int CountWordValue(string w) => w switch
    {
        "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8,
        "nine" => 9, "ten" => 10, "twelve" => 12, "fifteen" => 15, "twenty" => 20, "thirty" => 30, _ => 0,
    };

    void Blank(int from, int to)
    {
        for (int k = from; k < to && k < t.Count; k++) t[k] = t[k] with { Word = "" };
    }

    /// <summary>Parses one clause from <paramref name="i"/>; returns where the next clause begins.</summary>
    int Clause(int i, ref ActorDraft? last, ref bool sequential)
    {
        var clauseActors = new List<ActorDraft>();
        if (Match(i, "there is") > 0 || Match(i, "there are") > 0) i += 2;

        // A leading place phrase: "On a simple stage, a man dances".
        if (!StartsSubject(i) && MatchAny(i, PlacePreps).Length > 0)
        {
            int end = PrepositionalPhrases(i, null);
            if (Is(end, ",")) end++;
            return end;
        }

        int clauseStart = i;
        bool sequence = sequential;
        bool countedPronoun = CountAt(i).Length > 0; // "both girls"
        bool newSubject = StartsSubject(i) && (!Lexicon.Pronouns.Contains(W(i)) || countedPronoun);
        propelled = null;
        if (MemberModifiers(i) is int told) return told;
        if (Distributive(i) is { } members)
        {
            // "one runs", "two of them dance", "each waves": some or all members of a group named before
            clauseActors.AddRange(members.Actors);
            i = members.End;
        }
        else if (Lexicon.Pronouns.Contains(W(i)) && !countedPronoun)
        {
            int lastOrder = last?.Order ?? 0;
            if (Is(i, "they", "both")) clauseActors.AddRange(actors.Where(a => a.Order == lastOrder));
            else if (last is not null) clauseActors.Add(last);
            i++;
        }
        else if (newSubject)
        {
            int before = i;
            var subject = SubjectPhrase(ref i);
            if (subject is null) return Math.Max(i, before + 1);
            if (sequential && actors.Contains(subject)) { /* the same actor acts again later */ }
            else if (sequential) subject.Order = ++order;
            else if (!actors.Contains(subject)) subject.Order = order;
            if (!actors.Contains(subject)) actors.Add(subject);
            clauseActors.Add(subject);
            // "a man and a woman dance", "a father, a mother and their son walk": a bare subject shares the next clause's verb
            while ((Is(i, "and") || Is(i, ",") && SubjectListGoesOn(i + 1)) && StartsSubject(i + 1) && !Lexicon.Pronouns.Contains(W(i + 1)))
            {
                int j = i + 1;
                var other = SubjectPhrase(ref j);
                if (other is null) break;
                // only a bare subject list if no verb came yet for the first subject
                other.Order = subject.Order;
                if (!actors.Contains(other)) actors.Add(other);
                clauseActors.Add(other);
                i = j;
            }
        }
        else if (last is not null && MutualAhead(i) && ActorsOfOrder(last.Order) is { Count: > 1 } together)
            clauseActors.AddRange(together); // "A stands left and B right, facing each other": both
        else if (last is not null) clauseActors.AddRange(last.GroupSize > 1 ? last.Members() : [last]); // "…, starting from the door", "and dances"
        else
        {
            // no subject at all (a bare verb or phrase): keep scanning
            int end = PrepositionalPhrases(i, null);
            return end > i ? end : i + 1;
        }

        sequential = false;
        if (clauseActors.Count == 0) return i + 1;
        last = clauseActors[^1];
        lastClauseActors = clauseActors;
        // "a girl with her dog walks": a companion shares the verb
        var companion = Is(i, "with") ? Companion(i + 1) : null;
        if (companion is { } c) { clauseActors.Add(c.Actor); i = c.End; }

        bool fresh = clauseActors.All(a => a.Current.Phrases.Count == 0);
        if (Passive(i, clauseActors) is int agentEnd) i = agentEnd; // "a cat is chased by a dog": the dog chases it
        else
        {
            // "… both wave", "… all bow", "… together walk": the subjects share the verb that follows
            while (i < t.Count && (Lexicon.Auxiliaries.Contains(W(i)) || RelativeWords.Contains(W(i)) || Is(i, "both", "all", "together") && clauseActors.Sum(a => a.Count) > 1) && !Is(i, "then")) i++;
            i = VerbPhrase(i, clauseActors, sequence && clauseActors.All(a => a.HasMotion), verbSlot: newSubject || Lexicon.Pronouns.Contains(W(clauseStart)));
        }
        i = PrepositionalPhrases(i, clauseActors);
        if (fresh && clauseActors.All(a => a.Current.Phrases.Count == 0) && i < t.Count && IsVerbForm(i))
        {
            // "a woman next to him dances": the subject's place phrase came before its verb
            i = VerbPhrase(i, clauseActors);
            i = PrepositionalPhrases(i, clauseActors);
        }
        if (companion is { } with)
            relations.Add(clauseActors[0].Travels ? new RelationDraft(RelationKind.SideBySide, [clauseActors[0], with.Actor]) : new RelationDraft(RelationKind.NextTo, [with.Actor], clauseActors[0]));
        ReadManner(clauseStart, i, clauseActors);
        Reciprocal(clauseActors, Text(clauseStart, i).ToLowerInvariant());
        return i;
    }
}
