using System.Numerics;

namespace C3V.World;

/// <summary>
/// What an archetype fills in while it builds: the Gaussians, the ground, the walkable region, landmarks,
/// the default view and the sky. <see cref="SceneArchetype.Generate"/> turns it into a <see cref="Scene"/>.
/// </summary>
public sealed class SceneContext
{
    public SceneContext(string description, SceneParameters parameters, int seed)
    {
        Description = description;
        Parameters = parameters;
        Seed = seed;
        Random = new SceneRandom((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + 12345);
        Builder = new SplatBuilder { Tint = LightTint(parameters.TimeOfDay) };
        if (parameters.TimeOfDay == TimeOfDay.Sunset) Builder.Sun = Vector3.Normalize(new Vector3(-0.8f, 0.25f, 0.3f));
        NoiseSeed = (uint)Random.NextULong();
    }

    public string Description { get; }
    public SceneParameters Parameters { get; }
    public int Seed { get; }
    public SceneRandom Random { get; }
    public SplatBuilder Builder { get; }
    /// <summary>A seed for <see cref="ValueNoise"/> derived from the scene seed.</summary>
    public uint NoiseSeed { get; }

    public GroundPlane Ground { get; set; } = new(0);
    public (float MinX, float MaxX, float MinZ, float MaxZ) WalkRect { get; set; } = (-5, 5, -8, 4);
    public List<Obstacle> Obstacles { get; } = [];
    public List<Landmark> Landmarks { get; } = [];
    public Vector3 CameraEye { get; set; } = new(0, 2.2f, 9f);
    public Vector3 CameraTarget { get; set; } = new(0, 0.6f, -3f);
    public float CameraFovYDegrees { get; set; } = 50f;
    public Vector3 Background { get; set; } = new(0.7f, 0.8f, 0.92f);

    /// <summary>A landmark on the ground at (x, z), optionally an obstacle of <paramref name="obstacleRadius"/>.</summary>
    public void Landmark(string name, string[] aliases, float x, float z, float radius = 0, float obstacleRadius = 0)
    {
        Landmarks.Add(new Landmark(name, aliases, Ground.OnGround(x, z), radius));
        if (obstacleRadius > 0) Obstacles.Add(new Obstacle(name, new Vector2(x, z), obstacleRadius));
    }

    /// <summary>
    /// Level of detail at <paramref name="p"/>: 1 within 12 m of the camera, growing with distance, so far props
    /// use proportionally coarser (fewer, larger) Gaussians and look the same size on screen.
    /// </summary>
    public float Lod(Vector3 p) => MathF.Max(1f, Vector3.Distance(p, CameraEye) / 12f);

    /// <summary>Colour of the light for a time of day.</summary>
    static Vector3 LightTint(TimeOfDay t) => t switch
    {
        TimeOfDay.Sunset => new Vector3(1.05f, 0.78f, 0.6f),
        TimeOfDay.Night => new Vector3(0.32f, 0.36f, 0.55f),
        _ => Vector3.One,
    };

    /// <summary>Sky horizon and zenith colours for the time of day (or the given day colours).</summary>
    public (Vector3 Horizon, Vector3 Zenith) SkyColors(Vector3? dayHorizon = null, Vector3? dayZenith = null) => Parameters.TimeOfDay switch
    {
        TimeOfDay.Sunset => (new Vector3(1f, 0.62f, 0.38f), new Vector3(0.32f, 0.33f, 0.6f)),
        TimeOfDay.Night => (new Vector3(0.07f, 0.09f, 0.18f), new Vector3(0.01f, 0.015f, 0.05f)),
        _ => (dayHorizon ?? new Vector3(0.78f, 0.87f, 0.96f), dayZenith ?? new Vector3(0.3f, 0.52f, 0.9f)),
    };
}
