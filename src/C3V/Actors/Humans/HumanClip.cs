using System.Numerics;

namespace C3V.Actors.Humans;

/// <summary>
/// What every human clip is made with: smooth ramps, the rest foot places, and <see cref="Make"/>, which samples a
/// <see cref="PoseRig"/> posing function on the default skeleton at 30 fps.
/// </summary>
internal static class HumanClip
{
    internal const float Fps = 30;
    internal const float Tau = MathF.PI * 2;

    internal static float S(float x) => x * x * (3 - 2 * x);
    internal static float Lerp(float a, float b, float t) => a + (b - a) * t;
    /// <summary>Smooth 0→1 ramp between times a and b.</summary>
    internal static float Ramp(float t, float a, float b) => t <= a ? 0 : t >= b ? 1 : S((t - a) / (b - a));
    /// <summary>0→1→0 bump: up over [a,b], hold to c, down over [c,d].</summary>
    internal static float Bump(float t, float a, float b, float c, float d) => Ramp(t, a, b) * (1 - Ramp(t, c, d));

    internal static Vector3 Stand(Skeleton s, int side) => new(side * s.RestPositions[Skeleton.LeftAnkle].X, 0, s.RestPositions[Skeleton.LeftAnkle].Z);

    internal static MotionClip Make(Skeleton s, string name, string[] labels, float duration, bool loop, Action<PoseRig, float> pose)
    {
        var rig = new PoseRig(s);
        return MotionClip.FromFunction(name, labels, Fps, duration, loop, s, t =>
        {
            rig.Reset();
            pose(rig, t);
            return rig.ToPose();
        });
    }

    /// <summary>Stands with both feet planted at their rest places, pelvis at <paramref name="pelvis"/> (offset from rest) and heading yaw.</summary>
    internal static void Planted(PoseRig r, Vector3 pelvis, float yaw = 0, float pitch = 0, float roll = 0, float feetApart = 1)
    {
        var s = r.Skeleton;
        r.Pelvis(s.RestPositions[0] + pelvis, yaw, pitch, roll);
        r.Leg(+1, Stand(s, +1) * new Vector3(feetApart, 1, 1), 4);
        r.Leg(-1, Stand(s, -1) * new Vector3(feetApart, 1, 1), -4);
    }

    /// <summary>Rest ground point of a foot turned about the body's vertical axis by <paramref name="yaw"/> degrees.</summary>
    internal static Vector3 Foot(Skeleton s, int side, float yaw) =>
        Vector3.Transform(Stand(s, side), Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw * MathF.PI / 180));
}
