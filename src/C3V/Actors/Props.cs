using System.Numerics;
using C3V.Splats;
using C3V.World;

namespace C3V.Actors;

/// <summary>
/// Rigid props as plain (non-skinned) Gaussian clouds, built like the avatars from sampled closed surfaces:
/// ball, box, chair, table, car, barrel, traffic cone. Object frame: standing on y = 0, centred on the Y
/// axis, front towards +Z, metres.
/// </summary>
public static class Props
{
    public static IReadOnlyList<string> Names { get; } = ["ball", "box", "chair", "table", "car", "barrel", "cone"];

    static readonly Dictionary<string, string> Synonyms = new()
    {
        ["football"] = "ball", ["soccer ball"] = "ball", ["basketball"] = "ball", ["beach ball"] = "ball",
        ["crate"] = "box", ["cube"] = "box", ["package"] = "box", ["parcel"] = "box", ["cardboard box"] = "box",
        ["seat"] = "chair", ["stool"] = "chair", ["desk"] = "table", ["automobile"] = "car", ["taxi"] = "car",
        ["vehicle"] = "car", ["keg"] = "barrel", ["drum"] = "barrel", ["traffic cone"] = "cone", ["pylon"] = "cone",
    };

    static readonly Dictionary<string, Vector3> DefaultColors = new()
    {
        ["ball"] = new(0.9f, 0.3f, 0.15f), ["box"] = new(0.72f, 0.55f, 0.35f), ["chair"] = new(0.55f, 0.36f, 0.2f),
        ["table"] = new(0.6f, 0.42f, 0.25f), ["car"] = new(0.75f, 0.1f, 0.1f), ["barrel"] = new(0.45f, 0.3f, 0.17f),
        ["cone"] = new(0.98f, 0.45f, 0.05f),
    };

    /// <summary>Words that make a description a character rather than an object ("a man with a ball").</summary>
    static readonly HashSet<string> CharacterWords =
    [
        "person", "people", "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "child", "children", "kid", "kids", "guy", "lady",
        "human", "someone", "character", "player", "dancer", "soldier", "knight", "king", "queen", "prince", "princess", "robot", "android",
        "alien", "fairy", "wizard", "warlock", "witch", "astronaut", "skier", "hiker", "angel", "athlete", "he", "she", "they",
    ];

    /// <summary>The prop a phrase names ("a red car", "wooden crate"), with its colour, or null when none is named.</summary>
    public static GaussianCloud? FromDescription(string text, int seed = 0)
    {
        var found = Find(text);
        if (found is null) return null;
        var attrs = AttributeExtractor.Extract(text ?? "");
        return Create(found.Value.Name, attrs.Colors.Count > 0 ? attrs.Colors[0].Rgb : null, seed);
    }

    /// <summary>True when the description is of an object: it names a prop before any word for a person or creature ("a red ball", not "a man with a ball").</summary>
    public static bool IsPropDescription(string text) => Find(text) is { Before: false };

    /// <summary>The first prop named, and whether a character word came before it.</summary>
    static (string Name, bool Before)? Find(string? text)
    {
        var words = Tokenizer.Words((text ?? "").ToLowerInvariant());
        bool character = false;
        for (int i = 0; i < words.Count; i++)
        {
            string two = i + 1 < words.Count ? words[i] + " " + words[i + 1] : "";
            if (Synonyms.TryGetValue(two, out var s2)) return (s2, character);
            if (Synonyms.TryGetValue(words[i], out var s1)) return (s1, character);
            if (Names.Contains(words[i])) return (words[i], character);
            character |= CharacterWords.Contains(words[i]);
        }
        return null;
    }

    /// <summary>
    /// A prop as an actor that never moves: bound rigidly to the pelvis of a skeleton whose height is the prop's
    /// (so previews frame it); pose it with <see cref="MotionClip.Still"/>.
    /// </summary>
    public static SkinnedCloud AsActor(GaussianCloud prop)
    {
        var (_, max) = prop.Bounds();
        return SkinnedCloud.Rigid(prop, new Skeleton(Skeleton.Default.Offsets, MathF.Max(0.2f, max.Y)), Skeleton.Pelvis);
    }

    /// <summary>The prop <paramref name="name"/> (one of <see cref="Names"/>), main colour <paramref name="color"/> or its default.</summary>
    public static GaussianCloud Create(string name, Vector3? color = null, int seed = 0)
    {
        if (!DefaultColors.TryGetValue(name, out var def))
            throw new Common.C3VException($"unknown prop \"{name}\" (known: {string.Join(", ", Names)})");
        var c = color ?? def;
        var parts = new List<(Tube Tube, Func<Vector3, Vector3, float, float, Vector3> Paint)>();
        void Add(Tube t, Func<Vector3, Vector3, float, float, Vector3> paint) => parts.Add((t, paint));
        Func<Vector3, Vector3, float, float, Vector3> Flat(Vector3 col) => (_, _, _, _) => col;
        var dark = new Vector3(0.08f, 0.08f, 0.09f);
        switch (name)
        {
            case "ball":
                Add(Tube.Ellipsoid(new Vector3(0, 0.11f, 0), new Vector3(0.11f)), (p, n, u, a) => MathF.Abs(MathF.Sin(a * 3)) < 0.2f ? Vector3.One * 0.95f : c);
                break;
            case "box":
                Add(Box(new Vector3(0, 0.25f, 0), new Vector3(0.5f, 0.5f, 0.5f)), (p, n, _, _) => MathF.Abs(p.X) < 0.03f && n.Y > 0.9f ? c * 0.7f : c);
                break;
            case "chair":
                Add(Box(new Vector3(0, 0.45f, 0), new Vector3(0.45f, 0.05f, 0.45f)), Flat(c));
                Add(Box(new Vector3(0, 0.72f, -0.2f), new Vector3(0.45f, 0.5f, 0.05f)), Flat(c * 0.9f));
                foreach (var (x, z) in Corners(0.19f, 0.19f)) Add(Box(new Vector3(x, 0.21f, z), new Vector3(0.04f, 0.43f, 0.04f)), Flat(c * 0.75f));
                break;
            case "table":
                Add(Box(new Vector3(0, 0.73f, 0), new Vector3(1.2f, 0.05f, 0.75f)), Flat(c));
                foreach (var (x, z) in Corners(0.54f, 0.32f)) Add(Box(new Vector3(x, 0.355f, z), new Vector3(0.06f, 0.71f, 0.06f)), Flat(c * 0.75f));
                break;
            case "car":
                // Body, cabin with windows, four wheels, lights; 4.2 m long along Z.
                Add(Box(new Vector3(0, 0.55f, 0), new Vector3(1.75f, 0.55f, 4.2f), Vector3.UnitZ), (p, n, _, _) =>
                    n.Z > 0.8f && MathF.Abs(p.X) > 0.55f && p.Y > 0.55f ? new Vector3(1, 0.95f, 0.7f) : n.Z < -0.8f && MathF.Abs(p.X) > 0.55f && p.Y > 0.55f ? new Vector3(0.8f, 0.05f, 0.05f) : c);
                Add(Box(new Vector3(0, 1.05f, -0.25f), new Vector3(1.5f, 0.5f, 2.2f), Vector3.UnitZ), (p, n, _, _) => p.Y > 0.9f && p.Y < 1.22f && MathF.Abs(n.Y) < 0.7f ? new Vector3(0.15f, 0.2f, 0.28f) : c);
                foreach (var (x, z) in Corners(0.8f, 1.35f))
                    Add(new Tube(new Vector3(x - 0.12f * MathF.Sign(x), 0.34f, z), new Vector3(x + 0.12f * MathF.Sign(x), 0.34f, z), Vector3.UnitY,
                        u => new Vector2(0.34f, 0.34f) * MathF.Pow(MathF.Max(0, 1 - MathF.Pow(MathF.Abs(2 * u - 1), 8)), 1 / 8f)), (p, n, _, _) =>
                        MathF.Abs(n.X) > 0.8f && new Vector2(p.Y - 0.34f, p.Z - z).Length() < 0.18f ? new Vector3(0.7f, 0.7f, 0.72f) : dark);
                break;
            case "barrel":
                Add(new Tube(new Vector3(0, 0, 0), new Vector3(0, 0.9f, 0), Vector3.UnitX, u => new Vector2(1, 1) * (0.28f + 0.04f * MathF.Sin(MathF.PI * u)) * MathF.Sqrt(MathF.Min(1, MathF.Min(u, 1 - u) / 0.02f))),
                    (p, n, u, a) => MathF.Abs(u - 0.2f) < 0.025f || MathF.Abs(u - 0.8f) < 0.025f ? new Vector3(0.3f, 0.3f, 0.32f) : c * (0.9f + 0.1f * MathF.Sin(a * 24)));
                break;
            case "cone":
                Add(new Tube(new Vector3(0, 0.03f, 0), new Vector3(0, 0.7f, 0), Vector3.UnitX, u => new Vector2(1, 1) * (0.16f * (1 - u) + 0.02f)), (p, n, u, _) => u > 0.45f && u < 0.62f ? Vector3.One * 0.95f : c);
                Add(Box(new Vector3(0, 0.015f, 0), new Vector3(0.4f, 0.03f, 0.4f)), Flat(c * 0.8f));
                break;
        }
        // Sample density: about 250 Gaussians per side metre... scaled so small props stay dense.
        var (min, max) = (new Vector3(float.MaxValue), new Vector3(float.MinValue));
        foreach (var (t, _) in parts) { min = Vector3.Min(min, t.Center - new Vector3(t.BoundRadius)); max = Vector3.Max(max, t.Center + new Vector3(t.BoundRadius)); }
        float spacing = Math.Clamp((max - min).Length() / 260f, 0.004f, 0.02f);
        var samples = new List<(Vector3 P, Vector3 N, Vector3 T, Vector3 C)>();
        foreach (var (tube, paint) in parts)
            tube.Sample(spacing, (p, n, t, u, a) =>
            {
                foreach (var (other, _) in parts)
                    if (!ReferenceEquals(other, tube) && other.Distance(p) < -0.35f * spacing) return;
                samples.Add((p, n, t, SurfaceSplat.Shade(paint(p, n, u, a), n, 0)));
            });
        var cloud = new GaussianCloud(samples.Count);
        var rng = new Random(seed);
        for (int i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            SurfaceSplat.Write(cloud, i, s.P, s.N, s.T, spacing, s.C * (1 + 0.04f * (rng.NextSingle() - 0.5f)), 0.98f);
        }
        return cloud;
    }

    static IEnumerable<(float X, float Z)> Corners(float x, float z) => [(-x, -z), (x, -z), (-x, z), (x, z)];

    /// <summary>A rounded box (superellipse tube, exponent 6) of full size <paramref name="size"/> centred at <paramref name="c"/>.</summary>
    internal static Tube Box(Vector3 c, Vector3 size, Vector3? axis = null)
    {
        var ax = axis ?? Vector3.UnitY;
        float len = Vector3.Dot(size, ax);
        var cross = ax == Vector3.UnitY ? new Vector2(size.X, size.Z) : new Vector2(size.X, size.Y);
        var side = Vector3.UnitX;
        return new Tube(c - ax * len / 2, c + ax * len / 2, side,
            u => cross / 2 * MathF.Pow(MathF.Max(0, 1 - MathF.Pow(MathF.Abs(2 * u - 1), 12)), 1 / 12f)) { Exponent = 6 };
    }
}
