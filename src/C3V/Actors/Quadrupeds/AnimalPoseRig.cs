using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// Builds animal poses (quadrupeds, and birds, whose legs are hind legs and whose fore limbs are wings) from body-level controls: the croup's place and tilt, the back's bend, neck and head,
/// and each paw's place on (or above) the ground by two-bone IK — hind legs bend at the stifle (forwards) and
/// hock, fore legs at the elbow (backwards) and carpus. Angles in degrees; positive pitch tips the front down,
/// positive raise lifts the head. Legs: 0 left hind, 1 right hind, 2 left fore, 3 right fore.
/// </summary>
public sealed class AnimalPoseRig(Skeleton skeleton) : SkeletonRig(skeleton)
{
    public const int LeftHind = 0, RightHind = 1, LeftFore = 2, RightFore = 3;

    float _yaw;

    /// <summary>Back to the rest pose, heading 0.</summary>
    public override void Reset()
    {
        base.Reset();
        _yaw = 0;
    }

    /// <summary>Rest ground point under paw <paramref name="leg"/> (where it stands in the rest pose).</summary>
    public Vector3 RestPaw(int leg)
    {
        var p = _s.RestPositions[PawJoint(leg)];
        return new Vector3(p.X, 0, p.Z + (leg >= LeftFore ? 0.015f * Withers : 0));
    }

    /// <summary>Withers height of the skeleton (the unit the clips are written in).</summary>
    public float Withers => _s.RestPositions[Skeleton.Spine3].Y / 0.79f;

    static int PawJoint(int leg) => leg switch { LeftHind => Skeleton.LeftFoot, RightHind => Skeleton.RightFoot, LeftFore => Skeleton.LeftWrist, _ => Skeleton.RightWrist };

    /// <summary>Croup (pelvis) at <paramref name="offset"/> from its rest place, body pitched, turned and rolled.</summary>
    public void Body(Vector3 offset, float pitch = 0, float yaw = 0, float roll = 0)
    {
        _root = _s.RestPositions[Skeleton.Pelvis] + offset;
        _yaw = yaw;
        _local[Skeleton.Pelvis] = PoseRig.Euler(pitch, yaw, roll);
    }

    /// <summary>Back bend (positive arches the front down), twist and side bend, spread over the three spine joints.</summary>
    public void Spine(float bend, float twist = 0, float side = 0)
    {
        _local[Skeleton.Spine1] = PoseRig.Euler(bend * 0.3f, twist * 0.3f, side * 0.3f);
        _local[Skeleton.Spine2] = PoseRig.Euler(bend * 0.35f, twist * 0.35f, side * 0.35f);
        _local[Skeleton.Spine3] = PoseRig.Euler(bend * 0.35f, twist * 0.35f, side * 0.35f);
    }

    /// <summary>Head raised (positive up) and turned (positive towards the animal's left), split between neck and head; <paramref name="nod"/> tips the head alone.</summary>
    public void Head(float raise, float turn = 0, float nod = 0, float tilt = 0)
    {
        _local[Skeleton.Neck] = PoseRig.Euler(-raise * 0.65f, turn * 0.6f, tilt * 0.4f);
        _local[Skeleton.Head] = PoseRig.Euler(-raise * 0.35f + nod, turn * 0.4f, tilt * 0.6f);
    }

    /// <summary>Shoulder blades rotated about the body's side axis (wings of a winged build beat with them); the fore legs are kept as placed.</summary>
    public void Blades(float left, float right)
    {
        _local[Skeleton.LeftCollar] = PoseRig.Euler(0, 0, left);
        _local[Skeleton.RightCollar] = PoseRig.Euler(0, 0, -right);
    }

    /// <summary>
    /// Wing of <paramref name="side"/> (+1 left): a wing built spread along ±X in the rest pose is raised (positive up,
    /// degrees), swept back (positive towards the tail) and folded (0 spread … 1 folded along the body's side, tip
    /// back). The collar carries the raise and sweep, the elbow and wrist the fold.
    /// </summary>
    public void Wing(int side, float raise, float sweep = 0, float fold = 0)
    {
        int collar = side > 0 ? Skeleton.LeftCollar : Skeleton.RightCollar;
        int sh = side > 0 ? Skeleton.LeftShoulder : Skeleton.RightShoulder;
        int el = side > 0 ? Skeleton.LeftElbow : Skeleton.RightElbow;
        int wr = side > 0 ? Skeleton.LeftWrist : Skeleton.RightWrist;
        // Folding: the humerus turns back along the flank with the wing plane upright, the forearm folds forwards
        // over it and the hand back again (the zig-zag of a folded bird wing).
        _local[collar] = PoseRig.Euler(-85 * fold, side * (sweep + 80 * fold), side * (raise - 10 * fold));
        _local[sh] = Quaternion.Identity;
        _local[el] = PoseRig.Euler(0, -side * 150 * fold, 0);
        _local[wr] = PoseRig.Euler(0, side * 160 * fold, 0);
    }

    /// <summary>
    /// Paw of <paramref name="leg"/> to <paramref name="ground"/> (a point in the actor frame; y = 0 stands on the
    /// ground). <paramref name="flex"/> folds the pastern/paw back (degrees; swing phases). Call after
    /// <see cref="Body"/> and <see cref="Spine"/>. Unreachable targets straighten the leg towards them.
    /// </summary>
    public void Leg(int leg, Vector3 ground, float flex = 0)
    {
        Span<Quaternion> gr = stackalloc Quaternion[Skeleton.JointCount];
        Span<Vector3> gp = stackalloc Vector3[Skeleton.JointCount];
        _s.ForwardKinematics(_local, _root, gr, gp);
        var heading = Quaternion.CreateFromAxisAngle(Vector3.UnitY, _yaw * Deg);
        var fold = heading * Quaternion.CreateFromAxisAngle(Vector3.UnitX, flex * Deg);
        bool hind = leg <= RightHind, left = leg is LeftHind or LeftFore;
        int top = hind ? (left ? Skeleton.LeftHip : Skeleton.RightHip) : (left ? Skeleton.LeftShoulder : Skeleton.RightShoulder);
        int mid = hind ? (left ? Skeleton.LeftKnee : Skeleton.RightKnee) : (left ? Skeleton.LeftElbow : Skeleton.RightElbow);
        int low = hind ? (left ? Skeleton.LeftAnkle : Skeleton.RightAnkle) : (left ? Skeleton.LeftWrist : Skeleton.RightWrist);
        float pawY = _s.RestPositions[hind ? Skeleton.LeftFoot : Skeleton.LeftWrist].Y;
        Vector3 end;   // where the two-bone chain must reach: the hock, or the carpus
        if (hind)
        {
            int foot = left ? Skeleton.LeftFoot : Skeleton.RightFoot;
            var paw = ground + new Vector3(0, pawY, 0);
            end = paw - Vector3.Transform(_s.Offsets[foot], fold);
        }
        else
        {
            float w = Withers;
            var pastern = new Vector3(0, 0.035f * w - pawY, 0.03f * w); // carpus → paw, as the skin's segment
            end = ground + new Vector3(0, 0.035f * w, 0) - Vector3.Transform(pastern, fold);
        }
        var start = gp[top];
        var parentRot = gr[Skeleton.Parents[top]];
        var b1 = _s.Offsets[mid];
        var b2 = _s.Offsets[low];
        // Stifles bulge forwards, elbows backwards.
        var pole = Vector3.Transform(hind ? Vector3.UnitZ : -Vector3.UnitZ, gr[Skeleton.Pelvis]);
        var (joint, reached, v) = TwoBone(start, end, b1.Length(), b2.Length(), pole);
        var restPole = hind ? Vector3.UnitZ : -Vector3.UnitZ;
        // Keep the rest twist: the rest pose's top rotation is the parent's, with the identity local rotation.
        var g1 = PoseRig.AimWithPole(b1, restPole, joint - start, v);
        var g2 = PoseRig.AimWithPole(b2, restPole, reached - joint, v);
        _local[top] = Quaternion.Normalize(Quaternion.Inverse(parentRot) * g1);
        _local[mid] = Quaternion.Normalize(Quaternion.Inverse(g1) * g2);
        _local[low] = Quaternion.Normalize(Quaternion.Inverse(g2) * fold);
        if (hind) _local[left ? Skeleton.LeftFoot : Skeleton.RightFoot] = Quaternion.Identity;
    }
}
