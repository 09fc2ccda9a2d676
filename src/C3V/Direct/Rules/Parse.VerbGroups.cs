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
        if (ia is Interaction.Boxing or Interaction.Fighting or Interaction.SwordFight or Interaction.Hug or Interaction.Handshake
            && !relations.Any(r => r.Kind == RelationKind.FacesEachOther && r.Actors.SequenceEqual(subjects)))
            relations.Add(new RelationDraft(RelationKind.FacesEachOther, subjects.ToList(), Interaction: ia));
    }

    /// <summary>Counts ("twice", "three times", "again") and speed adverbs ("slowly") anywhere in the clause, for its actors' current motion.</summary>
    void ReadManner(int from, int to, List<ActorDraft> subjects)
    {
        for (int k = from; k < to; k++)
        {
            var (count, _) = Manner.CountAt(t, k);
            foreach (var s in subjects)
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
            string lemma = LemmaOf(W(i));
            bool travels = Lexicon.VerbForms.TryGetValue(W(i), out var vi) ? vi.Travels : classifier.Travels(W(i));
            int verb = i++;
            // particles and objects up to a preposition or clause boundary
            int objStart = i;
            ActorDraft? target = null;
            while (i < t.Count && !t[i].IsPunctuation && !ClauseWords.Contains(W(i)) && !RelativeWords.Contains(W(i)))
            {
                if (IsPreposition(i) && !(i == objStart && Is(i, "around") && IsPathEnd(i + 1))) break;
                if (i > objStart && IsVerbForm(i, allowBare: false) && !Lexicon.Determiners.Contains(W(i - 1))) break;
                if (Match(i, "each other") > 0 || Match(i, "one another") > 0 || Match(i, "side by side") > 0) break;
                i++;
            }
            // a pursued actor: "chasing a cat"
            ActorDraft? patient = i > objStart ? ObjectActor(objStart, subjects, lemma) : null;
            if (patient is not null && Lexicon.PursuitVerbs.Contains(lemma))
            {
                if (!patient.HasMotion) { patient.Current.Phrases.Add(lemma == "chase" ? "running away" : "walking"); patient.Travels = true; }
                target = patient;
                relations.Add(new RelationDraft(lemma == "chase" ? RelationKind.Chases : lemma == "follow" ? RelationKind.Follows : RelationKind.Toward,
                    subjects.Where(x => x != patient).ToList(), patient));
            }
            else if (patient is not null) ActOn(subjects, patient, lemma, Gerund(lemma, W(verb)), Text(objStart, i).ToLowerInvariant(), travels);
            // adverbs ("slowly") and counts ("twice") say how, not what: they are left out of the motion phrase
            var objectWords = Enumerable.Range(objStart, i - objStart).Where(k => !IsAdverb(k) && Manner.CountAt(t, k).Length == 0 && !Manner.IsCountTail(t, k)).ToList();
            string phrase = Gerund(lemma, W(verb)) + (objectWords.Count > 0 ? " " + Text(objectWords[0], objectWords[^1] + 1) : "");
            if (Is(objStart, "around") && i == objStart + 1) phrase = Gerund(lemma, W(verb)) + " around";
            bool away = objectWords.Count == 1 && W(objectWords[0]) == "away" && IsPathEnd(i);
            foreach (var s in subjects)
            {
                if (away) { s.End ??= new SpatialHint { Region = ImageRegion.Background }; travels = true; } // "jogs away": off into the distance
                if (!s.Current.Phrases.Contains(phrase)) s.Current.Phrases.Add(phrase);
                s.Current.Lemma ??= lemma;
                if (Lexicon.SpeedOf(lemma) is { } speed) s.Current.Speed = speed;
                s.Travels |= travels;
                if (target is not null && s != target) { s.EndTarget = target; s.Travels = true; }
                if (Is(objStart, "around") && i == objStart + 1) s.Path = PathShape.Around;
            }
            // "hugs a girl who laughs": the patient's own verb
            if (patient is not null && RelativeWords.Contains(W(i)))
            {
                i++;
                while (i < t.Count && Lexicon.Auxiliaries.Contains(W(i))) i++;
                i = VerbPhrase(i, [patient], verbSlot: true);
            }
            // "dancing and singing": more verbs of the same subjects
            if (Is(i, "and") && IsVerbForm(i + 1) && !StartsSubject(i + 1)) { i++; continue; }
            return i;
        }
        return i;
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
        if (head < 0 || !Lexicon.IsActorNoun(W(head))) return null;
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
        if (patient.Category != ActorCategory.Object && travels)
        {
            // "walks her dog", "leads a horse": the one led comes along, beside the subject
            if (!patient.HasMotion) { patient.Current.Phrases.Add(gerund); patient.Current.Lemma = lemma; patient.Travels = true; }
            relations.Add(new RelationDraft(RelationKind.SideBySide, [.. subjects, patient]));
            return;
        }
        if (patient.Category != ActorCategory.Object && interaction is not null)
        {
            if (!patient.HasMotion) { patient.Current.Phrases.Add(gerund); patient.Current.Lemma = lemma; }
            relations.Add(new RelationDraft(RelationKind.FacesEachOther, [.. subjects, patient], Interaction: interaction));
            return;
        }
        if (patient.Category == ActorCategory.Object && Lexicon.PropelVerbs.Contains(lemma))
        {
            if (!patient.HasMotion) { patient.Current.Phrases.Add(lemma is "kick" or "roll" or "push" or "dribble" ? "rolling" : "flying"); patient.Travels = true; }
            propelled = patient;
        }
        else if (!patient.HasMotion) patient.Current.Phrases.Add("standing");
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
