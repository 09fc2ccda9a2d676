using System.Globalization;
using C3V.World;

namespace C3V.Direct.Rules;

/// <summary>The parser's verb groups: the motion phrase, its segment in the actor's sequence, its count and speed, reciprocal verbs.</summary>
sealed partial class Parse
{
    /// <summary>
    /// "Two boxers spar", "a samurai and a ninja fight", "two friends hug": a verb two people can only do to each
    /// other, with two or more subjects, makes them face each other at the interaction's distance.
    /// </summary>
    void Reciprocal(List<ActorDraft> subjects, string clause)
    {
        if (subjects.Sum(a => a.Count) < 2 || subjects[0].Current.Lemma is not { } lemma) return;
        var ia = Lexicon.InteractionOf(lemma, clause); // the whole clause: "fight with swords" is a sword fight
        if (ia is Interaction.Boxing or Interaction.Fighting or Interaction.SwordFight or Interaction.Hug or Interaction.Handshake or Interaction.Talking
            && !relations.Any(r => r.Kind == RelationKind.FacesEachOther && r.Actors.SequenceEqual(subjects)))
            relations.Add(new RelationDraft(RelationKind.FacesEachOther, subjects.ToList(), Interaction: ia));
    }

    /// <summary>
    /// Counts ("twice", "three times", "again") and speed adverbs ("slowly") anywhere in the clause, for its actors' current
    /// motion; a word inside one actor's noun phrase ("overtakes a slow runner") is that actor's alone.
    /// </summary>
    void ReadManner(int from, int to, List<ActorDraft> subjects)
    {
        for (int k = from; k < to; k++)
        {
            var (count, _) = Manner.CountAt(t, k);
            var who = owner.TryGetValue(k, out var o) ? subjects.Where(s => s == o) : subjects;
            foreach (var s in who)
            {
                if (count > 0) s.Current.Count = count;
                else if (Manner.IsAgain(W(k)))
                {
                    // "jumps again": a second time, unless it repeats an earlier segment ("jumps, waves, then jumps again")
                    bool repeats = s.Segments.Take(s.Segments.Count - 1).Any(x => x.Lemma == s.Current.Lemma);
                    if (!repeats) s.Current.Count = Math.Max(2, (s.Current.Count ?? 1) + 1);
                }
                if (Manner.SpeedOf(W(k)) is { } speed) s.Current.Speed = speed;
            }
        }
    }

    /// <summary>
    /// The verb and its object ("playing kung fu", "chasing a cat"), for every actor of the clause. A verb after a
    /// sequence marker starts a new segment of the actor's motion; "and" joins verbs done together ("dances and sings").
    /// Counts ("twice") and manner words ("slowly") are read into the segment, not the phrase.
    /// </summary>
    /// <param name="verbSlot">The words start right after a subject, where English puts the verb: a word no list knows
    /// (not a noun, preposition or function word) is taken for the verb ("a grandmother knits").</param>
    int VerbPhrase(int i, List<ActorDraft> subjects, bool sequence = false, bool verbSlot = false)
    {
        if (sequence) foreach (var s in subjects) s.StartSegment();
        while (i < t.Count)
        {
            if (!IsVerbForm(i) && !Lexicon.VerbForms.ContainsKey(W(i)) && !(verbSlot && IsUnknownVerb(i))) return i;
            verbSlot = false;
            if (Is(i, "starting", "beginning", "ending", "heading", "going", "stopping") && IsPreposition(i + 1)) return i; // path phrases
            if (Is(i, "facing", "face", "faces") && (Match(i + 1, "each other") > 0 || Match(i + 1, "one another") > 0)) return i; // a relation, read with the others
            string lemma = LemmaOf(W(i));
            bool travels = Lexicon.VerbForms.TryGetValue(W(i), out var vi) ? vi.Travels : classifier.Travels(W(i));
            int verb = i++;
            // particles and objects up to a preposition or clause boundary
            int objStart = i;
            while (i < t.Count && !t[i].IsPunctuation && !ClauseWords.Contains(W(i)) && !RelativeWords.Contains(W(i)))
            {
                if (IsPreposition(i) && !(i == objStart && Is(i, "around") && IsPathEnd(i + 1))) break;
                if (i > objStart && IsVerbForm(i, allowBare: false) && !Lexicon.Determiners.Contains(W(i - 1))) break;
                if (Match(i, "each other") > 0 || Match(i, "one another") > 0 || Match(i, "side by side") > 0 || Match(i, "hand in hand") > 0 || Match(i, "arm in arm") > 0 || Comparative(i).Length > 0 || Is(i, "together") || Is(i, "far") && Is(i + 1, "away", "off", "from", "apart")) break;
                i++;
            }
            ActorDraft? patient = i > objStart ? ObjectActor(objStart, subjects, lemma) : null;
            if (patient is null && i > objStart && (Lexicon.PlaceNouns.Contains(Lexicon.Singular(W(i - 1))) || Lexicon.BuildingNouns.Contains(W(i - 1))) && !IsLightingPhrase(objStart, i))
            {
                // "ploughs the field", "leaves the stage"; one who leaves or exits a building is outside it
                bool leaves = lemma is "leave" or "exit" && Lexicon.BuildingNouns.Contains(Lexicon.Singular(W(i - 1)));
                objectScene ??= leaves ? $"the front of {Text(objStart, i)}" : Text(objStart, i);
            }
            string gerund = Gerund(lemma, W(verb));
            // "a skier slides down", "a cyclist rides along": a general verb of going, done the way the actor's name says
            if ((Lexicon.GenericGoVerbs.Contains(lemma) || lemma == "roll") && subjects.Select(s => s.Noun).Distinct().Count() == 1 && subjects[0].Ride is { } ride)
                gerund = Lexicon.RideGerund(ride);
            else if (Lexicon.GenericGoVerbs.Contains(lemma) && subjects.Select(s => s.Noun).Distinct().Count() == 1 && Lexicon.AgentVerb(subjects[0].Noun) is { } own)
                gerund = Gerund(own, own);
            var target = patient is null ? null : Affect(subjects, patient, lemma, gerund, Text(objStart, i).ToLowerInvariant(), travels);
            // adverbs ("slowly") and counts ("twice") say how, not what: they are left out of the motion phrase
            var objectWords = Enumerable.Range(objStart, i - objStart).Where(k => !IsAdverb(k) && !Manner.IsDegree(W(k)) && Manner.CountAt(t, k).Length == 0 && !Manner.IsCountTail(t, k)).ToList();
            string phrase = gerund + (objectWords.Count > 0 ? " " + Text(objectWords[0], objectWords[^1] + 1) : "");
            bool around = Is(objStart, "around") && i == objStart + 1;
            if (around) phrase = gerund + " around";
            // "overtakes a walking man": the overtaker moves as its kind does (a jogger jogs, a car drives), faster
            if (Overtakes(lemma, patient)) { phrase = TravelGerund(subjects[0]); travels = true; }
            bool away = objectWords.Count == 1 && W(objectWords[0]) == "away" && IsPathEnd(i);
            Perform(subjects, phrase, lemma, travels, target, around, away);
            if (Comparative(i) is { Length: > 0 } cmp) i = CompareWith(i + cmp.Length, cmp.Speed, subjects, phrase, lemma, travels);
            // "dives toward a ball kicked by a striker": the object's agent does the verb to it
            if (patient is not null && Passive(i, [patient]) is int agentEnd) i = agentEnd;
            // "hugs a girl who laughs": the patient's own verb
            if (patient is not null && RelativeWords.Contains(W(i)))
            {
                i++;
                while (i < t.Count && Lexicon.Auxiliaries.Contains(W(i))) i++;
                i = RelativeClause(i, patient);
            }
            // "dancing and singing": more verbs of the same subjects ("leaves the house and trots off" is a sequence, see Run)
            if (Is(i, "and") && IsVerbForm(i + 1) && !StartsSubject(i + 1) && !(i > objStart && ThenByAnd(i, subjects))) { i++; continue; }
            return i;
        }
        return i;
    }

    /// <summary>
    /// Whether "and" at <paramref name="i"/> joins a next verb done after the subjects' current one rather than with it: one
    /// of the two goes somewhere ("runs out of the cottage and waves", "leaves the house and trots across the yard"), so
    /// they cannot be one motion; "plays the guitar and sings" stays one.
    /// </summary>
    bool ThenByAnd(int i, List<ActorDraft> subjects) =>
        Is(i, "and") && IsVerbForm(i + 1) && !StartsSubject(i + 1) && subjects.Count > 0 && subjects.All(s => s.Current.Phrases.Count > 0)
        && (subjects.Any(s => s.Travels) || Lexicon.VerbForms.TryGetValue(W(i + 1), out var next) && next.Travels);

    /// <summary>"(a woman) who strolls slowly": the relative clause's verb and manner are its actor's own.</summary>
    int RelativeClause(int i, ActorDraft actor)
    {
        int end = VerbPhrase(i, [actor], verbSlot: true);
        Own(i, end, actor);
        ReadManner(i, end, [actor]);
        return end;
    }

    /// <summary>What one verb makes its subjects do: its phrase joins their current motion (a new segment's, after a sequence marker).</summary>
    /// <param name="target">The actor they head for (one chased or followed).</param>
    /// <param name="around">"runs around": a loop.</param>
    /// <param name="away">"jogs away": off into the distance.</param>
    void Perform(List<ActorDraft> subjects, string phrase, string lemma, bool travels, ActorDraft? target, bool around, bool away)
    {
        foreach (var s in subjects)
        {
            // "a smiling woman waves", "… a thief who runs away": its own verb replaces what was implied
            if (s.Current.FromModifier || s.Current.Placeholder) { s.Current.Phrases.Clear(); s.Current.FromModifier = s.Current.Placeholder = false; }
            if (away) { s.End ??= new SpatialHint { Region = ImageRegion.Background }; travels = true; }
            if (!s.Current.Phrases.Contains(phrase)) s.Current.Phrases.Add(phrase);
            s.Current.Lemma ??= lemma;
            if (Lexicon.SpeedOf(lemma) is { } speed) s.Current.Speed = speed;
            s.Travels |= travels;
            if (target is not null && s != target) { s.EndTarget = target; s.Travels = true; }
            if (around) s.Path = PathShape.Around;
        }
    }

    /// <summary>
    /// What a verb does to the actor its object (or a passive's subject) names: one chased or followed runs or walks
    /// ahead and is returned as the subjects' target; one overtaken keeps going, passed by faster subjects; anything
    /// else as <see cref="ActOn"/> says.
    /// </summary>
    ActorDraft? Affect(List<ActorDraft> subjects, ActorDraft patient, string lemma, string gerund, string phrase, bool travels)
    {
        if (Lexicon.PursuitVerbs.Contains(lemma))
        {
            patient.Imply([lemma == "chase" ? "running away" : "walking"], travels: true);
            relations.Add(new RelationDraft(lemma == "chase" ? RelationKind.Chases : lemma == "follow" ? RelationKind.Follows : RelationKind.Toward,
                subjects.Where(x => x != patient).ToList(), patient));
            return patient;
        }
        if (Overtakes(lemma, patient))
        {
            patient.Imply([TravelGerund(patient, plain: "walking")], travels: true);
            if (patient.Current.Speed == MotionSpeed.Normal) patient.Current.Speed = MotionSpeed.Slow;
            relations.Add(new RelationDraft(RelationKind.Past, subjects.Where(x => x != patient).ToList(), patient));
            return null;
        }
        ActOn(subjects, patient, lemma, gerund, phrase, travels);
        return null;
    }

    /// <summary>Whether the verb passes another traveller: "overtakes a man", "passes a jogger" (not "passes the ball").</summary>
    static bool Overtakes(string lemma, ActorDraft? patient) =>
        Lexicon.OvertakeVerbs.Contains(lemma) && (patient is null ? lemma != "pass" : patient.Category != ActorCategory.Object || Lexicon.IsVehicleNoun(patient.Noun));

    /// <summary>
    /// How an actor of this kind gets about, as a gerund: on its board or scooter ("skating"), its agent noun's verb
    /// ("jogger" → "jogging"), a vehicle drives, others run.
    /// </summary>
    /// <param name="plain">How one with none of these gets about: an overtaker runs, one overtaken walks.</param>
    static string TravelGerund(ActorDraft a, string plain = "running") =>
        a.Ride is { } ride ? Lexicon.RideGerund(ride) : Lexicon.AgentVerb(a.Noun) is { } verb ? Gerund(verb, verb) : Lexicon.IsVehicleNoun(a.Noun) ? "driving" : plain;

    static readonly HashSet<string> BeWords = ["is", "are", "was", "were", "be", "being", "been", "gets", "get", "got", "getting"];

    /// <summary>
    /// A passive at <paramref name="i"/>: "is chased by a dog", "(a ball) kicked by a striker". The agent after "by" is an
    /// actor doing the verb to <paramref name="patients"/>, who play the other part (run away, roll, are hugged).
    /// Returns where the agent's phrase ends, or null when no passive starts here.
    /// </summary>
    int? Passive(int i, List<ActorDraft> patients)
    {
        if (PassiveAt(i) is not { } at) return null;
        int j = at.Verb, k = at.By + 1;
        ActorDraft? agent;
        if (IsObjectPronoun(k)) { agent = Referent(W(k), patients); k++; }
        else agent = SubjectPhrase(ref k);
        if (agent is null || patients.Contains(agent)) return null;
        if (!actors.Contains(agent)) { agent.Order = patients[0].Order; actors.Add(agent); }
        string lemma = LemmaOf(W(j));
        bool travels = Lexicon.VerbForms.TryGetValue(W(j), out var vi) ? vi.Travels : classifier.Travels(W(j));
        string gerund = Gerund(lemma, W(j));
        ActorDraft? target = null;
        foreach (var p in patients) target = Affect([agent], p, lemma, gerund, gerund, travels) ?? target;
        string patient = patients[0].Description;
        if (Overtakes(lemma, patients[0])) Perform([agent], TravelGerund(agent), lemma, true, target, false, false); // "is overtaken by a cyclist": it cycles past
        else Perform([agent], patient.Length > 0 ? $"{gerund} {char.ToLowerInvariant(patient[0])}{patient[1..]}" : gerund, lemma, travels, target, false, false);
        return k;
    }

    /// <summary>Where the participle and "by" of a passive starting at <paramref name="i"/> are ("is quickly chased by"), or null.</summary>
    (int Verb, int By)? PassiveAt(int i)
    {
        int j = i;
        while (Is(j, [.. BeWords]) || IsAdverb(j) && j > i) j++;
        if (!IsParticiple(j)) return null;
        int by = j + 1;
        while (IsAdverb(by)) by++;
        return Is(by, "by") && StartsSubject(by + 1) ? (j, by) : null;
    }

    /// <summary>A past participle: a regular "-ed" form or one of the lexicon's irregular ones ("thrown", "ridden").</summary>
    bool IsParticiple(int k) => W(k).Length > 4 && W(k).EndsWith("ed", StringComparison.Ordinal) || Lexicon.IrregularParticiples.Contains(W(k));

    /// <summary>"faster than", "slower than", "more slowly than" at <paramref name="i"/>: (tokens, the subject's speed), or (0, normal).</summary>
    (int Length, MotionSpeed Speed) Comparative(int i)
    {
        int n = Is(i, "more") ? 1 : 0;
        if (!Is(i + n + 1, "than") || Manner.SpeedOf(W(i + n)) is not { } speed) return (0, MotionSpeed.Normal);
        return (n + 2, speed);
    }

    /// <summary>
    /// "runs faster than his father", "crawls slower than a rabbit": the one compared is an actor doing the same (or its
    /// own verb: "than a rabbit hops"), at the other end of the speed scale unless its own speed is said.
    /// Returns where the comparison ends.
    /// </summary>
    int CompareWith(int k, MotionSpeed speed, List<ActorDraft> subjects, string phrase, string lemma, bool travels)
    {
        foreach (var s in subjects) s.Current.Speed = speed;
        ActorDraft? other;
        if (IsObjectPronoun(k)) { other = Referent(W(k), subjects); k++; }
        else
        {
            int start = k;
            other = StartsSubject(k) ? SubjectPhrase(ref k) : null;
            if (other is null) return start;
        }
        if (other is null || subjects.Contains(other)) return k;
        if (!actors.Contains(other)) { other.Order = subjects[0].Order; actors.Add(other); }
        if (Is(k, "does", "do", "did", "can")) k++;
        else if (IsVerbForm(k) && !IsPreposition(k)) k = VerbPhrase(k, [other]);
        other.Imply([phrase], lemma, travels);
        if (other.Current.Speed == MotionSpeed.Normal) other.Current.Speed = speed == MotionSpeed.Fast ? MotionSpeed.Slow : MotionSpeed.Fast;
        return k;
    }

    /// <summary>
    /// The actor a verb's object names, when its head is an actor noun ("hugs her daughter", "kicks a red ball",
    /// "watches a deer"): the actor already named so, else a new one acting at the same time. Things held or worn
    /// ("holds a ball") stay props. Null when the object is no actor (a sword, the piano).
    /// </summary>
    ActorDraft? ObjectActor(int np, List<ActorDraft> subjects, string? lemma)
    {
        int end = NounPhraseEnd(np);
        if (end <= np) return null;
        int head = Enumerable.Range(np, end - np).TakeWhile(k => W(k) != "of").LastOrDefault(-1);
        // one chased, followed or overtaken is a being even when no list knows its noun ("chases a pickpocket")
        bool beingByVerb = lemma is not null && (Lexicon.PursuitVerbs.Contains(lemma) || Lexicon.OvertakeVerbs.Contains(lemma) && lemma != "pass")
            && head >= 0 && !Lexicon.PlaceNouns.Contains(Lexicon.Singular(W(head))) && !Lexicon.BuildingNouns.Contains(W(head)) && W(head).All(char.IsLetter);
        if (head < 0 || !(Lexicon.IsActorNoun(W(head)) || beingByVerb) || IsLikeness(np, head)) return null;
        if (lemma is not null && Lexicon.HoldVerbs.Contains(lemma) && !Lexicon.IsAnimateNoun(W(head))) return null;
        string noun = Lexicon.Singular(W(head));
        if (actors.LastOrDefault(a => a.Noun == noun && !subjects.Contains(a)) is { } existing && (Is(np, "the", "his", "her", "their", "its") || Lexicon.Pronouns.Contains(W(np)))) return existing;
        int k = np;
        var obj = SubjectPhrase(ref k);
        if (obj is null || subjects.Contains(obj)) return null;
        if (!actors.Contains(obj)) { obj.Order = subjects[0].Order; actors.Add(obj); }
        return obj;
    }

    /// <summary>
    /// What the subjects' action does to an actor named as its object: a reciprocal action ("hugs", "fights") is done
    /// by both, facing each other; one led along ("walks her dog") walks beside; a thing kicked or thrown flies off (and "to her dog" is where it goes, see
    /// <see cref="propelled"/>); any other object stands and is faced ("watches a deer", "feeds a goat").
    /// </summary>
    void ActOn(List<ActorDraft> subjects, ActorDraft patient, string lemma, string gerund, string phrase, bool travels)
    {
        var interaction = Lexicon.InteractionOf(lemma, phrase);
        if ((patient.Category != ActorCategory.Object || Lexicon.IsVehicleNoun(patient.Noun)) && travels)
        {
            // "walks her dog", "leads a horse", "rides a bicycle": the one led or ridden comes along, beside the subject
            patient.Imply([gerund], lemma, travels: true);
            relations.Add(new RelationDraft(RelationKind.SideBySide, [.. subjects, patient]));
            return;
        }
        if (patient.Category != ActorCategory.Object && interaction is not null)
        {
            patient.Imply([gerund], lemma);
            relations.Add(new RelationDraft(RelationKind.FacesEachOther, [.. subjects, patient], Interaction: interaction));
            return;
        }
        if (patient.Category == ActorCategory.Object && Lexicon.PropelVerbs.Contains(lemma))
        {
            patient.Imply([lemma is "kick" or "roll" or "push" or "dribble" ? "rolling" : "flying"], travels: true);
            propelled = patient;
        }
        else patient.Stand();
        Aim(subjects, patient);
    }

    /// <summary>The lemma of a verb form: the lexicon's, else English inflection undone ("knits" → "knit", "grazes" → "graze").</summary>
    static string LemmaOf(string w)
    {
        if (Lexicon.VerbForms.TryGetValue(w, out var v)) return v.Lemma;
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5) return w[^4] == w[^5] ? w[..^4] : w[..^3];
        if (w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.EndsWith("ches") || w.EndsWith("shes") || w.EndsWith("sses") || w.EndsWith("xes") || w.EndsWith("zzes")) return w[..^2];
        if (w.EndsWith('s') && !w.EndsWith("ss")) return w[..^1];
        if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            // "passed" → "pass", "stopped" → "stop": the -ed undone, a doubled consonant undoubled (not ss, ll, ff, zz)
            string stem = w[..^2];
            return stem[^1] == stem[^2] && !"slfz".Contains(stem[^1]) ? stem[..^1] : stem;
        }
        return w;
    }

    /// <summary>
    /// Whether the word at <paramref name="i"/>, standing where a verb must be, can be one the lexicon lacks: a plain
    /// word that is no noun, place, preposition, function word, count, colour or adverb we know.
    /// </summary>
    bool IsUnknownVerb(int i)
    {
        string w = W(i);
        return w.Length >= 3 && w.All(char.IsLetter) && !t[i].IsPunctuation && !Lexicon.Determiners.Contains(w) && !IsPreposition(i)
            && !ClauseWords.Contains(w) && !RelativeWords.Contains(w) && !Lexicon.Pronouns.Contains(w) && !Lexicon.IsActorNoun(w)
            && !Lexicon.PlaceNouns.Contains(w) && !IsAdverb(i) && CountAt(i).Length == 0 && !ColorNames.IsColorWord(w)
            && Manner.CountAt(t, i).Length == 0 && !Lexicon.Auxiliaries.Contains(w) && w is not ("first" or "not" or "also" or "there");
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
}
