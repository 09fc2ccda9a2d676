using System.Numerics;

namespace C3V.Actors.Humans;

/// <summary>
/// A cross-fade between two standing poses that steps instead of sliding. Interpolating joint rotations moves a
/// planted foot smoothly from where the first pose stands it to where the second does — from a narrow stance into a
/// horse stance that is a 20 cm slide along the floor in 0.3 s. Here each foot that is on the floor in both poses
/// stays where the first pose put it until its turn, then lifts and is set down where the second pose wants it (the
/// left foot in the first half of the blend, the right in the second), by leg IK on the blended pose.
/// </summary>
internal sealed class StanceStep(Skeleton skeleton)
{
    /// <summary>A foot lower than this above its rest height (metres, 1.75 m figure) is on the floor.</summary>
    const float Floor = 0.03f;

    readonly PoseRig _rig = new(skeleton);
    readonly Quaternion[] _rot = new Quaternion[Skeleton.JointCount];
    readonly Vector3[] _pos = new Vector3[Skeleton.JointCount];
    readonly (Vector3 Ground, float Yaw, bool Down)[] _from = new (Vector3, float, bool)[2], _to = new (Vector3, float, bool)[2];

    /// <summary>
    /// Rewrites the legs of <paramref name="blended"/> (the rotation cross-fade at weight <paramref name="w"/> of
    /// <paramref name="from"/> into <paramref name="to"/>, pelvis at <paramref name="root"/>) so that the feet step.
    /// A foot off the floor in <paramref name="to"/> (blending into a jump or a kick) keeps the cross-fade.
    /// </summary>
    public void Apply(ReadOnlySpan<Quaternion> from, Vector3 fromRoot, ReadOnlySpan<Quaternion> to, Vector3 toRoot, float w, Span<Quaternion> blended, Vector3 root)
    {
        Feet(from, fromRoot, _from);
        Feet(to, toRoot, _to);
        _rig.Set(blended, root);
        float scale = skeleton.Height / Skeleton.ReferenceHeight;
        for (int f = 0; f < 2; f++)
        {
            // A foot in the air in the first pose (the end of a kick) comes down onto its new place the same way.
            if (!_to[f].Down) continue;
            // The left foot steps over the first half, the right over the second.
            float u = Math.Clamp(2 * w - f, 0, 1);
            float e = u * u * (3 - 2 * u);
            float dist = Vector3.Distance(_from[f].Ground, _to[f].Ground);
            // Lifted clear of the floor (at least 3 cm) for any move worth a step; a shift under a centimetre is not one.
            float lift = dist < 0.01f * scale ? 0 : Math.Clamp(0.5f * dist, 0.03f * scale, 0.08f * scale);
            var at = Vector3.Lerp(_from[f].Ground, _to[f].Ground, e) + new Vector3(0, lift * MathF.Sin(MathF.PI * u), 0);
            float yaw = _from[f].Yaw + Wrap(_to[f].Yaw - _from[f].Yaw) * e;
            _rig.Leg(f == 0 ? +1 : -1, at, yaw);
        }
        _rig.CopyTo(blended);
    }

    /// <summary>Each foot's ground point (under the ankle), heading (degrees) and whether it is on the floor in a pose.</summary>
    void Feet(ReadOnlySpan<Quaternion> local, Vector3 root, (Vector3 Ground, float Yaw, bool Down)[] feet)
    {
        skeleton.ForwardKinematics(local, root, _rot, _pos);
        var rest = skeleton.RestPositions;
        float tolerance = Floor * skeleton.Height / Skeleton.ReferenceHeight;
        for (int f = 0; f < 2; f++)
        {
            int ankle = f == 0 ? Skeleton.LeftAnkle : Skeleton.RightAnkle, toe = f == 0 ? Skeleton.LeftFoot : Skeleton.RightFoot;
            var a = _pos[ankle];
            var forward = Vector3.Transform(Vector3.UnitZ, _rot[ankle]);
            bool down = a.Y - rest[ankle].Y < tolerance && _pos[toe].Y - rest[toe].Y < tolerance;
            feet[f] = (new Vector3(a.X, a.Y - rest[ankle].Y, a.Z), MathF.Atan2(forward.X, forward.Z) * 180 / MathF.PI, down);
        }
    }

    static float Wrap(float degrees) => degrees - 360 * MathF.Round(degrees / 360);
}
