using System.Numerics;
using C3V.World;

namespace C3V.Actors;

/// <summary>A bird to build: its build (plumage recoloured by the words), standing height.</summary>
public sealed record BirdSpec(string Description, BirdBuild Build, float Height)
{
    /// <summary>The bird a description names ("a white dove", "a blue bird", "penguins", "a t-rex"), or null.</summary>
    public static BirdSpec? FromDescription(string description, int seed = 0)
    {
        var body = BodyCatalog.Find(description);
        if (body is null || body.Rig != BodyRig.Bird || !BirdBuilds.All.TryGetValue(body.Build, out var build)) return null;
        var attrs = AttributeExtractor.Extract(description.ToLowerInvariant());
        var colors = attrs.Colors.Select(c => c.Rgb).ToList();
        if (colors.Count > 0)
        {
            // The first colour is the plumage; a second one the wings (a "black and white" bird).
            var c0 = colors[0];
            var c1 = colors.Count > 1 ? colors[1] : c0 * 0.85f;
            build = build with { Body = c0, Belly = Vector3.Lerp(c0, Vector3.One, 0.25f), HeadColor = c0, Wing = c1, Tips = c1 * 0.7f };
        }
        float jitter = 1 + 0.05f * (float)(new Random(seed * 7919 + 5).NextDouble() * 2 - 1);
        return new BirdSpec(description, build, Math.Clamp(build.Height * body.Scale * attrs.SizeFactor * jitter, 0.03f, 12f));
    }
}

/// <summary>
/// Builds a rigged Gaussian bird (or two-legged dinosaur) from a <see cref="BirdSpec"/> on the
/// <see cref="BirdSkeleton"/>: an ovoid body, neck, round head with eyes and beak, legs with toes, wings as
/// feathered sheets along the wing bones (flippers for penguins, short arms for dinosaurs) and a tail fan.
/// </summary>
public static class BirdGenerator
{
    public static SkinnedCloud Generate(BirdSpec spec, int seed = 0) => new BirdBuilder(spec, seed).Build();
}

internal sealed class BirdBuilder
{
    readonly BirdBuild _b;
    readonly float _h;
    readonly Skeleton _s;
    readonly Vector3[] _p;
    readonly BirdSkeleton.Frame _f;
    readonly PartAssembler _asm;

    public BirdBuilder(BirdSpec spec, int seed)
    {
        _b = spec.Build;
        _h = BirdSkeleton.Unit(_b, spec.Height);
        _s = BirdSkeleton.Create(_b, spec.Height);
        _p = _s.RestPositions;
        _f = BirdSkeleton.Measure(_b, spec.Height);
        float size = MathF.Max(spec.Height, 0.5f * _b.Span * _h);
        float spacing = AvatarGenerator.BaseSpacing * Math.Clamp(size / 1.2f, 0.12f, 3f);
        _asm = new PartAssembler(_s, spacing, new Random(seed * 7919 + 31), SegmentEnd);
    }

    static readonly int[] BodyBones = [Skeleton.Pelvis, Skeleton.Spine1, Skeleton.Spine2, Skeleton.Spine3];

    BodyPart Add(Tube t, Vector3 colour, int[] bones, bool solid = true, float gloss = 0) =>
        _asm.Add(new BodyPart { Tube = t, Bones = bones, Solid = solid, Gloss = gloss, Paint = (_, _, _, _) => colour });

    public SkinnedCloud Build()
    {
        float h = _h, r = _f.BodyRadius;
        var d = _f.Axis;
        var back = Vector3.Normalize(Vector3.Cross(d, -Vector3.UnitX));
        bool dino = _b.Features.HasFlag(BirdFeatures.Teeth);
        // Body: an egg, wider at the breast; the belly colour on the underside (the front for upright birds).
        var body = new Tube(_f.BodyCentre - d * _f.BodyHalfLength, _f.BodyCentre + d * _f.BodyHalfLength, Vector3.UnitX,
            u => new Vector2(0.92f, 1f) * r * MathF.Sqrt(MathF.Max(0, 1 - Sq(2 * u - 1))) * (0.85f + 0.3f * u * (1 - u) * 2));
        _asm.Add(new BodyPart { Tube = body, Bones = BodyBones, Paint = (p, n, u, _) => Vector3.Dot(n, back) < -0.2f ? _b.Belly : _b.Body });
        // Neck and head.
        var neckA = _p[Skeleton.Spine3];
        float nr = _b.NeckThickness * h;
        Add(Tube.Capsule(neckA, _p[Skeleton.Head], MathF.Max(nr, 0.6f * r), nr, Vector3.UnitX), _b.Features.HasFlag(BirdFeatures.Flippers) ? _b.Body : _b.HeadColor, [Skeleton.Spine3, Skeleton.Neck, Skeleton.Head]);
        float hr = 0.5f * _b.Head * h;
        var hc = _p[Skeleton.Head] + new Vector3(0, 0.3f * hr, 0.2f * hr);
        var headR = dino ? new Vector3(hr * 0.8f, hr * 0.9f, hr * 1.4f) : new Vector3(hr);
        Add(Tube.Ellipsoid(hc, headR), _b.HeadColor, [Skeleton.Head]);
        var face = Vector3.Normalize(new Vector3(0, -0.15f, 1));
        float bl = _b.Beak * h, bd = bl * _b.BeakDepth * 0.5f;
        var b0 = hc + face * headR.Z * 0.8f;
        var beak = new Tube(b0, b0 + face * bl, Vector3.UnitX, u => new Vector2(bd * 0.9f, bd) * MathF.Max(0.05f, 1 - u) * MathF.Sqrt(MathF.Min(1, u / 0.05f + 0.2f)));
        _asm.Add(new BodyPart { Tube = beak, Bones = [Skeleton.Head], Solid = false, Paint = (p, n, u, _) => dino && n.Y < -0.2f && u < 0.9f && ((int)(u * 14) & 1) == 0 ? new Vector3(0.95f, 0.93f, 0.85f) : _b.BeakColor });
        for (int side = -1; side <= 1; side += 2)
        {
            var eye = hc + new Vector3(side * headR.X * 0.8f, headR.Y * 0.25f, headR.Z * 0.35f);
            Add(Tube.Ellipsoid(eye, new Vector3(0.2f * hr)), _b.Id == "owl" ? new Vector3(0.95f, 0.7f, 0.1f) : new Vector3(0.03f, 0.03f, 0.03f), [Skeleton.Head], solid: false, gloss: 0.6f);
            if (_b.Id == "owl") Add(Tube.Ellipsoid(eye + new Vector3(side * 0.04f, 0, 0.05f) * hr, new Vector3(0.1f * hr)), new Vector3(0.02f), [Skeleton.Head], solid: false);
            AddLeg(side);
            AddWing(side);
        }
        if (_b.Features.HasFlag(BirdFeatures.Comb))
            Add(Tube.Ellipsoid(hc + new Vector3(0, headR.Y * 0.95f, 0.1f * hr), new Vector3(0.15f, 0.45f, 0.6f) * hr), new Vector3(0.85f, 0.1f, 0.1f), [Skeleton.Head], solid: false);
        if (_b.Features.HasFlag(BirdFeatures.Crest))
            for (int side = -1; side <= 1; side += 2)
                Add(new Tube(hc + new Vector3(side * 0.5f, 0.75f, 0) * hr, hc + new Vector3(side * 0.65f, 1.35f, -0.1f) * hr, Vector3.UnitZ, u => new Vector2(0.18f, 0.08f) * hr * (1 - u)), _b.HeadColor * 0.8f, [Skeleton.Head], solid: false);
        AddTail(dino);
        return _asm.Assemble();
    }

    void AddLeg(int side)
    {
        bool left = side > 0;
        int hip = left ? Skeleton.LeftHip : Skeleton.RightHip, knee = left ? Skeleton.LeftKnee : Skeleton.RightKnee;
        int ankle = left ? Skeleton.LeftAnkle : Skeleton.RightAnkle, foot = left ? Skeleton.LeftFoot : Skeleton.RightFoot;
        bool dino = _b.Features.HasFlag(BirdFeatures.Teeth);
        float r = _f.BodyRadius, leg = MathF.Max(0.012f * _h, (dino ? 0.25f : 0.06f) * _p[hip].Y);
        // Thigh and drumstick feathered (body colour), the tarsus and toes bare.
        Add(Tube.Capsule(_p[hip] + new Vector3(0, 0.2f * r, 0), _p[knee], dino ? 2.2f * leg : 0.45f * r, dino ? 1.3f * leg : 0.3f * r, Vector3.UnitZ), dino ? _b.Body : _b.Belly, [Skeleton.Pelvis, hip, knee]);
        Add(Tube.Capsule(_p[knee], _p[ankle], dino ? 1.2f * leg : MathF.Max(leg * 1.3f, 0.2f * r), leg, Vector3.UnitZ), dino ? _b.Body : _b.LegColor, [hip, knee, ankle]);
        Add(Tube.Capsule(_p[ankle], _p[foot], leg * 0.9f, leg * 0.8f, Vector3.UnitZ), _b.LegColor, [knee, ankle, foot]);
        float toe = MathF.Max(0.04f * _h, 0.5f * _p[hip].Y * 0.35f) * (dino ? 0.8f : 1);
        foreach (var dir in new[] { new Vector3(0, 0, 1), new Vector3(0.45f, 0, 0.9f), new Vector3(-0.45f, 0, 0.9f), new Vector3(0, 0, -0.6f) })
        {
            var a = _p[foot] with { Y = leg * 0.6f };
            Add(Tube.Capsule(a, a + Vector3.Normalize(dir) * toe * dir.Length(), leg * 0.6f, leg * 0.4f, Vector3.UnitY), _b.LegColor, [foot], solid: false);
        }
        if (_b.Id is "duck" or "goose" or "swan")
        {
            var a = _p[foot] with { Y = leg * 0.3f };
            var web = new Sheet(a + new Vector3(-0.4f, 0, 0) * toe, new Vector3(0.8f * toe, 0, 0), new Vector3(0, 0, 0.9f * toe), (u, v) => MathF.Abs(u - 0.5f) < 0.5f * v + 0.05f);
            _asm.Add(new BodyPart { Sheet = web, Bones = [foot], Solid = false, Paint = (_, _, _, _) => _b.LegColor });
        }
    }

    void AddWing(int side)
    {
        bool left = side > 0;
        int collar = left ? Skeleton.LeftCollar : Skeleton.RightCollar, sh = left ? Skeleton.LeftShoulder : Skeleton.RightShoulder;
        int el = left ? Skeleton.LeftElbow : Skeleton.RightElbow, wr = left ? Skeleton.LeftWrist : Skeleton.RightWrist;
        var tip = BirdSkeleton.WingTip(_s, side);
        float r = _f.BodyRadius;
        if (_b.Features.HasFlag(BirdFeatures.Arms))
        {
            // A dinosaur's short arms, hanging forward from the chest.
            var a = _p[collar] - new Vector3(side * 0.3f * r, 0.5f * r, -0.3f * r);
            Add(Tube.Capsule(a, a + new Vector3(0, -0.6f, 0.5f) * r, 0.16f * r, 0.1f * r, Vector3.UnitX), _b.Body, [Skeleton.Spine3], solid: false);
            return;
        }
        if (_b.Features.HasFlag(BirdFeatures.Flippers))
        {
            var flipper = new Tube(_p[sh], tip, Vector3.UnitZ, u => new Vector2(0.35f * r * (1 - 0.6f * u) * MathF.Sqrt(MathF.Min(1, (1 - u) / 0.15f)), 0.05f * r));
            _asm.Add(new BodyPart { Tube = flipper, Bones = [collar, sh, el, wr], Solid = false, Paint = (_, n, _, _) => n.Y < -0.3f ? _b.Belly : _b.Wing });
            return;
        }
        // Feathered wing: a sheet spanning the bones, the chord tapering to a rounded tip; coverts in the wing
        // colour, the flight feathers' trailing edge and the hand's primaries in the tip colour.
        float span = MathF.Abs(tip.X - _p[collar].X), chord = MathF.Max(0.42f * span, 1.3f * r);
        var origin = _p[collar] + new Vector3(0, 0, 0.25f * r);
        var sheet = new Sheet(origin, tip - _p[collar], new Vector3(0, 0, -chord),
            (a, b) => b < (1 - 0.5f * a) * MathF.Sqrt(MathF.Max(0, 1 - MathF.Pow(a, 6))) + 0.02f,
            (a, b) => new Vector3(0, 0.08f * chord * MathF.Sin(MathF.PI * b) * (1 - a), 0));
        _asm.Add(new BodyPart
        {
            Sheet = sheet, Bones = [collar, sh, el, wr], Solid = false, Hideable = false,
            Paint = (p, _, a, b) => a > 0.62f || b > 0.7f * (1 - 0.5f * a) ? _b.Tips * (0.9f + 0.1f * MathF.Cos(a * 60)) : _b.Wing * (0.9f + 0.1f * MathF.Cos(b * 40)),
        });
    }

    void AddTail(bool dino)
    {
        var d = _f.Axis;
        var rump = _f.Rump + d * 0.2f * _f.BodyRadius;
        float len = _b.TailLength * _h;
        if (dino)
        {
            var end = rump - new Vector3(0, 0.25f, 1) * len;
            Add(new Tube(rump + d * _f.BodyRadius, end, Vector3.UnitX, u => new Vector2(0.75f, 0.9f) * _f.BodyRadius * MathF.Max(0.05f, 1 - u)), _b.Body, [Skeleton.Pelvis]);
            return;
        }
        var back = -Vector3.Normalize(new Vector3(0, d.Y * 0.3f - 0.15f, d.Z + 0.3f));
        float width = _b.Features.HasFlag(BirdFeatures.LongTail) ? 0.4f * len : 0.7f * len;
        var fan = new Sheet(rump - new Vector3(width * 0.25f, 0, 0), new Vector3(width * 0.5f, 0, 0), back * len,
            (a, b) => MathF.Abs(a - 0.5f) < 0.25f + 0.35f * b, (a, b) => new Vector3((a - 0.5f) * width * b, 0, 0));
        bool eyes = _b.Features.HasFlag(BirdFeatures.Eyespots);
        _asm.Add(new BodyPart
        {
            Sheet = fan, Bones = [Skeleton.Pelvis], Solid = false, Hideable = false,
            Paint = (_, _, a, b) => eyes && ((int)(b * 6) & 1) == 1 && MathF.Abs((a * 7 % 1) - 0.5f) < 0.2f ? new Vector3(0.1f, 0.6f, 0.5f) : _b.Tips * 0.9f + _b.Body * 0.1f,
        });
    }

    Vector3 SegmentEnd(int j) => j switch
    {
        Skeleton.Pelvis => _p[Skeleton.Spine1],
        Skeleton.Spine3 => _p[Skeleton.Neck],
        Skeleton.Head => _p[Skeleton.Head] + new Vector3(0, 0, _b.Head + _b.Beak) * _h,
        Skeleton.LeftWrist => BirdSkeleton.WingTip(_s, +1),
        Skeleton.RightWrist => BirdSkeleton.WingTip(_s, -1),
        Skeleton.LeftFoot or Skeleton.RightFoot => _p[j] + new Vector3(0, 0, 0.05f * _h),
        Skeleton.LeftCollar => _p[Skeleton.LeftShoulder],
        Skeleton.RightCollar => _p[Skeleton.RightShoulder],
        _ => _p[Array.IndexOf(Skeleton.Parents, j)],
    };

    static float Sq(float x) => x * x;
}
