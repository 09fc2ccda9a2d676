using System.Numerics;
using C3V.Splats;
using Paint = C3V.Actors.SurfacePaint;
using Part = C3V.Actors.BodyPart;
using Sample = C3V.Actors.SurfaceSample;

namespace C3V.Actors;

/// <summary>Lays out a humanoid's body on its skeleton (trunk, arms, legs) and assembles every part into a skinned cloud.</summary>
internal sealed partial class AvatarBuilder
{
    readonly AvatarSpec _spec;
    readonly Random _rng;
    readonly Skeleton _s;
    readonly Vector3[] _p;
    readonly float _k;           // length scale of the body: body height / 1.75
    readonly float _hk;          // length scale of the head (larger for a child)
    readonly float _stoopShift;  // how far forward the stoop moves the neck joint
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
        (_s, _k, _stoopShift) = Proportions(spec);
        _hk = _k * spec.HeadScale;
        _p = _s.RestPositions;
        _h = AvatarGenerator.BaseSpacing * _k;
        _asm = new PartAssembler(_s, _h, _rng, SegmentEnd);
    }

    /// <summary>
    /// The skeleton for the spec's age and build. A larger head (a child's) takes its share of the height from the body:
    /// the body is built for a shorter figure and the head, scaled up, reaches the requested height. A stoop bends the
    /// upper spine, neck and head offsets forward, so every clip played on this skeleton keeps it.
    /// </summary>
    static (Skeleton Skeleton, float BodyScale, float StoopShift) Proportions(AvatarSpec spec)
    {
        float legRatio = spec.Kind == AvatarKind.Alien ? 0.92f : spec.Age == AgeGroup.Child ? 0.94f : 1f;
        // The head (chin to crown, 0.19 m on a 1.75 m adult) grows by HeadScale - 1 above the neck.
        float body = spec.Height / (1 + 0.108f * (spec.HeadScale - 1));
        var s = Skeleton.CreateHuman(body, legRatio, spec.Shoulders);
        float shift = 0;
        if (spec.Stoop > 0 || spec.HeadScale != 1)
        {
            var offsets = s.Offsets.ToArray();
            var neckBefore = s.RestPositions[Skeleton.Neck];
            Vector3 Bend(Vector3 o, float angle) => Vector3.Transform(o, Quaternion.CreateFromAxisAngle(Vector3.UnitX, angle));
            offsets[Skeleton.Spine3] = Bend(offsets[Skeleton.Spine3], spec.Stoop * 0.5f);
            offsets[Skeleton.Neck] = Bend(offsets[Skeleton.Neck], spec.Stoop);
            offsets[Skeleton.Head] = Bend(offsets[Skeleton.Head], spec.Stoop * 1.5f);
            s = new Skeleton(offsets, spec.Height);
            shift = s.RestPositions[Skeleton.Neck].Z - neckBefore.Z;
        }
        return (s, body / Skeleton.ReferenceHeight, shift);
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
    float Puff => _spec.Top switch { TopKind.SpaceSuit => 1.32f, TopKind.SkiSuit => 1.14f, TopKind.Armor => 1.1f, TopKind.Sweater or TopKind.Jacket or TopKind.Hoodie or TopKind.TrackTop or TopKind.Coat => 1.05f, _ => 1f };
    /// <summary>Highlight strength of the body's surface: polished armour shines.</summary>
    float BodyGloss => _spec.Metallic && _spec.Top == TopKind.Armor ? 0.6f : 0;
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
        AddHoodieHood();
        AddNose();
        AddExtras();
        return Assemble();
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
        var torso = new Tube(new Vector3(0, yBottom, 0.0f), new Vector3(0, yTop, -0.005f * k + _stoopShift), Vector3.UnitX, u => Profile(u) * k) { Exponent = Robot ? 3.2f : 2 };
        _parts.Add(new Part { Tube = torso, Paint = (p, n, _, _) => TorsoColor(p, n), Bones = TorsoBones, Gloss = BodyGloss });
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
        Paint paint = (p, n, _, _) => ArmColor(side, p, n, Along(p));
        _parts.Add(new Part { Tube = upper, Paint = paint, Bones = bones, Gloss = BodyGloss });
        _parts.Add(new Part { Tube = fore, Paint = paint, Bones = bones, Gloss = BodyGloss });
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
        if (_spec.BoxingGloves)
        {
            // A padded boxing glove: a round mitt over the fist and a cuff round the wrist.
            var glove = _spec.GloveColor ?? new Vector3(0.8f, 0.06f, 0.06f);
            _parts.Add(new Part { Tube = Tube.Ellipsoid(hc + new Vector3(side * 0.01f, 0, 0.01f) * k, new Vector3(0.065f, 0.085f, 0.07f) * k, new Vector3(side, 0, 0), Vector3.UnitZ), Paint = (_, n, _, _) => glove, Bones = [bones[3], bones[4]], Gloss = 0.4f });
            _parts.Add(new Part { Tube = Tube.Capsule(wr - new Vector3(side * 0.03f * k, 0, 0), wr + new Vector3(side * 0.03f * k, 0, 0), 0.05f * k, 0.05f * k, Vector3.UnitZ), Paint = (_, _, _, _) => Vector3.Lerp(glove, Vector3.One, 0.7f), Bones = [bones[3], bones[4]] });
            return;
        }
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
        Paint paint = (p, n, _, _) => LegColor(p, n, Along(p));
        var thigh = Tube.Capsule(hip + new Vector3(side * 0.005f, 0.03f, 0) * k, knee, 0.085f * k * g, 0.056f * k * g, Vector3.UnitX);
        _parts.Add(new Part { Tube = thigh, Paint = paint, Bones = bones, Gloss = BodyGloss });
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
        _parts.Add(new Part { Tube = shin, Paint = paint, Bones = bones, Gloss = BodyGloss });
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


    // ---------- assembly ----------

    SkinnedCloud Assemble() => _asm.Assemble();

    /// <summary>After <see cref="Build"/>: each Gaussian's prop tag (null for the body).</summary>
    public string?[] Tags => _asm.Tags;

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
