using System.Numerics;
using C3V.Actors;
using C3V.Render;
using C3V.Splats;

namespace C3V.Compose;

/// <summary>
/// An actor ready to be composed: its skinned cloud, its clip with the root motion taken out (the
/// composition's path carries the actor instead, at the clip's natural speed), and the measurements the
/// composer needs — height, the rest height of its soles, a bounding-capsule radius.
/// </summary>
/// <remarks>Posing reuses the skinned cloud's buffers: one instance is not thread-safe; <see cref="Copy"/> one per thread.</remarks>
public sealed class ComposedActor
{
    static readonly int[] FootBones = [Skeleton.LeftAnkle, Skeleton.RightAnkle, Skeleton.LeftFoot, Skeleton.RightFoot];

    public string Id { get; }
    public SkinnedCloud Skin { get; }
    /// <summary>The clip as given (with root motion): its natural speed sets the actor's pace.</summary>
    public MotionClip Clip { get; }
    /// <summary>
    /// The clip with its mean travel removed, travelling along +Z: what the composition plays while the path
    /// carries the actor at the clip's mean speed (see <see cref="WithoutTravel"/>). For an actor with
    /// <see cref="Segments"/>, the sequence's clip once <see cref="Timing"/> has laid it out.
    /// </summary>
    public MotionClip InPlace { get; private set; }
    /// <summary>The actor's motions in order when it does more than one thing, or one thing in place (see <see cref="MotionSequence"/>); null: <see cref="Clip"/> alone.</summary>
    public IReadOnlyList<SegmentClip>? Segments { get; }
    /// <summary>The last sequence <see cref="Timing"/> laid out (null without <see cref="Segments"/>).</summary>
    public MotionSequence? Sequence { get; private set; }
    /// <summary>The travel clip's in-place version (<see cref="InPlace"/> before a sequence replaces it).</summary>
    readonly MotionClip travelInPlace;
    /// <summary>Horizontal root speed of the clip in m/s for this actor's skeleton at scale 1.</summary>
    public float NaturalSpeed { get; }
    /// <summary>The speed (m/s at scale 1) the plan asks of its travel (see <see cref="Compose.Pace"/>), or null: the walk is fitted to its time.</summary>
    public float? Pace { get; }
    /// <summary>Slowest and fastest a clip is played to give a pace: beyond these a gait looks wrong (a walk played
    /// twice as fast is not a run); the feet still keep pace with the ground, since the clip advances with the path.</summary>
    public const float MinPaceRate = 0.5f, MaxPaceRate = 2f;
    /// <summary>
    /// The actor's speed along its path at scale 1 (m/s) at cruise: its <see cref="Pace"/> within the rates its clip
    /// can be played at, else the clip's natural speed (which fitting to the time may change by up to ±50 %).
    /// </summary>
    public float TravelSpeed => Pace is { } p ? Math.Clamp(p, MinPaceRate * NaturalSpeed, MaxPaceRate * NaturalSpeed) : NaturalSpeed;
    /// <summary>
    /// Where its two-person clip puts the partner (metres between the pelvises at scale 1, on this body: see
    /// <see cref="MotionClip.PartnerDistance"/>), its travel clip's else its first segment's that has one; null for solo clips.
    /// </summary>
    public float? PartnerDistance => Clip.PartnerDistanceFor(Skin.Skeleton)
        ?? Segments?.Select(s => s.Clip.PartnerDistanceFor(Skin.Skeleton)).FirstOrDefault(d => d is not null);
    /// <summary>Height of the actor at scale 1 (its skeleton's height), metres.</summary>
    public float Height => Skin.Skeleton.Height;
    /// <summary>Radius of the vertical capsule that bounds the actor's body at scale 1 (half the shoulder span plus the arm's girth).</summary>
    public float CapsuleRadius { get; }
    /// <summary>The body's outline on the ground at scale 1 (a horse is long, a cat small): what no other actor may enter.</summary>
    public Footprint Footprint { get; }
    /// <summary>
    /// Where a rider sits or stands on this body, actor frame at scale 1: the top of its back (or saddle, or deck)
    /// over the middle of its length.
    /// </summary>
    public Vector3 Seat { get; }
    /// <summary>Lowest foot Gaussian centre in the rest pose (the soles sit this high when standing).</summary>
    public float SoleHeight { get; }
    /// <summary>Indices of the Gaussians that mostly follow an ankle or foot bone.</summary>
    public int[] FootGaussians { get; }
    /// <summary>The pose the actor stands in once it has stopped walking (see <see cref="StandingPose"/>).</summary>
    public Pose Standing { get; }
    /// <summary>Time in the in-place clip closest to standing (see <see cref="FindStopPhase"/>): where a walker's clip should be as it stops.</summary>
    public float StopPhase { get; }

    readonly Quaternion[] _local = new Quaternion[Skeleton.JointCount];

    /// <summary>Root speed (m/s, the clip's own skeleton) below which a clip acts in place rather than travels.</summary>
    const float InPlaceSpeed = 0.2f;

    /// <param name="clip">The clip that sets the actor's pace: its travelling segment's, else its first.</param>
    /// <param name="segments">All its motions in order, when there are several or they act in place (see <see cref="Segments"/>).</param>
    /// <param name="pace">The speed the plan asks of the travel, m/s at scale 1 (see <see cref="Pace"/>).</param>
    public ComposedActor(string id, SkinnedCloud skin, MotionClip clip, IReadOnlyList<SegmentClip>? segments = null, float? pace = null)
    {
        Pace = pace is > 0 ? pace : null;
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Skin = skin;
        Clip = clip;
        Segments = segments is { Count: > 0 } ? segments : null;
        InPlace = travelInPlace = WithoutTravel(clip);
        // A clip acting in place (a wave) averages to a pose mid-gesture; an actor waiting to act ("then") stands
        // as at rest instead: the idle clip's mean.
        Standing = StandingPose(clip.NaturalSpeed < InPlaceSpeed ? WithoutTravel(ProceduralMotions.Idle(clip.Rig)) : InPlace, skin.Skeleton);
        StopPhase = FindStopPhase(InPlace, skin.Skeleton, Standing);
        NaturalSpeed = clip.NaturalSpeed * skin.Skeleton.HipHeight / clip.Skeleton.HipHeight;
        var rest = skin.Skeleton.RestPositions;
        CapsuleRadius = 0.5f * Vector2.Distance(new(rest[Skeleton.LeftShoulder].X, rest[Skeleton.LeftShoulder].Z),
            new(rest[Skeleton.RightShoulder].X, rest[Skeleton.RightShoulder].Z)) + 0.06f * Height;
        FootGaussians = FindFootGaussians(skin);
        SoleHeight = LowestFoot(skin.Rest);
        (Footprint, Seat) = Measure(skin.Rest, CapsuleRadius);
    }

    /// <summary>Another instance sharing the data but with its own posing buffers (for another thread).</summary>
    public ComposedActor Copy() => new(this);

    ComposedActor(ComposedActor o)
    {
        Id = o.Id; Clip = o.Clip; Pace = o.Pace; InPlace = o.InPlace; travelInPlace = o.travelInPlace; Segments = o.Segments; Sequence = o.Sequence; Standing = o.Standing; StopPhase = o.StopPhase; NaturalSpeed = o.NaturalSpeed;
        CapsuleRadius = o.CapsuleRadius; Footprint = o.Footprint; Seat = o.Seat; FootGaussians = o.FootGaussians; SoleHeight = o.SoleHeight;
        Skin = new SkinnedCloud(o.Skin.Rest, o.Skin.Skeleton, o.Skin.Bones, o.Skin.Weights);
    }

    /// <summary>
    /// A lighter stand-in for optimisation: at most <paramref name="maxGaussians"/> Gaussians, an evenly
    /// strided subset whose sizes grow by √(stride) so the silhouette keeps its coverage. Refinement's losses
    /// look at silhouettes at a few hundred pixels, where 100k surface splats and 4k larger ones agree.
    /// </summary>
    public ComposedActor Decimated(int maxGaussians)
    {
        if (maxGaussians <= 0) throw new ArgumentOutOfRangeException(nameof(maxGaussians));
        int n = Skin.Count;
        if (n <= maxGaussians) return this;
        float stride = n / (float)maxGaussians;
        var keep = Enumerable.Range(0, maxGaussians).Select(i => Math.Min(n - 1, (int)(i * stride))).ToArray();
        var rest = Skin.Rest.Subset(keep);
        float grow = 0.5f * MathF.Log(stride);
        for (int i = 0; i < rest.Count; i++) { rest.ScaleX[i] += grow; rest.ScaleY[i] += grow; rest.ScaleZ[i] += grow; }
        var bones = new int[SkinnedCloud.MaxInfluences][];
        var weights = new float[SkinnedCloud.MaxInfluences][];
        for (int k = 0; k < SkinnedCloud.MaxInfluences; k++)
        {
            bones[k] = keep.Select(i => Skin.Bones[k][i]).ToArray();
            weights[k] = keep.Select(i => Skin.Weights[k][i]).ToArray();
        }
        return new ComposedActor(Id, new SkinnedCloud(rest, Skin.Skeleton, bones, weights), Clip, Segments, Pace);
    }

    /// <summary>
    /// How this actor moves along a path of <paramref name="pathLength"/> metres at <paramref name="scale"/> in a video of
    /// <paramref name="duration"/> seconds. An actor with <see cref="Segments"/> has its sequence laid out on that
    /// timeline here (<see cref="Sequence"/>, and <see cref="InPlace"/> becomes its clip): plan it before posing it.
    /// </summary>
    /// <param name="speed">
    /// The cruise speed (world m/s) to travel at instead of its own pace, when it keeps another's (a follower, a
    /// chaser: see <see cref="RelatedLayouts.PacedBy"/>), within the rates its clip can be played at.
    /// </param>
    public PathTiming Timing(float pathLength, float duration, float scale, TimingOptions? options = null, float? speed = null)
    {
        options ??= new TimingOptions();
        float natural = NaturalSpeed * scale;
        float? rate = speed is { } v && natural > 0 ? Math.Clamp(v / natural, MinPaceRate, MaxPaceRate)
            : Pace is null || NaturalSpeed <= 0 ? null : TravelSpeed / NaturalSpeed;
        // its own pace may be nudged to end with the video; another's is kept exactly
        bool own = speed is null;
        PathTiming Walk(float budget) =>
            PathTiming.Plan(pathLength, budget, NaturalSpeed, scale, options, StopPhase, travelInPlace.Loop ? travelInPlace.Duration : 0, rate,
                own ? options.PaceTolerance : 0, own ? options.PaceSlack : 0);
        if (Segments is null) return Walk(duration);
        bool travels = Segments.Any(s => s.Travels);
        Sequence = MotionSequence.Build(Segments, duration, travels ? Walk : null, Skin.Skeleton);
        InPlace = Sequence.Clip;
        return Sequence.Travel is { } walk
            ? walk.WithLead(Sequence.Lead, Sequence.HasTail, duration)
            : new PathTiming(pathLength, duration, pathLength / duration, 1f, false, duration, 1f);
    }

    /// <summary>
    /// The actor's cloud posed at <paramref name="motionTime"/> of its in-place clip, blended by
    /// <paramref name="rest"/> (0–1) into its standing pose (this object's buffer: overwritten by the next call).
    /// </summary>
    public GaussianCloud Pose(float motionTime, float rest = 0)
    {
        if (rest <= 0) return Skin.Pose(InPlace, motionTime);
        var root = SampleInto(motionTime, rest, _local);
        return Skin.Pose(new Pose(_local, root));
    }

    /// <summary>The local joint rotations (into <paramref name="local"/>) and root of the blended pose; see <see cref="Pose(float, float)"/>.</summary>
    public Vector3 SampleInto(float motionTime, float rest, Span<Quaternion> local)
    {
        var root = InPlace.SampleInto(motionTime, local, Skin.Skeleton);
        if (rest <= 0) return root;
        rest = MathF.Min(1, rest);
        for (int j = 0; j < local.Length; j++) local[j] = Actors.Pose.Slerp(local[j], Standing.Local[j], rest);
        return Vector3.Lerp(root, Standing.Root, rest);
    }

    /// <summary>Whether each foot is planted: the clip's contacts, both feet once the actor stands.</summary>
    public (bool Left, bool Right) ContactsAt(float motionTime, float rest = 0) =>
        rest >= 1 ? (true, true) : InPlace.ContactsAt(motionTime);

    /// <summary>The posed actor placed in the world for one composition frame.</summary>
    public CloudInstance Instance(in ActorFrame frame) => new(Pose(frame.MotionTime, frame.Rest), frame.Transform);

    static readonly int[] LegJoints = [Skeleton.LeftHip, Skeleton.RightHip, Skeleton.LeftKnee, Skeleton.RightKnee,
        Skeleton.LeftAnkle, Skeleton.RightAnkle, Skeleton.LeftFoot, Skeleton.RightFoot];

    /// <summary>
    /// Standing still, derived from the clip: the upper body (spine, head, arms) holds the clip's mean pose
    /// (for a walk or run the arms' swing averages out to arms hanging at the sides, bent as the clip bends
    /// them), the pelvis keeps only the clip's mean heading (upright), and the legs are straight and
    /// together as in the rest pose, so both soles sit flat at the rest sole height with the pelvis at its rest
    /// height. A clip's mean leg pose would instead be a half-crouch with the feet off the floor.
    /// </summary>
    public static Pose StandingPose(MotionClip inPlace, Skeleton skeleton)
    {
        const int J = Skeleton.JointCount;
        var mean = new Quaternion[J];
        var root = Vector3.Zero;
        Span<Quaternion> local = stackalloc Quaternion[J];
        int n = inPlace.FrameCount;
        for (int i = 0; i < n; i++)
        {
            root += inPlace.SampleInto(i / inPlace.Fps, local, skeleton);
            for (int j = 0; j < J; j++)
            {
                var q = local[j];
                // q and −q are the same rotation: add each on the side of the first frame's
                if (i > 0 && Quaternion.Dot(q, mean[j]) < 0) q = -q;
                mean[j] += q;
            }
        }
        for (int j = 0; j < J; j++) mean[j] = Quaternion.Normalize(mean[j]);
        var pelvisFacing = Vector3.Transform(Vector3.UnitZ, mean[Skeleton.Pelvis]);
        mean[Skeleton.Pelvis] = Quaternion.CreateFromAxisAngle(Vector3.UnitY, MathF.Atan2(pelvisFacing.X, pelvisFacing.Z));
        foreach (int j in LegJoints) mean[j] = Quaternion.Identity;
        root /= n;
        return new Pose(mean, new Vector3(root.X, skeleton.RestPositions[Skeleton.Pelvis].Y, root.Z));
    }

    /// <summary>Lowest foot Gaussian centre (actor frame, scale 1) of a posed cloud.</summary>
    public float LowestFoot(GaussianCloud posed)
    {
        float min = float.PositiveInfinity;
        foreach (int i in FootGaussians) min = MathF.Min(min, posed.Y[i]);
        return min;
    }

    /// <summary>
    /// The clip minus its mean travel. A travelling clip is turned so that its travel (first to last root
    /// position) points along +Z, and only the straight, constant-speed part of that travel is taken out: the
    /// pelvis keeps its sway from side to side and its surge within each stride. The path then supplies the
    /// constant part, so on a straight path the feet move exactly as recorded; removing the whole horizontal
    /// root motion instead would make a planted foot slide with the sway (±2 cm at 1 Hz is ~0.1 m/s).
    /// A clip that does not travel is only turned to face +Z, its root held over the origin.
    /// </summary>
    public static MotionClip WithoutTravel(MotionClip clip)
    {
        if (clip.FrameCount < 2) return clip;
        var d = clip.CycleDisplacement;
        float travel = MathF.Sqrt(d.X * d.X + d.Z * d.Z);
        // under a centimetre per second of clip the root's wander is not travel (a dance, a wave)
        if (travel < 0.01f * clip.Duration) return clip.SplitRootMotion().InPlace;
        const int J = Skeleton.JointCount;
        var unturn = Quaternion.CreateFromAxisAngle(Vector3.UnitY, -MathF.Atan2(d.X, d.Z));
        var rot = (Quaternion[])clip.Rotations.Clone();
        var root = new Vector3[clip.FrameCount];
        var start = clip.Root[0];
        for (int i = 0; i < root.Length; i++)
        {
            rot[i * J] = Quaternion.Normalize(unturn * rot[i * J]);
            var trend = d * (i / (float)(root.Length - 1));
            var off = Vector3.Transform(new Vector3(clip.Root[i].X - start.X - trend.X, 0, clip.Root[i].Z - start.Z - trend.Z), unturn);
            root[i] = new Vector3(off.X, clip.Root[i].Y, off.Z);
        }
        return new MotionClip(clip.Name, clip.Labels, clip.Fps, rot, root, clip.Loop, clip.Skeleton, clip.LeftContact, clip.RightContact)
        { Rig = clip.Rig, PartnerDistance = clip.PartnerDistance, PartnerTimeOffset = clip.PartnerTimeOffset };
    }

    /// <summary>
    /// The clip time whose planted feet are closest to where the standing pose puts them (horizontally, relative
    /// to the pelvis): in a walk, the planted foot under the body with the other swinging past it. Stopping there,
    /// blending into standing hardly moves the planted foot; the swinging one steps down beside it.
    /// </summary>
    static float FindStopPhase(MotionClip clip, Skeleton skeleton, in Pose standing)
    {
        Span<Quaternion> local = stackalloc Quaternion[Skeleton.JointCount], rot = stackalloc Quaternion[Skeleton.JointCount];
        Span<Vector3> pos = stackalloc Vector3[Skeleton.JointCount];
        skeleton.ForwardKinematics(standing.Local, standing.Root, rot, pos);
        Vector3 left = pos[Skeleton.LeftFoot] - standing.Root, right = pos[Skeleton.RightFoot] - standing.Root;
        float best = float.PositiveInfinity, phase = 0;
        for (int i = 0; i < clip.FrameCount; i++)
        {
            if (!clip.LeftContact[i] && !clip.RightContact[i]) continue;
            float t = i / clip.Fps;
            var root = clip.SampleInto(t, local, skeleton);
            skeleton.ForwardKinematics(local, root, rot, pos);
            // only the planted feet must not slide; a swinging foot is in the air and may step into place
            float off = (clip.LeftContact[i] ? HorizontalSquared(pos[Skeleton.LeftFoot] - root - left) : 0)
                      + (clip.RightContact[i] ? HorizontalSquared(pos[Skeleton.RightFoot] - root - right) : 0);
            if (off < best) { best = off; phase = t; }
        }
        return phase;
    }

    static float HorizontalSquared(Vector3 d) => d.X * d.X + d.Z * d.Z;

    /// <summary>
    /// The footprint (along the body's length, +Z forward, as wide as the capsule) and the seat of a rest cloud. The
    /// length is the 2nd to 98th percentile of the splat centres along Z, so a stray splat (a tail's tip, a raised
    /// hand) does not stretch it; a body no longer than it is wide is a circle.
    /// </summary>
    static (Footprint, Vector3) Measure(GaussianCloud rest, float radius)
    {
        int n = rest.Count;
        if (n == 0) return (new Footprint(-radius, radius, radius), Vector3.Zero);
        var z = rest.Z.AsSpan(0, n).ToArray();
        Array.Sort(z);
        float back = MathF.Min(-radius, z[(int)(0.02f * (n - 1))]), front = MathF.Max(radius, z[(int)(0.98f * (n - 1))]);
        // the seat: the highest splats over the middle fifth of the length (a horse's back, a saddle, a deck)
        float mid = (back + front) / 2, half = MathF.Max(0.05f, 0.1f * (front - back));
        float top = 0;
        for (int i = 0; i < n; i++)
            if (MathF.Abs(rest.Z[i] - mid) <= half && MathF.Abs(rest.X[i]) <= radius) top = MathF.Max(top, rest.Y[i]);
        return (new Footprint(back, front, radius), new Vector3(0, top, mid));
    }

    static int[] FindFootGaussians(SkinnedCloud skin)
    {
        var feet = new List<int>();
        for (int i = 0; i < skin.Count; i++)
        {
            int best = 0;
            for (int k = 1; k < SkinnedCloud.MaxInfluences; k++)
                if (skin.Weights[k][i] > skin.Weights[best][i]) best = k;
            if (Array.IndexOf(FootBones, skin.Bones[best][i]) >= 0) feet.Add(i);
        }
        // An actor without feet (a prop, a creature rigged otherwise) touches the ground with its lowest part.
        return feet.Count > 0 ? [.. feet] : Enumerable.Range(0, skin.Count).ToArray();
    }
}
