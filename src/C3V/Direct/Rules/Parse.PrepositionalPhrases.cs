using System.Globalization;
using C3V.World;

namespace C3V.Direct.Rules;

/// <summary>The parser's prepositional phrases: start and end hints, path shapes, regions, landmarks and the scene phrase.</summary>
sealed partial class Parse
{
    /// <summary>Prepositional phrases after the verb (or leading a clause): hints, path shapes, the scene.</summary>
    int PrepositionalPhrases(int i, List<ActorDraft>? subjects)
    {
        SpatialHint? lastHint = null;
        bool lastHintIsEnd = false;
        while (i < t.Count && !t[i].IsPunctuation && !(ClauseWords.Contains(W(i)) && !Is(i, "and") ) && !(Is(i, "and") && !IsPreposition(i + 1) && !Is(i + 1, "then")))
        {
            if (Is(i, "and")) { i++; continue; }
            if (subjects is null && StartsSubject(i) && !IsPreposition(i)) return i; // "On the beach one surfer runs": the subject after a leading place
            int n;
            if (subjects is not null && (n = GroupRelation(i, subjects)) > 0) { i += n; continue; }
            if (subjects is not null && (n = ImageSideEnd(i, subjects)) > 0) { i += n; continue; }
            // manner and path particles
            if ((n = Match(i, "back and forth")) > 0 || (n = Match(i, "to and fro")) > 0 || (n = Match(i, "in a zigzag")) > 0 || (n = Match(i, "zigzagging")) > 0)
            { SetPath(subjects, PathShape.Zigzag, travels: true); i += n; continue; }
            if ((n = Match(i, "in a straight line")) > 0 || (n = Match(i, "straight")) > 0) { SetPath(subjects, PathShape.Straight, travels: true); i += n; continue; }
            if ((n = Match(i, "in circles")) > 0 || (n = Match(i, "in a circle")) > 0) { if (!AroundObject(i + n)) { SetPath(subjects, PathShape.Around, travels: true); i += n; continue; } }
            if ((n = Match(i, "in a curve")) > 0 || (n = Match(i, "in an arc")) > 0 || (n = Match(i, "along a curved path")) > 0) { SetPath(subjects, PathShape.Curved, travels: true); i += n; continue; }
            if (subjects is not null && (n = FarFrom(i, subjects)) > 0) { i += n; continue; }
            if (((n = Match(i, "far away")) > 0 || (n = Match(i, "far off")) > 0 || (n = Match(i, "in the distance")) > 0) && subjects is not null)
            {
                // "a deer stands far away": at the back of the view
                foreach (var s in subjects.Where(s => !s.Travels)) s.Start ??= new SpatialHint { Region = ImageRegion.Background };
                i += n;
                continue;
            }
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
                    if (s.Travels) { s.Start ??= new SpatialHint { Region = ImageRegion.Background }; s.End = new SpatialHint { Region = ImageRegion.Foreground }; s.Direction = ImageDirection.TowardCamera; }
                }
                relations.Add(new RelationDraft(toward is "at" or "facing" ? RelationKind.Facing : RelationKind.Toward, subjects.ToList(), ToCamera: true));
                i += tl + cl;
                continue;
            }
            if ((n = Match(i, "away from")) > 0 && MatchAny(i + n, CameraWords).Length is > 0 and var cl2 && subjects is not null)
            {
                foreach (var s in subjects) { s.Travels = true; s.Start = new SpatialHint { Region = ImageRegion.Foreground }; s.End = new SpatialHint { Region = ImageRegion.Background }; s.Direction = ImageDirection.AwayFromCamera; }
                relations.Add(new RelationDraft(RelationKind.AwayFrom, subjects.ToList(), ToCamera: true));
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
            // "a woman next to him dances": the verb after the subject's own place phrase ends it
            if (best == 0 && subjects is not null && subjects.All(s => s.Current.Phrases.Count == 0) && IsVerbForm(i)
                && !Lexicon.IsActorNoun(W(i)) && !Lexicon.PlaceNouns.Contains(W(i))) return i;
            if (best == 0)
            {
                if (subjects is not null && Is(i, "each", "one") && Is(i + 1, "other", "another")) { i += 2; continue; }
                i++; // a word the grammar does not place: skip it
                continue;
            }
            int np = i + best;
            if ((Match(np, "each other") | Match(np, "one another")) > 0) { i = np + 2; continue; }
            if (IsPreposition(np) && !Is(np, "the") || IsPathEnd(np)) { i = np; continue; } // "stands up from the bench", "sits down after …": a particle
            int end = NounPhraseEnd(np);
            if (end <= np) { i = np; continue; }
            if (IsLightingPhrase(np, end)) { i = end; continue; } // "at night": read as the lighting
            // "toward a ball kicked by a striker": a thing something is done to is an actor, wherever it is named
            bool actedOn = PassiveAt(end) is not null;
            var obj = Classify(np, end, subjects, path: (best == sl || best == el || best == al || best == xl) && !actedOn, passing: best == xl);
            if (best == sl && obj.Kind is ObjectKind.Place or ObjectKind.Landmark && startPrep is "out of" or "leaving" or "from" or "away from"
                && Lexicon.BuildingNouns.Contains(Lexicon.Singular(W(end - 1))) && scene is null && subjects is not null)
            {
                // "runs out of the cottage", "walks away from the house": the scene is outside the building, which is where they start
                SetScene(obj, np, end, exterior: true);
                obj = obj with { Kind = ObjectKind.Landmark };
            }
            else if ((best == sl || best == el) && obj.Kind == ObjectKind.Place)
            {
                if (endPrep is "into" && best == el || scene is null && subjects is null) { SetScene(obj, np, end); i = end; continue; }
                obj = obj with { Kind = ObjectKind.Landmark };
            }
            if (best == sl)
            {
                Hint(subjects, obj, start: true, SpatialRelation.At, out lastHint, startPrep is "away from" or "leaving" ? RelationKind.AwayFrom : null);
                lastHintIsEnd = false;
                // "runs from the car" travels; "stands up from the bench", "waves from the boat" act where they are
                foreach (var s in subjects ?? []) s.Travels |= s.Current.Lemma is null || startPrep is "away from" or "leaving" or "out of";
            }
            else if (best == el && obj.Actor is { } addressee && endPrep is "to" && subjects is not null && subjects.All(s => !s.Travels))
            {
                // "talks to the woman", "waves to him": an action aimed at someone, not a walk to them;
                // "throws a frisbee to her dog": where the thrown thing goes
                Aim(subjects, addressee);
                if (propelled is { } thrown && thrown != addressee) { thrown.EndTarget = addressee; thrown.Travels = true; }
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
                if (obj.Actor is { } circled && subjects is not null) relations.Add(new RelationDraft(RelationKind.Around, subjects.Where(x => x != circled).ToList(), circled));
                if (obj.Kind is ObjectKind.Place) SetScene(obj, np, end);
                else { Hint(subjects, obj, start: true, SpatialRelation.Near, out _); Hint(subjects, obj, start: false, SpatialRelation.Near, out lastHint); }
            }
            else if (best == xl)
            {
                SetPath(subjects, acrossPrep is "across" or "through" or "past" ? PathShape.Across : PathShape.Auto, travels: true);
                if (obj.Actor is { } passed && acrossPrep is "past" && subjects is not null) relations.Add(new RelationDraft(RelationKind.Past, subjects.Where(x => x != passed).ToList(), passed));
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
                else if (obj.Kind is ObjectKind.Place && scene is null) { SetScene(obj, np, end, exterior: Lexicon.BuildingNouns.Contains(obj.Name.Split(' ')[^1])); }
                else
                {
                    bool asStart = subjects is null || subjects.All(s => s.Start is null);
                    Hint(subjects, obj, start: asStart, near.Relation, out lastHint);
                    lastHintIsEnd = !asStart;
                }
            }
            i = Math.Max(end, obj.End);
            if (obj.Actor is { } acted && Passive(i, [acted]) is int agentEnd) i = agentEnd;
            // a relative clause on an actor object: "towards a woman who is dancing"
            if (obj.Actor is { } a && RelativeWords.Contains(W(i)))
            {
                i++;
                while (i < t.Count && Lexicon.Auxiliaries.Contains(W(i))) i++;
                i = RelativeClause(i, a);
            }
        }
        return i;
    }

    static readonly string[] FarPreps = ["far from", "far away from", "far off from", "a long way from", "well away from", "far apart from"];

    /// <summary>
    /// "far (away) from the horse", "far apart": the subjects keep several metres from another actor (or from each other),
    /// a <see cref="RelationKind.FarFrom"/> the composer lays out; far from a thing, it is a landmark they are not near.
    /// Returns the tokens used, or 0.
    /// </summary>
    int FarFrom(int i, List<ActorDraft> subjects)
    {
        if (Match(i, "far apart") > 0 && subjects.Sum(s => s.Count) > 1)
        {
            relations.Add(new RelationDraft(RelationKind.FarFrom, subjects.ToList()));
            return 2;
        }
        var (_, n) = MatchAny(i, FarPreps);
        if (n == 0) return 0;
        int np = i + n, end = NounPhraseEnd(np);
        if (end <= np) return 0;
        if (IsObjectPronoun(np) && Referent(W(np), subjects) is { } referent)
        {
            relations.Add(new RelationDraft(RelationKind.FarFrom, subjects.Where(s => s != referent).ToList(), referent));
            return n + 1;
        }
        var obj = Classify(np, end, subjects);
        if (obj.Actor is { } other)
        {
            // an actor only named here just stands; it is not "next to" anyone
            relations.RemoveAll(r => r.Kind == RelationKind.NextTo && r.Object == other && r.Actors.All(subjects.Contains));
            relations.Add(new RelationDraft(RelationKind.FarFrom, subjects.Where(s => s != other).ToList(), other));
        }
        else if (obj.Kind == ObjectKind.Landmark) AddLandmark(obj.Name);
        else if (obj.Kind == ObjectKind.Place) SetScene(obj, np, end);
        return Math.Max(end, obj.End) - i;
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

    /// <param name="End">Where the phrase really ends when reading the actor took more ("a short man in a blue overall"), else -1.</param>
    sealed record PhraseObject(ObjectKind Kind, string Name, ImageRegion? Region, ActorDraft? Actor, int OfPlaceStart = -1, int End = -1);

    /// <summary>What a prepositional object names: an image region, a place (scene), another actor or a landmark.</summary>
    /// <param name="path">The phrase says where a path goes ("from the ship", "to the train", "across the road"): a thing
    /// there is a landmark of the path, but beings are actors. Anywhere else ("next to a car", "behind a deer") any actor
    /// noun is an actor. A likeness ("a toy train", "a stone lion") never is.</param>
    /// <param name="passing">The path goes by the thing ("past a parked bus"): a vehicle there is an actor the subject passes.</param>
    PhraseObject Classify(int np, int end, List<ActorDraft>? subjects, bool path = false, bool passing = false)
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
        // "the surface of the moon", "the heart of the city": a part of a place is that place
        if (of >= 0 && head.Count == 1 && PartNouns.Contains(W(head[0])) && tail.Count > 0)
        {
            var whole = Classify(of + 1, end, subjects);
            if (whole.Kind == ObjectKind.Place) { SetScene(whole, np, end); return whole; }
        }
        if (end - np == 1 && W(np) is "him" or "her" or "them" or "it" && Referent(W(np), subjects ?? []) is { } referent)
            return new PhraseObject(ObjectKind.Actor, referent.Noun, null, referent);
        string headNoun = head.Count > 0 ? Lexicon.Singular(W(head[^1])) : "";
        var existing = actors.LastOrDefault(a => a.Noun == headNoun && (subjects is null || !subjects.Contains(a)));
        if (existing is not null && of < 0) return new PhraseObject(ObjectKind.Actor, headNoun, null, existing);
        bool likeness = head.Count > 0 && IsLikeness(np, head[^1]);
        if ((path ? Lexicon.IsAnimateNoun(headNoun) || passing && Lexicon.IsVehicleNoun(headNoun) : Lexicon.IsActorNoun(headNoun)) && !likeness && of < 0 && subjects is not null)
        {
            int k = np;
            var other = SubjectPhrase(ref k);
            if (other is not null)
            {
                other.Order = subjects[0].Order;
                actors.Add(other);
                other.Stand();
                return new PhraseObject(ObjectKind.Actor, headNoun, null, other, End: k);
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

    /// <summary>Nouns for a part of a place ("the surface of Mars"): with "of" and a place they name that place as the scene.</summary>
    static readonly HashSet<string> PartNouns = ["surface", "heart", "outskirts", "depths", "interior", "floor", "ground", "grounds", "streets", "shore", "shores", "slopes", "top", "peak", "summit", "bottom", "rim", "banks"];

    bool IsPlace(List<int> head)
    {
        if (head.Count == 0) return false;
        string noun = W(head[^1]);
        if (Lexicon.PlaceNouns.Contains(noun) || Lexicon.PlaceNouns.Contains(Lexicon.Singular(noun))) return true;
        if (Lexicon.IsActorNoun(Lexicon.Singular(noun))) return false;
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

    /// <param name="kind">The relation to another actor this hint makes, when the preposition says more than the hint ("away from").</param>
    void Hint(List<ActorDraft>? subjects, PhraseObject obj, bool start, SpatialRelation relation, out SpatialHint? hint, RelationKind? kind = null)
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
        if (obj.Actor is { } other && subjects is { Count: > 0 })
        {
            // where an actor stands or goes relative to another is a relation the composer keeps
            kind ??= !start ? RelationKind.Toward : relation switch
            {
                SpatialRelation.LeftOf => RelationKind.LeftOf,
                SpatialRelation.RightOf => RelationKind.RightOf,
                SpatialRelation.InFrontOf => RelationKind.InFrontOf,
                SpatialRelation.Behind => RelationKind.Behind,
                SpatialRelation.Near or SpatialRelation.At => RelationKind.NextTo,
                _ => null,
            };
            var who = subjects.Where(x => x != other).ToList();
            if (kind is { } k && who.Count > 0) relations.Add(new RelationDraft(k, who, other));
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
    /// <param name="exterior">The place is a building seen from outside ("in front of a house", "next to a barn"): the
    /// scene is its front, not its inside.</param>
    void SetScene(PhraseObject obj, int np, int end, bool exterior = false)
    {
        if (scene is not null && !sceneIsSurface) return;
        int stop = end;
        // absorb "by the sea", "in the desert", "at night" when they name places
        while (stop < t.Count && MatchAny(stop, ["by", "in", "at", "near", "on", "under", "with", "during"]).Length is > 0 and var pl)
        {
            int e = NounPhraseEnd(stop + pl);
            var content = Enumerable.Range(stop + pl, Math.Max(0, e - stop - pl)).Where(k => !Lexicon.Determiners.Contains(W(k))).ToList();
            if (e <= stop + pl || !(IsPlace(content) || content.Any(k => W(k) is "night" or "sunset" or "dawn" or "dusk" or "rain" or "snow" or "moonlight"))) break;
            // "with a dog far behind him", "with a boat": beings, and things with the scene, are actors
            if (content.Any(k => Lexicon.IsAnimateNoun(W(k)) || Is(stop, "with") && Lexicon.IsActorNoun(W(k)))) break;
            stop = e;
        }
        string head = W(Enumerable.Range(np, end - np).Last(k => W(k) != "of" && !Lexicon.Determiners.Contains(W(k))));
        bool surface = Lexicon.SurfaceNouns.Contains(head) && stop == end;
        if (scene is not null && surface) return;
        scene = exterior ? $"the front of {Text(np, stop)}" : Text(np, stop);
        sceneIsSurface = surface;
    }
}
