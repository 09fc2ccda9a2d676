using System.Numerics;
using C3V.Splats;
using Paint = C3V.Actors.SurfacePaint;
using Part = C3V.Actors.BodyPart;
using Sample = C3V.Actors.SurfaceSample;

namespace C3V.Actors;

/// <summary>A generated, rigged Gaussian character.</summary>
public sealed record Avatar(AvatarSpec Spec, SkinnedCloud Cloud)
{
    public Skeleton Skeleton => Cloud.Skeleton;
}

/// <summary>
/// Builds a rigged Gaussian humanoid from an <see cref="AvatarSpec"/> with no model weights: the body,
/// garments and extras are closed surfaces (<see cref="Tube"/>s and <see cref="Sheet"/>s) laid out on the
/// skeleton's rest T-pose, sampled every ~8 mm into flat Gaussians (oriented along the surface, thin along
/// the normal), coloured by garment rules with soft baked lighting and contact darkening, and skinned to the
/// nearest bones of each part. Samples buried inside another solid part are dropped.
/// </summary>
public static class AvatarGenerator
{
    /// <summary>Sample spacing for a 1.75 m figure, metres; scaled with height.</summary>
    public const float BaseSpacing = 0.0078f;

    public static Avatar Generate(AvatarSpec spec, int seed = 0)
    {
        var b = new AvatarBuilder(spec, seed);
        return new Avatar(spec, b.Build());
    }

    /// <summary>Convenience: <see cref="AvatarSpec.FromDescription"/> then <see cref="Generate(AvatarSpec,int)"/>.</summary>
    public static Avatar Generate(string description, int seed = 0) => Generate(AvatarSpec.FromDescription(description, seed), seed);
}

internal sealed class AvatarBuilder
{
    readonly AvatarSpec _spec;
    readonly Random _rng;
    readonly Skeleton _s;
    readonly Vector3[] _p;
    readonly float _k;           // length scale: height / 1.75
    readonly float _h;           // sample spacing
    readonly PartAssembler _asm;
    List<Part> _parts => _asm.Parts;
    List<Sample> _features => _asm.Features;
    Vector3 _headC, _headR;
    float _waistY;

    public AvatarBuilder(AvatarSpec spec, int seed)
    {
        _spec = spec;
        _rng = new Random(seed * 7919 + 17);
        float legRatio = spec.Kind == AvatarKind.Alien ? 0.92f : 1f;
        _s = Skeleton.CreateHuman(spec.Height, legRatio, spec.Shoulders);
        _p = _s.RestPositions;
        _k = spec.Height / Skeleton.ReferenceHeight;
        _h = AvatarGenerator.BaseSpacing * _k;
        _asm = new PartAssembler(_s, _h, _rng, SegmentEnd);
    }

    static readonly int[] TorsoBones = [Skeleton.Pelvis, Skeleton.Spine1, Skeleton.Spine2, Skeleton.Spine3, Skeleton.Neck, Skeleton.LeftCollar, Skeleton.RightCollar, Skeleton.LeftHip, Skeleton.RightHip, Skeleton.LeftShoulder, Skeleton.RightShoulder];
    static readonly int[] HeadBones = [Skeleton.Head];
    static int[] ArmBones(int side) => side > 0
        ? [Skeleton.Spine3, Skeleton.LeftCollar, Skeleton.LeftShoulder, Skeleton.LeftElbow, Skeleton.LeftWrist]
        : [Skeleton.Spine3, Skeleton.RightCollar, Skeleton.RightShoulder, Skeleton.RightElbow, Skeleton.RightWrist];
    static int[] LegBones(int side) => side > 0
        ? [Skeleton.Pelvis, Skeleton.LeftHip, Skeleton.LeftKnee, Skeleton.LeftAnkle, Skeleton.LeftFoot]
        : [Skeleton.Pelvis, Skeleton.RightHip, Skeleton.RightKnee, Skeleton.RightAnkle, Skeleton.RightFoot];

    bool FullSuit => _spec.Top is TopKind.SkiSuit or TopKind.SpaceSuit or TopKind.Overalls or TopKind.Armor;
    float Puff => _spec.Top switch { TopKind.SpaceSuit => 1.32f, TopKind.SkiSuit => 1.14f, TopKind.Armor => 1.1f, TopKind.Sweater or TopKind.Jacket => 1.05f, _ => 1f };
    bool Robot => _spec.Kind == AvatarKind.Robot;
    bool Alien => _spec.Kind == AvatarKind.Alien;

    public SkinnedCloud Build()
    {
        _waistY = _p[Skeleton.Pelvis].Y + 0.06f * _k;
        AddTorso();
        AddHead();
        for (int side = -1; side <= 1; side += 2) { AddArm(side); AddLeg(side); }
        AddGarmentShells();
        AddHeadwear();
        AddExtras();
        return Assemble();
    }

    // ---------- colours ----------

    Vector3 Skin => _spec.Skin;
    Vector3 Top => _spec.TopColor;
    Vector3 Bottom => _spec.Bottom == BottomKind.None && !FullSuit && _spec.Top is not (TopKind.Dress or TopKind.Robe) ? Skin : _spec.BottomColor;

    /// <summary>Colour of the trunk at height y (top garment above the waist, bottom garment below).</summary>
    Vector3 TorsoColor(Vector3 p, Vector3 n)
    {
        if (Robot) return RobotPanel(p, Skin);
        if (FullSuit) return SuitDetail(p, n, Top);
        bool below = p.Y < _waistY;
        if (_spec.Top == TopKind.Jacket && p.Y < _waistY && p.Y > _waistY - 0.1f * _k) below = false;
        if (below)
        {
            if (_spec.Top is TopKind.Dress or TopKind.Robe) return Top;
            if (_spec.Bottom == BottomKind.None) return Skin;
            return MathF.Abs(p.Y - (_waistY - 0.015f * _k)) < 0.012f * _k && _spec.Bottom == BottomKind.Trousers ? new Vector3(0.12f, 0.1f, 0.08f) : Bottom;
        }
        if (_spec.Top == TopKind.None) return Skin;
        // Necklines: T-shirts and dresses show a little skin at the collar; jackets show the shirt down the front.
        float neckY = _p[Skeleton.Neck].Y;
        if (_spec.Top is TopKind.TShirt or TopKind.Dress && p.Y > neckY - 0.035f * _k && p.Z > 0) return Skin;
        if (_spec.Top == TopKind.Jacket && p.Z > 0 && MathF.Abs(p.X) < 0.035f * _k + (p.Y - _waistY) * 0.08f) return new Vector3(0.92f, 0.92f, 0.9f);
        if (_spec.Top == TopKind.Shirt && p.Z > 0 && MathF.Abs(p.X) < 0.004f * _k && ((int)(p.Y / (0.06f * _k)) & 1) == 0) return Top * 0.6f;
        return Top;
    }

    Vector3 RobotPanel(Vector3 p, Vector3 metal)
    {
        // Panel seams every 9 cm in height and at the sides, plus rivet-dark corners.
        float band = p.Y / (0.09f * _k);
        float f = band - MathF.Floor(band);
        if (f < 0.07f) return metal * 0.45f;
        if (MathF.Abs(p.X) < 0.006f * _k && p.Z > 0) return metal * 0.5f;
        return metal * (0.92f + 0.08f * MathF.Sin(p.X * 40));
    }

    Vector3 SuitDetail(Vector3 p, Vector3 n, Vector3 c)
    {
        if (_spec.Top == TopKind.SpaceSuit)
        {
            // Chest control box and a flag-like patch on the left shoulder.
            var chest = new Vector3(0, _p[Skeleton.Spine3].Y + 0.02f * _k, 0);
            if (p.Z > 0 && MathF.Abs(p.X) < 0.07f * _k && MathF.Abs(p.Y - chest.Y) < 0.045f * _k) return new Vector3(0.35f, 0.37f, 0.4f);
            if (p.Z > 0 && MathF.Abs(p.X - 0.03f * _k) < 0.012f * _k && MathF.Abs(p.Y - chest.Y) < 0.01f * _k) return new Vector3(0.9f, 0.2f, 0.1f);
            if (MathF.Abs(p.Y - _waistY) < 0.015f * _k) return new Vector3(0.55f, 0.55f, 0.58f);
        }
        if (_spec.Top == TopKind.SkiSuit)
        {
            // Contrast stripe across the chest and a zip down the front.
            if (MathF.Abs(p.Y - (_p[Skeleton.Spine3].Y + 0.04f * _k)) < 0.025f * _k) return Vector3.One * 0.95f - c * 0.3f;
            if (p.Z > 0 && MathF.Abs(p.X) < 0.004f * _k && p.Y > _waistY) return new Vector3(0.15f, 0.15f, 0.15f);
        }
        if (_spec.Top == TopKind.Armor) return RobotPanel(p, c);
        return c;
    }

    Vector3 ArmColor(int side, Vector3 p, float along)
    {
        if (Robot) return RobotPanel(p, Skin);
        if (FullSuit) return SuitDetail(p, Vector3.Zero, Top);
        float sleeve = _spec.Top switch
        {
            TopKind.TShirt => 0.22f, TopKind.Dress => 0.12f,
            TopKind.Shirt or TopKind.Sweater or TopKind.Jacket or TopKind.Robe => 1.01f,
            _ => 0f,
        };
        if (along < sleeve) return _spec.Top == TopKind.Sweater && along > 0.97f ? Top * 0.8f : Top;
        return Skin;
    }

    Vector3 LegColor(Vector3 p, float along)
    {
        if (Robot) return RobotPanel(p, Skin);
        if (FullSuit) return SuitDetail(p, Vector3.Zero, Top);
        return _spec.Bottom switch
        {
            BottomKind.Trousers => Bottom,
            BottomKind.Shorts => along < 0.26f ? Bottom : Skin,
            _ => Skin,
        };
    }

    // ---------- body ----------

    void AddTorso()
    {
        float g = _spec.Girth * Puff, w = _spec.Shoulders, k = _k;
        bool fem = _spec.Feminine && !Robot && !Alien;
        float yBottom = _p[Skeleton.LeftHip].Y - 0.075f * k;
        float yTop = _p[Skeleton.Neck].Y + 0.02f * k;
        float alien = Alien ? 0.8f : 1f;
        // (height, half-width, half-depth) keys from crotch to the base of the neck.
        var keys = new (float Y, float X, float Z)[]
        {
            (yBottom, 0.11f * g, 0.085f * g),
            (_p[Skeleton.LeftHip].Y, (fem ? 0.175f : 0.16f) * g * alien, 0.105f * g),
            (_p[Skeleton.Pelvis].Y + 0.02f * k, (fem ? 0.17f : 0.155f) * g * alien, 0.105f * g),
            (_p[Skeleton.Spine2].Y, (fem ? 0.122f : 0.138f) * g * alien, (0.092f + (g > 1.2f ? 0.03f : 0)) * g),
            (_p[Skeleton.Spine3].Y + 0.03f * k, (fem ? 0.14f : 0.155f) * w * g * alien, (fem ? 0.115f : 0.105f) * g),
            (_p[Skeleton.LeftCollar].Y, 0.175f * w * alien * MathF.Sqrt(g), 0.09f * MathF.Sqrt(g)),
            (_p[Skeleton.LeftShoulder].Y + 0.035f * k, 0.12f * w * alien, 0.07f),
            (yTop, 0.055f * k, 0.05f * k),
        };
        for (int i = 1; i < keys.Length; i++) keys[i - 1] = keys[i - 1] with { X = keys[i - 1].X * (i == 1 ? 1 : 1) };
        Vector2 Profile(float u)
        {
            float y = yBottom + u * (yTop - yBottom);
            int i = 0;
            while (i < keys.Length - 2 && y > keys[i + 1].Y) i++;
            float f = Math.Clamp((y - keys[i].Y) / (keys[i + 1].Y - keys[i].Y), 0, 1);
            f = f * f * (3 - 2 * f);
            var r = new Vector2(keys[i].X + (keys[i + 1].X - keys[i].X) * f, keys[i].Z + (keys[i + 1].Z - keys[i].Z) * f) * (k > 0 ? 1 : 1);
            float close = MathF.Sqrt(MathF.Min(1, u / 0.05f)) * MathF.Sqrt(MathF.Min(1, (1 - u) / 0.03f));
            return r * close * (1 / 1f) * (1) * (k / k);
        }
        // Keys are in metres for a 1.75 m figure: scale widths with height.
        var torso = new Tube(new Vector3(0, yBottom, 0.0f), new Vector3(0, yTop, -0.005f * k), Vector3.UnitX, u => Profile(u) * k) { Exponent = Robot ? 3.2f : 2 };
        _parts.Add(new Part { Tube = torso, Paint = (p, n, _, _) => TorsoColor(p, n), Bones = TorsoBones });
        // Neck.
        var neck = Tube.Capsule(_p[Skeleton.Neck] + new Vector3(0, -0.02f, -0.005f) * k, _p[Skeleton.Head] + new Vector3(0, 0.02f, 0) * k,
            0.052f * k * (Alien ? 0.7f : 1) * MathF.Sqrt(_spec.Girth), 0.047f * k * (Alien ? 0.7f : 1), Vector3.UnitX);
        _parts.Add(new Part { Tube = neck, Paint = (p, n, _, _) => Robot ? Skin * 0.55f : FullSuit ? Top : _spec.Top is TopKind.Sweater ? Top : Skin, Bones = [Skeleton.Spine3, Skeleton.Neck, Skeleton.Head] });
    }

    void AddArm(int side)
    {
        float k = _k, g = MathF.Pow(_spec.Girth * Puff, 0.8f) * (Alien ? 0.75f : 1) * (_spec.Shoulders > 1.1f ? 1.08f : 1);
        var sh = _p[side > 0 ? Skeleton.LeftShoulder : Skeleton.RightShoulder];
        var el = _p[side > 0 ? Skeleton.LeftElbow : Skeleton.RightElbow];
        var wr = _p[side > 0 ? Skeleton.LeftWrist : Skeleton.RightWrist];
        var bones = ArmBones(side);
        float total = Vector3.Distance(sh, wr);
        float Along(Vector3 p) => Math.Clamp((p.X - sh.X) * side / total, 0, 1);
        bool robe = _spec.Top == TopKind.Robe;
        var upper = Tube.Capsule(sh + new Vector3(-side * 0.015f * k, 0, 0), el, 0.05f * k * g, 0.039f * k * g, Vector3.UnitZ);
        var fore = Tube.Capsule(el, wr, 0.038f * k * g, 0.029f * k * g, Vector3.UnitZ, 0.85f);
        Paint paint = (p, n, _, _) => ArmColor(side, p, Along(p));
        _parts.Add(new Part { Tube = upper, Paint = paint, Bones = bones });
        _parts.Add(new Part { Tube = fore, Paint = paint, Bones = bones });
        if (robe)
        {
            // Wide bell sleeve from mid upper arm past the wrist.
            var a = Vector3.Lerp(sh, el, 0.4f);
            var b = wr + new Vector3(side * 0.02f * k, 0, 0);
            var sleeve = new Tube(a, b, Vector3.UnitZ, u => new Vector2(1, 1) * k * (0.05f + 0.045f * u * u) * MathF.Sqrt(MathF.Min(1, (1 - u) / 0.02f + 0.15f)))
                ;
            _parts.Add(new Part { Tube = sleeve, Paint = (p, n, u, _) => u > 0.93f ? Top * 0.7f : Top, Bones = bones, Solid = false, Lift = 0.002f * k });
        }
        // Hand: palm-down flattened ellipsoid along the arm, with a thumb towards the front.
        Vector3 handColor = _spec.GloveColor ?? (Robot ? Skin * 0.7f : Skin);
        var hc = wr + new Vector3(side * 0.07f * k, 0, 0);
        var hand = Tube.Ellipsoid(hc, new Vector3(0.042f, 0.075f, 0.02f) * k * (Alien ? 0.85f : 1) * (FullSuit ? 1.15f : 1), new Vector3(side, 0, 0), Vector3.UnitZ);
        _parts.Add(new Part { Tube = hand, Paint = (_, _, _, _) => handColor, Bones = [bones[3], bones[4]] });
        var thumb = Tube.Capsule(wr + new Vector3(side * 0.025f, -0.005f, 0.03f) * k, wr + new Vector3(side * 0.075f, -0.012f, 0.055f) * k, 0.012f * k, 0.01f * k, Vector3.UnitY);
        _parts.Add(new Part { Tube = thumb, Paint = (_, _, _, _) => handColor, Bones = [bones[4]] });
    }

    void AddLeg(int side)
    {
        float k = _k, g = MathF.Pow(_spec.Girth * Puff, 0.8f) * (Alien ? 0.75f : 1);
        var hip = _p[side > 0 ? Skeleton.LeftHip : Skeleton.RightHip];
        var knee = _p[side > 0 ? Skeleton.LeftKnee : Skeleton.RightKnee];
        var ankle = _p[side > 0 ? Skeleton.LeftAnkle : Skeleton.RightAnkle];
        var bones = LegBones(side);
        float total = hip.Y - ankle.Y;
        float Along(Vector3 p) => Math.Clamp((hip.Y - p.Y) / total, 0, 1);
        Paint paint = (p, _, _, _) => LegColor(p, Along(p));
        var thigh = Tube.Capsule(hip + new Vector3(side * 0.005f, 0.03f, 0) * k, knee, 0.085f * k * g, 0.056f * k * g, Vector3.UnitX);
        _parts.Add(new Part { Tube = thigh, Paint = paint, Bones = bones });
        // Shin with a calf bulge at a third of its length.
        var shinA = knee; var shinB = ankle + new Vector3(0, 0.01f * k, 0);
        float len = Vector3.Distance(shinA, shinB);
        float r0 = 0.053f * k * g, r1 = 0.036f * k * g;
        var shin = new Tube(shinA + new Vector3(0, r0, 0), shinB - new Vector3(0, r1, 0), Vector3.UnitX, u =>
        {
            float s = u * (len + r0 + r1);
            float r;
            if (s < r0) r = MathF.Sqrt(MathF.Max(0, r0 * r0 - (r0 - s) * (r0 - s)));
            else if (s > len + r0) { float d = s - len - r0; r = MathF.Sqrt(MathF.Max(0, r1 * r1 - d * d)); }
            else
            {
                float a = (s - r0) / len;
                r = r0 + (r1 - r0) * a + 0.012f * k * g * MathF.Sin(MathF.PI * MathF.Min(1, a * 1.5f));
            }
            return new Vector2(r, r * 1.05f);
        });
        _parts.Add(new Part { Tube = shin, Paint = paint, Bones = bones });
        // Foot / shoe.
        var shoe = _spec.ShoeColor;
        bool boots = FullSuit || _spec.Kind == AvatarKind.Warlock;
        float fs = FullSuit ? 1.15f : 1f;
        var fc = new Vector3(ankle.X, 0.042f * k * fs, ankle.Z + 0.06f * k);
        var foot = Tube.Ellipsoid(fc, new Vector3(0.048f * fs, 0.128f, 0.042f * fs) * k, Vector3.UnitZ, Vector3.UnitX);
        Paint footPaint = Alien ? (_, _, _, _) => Skin : Robot ? (p, _, _, _) => RobotPanel(p, Skin) * 0.8f :
            (p, _, _, _) => p.Y < 0.012f * k ? shoe * 0.55f : shoe;
        _parts.Add(new Part { Tube = foot, Paint = footPaint, Bones = [bones[3], bones[4]] });
        if (boots && !Robot)
        {
            var cuff = Tube.Capsule(ankle + new Vector3(0, -0.02f, 0) * k, ankle + new Vector3(0, 0.1f, 0) * k, 0.05f * k * g, 0.05f * k * g, Vector3.UnitX);
            _parts.Add(new Part { Tube = cuff, Paint = (_, _, _, _) => shoe, Bones = [bones[2], bones[3]] });
        }
        if (Robot)
        {
            // Dark joint balls at knee and hip.
            _parts.Add(new Part { Tube = Tube.Ellipsoid(knee, new Vector3(0.062f) * k, null, null), Paint = (_, _, _, _) => Skin * 0.4f, Bones = [bones[1], bones[2]] });
        }
    }

    void AddHead()
    {
        float k = _k;
        var hj = _p[Skeleton.Head];
        _headC = hj + new Vector3(0, 0.085f, 0.012f) * k;
        _headR = (Alien ? new Vector3(0.112f, 0.14f, 0.118f) : Robot ? new Vector3(0.085f, 0.1f, 0.095f) : new Vector3(0.078f, 0.104f, 0.094f)) * k;
        if (Alien) _headC += new Vector3(0, 0.035f, 0) * k;
        var head = Tube.Ellipsoid(_headC, _headR);
        if (Robot) head = new Tube(_headC - new Vector3(0, _headR.Y, 0), _headC + new Vector3(0, _headR.Y, 0), Vector3.UnitX,
            u => new Vector2(_headR.X, _headR.Z) * MathF.Pow(MathF.Max(0, 1 - MathF.Pow(MathF.Abs(2 * u - 1), 6)), 1 / 6f)) { Exponent = 4 };
        _parts.Add(new Part { Tube = head, Paint = (p, n, _, _) => Robot ? RobotPanel(p, Skin) : Skin, Bones = HeadBones });
        if (!Robot)
        {
            // Jaw and chin.
            var jaw = Tube.Ellipsoid(_headC + new Vector3(0, -0.05f, 0.018f) * k * (Alien ? 1.2f : 1), new Vector3(Alien ? 0.05f : 0.063f, 0.055f, Alien ? 0.07f : 0.076f) * k);
            _parts.Add(new Part { Tube = jaw, Paint = (_, _, _, _) => Skin, Bones = HeadBones });
        }
        if (!Alien && !Robot)
        {
            for (int side = -1; side <= 1; side += 2)
            {
                var ear = Tube.Ellipsoid(_headC + new Vector3(side * _headR.X * 0.97f, -0.008f * k, -0.008f * k), new Vector3(0.012f, 0.027f, 0.017f) * k);
                _parts.Add(new Part { Tube = ear, Paint = (_, _, _, _) => Skin * 0.95f, Bones = HeadBones });
            }
            var nose = Tube.Ellipsoid(_headC + new Vector3(0, -0.018f * k, _headR.Z * 0.96f), new Vector3(0.0105f, 0.02f, 0.013f) * k,
                Vector3.Normalize(new Vector3(0, 1, -0.35f)));
            _parts.Add(new Part { Tube = nose, Paint = (p, n, _, _) => Skin * (n.Y < -0.6f ? 0.9f : 1), Bones = HeadBones, Spacing = 0.5f });
        }
        AddFace();
        AddHair();
    }

    /// <summary>Point on the front of the head surface at face coordinates (x right of the actor = +X, y up) relative to the head centre.</summary>
    (Vector3 P, Vector3 N) OnFace(float x, float y)
    {
        // Highest z among the head shapes (skull, jaw) at this (x, y).
        float best = float.NegativeInfinity;
        Vector3 n = Vector3.UnitZ;
        foreach (var part in _parts)
        {
            if (part.Tube is null || !part.Bones.SequenceEqual(HeadBones)) continue;
            var t = part.Tube;
            // March from the front towards the head centre until inside.
            var start = new Vector3(_headC.X + x, _headC.Y + y, _headC.Z + 0.25f * _k);
            float step = 0.004f * _k;
            for (float z = 0; z < 0.25f * _k; z += step)
            {
                var q = start - new Vector3(0, 0, z);
                if (t.Distance(q) <= 0)
                {
                    // Bisect between the last outside point and this inside one.
                    float lo = z - step, hi = z;
                    for (int it = 0; it < 12; it++)
                    {
                        float mid = 0.5f * (lo + hi);
                        if (t.Distance(start - new Vector3(0, 0, mid)) <= 0) hi = mid; else lo = mid;
                    }
                    q = start - new Vector3(0, 0, hi);
                    if (q.Z > best)
                    {
                        best = q.Z;
                        const float e = 0.002f;
                        n = Vector3.Normalize(new Vector3(t.Distance(q + new Vector3(e, 0, 0)) - t.Distance(q - new Vector3(e, 0, 0)),
                            t.Distance(q + new Vector3(0, e, 0)) - t.Distance(q - new Vector3(0, e, 0)),
                            t.Distance(q + new Vector3(0, 0, e)) - t.Distance(q - new Vector3(0, 0, e))));
                    }
                    break;
                }
            }
        }
        return (new Vector3(_headC.X + x, _headC.Y + y, best), n);
    }

    /// <summary>A small filled ellipse of feature Gaussians on the face (eyes, brows, lips).</summary>
    void FaceDisk(float cx, float cy, float rx, float ry, Vector3 color, float lift, float tilt = 0, float spacing = 0.0022f)
    {
        float h = spacing * _k;
        for (float y = -ry; y <= ry + 1e-6f; y += h)
            for (float x = -rx; x <= rx + 1e-6f; x += h)
            {
                if ((x * x) / (rx * rx) + (y * y) / (ry * ry) > 1.0001f) continue;
                float xx = cx + x, yy = cy + y + tilt * x;
                var (p, n) = OnFace(xx, yy);
                if (!float.IsFinite(p.Z)) continue;
                _features.Add(new Sample { P = p + n * lift * _k, N = n, T = Vector3.UnitX, Color = color, Spacing = h * 0.85f, Opacity = 0.98f, Part = -1 });
            }
    }

    void AddFace()
    {
        if (Robot)
        {
            // Glowing visor band and a grille mouth.
            FaceDisk(0, 0.012f * _k, 0.062f * _k, 0.014f * _k, _spec.EyeColor, 0.0015f, 0, 0.003f);
            for (int i = -2; i <= 2; i++) FaceDisk(i * 0.012f * _k, -0.045f * _k, 0.004f * _k, 0.012f * _k, Skin * 0.3f, 0.0015f, 0, 0.0025f);
            return;
        }
        var dark = new Vector3(0.06f, 0.04f, 0.035f);
        if (Alien)
        {
            for (int side = -1; side <= 1; side += 2)
            {
                FaceDisk(side * 0.042f * _k, 0.0f, 0.03f * _k, 0.017f * _k, _spec.EyeColor, 0.0015f, side * 0.35f);
                FaceDisk(side * 0.036f * _k, 0.006f * _k, 0.005f * _k, 0.004f * _k, new Vector3(0.9f, 0.95f, 1f), 0.003f);
            }
            FaceDisk(0, -0.075f * _k, 0.012f * _k, 0.002f * _k, Skin * 0.45f, 0.001f);
            for (int side = -1; side <= 1; side += 2) FaceDisk(side * 0.006f * _k, -0.04f * _k, 0.002f * _k, 0.002f * _k, Skin * 0.5f, 0.001f);
            return;
        }
        float eyeY = 0.012f * _k, eyeX = 0.032f * _k;
        var brow = _spec.Hair == HairStyle.Bald ? Skin * 0.55f : _spec.HairColor * 0.7f;
        for (int side = -1; side <= 1; side += 2)
        {
            float x = side * eyeX;
            FaceDisk(x, eyeY, 0.0125f * _k, 0.0065f * _k, new Vector3(0.96f, 0.95f, 0.93f), 0.0012f);
            FaceDisk(x, eyeY, 0.0058f * _k, 0.0058f * _k, _spec.EyeColor, 0.0022f);
            FaceDisk(x, eyeY, 0.0026f * _k, 0.0026f * _k, new Vector3(0.02f, 0.02f, 0.02f), 0.003f);
            FaceDisk(x + 0.002f * _k, eyeY + 0.0025f * _k, 0.0012f * _k, 0.0012f * _k, new Vector3(1, 1, 1), 0.0036f, 0, 0.0012f);
            // Upper lid line and brow.
            for (float a = -1; a <= 1.001f; a += 0.1f)
                FaceDisk(x + a * 0.013f * _k, eyeY + 0.0065f * _k * MathF.Sqrt(1 - a * a * 0.8f), 0.0016f * _k, 0.0011f * _k, dark, 0.0025f, 0, 0.0016f);
            for (float a = -1; a <= 1.001f; a += 0.12f)
                FaceDisk(x + a * 0.016f * _k, eyeY + 0.022f * _k + 0.004f * _k * (1 - a * a) - side * a * 0.001f * _k, 0.0025f * _k, 0.0022f * _k, brow, 0.0018f);
        }
        // Lips: a darker upper and lower lip with the line between them.
        var lip = Vector3.Lerp(Skin, new Vector3(0.75f, 0.3f, 0.32f), _spec.Feminine ? 0.55f : 0.3f);
        FaceDisk(0, -0.048f * _k, 0.02f * _k, 0.0045f * _k, lip, 0.0012f);
        FaceDisk(0, -0.055f * _k, 0.016f * _k, 0.0045f * _k, lip * 1.05f, 0.0012f);
        FaceDisk(0, -0.0515f * _k, 0.019f * _k, 0.0012f * _k, lip * 0.45f, 0.0022f, 0, 0.0012f);
        // Nostrils.
        for (int side = -1; side <= 1; side += 2) FaceDisk(side * 0.007f * _k, -0.031f * _k, 0.003f * _k, 0.0022f * _k, Skin * 0.45f, 0.0005f, 0, 0.0015f);
    }

    /// <summary>
    /// Hair: a shell over the skull with volume (thicker at the crown and back), lumpy locks (the surface
    /// pushed out in clumps that flow from the crown, so the outline is not a smooth helmet), strand streaks
    /// and a sheen in the colour, a scalloped fringe and sideburns at the hairline; long hair adds a fall down
    /// the back to the shoulder blades and locks in front of the shoulders, both with ragged, tapering ends.
    /// </summary>
    void AddHair()
    {
        if (Robot || Alien) return;
        var c = _headC; var r = _headR;
        var hair = _spec.HairColor;
        bool isLong = _spec.Hair == HairStyle.Long;
        var crown = c + new Vector3(0, r.Y, -0.025f) * _k;
        // Flow direction around the crown: streaks and locks radiate from it and run down the sides.
        float Flow(Vector3 p) => MathF.Atan2(p.X - crown.X, p.Z - crown.Z);
        // Streaks and locks are functions of the flow angle only: they run along the strands, from the crown down.
        // Near the crown the angle turns quickly, so both fade out there (no speckle at the whorl).
        float FromCrown(Vector3 p) => Math.Clamp(MathF.Sqrt(Sq(p.X - crown.X) + Sq(p.Z - crown.Z)) / (0.05f * _k), 0, 1);
        float Streak(Vector3 p) { float f = Flow(p); return 0.5f + (0.25f * MathF.Sin(f * 53) + 0.25f * MathF.Sin(f * 31 + 1.3f)) * FromCrown(p); }
        float Locks(Vector3 p) { float f = Flow(p); return 0.5f + (0.3f * MathF.Sin(f * 9) + 0.2f * MathF.Sin(f * 17 + 0.7f)) * FromCrown(p); }
        Vector3 Strands(Vector3 p, Vector3 n, float streak)
        {
            float sheen = MathF.Pow(MathF.Max(0, Vector3.Dot(n, Vector3.Normalize(new Vector3(0.2f, 0.9f, 0.5f)))), 6);
            return hair * (0.7f + 0.3f * streak) + new Vector3(0.22f * sheen) * (0.4f + 0.6f * streak) * (0.35f + hair.Length());
        }
        if (_spec.Hair != HairStyle.Bald)
        {
            float thick = (isLong ? 0.012f : 0.008f) * _k;
            // Close at the sides, fuller on top and at the back (the volume is in the shell, so its samples stay dense).
            var shell = Tube.Ellipsoid(c + new Vector3(0, 0.009f, -0.009f) * _k, r + new Vector3(thick * 0.7f, thick * 1.5f + 0.005f * _k, thick * 1.2f + 0.004f * _k));
            _parts.Add(new Part
            {
                Tube = shell, Bones = HeadBones, Solid = false, Hideable = true,
                Paint = (p, n, _, _) => Strands(p, n, Streak(p)),
                // Locks stand out in clumps; short hair is cut close below the back of the skull (tapered nape).
                Relief = p => (0.004f * Locks(p) - (isLong ? 0 : 0.008f * Math.Clamp((c.Y - p.Y) / (0.06f * _k), 0, 1))) * _k,
                Keep = (p, n) =>
                {
                    var q = (p - c) / _k;
                    // Fringe: a scalloped edge of locks over the forehead (long hair: swept lower to one side).
                    // Short hair: a higher hairline, arched at the temples, with short locks; long hair: a swept fringe.
                    float fringe = isLong
                        ? 0.045f + 0.12f * Math.Clamp(q.X, -0.02f, 0.06f) - 0.012f * MathF.Abs(MathF.Sin(q.X * 95))
                        : 0.066f - 0.012f * MathF.Cos(q.X * 30) - 0.006f * MathF.Abs(MathF.Sin(q.X * 120));
                    if (q.Y > fringe + 0.012f * MathF.Max(0, q.Z / (r.Z / _k))) return true;
                    if (q.Z < -0.01f && q.Y > (isLong ? -0.11f : -0.085f) + 0.008f * MathF.Abs(MathF.Sin(q.X * 70))) return true; // back of the head, ragged nape
                    if (MathF.Abs(q.X) > 0.062f && q.Y > -0.035f + 0.5f * MathF.Max(0, q.Z - 0.01f) && q.Z < 0.04f) return true; // temples and sideburns
                    return false;
                },
            });
            if (isLong)
            {
                var top = c + new Vector3(0, 0.03f, -0.05f) * _k;
                float bottomY = _p[Skeleton.Spine2].Y + 0.03f * _k;
                var bottom = new Vector3(0, bottomY, -0.1f * _k);
                // Wide and thick at the nape, spreading over the shoulders, tapering to the ends.
                var fall = new Tube(top, bottom, Vector3.UnitX, u => new Vector2(0.09f + 0.025f * MathF.Sin(MathF.PI * MathF.Min(1, u * 1.4f)) - 0.02f * u, 0.05f * (1 - 0.55f * u))
                    * _k * MathF.Sqrt(MathF.Min(1, (1 - u) / 0.04f)));
                float span = top.Y - bottomY;
                _parts.Add(new Part
                {
                    Tube = fall, Bones = [Skeleton.Head, Skeleton.Neck, Skeleton.Spine3], Solid = false,
                    Paint = (p, n, u, a) => Strands(p, n, 0.5f + 0.25f * MathF.Sin(a * 53 + u * 2) + 0.25f * MathF.Sin(a * 31 + 1.3f)) * (1 - 0.15f * u),
                    Relief = p => 0.005f * _k * (0.5f + 0.5f * MathF.Sin(MathF.Atan2(p.X, p.Z - top.Z) * 13)),
                    // Ragged ends: locks of different lengths.
                    Keep = (p, n) => (top.Y - p.Y) / span < 0.86f + 0.12f * MathF.Abs(MathF.Sin(p.X / _k * 60)),
                });
                for (int side = -1; side <= 1; side += 2)
                {
                    var from = c + new Vector3(side * 0.078f, 0.02f, 0.0f) * _k;
                    var to = new Vector3(side * 0.11f * _k, _p[Skeleton.Spine3].Y - 0.02f * _k, 0.04f * _k);
                    var lockTube = Tube.Capsule(from, to, 0.026f * _k, 0.008f * _k, Vector3.UnitZ, 0.6f);
                    _parts.Add(new Part
                    {
                        Tube = lockTube, Bones = [Skeleton.Head, Skeleton.Neck], Solid = false,
                        Paint = (p, n, u, a) => Strands(p, n, 0.5f + 0.5f * MathF.Sin(a * 30 + u * 7)),
                        Relief = p => 0.003f * _k * (0.5f + 0.5f * MathF.Sin(p.Y / _k * 80 + p.X / _k * 30)),
                    });
                }
            }
        }
        var beardPaint = (Paint)((p, n, u, a) => hair * (0.85f + 0.15f * MathF.Sin(a * 37 + u * 9)));
        if (_spec.Extras.HasFlag(AvatarExtras.Beard))
        {
            var beard = Tube.Ellipsoid(c + new Vector3(0, -0.06f, 0.028f) * _k, new Vector3(0.07f, 0.07f, 0.08f) * _k);
            _parts.Add(new Part
            {
                Tube = beard, Paint = beardPaint, Bones = HeadBones, Solid = false,
                Keep = (p, n) => { var q = p - c; return q.Y < -0.04f * _k && q.Z > 0 && !(MathF.Abs(q.X) < 0.018f * _k && q.Y > -0.06f * _k); },
            });
            // The beard hangs below the chin as a wedge.
            var wedge = Tube.Capsule(c + new Vector3(0, -0.09f, 0.06f) * _k, c + new Vector3(0, -0.2f, 0.07f) * _k, 0.045f * _k, 0.012f * _k, Vector3.UnitX, 0.6f);
            _parts.Add(new Part { Tube = wedge, Paint = beardPaint, Bones = [Skeleton.Head], Solid = false });
        }
    }

    void AddGarmentShells()
    {
        float k = _k, g = _spec.Girth;
        float hemY = _spec.Top switch
        {
            TopKind.Robe => 0.06f * k,
            TopKind.Dress => _p[Skeleton.LeftKnee].Y - (_spec.Kind == AvatarKind.Fairy ? -0.02f : 0.06f) * k,
            _ => _spec.Bottom == BottomKind.Skirt ? _p[Skeleton.LeftKnee].Y + 0.07f * k : float.NaN,
        };
        if (float.IsNaN(hemY)) return;
        var color = _spec.Top is TopKind.Dress or TopKind.Robe ? Top : Bottom;
        float top = _waistY + 0.02f * k;
        float rTop = 0.15f * g * k * (_spec.Feminine ? 1.05f : 1), rHem = (_spec.Top == TopKind.Robe ? 0.3f : 0.27f) * k * MathF.Sqrt(g);
        var skirt = new Tube(new Vector3(0, top, 0), new Vector3(0, hemY, 0.01f * k), Vector3.UnitX, u =>
        {
            float r = rTop + (rHem - rTop) * MathF.Sqrt(u);
            return new Vector2(r, r * 0.78f) * (u > 0.985f ? 0.0f : 1);
        });
        // Soft vertical folds in the cloth; the hem is darker.
        _parts.Add(new Part
        {
            Tube = skirt, Paint = (p, n, u, a) => color * ((u > 0.95f ? 0.75f : 1) * (0.9f + 0.1f * MathF.Sin(a * 10))),
            Bones = [Skeleton.Pelvis, Skeleton.LeftHip, Skeleton.RightHip, Skeleton.LeftKnee, Skeleton.RightKnee, Skeleton.Spine1],
            Solid = true, Keep = (p, n) => p.Y < top - 0.005f,
        });
    }

    void AddHeadwear()
    {
        var c = _headC; var r = _headR; float k = _k;
        var col = _spec.HeadwearColor;
        int[] hb = HeadBones;
        switch (_spec.Headwear)
        {
            case HeadwearKind.Hat:
            {
                var brimC = c + new Vector3(0, 0.055f, 0) * k;
                _parts.Add(new Part { Tube = Tube.Ellipsoid(brimC, new Vector3(0.17f, 0.008f, 0.16f) * k), Paint = (_, _, _, _) => col, Bones = hb });
                var crown = new Tube(brimC, brimC + new Vector3(0, 0.11f, 0) * k, Vector3.UnitX, u => new Vector2(0.088f, 0.098f) * k * MathF.Sqrt(MathF.Min(1, (1 - u) / 0.04f)));
                _parts.Add(new Part { Tube = crown, Paint = (p, _, u, _) => u < 0.25f ? col * 0.45f : col, Bones = hb });
                break;
            }
            case HeadwearKind.Cap:
            {
                var dome = Tube.Ellipsoid(c + new Vector3(0, 0.012f, 0) * k, r + new Vector3(0.012f) * k);
                _parts.Add(new Part { Tube = dome, Paint = (_, _, _, _) => col, Bones = hb, Keep = (p, _) => p.Y > c.Y + 0.035f * k });
                _parts.Add(new Part { Tube = Tube.Ellipsoid(c + new Vector3(0, 0.04f, r.Z + 0.035f * k), new Vector3(0.075f, 0.006f, 0.055f) * k), Paint = (_, _, _, _) => col * 0.85f, Bones = hb });
                break;
            }
            case HeadwearKind.Helmet:
            {
                bool space = _spec.Top == TopKind.SpaceSuit || _spec.Kind == AvatarKind.Astronaut;
                float rr = (space ? 0.165f : 0.125f) * k;
                var hc = c + new Vector3(0, space ? -0.025f : 0.01f, 0) * k;
                var shell = Tube.Ellipsoid(hc, new Vector3(rr, rr * (space ? 1.02f : 0.95f), rr));
                Paint paint = space
                    ? (p, n, _, _) => n.Z > 0.35f && p.Y > hc.Y - 0.09f * k && p.Y < hc.Y + 0.09f * k && MathF.Abs(p.X - hc.X) < 0.12f * k ? new Vector3(0.55f, 0.42f, 0.12f) : col
                    : (p, n, _, _) => n.Z > 0.5f && MathF.Abs(p.Y - (c.Y + 0.012f * k)) < 0.012f * k ? new Vector3(0.05f, 0.05f, 0.05f) : RobotPanel(p, col);
                _parts.Add(new Part { Tube = shell, Paint = paint, Bones = hb, Gloss = space ? 0.6f : 0.3f, Keep = space ? null : (p, _) => p.Y > c.Y - 0.08f * k });
                break;
            }
            case HeadwearKind.Hood:
            {
                var shell = Tube.Ellipsoid(c + new Vector3(0, 0.005f, -0.012f) * k, r + new Vector3(0.02f, 0.02f, 0.02f) * k);
                _parts.Add(new Part
                {
                    Tube = shell, Paint = (_, _, _, _) => col, Bones = hb,
                    Keep = (p, n) => { var q = p - c; return !(q.Z > 0.02f * k && MathF.Abs(q.X) < 0.07f * k && q.Y < 0.06f * k) && q.Y > -0.1f * k; },
                });
                break;
            }
            case HeadwearKind.WizardHat:
            {
                var brimC = c + new Vector3(0, 0.06f, 0) * k;
                _parts.Add(new Part { Tube = Tube.Ellipsoid(brimC, new Vector3(0.18f, 0.007f, 0.17f) * k), Paint = (_, _, _, _) => col, Bones = hb });
                var cone = new Tube(brimC, brimC + new Vector3(0, 0.34f, -0.04f) * k, Vector3.UnitX, u => new Vector2(0.092f, 0.1f) * k * (1 - u));
                _parts.Add(new Part
                {
                    Tube = cone, Bones = hb,
                    Paint = (p, _, u, a) => u < 0.12f ? new Vector3(0.85f, 0.7f, 0.2f) : Stars(p, u, a) ? new Vector3(0.95f, 0.9f, 0.5f) : col,
                });
                break;
            }
            case HeadwearKind.Crown:
            {
                var band = new Tube(c + new Vector3(0, 0.05f, 0) * k, c + new Vector3(0, 0.1f, 0) * k, Vector3.UnitX, _ => new Vector2(0.085f, 0.095f) * k);
                _parts.Add(new Part { Tube = band, Paint = (_, _, _, _) => col, Bones = hb, Gloss = 0.5f, Solid = false });
                for (int i = 0; i < 7; i++)
                {
                    float a = MathF.Tau * i / 7;
                    var pt = c + new Vector3(MathF.Sin(a) * 0.085f, 0.115f, MathF.Cos(a) * 0.095f) * k;
                    _parts.Add(new Part { Tube = Tube.Ellipsoid(pt, new Vector3(0.012f, 0.02f, 0.012f) * k), Paint = (_, _, _, _) => i % 2 == 0 ? new Vector3(0.8f, 0.1f, 0.15f) : col, Bones = hb });
                }
                break;
            }
        }
    }

    static bool Stars(Vector3 p, float u, float a)
    {
        float fu = u * 9 - MathF.Floor(u * 9), fa = a * 1.3f - MathF.Floor(a * 1.3f);
        return fu > 0.4f && fu < 0.6f && fa > 0.45f && fa < 0.55f;
    }

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

    // ---------- assembly ----------

    SkinnedCloud Assemble() => _asm.Assemble();

    /// <summary>Rest-pose segment a joint's rotation moves (from the joint to its child, or a stub for end joints).</summary>
    Vector3 SegmentEnd(int j) => j switch
    {
        Skeleton.Pelvis => _p[Skeleton.Spine1],
        Skeleton.Spine3 => _p[Skeleton.Neck],
        Skeleton.Head => _p[Skeleton.Head] + new Vector3(0, 0.18f * _k, 0),
        Skeleton.LeftWrist => _p[j] + new Vector3(0.12f * _k, 0, 0),
        Skeleton.RightWrist => _p[j] - new Vector3(0.12f * _k, 0, 0),
        Skeleton.LeftFoot or Skeleton.RightFoot => _p[j] + new Vector3(0, 0, 0.07f * _k),
        Skeleton.LeftCollar => _p[Skeleton.LeftShoulder],
        Skeleton.RightCollar => _p[Skeleton.RightShoulder],
        _ => _p[Array.IndexOf(Skeleton.Parents, j)],
    };

}

/// <summary>Turns surface samples into flat Gaussians with baked soft lighting (avatars and props share it).</summary>
internal static class SurfaceSplat
{
    /// <summary>
    /// Writes Gaussian <paramref name="i"/>: a disc in the tangent plane (σ = 0.62·spacing, so neighbours
    /// overlap into a closed surface) and thin along the normal (0.12·spacing).
    /// </summary>
    public static void Write(GaussianCloud cloud, int i, Vector3 p, Vector3 n, Vector3 t, float spacing, Vector3 color, float opacity)
    {
        cloud.SetPosition(i, p);
        var b = Vector3.Cross(n, t);
        if (b.LengthSquared() < 1e-8f) { t = Vector3.Normalize(Vector3.Cross(n, MathF.Abs(n.X) < 0.9f ? Vector3.UnitX : Vector3.UnitY)); b = Vector3.Cross(n, t); }
        b = Vector3.Normalize(b);
        t = Vector3.Cross(b, n);
        var rot = Quaternion.CreateFromRotationMatrix(new Matrix4x4(t.X, t.Y, t.Z, 0, b.X, b.Y, b.Z, 0, n.X, n.Y, n.Z, 0, 0, 0, 0, 1));
        cloud.SetRotation(i, Quaternion.Normalize(rot));
        float sigma = spacing * 0.62f;
        cloud.SetLogScale(i, new Vector3(MathF.Log(sigma), MathF.Log(sigma), MathF.Log(MathF.Max(1e-4f, spacing * 0.12f))));
        cloud.Opacity[i] = GaussianCloud.Logit(opacity);
        cloud.SetColor(i, Vector3.Clamp(color, Vector3.Zero, Vector3.One));
    }

    /// <summary>Baked soft lighting: sky hemisphere plus a key light from above-front-left, optional highlight.</summary>
    public static Vector3 Shade(Vector3 c, Vector3 n, float gloss)
    {
        var key = Vector3.Normalize(new Vector3(0.35f, 0.8f, 0.5f));
        float hemi = 0.5f + 0.5f * n.Y;
        float diffuse = MathF.Max(0, Vector3.Dot(n, key));
        float shade = 0.6f + 0.22f * hemi + 0.25f * diffuse;
        var lit = c * shade;
        if (gloss > 0)
        {
            var h = Vector3.Normalize(key + Vector3.UnitZ);
            float spec = MathF.Pow(MathF.Max(0, Vector3.Dot(n, h)), 24) * gloss;
            lit += new Vector3(spec);
        }
        return lit;
    }
}
