namespace C3V.Direct.Rules;

/// <summary>An actor as the parser builds it, before counts are expanded into individuals.</summary>
sealed class ActorDraft
{
    public required string Noun { get; init; }
    public int Count { get; set; } = 1;
    public required string Description { get; set; }
    public List<string> Attributes { get; } = [];
    public List<string> Props { get; } = [];
    public ActorCategory Category { get; set; }
    /// <summary>The board or scooter the actor stands on ("a teenager on a skateboard"): a prop that is how it gets about.</summary>
    public string? Ride { get; set; }
    public double Height { get; set; }
    /// <summary>What the actor does, in order ("stretches, then jogs away"): never empty; the last is the one being read.</summary>
    public List<SegmentDraft> Segments { get; private set; } = [new()];
    public SegmentDraft Current => Segments[^1];
    /// <summary>Whether the prompt said what the actor does (the "standing" given to one only named is not said).</summary>
    public bool HasMotion => Segments.Any(x => x.Phrases.Count > 0 && !x.Placeholder);
    /// <summary>What another's verb makes this actor do ("chases a cat": the cat runs away), unless the prompt says what it does.</summary>
    public void Imply(IEnumerable<string> phrases, string? lemma = null, bool? travels = null)
    {
        if (HasMotion) return;
        Current.Phrases.Clear();
        Current.Placeholder = false;
        Current.Phrases.AddRange(phrases);
        Current.Lemma = lemma ?? Current.Lemma;
        if (travels is { } t) Current.Travels = t;
    }

    /// <summary>An actor only named ("next to a car"): it stands, until a verb of its own says otherwise.</summary>
    public void Stand()
    {
        if (HasMotion || Current.Phrases.Count > 0) return;
        Current.Phrases.Add("standing");
        Current.Placeholder = true;
    }
    /// <summary>Whether the motion being read carries the actor across the scene.</summary>
    public bool Travels { get => Current.Travels; set => Current.Travels = value; }
    /// <summary>Which way the motion being read goes in the image ("toward the camera").</summary>
    public ImageDirection? Direction { get => Current.Direction; set => Current.Direction = value; }
    public PathShape Path { get; set; } = PathShape.Auto;
    /// <summary>The next verb starts a new segment (a sequence marker came: "then", "after that").</summary>
    public void StartSegment()
    {
        if (Current.Placeholder) Current.Phrases.Clear();
        else if (Current.Phrases.Count > 0) Segments.Add(new());
    }
    /// <summary>Forgets what the actor was said to do (a member of a group told apart: "one runs").</summary>
    public void ClearMotion() => Segments = [new()];
    /// <summary>
    /// Adds motions read elsewhere ("after stretching, she jogs"): before the actor's own (<paramref name="first"/>) or
    /// after them, or, with <paramref name="merge"/>, into its first motion as things done together ("while singing").
    /// </summary>
    public void AddSegments(IReadOnlyList<SegmentDraft> added, bool first, bool merge)
    {
        if (added.Count == 0) return;
        if (merge)
        {
            foreach (var p in added.SelectMany(x => x.Phrases)) if (!Segments[0].Phrases.Contains(p)) Segments[0].Phrases.Add(p);
            return;
        }
        var own = Segments.Where(x => x.Phrases.Count > 0).ToList();
        var copies = added.Select(x => x.Copy()).ToList();
        Segments = first ? [.. copies, .. own] : [.. own, .. copies];
    }

    /// <summary>Takes the motions of <paramref name="other"/> (a member told apart by a manner or look only: "one fast").</summary>
    public void CopyMotionFrom(ActorDraft other)
    {
        Segments = other.Segments.Select(x => x.Copy()).ToList();
        Path = other.Path;
    }

    public SpatialHint? Start { get; set; }
    public SpatialHint? End { get; set; }
    public string? EndActor { get; set; } // target draft's noun key, resolved to an id at the end
    public ActorDraft? EndTarget { get; set; }
    public ActorDraft? StartTarget { get; set; }
    /// <summary>The actor this one's action is aimed at ("waves at him", "talks to the woman").</summary>
    public ActorDraft? AimTarget { get; set; }
    public int Order { get; set; }
    /// <summary>How many individuals the noun phrase named ("three children": 3), before any was told apart.</summary>
    public int GroupSize { get; set; } = 1;
    /// <summary>Members told apart from this group ("one runs"), each its own draft.</summary>
    readonly List<ActorDraft> parts = [];

    /// <summary>Every draft of the group: the members told apart, then what remains of this one.</summary>
    public List<ActorDraft> Members() => [.. parts, this];

    /// <summary>Tells <paramref name="n"/> members apart from the group: a draft like this one, without its motion.</summary>
    public ActorDraft Split(int n)
    {
        Count -= n;
        var d = new ActorDraft { Noun = Noun, Count = n, Description = Description, Category = Category, Height = Height, Order = Order, Path = Path,
            Start = Start, End = End, StartTarget = StartTarget, EndTarget = EndTarget, AimTarget = AimTarget };
        d.Attributes.AddRange(Attributes);
        d.Props.AddRange(Props);
        d.Ride = Ride;
        parts.Add(d);
        return d;
    }
}

/// <summary>One motion of an actor as the parser reads it: its verb phrases (joined by "and"), how often, how fast.</summary>
sealed class SegmentDraft
{
    public List<string> Phrases { get; } = [];
    public bool Travels { get; set; }
    public int? Count { get; set; }
    public MotionSpeed Speed { get; set; }
    public string? Lemma { get; set; }
    public ImageDirection? Direction { get; set; }
    /// <summary>Read from a participle before the noun ("a walking man"): what the actor does unless a verb of its own says otherwise.</summary>
    public bool FromModifier { get; set; }
    /// <summary>The "standing" of an actor only named (<see cref="ActorDraft.Stand"/>): replaced by the first verb it gets.</summary>
    public bool Placeholder { get; set; }

    public SegmentDraft Copy()
    {
        var c = new SegmentDraft { Travels = Travels, Count = Count, Speed = Speed, Lemma = Lemma, Direction = Direction, FromModifier = FromModifier, Placeholder = Placeholder };
        c.Phrases.AddRange(Phrases);
        return c;
    }
}

/// <summary>A relation between drafts (expanded to actor ids when the plan is built).</summary>
sealed record RelationDraft(RelationKind Kind, IReadOnlyList<ActorDraft> Actors, ActorDraft? Object = null, bool ToCamera = false, Interaction? Interaction = null);
