using System.Globalization;
using C3V.World;

namespace C3V.Direct.Rules;

/// <summary>The parser's relations among actors: side by side, in a row, facing each other, interactions, sides of the image.</summary>
sealed partial class Parse
{
    static readonly string[] EachOtherWords = ["each other", "one another"];

    /// <summary>
    /// Relations among the clause's actors or with one named after "with": "side by side", "next to each other",
    /// "in a row", "facing each other", "at/with each other" (an interaction: "punch at each other", "hug each
    /// other"), "toward/away from each other", "shakes hands with the woman". Returns the tokens used, or 0.
    /// </summary>
    int GroupRelation(int i, List<ActorDraft> subjects)
    {
        int n;
        var current = subjects[0].Current;
        Interaction? interaction = current.Lemma is { } lemma ? Lexicon.InteractionOf(lemma, string.Join(' ', current.Phrases)) : null;
        void Add(RelationKind kind, Interaction? with = null) => relations.Add(new RelationDraft(kind, subjects.ToList(), Interaction: with));
        if (Is(i, "together") && subjects.Sum(x => x.Count) > 1)
        {
            // "walk together": abreast; "dance together": what they do says how they stand
            if (subjects.Any(x => x.Travels)) Add(RelationKind.SideBySide);
            return 1;
        }
        if ((n = Match(i, "side by side")) > 0 || (n = Match(i, "hand in hand")) > 0 || (n = Match(i, "arm in arm")) > 0 || (n = MatchAfter(i, ["next to", "beside", "alongside", "near"], EachOtherWords)) > 0)
        { Add(RelationKind.SideBySide); return n; }
        if ((n = MatchAny(i, ["in a row", "in a line", "in line", "in single file", "one after another", "one after the other"]).Length) > 0)
        { Add(RelationKind.InARow); return n; }
        if ((n = Match(i, "face to face")) > 0 || (n = MatchAfter(i, ["facing", "face", "opposite", "across from"], EachOtherWords)) > 0)
        { Add(RelationKind.FacesEachOther, interaction); return n; }
        if ((n = MatchAfter(i, ["towards", "toward", "to", "up to"], EachOtherWords)) > 0)
        {
            if (subjects.Any(x => x.Travels)) Add(RelationKind.Toward);
            else Add(RelationKind.FacesEachOther, interaction ?? Interaction.Talking); // "wave to each other", "talk to each other"
            return n;
        }
        if ((n = MatchAfter(i, ["away from"], EachOtherWords)) > 0)
        {
            foreach (var x in subjects) x.Travels = true;
            Add(RelationKind.AwayFrom);
            return n;
        }
        if ((n = MatchAfter(i, [""], EachOtherWords)) > 0 && current.Lemma is { } pursuit && Lexicon.PursuitVerbs.Contains(pursuit) && subjects.Count > 1)
        {
            // "chase each other": the first runs after the second, round and round
            relations.Add(new RelationDraft(pursuit == "follow" ? RelationKind.Follows : RelationKind.Chases, subjects.Take(subjects.Count - 1).ToList(), subjects[^1]));
            foreach (var x in subjects.Take(subjects.Count - 1)) x.EndTarget = subjects[^1];
            return n;
        }
        if ((n = MatchAfter(i, ["at", "with", "against", ""], EachOtherWords)) > 0)
        {
            // "trade kicks at each other": a fight is fought where they stand
            if (interaction is Interaction.Boxing or Interaction.Fighting or Interaction.SwordFight) foreach (var x in subjects) x.Travels = false;
            Add(RelationKind.FacesEachOther, interaction);
            return n;
        }
        bool pronoun = Is(i + 1, "him", "her", "them") && NounPhraseEnd(i + 1) == i + 2; // "with her", not "with her partner"
        bool animate = pronoun || StartsSubject(i + 1) && !Lexicon.Pronouns.Contains(W(i + 1)) && HeadOf(i + 1) is var h && h >= 0 && Lexicon.IsAnimateNoun(W(h));
        if (Is(i, "with") && interaction is null && animate && current.Phrases.Count > 0)
        {
            // "walks with her friend", "sits with his dog": a companion doing the same, beside the subject
            int k = i + 1;
            var other = pronoun ? Referent(W(i + 1), subjects) : SubjectPhrase(ref k);
            if (pronoun) k++;
            if (other is null || subjects.Contains(other)) return 0;
            if (!actors.Contains(other)) { other.Order = subjects[0].Order; actors.Add(other); }
            k += CompanionPlace(k, subjects, other);
            return k - i;
        }
        if (Is(i, "with") && !animate && StartsSubject(i + 1) && HeadOf(i + 1) is var thing && thing >= 0 && Lexicon.IsActorNoun(W(thing))
            && !IsLikeness(i + 1, thing) && !(current.Lemma is { } held && Lexicon.HoldVerbs.Contains(held)))
        {
            // "sits on the beach with a boat nearby", "plays with a ball": a vehicle or thing with the subject is in the scene
            int k = i + 1;
            var other = SubjectPhrase(ref k);
            if (other is null || subjects.Contains(other)) return 0;
            if (!actors.Contains(other)) { other.Order = subjects[0].Order; actors.Add(other); }
            other.Stand();
            k += Locative(k, out _);
            relations.Add(new RelationDraft(RelationKind.NextTo, [other], subjects[0]));
            return k - i;
        }
        if (Is(i, "with", "against") && interaction is not null && animate)
        {
            // "shakes hands with a woman", "dances with the robot", "fights against a knight": the other does it too
            int k = i + 1;
            ActorDraft? other;
            if (pronoun) { other = Referent(W(i + 1), subjects); k++; }
            else
            {
                other = SubjectPhrase(ref k);
                if (other is not null && !actors.Contains(other)) { other.Order = subjects[0].Order; actors.Add(other); }
            }
            if (other is null || subjects.Contains(other)) return 0;
            other.Imply(current.Phrases, current.Lemma);
            relations.Add(new RelationDraft(RelationKind.FacesEachOther, [.. subjects, other], Interaction: interaction));
            return k - i;
        }
        return 0;
    }

    /// <summary>
    /// Where a companion named with "with" is, and what it does: "with a dog far behind him" (it follows a traveller, or
    /// stands behind), "with a cat nearby", "with his friend on his left"; with no such words it does what the subject
    /// does beside it. A companion only placed near a subject that stays ("reads with a cat nearby") is just there,
    /// standing. Returns the tokens the place words used.
    /// </summary>
    int CompanionPlace(int k, List<ActorDraft> subjects, ActorDraft other)
    {
        var lead = subjects[0];
        var current = lead.Current;
        int n = Locative(k, out var where);
        if (n == 0 || lead.Travels) other.Imply(current.Phrases, current.Lemma, current.Travels);
        else other.Stand();
        relations.Add((where, lead.Travels) switch
        {
            (SpatialRelation.Behind, true) => new RelationDraft(RelationKind.Follows, [other], lead),
            (SpatialRelation.InFrontOf, true) => new RelationDraft(RelationKind.Follows, [.. subjects], other),
            (SpatialRelation.Behind, false) => new RelationDraft(RelationKind.Behind, [other], lead),
            (SpatialRelation.InFrontOf, false) => new RelationDraft(RelationKind.InFrontOf, [other], lead),
            (SpatialRelation.LeftOf, _) => new RelationDraft(RelationKind.LeftOf, [other], lead),
            (SpatialRelation.RightOf, _) => new RelationDraft(RelationKind.RightOf, [other], lead),
            (_, true) => new RelationDraft(RelationKind.SideBySide, [.. subjects, other]),
            _ => new RelationDraft(RelationKind.NextTo, [other], lead),
        });
        return n;
    }

    /// <summary>
    /// Place words that locate a companion against the subject: "nearby", "(far) behind him", "ahead of her", "next to
    /// him", "on his left". Returns the tokens used (0 when there are none) and the relation they say.
    /// </summary>
    int Locative(int k, out SpatialRelation where)
    {
        where = SpatialRelation.Near;
        int j = k;
        if (Is(j, "far", "close", "just", "right", "not") && !IsPathEnd(j + 1)) j++;
        if (Is(j, "nearby", "beside", "alongside", "behind", "ahead") && IsPathEnd(j + 1))
        {
            where = W(j) switch { "behind" => SpatialRelation.Behind, "ahead" => SpatialRelation.InFrontOf, _ => SpatialRelation.Near };
            return j + 1 - k;
        }
        if (Is(j, "on", "at", "to") && Is(j + 1, "his", "her", "their", "its", "the") && Is(j + 2, "left", "right") && (IsPathEnd(j + 3) || Is(j + 3, "side")))
        {
            where = W(j + 2) == "left" ? SpatialRelation.LeftOf : SpatialRelation.RightOf;
            return j + (Is(j + 3, "side") ? 4 : 3) - k;
        }
        var (phrase, pl) = MatchAny(j, ["ahead of", .. NearPreps.Select(p => p.Phrase)]);
        if (pl == 0 || !Is(j + pl, "him", "her", "them", "it")) return 0;
        where = phrase == "ahead of" ? SpatialRelation.InFrontOf : NearPreps.First(p => p.Phrase == phrase).Relation;
        return j + pl + 1 - k;
    }

    static readonly string[] FrameWords = ["frame", "image", "screen", "picture", "view", "shot", "video"];

    /// <summary>
    /// "to the right (side) (of the frame)", "towards the left": the end of a walk is a side of the image, not a spot
    /// left or right of some thing. Sets the subjects' end region; returns the tokens used, or 0.
    /// </summary>
    int ImageSideEnd(int i, List<ActorDraft> subjects)
    {
        var (_, pl) = MatchAny(i, ["to", "towards", "toward", "over to", "into"]);
        if (pl == 0 || !Is(i + pl, "the")) return 0;
        int k = i + pl + 1;
        if (Is(k, "far")) k++;
        if (!Is(k, "left", "right")) return 0;
        var region = W(k) == "left" ? ImageRegion.Left : ImageRegion.Right;
        k++;
        if (Is(k, "side", "edge")) k++;
        if (Is(k, "of") && Is(k + 1, "the") && Is(k + 2, FrameWords)) k += 3;
        else if (Is(k, "of") || !IsPathEnd(k) && !IsPreposition(k)) return 0; // "to the right of the tree" is a relation to the tree
        foreach (var x in subjects) { x.End = new SpatialHint { Region = region }; x.Travels = true; }
        return k - i;
    }

    /// <summary>Length of one of <paramref name="heads"/> followed by one of <paramref name="tails"/> at <paramref name="i"/> ("" is no head), or 0.</summary>
    int MatchAfter(int i, string[] heads, string[] tails)
    {
        foreach (var h in heads)
        {
            int hl = h.Length == 0 ? 0 : Match(i, h);
            if (h.Length > 0 && hl == 0) continue;
            var (_, tl) = MatchAny(i + hl, tails);
            if (tl > 0) return hl + tl;
        }
        return 0;
    }
}
