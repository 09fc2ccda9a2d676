using System.Numerics;
using C3V.Actors;
using C3V.Direct;

namespace C3V.Compose;

/// <summary>
/// Riders and their mounts ("a cowboy rides a horse", "a boy on a skateboard", "a woman rides a bicycle"): the rider
/// is carried on its mount's <see cref="ComposedActor.Seat"/>, turned as it turns, sitting when the seat is high (a
/// saddle, a bicycle's seat: its pelvis on it) and standing when it is low (a deck: its soles on it). The mount goes
/// the way either of them was planned to travel; the relations the plan sets on the rider are its mount's.
/// </summary>
public static class Mounting
{
    /// <summary>
    /// Rider id → mount id, from the plan: a <see cref="RelationKind.Rides"/> relation, a start or end "on" another actor,
    /// or a motion that rides another actor by its noun ("riding a horse", "rides the bicycle"). A mount does not ride.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Of(ScenePlan plan)
    {
        var mounts = new Dictionary<string, string>();
        void Add(string rider, string? mount)
        {
            if (mount is null || mount == rider || plan.FindActor(mount) is null || mounts.ContainsKey(rider) || mounts.ContainsKey(mount)
                || mounts.ContainsValue(rider)) return;
            mounts[rider] = mount;
        }
        foreach (var r in plan.Relations.Where(r => r.Kind == RelationKind.Rides))
            foreach (var rider in r.Actors) Add(rider, r.Object);
        foreach (var a in plan.Actors)
        {
            foreach (var hint in new[] { a.Start, a.End })
                if (hint is { Relation: SpatialRelation.On, Actor: { } on }) Add(a.Id, on);
            foreach (var m in a.Segments)
            {
                var words = m.Description.ToLowerInvariant().Split([' ', ',', '-'], StringSplitOptions.RemoveEmptyEntries);
                if (!words.Any(w => w.StartsWith("rid", StringComparison.Ordinal))) continue;
                foreach (var other in plan.Actors)
                    if (other.Id != a.Id && other.Noun.Length > 0 && words.Contains(other.Noun.ToLowerInvariant())) Add(a.Id, other.Id);
            }
        }
        return mounts;
    }

    /// <summary>
    /// The plan's relations as the composer should lay them out with riders carried: those between a rider and its mount
    /// go (the mount carries it), and a rider's others become its mount's ("a knight on a horse chases a dragon": the horse chases).
    /// </summary>
    public static IReadOnlyList<ActorRelation> Carried(IReadOnlyList<ActorRelation> relations, IReadOnlyDictionary<string, string> mounts)
    {
        if (mounts.Count == 0) return relations;
        string Carrier(string id) => mounts.GetValueOrDefault(id) ?? id;
        var result = new List<ActorRelation>();
        foreach (var r in relations)
        {
            if (r.Kind == RelationKind.Rides) continue;
            var actors = r.Actors.Select(Carrier).Distinct().ToList();
            string? obj = r.Object is { } o ? Carrier(o) : null;
            if (obj is not null && actors.Contains(obj)) actors.Remove(obj);
            if (actors.Count == 0 || actors.Count == 1 && obj is null && r.Actors.Count > 1) continue;
            result.Add(r with { Actors = actors, Object = obj });
        }
        return result;
    }

    /// <summary>
    /// The layouts with each mount on the way its rider was planned to travel when that is the longer (a boy "rolls down
    /// the street" on a skateboard that was planned standing), and each rider at its mount's scale-free place (its own
    /// layout is not walked: it is carried).
    /// </summary>
    public static IReadOnlyList<ActorLayout> Ways(IReadOnlyList<ActorLayout> layouts, IReadOnlyDictionary<string, string> mounts)
    {
        if (mounts.Count == 0) return layouts;
        var result = layouts.ToList();
        int Index(string id) => result.FindIndex(l => l.ActorId == id);
        foreach (var (rider, mount) in mounts)
        {
            int r = Index(rider), m = Index(mount);
            if (r < 0 || m < 0) continue;
            if (RelationLayout.GroundLength(result[r].Waypoints) > RelationLayout.GroundLength(result[m].Waypoints)) result[m] = result[m] with { Waypoints = result[r].Waypoints };
            result[r] = result[r] with { Waypoints = result[m].Waypoints };
        }
        return result;
    }

    /// <summary>Whether a rider of <paramref name="riderHeight"/> stands on a seat <paramref name="seatHeight"/> high (metres, both real): a deck below its knees.</summary>
    public static bool StandsOn(float seatHeight, float riderHeight) => seatHeight < 0.28f * riderHeight;

    /// <summary>
    /// The clip a rider plays on its mount: one made for riding when the library has it, else sitting (a saddle) or the
    /// standing idle (a deck).
    /// </summary>
    public static MotionClip RidingClip(bool stands, IReadOnlyList<MotionClip> clips) =>
        clips.FirstOrDefault(c => c.Labels.Any(l => l.StartsWith("rid", StringComparison.Ordinal)))
        ?? (stands ? null : clips.FirstOrDefault(c => c.Labels.Contains("sit") && c.Loop))
        ?? clips[0];

    /// <summary>
    /// The tracks with every rider on its mount: at the mount's seat (turned with it, at its scale), facing its way,
    /// its soles on a low seat or its pelvis on a high one, playing its own clip at its own times.
    /// </summary>
    public static ActorTrack[] Seat(ActorTrack[] tracks, IReadOnlyList<ComposedActor> actors, IReadOnlyDictionary<string, string> mounts)
    {
        int Index(string id) => actors.ToList().FindIndex(a => a.Id == id);
        Span<Quaternion> local = stackalloc Quaternion[Skeleton.JointCount];
        foreach (var (riderId, mountId) in mounts)
        {
            int r = Index(riderId), m = Index(mountId);
            if (r < 0 || m < 0) continue;
            var rider = actors[r]; var mount = actors[m];
            var carrier = tracks[m].Frames; var own = tracks[r].Frames;
            var frames = new ActorFrame[own.Count];
            for (int f = 0; f < frames.Length; f++)
            {
                var c = carrier[Math.Min(f, carrier.Count - 1)];
                var seat = c.Transform.Apply(mount.Seat);
                float scale = own[f].Scale;
                bool stands = StandsOn(mount.Seat.Y * c.Scale, rider.Height * scale);
                // seated: its pelvis (the clip's root) on the seat, a thigh's thickness above it
                float lift = stands ? 0 : -scale * (rider.SampleInto(own[f].MotionTime, own[f].Rest, local).Y - 0.05f * rider.Height);
                frames[f] = own[f] with { Position = new Vector3(seat.X, seat.Y + lift, seat.Z), Yaw = c.Yaw };
            }
            tracks[r] = new ActorTrack(riderId, frames);
        }
        return tracks;
    }
}
