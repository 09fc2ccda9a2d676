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
            k = _hk;
            for (int side = -1; side <= 1; side += 2)
                FaceDisk(side * 0.032f * k, 0.012f * k, (goggles ? 0.026f : 0.019f) * k, (goggles ? 0.017f : 0.013f) * k,
                    goggles ? new Vector3(0.9f, 0.55f, 0.1f) : new Vector3(0.08f, 0.08f, 0.1f), 0.009f, tag: "glasses");
            FaceDisk(0, 0.015f * k, 0.012f * k, 0.0025f * k, new Vector3(0.1f, 0.1f, 0.1f), 0.01f, tag: "glasses");
            k = _k;
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
            _parts.Add(new Part { Tube = pack, Paint = (p, n, _, _) => n.Z < -0.7f && MathF.Abs(p.Y - c.Y + 0.05f * k) < 0.06f * k ? col * 0.7f : col, Bones = [Skeleton.Spine2, Skeleton.Spine3], Tag = "backpack" });
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
        AddHeldProps();
    }

    static float Sq(float x) => x * x;

    /// <summary>
    /// Where a hand holds things in the relaxed arms-down pose, and the map from that pose back to the rest pose of the
    /// hand's wrist: a prop authored upright beside the standing figure is skinned rigidly to the wrist, so every
    /// motion carries it as the hand moves.
    /// </summary>
    (Vector3 Grip, Matrix4x4 HeldToRest, int Wrist) Hand(int side)
    {
        var rig = new PoseRig(_s);
        rig.ArmsDown();
        var rot = new Quaternion[Skeleton.JointCount];
        var pos = new Vector3[Skeleton.JointCount];
        var pose = rig.ToPose();
        _s.ForwardKinematics(pose.Local, pose.Root, rot, pos);
        int w = side > 0 ? Skeleton.LeftWrist : Skeleton.RightWrist;
        var grip = pos[w] + Vector3.Transform(new Vector3(side * 0.07f * _k, 0, 0), rot[w]) + new Vector3(0, 0, 0.035f * _k);
        var heldToRest = Matrix4x4.CreateTranslation(-pos[w]) * Matrix4x4.CreateFromQuaternion(Quaternion.Inverse(rot[w])) * Matrix4x4.CreateTranslation(_p[w]);
        return (grip, heldToRest, w);
    }

    void Held(int side, Tube tube, Paint paint, string tag, float gloss = 0)
    {
        var (_, m, w) = Hand(side);
        _parts.Add(new Part { Tube = tube, Paint = paint, Bones = [w], Solid = false, HeldToRest = m, Gloss = gloss, Tag = tag });
    }

    static readonly Vector3 Wood = new(0.42f, 0.28f, 0.15f), Steel = new(0.78f, 0.8f, 0.84f), Leather = new(0.3f, 0.18f, 0.1f);

    void AddHeldProps()
    {
        var props = _spec.Props;
        if (_spec.Extras.HasFlag(AvatarExtras.Staff)) AddStaff();
        if (props.HasFlag(HeldProp.Cane)) AddCane();
        if (props.HasFlag(HeldProp.Umbrella)) AddUmbrella();
        if (props.HasFlag(HeldProp.Sword)) AddSword();
        if (props.HasFlag(HeldProp.Shield)) AddShield();
        if (props.HasFlag(HeldProp.Bag)) AddBag();
        if (props.HasFlag(HeldProp.Guitar)) AddGuitar();
    }

    /// <summary>A staff held upright in the right hand, from the ground to above the head, with a glowing orb.</summary>
    void AddStaff()
    {
        float k = _k;
        var (hand, _, _) = Hand(-1);
        var pole = Tube.Capsule(new Vector3(hand.X, 0.02f * k, hand.Z), new Vector3(hand.X, 1.05f * _s.Height, hand.Z), 0.016f * k, 0.02f * k, Vector3.UnitX);
        Held(-1, pole, (p, _, u, _) => Wood * (0.85f + 0.15f * MathF.Sin(p.Y * 90)), "staff");
        var orb = Tube.Ellipsoid(new Vector3(hand.X, 1.05f * _s.Height + 0.05f * k, hand.Z), new Vector3(0.045f) * k);
        Held(-1, orb, (_, _, _, _) => new Vector3(0.55f, 0.85f, 1.0f), "staff", 0.8f);
    }

    /// <summary>A walking cane in the right hand: a crook handle in the palm, the shaft down to the ground a little ahead.</summary>
    void AddCane()
    {
        float k = _k;
        var (hand, _, _) = Hand(-1);
        var col = _spec.PropColor ?? new Vector3(0.28f, 0.17f, 0.09f);
        var shaft = Tube.Capsule(hand + new Vector3(0, 0.02f * k, 0), new Vector3(hand.X, 0.01f * k, hand.Z + 0.1f * k), 0.012f * k, 0.01f * k, Vector3.UnitX);
        Held(-1, shaft, (p, _, _, _) => col * (0.9f + 0.1f * MathF.Sin(p.Y * 70)), "cane", 0.3f);
        var crook = Tube.Capsule(hand + new Vector3(0, 0.02f * k, 0), hand + new Vector3(0, 0.03f, -0.1f) * k, 0.013f * k, 0.012f * k, Vector3.UnitX);
        Held(-1, crook, (_, _, _, _) => col, "cane", 0.3f);
    }

    /// <summary>An open umbrella held up in the right hand: a shaft to above the head and a ribbed dome canopy.</summary>
    void AddUmbrella()
    {
        float k = _k;
        var (hand, _, _) = Hand(-1);
        var col = _spec.PropColor ?? new Vector3(0.08f, 0.08f, 0.1f);
        float topY = _s.Height + 0.32f * k;
        var axis = new Vector3(hand.X * 0.5f, 0, hand.Z);
        Held(-1, Tube.Capsule(hand - new Vector3(0, 0.06f * k, 0), axis with { Y = topY }, 0.01f * k, 0.008f * k, Vector3.UnitX), (_, _, _, _) => new Vector3(0.25f, 0.25f, 0.27f), "umbrella", 0.4f);
        var c = axis with { Y = topY - 0.2f * k };
        var canopy = Tube.Ellipsoid(c, new Vector3(0.52f, 0.24f, 0.52f) * k);
        _parts.Add(new Part
        {
            Tube = canopy, Bones = [Hand(-1).Wrist], Solid = false, Hideable = false, HeldToRest = Hand(-1).HeldToRest, Tag = "umbrella", Gloss = 0.2f,
            // Eight panels; the ribs between them are darker, and the rim is scalloped between the rib tips.
            Paint = (p, _, _, _) => { float a = MathF.Atan2(p.X - c.X, p.Z - c.Z) * 4 / MathF.PI; return MathF.Abs(a - MathF.Round(a)) < 0.04f ? col * 0.6f : col; },
            Keep = (p, _) => { float a = MathF.Atan2(p.X - c.X, p.Z - c.Z) * 4 / MathF.PI; return p.Y > c.Y + 0.03f * k * (1 - MathF.Abs(MathF.Sin(a * MathF.PI))); },
        });
    }

    /// <summary>A sword in the right hand, pointing forward and down: grip, crossguard and a polished blade.</summary>
    void AddSword()
    {
        float k = _k;
        var (hand, _, _) = Hand(-1);
        var d = Vector3.Normalize(new Vector3(0, -0.45f, 1));
        bool katana = _spec.Description.Contains("katana", StringComparison.OrdinalIgnoreCase) || _spec.Description.Contains("samurai", StringComparison.OrdinalIgnoreCase);
        float gripLen = (katana ? 0.22f : 0.12f) * k;
        Held(-1, Tube.Capsule(hand - d * gripLen * 0.5f, hand + d * gripLen * 0.5f, 0.016f * k, 0.016f * k, Vector3.UnitX), (_, _, u, _) => katana && (int)(u * 12) % 2 == 0 ? new Vector3(0.9f, 0.88f, 0.8f) : Leather, "sword");
        var guard = hand + d * gripLen * 0.55f;
        Held(-1, katana ? Tube.Ellipsoid(guard, new Vector3(0.04f, 0.04f, 0.008f) * k, d) : Tube.Capsule(guard - new Vector3(0.1f * k, 0, 0), guard + new Vector3(0.1f * k, 0, 0), 0.014f * k, 0.014f * k, Vector3.UnitY),
            (_, _, _, _) => new Vector3(0.75f, 0.6f, 0.2f), "sword", 0.7f);
        var tip = guard + d * (katana ? 0.7f : 0.78f) * k;
        var blade = new Tube(guard, tip, Vector3.UnitX, u => new Vector2(0.024f * k * (u > 0.85f ? (1 - u) / 0.15f : 1) + 0.001f * k, 0.005f * k));
        Held(-1, blade, (p, n, _, _) => Metal(Steel, n) * (MathF.Abs(Vector3.Dot(p - guard, Vector3.UnitX)) < 0.003f * k ? 0.8f : 1), "sword", 0.9f);
    }

    /// <summary>A round shield on the left forearm, held in front of the body's left side.</summary>
    void AddShield()
    {
        float k = _k;
        var (hand, _, _) = Hand(1);
        var col = _spec.PropColor ?? new Vector3(0.6f, 0.08f, 0.08f);
        var c = hand + new Vector3(-0.04f, 0.16f, 0.12f) * k;
        var disc = Tube.Ellipsoid(c, new Vector3(0.27f, 0.27f, 0.035f) * k, Vector3.UnitY, Vector3.UnitX);
        var gold = new Vector3(0.85f, 0.68f, 0.2f);
        Held(1, disc, (p, n, _, _) =>
        {
            var q = (p - c) / k;
            float r = MathF.Sqrt(q.X * q.X + q.Y * q.Y);
            if (r > 0.24f || r < 0.035f) return Metal(gold, n);                 // rim and boss
            return MathF.Abs(q.X) < 0.025f || MathF.Abs(q.Y - 0.03f) < 0.025f ? gold : col;  // a cross on the field
        }, "shield", 0.5f);
    }

    /// <summary>A bag carried in the left hand: a handbag (or a larger, darker briefcase) hanging below the hand by its handle.</summary>
    void AddBag()
    {
        float k = _k;
        var (hand, _, _) = Hand(1);
        bool briefcase = _spec.Description.Contains("briefcase", StringComparison.OrdinalIgnoreCase) || _spec.Description.Contains("suitcase", StringComparison.OrdinalIgnoreCase);
        var col = _spec.PropColor ?? (briefcase ? new Vector3(0.16f, 0.1f, 0.06f) : new Vector3(0.55f, 0.2f, 0.15f));
        var size = (briefcase ? new Vector3(0.1f, 0.3f, 0.42f) : new Vector3(0.1f, 0.22f, 0.28f)) * k;
        var c = hand - new Vector3(0, 0.06f * k + size.Y / 2, 0);
        Held(1, Props.Box(c, size), (p, n, _, _) => MathF.Abs(p.Y - (c.Y + size.Y * 0.3f)) < 0.006f * k ? col * 0.6f : col, "bag", 0.2f);
        Held(1, Tube.Capsule(hand + new Vector3(0, 0.01f, -0.06f) * k, hand + new Vector3(0, 0.01f, 0.06f) * k, 0.01f * k, 0.01f * k, Vector3.UnitY), (_, _, _, _) => col * 0.7f, "bag");
    }

    /// <summary>A guitar worn on a strap across the front: body at the belly to the right, neck rising to the left shoulder.</summary>
    void AddGuitar()
    {
        float k = _k, g = _spec.Girth * Puff;
        var col = _spec.PropColor ?? new Vector3(0.78f, 0.46f, 0.18f);
        float front = 0.12f * g * k + 0.05f * k;
        var lower = new Vector3(-0.05f * k, _p[Skeleton.Pelvis].Y + 0.04f * k, front);
        var up = Vector3.Normalize(new Vector3(0.88f, 0.42f, 0));
        var upper = lower + up * 0.2f * k;
        int[] bones = [Skeleton.Spine1, Skeleton.Spine2];
        var hole = lower + up * 0.12f * k;
        Paint body = (p, n, _, _) => n.Z > 0.5f && Vector2.Distance(new(p.X, p.Y), new(hole.X, hole.Y)) < 0.04f * k ? new Vector3(0.08f, 0.05f, 0.03f) : col;
        _parts.Add(new Part { Tube = Tube.Ellipsoid(lower, new Vector3(0.19f, 0.17f, 0.05f) * k, up, Vector3.Cross(up, Vector3.UnitZ)), Paint = body, Bones = bones, Solid = false, Tag = "guitar", Gloss = 0.4f });
        _parts.Add(new Part { Tube = Tube.Ellipsoid(upper, new Vector3(0.14f, 0.12f, 0.048f) * k, up, Vector3.Cross(up, Vector3.UnitZ)), Paint = body, Bones = bones, Solid = false, Tag = "guitar", Gloss = 0.4f });
        var neckEnd = upper + up * 0.42f * k;
        _parts.Add(new Part { Tube = Tube.Capsule(upper, neckEnd, 0.024f * k, 0.022f * k, Vector3.UnitZ, 0.6f), Paint = (_, _, _, _) => new Vector3(0.2f, 0.12f, 0.07f), Bones = bones, Solid = false, Tag = "guitar" });
        _parts.Add(new Part { Tube = Tube.Ellipsoid(neckEnd + up * 0.05f * k, new Vector3(0.035f, 0.06f, 0.02f) * k, up), Paint = (_, _, _, _) => new Vector3(0.15f, 0.09f, 0.05f), Bones = bones, Solid = false, Tag = "guitar" });
    }
}
