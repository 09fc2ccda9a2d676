using System.Numerics;

namespace C3V.Actors;

/// <summary>A generated, rigged Gaussian animal.</summary>
public sealed record Quadruped(QuadrupedSpec Spec, SkinnedCloud Cloud);

/// <summary>
/// Builds a rigged Gaussian four-legged animal from a <see cref="QuadrupedSpec"/>: body, neck, head, legs, tail
/// and species features (mane, horns, antlers, udder, wool, hump, trunk, wings) as closed surfaces on the
/// <see cref="QuadrupedSkeleton"/>'s rest pose, painted with the coat colours and pattern, and skinned like the
/// humanoid avatars (<see cref="PartAssembler"/>).
/// </summary>
public static class QuadrupedGenerator
{
    public static Quadruped Generate(QuadrupedSpec spec, int seed = 0) => new(spec, new QuadrupedBuilder(spec, seed).Build());

    /// <summary>The animal a description names, or null when it names none.</summary>
    public static Quadruped? Generate(string description, int seed = 0) =>
        QuadrupedSpec.FromDescription(description, seed) is { } spec ? Generate(spec, seed) : null;
}

internal sealed class QuadrupedBuilder
{
    readonly QuadrupedSpec _spec;
    readonly QuadrupedBuild _b;
    readonly Skeleton _s;
    readonly Vector3[] _p;
    readonly float _w;      // withers height: the unit of every proportion
    readonly PartAssembler _asm;
    readonly QuadrupedSkeleton.Frame _f;
    readonly CoatPainter _coat;
    Vector3 _skull, _skullR, _muzzleTip;

    public QuadrupedBuilder(QuadrupedSpec spec, int seed)
    {
        _spec = spec;
        _b = spec.Build;
        _w = spec.Withers;
        _s = QuadrupedSkeleton.Create(_b, _w);
        _p = _s.RestPositions;
        _f = QuadrupedSkeleton.Measure(_b, _w);
        float size = _w * (1 + _b.Body) / 1.6f;
        float spacing = AvatarGenerator.BaseSpacing * Math.Clamp(size / 0.9f, 0.25f, 2.2f);
        _asm = new PartAssembler(_s, spacing, new Random(seed * 7919 + 29), SegmentEnd);
        _coat = new CoatPainter(_b, _w, seed);
    }

    static readonly int[] TorsoBones = [Skeleton.Pelvis, Skeleton.Spine1, Skeleton.Spine2, Skeleton.Spine3, Skeleton.LeftHip, Skeleton.RightHip, Skeleton.LeftCollar, Skeleton.RightCollar];

    public SkinnedCloud Build()
    {
        AddBody();
        AddNeckAndHead();
        for (int side = -1; side <= 1; side += 2) { AddHindLeg(side); AddForeLeg(side); }
        AddTail();
        AddFeatures();
        return _asm.Assemble();
    }

    float Fur(Vector3 p) => _b.Fur * 0.012f * _w * CoatPainter.Noise(p / (0.05f * _w));

    void Add(Tube tube, CoatRegion region, int[] bones, bool solid = true, float relief = 1) =>
        _asm.Add(new BodyPart
        {
            Tube = tube, Bones = bones, Solid = solid, Paint = (p, n, _, _) => _coat.Paint(p, n, region, this),
            Relief = relief > 0 && _b.Fur > 0 ? p => Fur(p) * relief : null,
        });

    /// <summary>Where a point lies for the coat's regions (how low on a leg, how far along the muzzle).</summary>
    internal float LegLowness(Vector3 p) => 1 - Math.Clamp(p.Y / (0.55f * _f.SpineY), 0, 1);
    internal Vector3 Skull => _skull;
    internal Vector3 SkullRadius => _skullR;
    internal Vector3 MuzzleTip => _muzzleTip;
    internal QuadrupedSkeleton.Frame Frame => _f;

    void AddBody()
    {
        float w = _w, depth = 0.5f * _b.Depth * w, width = depth * _b.Width;
        var rear = _p[Skeleton.Pelvis] + new Vector3(0, 0, -0.2f * w);
        var front = _p[Skeleton.Spine3] + new Vector3(0, -0.02f * w, 0.2f * w);
        bool wool = _b.Features.HasFlag(QuadrupedFeatures.Wool);
        float puff = wool ? 1.18f : 1;
        var torso = new Tube(rear, front, Vector3.UnitX, u =>
        {
            // Rounded rump, a tucked waist (less for heavy builds), a deep chest, a rounded breast.
            float ends = MathF.Sqrt(MathF.Min(1, u / 0.16f)) * MathF.Sqrt(MathF.Min(1, (1 - u) / 0.14f));
            float waist = 1 - (0.08f - 0.15f * MathF.Max(0, _b.Depth - 0.45f)) * MathF.Exp(-Sq((u - 0.42f) / 0.16f));
            return new Vector2(width * (0.92f + 0.08f * u) * waist, depth * 0.9f * waist) * ends * puff;
        });
        // The deep chest and the belly under the back line (the tube alone would dip the back as much as the belly).
        var chestC = _p[Skeleton.Spine3] + new Vector3(0, -0.32f * depth, -0.08f * w);
        Add(Tube.Ellipsoid(chestC, new Vector3(width * 0.92f, depth * 0.78f, 0.3f * w * _b.Body) * puff), CoatRegion.Body, TorsoBones);
        _asm.Add(new BodyPart
        {
            Tube = torso, Bones = TorsoBones, Paint = (p, n, _, _) => _coat.Paint(p, n, CoatRegion.Body, this),
            Relief = wool ? p => 0.035f * w * CoatPainter.Noise(p / (0.035f * w)) : _b.Fur > 0 ? Fur : null,
        });
        if (_b.Features.HasFlag(QuadrupedFeatures.Hump))
            Add(Tube.Ellipsoid(_p[Skeleton.Spine2] + new Vector3(0, depth * 0.9f, 0), new Vector3(width * 0.7f, 0.22f * w, 0.28f * w)), CoatRegion.Body, [Skeleton.Spine1, Skeleton.Spine2]);
        if (_b.Features.HasFlag(QuadrupedFeatures.Udder))
            _asm.Add(new BodyPart
            {
                Tube = Tube.Ellipsoid(_p[Skeleton.Pelvis] + new Vector3(0, -depth * 0.95f, 0.18f * w), new Vector3(0.09f, 0.07f, 0.1f) * w),
                Bones = [Skeleton.Pelvis, Skeleton.Spine1], Paint = (_, _, _, _) => new Vector3(0.92f, 0.68f, 0.66f),
            });
    }

    void AddNeckAndHead()
    {
        float w = _w, r = _b.NeckThickness * w;
        var neckA = _p[Skeleton.Spine3] + new Vector3(0, 0.02f * w, -0.06f * w);
        var head = _p[Skeleton.Head];
        Add(Tube.Capsule(neckA, head, r, r * 0.75f, Vector3.UnitX), CoatRegion.Neck, [Skeleton.Spine3, Skeleton.Neck, Skeleton.Head]);
        if (_b.Features.HasFlag(QuadrupedFeatures.Wool))
            Add(Tube.Capsule(neckA, Vector3.Lerp(neckA, head, 0.7f), r * 1.25f, r, Vector3.UnitX), CoatRegion.Body, [Skeleton.Spine3, Skeleton.Neck], relief: 3);

        float hl = _b.Head * w;
        var face = FaceDirection;
        var up = Vector3.Normalize(Vector3.Cross(face, Vector3.UnitX));
        _skull = head + up * 0.12f * hl + face * 0.25f * hl;
        _skullR = new Vector3(0.42f, 0.42f, 0.5f) * hl;
        Add(Tube.Ellipsoid(_skull, _skullR, up), CoatRegion.Head, [Skeleton.Head]);
        // Muzzle: along the face direction from the front of the skull, tapering to the nose.
        float ml = _b.Muzzle * hl;
        var dir = face;
        var m0 = _skull - up * 0.12f * hl + face * 0.2f * hl;
        _muzzleTip = m0 + dir * (ml + 0.15f * hl);
        float mr0 = 0.3f * hl * MathF.Min(1.2f, 0.7f + 0.5f * _b.Muzzle), mr1 = mr0 * (_b.Muzzle > 0.9f ? 0.72f : 0.85f);
        Add(Tube.Capsule(m0, _muzzleTip - dir * mr1, mr0, mr1, Vector3.UnitX), CoatRegion.Muzzle, [Skeleton.Head]);
        var noseC = _muzzleTip - dir * mr1 * 0.55f + new Vector3(0, mr1 * 0.35f, 0);
        var noseColor = _b.Id is "pig" ? new Vector3(0.85f, 0.5f, 0.5f) : _b.Hooves ? new Vector3(0.2f, 0.17f, 0.16f) : new Vector3(0.06f, 0.05f, 0.05f);
        _asm.Add(new BodyPart { Tube = Tube.Ellipsoid(noseC, new Vector3(mr1 * 0.65f, mr1 * 0.45f, mr1 * 0.5f)), Bones = [Skeleton.Head], Paint = (_, _, _, _) => noseColor, Gloss = 0.3f, Solid = false });
        // Eyes: dark glossy beads on the front-sides of the skull.
        for (int side = -1; side <= 1; side += 2)
        {
            var e = _skull + new Vector3(side * _skullR.X * 0.72f, _skullR.Y * 0.25f, _skullR.Z * 0.62f);
            _asm.Add(new BodyPart { Tube = Tube.Ellipsoid(e, new Vector3(0.085f * hl)), Bones = [Skeleton.Head], Paint = (_, _, _, _) => new Vector3(0.04f, 0.03f, 0.02f), Gloss = 0.6f, Solid = false, Hideable = false });
            AddEar(side, hl);
        }
        if (_b.Features.HasFlag(QuadrupedFeatures.Mane)) AddMane();
        if (_b.Features.HasFlag(QuadrupedFeatures.Horns)) AddHorns(hl);
        if (_b.Features.HasFlag(QuadrupedFeatures.Antlers)) AddAntlers(hl);
        if (_b.Features.HasFlag(QuadrupedFeatures.Trunk)) AddTrunk(dir, mr1);
        if (_b.Features.HasFlag(QuadrupedFeatures.Tusks))
            for (int side = -1; side <= 1; side += 2)
            {
                var a = m0 + new Vector3(side * mr0 * 0.8f, -mr0 * 0.6f, 0.1f * hl);
                var tip = a + new Vector3(side * 0.05f, -0.25f, 0.5f) * hl * (_b.Id == "elephant" ? 1.6f : 0.5f);
                _asm.Add(new BodyPart { Tube = Tube.Capsule(a, tip, 0.06f * hl * (_b.Id == "elephant" ? 1 : 0.5f), 0.02f * hl, Vector3.UnitX), Bones = [Skeleton.Head], Paint = (_, _, _, _) => new Vector3(0.95f, 0.92f, 0.82f), Solid = false });
            }
    }

    void AddEar(int side, float hl)
    {
        var baseP = _skull + new Vector3(side * _skullR.X * 0.6f, _skullR.Y * 0.75f, -_skullR.Z * 0.2f);
        Tube ear = _b.Ears switch
        {
            EarShape.Pointed => new Tube(baseP, baseP + new Vector3(side * 0.12f, 0.5f, 0.02f) * hl, Vector3.UnitZ, u => new Vector2(0.17f, 0.06f) * hl * (1 - u)),
            EarShape.Big => new Tube(baseP, baseP + new Vector3(side * 0.25f, 0.65f, 0.0f) * hl, Vector3.UnitZ, u => new Vector2(0.24f, 0.05f) * hl * MathF.Pow(1 - u, 0.8f)),
            EarShape.Long => new Tube(baseP, baseP + new Vector3(side * 0.12f, 1.2f, -0.1f) * hl, Vector3.UnitZ, u => new Vector2(0.16f, 0.05f) * hl * MathF.Sqrt(MathF.Max(0, u * (1 - u)) * 4 + 0.05f)),
            EarShape.Floppy => new Tube(baseP + new Vector3(side * 0.05f, 0, 0) * hl, baseP + new Vector3(side * 0.2f, -0.65f, 0.05f) * hl, Vector3.UnitZ, u => new Vector2(0.2f, 0.06f) * hl * MathF.Sqrt(MathF.Max(0.02f, 1 - Sq(2 * u - 1)))),
            EarShape.Round => Tube.Ellipsoid(baseP + new Vector3(0, 0.08f, 0) * hl, new Vector3(0.15f, 0.14f, 0.07f) * hl),
            _ => Tube.Ellipsoid(baseP + new Vector3(side * 0.05f, 0.12f, 0) * hl, new Vector3(0.09f, 0.16f, 0.05f) * hl),
        };
        if (_b.Id == "elephant")
            ear = new Tube(baseP + new Vector3(side * 0.05f, 0.1f, -0.1f) * hl, baseP + new Vector3(side * 0.25f, -1.3f, -0.35f) * hl, Vector3.UnitZ,
                u => new Vector2(0.8f, 0.05f) * hl * MathF.Sqrt(MathF.Max(0.02f, 1 - Sq(2 * u - 1))));
        Add(ear, CoatRegion.Ear, [Skeleton.Head], solid: false, relief: 0);
    }

    void AddMane()
    {
        float w = _w;
        if (_b.Id == "lion")
        {
            // A big ruff round the head and neck, darker than the coat.
            var c = Vector3.Lerp(_p[Skeleton.Neck], _skull, 0.55f) + new Vector3(0, 0.02f * w, -0.05f * w);
            var ruff = Tube.Ellipsoid(c, new Vector3(0.32f, 0.36f, 0.3f) * w * 0.8f, Vector3.Normalize(_skull - _p[Skeleton.Spine3]));
            _asm.Add(new BodyPart { Tube = ruff, Bones = [Skeleton.Neck, Skeleton.Head, Skeleton.Spine3], Paint = (p, _, _, _) => _b.Marking * (0.85f + 0.3f * CoatPainter.Noise(p / (0.02f * w))), Relief = p => 0.05f * w * CoatPainter.Noise(p / (0.04f * w)), Solid = false });
            return;
        }
        // A crest of hair along the top of the neck from poll to withers.
        var a = _skull + new Vector3(0, _skullR.Y * 0.6f, -_skullR.Z * 0.6f);
        var b = _p[Skeleton.Spine3] + new Vector3(0, 0.5f * _b.Depth * w * 0.85f, 0.02f * w);
        var crest = new Tube(b, a, Vector3.UnitX, u => new Vector2(0.035f, 0.09f) * w * MathF.Sqrt(MathF.Max(0.05f, 1 - Sq(2 * u - 1))));
        _asm.Add(new BodyPart { Tube = crest, Bones = [Skeleton.Spine3, Skeleton.Neck, Skeleton.Head], Paint = (p, _, _, _) => _b.Marking * (0.9f + 0.2f * CoatPainter.Noise(p / (0.01f * w))), Solid = false });
    }

    void AddHorns(float hl)
    {
        var hornColor = _b.Id == "unicorn" ? new Vector3(0.95f, 0.85f, 0.55f) : new Vector3(0.85f, 0.8f, 0.68f);
        if (_b.Id == "unicorn")
        {
            var a = _skull + new Vector3(0, _skullR.Y * 0.8f, _skullR.Z * 0.4f);
            _asm.Add(new BodyPart { Tube = new Tube(a, a + new Vector3(0, 0.9f, 0.7f) * hl, Vector3.UnitX, u => new Vector2(0.07f) * hl * (1 - u)), Bones = [Skeleton.Head], Paint = (_, _, u, _) => hornColor * (0.85f + 0.15f * MathF.Sin(u * 40)), Gloss = 0.4f, Solid = false });
            return;
        }
        for (int side = -1; side <= 1; side += 2)
        {
            var a = _skull + new Vector3(side * _skullR.X * 0.5f, _skullR.Y * 0.8f, -_skullR.Z * 0.1f);
            var tip = _b.Id switch
            {
                "giraffe" => a + new Vector3(side * 0.05f, 0.45f, -0.05f) * hl,
                "goat" or "sheep" => a + new Vector3(side * 0.2f, 0.3f, -0.55f) * hl,
                "dragon" => a + new Vector3(side * 0.15f, 0.35f, -0.7f) * hl,
                _ => a + new Vector3(side * 0.55f, 0.25f, 0.05f) * hl,
            };
            var col = _b.Id == "giraffe" ? _b.Marking : _b.Id == "dragon" ? new Vector3(0.25f, 0.22f, 0.2f) : hornColor;
            _asm.Add(new BodyPart { Tube = Tube.Capsule(a, tip, 0.07f * hl, 0.025f * hl, Vector3.UnitZ), Bones = [Skeleton.Head], Paint = (_, _, _, _) => col, Solid = false });
        }
    }

    void AddAntlers(float hl)
    {
        var col = new Vector3(0.55f, 0.45f, 0.33f);
        for (int side = -1; side <= 1; side += 2)
        {
            var a = _skull + new Vector3(side * _skullR.X * 0.45f, _skullR.Y * 0.85f, -_skullR.Z * 0.1f);
            var beam = a + new Vector3(side * 0.6f, 1.3f, -0.35f) * hl;
            _asm.Add(new BodyPart { Tube = Tube.Capsule(a, beam, 0.05f * hl, 0.025f * hl, Vector3.UnitZ), Bones = [Skeleton.Head], Paint = (_, _, _, _) => col, Solid = false });
            for (int t = 1; t <= 3; t++)
            {
                var root = Vector3.Lerp(a, beam, t / 3.6f);
                var tine = root + new Vector3(side * 0.05f, 0.45f, 0.3f) * hl;
                _asm.Add(new BodyPart { Tube = Tube.Capsule(root, tine, 0.035f * hl, 0.018f * hl, Vector3.UnitX), Bones = [Skeleton.Head], Paint = (_, _, _, _) => col, Solid = false });
            }
        }
    }

    void AddTrunk(Vector3 dir, float r)
    {
        // Hangs from the muzzle in three tapering pieces curving down and slightly forward.
        var a = _muzzleTip - dir * r;
        var b = a + new Vector3(0, -0.35f, 0.12f) * _w;
        var c = b + new Vector3(0, -0.35f, 0.02f) * _w;
        var d = c + new Vector3(0, -0.18f, 0.08f) * _w;
        Add(Tube.Capsule(a, b, r * 1.05f, r * 0.8f, Vector3.UnitX), CoatRegion.Muzzle, [Skeleton.Head], relief: 0);
        Add(Tube.Capsule(b, c, r * 0.8f, r * 0.55f, Vector3.UnitX), CoatRegion.Muzzle, [Skeleton.Head], relief: 0);
        Add(Tube.Capsule(c, d, r * 0.55f, r * 0.4f, Vector3.UnitX), CoatRegion.Muzzle, [Skeleton.Head], relief: 0);
    }

    void AddHindLeg(int side)
    {
        bool left = side > 0;
        int hip = left ? Skeleton.LeftHip : Skeleton.RightHip, knee = left ? Skeleton.LeftKnee : Skeleton.RightKnee;
        int ankle = left ? Skeleton.LeftAnkle : Skeleton.RightAnkle, foot = left ? Skeleton.LeftFoot : Skeleton.RightFoot;
        float r = _b.Leg * _w;
        // The haunch: a thick thigh from inside the body to the stifle.
        Add(Tube.Capsule(_p[hip] + new Vector3(-side * 0.03f, 0.14f, -0.02f) * _w, _p[knee], r * 1.7f, r * 1.0f, Vector3.UnitZ), CoatRegion.Leg, [Skeleton.Pelvis, hip, knee]);
        Add(Tube.Capsule(_p[knee], _p[ankle], r * 1.0f, r * 0.62f, Vector3.UnitZ), CoatRegion.Leg, [hip, knee, ankle]);
        Add(Tube.Capsule(_p[ankle], _p[foot] + new Vector3(0, r * 0.3f, 0), r * 0.58f, r * 0.5f, Vector3.UnitZ), CoatRegion.Leg, [knee, ankle, foot]);
        AddPaw(_p[foot], foot, r);
    }

    void AddForeLeg(int side)
    {
        bool left = side > 0;
        int collar = left ? Skeleton.LeftCollar : Skeleton.RightCollar, sh = left ? Skeleton.LeftShoulder : Skeleton.RightShoulder;
        int el = left ? Skeleton.LeftElbow : Skeleton.RightElbow, wr = left ? Skeleton.LeftWrist : Skeleton.RightWrist;
        float r = _b.Leg * _w * MathF.Sqrt(_b.FrontLegs);
        Add(Tube.Capsule(_p[collar] + new Vector3(0, 0.02f * _w, 0), _p[sh], r * 1.35f, r * 1.2f, Vector3.UnitZ), CoatRegion.Leg, [Skeleton.Spine3, collar, sh]);
        Add(Tube.Capsule(_p[sh], _p[el], r * 1.3f, r * 1.0f, Vector3.UnitZ), CoatRegion.Leg, [collar, sh, el]);
        Add(Tube.Capsule(_p[el], _p[wr], r * 0.95f, r * 0.62f, Vector3.UnitZ), CoatRegion.Leg, [sh, el, wr]);
        var paw = new Vector3(_p[wr].X, _f.PawY, _p[wr].Z + 0.015f * _w);
        Add(Tube.Capsule(_p[wr], paw + new Vector3(0, r * 0.3f, 0), r * 0.6f, r * 0.52f, Vector3.UnitZ), CoatRegion.Leg, [el, wr]);
        AddPaw(paw, wr, r);
    }

    void AddPaw(Vector3 at, int bone, float r)
    {
        var c = new Vector3(at.X, r * 0.55f, at.Z + r * 0.35f);
        if (_b.Hooves)
        {
            var hoof = new Tube(new Vector3(c.X, 0.002f * _w, c.Z), new Vector3(c.X, r * 1.4f, c.Z - 0.1f * r), Vector3.UnitX, u => new Vector2(0.62f, 0.7f) * r * (1.05f - 0.25f * u));
            _asm.Add(new BodyPart { Tube = hoof, Bones = [bone], Paint = (_, _, _, _) => new Vector3(0.14f, 0.12f, 0.1f), Solid = true });
            return;
        }
        Add(Tube.Ellipsoid(c, new Vector3(0.78f, 0.55f, 1.05f) * r), CoatRegion.Paw, [bone], relief: 0.5f);
    }

    void AddTail()
    {
        if (_b.TailLength <= 0.01f) return;
        float w = _w, len = _b.TailLength * w;
        var root = _p[Skeleton.Pelvis] + new Vector3(0, 0.5f * _b.Depth * w * 0.6f, -0.22f * w);
        float a0 = _b.TailAngle * MathF.PI / 180;
        int[] bones = [Skeleton.Pelvis];
        // The tail as a chain of pieces whose angle drifts down (long tails) or curls (pig).
        int pieces = _b.Tail is TailShape.Stub ? 1 : 5;
        var p = root;
        for (int i = 0; i < pieces; i++)
        {
            float t0 = i / (float)pieces, t1 = (i + 1f) / pieces;
            float ang = a0 + (_b.Tail switch { TailShape.Long => 0.5f * t1, TailShape.Curly => 2.5f * t1, TailShape.Hair => -0.3f * t1, _ => -0.25f * t1 });
            var dir = _b.Tail == TailShape.Curly
                ? new Vector3(MathF.Sin(ang * 2) * 0.5f, MathF.Sin(ang), -MathF.Cos(ang))
                : new Vector3(0, MathF.Sin(ang), -MathF.Cos(ang));
            var q = p + Vector3.Normalize(dir) * len / pieces;
            float r0 = TailRadius(t0), r1 = TailRadius(t1);
            var tube = Tube.Capsule(p, q, r0, r1, Vector3.UnitX);
            bool tip = t1 > 0.78f;
            _asm.Add(new BodyPart
            {
                Tube = tube, Bones = bones, Solid = false,
                Paint = _b.Tail == TailShape.Hair || (_b.Tail == TailShape.Tufted && tip) ? (pp, _, _, _) => _b.Marking * (0.85f + 0.3f * CoatPainter.Noise(pp / (0.01f * w)))
                    : (pp, n, _, _) => tip && _b.Pattern == CoatPattern.Points && _b.Id == "fox" ? _b.Marking : _coat.Paint(pp, n, CoatRegion.Tail, this),
                Relief = _b.Tail == TailShape.Bushy ? pp => 0.02f * w * CoatPainter.Noise(pp / (0.03f * w)) : null,
            });
            p = q;
        }
        float TailRadius(float t) => _b.Tail switch
        {
            TailShape.Bushy => 0.07f * w * MathF.Sin(MathF.PI * (0.15f + 0.75f * t)) + 0.015f * w,
            TailShape.Hair => 0.07f * w * (1 - 0.4f * t),
            TailShape.Tufted => t > 0.8f ? 0.035f * w : 0.015f * w,
            TailShape.Stub => 0.06f * w,
            TailShape.Curly => 0.02f * w,
            TailShape.Long => (_b.Id == "dragon" ? 0.16f * (1 - t) + 0.01f : 0.028f * (1 - 0.3f * t)) * w,
            _ => 0.03f * w * (1 - 0.6f * t),
        };
    }

    void AddFeatures()
    {
        float w = _w;
        if (_b.Features.HasFlag(QuadrupedFeatures.Spikes))
            for (int i = 0; i < 9; i++)
            {
                var at = Vector3.Lerp(_p[Skeleton.Pelvis], _p[Skeleton.Spine3], i / 8f) + new Vector3(0, 0.5f * _b.Depth * w * 0.9f, 0);
                _asm.Add(new BodyPart { Tube = new Tube(at, at + new Vector3(0, 0.12f, -0.04f) * w, Vector3.UnitZ, u => new Vector2(0.015f, 0.05f) * w * (1 - u)), Bones = [Skeleton.Spine1, Skeleton.Spine2], Paint = (_, _, _, _) => _b.Marking, Solid = false });
            }
        if (_b.Features.HasFlag(QuadrupedFeatures.Wings))
        {
            // Bat-like wings folded up from the shoulders, skinned to the shoulder blades so a flying clip can beat them.
            for (int side = -1; side <= 1; side += 2)
            {
                int collar = side > 0 ? Skeleton.LeftCollar : Skeleton.RightCollar;
                var root = _p[collar] + new Vector3(-side * 0.05f * w, 0.5f * _b.Depth * w * 0.8f, -0.05f * w);
                var u = new Vector3(side * 1.3f, 0.35f, -0.25f) * w;
                var v = new Vector3(0, -0.15f, -0.8f) * w;
                var sheet = new Sheet(root, u, v, (a, b) => b < 1 - 0.6f * a - 0.25f * MathF.Abs(MathF.Sin(a * 9)) && b >= 0,
                    (a, b) => new Vector3(0, 0.15f * w * MathF.Sin(MathF.PI * a) * (1 - b), 0));
                _asm.Add(new BodyPart { Sheet = sheet, Bones = [collar], Solid = false, Hideable = false, Spacing = 1.2f, Paint = (_, _, a, b) => _b.Marking * (0.75f + 0.25f * MathF.Cos(a * 20)) * (b < 0.04f ? 0.6f : 1) });
            }
        }
    }

    /// <summary>Direction the face points in the rest pose (forwards, tipped down by the build's head angle).</summary>
    Vector3 FaceDirection => Vector3.Normalize(new Vector3(0, -MathF.Tan(_b.HeadAngle * MathF.PI / 180), 1));

    /// <summary>Rest-pose segment a joint's rotation moves: to its child, or stubs for the head, paws and carpi.</summary>
    Vector3 SegmentEnd(int j) => j switch
    {
        Skeleton.Pelvis => _p[Skeleton.Spine1],
        Skeleton.Spine3 => _p[Skeleton.Neck],
        Skeleton.Head => _p[Skeleton.Head] + FaceDirection * _b.Head * _w * (1 + _b.Muzzle),
        Skeleton.LeftWrist or Skeleton.RightWrist => new Vector3(_p[j].X, _f.PawY, _p[j].Z + 0.03f * _w),
        Skeleton.LeftFoot or Skeleton.RightFoot => _p[j] + new Vector3(0, 0, 0.08f * _w),
        Skeleton.LeftCollar => _p[Skeleton.LeftShoulder],
        Skeleton.RightCollar => _p[Skeleton.RightShoulder],
        _ => _p[Array.IndexOf(Skeleton.Parents, j)],
    };

    static float Sq(float x) => x * x;
}
