using System.Numerics;
using C3V.Render;
using C3V.Splats;

namespace C3V.Compose;

/// <summary>What refinement changes: an actor's waypoints (world, feet on the ground) and its uniform scale.</summary>
public sealed record ActorLayout(string ActorId, IReadOnlyList<Vector3> Waypoints, float Scale)
{
    public static ActorLayout FromLifted(string actorId, LiftedActor lifted) => new(actorId, lifted.Positions, lifted.Scale);
}

/// <summary>A scene prop actors must not walk through: a vertical cylinder standing at <paramref name="Base"/>.</summary>
public readonly record struct Obstacle(Vector3 Base, float Radius);

/// <summary>The scene side of a composition: reference camera, ground, size, obstacles, video length.</summary>
/// <param name="Extent">The scene's size (metres), which sets the default refinement bound τ = 0.1·extent.</param>
/// <param name="Cloud">The scene's splats; only needed by an image prior that looks at the whole frame.</param>
public sealed record ComposeScene(Camera Camera, float GroundHeight, float Extent, float Duration, float Fps,
    IReadOnlyList<Obstacle>? Obstacles = null, GaussianCloud? Cloud = null)
{
    public int FrameCount => Math.Max(1, (int)MathF.Round(Duration * Fps));
    public IReadOnlyList<Obstacle> ObstacleList => Obstacles ?? [];

    /// <summary>Extent from a scene cloud: the larger horizontal side of the bounds of its centres.</summary>
    public static float ExtentOf(GaussianCloud cloud)
    {
        var (min, max) = cloud.Bounds();
        return MathF.Max(1f, MathF.Max(max.X - min.X, max.Z - min.Z));
    }
}

/// <summary>
/// Turns layouts into the per-frame composition: the smooth arc-length path through each actor's waypoints,
/// walked at the clip's natural speed, facing the direction of travel (the camera when standing still).
/// </summary>
public static class Composer
{
    /// <summary>Seconds an actor that waits for the others ("then") still has to act, at the least.</summary>
    public const float MinActingSeconds = 1.5f;

    /// <summary>Least time an earlier actor acting in place is watched before the later ones start (the eye needs a second to see an action).</summary>
    public const float MinHoldSeconds = 1f;
    /// <summary>Most of the video an earlier in-place action holds the later actors back.</summary>
    const float MaxHoldShare = 0.4f;

    /// <summary>Seconds an actor's in-place action takes done once: its segments' natural length (counts included), else its clip's.</summary>
    static float ActionSeconds(ComposedActor actor) =>
        actor.Segments is { } segments ? MotionSequence.InPlaceSeconds(segments) : actor.Clip.Duration;

    /// <summary>Path and timing of an actor's layout; an actor that starts <paramref name="delay"/> seconds in is planned for the time left.</summary>
    /// <param name="speed">The cruise speed (world m/s) it keeps when it goes at another's pace (see <see cref="Schedule"/>).</param>
    public static (CatmullRomPath Path, PathTiming Timing) Plan(ComposedActor actor, ActorLayout layout, ComposeScene scene, TimingOptions? options = null, float delay = 0,
        float? speed = null)
    {
        var path = new CatmullRomPath(layout.Waypoints);
        if (delay <= 0) return (path, actor.Timing(path.Length, scene.Duration, layout.Scale, options, speed));
        return (path, actor.Timing(path.Length, scene.Duration - delay, layout.Scale, options, speed).After(delay, scene.Duration));
    }

    /// <summary>Yaw that makes an actor standing at <paramref name="position"/> face the camera.</summary>
    public static float FacingCamera(Camera camera, Vector3 position) => TrackBuilder.YawOf(camera.Position - position, 0f);

    /// <param name="target">Where the actor's action is aimed at each frame, or null (see <see cref="TrackBuilder.Build"/>).</param>
    /// <param name="delay">Seconds the actor stands before it starts (see <see cref="StartDelays"/>).</param>
    public static ActorTrack Track(ComposedActor actor, ActorLayout layout, ComposeScene scene, TimingOptions? options = null, Func<int, Vector3?>? target = null,
        float delay = 0, float? speed = null)
    {
        var (path, timing) = Plan(actor, layout, scene, options, delay, speed);
        return Track(actor, layout, scene, path, timing, options, target);
    }

    static ActorTrack Track(ComposedActor actor, ActorLayout layout, ComposeScene scene, CatmullRomPath path, PathTiming timing, TimingOptions? options,
        Func<int, Vector3?>? target) =>
        TrackBuilder.Build(actor.Id, path, timing, layout.Scale, scene.Fps, scene.FrameCount,
            FacingCamera(scene.Camera, layout.Waypoints[0]), actor.Height, options, new FootSampler(actor).Pivot, target);

    /// <param name="targets">
    /// Per actor id, the id of the actor its action is aimed at ("waves at him"): it turns to face that actor
    /// wherever it is at each frame while standing. Actors not listed face their way, or the camera.
    /// </param>
    /// <param name="orders">Per actor id, its place in the prompt's order of events (see <see cref="StartDelays"/>); none: all start at once.</param>
    /// <param name="pacedBy">Per actor id, the actor whose pace it keeps (see <see cref="Schedule"/>).</param>
    /// <param name="touching">Pairs of actor ids that may touch (a hug, a dance hold): the others are kept apart at every frame (<see cref="Clearance"/>).</param>
    /// <param name="mounts">Rider id → the id of the actor it rides: the rider is carried on its mount's seat (see <see cref="Mounting"/>).</param>
    public static Composition Compose(ComposeScene scene, IReadOnlyList<(ComposedActor Actor, ActorLayout Layout)> actors, TimingOptions? options = null,
        IReadOnlyDictionary<string, string>? targets = null, IReadOnlyDictionary<string, int>? orders = null, IReadOnlyDictionary<string, string>? pacedBy = null,
        IReadOnlyCollection<(string A, string B)>? touching = null, IReadOnlyDictionary<string, string>? mounts = null) =>
        new(scene.Fps, scene.FrameCount, Build(scene, actors, options, targets, orders, pacedBy, touching, mounts));

    /// <summary>
    /// Plans every actor as <see cref="Compose"/> does without keeping the tracks: what a reused composition needs
    /// so that actors with motion segments have their sequence clips laid out (see <see cref="ComposedActor.Timing"/>).
    /// </summary>
    public static void Prepare(ComposeScene scene, IReadOnlyList<(ComposedActor Actor, ActorLayout Layout)> actors, TimingOptions? options = null,
        IReadOnlyDictionary<string, int>? orders = null, IReadOnlyDictionary<string, string>? pacedBy = null,
        IReadOnlyCollection<(string A, string B)>? touching = null, IReadOnlyDictionary<string, string>? mounts = null) =>
        Build(scene, actors, options, null, orders, pacedBy, touching, mounts);

    /// <summary>
    /// The tracks: every actor scheduled (<see cref="Schedule"/>) and tracked, the paths bent until no two actors meet
    /// at any frame (<see cref="Clearance"/>), timed once more on those paths, and the riders set on their mounts.
    /// </summary>
    static ActorTrack[] Build(ComposeScene scene, IReadOnlyList<(ComposedActor Actor, ActorLayout Layout)> actors, TimingOptions? options,
        IReadOnlyDictionary<string, string>? targets, IReadOnlyDictionary<string, int>? orders, IReadOnlyDictionary<string, string>? pacedBy,
        IReadOnlyCollection<(string A, string B)>? touching, IReadOnlyDictionary<string, string>? mounts)
    {
        ActorTrack[] TracksOf(IReadOnlyList<ActorLayout> layouts)
        {
            var placed = actors.Select((a, i) => (a.Actor, layouts[i])).ToList();
            var plans = Schedule(scene, placed, options, orders, pacedBy);
            var tracks = placed.Select((a, i) => Track(a.Actor, a.Item2, scene, plans[i].Path, plans[i].Timing, options, null)).ToArray();
            if (targets is not { Count: > 0 }) return tracks;
            // Facing changes only yaw (and the centimetres a pivot on a planted foot adds), so the targets'
            // positions from the first pass are where they are.
            var first = tracks.ToDictionary(t => t.ActorId);
            for (int i = 0; i < placed.Count; i++)
            {
                if (!targets.TryGetValue(placed[i].Actor.Id, out var id) || id == placed[i].Actor.Id || !first.TryGetValue(id, out var other)) continue;
                tracks[i] = Track(placed[i].Actor, placed[i].Item2, scene, plans[i].Path, plans[i].Timing, options,
                    f => other.Frames[Math.Min(f, other.Frames.Count - 1)].Position);
            }
            return tracks;
        }
        bool Rides(string id) => mounts?.ContainsKey(id) == true;
        bool Exempt(string a, string b) => Rides(a) || Rides(b)
            || touching?.Any(p => p.A == a && p.B == b || p.A == b && p.B == a) == true;
        var settled = Clearance.Resolve(actors.Select(a => new Clearance.Body(a.Actor.Id, a.Actor.Footprint, a.Layout)).ToList(), TracksOf, Exempt, pacedBy);
        var final = TracksOf(settled);
        return mounts is { Count: > 0 } ? Mounting.Seat(final, actors.Select(a => a.Actor).ToList(), mounts) : final;
    }

    /// <summary>
    /// When each actor starts, for "a man runs to the house, then a woman waves at him": an actor later in the
    /// prompt's order waits, standing, until every earlier actor that travels has arrived, and every earlier actor
    /// acting in place ("the referee blows the whistle, then the sprinters run") has done its action once (its
    /// natural length, <see cref="MinHoldSeconds"/> at least and <see cref="MaxHoldShare"/> of the video at most: it
    /// goes on acting afterwards), keeping at least <see cref="MinActingSeconds"/> to act.
    /// </summary>
    public static float[] StartDelays(ComposeScene scene, IReadOnlyList<(ComposedActor Actor, ActorLayout Layout)> actors, TimingOptions? options,
        IReadOnlyDictionary<string, int>? orders) =>
        Timed(scene, actors, options, orders).Select(p => p.Delay).ToArray();

    /// <summary>An actor's path and timing as composed, planned once for its start delay and its pace.</summary>
    readonly record struct Planned(CatmullRomPath Path, PathTiming Timing, float Delay);

    /// <summary>
    /// Every actor planned once at its own pace and start (<see cref="StartDelays"/>), then the ones that go at another's
    /// pace (<paramref name="pacedBy"/>: follower → leader) planned again at its leader's speed times the ratio of their
    /// paths' lengths, so both cover their paths in the same time — a follower keeps its distance, a chaser closes in,
    /// a file keeps its gaps, a pair stays abreast. The last plan of each actor is the one its track and its
    /// sequence clip (<see cref="ComposedActor.Timing"/>) follow.
    /// </summary>
    static Planned[] Schedule(ComposeScene scene, IReadOnlyList<(ComposedActor Actor, ActorLayout Layout)> actors, TimingOptions? options,
        IReadOnlyDictionary<string, int>? orders, IReadOnlyDictionary<string, string>? pacedBy)
    {
        var plans = Timed(scene, actors, options, orders);
        if (pacedBy is not { Count: > 0 }) return plans;
        var own = (Planned[])plans.Clone();
        for (int i = 0; i < actors.Count; i++)
        {
            if (!pacedBy.TryGetValue(actors[i].Actor.Id, out var leaderId)) continue;
            int j = Enumerable.Range(0, actors.Count).FirstOrDefault(k => actors[k].Actor.Id == leaderId, -1);
            if (j < 0 || j == i) continue;
            var lead = own[j].Timing;
            if (!lead.Locomotion || lead.PathLength <= 0) continue;
            float ratio = own[i].Path.Length / lead.PathLength, speed = lead.Speed * ratio;
            // a pace the follower's clip cannot be played at (a lion's run at a zebra's trot) would leave it behind or
            // carry it through its leader: the leader goes at the nearest pace both can keep instead
            float natural = actors[i].Actor.NaturalSpeed * actors[i].Layout.Scale;
            float least = ComposedActor.MinPaceRate * natural, most = ComposedActor.MaxPaceRate * natural;
            if (natural > 0 && ratio > 0 && (speed < least || speed > most))
            {
                var (leaderPath, leaderTiming) = Plan(actors[j].Actor, actors[j].Layout, scene, options, plans[j].Delay, Math.Clamp(speed, least, most) / ratio);
                plans[j] = own[j] = new(leaderPath, leaderTiming, plans[j].Delay);
                speed = leaderTiming.Speed * ratio;
            }
            var (path, timing) = Plan(actors[i].Actor, actors[i].Layout, scene, options, plans[i].Delay, speed);
            plans[i] = new(path, timing, plans[i].Delay);
        }
        return plans;
    }

    /// <summary>Every actor planned at its own pace, starting when <see cref="StartDelays"/> says.</summary>
    static Planned[] Timed(ComposeScene scene, IReadOnlyList<(ComposedActor Actor, ActorLayout Layout)> actors, TimingOptions? options,
        IReadOnlyDictionary<string, int>? orders)
    {
        var plans = new Planned[actors.Count];
        int OrderOf(int i) => orders?.GetValueOrDefault(actors[i].Actor.Id) ?? 0;
        // In the prompt's order, so every earlier actor's delay, and so its arrival, is known when it is needed.
        var arrivals = new float[actors.Count];
        foreach (int i in Enumerable.Range(0, actors.Count).OrderBy(OrderOf))
        {
            float start = 0;
            for (int j = 0; j < actors.Count; j++)
                if (OrderOf(j) < OrderOf(i)) start = MathF.Max(start, arrivals[j]);
            start = MathF.Min(start, scene.Duration - MinActingSeconds);
            float delay = start >= 1f / scene.Fps ? start : 0;
            var (path, timing) = Plan(actors[i].Actor, actors[i].Layout, scene, options, delay);
            plans[i] = new(path, timing, delay);
            arrivals[i] = timing.Locomotion ? timing.Delay + timing.Lead + timing.ArrivalTime
                : timing.Delay + MathF.Min(MathF.Max(ActionSeconds(actors[i].Actor), MinHoldSeconds), MaxHoldShare * scene.Duration);
        }
        return plans;
    }

    /// <summary>
    /// Foot skating of a composed track: the mean horizontal speed (m/s) of each foot joint in world space
    /// over the frames where the clip labels that foot as planted. Ideal is 0; a walk played along its path
    /// at its natural speed keeps it to a few cm/s.
    /// </summary>
    public static float FootSkating(ComposedActor actor, ActorTrack track, float fps)
    {
        var feet = new FootSampler(actor);
        Vector3 prevL = default, prevR = default;
        bool prevCl = false, prevCr = false;
        double sum = 0;
        int count = 0;
        for (int f = 0; f < track.Frames.Count; f++)
        {
            var t = track.Frames[f].Transform;
            var (left, right, cl, cr) = feet.At(track.Frames[f].MotionTime, track.Frames[f].Rest);
            var l = t.Apply(left);
            var r = t.Apply(right);
            if (f > 0)
            {
                if (cl && prevCl) { sum += Horizontal(l - prevL) * fps; count++; }
                if (cr && prevCr) { sum += Horizontal(r - prevR) * fps; count++; }
            }
            (prevL, prevR, prevCl, prevCr) = (l, r, cl, cr);
        }
        return count > 0 ? (float)(sum / count) : 0f;
    }

    /// <summary>World positions of the planted feet every <paramref name="every"/> frames (for overlays).</summary>
    public static IReadOnlyList<Vector3> ContactPoints(ComposedActor actor, ActorTrack track, int every = 6)
    {
        var feet = new FootSampler(actor);
        var points = new List<Vector3>();
        for (int f = 0; f < track.Frames.Count; f += Math.Max(1, every))
        {
            var frame = track.Frames[f];
            var (left, right, l, r) = feet.At(frame.MotionTime, frame.Rest);
            if (l) points.Add(frame.Transform.Apply(left));
            if (r) points.Add(frame.Transform.Apply(right));
        }
        return points;
    }

    static float Horizontal(Vector3 d) => MathF.Sqrt(d.X * d.X + d.Z * d.Z);
}
