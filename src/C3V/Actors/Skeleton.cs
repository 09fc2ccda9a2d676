using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// The 22-joint SMPL/HumanML3D skeleton (DESIGN.md §4): names, parents, rest offsets in metres.
/// Actor frame: the rest pose stands at the origin with the feet on y = 0, faces +Z, Y up; the
/// character's left is +X. The rest pose is a T-pose (arms along ±X) with every local rotation the
/// identity, so a joint's rest global rotation is the identity and its rest position is the sum of the
/// offsets along its chain.
/// </summary>
public sealed class Skeleton
{
    public const int JointCount = 22;

    public static readonly string[] Names =
    [
        "pelvis", "left_hip", "right_hip", "spine1", "left_knee", "right_knee", "spine2", "left_ankle",
        "right_ankle", "spine3", "left_foot", "right_foot", "neck", "left_collar", "right_collar", "head",
        "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist",
    ];

    public static readonly int[] Parents = [-1, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 12, 13, 14, 16, 17, 18, 19];

    // Joint indices by name, for readable code elsewhere.
    public const int Pelvis = 0, LeftHip = 1, RightHip = 2, Spine1 = 3, LeftKnee = 4, RightKnee = 5, Spine2 = 6,
        LeftAnkle = 7, RightAnkle = 8, Spine3 = 9, LeftFoot = 10, RightFoot = 11, Neck = 12, LeftCollar = 13,
        RightCollar = 14, Head = 15, LeftShoulder = 16, RightShoulder = 17, LeftElbow = 18, RightElbow = 19,
        LeftWrist = 20, RightWrist = 21;

    /// <summary>Standing height the default proportions are written for (top of the head), metres.</summary>
    public const float ReferenceHeight = 1.75f;

    /// <summary>Rest offset of each joint from its parent (the pelvis: its rest position), metres.</summary>
    public Vector3[] Offsets { get; }
    /// <summary>Rest positions in the actor frame (sum of offsets).</summary>
    public Vector3[] RestPositions { get; }
    /// <summary>Top of the head above the floor in the rest pose, metres.</summary>
    public float Height { get; }

    public Skeleton(Vector3[] offsets, float height)
    {
        if (offsets.Length != JointCount) throw new ArgumentException($"expected {JointCount} offsets", nameof(offsets));
        Offsets = (Vector3[])offsets.Clone();
        RestPositions = new Vector3[JointCount];
        for (int j = 0; j < JointCount; j++)
            RestPositions[j] = Parents[j] < 0 ? Offsets[j] : RestPositions[Parents[j]] + Offsets[j];
        Height = height;
    }

    /// <summary>Pelvis height in the rest pose: scales root translation between skeletons.</summary>
    public float HipHeight => RestPositions[Pelvis].Y;

    public static int IndexOf(string name) => Array.IndexOf(Names, name);

    /// <summary>The main child of each joint along its chain (the bone a joint's rotation swings); −1 at the ends.</summary>
    public static int MainChild(int j) => j switch
    {
        Pelvis => Spine1,
        Spine3 => Neck,
        Head or LeftWrist or RightWrist or LeftFoot or RightFoot => -1,
        _ => Array.IndexOf(Parents, j),
    };

    /// <summary>
    /// A human skeleton of standing height <paramref name="height"/> metres. <paramref name="legRatio"/>
    /// stretches the legs relative to the trunk (1 = average adult), <paramref name="shoulderWidth"/>
    /// widens the shoulders and hips (1 = average).
    /// </summary>
    public static Skeleton CreateHuman(float height = ReferenceHeight, float legRatio = 1f, float shoulderWidth = 1f)
    {
        if (!(height > 0.05f) || !float.IsFinite(height)) throw new ArgumentOutOfRangeException(nameof(height));
        float s = height / ReferenceHeight;
        float leg = 0.405f * legRatio;              // thigh and shin lengths
        float ankle = 0.075f;
        float hipDrop = 0.075f;
        float pelvisY = ankle + 2 * leg + hipDrop;  // 0.96 for legRatio 1
        // The trunk takes whatever is left so the head top lands at the requested height.
        float trunk = ReferenceHeight - pelvisY - 0.29f; // pelvis → neck
        float w = shoulderWidth;
        var o = new Vector3[JointCount];
        o[Pelvis] = new(0, pelvisY, 0);
        o[LeftHip] = new(0.085f * w, -hipDrop, 0.0f);
        o[RightHip] = new(-0.085f * w, -hipDrop, 0.0f);
        o[Spine1] = new(0, trunk * 0.22f, -0.01f);
        o[LeftKnee] = new(0, -leg, 0.005f);
        o[RightKnee] = new(0, -leg, 0.005f);
        o[Spine2] = new(0, trunk * 0.26f, 0.0f);
        o[LeftAnkle] = new(0, -leg, -0.025f);
        o[RightAnkle] = new(0, -leg, -0.025f);
        o[Spine3] = new(0, trunk * 0.12f, 0.01f);
        o[LeftFoot] = new(0, -ankle + 0.025f, 0.125f);
        o[RightFoot] = new(0, -ankle + 0.025f, 0.125f);
        o[Neck] = new(0, trunk * 0.40f, -0.01f);
        o[LeftCollar] = new(0.075f * w, trunk * 0.28f, -0.005f);
        o[RightCollar] = new(-0.075f * w, trunk * 0.28f, -0.005f);
        o[Head] = new(0, 0.09f, 0.02f);
        o[LeftShoulder] = new(0.11f * w, 0.02f, 0);
        o[RightShoulder] = new(-0.11f * w, 0.02f, 0);
        o[LeftElbow] = new(0.265f, 0, 0);
        o[RightElbow] = new(-0.265f, 0, 0);
        o[LeftWrist] = new(0.245f, 0, 0);
        o[RightWrist] = new(-0.245f, 0, 0);
        for (int j = 0; j < JointCount; j++) o[j] *= s;
        return new Skeleton(o, height);
    }

    public static Skeleton Default { get; } = CreateHuman();

    /// <summary>Rest-pose length of the bone from joint <paramref name="j"/> to its parent.</summary>
    public float BoneLength(int j) => Offsets[j].Length();

    /// <summary>
    /// Forward kinematics: global rotations and positions of every joint for local rotations
    /// <paramref name="local"/> (22) and pelvis position <paramref name="root"/>.
    /// </summary>
    public void ForwardKinematics(ReadOnlySpan<Quaternion> local, Vector3 root, Span<Quaternion> globalRot, Span<Vector3> globalPos)
    {
        for (int j = 0; j < JointCount; j++)
        {
            int p = Parents[j];
            if (p < 0)
            {
                globalRot[j] = local[j];
                globalPos[j] = root;
            }
            else
            {
                globalRot[j] = Quaternion.Normalize(globalRot[p] * local[j]);
                globalPos[j] = globalPos[p] + Vector3.Transform(Offsets[j], globalRot[p]);
            }
        }
    }

    /// <summary>Joint positions of a pose (allocates; for tests and analysis, not hot loops).</summary>
    public Vector3[] JointPositions(in Pose pose)
    {
        var r = new Quaternion[JointCount];
        var p = new Vector3[JointCount];
        ForwardKinematics(pose.Local, pose.Root, r, p);
        return p;
    }
}
