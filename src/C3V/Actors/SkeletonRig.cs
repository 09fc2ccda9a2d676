using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// What every pose rig holds: a skeleton's local joint rotations and its root position, reset to the rest pose and
/// handed out as a <see cref="Pose"/>. The rigs built on it (<see cref="PoseRig"/> for people,
/// <see cref="AnimalPoseRig"/> for animals and birds) differ only in the body-level controls they offer.
/// </summary>
public abstract class SkeletonRig
{
    protected const float Deg = MathF.PI / 180f;
    protected readonly Skeleton _s;
    protected readonly Quaternion[] _local = new Quaternion[Skeleton.JointCount];
    protected Vector3 _root;

    protected SkeletonRig(Skeleton skeleton)
    {
        _s = skeleton;
        RestJoints();
    }

    public Skeleton Skeleton => _s;

    /// <summary>Back to the rest pose (identity rotations, pelvis at its rest place).</summary>
    public virtual void Reset() => RestJoints();

    void RestJoints()
    {
        Array.Fill(_local, Quaternion.Identity);
        _root = _s.RestPositions[Skeleton.Pelvis];
    }

    public Pose ToPose() => new((Quaternion[])_local.Clone(), _root);

    /// <summary>Starts from a given pose (local rotations and pelvis position) instead of the rest pose, to adjust it.</summary>
    public void Set(ReadOnlySpan<Quaternion> local, Vector3 root)
    {
        local.CopyTo(_local);
        _root = root;
    }

    /// <summary>The local rotations, without allocating.</summary>
    public void CopyTo(Span<Quaternion> local) => _local.CopyTo(local);

    /// <summary>
    /// Two-bone IK in world space: from <paramref name="start"/> with bone lengths <paramref name="l1"/>,
    /// <paramref name="l2"/> towards <paramref name="end"/>, the middle joint bent towards <paramref name="pole"/>.
    /// Returns the middle joint, the reached end (the target, or the nearest reachable point on the line to it) and
    /// the bend direction (unit, perpendicular to the chain).
    /// </summary>
    protected static (Vector3 Joint, Vector3 Reached, Vector3 Bend) TwoBone(Vector3 start, Vector3 end, float l1, float l2, Vector3 pole)
    {
        var to = end - start;
        float d = Math.Clamp(to.Length(), MathF.Abs(l1 - l2) + 1e-4f, l1 + l2 - 1e-4f);
        var u = Vector3.Normalize(to);
        var v = pole - Vector3.Dot(pole, u) * u;
        v = v.LengthSquared() < 1e-8f ? Vector3.Normalize(Vector3.Cross(u, Vector3.UnitX)) : Vector3.Normalize(v);
        float cosA = Math.Clamp((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d), -1, 1);
        float sinA = MathF.Sqrt(1 - cosA * cosA);
        return (start + l1 * (cosA * u + sinA * v), start + d * u, v);
    }
}
