using System.Numerics;
using System.Text.Json;
using C3V.Common;
using C3V.Splats.Formats;
using C3V.World;

namespace C3V.Pipeline;

/// <summary>
/// A project's scene on disk: the Gaussians as <c>assets/scene.ply</c> (INRIA 3DGS, readable by any splat
/// viewer) and everything else the pipeline uses (ground, walkable region, landmarks, default view,
/// background) as <c>assets/scene.json</c>, so an edit reloads the scene instead of generating it again.
/// </summary>
public static class SceneAsset
{
    public const string CloudFile = "assets/scene.ply", LayoutFile = "assets/scene.json";

    sealed record LandmarkDto(string Name, IReadOnlyList<string> Aliases, float[] Position, float Radius);
    sealed record ObstacleDto(string Name, float[] Center, float Radius);
    sealed record LayoutDto(int Version, string Archetype, string Description, string Source, int Seed, float[] Ground, float[] Walkable,
        IReadOnlyList<ObstacleDto> Obstacles, IReadOnlyList<LandmarkDto> Landmarks, float[] Background, float[] CameraEye, float[] CameraTarget,
        float CameraFovY, IReadOnlyList<string> Warnings);

    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Save(Scene scene, string root)
    {
        SplatFile.Write(Path.Combine(root, CloudFile), scene.Cloud);
        var w = scene.Walkable;
        var dto = new LayoutDto(1, scene.Archetype, scene.Description, scene.Source, scene.Seed,
            [scene.Ground.Height, scene.Ground.SlopeX, scene.Ground.SlopeZ], [w.MinX, w.MaxX, w.MinZ, w.MaxZ],
            w.Obstacles.Select(o => new ObstacleDto(o.Name, [o.Center.X, o.Center.Y], o.Radius)).ToList(),
            scene.Landmarks.Select(l => new LandmarkDto(l.Name, l.Aliases, V(l.Position), l.Radius)).ToList(),
            V(scene.Background), V(scene.CameraEye), V(scene.CameraTarget), scene.CameraFovY, scene.Warnings);
        AtomicFile.WriteAllText(Path.Combine(root, LayoutFile), JsonSerializer.Serialize(dto, Options));
    }

    public static Scene Load(string root)
    {
        string path = Path.Combine(root, LayoutFile);
        LayoutDto? d;
        try { d = JsonSerializer.Deserialize<LayoutDto>(File.ReadAllText(path), Options); }
        catch (FileNotFoundException) { throw new InvalidFileException(path, "file not found"); }
        catch (JsonException e) { throw new InvalidFileException(path, $"{e.Path}: {e.Message}"); }
        if (d is null || d.Version != 1 || d.Ground is not { Length: 3 } || d.Walkable is not { Length: 4 } || d.CameraEye is not { Length: 3 }
            || d.CameraTarget is not { Length: 3 } || d.Background is not { Length: 3 })
            throw new InvalidFileException(path, "not a version-1 scene layout (ground[3], walkable[4], cameraEye[3], cameraTarget[3], background[3])");
        var cloud = SplatFile.Read(Path.Combine(root, CloudFile));
        return new Scene
        {
            Archetype = d.Archetype, Description = d.Description, Source = d.Source, Seed = d.Seed, Cloud = cloud,
            Ground = new GroundPlane(d.Ground[0], d.Ground[1], d.Ground[2]),
            Walkable = new WalkableRegion(d.Walkable[0], d.Walkable[1], d.Walkable[2], d.Walkable[3],
                d.Obstacles.Select(o => new Obstacle(o.Name, new Vector2(o.Center[0], o.Center[1]), o.Radius)).ToList()),
            Landmarks = d.Landmarks.Select(l => new Landmark(l.Name, l.Aliases, P(l.Position), l.Radius)).ToList(),
            Background = P(d.Background), CameraEye = P(d.CameraEye), CameraTarget = P(d.CameraTarget), CameraFovY = d.CameraFovY,
            Warnings = d.Warnings,
        };
    }

    static float[] V(Vector3 v) => [v.X, v.Y, v.Z];
    static Vector3 P(float[] a) => a.Length == 3 ? new(a[0], a[1], a[2]) : throw new JsonException("expected 3 numbers");
}
