using System.Numerics;
using C3V.Splats;
using Paint = C3V.Actors.SurfacePaint;
using Part = C3V.Actors.BodyPart;
using Sample = C3V.Actors.SurfaceSample;

namespace C3V.Actors;

/// <summary>Worn and held extras: glasses, scarf, backpack, cape, wings, and props held in a hand.</summary>
internal sealed partial class AvatarBuilder
{
    void AddExtras()
    {
        float k = _k;
        var ex = _spec.Extras;
        var col = _spec.ExtrasColor;
        var back = _p[Skeleton.Spine3];
        if (ex.HasFlag(AvatarExtras.Glasses))
        {
            bool goggles = _spec.Top == TopKind.SkiSuit;
            for (int side = -1; side <= 1; side += 2)
                FaceDisk(side * 0.032f * k, 0.012f * k, (goggles ? 0.026f : 0.019f) * k, (goggles ? 0.017f : 0.013f) * k,
                    goggles ? new Vector3(0.9f, 0.55f, 0.1f) : new Vector3(0.08f, 0.08f, 0.1f), 0.009f);
            FaceDisk(0, 0.015f * k, 0.012f * k, 0.0025f * k, new Vector3(0.1f, 0.1f, 0.1f), 0.01f);
        }
        if (ex.HasFlag(AvatarExtras.Scarf))
        {
            var scarf = Tube.Capsule(_p[Skeleton.Neck] + new Vector3(0, -0.01f, 0) * k, _p[Skeleton.Neck] + new Vector3(0, 0.04f, 0) * k, 0.075f * k, 0.07f * k, Vector3.UnitX);
            _parts.Add(new Part { Tube = scarf, Paint = (p, _, u, _) => ((int)(p.Y / (0.02f * k)) & 1) == 0 ? col : col * 0.7f, Bones = [Skeleton.Neck, Skeleton.Spine3], Solid = false });
        }
        if (ex.HasFlag(AvatarExtras.Backpack))
        {
            var c = new Vector3(0, back.Y - 0.04f * k, -0.105f * k * _spec.Girth * Puff - 0.065f * k);
            var pack = new Tube(c - new Vector3(0, 0.2f, 0) * k, c + new Vector3(0, 0.2f, 0) * k, Vector3.UnitX,
                u => new Vector2(0.15f, 0.07f) * k * MathF.Pow(MathF.Max(0, 1 - MathF.Pow(MathF.Abs(2 * u - 1), 6)), 1 / 6f)) { Exponent = 4 };
            _parts.Add(new Part { Tube = pack, Paint = (p, n, _, _) => n.Z < -0.7f && MathF.Abs(p.Y - c.Y + 0.05f * k) < 0.06f * k ? col * 0.7f : col, Bones = [Skeleton.Spine2, Skeleton.Spine3] });
        }
        if (ex.HasFlag(AvatarExtras.Cape))
        {
            float top = _p[Skeleton.LeftCollar].Y + 0.02f * k, bottom = _p[Skeleton.LeftKnee].Y - 0.05f * k;
            float z0 = -0.115f * k * _spec.Girth * Puff;
            var sheet = new Sheet(new Vector3(-0.19f * k, top, z0), new Vector3(0.38f * k, 0, 0), new Vector3(0, bottom - top, -0.12f * k),
                (a, b) => MathF.Abs(a - 0.5f) < 0.5f * (0.75f + 0.25f * b) + 0.001f,
                (a, b) => new Vector3((a - 0.5f) * 0.2f * k * b, 0, -0.04f * k * MathF.Sin(MathF.PI * a) * b - 0.01f * k * MathF.Sin(a * 30)));
            _parts.Add(new Part { Sheet = sheet, Paint = (_, _, a, b) => col * (0.85f + 0.15f * MathF.Cos(a * 25)), Bones = [Skeleton.Spine3, Skeleton.Neck, Skeleton.Spine2], Solid = false, Hideable = false, Spacing = 0.9f });
        }
        if (ex.HasFlag(AvatarExtras.Wings))
        {
            bool feathered = _spec.Kind != AvatarKind.Fairy;
            float size = (feathered ? 0.62f : 0.55f) * k;
            for (int side = -1; side <= 1; side += 2)
            {
                var root = new Vector3(side * 0.05f * k, back.Y + 0.05f * k, -0.13f * k * _spec.Girth);
                var u = Vector3.Normalize(new Vector3(side * 1f, 0.55f, -0.45f)) * size;
                var v = Vector3.Normalize(new Vector3(side * 0.25f, -1f, -0.3f)) * size * 0.85f;
                // Two lobes: a big upper wing and a smaller lower one (a butterfly/fairy outline), or one feathered wing.
                Func<float, float, bool> mask = feathered
                    ? (a, b) => b < 0.75f * (1 - a) + 0.25f && (a * a + b * b) < 1.05f
                    : (a, b) => (Sq((a - 0.55f) / 0.45f) + Sq((b - 0.2f) / 0.22f) < 1) || (Sq((a - 0.3f) / 0.3f) + Sq((b - 0.62f) / 0.3f) < 1);
                var sheet = new Sheet(root, u, v, mask, (a, b) => new Vector3(0, 0, -0.06f * k * a));
                _parts.Add(new Part
                {
                    Sheet = sheet, Bones = [Skeleton.Spine3], Solid = false, Hideable = false, Opacity = feathered ? 0.97f : 0.7f, Spacing = 1.2f,
                    Paint = feathered
                        ? (_, _, a, b) => col * (0.8f + 0.2f * MathF.Cos((a + b) * 40))
                        : (_, _, a, b) => Vector3.Lerp(col, new Vector3(1, 1, 1), 0.3f * MathF.Sin(a * 12) * MathF.Sin(b * 12)) * (Sq(a - 0.5f) + Sq(b - 0.4f) > 0.2f ? 0.8f : 1),
                });
            }
        }
        if (ex.HasFlag(AvatarExtras.Staff)) AddStaff();
    }

    static float Sq(float x) => x * x;

    /// <summary>
    /// A staff held upright in the right hand. It is authored where it belongs in the relaxed arms-down
    /// pose and mapped back through that pose's wrist transform, so every motion carries it upright-ish.
    /// </summary>
    void AddStaff()
    {
        float k = _k;
        var rig = new PoseRig(_s);
        rig.ArmsDown();
        var rot = new Quaternion[Skeleton.JointCount];
        var pos = new Vector3[Skeleton.JointCount];
        var pose = rig.ToPose();
        _s.ForwardKinematics(pose.Local, pose.Root, rot, pos);
        int w = Skeleton.RightWrist;
        var hand = pos[w] + Vector3.Transform(new Vector3(-0.07f * k, 0, 0), rot[w]) + new Vector3(0, 0, 0.035f * k);
        var heldToRest = Matrix4x4.CreateTranslation(-pos[w]) * Matrix4x4.CreateFromQuaternion(Quaternion.Inverse(rot[w])) * Matrix4x4.CreateTranslation(_p[w]);
        var wood = new Vector3(0.42f, 0.28f, 0.15f);
        var pole = Tube.Capsule(new Vector3(hand.X, 0.02f * k, hand.Z), new Vector3(hand.X, 1.05f * _s.Height, hand.Z), 0.016f * k, 0.02f * k, Vector3.UnitX);
        _parts.Add(new Part { Tube = pole, Paint = (p, _, u, _) => wood * (0.85f + 0.15f * MathF.Sin(p.Y * 90)), Bones = [w], Solid = false, HeldToRest = heldToRest });
        var orb = Tube.Ellipsoid(new Vector3(hand.X, 1.05f * _s.Height + 0.05f * k, hand.Z), new Vector3(0.045f) * k);
        _parts.Add(new Part { Tube = orb, Paint = (_, _, _, _) => new Vector3(0.55f, 0.85f, 1.0f), Bones = [w], Solid = false, HeldToRest = heldToRest, Gloss = 0.8f });
    }

}
