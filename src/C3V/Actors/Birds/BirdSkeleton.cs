using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// The bird rig: the 22 joints of the shared layout laid out as a two-legged, winged body facing +Z. Joint
/// roles: pelvis = hips; spine1–3 along the body axis (tilted up by the build's pitch) to the shoulders; hips,
/// knees, ankles, feet = femur, drumstick, scaly tarsus and toes (knees bend forwards, ankles backwards, as on
/// the quadruped hind leg); collars, shoulders, elbows, wrists = the wing (spread along ±X in the rest pose:
/// humerus, forearm, hand); neck and head as named. The tail is skinned to the pelvis. Two-legged dinosaurs use
/// the same rig (their "wings" are short arms).
/// </summary>
public static class BirdSkeleton
{
    /// <summary>Rest landmarks: the body axis direction and centre, and the body's radius (metres).</summary>
    public readonly record struct Frame(Vector3 Axis, Vector3 BodyCentre, float BodyHalfLength, float BodyRadius, Vector3 Rump);

    /// <summary>
    /// The length unit the build's fractions are taken of, so the finished bird stands <paramref name="height"/> tall
    /// (legs, body, neck and head of a build need not add up to exactly 1).
    /// </summary>
    public static float Unit(BirdBuild b, float height) => height * height / CreateAt(b, height).Height;

    /// <summary>Rest landmarks of a bird <paramref name="height"/> tall.</summary>
    public static Frame Measure(BirdBuild b, float height) => MeasureAt(b, Unit(b, height));

    static Frame MeasureAt(BirdBuild b, float unit)
    {
        float h = unit, p = b.Pitch * MathF.PI / 180;
        var d = new Vector3(0, MathF.Sin(p), MathF.Cos(p));
        var pelvis = new Vector3(0, b.Legs * h, 0);
        var c = pelvis + d * 0.15f * b.BodyLength * h;
        return new Frame(d, c, 0.5f * b.BodyLength * h, b.BodyRadius * h, c - d * 0.5f * b.BodyLength * h);
    }

    /// <summary>A bird skeleton standing <paramref name="height"/> metres to the top of its head.</summary>
    public static Skeleton Create(BirdBuild b, float height)
    {
        if (!(height > 0.02f) || !float.IsFinite(height)) throw new ArgumentOutOfRangeException(nameof(height));
        return CreateAt(b, Unit(b, height));
    }

    static Skeleton CreateAt(BirdBuild b, float unit)
    {
        float h = unit, bl = b.BodyLength * h, r = b.BodyRadius * h;
        var f = MeasureAt(b, unit);
        var d = f.Axis;
        var pos = new Vector3[Skeleton.JointCount];
        var pelvis = new Vector3(0, b.Legs * h, 0);
        pos[Skeleton.Pelvis] = pelvis;
        pos[Skeleton.Spine1] = pelvis + d * 0.2f * bl;
        pos[Skeleton.Spine2] = pelvis + d * 0.4f * bl;
        pos[Skeleton.Spine3] = pelvis + d * 0.58f * bl;
        var up = Vector3.Normalize(Vector3.Cross(d, -Vector3.UnitX));   // the back's side of the body axis
        pos[Skeleton.Neck] = pos[Skeleton.Spine3] + d * 0.05f * bl + up * 0.3f * r;
        float na = b.NeckAngle * MathF.PI / 180;
        pos[Skeleton.Head] = pos[Skeleton.Neck] + new Vector3(0, MathF.Sin(na), MathF.Cos(na)) * b.Neck * h;
        float hipY = pelvis.Y - 0.3f * r;
        float half = 0.5f * b.Span * h;
        for (int side = -1; side <= 1; side += 2)
        {
            bool left = side > 0;
            float x = side * 0.45f * r;
            pos[left ? Skeleton.LeftHip : Skeleton.RightHip] = new(x, hipY, pelvis.Z);
            // The femur is short and hidden in the body; the drumstick and the tarsus make the visible leg.
            float femur = MathF.Min(0.28f * hipY, 1.1f * r);
            pos[left ? Skeleton.LeftKnee : Skeleton.RightKnee] = new(x, hipY - femur, pelvis.Z + 0.7f * femur);
            pos[left ? Skeleton.LeftAnkle : Skeleton.RightAnkle] = new(x, 0.45f * hipY, pelvis.Z - 0.1f * hipY);
            pos[left ? Skeleton.LeftFoot : Skeleton.RightFoot] = new(x * 1.1f, 0.03f * hipY, pelvis.Z + 0.02f * hipY);
            var collar = pos[Skeleton.Spine3] + new Vector3(side * 0.6f * r, 0, 0) + up * 0.45f * r - d * 0.1f * r;
            pos[left ? Skeleton.LeftCollar : Skeleton.RightCollar] = collar;
            float reach = MathF.Max(0.05f * h, half - MathF.Abs(collar.X));
            pos[left ? Skeleton.LeftShoulder : Skeleton.RightShoulder] = collar + new Vector3(side * 0.06f * reach, 0, 0);
            pos[left ? Skeleton.LeftElbow : Skeleton.RightElbow] = collar + new Vector3(side * 0.36f * reach, 0, 0);
            pos[left ? Skeleton.LeftWrist : Skeleton.RightWrist] = collar + new Vector3(side * 0.66f * reach, 0, 0);
        }
        var offsets = new Vector3[Skeleton.JointCount];
        for (int j = 0; j < Skeleton.JointCount; j++)
            offsets[j] = Skeleton.Parents[j] < 0 ? pos[j] : pos[j] - pos[Skeleton.Parents[j]];
        float top = MathF.Max(pos[Skeleton.Head].Y + 0.6f * b.Head * h, f.BodyCentre.Y + MathF.Abs(d.Y) * f.BodyHalfLength + r * 0.5f);
        return new Skeleton(offsets, top);
    }

    /// <summary>Where the wing's hand ends (the wrist joint's segment end) in the rest pose.</summary>
    public static Vector3 WingTip(Skeleton s, int side)
    {
        var c = s.RestPositions[side > 0 ? Skeleton.LeftCollar : Skeleton.RightCollar];
        var w = s.RestPositions[side > 0 ? Skeleton.LeftWrist : Skeleton.RightWrist];
        return w + (w - c) * (0.34f / 0.66f);
    }
}
