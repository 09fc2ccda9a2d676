using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// One skeletal pose: a local rotation per joint (relative to its parent, identity = rest T-pose) and the
/// pelvis position in the actor frame (metres, y = pelvis height).
/// </summary>
public readonly struct Pose
{
    public Quaternion[] Local { get; }
    public Vector3 Root { get; }

    public Pose(Quaternion[] local, Vector3 root)
    {
        if (local.Length != Skeleton.JointCount) throw new ArgumentException($"expected {Skeleton.JointCount} rotations", nameof(local));
        Local = local;
        Root = root;
    }

    /// <summary>The rest (T-) pose of <paramref name="skeleton"/>.</summary>
    public static Pose Rest(Skeleton skeleton)
    {
        var q = new Quaternion[Skeleton.JointCount];
        Array.Fill(q, Quaternion.Identity);
        return new Pose(q, skeleton.RestPositions[Skeleton.Pelvis]);
    }

    /// <summary>Per-joint slerp and linear root interpolation: w = 0 gives <paramref name="a"/>, 1 gives <paramref name="b"/>.</summary>
    public static Pose Blend(in Pose a, in Pose b, float w)
    {
        var q = new Quaternion[Skeleton.JointCount];
        for (int j = 0; j < q.Length; j++) q[j] = Slerp(a.Local[j], b.Local[j], w);
        return new Pose(q, Vector3.Lerp(a.Root, b.Root, w));
    }

    /// <summary>Shortest-arc slerp, normalised (System.Numerics' Slerp already picks the short arc).</summary>
    public static Quaternion Slerp(Quaternion a, Quaternion b, float t) => Quaternion.Normalize(Quaternion.Slerp(a, b, t));
}
