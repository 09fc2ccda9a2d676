using System.Globalization;
using C3V.World;

namespace C3V.Direct.Rules;

/// <summary>The parser's noun phrases: subjects (with counts and attributes), group members told apart ("one runs"), object noun phrases.</summary>
sealed partial class Parse
{
    /// <summary>Where a distributive subject names members of a group: the actors, and where the verb begins.</summary>
    sealed record Members(List<ActorDraft> Actors, int End);

    /// <summary>
    /// A subject that picks members of the last group ("three children"): "one", "another", "the other(s)",
    /// "the rest", "the first", "two of them", "each (of them)", "both", "all". One member is told apart by
    /// splitting it off the group's draft (so "one runs, one jumps and one sits" gives three children with three
    /// motions); "each", "both" and "all" take the whole group. Null when no verb follows (then "one robot" is
    /// an ordinary noun phrase) or there is no group.
    /// </summary>
    Members? Distributive(int i)
    {
        var group = actors.LastOrDefault(a => a.GroupSize > 1);
        if (group is null) return null;
        int j = i, take;
        bool all = false, rest = false;
        string? contrast = null;
        if (Is(j, "each", "both", "all", "every")) { all = true; j++; take = 0; }
        else if (Is(j, "one", "another")) { take = 1; j++; }
        else if (Is(j, "the") && Is(j + 1, "other", "others", "rest", "remaining", "last")) { rest = true; take = 1; j += 2; }
        else if (Is(j, "the") && (Ordinal(W(j + 1)) > 0 || IsContrast(W(j + 1)))) { take = 1; j += 2; contrast = W(j - 1); }
        else if (CountAt(j) is { Length: > 0 } c && Is(j + c.Length, "of")) { take = c.Value; j += c.Length; }
        else return null;
        if (Is(j, "of") && Is(j + 1, "them", "the")) j += 2;
        if (Is(j - 1, "the") && j < t.Count && Lexicon.Singular(W(j)) == group.Noun) j++; // "each of the robots"
        if (all && Lexicon.Singular(W(j)) == group.Noun) j++;                               // "each robot", "both robots"
        if (Is(j, "one") && (Is(j - 1, "other") || contrast is not null)) j++;                 // "the other one", "the first one", "the older one"
        else if (contrast is not null && Lexicon.Singular(W(j)) == group.Noun) j++;         // "the taller robot"
        if (Is(j, "other")) j++;                                                              // "one other"
        while (Lexicon.Auxiliaries.Contains(W(j)) && !Is(j, "to")) j++;
        if (!(IsVerbForm(j) || Lexicon.VerbForms.ContainsKey(W(j)))) return null;
        var members = group.Members();
        if (all) return new Members(members, j);
        if (rest || group.Count <= take)
        {
            // the last of the group: the group's own draft, told what it does now
            group.ClearMotion();
            if (contrast is not null && IsContrast(contrast)) Contrast(group, contrast);
            return new Members([group], j);
        }
        var split = group.Split(take);
        actors.Insert(actors.IndexOf(group), split);
        if (contrast is not null && IsContrast(contrast)) Contrast(split, contrast);
        return new Members([split], j);
    }

    /// <summary>Comparatives and superlatives that tell one of several apart ("the taller man", "the youngest one").</summary>
    static readonly HashSet<string> ContrastWords =
    [
        "taller", "shorter", "older", "younger", "elder", "bigger", "smaller", "larger", "heavier", "thinner", "fatter", "stronger", "weaker",
        "tallest", "shortest", "oldest", "youngest", "eldest", "biggest", "smallest", "largest", "heaviest", "thinnest",
    ];

    static bool IsContrast(string w) => ContrastWords.Contains(w);

    /// <summary>A member told apart by a comparative keeps it as an attribute, and a size word changes its height a little.</summary>
    static void Contrast(ActorDraft member, string word)
    {
        if (!member.Attributes.Contains(word)) member.Attributes.Add(word);
        if (word.StartsWith("tall") || word.StartsWith("big") || word.StartsWith("larg")) member.Height *= 1.1;
        else if (word.StartsWith("short") || word.StartsWith("small")) member.Height *= 0.9;
    }

    /// <summary>
    /// "two runners race, one fast and one slow", "two girls, one in red and one in blue": a member of the last group
    /// told apart by how it moves or looks, with no verb of its own. The member keeps the group's motion with its own
    /// speed, or gets the attributes. Returns where the phrase ends, or null when it is no such phrase.
    /// </summary>
    int? MemberModifiers(int i)
    {
        var group = actors.LastOrDefault(a => a.GroupSize > 1);
        if (group is null) return null;
        int j = i;
        bool rest = false;
        if (Is(j, "one", "another")) j++;
        else if (Is(j, "the") && Is(j + 1, "other", "others", "rest", "last", "second")) { rest = true; j += 2; }
        else return null;
        if (Is(j, "one") && Is(j - 1, "other")) j++;
        var speed = Manner.SpeedOf(W(j));
        var probe = new ActorDraft { Noun = group.Noun, Description = "" };
        int end = j;
        if (speed is not null) end = j + 1;
        else AttributeModifiers(ref end, probe);
        if (end == j || !(IsPathEnd(end) || IsPreposition(end) && !Is(end, "with", "in", "wearing", "holding"))) return null;
        ActorDraft member;
        if (rest || group.Count <= 1) member = group;
        else
        {
            member = group.Split(1);
            member.CopyMotionFrom(group);
            actors.Insert(actors.IndexOf(group), member);
        }
        if (speed is { } sp) member.Current.Speed = sp;
        else
        {
            member.Attributes.AddRange(probe.Attributes);
            member.Props.AddRange(probe.Props);
            member.Description = $"{member.Description} {Text(j, end)}";
        }
        return end;
    }

    /// <summary>The head word of the noun phrase at <paramref name="np"/> (before any "of"), or -1.</summary>
    int HeadOf(int np)
    {
        if (Is(np, "him", "her", "them", "it") && NounPhraseEnd(np) == np + 1) return -1;
        int end = NounPhraseEnd(np);
        return Enumerable.Range(np, Math.Max(0, end - np)).TakeWhile(k => W(k) != "of").LastOrDefault(-1);
    }

    /// <summary>"with her dog", "with his friend" after a subject: a companion who does what the subject does (a thing after "with" is a prop).</summary>
    (ActorDraft Actor, int End)? Companion(int i)
    {
        int head = HeadOf(i);
        if (head < 0 || !Lexicon.IsAnimateNoun(W(head))) return null;
        int k = i;
        var other = SubjectPhrase(ref k);
        if (other is null || lastClauseActors.Contains(other)) return null;
        if (!actors.Contains(other)) { other.Order = lastClauseActors.Count > 0 ? lastClauseActors[0].Order : order; actors.Add(other); }
        return (other, k);
    }

    /// <summary>
    /// The actor an object pronoun points back to, other than <paramref name="exclude"/>: "him"/"her" the last person (or
    /// creature, robot, animal), "it" the last animal or thing, "them" the last actor.
    /// </summary>
    ActorDraft? Referent(string pronoun, IReadOnlyCollection<ActorDraft> exclude)
    {
        var others = actors.Where(a => !exclude.Contains(a)).ToList();
        ActorDraft? Last(Func<ActorDraft, bool> fits) => others.LastOrDefault(fits);
        return pronoun switch
        {
            "him" or "her" => Last(a => a.Category is ActorCategory.Human or ActorCategory.Creature or ActorCategory.Robot) ?? Last(a => a.Category == ActorCategory.Animal),
            "it" => Last(a => a.Category is ActorCategory.Object or ActorCategory.Animal),
            _ => null,
        } ?? others.LastOrDefault();
    }

    /// <summary>"him", "them", "it", or "her" standing alone ("by her", not "by her brother").</summary>
    bool IsObjectPronoun(int k) => Is(k, "him", "them", "it") || Is(k, "her") && NounPhraseEnd(k) == k + 1;

    /// <summary>Whether every word from <paramref name="from"/> up to <paramref name="to"/> is an adverb (true when there are none).</summary>
    bool AdverbsOnly(int from, int to) => Enumerable.Range(from, to - from).All(IsAdverb);

    /// <summary>Whether a word between <paramref name="np"/> and the head makes the noun a likeness ("a toy train"): scenery, not an actor.</summary>
    bool IsLikeness(int np, int head) => Enumerable.Range(np, Math.Max(0, head - np)).Any(k => Lexicon.LikenessWords.Contains(W(k)));

    static int Ordinal(string w) => w switch
    {
        "first" => 1, "second" => 2, "third" => 3, "fourth" => 4, "fifth" => 5, _ => 0,
    };

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
            if (i > headStart && (IsPreposition(i) || Lexicon.Auxiliaries.Contains(w) || RelativeWords.Contains(w) || ClauseWords.Contains(w) || Manner.CountAt(t, i).Length > 0)) break;
            if (i > headStart && IsVerbForm(i) && !(IsGerund(i) && AdverbsOnly(headStart, i)) && !IsNounBeforeVerb(i) && !Hyphenated(i - 1)) break;
            if (i == headStart && (IsPreposition(i) && !Lexicon.IsActorNoun(w))) break;
            head = i;
            i++;
            if (!Hyphenated(head) && EndsSubjectHead(head, i)) break; // "a snail-paced woman": "snail" only begins a modifier
        }
        if (head < 0) return null;
        string noun = Lexicon.Singular(W(head));
        bool plural = noun != W(head) || W(head) is "people";
        if (countLength == 0 && plural) count = W(head) == "people" ? 3 : 2; // "the pupils" not named before are a group too
        if (countLength == 0 && !plural) count = 1;

        // Referring back: "the man", "the same dancer", "he".
        // "the taller man … the shorter man": a contrast the earlier actor lacks names another individual
        string? contrastWord = Enumerable.Range(start, head - start).Select(W).FirstOrDefault(w => IsContrast(w) || Ordinal(w) > 1 || w == "other");
        if ((definite || W(start + 1) == "same") && actors.LastOrDefault(a => a.Noun == noun && (contrastWord is null || a.Attributes.Contains(contrastWord))) is { } existing)
        {
            AttributeModifiers(ref i, existing);
            Own(start, i, existing);
            return existing;
        }

        var info = Lexicon.TryActorNoun(noun, out var known) ? known : new NounInfo(classifier.ClassifyActor(noun), 1.75);
        var draft = new ActorDraft
        {
            Noun = noun,
            Count = Math.Max(1, count),
            GroupSize = Math.Max(1, count),
            Description = "",
            Category = info.Category,
            Height = info.HeightMeters,
        };
        // Pre-head words are attributes ("black", "old", "tall"), colour phrases kept whole ("navy blue").
        var pre = Enumerable.Range(headStart, head - headStart).Where(k => !Is(k, "same")).ToList();
        for (int k = 0; k < pre.Count; k++)
        {
            if (Hyphenated(pre[k]))
            {
                // "snail-paced", "slow-moving", "long-haired": one modifier; a pace compound is the actor's speed
                int last = k;
                while (last + 1 < pre.Count && Hyphenated(pre[last])) last++;
                var parts = Enumerable.Range(k, last - k + 1).Select(x => W(pre[x])).ToList();
                if (Manner.CompoundSpeed(parts) is { } pace) draft.Current.Speed = pace;
                else draft.Attributes.Add(Text(pre[k], pre[last] + 1).ToLowerInvariant());
                k = last;
                continue;
            }
            // "a slow runner", "a slowly walking cow": manner; "a walking man", "a sleeping cat": what it does
            if (Manner.SpeedOf(W(pre[k])) is { } speed) { draft.Current.Speed = speed; continue; }
            if (IsAdverb(pre[k])) continue;
            if (IsContrast(W(pre[k]))) { Contrast(draft, W(pre[k])); continue; } // "the taller soldier"
            if (IsGerund(pre[k]) && !IsColorOrGarmentWord(pre[k]))
            {
                string lemma = LemmaOf(W(pre[k]));
                draft.Current.Phrases.Add(W(pre[k]));
                draft.Current.Lemma = lemma;
                draft.Current.Travels = Lexicon.VerbForms.TryGetValue(W(pre[k]), out var v) ? v.Travels : classifier.Travels(W(pre[k]));
                draft.Current.FromModifier = true;
                continue;
            }
            if (k + 1 < pre.Count && ColorNames.TryGet(W(pre[k]) + " " + W(pre[k + 1]), out _))
            {
                draft.Attributes.Add(Text(pre[k], pre[k + 1] + 1).ToLowerInvariant());
                k++;
                continue;
            }
            if (Lexicon.IsActorNoun(W(pre[k])) && W(pre[k]) is "robot" or "alien" or "zombie" or "ghost" or "skeleton")
                draft.Category = Lexicon.ActorNouns[W(pre[k])].Category; // "robot dog" is a robot
            draft.Attributes.Add(W(pre[k]));
            if (AttributeVocabulary.Find(AttributeKind.Size, W(pre[k])) is { } size && size.Value > 0) draft.Height *= size.Value;
        }
        AttributeModifiers(ref i, draft);
        draft.Description = Describe(start, countLength, head, i, draft.Count);
        Own(start, i, draft);
        return draft;
    }

    /// <summary>Whether the word at <paramref name="k"/> is joined to the next by a hyphen ("snail" in "snail-paced").</summary>
    bool Hyphenated(int k) => k >= 0 && k + 1 < t.Count && t[k + 1].Start == t[k].End + 1 && prompt[t[k].End] == '-';

    void Own(int from, int to, ActorDraft draft)
    {
        for (int k = from; k < to; k++) owner[k] = draft;
    }

    /// <summary>
    /// "a long train crosses", "a steam train stops": a word that is both an actor noun and a verb ("train") is the head
    /// noun when the verb, an auxiliary or the clause's end follows it.
    /// </summary>
    bool IsNounBeforeVerb(int i) =>
        Lexicon.IsActorNoun(W(i)) && (IsVerbForm(i + 1) || Lexicon.Auxiliaries.Contains(W(i + 1)) || IsPathEnd(i + 1) || IsPreposition(i + 1)
            || W(i + 1).EndsWith('s') && !Lexicon.IsActorNoun(W(i + 1)) && !Lexicon.PlaceNouns.Contains(W(i + 1)));

    /// <summary>
    /// Whether the subject's head noun is at <paramref name="head"/>, so that the word at <paramref name="next"/> (which
    /// no list calls a verb) is the verb. Agreement and the noun lists decide, so verbs the lexicon lacks are still found:
    /// after a known actor noun any word that is not another actor noun ("a white goat grazes", "five pigeons peck";
    /// "a robot dog" goes on to "dog"); after a plural, a bare word ("two lumberjacks chop"); after any word, a
    /// word in -s that is no noun we know ("a tailor sews").
    /// </summary>
    bool EndsSubjectHead(int head, int next)
    {
        if (next >= t.Count || t[next].IsPunctuation) return false;
        string w = W(next);
        if (Lexicon.IsActorNoun(w) || Lexicon.PlaceNouns.Contains(w) || Lexicon.Determiners.Contains(w) || IsPreposition(next)
            || ClauseWords.Contains(w) || RelativeWords.Contains(w) || Lexicon.Auxiliaries.Contains(w) || !w.All(char.IsLetter)) return false;
        if (Lexicon.IsPlural(W(head)) && Lexicon.IsActorNoun(W(head)) && !w.EndsWith('s')) return true; // "two kickboxers trade kicks"
        if (Lexicon.IsActorNoun(W(head))) return !IsVerbForm(next + 1) || IsPreposition(next + 1); // "a robot vacuum moves": a compound
        if (Lexicon.IsPlural(W(head)) && !w.EndsWith('s')) return true;
        return w.EndsWith('s') && !w.EndsWith("ss") && w.Length > 3 && w is not ("has" or "was" or "its" or "this");
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
            if (Is(j, "on") && NounPhraseEnd(j + 1) is var rideEnd && rideEnd > j + 1 && Lexicon.RideNouns.Contains(Lexicon.Singular(W(rideEnd - 1))))
            {
                // "a teenager on a skateboard": the board is a prop and the way the actor moves, not a second actor
                draft.Ride = Lexicon.Singular(W(rideEnd - 1));
                draft.Props.Add(draft.Ride);
                i = rideEnd;
                continue;
            }
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
                if (prop == "with" && HeadOf(np) is var h && h >= 0 && Lexicon.IsAnimateNoun(W(h))) return; // a companion, not a prop
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
        // "with a white poodle" is a companion, "with a red ball" a prop: an actor noun is never clothing
        if (HeadOf(i) is var head && head >= 0 && Lexicon.IsActorNoun(W(head))) return false;
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
        // an object pronoun is a whole noun phrase ("toward her in a park"), though "her" may also open one ("her dog")
        if (Is(j, "him", "them", "it", "me", "us") || Is(j, "her") && (j + 1 >= t.Count || t[j + 1].IsPunctuation || IsPreposition(j + 1) || ClauseWords.Contains(W(j + 1)))) return j + 1;
        if (Lexicon.Determiners.Contains(W(j)) || CountAt(j).Length > 0) j += Math.Max(1, CountAt(j).Length);
        int words = 0, first = j;
        while (j < t.Count && !t[j].IsPunctuation)
        {
            // "a slowly walking cow": a participle after adverbs only modifies the noun to come
            if (words > 0 && IsGerund(j) && AdverbsOnly(first, j)) { j++; words++; continue; }
            if (Is(j, "of") && words > 0 && j + 1 < t.Count && !t[j + 1].IsPunctuation) { j++; words = 0; if (Lexicon.Determiners.Contains(W(j))) j++; continue; }
            if (words > 0 && (IsPreposition(j) || ClauseWords.Contains(W(j)) || RelativeWords.Contains(W(j)) || Lexicon.Auxiliaries.Contains(W(j)))) break;
            if (words > 0 && Hyphenated(j - 1)) { j++; words++; continue; } // "a slow-moving cart": one modifier
            if (words > 0 && IsVerbForm(j, allowBare: false) && !IsColorOrGarmentWord(j)) break;
            // a plural noun then a bare verb: the subject's verb ("two girls in pink dresses hug each other")
            if (words > 0 && Lexicon.VerbForms.TryGetValue(W(j), out var bare) && bare.Lemma == W(j) && Lexicon.IsPlural(W(j - 1)) && !IsColorOrGarmentWord(j)) break;
            if (words > 0 && IsGerund(j)) break;
            if (words > 0 && W(j).EndsWith("ed") && W(j).Length > 4 && Lexicon.IsActorNoun(W(j - 1))) break; // "a car parked on the street"
            // a new noun phrase ("on the beach one surfer runs") or a bare verb ending the subject ("a woman in a grey coat stroll through")
            if (words > 0 && (Lexicon.Determiners.Contains(W(j)) && !Is(j, "her") || CountAt(j).Length > 0)) break;
            if (words > 0 && Lexicon.VerbForms.TryGetValue(W(j), out var verb) && verb.Lemma == W(j) && !IsColorOrGarmentWord(j) && !Lexicon.IsActorNoun(W(j))
                && (IsPathEnd(j + 1) || IsPreposition(j + 1) || Lexicon.Determiners.Contains(W(j + 1)) || EndsVerbGroup(j + 1))) break;
            // "… in a blue robe both wave", "… walk together", "… chase each other": words that follow a verb, never a noun
            if (words > 0 && (Is(j, "both", "together", "far", "nearby", "ahead", "away", "alone") || Manner.CountAt(t, j).Length > 0 || Match(j, "each other") > 0 || Match(j, "one another") > 0)) break;
            if (Is(j, "and") ) break;
            j++;
            words++;
        }
        return words == 0 ? i : j;
    }

    /// <summary>Words that can only follow a verb ("together", "away", "slowly", "twice", "each other"): the word before them was the verb.</summary>
    bool EndsVerbGroup(int k) =>
        Is(k, "together", "away", "off", "back", "home", "again", "both", "around", "about") || IsAdverb(k) || Manner.CountAt(t, k).Length > 0
        || Match(k, "each other") > 0 || Match(k, "one another") > 0;

    bool IsColorOrGarmentWord(int k) => ColorNames.IsColorWord(W(k)) || AttributeVocabulary.Find(AttributeKind.Garment, W(k)) is not null;
}
