using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// The quadruped rig: the 22 joints of the shared layout laid out as a four-legged body, so skinning, clips,
/// composition and the actor file format carry animals unchanged. Body along +Z (facing +Z), back at the
/// withers height. Joint roles: pelvis = croup; spine1–3 run forward along the back to the withers; hips,
/// knees, ankles, feet = hind leg (hip, stifle, hock, paw); collars = shoulder blades; shoulders, elbows,
/// wrists = fore leg (point of shoulder, elbow, carpus; the pastern and paw hang below the carpus); neck and
/// head as named. The tail is skinned to the pelvis.
/// </summary>
public static class QuadrupedSkeleton
{
    /// <summary>Where the rig's landmarks are in the rest pose (actor frame, metres).</summary>
    public readonly record struct Frame(float Withers, float SpineY, float HipZ, float ShoulderZ, float HindX, float FrontX, float PawY, Vector3 HeadJoint, Vector3 HeadDirection);

    /// <summary>The rest landmarks of <paramref name="build"/> at withers height <paramref name="withers"/>.</summary>
    public static Frame Measure(QuadrupedBuild build, float withers)
    {
        float w = withers;
        float spineY = w * (1 - 0.5f * build.Depth);
        float half = 0.5f * build.Body * w;
        float bodyHalfWidth = 0.5f * build.Depth * build.Width * w;
        float neckA = build.NeckAngle * MathF.PI / 180;
        var neckBase = new Vector3(0, spineY + 0.02f * w, half + 0.05f * w);
        var head = neckBase + new Vector3(0, MathF.Sin(neckA), MathF.Cos(neckA)) * build.Neck * w;
        return new Frame(w, spineY, -half, half, bodyHalfWidth * 0.62f, bodyHalfWidth * 0.58f, 0.035f * w, head, Vector3.UnitZ);
    }

    /// <summary>A quadruped skeleton of <paramref name="build"/> at withers height <paramref name="withers"/> metres.</summary>
    public static Skeleton Create(QuadrupedBuild build, float withers)
    {
        if (!(withers > 0.02f) || !float.IsFinite(withers)) throw new ArgumentOutOfRangeException(nameof(withers));
        var f = Measure(build, withers);
        float w = withers, s = f.SpineY;
        // Fore legs longer than hind legs (apes) lift the withers: the back slopes up towards the shoulders.
        float sf = s * build.FrontLegs;
        var pos = new Vector3[Skeleton.JointCount];
        pos[Skeleton.Pelvis] = new(0, s, f.HipZ);
        pos[Skeleton.Spine1] = new(0, s + 0.015f * w + (sf - s) * 0.33f, f.HipZ + (f.ShoulderZ - f.HipZ) * 0.33f);
        pos[Skeleton.Spine2] = new(0, s + 0.02f * w + (sf - s) * 0.66f, f.HipZ + (f.ShoulderZ - f.HipZ) * 0.66f);
        pos[Skeleton.Spine3] = new(0, sf, f.ShoulderZ);
        for (int side = -1; side <= 1; side += 2)
        {
            bool left = side > 0;
            float hx = side * f.HindX, fx = side * f.FrontX;
            pos[left ? Skeleton.LeftHip : Skeleton.RightHip] = new(hx, s - 0.08f * w, f.HipZ);
            pos[left ? Skeleton.LeftKnee : Skeleton.RightKnee] = new(hx, 0.6f * s, f.HipZ + 0.12f * w);
            pos[left ? Skeleton.LeftAnkle : Skeleton.RightAnkle] = new(hx, 0.3f * s, f.HipZ - 0.1f * w);
            pos[left ? Skeleton.LeftFoot : Skeleton.RightFoot] = new(hx, f.PawY, f.HipZ - 0.05f * w);
            pos[left ? Skeleton.LeftCollar : Skeleton.RightCollar] = new(fx, sf - 0.03f * w, f.ShoulderZ - 0.04f * w);
            pos[left ? Skeleton.LeftShoulder : Skeleton.RightShoulder] = new(fx, 0.76f * sf, f.ShoulderZ + 0.08f * w);
            pos[left ? Skeleton.LeftElbow : Skeleton.RightElbow] = new(fx, 0.5f * sf, f.ShoulderZ - 0.03f * w);
            pos[left ? Skeleton.LeftWrist : Skeleton.RightWrist] = new(fx, 0.13f * s, f.ShoulderZ - 0.01f * w);
        }
        float lift = sf - s;
        pos[Skeleton.Neck] = f.HeadJoint with { Y = f.HeadJoint.Y - (f.HeadJoint.Y - s) * 0.6f + lift, Z = f.ShoulderZ + (f.HeadJoint.Z - f.ShoulderZ) * 0.35f };
        pos[Skeleton.Head] = f.HeadJoint + new Vector3(0, lift, 0);
        var offsets = new Vector3[Skeleton.JointCount];
        for (int j = 0; j < Skeleton.JointCount; j++)
            offsets[j] = Skeleton.Parents[j] < 0 ? pos[j] : pos[j] - pos[Skeleton.Parents[j]];
        float headTop = pos[Skeleton.Head].Y + build.Head * w * (build.Ears is EarShape.Long or EarShape.Big ? 0.9f : 0.55f);
        return new Skeleton(offsets, MathF.Max(headTop, sf + 0.5f * build.Depth * w));
    }
}
