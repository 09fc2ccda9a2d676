using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// A skeletal motion on the 22-joint layout: per frame, the local rotation of every joint and the pelvis
/// position in the actor frame (metres), at <see cref="Fps"/> frames per second.
/// </summary>
/// <remarks>
/// Timing: frame i is at time i / Fps and <see cref="Duration"/> = (FrameCount − 1) / Fps. A looping clip
/// stores a closed cycle: its last frame is the pose of its first frame, advanced by the cycle's root
/// displacement; sampling past the end wraps and keeps adding that displacement, so a looped walk keeps
/// walking. Root translation is authored for <see cref="Skeleton"/>; sampling for another skeleton scales
/// it by the ratio of hip heights so strides fit the legs.
/// </remarks>
public sealed class MotionClip
{
    const int J = Skeleton.JointCount;

    public string Name { get; }
    /// <summary>Text labels (several phrasings) used for retrieval by text.</summary>
    public IReadOnlyList<string> Labels { get; }
    public float Fps { get; }
    public int FrameCount { get; }
    public bool Loop { get; }
    /// <summary>The skeleton the root translation is measured on.</summary>
    public Skeleton Skeleton { get; }
    /// <summary>[frame·22 + joint] local rotations.</summary>
    public Quaternion[] Rotations { get; }
    /// <summary>[frame] pelvis position in the actor frame.</summary>
    public Vector3[] Root { get; }
    /// <summary>[frame] whether the left / right foot is planted on the ground.</summary>
    public bool[] LeftContact { get; }
    public bool[] RightContact { get; }

    public float Duration => (FrameCount - 1) / Fps;

    /// <summary>The rig the clip is authored for (a quadruped clip on a person would fold its legs the wrong way).</summary>
    public BodyRig Rig { get; init; } = BodyRig.Human;

    /// <summary>
    /// For one partner of a two-person clip (handshake, hug, boxing exchange, sword fight, dance together): the
    /// distance in metres between the two pelvises, on the ground, at which the hands meet and blows land. The
    /// partners face each other along their +Z. Measured on <see cref="Skeleton"/> (scale by the hip-height
    /// ratio like the root path, see <see cref="PartnerDistanceFor"/>); null for a clip made for one actor.
    /// </summary>
    public float? PartnerDistance { get; init; }

    /// <summary><see cref="PartnerDistance"/> for an actor of <paramref name="target"/>'s proportions.</summary>
    public float? PartnerDistanceFor(Skeleton target) => PartnerDistance * (target.HipHeight / Skeleton.HipHeight);

    public MotionClip(string name, IReadOnlyList<string> labels, float fps, Quaternion[] rotations, Vector3[] root,
        bool loop, Skeleton skeleton, bool[]? leftContact = null, bool[]? rightContact = null)
    {
        if (!(fps > 0) || !float.IsFinite(fps)) throw new ArgumentOutOfRangeException(nameof(fps), "frame rate must be positive");
        if (root.Length < 1) throw new ArgumentException("a clip needs at least one frame", nameof(root));
        if (rotations.Length != root.Length * J) throw new ArgumentException($"expected {root.Length * J} rotations", nameof(rotations));
        Name = name;
        Labels = labels;
        Fps = fps;
        FrameCount = root.Length;
        Rotations = rotations;
        Root = root;
        Loop = loop && FrameCount > 1;
        Skeleton = skeleton;
        if (leftContact is null || rightContact is null)
            (leftContact, rightContact) = DetectFootContacts(skeleton, fps, rotations, root);
        if (leftContact.Length != FrameCount || rightContact.Length != FrameCount)
            throw new ArgumentException("foot contacts need one entry per frame");
        LeftContact = leftContact;
        RightContact = rightContact;
    }

    /// <summary>A one-frame clip holding <paramref name="skeleton"/>'s rest pose (for things that do not move).</summary>
    public static MotionClip Still(Skeleton skeleton, BodyRig rig = BodyRig.Human) =>
        new("still", ["still", "rest"], 30, Enumerable.Repeat(Quaternion.Identity, J).ToArray(), [skeleton.RestPositions[Skeleton.Pelvis]], false, skeleton, [true], [true]) { Rig = rig };

    public ReadOnlySpan<Quaternion> FrameRotations(int frame) => Rotations.AsSpan(frame * J, J);

    /// <summary>Root displacement of one cycle (zero for one-frame clips).</summary>
    public Vector3 CycleDisplacement => Root[^1] - Root[0];

    /// <summary>
    /// Natural horizontal root speed in m/s: net horizontal displacement over the clip's duration (for a
    /// walk, how fast the actor covers ground when the clip plays at its own rate). Measured on
    /// <see cref="Skeleton"/>; multiply by target hip height / <see cref="Skeleton"/>.HipHeight for another.
    /// </summary>
    public float NaturalSpeed
    {
        get
        {
            if (FrameCount < 2) return 0;
            var d = CycleDisplacement;
            return MathF.Sqrt(d.X * d.X + d.Z * d.Z) / Duration;
        }
    }

    /// <summary>Pose at <paramref name="time"/> seconds (slerp between frames), for <paramref name="target"/>'s proportions.</summary>
    public Pose Sample(float time, Skeleton? target = null)
    {
        var q = new Quaternion[J];
        var root = SampleInto(time, q, target);
        return new Pose(q, root);
    }

    /// <summary>
    /// Allocation-free sampling: writes the 22 local rotations into <paramref name="local"/> and returns the
    /// pelvis position. Looping clips wrap (adding a cycle's displacement per lap); others clamp.
    /// </summary>
    public Vector3 SampleInto(float time, Span<Quaternion> local, Skeleton? target = null)
    {
        if (!float.IsFinite(time)) throw new ArgumentOutOfRangeException(nameof(time), "time must be finite");
        float scale = target is null ? 1f : target.HipHeight / Skeleton.HipHeight;
        if (FrameCount == 1)
        {
            FrameRotations(0).CopyTo(local);
            return Root[0] * scale;
        }
        Vector3 lap = Vector3.Zero;
        float dur = Duration;
        if (Loop)
        {
            float laps = MathF.Floor(time / dur);
            time -= laps * dur;
            var d = CycleDisplacement;
            lap = new Vector3(d.X, 0, d.Z) * laps;
        }
        float f = Math.Clamp(time * Fps, 0, FrameCount - 1);
        int i0 = Math.Min((int)f, FrameCount - 2);
        float w = f - i0;
        var a = FrameRotations(i0);
        var b = FrameRotations(i0 + 1);
        for (int j = 0; j < J; j++) local[j] = Pose.Slerp(a[j], b[j], w);
        return (Vector3.Lerp(Root[i0], Root[i0 + 1], w) + lap) * scale;
    }

    /// <summary>Whether each foot is planted at <paramref name="time"/> (nearest frame).</summary>
    public (bool Left, bool Right) ContactsAt(float time)
    {
        if (Loop && FrameCount > 1) time -= MathF.Floor(time / Duration) * Duration;
        int i = Math.Clamp((int)MathF.Round(time * Fps), 0, FrameCount - 1);
        return (LeftContact[i], RightContact[i]);
    }

    /// <summary>Builds a clip by sampling <paramref name="poseAt"/> at <paramref name="fps"/> over <paramref name="duration"/> seconds.</summary>
    public static MotionClip FromFunction(string name, IReadOnlyList<string> labels, float fps, float duration, bool loop,
        Skeleton skeleton, Func<float, Pose> poseAt, BodyRig rig = BodyRig.Human)
    {
        int n = Math.Max(1, (int)MathF.Round(duration * fps) + 1);
        var rot = new Quaternion[n * J];
        var root = new Vector3[n];
        for (int i = 0; i < n; i++)
        {
            var p = poseAt(Math.Min(i / fps, duration));
            p.Local.CopyTo(rot, i * J);
            root[i] = p.Root;
        }
        return new MotionClip(name, labels, fps, rot, root, loop, skeleton) { Rig = rig };
    }

    /// <summary>The clip resampled at <paramref name="fps"/> (same duration).</summary>
    public MotionClip Resample(float fps) => Retimed(fps, Duration, t => t, Loop, Name);

    /// <summary>Plays <paramref name="factor"/> times faster (0.5 = half speed), same path per cycle.</summary>
    public MotionClip WithSpeed(float factor)
    {
        if (!(factor > 0) || !float.IsFinite(factor)) throw new ArgumentOutOfRangeException(nameof(factor), "speed factor must be positive");
        return Retimed(Fps, Duration / factor, t => t * factor, Loop, Name);
    }

    /// <summary>The part between <paramref name="start"/> and <paramref name="end"/> seconds, no longer looping.</summary>
    public MotionClip Trim(float start, float end)
    {
        start = Math.Clamp(start, 0, Duration);
        end = Math.Clamp(end, start, Duration);
        return Retimed(Fps, end - start, t => t + start, false, Name);
    }

    /// <summary>The same motion marked as looping (or not), for clips whose ends already match.</summary>
    public MotionClip WithLoop(bool loop) =>
        new(Name, Labels, Fps, Rotations, Root, loop, Skeleton, LeftContact, RightContact) { Rig = Rig, PartnerDistance = PartnerDistance };

    public MotionClip WithLabels(string name, IReadOnlyList<string> labels) =>
        new(name, labels, Fps, Rotations, Root, Loop, Skeleton, LeftContact, RightContact) { Rig = Rig, PartnerDistance = PartnerDistance };

    MotionClip Retimed(float fps, float duration, Func<float, float> sourceTime, bool loop, string name)
    {
        int n = Math.Max(1, (int)MathF.Round(duration * fps) + 1);
        var rot = new Quaternion[n * J];
        var root = new Vector3[n];
        var left = new bool[n];
        var right = new bool[n];
        for (int i = 0; i < n; i++)
        {
            float t = sourceTime(n == 1 ? 0 : duration * i / (n - 1));
            t = Math.Min(t, Duration); // the last frame of a looping clip is its own end, not the next lap
            root[i] = SampleInto(t, rot.AsSpan(i * J, J));
            (left[i], right[i]) = ContactsAt(t);
        }
        return new MotionClip(name, Labels, fps, rot, root, loop, Skeleton, left, right) { Rig = Rig, PartnerDistance = PartnerDistance };
    }

    /// <summary>
    /// Blends two clips in normalised time (both run from start to end together, so a walk and a run cycle
    /// stay in phase): duration, root path and every joint rotation are interpolated with weight
    /// <paramref name="w"/> (0 = <paramref name="a"/>, 1 = <paramref name="b"/>). Foot contacts come from
    /// the clip with the larger weight.
    /// </summary>
    public static MotionClip Blend(MotionClip a, MotionClip b, float w)
    {
        w = Math.Clamp(w, 0, 1);
        float fps = MathF.Max(a.Fps, b.Fps);
        float duration = a.Duration + (b.Duration - a.Duration) * w;
        int n = Math.Max(1, (int)MathF.Round(duration * fps) + 1);
        var rot = new Quaternion[n * J];
        var root = new Vector3[n];
        var left = new bool[n];
        var right = new bool[n];
        Span<Quaternion> qa = stackalloc Quaternion[J], qb = stackalloc Quaternion[J];
        float bScale = a.Skeleton.HipHeight / b.Skeleton.HipHeight;
        for (int i = 0; i < n; i++)
        {
            float u = n == 1 ? 0 : i / (float)(n - 1);
            var ra = a.SampleInto(u * a.Duration, qa);
            var rb = b.SampleInto(u * b.Duration, qb) * bScale;
            for (int j = 0; j < J; j++) rot[i * J + j] = Pose.Slerp(qa[j], qb[j], w);
            root[i] = Vector3.Lerp(ra, rb, w);
            var c = w < 0.5f ? a.ContactsAt(u * a.Duration) : b.ContactsAt(u * b.Duration);
            (left[i], right[i]) = c;
        }
        return new MotionClip($"{a.Name}+{b.Name}", a.Labels.Concat(b.Labels).Distinct().ToArray(), fps, rot, root,
            a.Loop && b.Loop, a.Skeleton, left, right) { Rig = a.Rig };
    }

    /// <summary>Heading (yaw about +Y, radians; 0 = facing +Z) of the pelvis at frame <paramref name="frame"/>.</summary>
    public float HeadingAt(int frame) => Heading(Rotations[frame * J + Skeleton.Pelvis]);

    public static float Heading(Quaternion pelvis)
    {
        var f = Vector3.Transform(Vector3.UnitZ, pelvis);
        return MathF.Atan2(f.X, f.Z);
    }

    /// <summary>
    /// Splits root motion from the clip. The returned clip is "in place": its horizontal root translation is
    /// removed and it is turned so that it starts facing +Z (pelvis height, turns within the clip and every
    /// other joint are kept). The returned path gives, per frame, the removed horizontal position (in the
    /// start-facing frame, so a forward walk advances along +Z) and the heading relative to the start. To
    /// replay the clip along any trajectory, place the in-place pose at the trajectory point and turn it to
    /// the trajectory's direction.
    /// </summary>
    public (MotionClip InPlace, RootPath Path) SplitRootMotion()
    {
        float h0 = HeadingAt(0);
        var unturn = Quaternion.CreateFromAxisAngle(Vector3.UnitY, -h0);
        var rot = (Quaternion[])Rotations.Clone();
        var root = new Vector3[FrameCount];
        var pos = new Vector2[FrameCount];
        var heading = new float[FrameCount];
        var start = Root[0];
        for (int i = 0; i < FrameCount; i++)
        {
            rot[i * J] = Quaternion.Normalize(unturn * rot[i * J]);
            var d = Vector3.Transform(new Vector3(Root[i].X - start.X, 0, Root[i].Z - start.Z), unturn);
            pos[i] = new Vector2(d.X, d.Z);
            root[i] = new Vector3(0, Root[i].Y, 0);
            heading[i] = Heading(rot[i * J]);
        }
        var inPlace = new MotionClip(Name, Labels, Fps, rot, root, Loop, Skeleton, LeftContact, RightContact) { Rig = Rig, PartnerDistance = PartnerDistance };
        return (inPlace, new RootPath(Fps, pos, heading));
    }

    /// <summary>
    /// Foot contacts from forward kinematics: a foot is planted when its lowest point (ankle or toe joint)
    /// is within 5 cm of the clip's floor (scaled to the skeleton) and moves slower than 0.5 m/s
    /// horizontally. The floor is the rest-pose toe height, since clips are grounded to it.
    /// </summary>
    public static (bool[] Left, bool[] Right) DetectFootContacts(Skeleton skeleton, float fps, Quaternion[] rotations, Vector3[] root)
    {
        int n = root.Length;
        var left = new bool[n];
        var right = new bool[n];
        float scale = skeleton.Height / Skeleton.ReferenceHeight;
        var gr = new Quaternion[J];
        var gp = new Vector3[J];
        var prev = new Vector3[4];
        var cur = new Vector3[4];
        int[] joints = [Skeleton.LeftAnkle, Skeleton.LeftFoot, Skeleton.RightAnkle, Skeleton.RightFoot];
        float[] rest = joints.Select(j => skeleton.RestPositions[j].Y).ToArray();
        for (int i = 0; i < n; i++)
        {
            skeleton.ForwardKinematics(rotations.AsSpan(i * J, J), root[i], gr, gp);
            for (int k = 0; k < 4; k++) cur[k] = gp[joints[k]];
            if (i == 0) Array.Copy(cur, prev, 4);
            for (int side = 0; side < 2; side++)
            {
                bool low = false, slow = true;
                for (int k = side * 2; k < side * 2 + 2; k++)
                {
                    if (cur[k].Y - rest[k] < 0.05f * scale) low = true;
                    var v = (cur[k] - prev[k]) * fps;
                    if (i > 0 && MathF.Sqrt(v.X * v.X + v.Z * v.Z) > 0.5f * scale) slow = false;
                }
                (side == 0 ? left : right)[i] = low && slow;
            }
            Array.Copy(cur, prev, 4);
        }
        return (left, right);
    }
}

/// <summary>Root motion taken out of a clip: per frame, horizontal position (metres) and heading (radians).</summary>
public sealed record RootPath(float Fps, Vector2[] Position, float[] Heading);
