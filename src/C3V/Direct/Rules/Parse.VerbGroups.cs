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
    int VerbPhrase(int i, List<ActorDraft> subjects, bool sequence = false)
    {
        if (sequence) foreach (var s in subjects) s.StartSegment();
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
                if (Match(i, "each other") > 0 || Match(i, "one another") > 0 || Match(i, "side by side") > 0) break;
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
                        if (!obj.HasMotion) { obj.Current.Phrases.Add(lemma == "chase" ? "running away" : "walking"); obj.Travels = true; }
                    }
                    target = obj;
                    relations.Add(new RelationDraft(lemma == "chase" ? RelationKind.Chases : lemma == "follow" ? RelationKind.Follows : RelationKind.Toward,
                        subjects.Where(x => x != obj).ToList(), obj));
                }
            }
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
}
