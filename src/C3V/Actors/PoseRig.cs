using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// Builds poses from body-level controls instead of raw joint quaternions: pelvis placement, spine bend,
/// head, arm directions with elbow bend, and two-bone leg IK to a foot placement on the ground. Angles in
/// degrees. Conventions (actor frame, faces +Z, left = +X): positive bend = forward, positive yaw = turn
/// towards +X (the actor's left).
/// </summary>
public sealed class PoseRig(Skeleton skeleton) : SkeletonRig(skeleton)
{
    public static Quaternion Euler(float pitch, float yaw, float roll) =>
        Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw * Deg) *
        Quaternion.CreateFromAxisAngle(Vector3.UnitX, pitch * Deg) *
        Quaternion.CreateFromAxisAngle(Vector3.UnitZ, roll * Deg);

    /// <summary>Pelvis at <paramref name="position"/> (actor frame), heading <paramref name="yaw"/>, tilted forward by <paramref name="pitch"/>, rolled by <paramref name="roll"/>.</summary>
    public void Pelvis(Vector3 position, float yaw, float pitch = 0, float roll = 0)
    {
        _root = position;
        _local[Skeleton.Pelvis] = Euler(pitch, yaw, roll);
    }

    /// <summary>Forward bend, twist (yaw) and side bend of the back, spread over the three spine joints.</summary>
    public void Spine(float bend, float twist = 0, float side = 0)
    {
        _local[Skeleton.Spine1] = Euler(bend * 0.4f, twist * 0.3f, side * 0.4f);
        _local[Skeleton.Spine2] = Euler(bend * 0.35f, twist * 0.35f, side * 0.35f);
        _local[Skeleton.Spine3] = Euler(bend * 0.25f, twist * 0.35f, side * 0.25f);
    }

    /// <summary>Head nod (positive = look down), turn and tilt, split between neck and head.</summary>
    public void Head(float nod, float turn = 0, float tilt = 0)
    {
        _local[Skeleton.Neck] = Euler(nod * 0.4f, turn * 0.4f, tilt * 0.5f);
        _local[Skeleton.Head] = Euler(nod * 0.6f, turn * 0.6f, tilt * 0.5f);
    }

    /// <summary>
    /// Arm of <paramref name="side"/> (+1 left, −1 right): the upper arm points along <paramref name="dir"/>
    /// (in the chest frame; (0,−1,0) hangs down, (0,0,1) points forward), rolled about itself by
    /// <paramref name="twist"/>, the elbow bent by <paramref name="elbow"/> (forearm towards the front when
    /// the arm hangs down; with twist 90 and the arm out sideways, towards the sky).
    /// </summary>
    public void Arm(int side, Vector3 dir, float twist = 0, float elbow = 0, float shrug = 0)
    {
        var rest = new Vector3(side, 0, 0);
        var swing = FromTo(rest, Vector3.Normalize(dir));
        int sh = side > 0 ? Skeleton.LeftShoulder : Skeleton.RightShoulder;
        int el = side > 0 ? Skeleton.LeftElbow : Skeleton.RightElbow;
        int co = side > 0 ? Skeleton.LeftCollar : Skeleton.RightCollar;
        _local[co] = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, side * shrug * Deg);
        _local[sh] = Quaternion.Inverse(_local[co]) * swing * Quaternion.CreateFromAxisAngle(rest, -side * twist * Deg);
        _local[el] = Quaternion.CreateFromAxisAngle(Vector3.UnitY, -side * elbow * Deg);
    }

    /// <summary>
    /// Arm of <paramref name="side"/> by two-bone IK: the wrist goes to <paramref name="target"/> (actor frame), the
    /// elbow bending towards <paramref name="pole"/> (actor frame; e.g. down and out for a hand held in front).
    /// Used where a hand must land on a place — the ground under the shoulder, a partner's hand or back — rather
    /// than point along a direction. Call after <see cref="Pelvis"/> and <see cref="Spine"/>, which carry the shoulder.
    /// </summary>
    public void Reach(int side, Vector3 target, Vector3 pole)
    {
        int co = side > 0 ? Skeleton.LeftCollar : Skeleton.RightCollar;
        int sh = side > 0 ? Skeleton.LeftShoulder : Skeleton.RightShoulder;
        int el = side > 0 ? Skeleton.LeftElbow : Skeleton.RightElbow;
        int wr = side > 0 ? Skeleton.LeftWrist : Skeleton.RightWrist;
        _local[co] = _local[sh] = _local[el] = Quaternion.Identity;
        Span<Quaternion> gr = stackalloc Quaternion[Skeleton.JointCount];
        Span<Vector3> gp = stackalloc Vector3[Skeleton.JointCount];
        _s.ForwardKinematics(_local, _root, gr, gp);
        var upperRest = _s.Offsets[el];
        var foreRest = _s.Offsets[wr];
        var (elbow, wrist, bend) = TwoBone(gp[sh], target, upperRest.Length(), foreRest.Length(), pole);
        // In the rest pose (arms out sideways) the elbow's bend points backwards: the forearm folds to the front.
        var upper = AimWithPole(upperRest, -Vector3.UnitZ, elbow - gp[sh], bend);
        var fore = AimWithPole(foreRest, -Vector3.UnitZ, wrist - elbow, bend);
        _local[sh] = Quaternion.Normalize(Quaternion.Inverse(gr[co]) * upper);
        _local[el] = Quaternion.Normalize(Quaternion.Inverse(upper) * fore);
    }

    /// <summary>Relaxed arms hanging at the sides, slightly bent.</summary>
    public void ArmsDown(float swingLeft = 0, float swingRight = 0, float elbow = 12)
    {
        Arm(+1, ArmDirection(+1, 12, swingLeft), 0, elbow + MathF.Max(0, swingLeft) * 0.4f);
        Arm(-1, ArmDirection(-1, 12, swingRight), 0, elbow + MathF.Max(0, swingRight) * 0.4f);
    }

    /// <summary>Direction of an arm raised sideways by <paramref name="abduct"/> degrees from hanging and swung forward by <paramref name="flex"/> degrees.</summary>
    public static Vector3 ArmDirection(int side, float abduct, float flex)
    {
        float a = abduct * Deg, f = flex * Deg;
        var d = new Vector3(side * MathF.Sin(a), -MathF.Cos(a), 0);
        // Swing forward about the left-right axis.
        return Vector3.Normalize(new Vector3(d.X, d.Y * MathF.Cos(f), -d.Y * MathF.Sin(f)));
    }

    public void Wrist(int side, float bend, float twist = 0) =>
        _local[side > 0 ? Skeleton.LeftWrist : Skeleton.RightWrist] = Euler(0, twist, -side * bend);

    /// <summary>
    /// Leg of <paramref name="side"/> (+1 left, −1 right) by two-bone IK: the foot's ground point (below the
    /// ankle in the rest pose) goes to <paramref name="ground"/> with heading <paramref name="yaw"/>;
    /// <paramref name="toesDown"/> &gt; 0 lifts the heel (pivoting on the toes), &lt; 0 lifts the toes
    /// (pivoting on the heel). The knee bends towards the foot's heading. Call after <see cref="Pelvis"/>.
    /// Unreachable targets straighten the leg towards them.
    /// </summary>
    public void Leg(int side, Vector3 ground, float yaw, float toesDown = 0)
    {
        int hipJ = side > 0 ? Skeleton.LeftHip : Skeleton.RightHip;
        int kneeJ = side > 0 ? Skeleton.LeftKnee : Skeleton.RightKnee;
        int ankleJ = side > 0 ? Skeleton.LeftAnkle : Skeleton.RightAnkle;
        var pelvis = _local[Skeleton.Pelvis];
        var hip = _root + Vector3.Transform(_s.Offsets[hipJ], pelvis);
        var heading = Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw * Deg);
        var foot = heading * Quaternion.CreateFromAxisAngle(Vector3.UnitX, toesDown * Deg);
        float ankleH = _s.RestPositions[ankleJ].Y;
        float scale = _s.Height / Skeleton.ReferenceHeight;
        var pivotOff = toesDown >= 0 ? new Vector3(0, -ankleH, 0.15f * scale) : new Vector3(0, -ankleH, -0.06f * scale);
        var pivot = ground + new Vector3(0, ankleH, 0) + Vector3.Transform(pivotOff, heading);
        var ankle = pivot - Vector3.Transform(pivotOff, foot);

        var thighRest = _s.Offsets[kneeJ];
        var shinRest = _s.Offsets[ankleJ];
        // Out of reach behind the body (the end of a long stance): lift the heel further about the toes, as people
        // do, rather than let the straightened leg drag the planted foot along.
        float reach = (thighRest.Length() + shinRest.Length()) * 0.999f;
        for (int k = 0; toesDown >= 0 && k < 30 && Vector3.Distance(hip, ankle) > reach; k++)
        {
            toesDown += 2;
            foot = heading * Quaternion.CreateFromAxisAngle(Vector3.UnitX, toesDown * Deg);
            ankle = pivot - Vector3.Transform(pivotOff, foot);
        }
        var (knee, ankleReached, v) = TwoBone(hip, ankle, thighRest.Length(), shinRest.Length(), Vector3.Transform(Vector3.UnitZ, heading));

        var thigh = AimWithPole(thighRest, Vector3.UnitZ, knee - hip, v);
        var shin = AimWithPole(shinRest, Vector3.UnitZ, ankleReached - knee, v);
        _local[hipJ] = Quaternion.Normalize(Quaternion.Inverse(pelvis) * thigh);
        _local[kneeJ] = Quaternion.Normalize(Quaternion.Inverse(thigh) * shin);
        _local[ankleJ] = Quaternion.Normalize(Quaternion.Inverse(shin) * foot);
    }

    /// <summary>The rotation taking <paramref name="fromDir"/> to <paramref name="toDir"/> and the perpendicular <paramref name="fromPole"/> as close as possible to <paramref name="toPole"/>.</summary>
    internal static Quaternion AimWithPole(Vector3 fromDir, Vector3 fromPole, Vector3 toDir, Vector3 toPole)
    {
        var a = Frame(fromDir, fromPole);
        var b = Frame(toDir, toPole);
        var m = b * Quaternion.Inverse(a);
        return Quaternion.Normalize(m);
    }

    static Quaternion Frame(Vector3 dir, Vector3 pole)
    {
        var x = Vector3.Normalize(dir);
        var y = pole - Vector3.Dot(pole, x) * x;
        y = y.LengthSquared() < 1e-10f ? Vector3.Normalize(Vector3.Cross(x, MathF.Abs(x.X) < 0.9f ? Vector3.UnitX : Vector3.UnitY)) : Vector3.Normalize(y);
        var z = Vector3.Cross(x, y);
        // Columns x, y, z (System.Numerics matrices are row-vector: rows hold the images of the axes).
        var m = new Matrix4x4(x.X, x.Y, x.Z, 0, y.X, y.Y, y.Z, 0, z.X, z.Y, z.Z, 0, 0, 0, 0, 1);
        return Quaternion.CreateFromRotationMatrix(m);
    }

    /// <summary>Shortest rotation taking unit vector <paramref name="a"/> to unit vector <paramref name="b"/>.</summary>
    public static Quaternion FromTo(Vector3 a, Vector3 b)
    {
        float d = Vector3.Dot(a, b);
        if (d < -0.99999f)
        {
            var axis = Vector3.Cross(a, Vector3.UnitY);
            if (axis.LengthSquared() < 1e-6f) axis = Vector3.Cross(a, Vector3.UnitZ);
            return Quaternion.CreateFromAxisAngle(Vector3.Normalize(axis), MathF.PI);
        }
        var c = Vector3.Cross(a, b);
        return Quaternion.Normalize(new Quaternion(c.X, c.Y, c.Z, 1 + d));
    }
}
