using C3V.Actors;
using C3V.Direct;

namespace C3V.Compose;

/// <summary>
/// Two actors doing one two-person action (a handshake, a hug, a boxing exchange, a sword fight, a waltz) play its
/// clip as a pair: the first as made, the second its partner's part (<see cref="MotionClip.AsPartner"/>: the same clip
/// <see cref="MotionClip.PartnerTimeOffset"/> seconds on, so one punches while the other blocks), at the clip's
/// <see cref="MotionClip.PartnerDistance"/> (<see cref="RelationLayout"/> places them so), starting together.
/// </summary>
public static class Partners
{
    /// <summary>The clip an actor acts in place (its first segment that does not travel), else its clip.</summary>
    static MotionClip Acting(ComposedActor a) => a.Segments?.FirstOrDefault(s => !s.Travels)?.Clip ?? a.Clip;

    /// <summary>
    /// The actors with the second of every pair that faces each other in a two-person clip playing the partner's part:
    /// when both chose that clip, or when the second only stands by (<paramref name="idle"/>: it joins in). Returns
    /// the ids of the actors that now play a partner's part.
    /// </summary>
    public static IReadOnlyList<string> Pair(IReadOnlyList<ActorRelation> relations, List<ComposedActor> actors, Func<MotionClip, bool> idle)
    {
        var partners = new List<string>();
        foreach (var r in relations.Where(r => r.Kind == RelationKind.FacesEachOther && r.Actors.Count >= 2))
        {
            int a = actors.FindIndex(x => x.Id == r.Actors[0]), b = actors.FindIndex(x => x.Id == r.Actors[1]);
            if (a < 0 || b < 0 || partners.Contains(actors[a].Id) || partners.Contains(actors[b].Id)) continue;
            MotionClip first = Acting(actors[a]), second = Acting(actors[b]);
            // whichever of the two chose the pair clip leads; the other joins in if it was only standing by
            if (first.PartnerDistance is null && second.PartnerDistance is not null && idle(first)) (a, b, first, second) = (b, a, second, first);
            if (first.PartnerDistance is null || !(second.Name == first.Name || idle(second))) continue;
            actors[b] = WithActing(actors[b], second, first.AsPartner());
            partners.Add(actors[b].Id);
        }
        return partners;
    }

    /// <summary>The actor with <paramref name="old"/> replaced by <paramref name="clip"/> wherever it plays it.</summary>
    static ComposedActor WithActing(ComposedActor a, MotionClip old, MotionClip clip) =>
        new(a.Id, a.Skin, ReferenceEquals(a.Clip, old) ? clip : a.Clip,
            a.Segments?.Select(s => ReferenceEquals(s.Clip, old) ? s with { Clip = clip } : s).ToList(), a.Pace);
}
