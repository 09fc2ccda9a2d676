using System.Globalization;
using C3V.World;

namespace C3V.Direct.Rules;

/// <summary>The parser's last step: drafts expanded into individuals with ids, segments, relations and the scene.</summary>
sealed partial class Parse
{
    ScenePlan Build()
    {
        // a thing found indoors ("on the couch", "at a kitchen table") or named by a place ("under street lights") is not a
        // whole place: the default scene is built around it instead
        if (scene is null && fallbackScene is { } fb && !classifier.IsIndoor(fb.Landmark) && PlaceOfThing(fb.Landmark) is null)
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
                var end = d.End;
                var start = d.Start;
                // "towards each other" and other actor targets
                if (d.EndTarget is not null) end = (end ?? new SpatialHint { Relation = SpatialRelation.Near }) with { Actor = IdOf(d.EndTarget) };
                if (d.StartTarget is not null) start = (start ?? new SpatialHint { Relation = SpatialRelation.Near }) with { Actor = IdOf(d.StartTarget) };
                var segments = Motions(d, end is not null && d.Path != PathShape.InPlace, Direction(start, end));
                bool travels = segments.Any(m => m.Travels);
                plans.Add(new ActorPlan
                {
                    Id = ids[k],
                    Description = d.Description,
                    Category = d.Category,
                    Noun = d.Noun,
                    Attributes = d.Attributes.ToList(),
                    Props = d.Props.ToList(),
                    HeightMeters = Math.Round(Math.Clamp(d.Height, 0.05, 50), 2),
                    Motion = segments[0],
                    Then = segments.Skip(1).ToList(),
                    Start = start is { IsEmpty: false } ? start : null,
                    End = travels && end is { IsEmpty: false } ? end : null,
                    Order = d.Order,
                    Target = d.AimTarget is { } aim ? IdOf(aim) : null,
                });
            }
        }
        List<string> IdsOf(ActorDraft d) => ordered.Where(e => e.Draft == d).Select(e => e.Id).ToList();
        var relationPlans = Relations(IdsOf);
        EachOther(plans, relationPlans);
        string sceneText = scene ?? DefaultScene();
        if (sceneIsSurface && landmarks.Count > 0)
            sceneText += " with " + With(landmarks);
        return new ScenePlan
        {
            Version = ScenePlan.CurrentVersion,
            Prompt = prompt,
            Scene = new SceneSpec { Description = sceneText, Landmarks = landmarks.ToList(), Lighting = lighting },
            Actors = plans,
            Camera = camera,
            DurationSeconds = duration ?? 4,
            Relations = relationPlans,
        };
    }

    /// <summary>
    /// The draft's segments as motions. A single segment keeps the old reading (it travels when its verb does or
    /// an end is given); of several, the travelling verbs travel, and an end with no travelling verb makes the
    /// last one travel ("waves, then to the door").
    /// </summary>
    static List<MotionPlan> Motions(ActorDraft d, bool hasEnd, ImageDirection? direction)
    {
        var segs = d.Segments.Where(x => x.Phrases.Count > 0).ToList();
        if (segs.Count == 0) segs = [d.Current];
        bool anyTravels = segs.Any(x => x.Travels);
        var list = new List<MotionPlan>();
        for (int k = 0; k < segs.Count; k++)
        {
            var x = segs[k];
            bool travels = x.Travels || hasEnd && !anyTravels && k == segs.Count - 1;
            list.Add(new MotionPlan
            {
                Description = x.Phrases.Count == 0 ? "standing" : string.Join(" and ", x.Phrases),
                Travels = travels,
                Path = travels ? d.Path : PathShape.InPlace,
                Count = x.Count,
                Speed = x.Speed,
                Direction = travels ? x.Direction ?? direction : null,
            });
        }
        return list;
    }

    /// <summary>The image direction start and end regions make ("from the left to the right"), or null.</summary>
    static ImageDirection? Direction(SpatialHint? start, SpatialHint? end)
    {
        static int H(ImageRegion? r) => r switch
        {
            ImageRegion.Left or ImageRegion.TopLeft or ImageRegion.BottomLeft => -1,
            ImageRegion.Right or ImageRegion.TopRight or ImageRegion.BottomRight => 1,
            _ => 0,
        };
        int from = H(start?.Region), to = H(end?.Region);
        if (start?.Landmark is not null || start?.Actor is not null || end?.Landmark is not null || end?.Actor is not null) return null;
        if (from < 0 && to >= 0 && (to > 0 || end?.Region is not null) || from == 0 && start?.Region is not null && to > 0) return ImageDirection.LeftToRight;
        if (from > 0 && to <= 0 && (to < 0 || end?.Region is not null) || from == 0 && start?.Region is not null && to < 0) return ImageDirection.RightToLeft;
        if (start is null && to != 0) return to > 0 ? ImageDirection.LeftToRight : ImageDirection.RightToLeft;
        return null;
    }

    /// <summary>The relations read, with actor ids; a group draft ("two boxers") stands for all its individuals.</summary>
    List<ActorRelation> Relations(Func<ActorDraft, List<string>> ids)
    {
        var list = new List<ActorRelation>();
        foreach (var r in relations)
        {
            var who = r.Actors.SelectMany(ids).Distinct().ToList();
            if (who.Count == 0) continue;
            string? obj = r.ToCamera ? ActorRelation.Camera : r.Object is { } o ? ids(o)[0] : null;
            if (obj is not null && who.Contains(obj)) who.Remove(obj);
            bool group = r.Kind is RelationKind.SideBySide or RelationKind.InARow or RelationKind.FacesEachOther;
            if (group && who.Count < 2 || who.Count == 0) continue;
            var plan = new ActorRelation { Kind = r.Kind, Actors = who, Object = group ? null : obj, Interaction = r.Interaction };
            if (obj is null && !group && r.Kind is not (RelationKind.Toward or RelationKind.AwayFrom) && !(r.Kind == RelationKind.FarFrom && who.Count > 1)) continue;
            if (!list.Contains(plan, RelationComparer.Instance)) list.Add(plan);
        }
        return list;
    }

    /// <summary>Relations are records with lists: equal when kind, actors, object and interaction are.</summary>
    sealed class RelationComparer : IEqualityComparer<ActorRelation>
    {
        public static readonly RelationComparer Instance = new();
        public bool Equals(ActorRelation? a, ActorRelation? b) => a is not null && b is not null && a.Kind == b.Kind && a.Object == b.Object
            && a.Interaction == b.Interaction && a.Actors.SequenceEqual(b.Actors);
        public int GetHashCode(ActorRelation r) => HashCode.Combine(r.Kind, r.Object, r.Actors.Count);
    }

    /// <summary>"walk towards each other": travelling actors of a mutual "toward" relation each head for the other.</summary>
    static void EachOther(List<ActorPlan> plans, List<ActorRelation> relations)
    {
        foreach (var r in relations.Where(r => r.Kind == RelationKind.Toward && r.Object is null && r.Actors.Count == 2))
        {
            for (int k = 0; k < 2; k++)
            {
                int i = plans.FindIndex(p => p.Id == r.Actors[k]);
                var p = plans[i];
                var m = p.Segments.FirstOrDefault(x => x.Travels) ?? p.Motion;
                var moved = m with { Travels = true, Path = m.Path == PathShape.InPlace ? PathShape.Auto : m.Path };
                plans[i] = p with
                {
                    End = (p.End ?? new SpatialHint { Relation = SpatialRelation.Near }) with { Actor = r.Actors[1 - k] },
                    Motion = ReferenceEquals(m, p.Motion) ? moved : p.Motion,
                    Then = p.Then.Select(x => ReferenceEquals(x, m) ? moved : x).ToList(),
                };
            }
        }
    }

    /// <summary>
    /// The scene when the prompt names no place: around the things it names (a room when one is found indoors, "in front
    /// of a fireplace"; else a lawn), a street for road vehicles ("the bus drives away"), else an empty stage.
    /// </summary>
    string DefaultScene()
    {
        bool roadVehicle = actors.Any(a => Actors.BodyCatalog.ForNoun(a.Noun) is { Kind: Actors.ActorKind.Vehicle, Build: "car" or "suv" or "van" or "truck" or "bus" or "motorcycle" or "scooter" });
        if (objectScene is { } place) return place; // "ploughs the field", "leaves the house"
        if (landmarks.Count > 0)
        {
            // a bus beside a bench is in a street; a cabin or a barn is seen from outside; street lights are in a street
            if (roadVehicle) return "a street with " + With(landmarks);
            if (landmarks.Select(PlaceOfThing).FirstOrDefault(p => p is not null) is { } named) return $"{Article(named)} {named} with {With(landmarks)}";
            bool building = landmarks.Any(l => Lexicon.BuildingNouns.Contains(l.Split(' ')[^1]));
            return !building && landmarks.Any(l => classifier.IsIndoor(l)) ? "a room with " + With(landmarks) : "an open lawn with " + With(landmarks);
        }
        if (roadVehicle) return "a street";
        return classifier.SettingOf(prompt) ?? "an empty stage";
    }

    /// <summary>The place a thing's name says it belongs to ("street lights" → street, "kitchen table" → kitchen), or null.</summary>
    static string? PlaceOfThing(string thing)
    {
        var words = thing.Split(' ');
        return words.Length > 1 && words[..^1].LastOrDefault(w => Lexicon.PlaceNouns.Contains(w) && !Lexicon.SurfaceNouns.Contains(w) && LightingOf(w) is null && !Lexicon.IsActorNoun(w)) is { } place ? place : null;
    }

    static string Article(string word) => "aeiou".Contains(word[0]) ? "an" : "a";

    /// <summary>Things listed with their articles ("a bench and street lights").</summary>
    static string With(IEnumerable<string> things) => string.Join(" and ", things.Select(l => Lexicon.IsPlural(l.Split(' ')[^1]) ? l : $"{Article(l)} {l}"));

    static string Slug(string noun) => new(noun.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
