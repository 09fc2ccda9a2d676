using System.Numerics;
using C3V.Render;
using C3V.Splats;

namespace C3V.World;

/// <summary>
/// A named place in a scene that a prompt can refer to ("the cabin's door", "the pool", "the bottom right
/// corner"). <paramref name="Position"/> is the point on the ground where someone would stand to be "at" it
/// (its foot point), in scene coordinates (Y up, metres); <paramref name="Radius"/> is its rough extent on the
/// ground, 0 for a point.
/// </summary>
public sealed record Landmark(string Name, IReadOnlyList<string> Aliases, Vector3 Position, float Radius = 0)
{
    /// <summary>The name first, then the aliases.</summary>
    public IEnumerable<string> Phrases => Aliases.Prepend(Name);
}

/// <summary>The ground as a plane: y = Height + SlopeX·x + SlopeZ·z (flat scenes have zero slopes).</summary>
public readonly record struct GroundPlane(float Height, float SlopeX = 0, float SlopeZ = 0)
{
    public float HeightAt(float x, float z) => Height + SlopeX * x + SlopeZ * z;
    public Vector3 OnGround(float x, float z) => new(x, HeightAt(x, z), z);
    /// <summary>Unit normal of the plane (pointing up).</summary>
    public Vector3 Normal => Vector3.Normalize(new Vector3(-SlopeX, 1, -SlopeZ));
}

/// <summary>A disc in XZ that actors should not walk through (a tree trunk, the pool, a sofa).</summary>
public readonly record struct Obstacle(string Name, Vector2 Center, float Radius);

/// <summary>
/// Where actors may walk: an XZ rectangle on the ground minus round obstacles.
/// </summary>
public sealed record WalkableRegion(float MinX, float MaxX, float MinZ, float MaxZ, IReadOnlyList<Obstacle> Obstacles)
{
    public bool Contains(float x, float z) =>
        x >= MinX && x <= MaxX && z >= MinZ && z <= MaxZ
        && Obstacles.All(o => Vector2.DistanceSquared(o.Center, new Vector2(x, z)) > o.Radius * o.Radius);

    /// <summary>The nearest point of the rectangle (obstacles ignored).</summary>
    public Vector2 Clamp(Vector2 xz) => new(Math.Clamp(xz.X, MinX, MaxX), Math.Clamp(xz.Y, MinZ, MaxZ));
    public Vector2 Center => new((MinX + MaxX) / 2, (MinZ + MaxZ) / 2);
}

/// <summary>
/// A stage for actors: the Gaussian scene with what placement needs to know about it. Coordinates are the
/// project's world frame (right-handed, Y up, metres); the default camera looks towards −Z, so image right is
/// +X and the near (bottom of the image) side is +Z.
/// </summary>
public sealed class Scene
{
    public required string Archetype { get; init; }
    public required string Description { get; init; }
    public required GaussianCloud Cloud { get; init; }
    public required GroundPlane Ground { get; init; }
    public required WalkableRegion Walkable { get; init; }
    public required IReadOnlyList<Landmark> Landmarks { get; init; }
    /// <summary>Colour to render behind everything (the sky's horizon colour outdoors).</summary>
    public Vector3 Background { get; init; }
    public int Seed { get; init; }
    /// <summary>Where the scene came from: "procedural" or "library:&lt;file&gt;".</summary>
    public string Source { get; init; } = "procedural";
    /// <summary>Problems worth telling the user (e.g. a description that matched nothing).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Ground height at the centre of the walkable region.</summary>
    public float GroundHeight => Ground.HeightAt(Walkable.Center.X, Walkable.Center.Y);

    /// <summary>Default view: camera centre, the point it looks at, vertical field of view (radians).</summary>
    public required Vector3 CameraEye { get; init; }
    public required Vector3 CameraTarget { get; init; }
    public float CameraFovY { get; init; } = 50f * MathF.PI / 180f;

    /// <summary>The default camera for a <paramref name="width"/>×<paramref name="height"/> view.</summary>
    public Camera DefaultCamera(int width = 512, int height = 512) =>
        Camera.LookAt(CameraEye, CameraTarget, Vector3.UnitY, CameraFovY, width, height);

    /// <summary>The landmark a phrase names (its name or an alias, case-insensitive, "'s" and articles
    /// ignored), or null.</summary>
    public Landmark? FindLandmark(string phrase)
    {
        string key = LandmarkKey(phrase);
        return Landmarks.FirstOrDefault(l => l.Phrases.Any(p => LandmarkKey(p) == key));
    }

    internal static string LandmarkKey(string phrase) =>
        Tokenizer.Join(Tokenizer.Words(phrase).Where(w => w is not ("the" or "a" or "an")));
}
