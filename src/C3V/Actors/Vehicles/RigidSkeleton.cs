using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// The rigid rig for vehicles and things: the pelvis is the body (at wheel-axle height, so a clip's root travel,
/// rescaled by hip height, turns every vehicle's wheels by the distance it covers); the wheels and rotors are
/// joints whose parents never move: rear wheels on the hips, front wheels on the collars (spine1–3 stay
/// straight), a top rotor or a bicycle's fork on the neck with the front wheel on the head. Other joints sit
/// inside the body and are not used.
/// </summary>
public static class RigidSkeleton
{
    public const int RearLeft = Skeleton.LeftHip, RearRight = Skeleton.RightHip, FrontLeft = Skeleton.LeftCollar, FrontRight = Skeleton.RightCollar;
    /// <summary>A single steered front wheel (bicycle, motorcycle) or a top rotor (helicopter).</summary>
    public const int Fork = Skeleton.Neck, FrontWheel = Skeleton.Head;

    /// <summary>
    /// A skeleton with the body joint at height <paramref name="axle"/>, the wheel joints at the given places
    /// (absent wheels sit at the body joint) and overall height <paramref name="height"/>.
    /// </summary>
    public static Skeleton Create(float axle, float height, Vector3? rearLeft = null, Vector3? rearRight = null,
        Vector3? frontLeft = null, Vector3? frontRight = null, Vector3? fork = null, Vector3? frontWheel = null)
    {
        var body = new Vector3(0, axle, 0);
        var pos = new Vector3[Skeleton.JointCount];
        for (int j = 0; j < pos.Length; j++) pos[j] = body;
        // The spine chain stays at the body so front wheels hung from spine3 turn about fixed axles.
        pos[RearLeft] = rearLeft ?? body;
        pos[RearRight] = rearRight ?? body;
        pos[FrontLeft] = frontLeft ?? body;
        pos[FrontRight] = frontRight ?? body;
        pos[Fork] = fork ?? body;
        pos[FrontWheel] = frontWheel ?? pos[Fork];
        // Children of the wheels and the head stay on their parents.
        pos[Skeleton.LeftKnee] = pos[Skeleton.LeftAnkle] = pos[Skeleton.LeftFoot] = pos[RearLeft];
        pos[Skeleton.RightKnee] = pos[Skeleton.RightAnkle] = pos[Skeleton.RightFoot] = pos[RearRight];
        pos[Skeleton.LeftShoulder] = pos[Skeleton.LeftElbow] = pos[Skeleton.LeftWrist] = pos[FrontLeft];
        pos[Skeleton.RightShoulder] = pos[Skeleton.RightElbow] = pos[Skeleton.RightWrist] = pos[FrontRight];
        var offsets = new Vector3[Skeleton.JointCount];
        for (int j = 0; j < Skeleton.JointCount; j++)
            offsets[j] = Skeleton.Parents[j] < 0 ? pos[j] : pos[j] - pos[Skeleton.Parents[j]];
        return new Skeleton(offsets, height);
    }
}
