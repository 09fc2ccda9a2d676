using System.Numerics;
using C3V.Actors;

namespace C3V.Compose;

/// <summary>
/// The feet of an actor's in-place clip at a motion time: each foot joint's position in the actor frame (scale
/// 1) and whether the clip plants it. One instance reuses its buffers: not thread-safe.
/// </summary>
public sealed class FootSampler(ComposedActor actor)
{
    readonly Quaternion[] _local = new Quaternion[Skeleton.JointCount];
    readonly Quaternion[] _rotation = new Quaternion[Skeleton.JointCount];
    readonly Vector3[] _position = new Vector3[Skeleton.JointCount];

    /// <param name="rest">Weight of the standing pose (see <see cref="ComposedActor.Pose(float, float)"/>).</param>
    public (Vector3 Left, Vector3 Right, bool LeftPlanted, bool RightPlanted) At(float motionTime, float rest = 0)
    {
        var skeleton = actor.Skin.Skeleton;
        var root = actor.SampleInto(motionTime, rest, _local);
        skeleton.ForwardKinematics(_local, root, _rotation, _position);
        var (l, r) = actor.ContactsAt(motionTime, rest);
        return (_position[Skeleton.LeftFoot], _position[Skeleton.RightFoot], l, r);
    }

    /// <summary>The point the actor turns about: its planted foot (the middle of both when both are planted); null in flight.</summary>
    public Vector3? Pivot(float motionTime, float rest = 0)
    {
        var (left, right, l, r) = At(motionTime, rest);
        return l && r ? (left + right) / 2 : l ? left : r ? right : null;
    }
}
