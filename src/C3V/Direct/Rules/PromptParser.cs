using System.Globalization;
using C3V.World;

namespace C3V.Direct.Rules;

/// <summary>
/// The rule director's deterministic English parser: prompt → <see cref="ScenePlan"/>. It splits clauses
/// (punctuation, "and" before a new subject, "then", "while"), reads each clause as
/// [place phrase] subject [modifiers] [verb phrase] [prepositional phrases], and turns those into actors
/// (noun phrases with attributes, counts expanded), motions, start/end hints (landmarks, other actors, image
/// regions, the camera), path shapes and the scene phrase. Same prompt, same plan.
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

/// <summary>An actor as the parser builds it, before counts are expanded into individuals.</summary>
sealed class ActorDraft
{
    public required string Noun { get; init; }
    public int Count { get; set; } = 1;
    public required string Description { get; set; }
    public List<string> Attributes { get; } = [];
    public List<string> Props { get; } = [];
    public ActorCategory Category { get; set; }
    public double Height { get; set; }
    public List<string> Motions { get; } = [];
    public bool Travels { get; set; }
    public PathShape Path { get; set; } = PathShape.Auto;
    public SpatialHint? Start { get; set; }
    public SpatialHint? End { get; set; }
    public string? EndActor { get; set; } // target draft's noun key, resolved to an id at the end
    public ActorDraft? EndTarget { get; set; }
    public ActorDraft? StartTarget { get; set; }
    /// <summary>The actor this one's action is aimed at ("waves at him", "talks to the woman").</summary>
    public ActorDraft? AimTarget { get; set; }
    public int Order { get; set; }
}

/// <summary>One run of the parser over one prompt.</summary>
sealed class Parse(string prompt, PhraseClassifier classifier)
{
    readonly List<Token> t = PromptTokenizer.Tokenize(prompt);
    readonly List<ActorDraft> actors = [];
    readonly List<string> landmarks = [];
    string? scene;
    bool sceneIsSurface;
    /// <summary>A landmark that becomes the scene when no place phrase is found ("on an iceberg", "to the lake").</summary>
    (string Landmark, string Phrase)? fallbackScene;
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
        ("under", SpatialRelation.Near), ("beneath", SpatialRelation.Near), ("below", SpatialRelation.Near), ("between", SpatialRelation.Near),
        ("among", SpatialRelation.Near), ("facing", SpatialRelation.InFrontOf), ("opposite", SpatialRelation.InFrontOf),
    ];
    static readonly string[] AttributePreps = ["wearing", "wears", "dressed in", "dressed as", "clad in", "in", "with", "who is wearing", "who wears", "that wears", "in a pair of"];
    static readonly string[] PropVerbs = ["holding", "carrying", "holds", "carries", "with"];
    static readonly string[] CameraWords = ["the camera", "camera", "the viewer", "viewer", "us", "the screen"];
    static readonly HashSet<string> ClauseWords = ["while", "then", "meanwhile", "afterwards", "afterward", "later", "and", "as", "whereas", "after"];
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
        return Lexicon.ActorNouns.ContainsKey(Lexicon.Singular(W(i)));
    }

    (int Value, int Length) CountAt(int i)
    {
        if (int.TryParse(W(i), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 12) return (n, 1);
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
            if (Match(i, "and then") > 0 || Match(i, "after that") > 0 || Is(i, "then", "afterwards", "afterward", "later", "finally") || Is(i, "next") && !Is(i + 1, "to"))
            {
                sequential = true;
                i += Math.Max(1, Math.Max(Match(i, "and then"), Match(i, "after that")));
                continue;
            }
            if (Is(i, "while", "meanwhile", "as", "whereas", "and", "with") && i + 1 < t.Count && (StartsSubject(i + 1) || Is(i, "while", "meanwhile", "whereas")))
            {
                if (Is(i, "with") && !StartsSubject(i + 1)) { i++; continue; }
                i++;
                continue;
            }
            int next = Clause(i, ref last, ref sequential);
            i = next > i ? next : i + 1; // a word no rule consumes is skipped
        }
        return Build();
    }

    /// <summary>Camera moves and durations, wherever they are; their tokens are blanked so clauses skip them.</summary>
    void ReadGlobalPhrases()
    {
        for (int i = 0; i < t.Count; i++)
        {
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

        bool newSubject = StartsSubject(i) && !Lexicon.Pronouns.Contains(W(i));
        if (Lexicon.Pronouns.Contains(W(i)))
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
            // "a man and a woman dance": a bare subject shares the next clause's verb
            while (Is(i, "and") && StartsSubject(i + 1) && !Lexicon.Pronouns.Contains(W(i + 1)))
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
        else if (last is not null) clauseActors.Add(last); // "…, starting from the door", "and dances"
        else
        {
            // no subject at all (a bare verb or phrase): keep scanning
            int end = PrepositionalPhrases(i, null);
            return end > i ? end : i + 1;
        }

        sequential = false;
        if (clauseActors.Count == 0) return i + 1;
        last = clauseActors[^1];

        while (i < t.Count && (Lexicon.Auxiliaries.Contains(W(i)) || RelativeWords.Contains(W(i))) && !Is(i, "then") ) i++;
        i = VerbPhrase(i, clauseActors);
        i = PrepositionalPhrases(i, clauseActors);
        return i;
    }

    /// <summary>
    /// A subject noun phrase: [count | determiner] adjectives* head [attribute modifiers]. Returns the actor
    /// (an existing one when the phrase refers back to it: "the man", "the same dancer").
    /// </summary>
    ActorDraft? SubjectPhrase(ref int i)
    {
        int start = i;
        var (count, countLength) = CountAt(i);
        bool definite = Is(i, "the", "this", "that", "his", "her", "their");
        if (countLength > 0) i += countLength;
        else if (Lexicon.Determiners.Contains(W(i))) i++;
        if (Is(i, "same", "other", "first", "second")) i++;
        int headStart = i;
        int head = -1;
        while (i < t.Count && !t[i].IsPunctuation)
        {
            string w = W(i);
            if (i > headStart && (IsPreposition(i) || Lexicon.Auxiliaries.Contains(w) || RelativeWords.Contains(w) || ClauseWords.Contains(w))) break;
            if (i > headStart && IsVerbForm(i) && !(IsGerund(i) && i == headStart)) break;
            if (i == headStart && (IsPreposition(i) && !Lexicon.ActorNouns.ContainsKey(w))) break;
            head = i;
            i++;
            // "a gorilla beats …": after a known actor noun, an unknown word in -s is the verb
            if (Lexicon.ActorNouns.ContainsKey(Lexicon.Singular(W(head))) && W(i).EndsWith('s') && W(i).Length > 3
                && !Lexicon.ActorNouns.ContainsKey(Lexicon.Singular(W(i))) && !Lexicon.PlaceNouns.Contains(W(i))) break;
        }
        if (head < 0) return null;
        string noun = Lexicon.Singular(W(head));
        bool plural = noun != W(head) || W(head) is "people";
        if (countLength == 0 && plural && !definite) count = W(head) == "people" ? 3 : 2;
        if (countLength == 0 && !plural) count = 1;

        // Referring back: "the man", "the same dancer", "he".
        if ((definite || W(start + 1) == "same") && actors.LastOrDefault(a => a.Noun == noun) is { } existing)
        {
            AttributeModifiers(ref i, existing);
            return existing;
        }

        var info = Lexicon.ActorNouns.TryGetValue(noun, out var known) ? known : new NounInfo(classifier.ClassifyActor(noun), 1.75);
        var draft = new ActorDraft
        {
            Noun = noun,
            Count = Math.Max(1, count),
            Description = "",
            Category = info.Category,
            Height = info.HeightMeters,
        };
        // Pre-head words are attributes ("black", "old", "tall"), colour phrases kept whole ("navy blue").
        var pre = Enumerable.Range(headStart, head - headStart).Where(k => !Is(k, "same")).ToList();
        for (int k = 0; k < pre.Count; k++)
        {
            if (k + 1 < pre.Count && ColorNames.TryGet(W(pre[k]) + " " + W(pre[k + 1]), out _))
            {
                draft.Attributes.Add(Text(pre[k], pre[k + 1] + 1).ToLowerInvariant());
                k++;
                continue;
            }
            if (Lexicon.ActorNouns.ContainsKey(W(pre[k])) && W(pre[k]) is "robot" or "alien" or "zombie" or "ghost" or "skeleton")
                draft.Category = Lexicon.ActorNouns[W(pre[k])].Category; // "robot dog" is a robot
            draft.Attributes.Add(W(pre[k]));
            if (AttributeVocabulary.Find(AttributeKind.Size, W(pre[k])) is { } size && size.Value > 0) draft.Height *= size.Value;
        }
        AttributeModifiers(ref i, draft);
        draft.Description = Describe(start, countLength, head, i, draft.Count);
        return draft;
    }

    /// <summary>The actor's phrase for one individual: the count replaced by "a"/"an", the head made singular.</summary>
    string Describe(int start, int countLength, int head, int end, int count)
    {
        if (count <= 1 && countLength == 0 && !Lexicon.IsPlural(W(head))) return Text(start, end);
        string singular = Lexicon.Singular(W(head));
        string before = countLength > 0 ? Text(start + countLength, head) : Lexicon.Determiners.Contains(W(start)) ? Text(start + 1, head) : Text(start, head);
        string after = head + 1 < end ? prompt[t[head].End..t[end - 1].End] : "";
        string body = (before.Length > 0 ? before + " " : "") + singular + after;
        string article = "aeiou".Contains(body[0]) ? "an" : "a";
        return $"{article} {body}";
    }

    /// <summary>"wearing a green t-shirt", "in ski clothes", "with blonde hair", "holding an umbrella".</summary>
    void AttributeModifiers(ref int i, ActorDraft draft)
    {
        while (i < t.Count)
        {
            int j = i;
            if (RelativeWords.Contains(W(j)) && (Is(j + 1, "is", "are") && Is(j + 2, "wearing", "dressed", "holding", "carrying") || Is(j + 1, "wears", "holds", "carries")))
                j += Is(j + 1, "is", "are") ? 2 : 1;
            if (Is(j, "and") && (IsGarmentPhrase(j + 1, out _) || Is(j + 1, "wearing", "holding", "carrying", "with"))) j++;
            var (prop, propLength) = MatchAny(j, PropVerbs);
            var (attr, attrLength) = MatchAny(j, AttributePreps);
            if (attrLength > 0 && attr != "with" || attr == "with" && IsGarmentPhrase(j + 1, out _))
            {
                int np = j + attrLength;
                if (attr == "in" && !IsGarmentPhrase(np, out _)) return; // "in the park" is a place, not clothing
                int end = NounPhraseEnd(np);
                if (end <= np) return;
                draft.Attributes.Add(Lexicon.Determiners.Contains(W(np)) ? Text(np + 1, end).ToLowerInvariant() : Text(np, end).ToLowerInvariant());
                i = end;
                continue;
            }
            if (propLength > 0)
            {
                int np = j + propLength;
                int end = NounPhraseEnd(np);
                if (end <= np) return;
                draft.Props.Add(string.Join(' ', Enumerable.Range(np, end - np).Where(k => !Lexicon.Determiners.Contains(W(k))).Select(W)));
                i = end;
                continue;
            }
            return;
        }
    }

    /// <summary>True when the noun phrase at <paramref name="i"/> names clothing (a garment, a colour, or "clothes").</summary>
    bool IsGarmentPhrase(int i, out int end)
    {
        end = NounPhraseEnd(i);
        var words = t.Select(x => x.Word).ToList();
        for (int k = i; k < end; k++)
        {
            if (AttributeVocabulary.MatchAt(AttributeKind.Garment, words, k).Term is not null) return true;
            if (AttributeVocabulary.MatchAt(AttributeKind.Feature, words, k).Term is not null) return true;
            if (ClothingWords.Contains(W(k)) || ColorNames.IsColorWord(W(k)) && !Lexicon.PlaceNouns.Contains(W(end - 1))) return true;
        }
        return false;
    }

    /// <summary>End of a noun phrase starting at <paramref name="i"/>: determiner, words, "of" + noun phrase.</summary>
    int NounPhraseEnd(int i)
    {
        int j = i;
        if (Lexicon.Determiners.Contains(W(j)) || CountAt(j).Length > 0) j += Math.Max(1, CountAt(j).Length);
        int words = 0;
        while (j < t.Count && !t[j].IsPunctuation)
        {
            if (Is(j, "of") && words > 0 && j + 1 < t.Count && !t[j + 1].IsPunctuation) { j++; words = 0; if (Lexicon.Determiners.Contains(W(j))) j++; continue; }
            if (words > 0 && (IsPreposition(j) || ClauseWords.Contains(W(j)) || RelativeWords.Contains(W(j)) || Lexicon.Auxiliaries.Contains(W(j)))) break;
            if (words > 0 && IsVerbForm(j, allowBare: false) && !IsColorOrGarmentWord(j)) break;
            if (words > 0 && IsGerund(j)) break;
            if (Is(j, "and") ) break;
            j++;
            words++;
        }
        return words == 0 ? i : j;
    }

    bool IsColorOrGarmentWord(int k) => ColorNames.IsColorWord(W(k)) || AttributeVocabulary.Find(AttributeKind.Garment, W(k)) is not null;

    /// <summary>The verb and its object ("playing kung fu", "chasing a cat"), for every actor of the clause.</summary>
    int VerbPhrase(int i, List<ActorDraft> subjects)
    {
        while (i < t.Count)
        {
            if (!IsVerbForm(i) && !(Lexicon.VerbForms.ContainsKey(W(i)))) return i;
            if (Is(i, "starting", "beginning", "ending", "heading", "going", "stopping") && IsPreposition(i + 1)) return i; // path phrases
            string lemma = Lexicon.VerbForms.TryGetValue(W(i), out var v) ? v.Lemma : W(i)[..^3];
            bool travels = Lexicon.VerbForms.TryGetValue(W(i), out var vi) ? vi.Travels : classifier.Travels(W(i));
            int verb = i++;
            // particles and objects up to a preposition or clause boundary
            int objStart = i;
            ActorDraft? target = null;
            while (i < t.Count && !t[i].IsPunctuation && !ClauseWords.Contains(W(i)) && !RelativeWords.Contains(W(i)))
            {
                if (IsPreposition(i) && !(i == objStart && Is(i, "around") && IsPathEnd(i + 1))) break;
                if (i > objStart && IsVerbForm(i, allowBare: false) && !Lexicon.Determiners.Contains(W(i - 1))) break;
                i++;
            }
            // a pursued actor: "chasing a cat"
            if (Lexicon.PursuitVerbs.Contains(lemma) && i > objStart)
            {
                int k = objStart;
                var obj = SubjectPhrase(ref k);
                if (obj is not null)
                {
                    obj.Order = subjects[0].Order;
                    if (!actors.Contains(obj))
                    {
                        actors.Add(obj);
                        if (obj.Motions.Count == 0) { obj.Motions.Add(lemma == "chase" ? "running away" : "walking"); obj.Travels = true; }
                    }
                    target = obj;
                }
            }
            // adverbs ("slowly") say how, not what: they are left out of the motion phrase
            var objectWords = Enumerable.Range(objStart, i - objStart).Where(k => !IsAdverb(k)).ToList();
            string phrase = Gerund(lemma, W(verb)) + (objectWords.Count > 0 ? " " + Text(objectWords[0], objectWords[^1] + 1) : "");
            if (Is(objStart, "around") && i == objStart + 1) phrase = Gerund(lemma, W(verb)) + " around";
            foreach (var s in subjects)
            {
                s.Motions.Add(phrase);
                s.Travels |= travels;
                if (target is not null && s != target) { s.EndTarget = target; s.Travels = true; }
                if (Is(objStart, "around") && i == objStart + 1) s.Path = PathShape.Around;
            }
            // "dancing and singing": more verbs of the same subjects
            if (Is(i, "and") && IsVerbForm(i + 1) && !StartsSubject(i + 1)) { i++; continue; }
            return i;
        }
        return i;
    }

    static readonly HashSet<string> LyNouns = ["belly", "fly", "lily", "family", "jelly", "rally", "bully", "ally", "holy", "early", "italy", "july"];

    bool IsAdverb(int k) => W(k).Length > 4 && W(k).EndsWith("ly", StringComparison.Ordinal) && !LyNouns.Contains(W(k));

    bool IsPathEnd(int i) => i >= t.Count || t[i].IsPunctuation || ClauseWords.Contains(W(i));

    /// <summary>The -ing form of a verb as written ("plays" → "playing").</summary>
    static string Gerund(string lemma, string written)
    {
        if (written.EndsWith("ing", StringComparison.Ordinal)) return written;
        if (lemma.EndsWith("ie")) return lemma[..^2] + "ying";
        if (lemma.EndsWith('e') && !lemma.EndsWith("ee")) return lemma[..^1] + "ing";
        bool cvc = lemma.Length >= 3 && lemma.Length <= 4 && !"aeiouwxy".Contains(lemma[^1]) && "aeiou".Contains(lemma[^2]) && !"aeiou".Contains(lemma[^3]);
        return cvc ? lemma + lemma[^1] + "ing" : lemma + "ing";
    }

    /// <summary>Prepositional phrases after the verb (or leading a clause): hints, path shapes, the scene.</summary>
    int PrepositionalPhrases(int i, List<ActorDraft>? subjects)
    {
        SpatialHint? lastHint = null;
        bool lastHintIsEnd = false;
        while (i < t.Count && !t[i].IsPunctuation && !(ClauseWords.Contains(W(i)) && !Is(i, "and") ) && !(Is(i, "and") && !IsPreposition(i + 1) && !Is(i + 1, "then")))
        {
            if (Is(i, "and")) { i++; continue; }
            // manner and path particles
            int n;
            if ((n = Match(i, "back and forth")) > 0 || (n = Match(i, "to and fro")) > 0 || (n = Match(i, "in a zigzag")) > 0 || (n = Match(i, "zigzagging")) > 0)
            { SetPath(subjects, PathShape.Zigzag, travels: true); i += n; continue; }
            if ((n = Match(i, "in a straight line")) > 0 || (n = Match(i, "straight")) > 0) { SetPath(subjects, PathShape.Straight, travels: true); i += n; continue; }
            if ((n = Match(i, "in circles")) > 0 || (n = Match(i, "in a circle")) > 0) { if (!AroundObject(i + n)) { SetPath(subjects, PathShape.Around, travels: true); i += n; continue; } }
            if ((n = Match(i, "in a curve")) > 0 || (n = Match(i, "in an arc")) > 0 || (n = Match(i, "along a curved path")) > 0) { SetPath(subjects, PathShape.Curved, travels: true); i += n; continue; }
            if ((n = Match(i, "in place")) > 0 || (n = Match(i, "on the spot")) > 0) { SetPath(subjects, PathShape.InPlace, travels: false); i += n; continue; }
            if (Is(i, "slowly", "quickly", "happily", "gracefully", "together", "energetically", "alone", "around") && (IsPathEnd(i + 1) || IsPreposition(i + 1)) && !Is(i, "around"))
            { i++; continue; }
            // the camera as a target: "towards the camera", "away from the camera"
            var (toward, tl) = MatchAny(i, ["towards", "toward", "to", "at", "facing"]);
            if (tl > 0 && MatchAny(i + tl, CameraWords).Length is > 0 and var cl && subjects is not null)
            {
                foreach (var s in subjects)
                {
                    s.Travels |= toward != "at" && toward != "facing";
                    if (s.Travels) { s.Start ??= new SpatialHint { Region = ImageRegion.Background }; s.End = new SpatialHint { Region = ImageRegion.Foreground }; }
                }
                i += tl + cl;
                continue;
            }
            if ((n = Match(i, "away from")) > 0 && MatchAny(i + n, CameraWords).Length is > 0 and var cl2 && subjects is not null)
            {
                foreach (var s in subjects) { s.Travels = true; s.Start = new SpatialHint { Region = ImageRegion.Foreground }; s.End = new SpatialHint { Region = ImageRegion.Background }; }
                i += n + cl2;
                continue;
            }
            if (Is(i, "away") && IsPathEnd(i + 1) && subjects is not null)
            {
                foreach (var s in subjects) { s.Travels = true; s.End ??= new SpatialHint { Region = ImageRegion.Background }; }
                i++;
                continue;
            }
            if (Is(i, "starting", "beginning", "ending", "heading", "going", "stopping")) { if (!IsPreposition(i + 1) || Is(i + 1, "starting")) { i++; continue; } if (MatchAny(i, StartPreps).Length == 0 && MatchAny(i, EndPreps).Length == 0) { i++; continue; } }

            var (startPrep, sl) = MatchAny(i, StartPreps);
            var (endPrep, el) = MatchAny(i, EndPreps);
            var (aroundPrep, al) = MatchAny(i, AroundPreps);
            var (acrossPrep, xl) = MatchAny(i, AcrossPreps);
            var (placePrep, pl) = MatchAny(i, PlacePreps);
            var near = NearPreps.Select(p => (p.Phrase, p.Relation, Length: Match(i, p.Phrase))).Where(p => p.Length > 0).OrderByDescending(p => p.Length).FirstOrDefault();
            int best = new[] { sl, el, al, xl, pl, near.Length }.Max();
            if (best == 0)
            {
                if (subjects is not null && Is(i, "each", "one") && Is(i + 1, "other", "another")) { i += 2; continue; }
                i++; // a word the grammar does not place: skip it
                continue;
            }
            int np = i + best;
            if ((Match(np, "each other") | Match(np, "one another")) > 0) { i = np + 2; continue; }
            int end = NounPhraseEnd(np);
            if (end <= np) { i = np; continue; }
            var obj = Classify(np, end, subjects);
            if ((best == sl || best == el) && obj.Kind == ObjectKind.Place)
            {
                if (endPrep is "into" && best == el || scene is null && subjects is null) { SetScene(obj, np, end); i = end; continue; }
                obj = obj with { Kind = ObjectKind.Landmark };
            }
            if (best == sl)
            {
                Hint(subjects, obj, start: true, SpatialRelation.At, out lastHint);
                lastHintIsEnd = false;
                foreach (var s in subjects ?? []) s.Travels = true;
            }
            else if (best == el && obj.Actor is { } addressee && endPrep is "to" && subjects is not null && subjects.All(s => !s.Travels))
            {
                // "talks to the woman", "waves to him": an action aimed at someone, not a walk to them
                Aim(subjects, addressee);
            }
            else if (best == el)
            {
                Hint(subjects, obj, start: false, SpatialRelation.At, out lastHint);
                lastHintIsEnd = true;
                foreach (var s in subjects ?? []) s.Travels = true;
            }
            else if (best == al)
            {
                SetPath(subjects, PathShape.Around, travels: true);
                if (obj.Kind is ObjectKind.Place) SetScene(obj, np, end);
                else { Hint(subjects, obj, start: true, SpatialRelation.Near, out _); Hint(subjects, obj, start: false, SpatialRelation.Near, out lastHint); }
            }
            else if (best == xl)
            {
                SetPath(subjects, acrossPrep is "across" or "through" or "past" ? PathShape.Across : PathShape.Auto, travels: true);
                if (obj.Kind is ObjectKind.Place) SetScene(obj, np, end);
                else if (obj.Kind is ObjectKind.Landmark) AddLandmark(obj.Name);
            }
            else if (best == pl && !(best == near.Length && near.Phrase.Length > placePrep!.Length))
            {
                if (obj.Actor is { } aimed && placePrep is "at" && subjects is not null) Aim(subjects, aimed); // "waves at him", "points at the robot"
                else if (obj.Kind is ObjectKind.Place) SetScene(obj, np, end);
                else if (lastHint is not null && obj.Kind is ObjectKind.Region) lastHint = Refine(subjects, lastHint, lastHintIsEnd, obj);
                else
                {
                    if (obj.Kind == ObjectKind.Landmark) fallbackScene ??= (obj.Name, Text(np, end));
                    if (obj.Kind == ObjectKind.Landmark && subjects is not null && subjects.Any(s => s.Start is not null))
                    {
                        // "next to the tent in a circus": the actor already has its spot; this names where that is
                        AddLandmark(obj.Name);
                        i = end;
                        continue;
                    }
                    var rel = placePrep is "on" or "on top of" or "atop" or "upon" ? SpatialRelation.On : SpatialRelation.At;
                    Hint(subjects, obj, start: true, rel, out lastHint);
                    lastHintIsEnd = false;
                }
            }
            else
            {
                if (lastHint is not null && obj.Kind is ObjectKind.Region) lastHint = Refine(subjects, lastHint, lastHintIsEnd, obj);
                else if (lastHint is not null && obj.Kind is ObjectKind.Landmark && i > 0 && !Is(i - 1, "and")) AddLandmark(obj.Name); // "to the bench near the fountain"
                else if (obj.Kind is ObjectKind.Place && subjects is null) SetScene(obj, np, end); // "by the sea, …"
                else if (obj.Kind is ObjectKind.Place && scene is null) { SetScene(obj, np, end); }
                else
                {
                    bool asStart = subjects is null || subjects.All(s => s.Start is null);
                    Hint(subjects, obj, start: asStart, near.Relation, out lastHint);
                    lastHintIsEnd = !asStart;
                }
            }
            i = end;
            // a relative clause on an actor object: "towards a woman who is dancing"
            if (obj.Actor is { } a && RelativeWords.Contains(W(i)))
            {
                i++;
                while (i < t.Count && Lexicon.Auxiliaries.Contains(W(i))) i++;
                i = VerbPhrase(i, [a]);
            }
        }
        return i;
    }

    /// <summary>The subjects' action is aimed at <paramref name="target"/>: they face it (where they stand is not said).</summary>
    static void Aim(List<ActorDraft> subjects, ActorDraft target)
    {
        foreach (var s in subjects) if (s != target) s.AimTarget = target;
    }

    bool AroundObject(int i) => !IsPathEnd(i) && Is(i, "around", "round");

    void SetPath(List<ActorDraft>? subjects, PathShape path, bool travels)
    {
        foreach (var s in subjects ?? [])
        {
            s.Path = path;
            s.Travels = travels;
        }
    }

    enum ObjectKind { Region, Place, Landmark, Actor }

    sealed record PhraseObject(ObjectKind Kind, string Name, ImageRegion? Region, ActorDraft? Actor, int OfPlaceStart = -1);

    /// <summary>What a prepositional object names: an image region, a place (scene), another actor or a landmark.</summary>
    PhraseObject Classify(int np, int end, List<ActorDraft>? subjects)
    {
        var content = Enumerable.Range(np, end - np).Where(k => !Lexicon.Determiners.Contains(W(k))).ToList();
        // "X of Y": split off Y (a region of the image, or the place a landmark belongs to)
        int of = content.FirstOrDefault(k => W(k) == "of", -1);
        var head = of >= 0 ? content.Where(k => k < of).ToList() : content;
        var tail = of >= 0 ? content.Where(k => k > of).ToList() : [];
        if (head.Count > 0 && head.All(k => Lexicon.RegionWords.Contains(W(k))) && head.Any(k => W(k) is "left" or "right" or "top" or "bottom" or "upper" or "lower" or "center" or "centre" or "middle" or "foreground" or "background" or "distance" or "front" or "back"))
        {
            var region = RegionOf(head.Select(W));
            if (tail.Count > 0 && !tail.All(k => Lexicon.RegionWords.Contains(W(k))))
            {
                // "the middle of the stage": a region, and the stage is the scene
                int tailStart = of + 1;
                var tailObj = Classify(tailStart, end, subjects);
                if (tailObj.Kind == ObjectKind.Place) SetScene(tailObj, tailStart, end);
            }
            return new PhraseObject(ObjectKind.Region, "", region, null);
        }
        if (content.Count == 1 && W(content[0]) is "him" or "her" or "them" or "it"
            && actors.LastOrDefault(a => subjects is null || !subjects.Contains(a)) is { } referent)
            return new PhraseObject(ObjectKind.Actor, referent.Noun, null, referent);
        string headNoun = head.Count > 0 ? Lexicon.Singular(W(head[^1])) : "";
        var existing = actors.LastOrDefault(a => a.Noun == headNoun && (subjects is null || !subjects.Contains(a)));
        if (existing is not null && of < 0) return new PhraseObject(ObjectKind.Actor, headNoun, null, existing);
        if (Lexicon.ActorNouns.TryGetValue(headNoun, out var info) && info.Category != ActorCategory.Object && of < 0 && subjects is not null)
        {
            int k = np;
            var other = SubjectPhrase(ref k);
            if (other is not null)
            {
                other.Order = subjects[0].Order;
                actors.Add(other);
                if (other.Motions.Count == 0) other.Motions.Add("standing");
                return new PhraseObject(ObjectKind.Actor, headNoun, null, other);
            }
        }
        string name = string.Join(' ', head.Select(W));
        if (tail.Count > 0)
        {
            // "the swimming pool of a modern mega villa by the sea": landmark, and the villa is the scene
            int tailStart = of + 1;
            var tailObj = Classify(tailStart, end, subjects);
            if (tailObj.Kind == ObjectKind.Place) { SetScene(tailObj, tailStart, end); return new PhraseObject(IsPlace(head) ? ObjectKind.Landmark : ObjectKind.Landmark, name, null, null); }
            name = string.Join(' ', content.Select(W));
        }
        return new PhraseObject(IsPlace(head) ? ObjectKind.Place : ObjectKind.Landmark, name, null, null);
    }

    bool IsPlace(List<int> head)
    {
        if (head.Count == 0) return false;
        string noun = W(head[^1]);
        if (Lexicon.PlaceNouns.Contains(noun) || Lexicon.PlaceNouns.Contains(Lexicon.Singular(noun))) return true;
        if (Lexicon.ActorNouns.ContainsKey(Lexicon.Singular(noun))) return false;
        return classifier.IsPlace(string.Join(' ', head.Select(W)));
    }

    static ImageRegion RegionOf(IEnumerable<string> words)
    {
        var set = words.ToHashSet();
        int h = set.Contains("left") ? -1 : set.Contains("right") ? 1 : 0;
        int v = set.Overlaps(["top", "upper", "background", "back", "distance"]) ? -1 : set.Overlaps(["bottom", "lower", "foreground", "front"]) ? 1 : 0;
        return (h, v) switch
        {
            (-1, -1) => ImageRegion.TopLeft,
            (1, -1) => ImageRegion.TopRight,
            (-1, 1) => ImageRegion.BottomLeft,
            (1, 1) => ImageRegion.BottomRight,
            (-1, 0) => ImageRegion.Left,
            (1, 0) => ImageRegion.Right,
            (0, -1) => ImageRegion.Background,
            (0, 1) => ImageRegion.Foreground,
            _ => ImageRegion.Center,
        };
    }

    void Hint(List<ActorDraft>? subjects, PhraseObject obj, bool start, SpatialRelation relation, out SpatialHint? hint)
    {
        hint = null;
        if (obj.Kind == ObjectKind.Place) return;
        if (obj.Kind == ObjectKind.Landmark) AddLandmark(obj.Name);
        hint = obj.Kind switch
        {
            ObjectKind.Region => new SpatialHint { Region = obj.Region },
            ObjectKind.Landmark => new SpatialHint { Landmark = obj.Name, Relation = relation },
            _ => new SpatialHint { Relation = relation == SpatialRelation.At ? SpatialRelation.Near : relation },
        };
        foreach (var s in subjects ?? [])
        {
            if (start) { s.Start = hint; s.StartTarget = obj.Actor; }
            else { s.End = hint; s.EndTarget = obj.Actor; }
        }
    }

    /// <summary>"to the mower near the bottom right corner of the image": the region refines the last hint.</summary>
    static SpatialHint Refine(List<ActorDraft>? subjects, SpatialHint hint, bool isEnd, PhraseObject region)
    {
        var refined = hint with { Region = region.Region };
        foreach (var s in subjects ?? [])
        {
            if (isEnd && s.End == hint) s.End = refined;
            else if (!isEnd && s.Start == hint) s.Start = refined;
        }
        return refined;
    }

    void AddLandmark(string name)
    {
        if (name.Length > 0 && !landmarks.Contains(name)) landmarks.Add(name);
    }

    /// <summary>Takes the place phrase as the scene (the first one wins), with following place phrases ("by the sea").</summary>
    void SetScene(PhraseObject obj, int np, int end)
    {
        if (scene is not null && !sceneIsSurface) return;
        int stop = end;
        // absorb "by the sea", "in the desert", "at night" when they name places
        while (stop < t.Count && MatchAny(stop, ["by", "in", "at", "near", "on", "under", "with", "during"]).Length is > 0 and var pl)
        {
            int e = NounPhraseEnd(stop + pl);
            var content = Enumerable.Range(stop + pl, Math.Max(0, e - stop - pl)).Where(k => !Lexicon.Determiners.Contains(W(k))).ToList();
            if (e <= stop + pl || !(IsPlace(content) || content.Any(k => W(k) is "night" or "sunset" or "dawn" or "dusk" or "rain" or "snow" or "moonlight"))) break;
            stop = e;
        }
        string head = W(Enumerable.Range(np, end - np).Last(k => W(k) != "of" && !Lexicon.Determiners.Contains(W(k))));
        bool surface = Lexicon.SurfaceNouns.Contains(head) && stop == end;
        if (scene is not null && surface) return;
        scene = Text(np, stop);
        sceneIsSurface = surface;
    }

    ScenePlan Build()
    {
        if (scene is null && fallbackScene is { } fb)
        {
            // the only place named was taken for a landmark: it is the scene, not a spot in it
            scene = fb.Phrase;
            landmarks.Remove(fb.Landmark);
            foreach (var a in actors)
            {
                if (a.Start?.Landmark == fb.Landmark) a.Start = null;
                if (a.End?.Landmark == fb.Landmark) a.End = null;
            }
        }
        if (actors.Count == 0) throw new Common.C3VException($"no actor found in the prompt \"{prompt}\" (expected a subject such as \"a man\", \"two robots\")");
        // ids: the noun, numbered when it repeats
        var expanded = new List<(ActorDraft Draft, string Id)>();
        foreach (var group in actors.SelectMany(a => Enumerable.Repeat(a, a.Count).Select((d, k) => (d, k))).GroupBy(x => x.d.Noun))
        {
            var list = group.ToList();
            for (int k = 0; k < list.Count; k++)
                expanded.Add((list[k].d, list.Count == 1 ? Slug(group.Key) : $"{Slug(group.Key)}-{k + 1}"));
        }
        var ordered = actors.SelectMany(a => expanded.Where(e => e.Draft == a)).ToList();
        string IdOf(ActorDraft d) => ordered.First(e => e.Draft == d).Id;

        var plans = new List<ActorPlan>();
        var individuals = ordered.GroupBy(e => e.Draft).ToList();
        foreach (var group in individuals)
        {
            var d = group.Key;
            var ids = group.Select(g => g.Id).ToList();
            for (int k = 0; k < ids.Count; k++)
            {
                string motion = d.Motions.Count == 0 ? "standing" : string.Join(d.Order > 0 ? " then " : " and ", d.Motions.Distinct());
                var end = d.End;
                var start = d.Start;
                // "towards each other" and other actor targets
                if (d.EndTarget is not null) end = (end ?? new SpatialHint { Relation = SpatialRelation.Near }) with { Actor = IdOf(d.EndTarget) };
                if (d.StartTarget is not null) start = (start ?? new SpatialHint { Relation = SpatialRelation.Near }) with { Actor = IdOf(d.StartTarget) };
                bool travels = d.Travels || end is not null && d.Path != PathShape.InPlace;
                var path = travels ? d.Path : PathShape.InPlace;
                plans.Add(new ActorPlan
                {
                    Id = ids[k],
                    Description = d.Description,
                    Category = d.Category,
                    Noun = d.Noun,
                    Attributes = d.Attributes.ToList(),
                    Props = d.Props.ToList(),
                    HeightMeters = Math.Round(Math.Clamp(d.Height, 0.05, 50), 2),
                    Motion = new MotionPlan { Description = motion, Travels = travels, Path = path },
                    Start = start is { IsEmpty: false } ? start : null,
                    End = travels && end is { IsEmpty: false } ? end : null,
                    Order = d.Order,
                    Target = d.AimTarget is { } aim ? IdOf(aim) : null,
                });
            }
        }
        EachOther(plans);
        string sceneText = scene ?? DefaultScene();
        if (sceneIsSurface && landmarks.Count > 0)
            sceneText += " with " + string.Join(" and ", landmarks.Select(l => ("aeiou".Contains(l[0]) ? "an " : "a ") + l));
        return new ScenePlan
        {
            Version = ScenePlan.CurrentVersion,
            Prompt = prompt,
            Scene = new SceneSpec { Description = sceneText, Landmarks = landmarks.ToList() },
            Actors = plans,
            Camera = camera,
            DurationSeconds = duration ?? 4,
        };
    }

    /// <summary>"walk towards each other": two travelling actors meet.</summary>
    void EachOther(List<ActorPlan> plans)
    {
        if (!prompt.Contains("each other", StringComparison.OrdinalIgnoreCase) && !prompt.Contains("one another", StringComparison.OrdinalIgnoreCase)) return;
        if (plans.Count != 2) return;
        for (int k = 0; k < 2; k++)
        {
            var p = plans[k];
            plans[k] = p with
            {
                End = (p.End ?? new SpatialHint { Relation = SpatialRelation.Near }) with { Actor = plans[1 - k].Id },
                Motion = p.Motion with { Travels = true, Path = p.Motion.Path == PathShape.InPlace ? PathShape.Auto : p.Motion.Path },
            };
        }
    }

    string DefaultScene() => landmarks.Count > 0
        ? "an open lawn with " + string.Join(" and ", landmarks.Select(l => ("aeiou".Contains(l[0]) ? "an " : "a ") + l))
        : "an empty stage";

    static string Slug(string noun) => new(noun.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
