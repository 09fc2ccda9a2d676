using System.Numerics;
using C3V.Output;
using C3V.Render;
using C3V.World;

namespace C3V.Direct;

/// <summary>
/// The director of the method: decomposes a prompt into a <see cref="ScenePlan"/> and places each actor in a
/// rendered reference view of the scene. The embedded default is <see cref="RuleDirector"/>; chat-model
/// directors live in C3V.Models.
/// </summary>
public interface IDirector
{
    /// <summary>Short name recorded as the producer of what this director makes ("rules", "openai:gpt-4o", …).</summary>
    string Name { get; }

    /// <summary>Decomposes <paramref name="prompt"/> into a scene, actors and motions.</summary>
    Task<ScenePlan> PlanAsync(string prompt, CancellationToken cancellation = default);

    /// <summary>Places one actor (scale, start box, end box, N waypoints) in the request's reference view.</summary>
    Task<Placement> PlaceAsync(PlacementRequest request, CancellationToken cancellation = default);
}

/// <summary>A scene landmark as seen from the reference camera.</summary>
/// <param name="Name">The landmark's name (as the world's <c>Landmark</c> names it).</param>
/// <param name="Aliases">Other names that refer to it ("door" for "cabin door").</param>
/// <param name="World">Its position in world space (metres).</param>
/// <param name="Pixel">Where it projects in the reference view (continuous pixel coordinates).</param>
/// <param name="Depth">Its camera-space depth (z); ≤ 0 means behind the camera.</param>
/// <param name="Radius">Its rough extent on the ground (metres), 0 for a point: an actor going to it stops this far out plus its own girth.</param>
public sealed record ProjectedLandmark(string Name, IReadOnlyList<string> Aliases, Vector3 World, Vector2 Pixel, float Depth, float Radius = 0)
{
    /// <summary>True when the landmark is in front of the camera and inside a <paramref name="width"/>×<paramref name="height"/> view.</summary>
    public bool IsVisible(int width, int height) =>
        Depth > 0 && Pixel.X >= 0 && Pixel.Y >= 0 && Pixel.X < width && Pixel.Y < height;

    /// <summary>Projects a scene's landmarks through <paramref name="camera"/>.</summary>
    public static List<ProjectedLandmark> ProjectAll(IEnumerable<Landmark> landmarks, Camera camera) =>
        landmarks.Select(l => Project(l.Name, l.Aliases, l.Position, camera, l.Radius)).ToList();

    /// <summary>Projects a world-space landmark through <paramref name="camera"/>.</summary>
    public static ProjectedLandmark Project(string name, IReadOnlyList<string> aliases, Vector3 world, Camera camera, float radius = 0)
    {
        var (pixel, depth) = camera.Project(world);
        return new ProjectedLandmark(name, aliases, world, pixel, depth, radius);
    }

    /// <summary>Whether <paramref name="phrase"/> names this landmark (its name or an alias, ignoring case and a leading article).</summary>
    public bool Matches(string phrase)
    {
        string p = TextNormal.StripArticle(phrase);
        return string.Equals(TextNormal.StripArticle(Name), p, StringComparison.OrdinalIgnoreCase)
            || Aliases.Any(a => string.Equals(TextNormal.StripArticle(a), p, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The landmark a plan's phrase names: an exact name or alias first, else one sharing the phrase's last
    /// word ("the cabin's door" ~ "door"); null when none does.</summary>
    public static ProjectedLandmark? Find(IReadOnlyList<ProjectedLandmark> landmarks, string phrase) =>
        landmarks.FirstOrDefault(l => l.Matches(phrase))
        ?? landmarks.FirstOrDefault(l => phrase.Split(' ')[^1] is var last && (l.Name.Split(' ')[^1] == last || l.Aliases.Any(x => x.Split(' ')[^1] == last)));
}

/// <summary>
/// Everything a director needs to place one actor: the plan, which actor, the rendered reference view
/// (colour, and depth as camera z per pixel, row-major H·W, non-finite or ≤ 0 where nothing was hit), its
/// camera, the ground height (world y), the landmarks projected into the view and the actors placed so far.
/// </summary>
public sealed record PlacementRequest
{
    public required ScenePlan Plan { get; init; }
    public required ActorPlan Actor { get; init; }
    public required Image Reference { get; init; }
    /// <summary>Camera-space depth per pixel (H·W); non-finite or ≤ 0 where the scene has nothing.</summary>
    public required float[] Depth { get; init; }
    public required Camera Camera { get; init; }
    /// <summary>World y of the ground the actors stand on.</summary>
    public float GroundHeight { get; init; }
    public IReadOnlyList<ProjectedLandmark> Landmarks { get; init; } = [];
    /// <summary>Placements of the actors placed before this one (kept apart from).</summary>
    public IReadOnlyList<Placement> Placed { get; init; } = [];
    /// <summary>Name of the reference view (recorded in the placement).</summary>
    public string ReferenceView { get; init; } = "default";
    /// <summary>Number of waypoints N (the method uses 20).</summary>
    public int WaypointCount { get; init; } = Placement.DefaultWaypointCount;
    /// <summary>Optional walkable test on world (x, z); when null the rendered depth and ground height decide.</summary>
    public Func<float, float, bool>? IsWalkable { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when the parts do not fit together.</summary>
    public void Check()
    {
        if (Reference.Width != Camera.Width || Reference.Height != Camera.Height)
            throw new ArgumentException($"reference image {Reference.Width}×{Reference.Height} does not match the camera {Camera.Width}×{Camera.Height}");
        if (Depth.Length != Reference.Width * Reference.Height)
            throw new ArgumentException($"depth has {Depth.Length} values, expected {Reference.Width * Reference.Height}");
        if (WaypointCount < 2) throw new ArgumentException("the waypoint count must be at least 2");
        if (Plan.FindActor(Actor.Id) is null) throw new ArgumentException($"actor '{Actor.Id}' is not in the plan");
    }
}
