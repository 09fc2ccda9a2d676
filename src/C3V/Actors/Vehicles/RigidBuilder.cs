using System.Numerics;
using C3V.World;

namespace C3V.Actors;

/// <summary>A vehicle or thing to build: its build id (a <see cref="BodyCatalog"/> rigid build), main colour and size factor.</summary>
public sealed record RigidSpec(string Description, string Build, Vector3 Color, float Size)
{
    /// <summary>The builds <see cref="RigidBuilder"/> makes.</summary>
    public static IReadOnlySet<string> Builds { get; } = new HashSet<string>
    {
        "car", "suv", "van", "truck", "bus", "tractor", "train", "bicycle", "motorcycle", "scooter", "skateboard",
        "boat", "canoe", "sailboat", "ship", "drone", "helicopter", "airplane", "ball", "balloon", "kite", "box", "barrel",
    };

    static readonly Dictionary<string, Vector3> Defaults = new()
    {
        ["car"] = new(0.75f, 0.1f, 0.1f), ["suv"] = new(0.2f, 0.25f, 0.3f), ["van"] = new(0.92f, 0.92f, 0.9f), ["truck"] = new(0.2f, 0.35f, 0.65f),
        ["bus"] = new(0.95f, 0.75f, 0.1f), ["tractor"] = new(0.2f, 0.55f, 0.2f), ["train"] = new(0.75f, 0.15f, 0.12f), ["bicycle"] = new(0.1f, 0.35f, 0.75f),
        ["motorcycle"] = new(0.1f, 0.1f, 0.12f), ["scooter"] = new(0.85f, 0.3f, 0.3f), ["skateboard"] = new(0.8f, 0.5f, 0.2f), ["boat"] = new(0.93f, 0.93f, 0.9f),
        ["canoe"] = new(0.85f, 0.35f, 0.1f), ["sailboat"] = new(0.93f, 0.93f, 0.9f), ["ship"] = new(0.2f, 0.2f, 0.25f), ["drone"] = new(0.15f, 0.15f, 0.17f),
        ["helicopter"] = new(0.85f, 0.2f, 0.15f), ["airplane"] = new(0.93f, 0.93f, 0.95f), ["ball"] = new(0.95f, 0.95f, 0.95f), ["balloon"] = new(0.9f, 0.1f, 0.15f),
        ["kite"] = new(0.95f, 0.8f, 0.1f), ["box"] = new(0.72f, 0.55f, 0.35f), ["barrel"] = new(0.45f, 0.3f, 0.17f),
    };

    public static RigidSpec? FromDescription(string description, BodyType? body = null)
    {
        body ??= BodyCatalog.Find(description);
        if (body is null || body.Rig != BodyRig.Rigid || !Builds.Contains(body.Build)) return null;
        var text = description.ToLowerInvariant();
        var attrs = AttributeExtractor.Extract(text);
        var color = attrs.Colors.Count > 0 ? attrs.Colors[0].Rgb : body.Noun == "taxi" ? new Vector3(0.98f, 0.8f, 0.1f) : body.Noun == "basketball" ? new Vector3(0.9f, 0.45f, 0.12f) : Defaults[body.Build];
        return new RigidSpec(description, body.Noun is "football" or "basketball" ? body.Noun : body.Build, color, attrs.SizeFactor);
    }
}

/// <summary>
/// Builds vehicles and things on the <see cref="RigidSkeleton"/>: bodies as rounded boxes and tubes, wheels as
/// discs skinned to their own joints (tyre, rim and spokes painted so turning shows), rotors, sails, a ball's
/// panels. Sizes are real (a car 4.2 m long, a bus 11 m, a bicycle's wheels 0.68 m across), times the size words.
/// </summary>
public static class RigidBuilder
{
    public static SkinnedCloud Generate(RigidSpec spec, int seed = 0) => new Builder(spec, seed).Build();

    sealed class Builder(RigidSpec spec, int seed)
    {
        readonly List<(Func<PartAssembler, BodyPart> Make, string What)> _todo = [];
        PartAssembler _asm = null!;
        Skeleton _s = null!;
        readonly float _k = spec.Size;
        Vector3 C => spec.Color;
        static readonly Vector3 Tyre = new(0.06f, 0.06f, 0.06f), Metal = new(0.7f, 0.71f, 0.73f), Glass = new(0.12f, 0.16f, 0.22f), Dark = new(0.1f, 0.1f, 0.11f);

        public SkinnedCloud Build()
        {
            float k = _k;
            switch (spec.Build)
            {
                case "car" or "suv" or "van":
                {
                    bool tall = spec.Build != "car";
                    float r = (tall ? 0.38f : 0.33f) * k, len = (spec.Build == "van" ? 4.8f : tall ? 4.5f : 4.2f) * k, wid = 1.8f * k;
                    float top = (spec.Build == "van" ? 2.0f : tall ? 1.75f : 1.45f) * k;
                    Rig(r, top, wheels: (0.82f * wid / 1.8f * 1.0f, 0.32f * len));
                    Box(new(0, r + 0.35f * k, 0), new(wid / 2, 0.3f * k, len / 2), 0.8f, (p, n) => n.Z > 0.8f && MathF.Abs(p.X) > 0.55f * k ? new Vector3(1, 0.95f, 0.8f) : n.Z < -0.8f && MathF.Abs(p.X) > 0.55f * k ? new Vector3(0.8f, 0.05f, 0.05f) : C);
                    float cabLen = spec.Build == "van" ? 0.85f * len : 0.55f * len, cabZ = spec.Build == "van" ? -0.05f * len : -0.05f * len;
                    float cabBottom = r + 0.62f * k, cabH = top - cabBottom;
                    Box(new(0, cabBottom + cabH / 2, cabZ), new(0.46f * wid, cabH / 2, cabLen / 2), 0.7f,
                        (p, n) => MathF.Abs(n.Y) < 0.6f && p.Y > cabBottom + 0.12f * k && p.Y < top - 0.08f * k ? Glass : C);
                    Wheels(r, 0.22f * k);
                    break;
                }
                case "truck" or "bus" or "train" or "tractor":
                {
                    bool bus = spec.Build is "bus" or "train";
                    float r = (spec.Build == "tractor" ? 0.7f : 0.5f) * k, len = (spec.Build == "train" ? 16f : bus ? 11f : spec.Build == "tractor" ? 3.5f : 7f) * k, wid = (spec.Build == "tractor" ? 1.9f : 2.5f) * k;
                    float top = (spec.Build == "tractor" ? 2.6f : bus ? 3.1f : 3.2f) * k;
                    Rig(r, top, wheels: (0.42f * wid, 0.36f * len));
                    if (bus)
                        Box(new(0, r + (top - r) / 2 + 0.1f * k, 0), new(wid / 2, (top - r) / 2 - 0.05f * k, len / 2), 0.9f,
                            (p, n) => MathF.Abs(n.Y) < 0.6f && p.Y > top - 1.3f * k && p.Y < top - 0.35f * k && (MathF.Abs(n.X) > 0.6f ? ((int)((p.Z + 50) / (1.2f * k)) % 5 != 0) : n.Z > 0.6f) ? Glass : C);
                    else
                    {
                        float cab = spec.Build == "tractor" ? 1.4f * k : 2.2f * k;
                        Box(new(0, r + 1.0f * k, len / 2 - cab / 2), new(wid / 2, (spec.Build == "tractor" ? 1.0f : 1.0f) * k, cab / 2), 0.9f, (p, n) => n.Z > 0.6f && p.Y > r + 1.2f * k ? Glass : C);
                        if (spec.Build == "truck") Box(new(0, r + (top - r) / 2 + 0.1f * k, -cab / 2), new(wid / 2, (top - r) / 2, (len - cab) / 2 - 0.1f * k), 0.95f, (_, _) => new Vector3(0.85f, 0.85f, 0.83f));
                        else Box(new(0, r + 0.5f * k, -0.6f * k), new(0.4f * wid, 0.45f * k, 1.1f * k), 0.9f, (_, _) => C);
                    }
                    Wheels(r, 0.35f * k);
                    break;
                }
                case "bicycle" or "motorcycle" or "scooter":
                {
                    bool motor = spec.Build != "bicycle";
                    float r = (spec.Build == "scooter" ? 0.22f : 0.34f) * k, wb = (motor ? 1.45f : 1.05f) * k;
                    var rear = new Vector3(0, r, -wb / 2);
                    var front = new Vector3(0, r, wb / 2);
                    var fork = new Vector3(0, r + (motor ? 0.75f : 0.65f) * k, wb / 2 - 0.12f * k);
                    _s = RigidSkeleton.Create(r, (motor ? 1.2f : 1.05f) * k, rearLeft: rear, fork: fork, frontWheel: front);
                    Begin();
                    var seat = new Vector3(0, r + (motor ? 0.5f : 0.6f) * k, -0.15f * wb);
                    var crank = new Vector3(0, r + 0.02f * k, -0.02f * wb);
                    foreach (var (a, b) in new[] { (rear, seat), (seat, crank), (crank, rear), (seat, fork), (crank, fork) })
                        Rod(a, b, (motor ? 0.04f : 0.018f) * k, C, [Skeleton.Pelvis]);
                    Rod(fork, front, 0.02f * k, Metal, [RigidSkeleton.Fork]);
                    Rod(fork - new Vector3(0.25f, -0.08f, 0.05f) * k, fork + new Vector3(0.25f, 0.08f, -0.05f) * k, 0.015f * k, Dark, [RigidSkeleton.Fork]);
                    Add(Tube.Ellipsoid(seat + new Vector3(0, 0.04f, 0) * k, new Vector3(0.08f, 0.03f, 0.14f) * k), Dark, [Skeleton.Pelvis]);
                    if (motor) Add(Tube.Ellipsoid(new Vector3(0, r + 0.35f * k, 0), new Vector3(0.17f, 0.22f, 0.45f) * k), C, [Skeleton.Pelvis]);
                    Wheel(rear, r, 0.05f * k * (motor ? 2.5f : 1), RigidSkeleton.RearLeft, spokes: !motor);
                    Wheel(front, r, 0.05f * k * (motor ? 2.5f : 1), RigidSkeleton.FrontWheel, spokes: !motor);
                    break;
                }
                case "skateboard":
                {
                    float r = 0.03f * k;
                    _s = RigidSkeleton.Create(r, 0.12f * k, new(0.1f * k, r, -0.28f * k), new(-0.1f * k, r, -0.28f * k), new(0.1f * k, r, 0.28f * k), new(-0.1f * k, r, 0.28f * k));
                    Begin();
                    Box(new(0, 0.09f * k, 0), new(0.11f * k, 0.008f * k, 0.4f * k), 0.6f, (p, n) => n.Y > 0.5f ? Dark : C);
                    Wheels(r, 0.03f * k, outer: false);
                    break;
                }
                case "boat" or "canoe" or "sailboat" or "ship":
                {
                    float len = (spec.Build switch { "canoe" => 4.5f, "ship" => 40f, "sailboat" => 8f, _ => 5f }) * k;
                    float beam = len * (spec.Build == "canoe" ? 0.18f : 0.33f), depth = len * (spec.Build == "canoe" ? 0.08f : 0.16f);
                    float top = spec.Build == "sailboat" ? 1.3f * len : spec.Build == "ship" ? 0.3f * len : depth * 2.2f;
                    Rig(depth * 0.5f, top);
                    // Hull: a pointed tube along Z, cut off at the deck; a white waterline stripe.
                    var hull = new Tube(new Vector3(0, depth * 0.5f, -len / 2), new Vector3(0, depth * 0.5f, len / 2), Vector3.UnitX,
                        u => new Vector2(beam / 2, depth) * MathF.Sqrt(MathF.Max(0, 1 - MathF.Pow(MathF.Max(0, 2 * u - 1), 2))) * MathF.Sqrt(MathF.Min(1, u / 0.08f + 0.3f)));
                    _todo.Add((a => a.Add(new BodyPart { Tube = hull, Bones = [Skeleton.Pelvis], Keep = (p, _) => p.Y <= depth * 1.05f, Paint = (p, _, _, _) => MathF.Abs(p.Y - depth * 0.8f) < 0.04f * depth ? Vector3.One : C }), "hull"));
                    Box(new(0, depth * 1.0f, 0), new(beam * 0.45f, 0.02f * depth, len * 0.4f), 0.9f, (_, _) => new Vector3(0.6f, 0.45f, 0.3f));
                    if (spec.Build is "boat" or "ship")
                        Box(new(0, depth * (spec.Build == "ship" ? 2.2f : 1.5f), -len * 0.1f), new(beam * 0.3f, depth * (spec.Build == "ship" ? 1.1f : 0.5f), len * 0.15f), 0.9f, (p, n) => MathF.Abs(n.Y) < 0.5f && MathF.Abs(p.Y - depth * 1.6f) < depth * 0.15f ? Glass : Vector3.One * 0.93f);
                    if (spec.Build == "sailboat")
                    {
                        var mast = new Vector3(0, depth, len * 0.08f);
                        Rod(mast, mast + new Vector3(0, 1.2f * len, 0), 0.012f * len, Metal, [Skeleton.Pelvis]);
                        var sail = new Sheet(mast + new Vector3(0.01f * len, 0.08f * len, -0.01f * len), new Vector3(0, 0, -0.42f * len), new Vector3(0, 1.05f * len, 0), (a, b) => a < 1 - b);
                        _todo.Add((x => x.Add(new BodyPart { Sheet = sail, Bones = [Skeleton.Pelvis], Solid = false, Hideable = false, Paint = (_, _, _, _) => new Vector3(0.96f, 0.95f, 0.92f) }), "sail"));
                    }
                    break;
                }
                case "drone":
                {
                    float a = 0.2f * k, h = 0.08f * k;
                    _s = RigidSkeleton.Create(h, 0.2f * k, new(a, h + 0.03f * k, -a), new(-a, h + 0.03f * k, -a), new(a, h + 0.03f * k, a), new(-a, h + 0.03f * k, a));
                    Begin();
                    Box(new(0, h, 0), new Vector3(0.07f, 0.03f, 0.1f) * k, 0.8f, (p, n) => n.Z > 0.8f ? Glass : C);
                    int[] rotors = [RigidSkeleton.RearLeft, RigidSkeleton.RearRight, RigidSkeleton.FrontLeft, RigidSkeleton.FrontRight];
                    foreach (int j in rotors)
                    {
                        var at = _s.RestPositions[j];
                        Rod(new Vector3(0, h, 0), at with { Y = h }, 0.012f * k, C, [Skeleton.Pelvis]);
                        Add(Tube.Ellipsoid(at - new Vector3(0, 0.015f * k, 0), new Vector3(0.02f, 0.02f, 0.02f) * k), Dark, [Skeleton.Pelvis]);
                        // Two blades across the rotor joint.
                        Rod(at - new Vector3(0.09f * k, 0, 0), at + new Vector3(0.09f * k, 0, 0), 0.008f * k, new Vector3(0.8f, 0.8f, 0.82f), [j], flat: 0.2f);
                    }
                    break;
                }
                case "helicopter" or "airplane":
                {
                    bool heli = spec.Build == "helicopter";
                    float len = (heli ? 10f : 12f) * k, r = (heli ? 1.0f : 1.0f) * k;
                    Rig(r + 0.5f * k, (heli ? 3.5f : 4f) * k);
                    if (heli) _s = RigidSkeleton.Create(r + 0.5f * k, 3.5f * k, fork: new Vector3(0, 2 * r + 0.9f * k, 0));
                    Begin();
                    var body = new Tube(new Vector3(0, r + 0.5f * k, -len / 2), new Vector3(0, r + 0.5f * k, len / 2), Vector3.UnitX,
                        u => new Vector2(r, r) * (heli ? (u < 0.45f ? 0.25f + 0.75f * u / 0.45f * 0.4f : MathF.Sqrt(MathF.Max(0, 1 - Sq((u - 0.72f) / 0.28f)))) : MathF.Sqrt(MathF.Min(1, u / 0.12f)) * MathF.Sqrt(MathF.Min(1, (1 - u) / 0.1f))));
                    _todo.Add((a => a.Add(new BodyPart { Tube = body, Bones = [Skeleton.Pelvis], Paint = (p, n, u, _) => u > 0.85f && n.Y > 0.2f ? Glass : C }), "body"));
                    if (heli)
                    {
                        var hub = _s.RestPositions[RigidSkeleton.Fork];
                        Rod(hub - new Vector3(5.5f * k, 0, 0), hub + new Vector3(5.5f * k, 0, 0), 0.08f * k, Dark, [RigidSkeleton.Fork], flat: 0.2f);
                        Rod(hub - new Vector3(0, 0, 5.5f * k), hub + new Vector3(0, 0, 5.5f * k), 0.08f * k, Dark, [RigidSkeleton.Fork], flat: 0.2f);
                        Rod(new Vector3(-0.6f * k, 0.1f * k, -1.5f * k), new Vector3(-0.6f * k, 0.1f * k, 1.8f * k), 0.05f * k, Dark, [Skeleton.Pelvis]);
                        Rod(new Vector3(0.6f * k, 0.1f * k, -1.5f * k), new Vector3(0.6f * k, 0.1f * k, 1.8f * k), 0.05f * k, Dark, [Skeleton.Pelvis]);
                    }
                    else
                    {
                        var wing = new Sheet(new Vector3(-6f * k, r + 0.3f * k, 1.2f * k), new Vector3(12f * k, 0, 0), new Vector3(0, 0, -2.2f * k), (a, b) => b < 1 - 0.5f * MathF.Abs(2 * a - 1));
                        _todo.Add((x => x.Add(new BodyPart { Sheet = wing, Bones = [Skeleton.Pelvis], Solid = false, Hideable = false, Paint = (_, _, _, _) => C * 0.95f }), "wings"));
                        var fin = new Sheet(new Vector3(0, r + 1.2f * k, -len / 2 + 1.8f * k), new Vector3(0, 0, -1.6f * k), new Vector3(0, 1.8f * k, 0), (a, b) => a > b * 0.6f);
                        _todo.Add((x => x.Add(new BodyPart { Sheet = fin, Bones = [Skeleton.Pelvis], Solid = false, Hideable = false, Paint = (_, _, _, _) => new Vector3(0.15f, 0.3f, 0.7f) }), "fin"));
                    }
                    break;
                }
                case "ball" or "football" or "basketball":
                {
                    float r = (spec.Build == "basketball" ? 0.12f : 0.11f) * k;
                    Rig(r, 2 * r);
                    var rng = new Random(seed);
                    // Panels: a soccer ball's dark pentagon spots, a basketball's seams, a plain ball's two-tone halves.
                    var spots = Enumerable.Range(0, 12).Select(i => Vector3.Normalize(new Vector3(MathF.Cos(i * 2.4f) * MathF.Sqrt(1 - Sq(1 - (2 * i + 1) / 12f)), 1 - (2 * i + 1) / 12f, MathF.Sin(i * 2.4f) * MathF.Sqrt(1 - Sq(1 - (2 * i + 1) / 12f))))).ToArray();
                    Func<Vector3, Vector3, Vector3> paint = spec.Build switch
                    {
                        "football" => (_, n) => spots.Any(sp => Vector3.Dot(sp, n) > 0.93f) ? Dark : Vector3.One * 0.95f,
                        "basketball" => (_, n) => MathF.Abs(n.X) < 0.03f || MathF.Abs(n.Y) < 0.03f || MathF.Abs(MathF.Abs(n.Z) - 0.7f) < 0.03f ? Dark : C,
                        _ => (_, n) => n.Y > 0 ? C : Vector3.Lerp(C, Vector3.One, 0.6f),
                    };
                    _todo.Add((a => a.Add(new BodyPart { Tube = Tube.Ellipsoid(new Vector3(0, r, 0), new Vector3(r)), Bones = [Skeleton.Pelvis], Paint = (p, n, _, _) => paint(p, n), Gloss = 0.2f }), "ball"));
                    break;
                }
                case "balloon":
                {
                    float r = 0.15f * k, up = 1.2f * k;
                    Rig(up, up + 2.3f * r);
                    _todo.Add((a => a.Add(new BodyPart { Tube = Tube.Ellipsoid(new Vector3(0, up + 1.15f * r, 0), new Vector3(r, 1.15f * r, r)), Bones = [Skeleton.Pelvis], Paint = (_, _, _, _) => C, Gloss = 0.6f }), "balloon"));
                    Rod(new Vector3(0, 0.05f * k, 0), new Vector3(0, up, 0), 0.003f * k, new Vector3(0.9f, 0.9f, 0.9f), [Skeleton.Pelvis]);
                    break;
                }
                case "kite":
                {
                    float s = 0.5f * k, up = 4f * k;
                    Rig(up, up + s);
                    var kite = new Sheet(new Vector3(0, up - s, 0), new Vector3(-s, s, 0) * 1.4f, new Vector3(s, s, 0) * 1.4f, (a, b) => true);
                    _todo.Add((x => x.Add(new BodyPart { Sheet = kite, Bones = [Skeleton.Pelvis], Solid = false, Hideable = false, Paint = (_, _, a, b) => (a < 0.5f) ^ (b < 0.5f) ? C : new Vector3(0.9f, 0.15f, 0.15f) }), "kite"));
                    for (int i = 0; i < 6; i++) Rod(new Vector3(0.05f * i * k * MathF.Sin(i), up - s - 0.25f * i * k, -0.02f * i * k), new Vector3(0.05f * (i + 1) * k * MathF.Sin(i + 1), up - s - 0.25f * (i + 1) * k, -0.02f * (i + 1) * k), 0.01f * k, i % 2 == 0 ? C : new Vector3(0.2f, 0.4f, 0.9f), [Skeleton.Pelvis]);
                    break;
                }
                default: // box, barrel
                {
                    bool barrel = spec.Build == "barrel";
                    float hgt = (barrel ? 0.9f : 0.4f) * k;
                    Rig(hgt / 2, hgt);
                    if (barrel) _todo.Add((a => a.Add(new BodyPart { Tube = new Tube(new Vector3(0, 0, 0), new Vector3(0, hgt, 0), Vector3.UnitX, u => new Vector2(0.3f * k * (1 + 0.12f * MathF.Sin(MathF.PI * u)) * MathF.Sqrt(MathF.Min(1, MathF.Min(u, 1 - u) / 0.02f + 0.5f)))) { Exponent = 2 }, Bones = [Skeleton.Pelvis], Paint = (p, _, u, _) => MathF.Abs(u - 0.2f) < 0.02f || MathF.Abs(u - 0.8f) < 0.02f ? Dark : C }), "barrel"));
                    else Box(new(0, hgt / 2, 0), new(0.25f * k, hgt / 2, 0.25f * k), 0.95f, (p, n) => MathF.Abs(p.X) < 0.02f * k && n.Y > 0.5f ? C * 0.6f : C);
                    break;
                }
            }
            foreach (var (make, _) in _todo) make(_asm);
            return _asm.Assemble();
        }

        void Rig(float axle, float top, (float X, float Z)? wheels = null)
        {
            if (_s is null)
                _s = wheels is { } w
                    ? RigidSkeleton.Create(axle, top, new(w.X, axle, -w.Z), new(-w.X, axle, -w.Z), new(w.X, axle, w.Z), new(-w.X, axle, w.Z))
                    : RigidSkeleton.Create(axle, top);
            Begin();
        }

        void Begin()
        {
            if (_asm is not null) return;
            float size = MathF.Max(_s.Height, 0.3f);
            float spacing = AvatarGenerator.BaseSpacing * Math.Clamp(size / 1.2f, 0.12f, 12f);
            _asm = new PartAssembler(_s, spacing, new Random(seed * 7919 + 37), j => _s.RestPositions[j] + new Vector3(0, 0.1f, 0));
        }

        void Add(Tube t, Vector3 colour, int[] bones, bool solid = true) =>
            _todo.Add((a => a.Add(new BodyPart { Tube = t, Bones = bones, Solid = solid, Paint = (_, _, _, _) => colour }), "part"));

        void Rod(Vector3 a, Vector3 b, float r, Vector3 colour, int[] bones, float flat = 1) =>
            _todo.Add((x => x.Add(new BodyPart { Tube = Tube.Capsule(a, b, r, r, MathF.Abs(Vector3.Normalize(b - a).Y) > 0.9f ? Vector3.UnitX : Vector3.UnitY, flat), Bones = bones, Solid = false, Paint = (_, _, _, _) => colour }), "rod"));

        /// <summary>A rounded box (superellipse sections with rounded ends).</summary>
        void Box(Vector3 c, Vector3 half, float square, Func<Vector3, Vector3, Vector3> paint)
        {
            var tube = new Tube(c - new Vector3(0, 0, half.Z), c + new Vector3(0, 0, half.Z), Vector3.UnitX,
                u => new Vector2(half.X, half.Y) * MathF.Pow(MathF.Max(0, 1 - MathF.Pow(MathF.Abs(2 * u - 1), 8)), 1 / 8f) * (0.92f + 0.08f * square)) { Exponent = 2 + 6 * square };
            _todo.Add((a => a.Add(new BodyPart { Tube = tube, Bones = [Skeleton.Pelvis], Paint = (p, n, _, _) => paint(p, n), Gloss = 0.25f }), "box"));
        }

        void Wheels(float r, float width, bool outer = true)
        {
            foreach (int j in new[] { RigidSkeleton.RearLeft, RigidSkeleton.RearRight, RigidSkeleton.FrontLeft, RigidSkeleton.FrontRight })
                Wheel(_s.RestPositions[j], r, width, j, spokes: false);
            _ = outer;
        }

        /// <summary>A wheel turning about X on joint <paramref name="bone"/>: a tyre ring and a rim with spokes (or five hub windows) so its turning shows.</summary>
        void Wheel(Vector3 c, float r, float width, int bone, bool spokes)
        {
            var disc = new Tube(c - new Vector3(width / 2, 0, 0), c + new Vector3(width / 2, 0, 0), Vector3.UnitY,
                u => new Vector2(r, r) * MathF.Sqrt(MathF.Max(0, 1 - MathF.Pow(MathF.Abs(2 * u - 1), 6))));
            _todo.Add((a => a.Add(new BodyPart
            {
                Tube = disc, Bones = [bone], Hideable = false,
                Paint = (p, n, u, ang) =>
                {
                    var d = p - c;
                    float rad = MathF.Sqrt(d.Y * d.Y + d.Z * d.Z) / r, phi = MathF.Atan2(d.Y, d.Z);
                    if (rad > (spokes ? 0.9f : 0.68f) || MathF.Abs(n.X) < 0.5f) return Tyre;
                    if (spokes) return rad < 0.1f || MathF.Abs(MathF.Sin(phi * 8)) < 0.12f ? Metal : new Vector3(0.55f, 0.62f, 0.55f);
                    return MathF.Abs(MathF.Sin(phi * 2.5f)) < 0.35f && rad > 0.2f ? Dark : Metal;
                },
            }), "wheel"));
        }

        static float Sq(float x) => x * x;
    }
}
