using System.Numerics;
using C3V.Splats;
using C3V.Splats.Formats;

namespace C3V.World;

/// <summary>
/// Scenes from a description: the user's asset library first (a scene entry whose description or tags match
/// at or above the threshold wins), then the procedural archetypes. The choice and its score are reported in
/// <see cref="Scene.Source"/> and <see cref="LastReport"/>.
/// </summary>
public sealed class SceneFactory(ITextEmbedder? embedder, AssetLibrary? library = null, float threshold = AssetLibrary.DefaultThreshold)
{
    readonly ProceduralSceneGenerator _procedural = new(embedder);

    /// <summary>One line saying what was chosen and why, for the user.</summary>
    public string LastReport { get; private set; } = "";

    public Scene Create(string description, int seed)
    {
        if (library != null && embedder != null && !string.IsNullOrWhiteSpace(description))
        {
            var hits = library.Search(embedder, description, AssetKind.Scene, 1);
            if (hits.Count > 0 && hits[0].Candidate.Score >= threshold)
            {
                var (entry, c) = hits[0];
                LastReport = $"library scene {entry.File} (cosine {c.Score:F2} ≥ {threshold:F2}, matched \"{c.BestLabel}\")";
                return FromFile(library.PathOf(entry), entry, description, seed);
            }
            if (hits.Count > 0) LastReport = $"best library scene {hits[0].Entry.File} scored {hits[0].Candidate.Score:F2} < {threshold:F2}; ";
            else LastReport = "";
        }
        else LastReport = "";
        var choice = _procedural.Choose(description);
        LastReport += $"procedural {choice.Archetype.Id} (score {choice.Score:F2})";
        return _procedural.Generate(description, seed, choice);
    }

    /// <summary>
    /// A scene from a splat file: converted to Y-up metres, the ground taken as the 5th percentile of height
    /// near the middle, the walkable region as the central part of the footprint, the camera looking at the
    /// middle from the +Z side.
    /// </summary>
    public static Scene FromFile(string path, AssetEntry entry, string description, int seed)
    {
        var cloud = SplatFile.Read(path);
        var rot = entry.UpAxis switch
        {
            "z" => Quaternion.CreateFromAxisAngle(Vector3.UnitX, -MathF.PI / 2),
            "-z" => Quaternion.CreateFromAxisAngle(Vector3.UnitX, MathF.PI / 2),
            "-y" => Quaternion.CreateFromAxisAngle(Vector3.UnitX, MathF.PI),
            "x" => Quaternion.CreateFromAxisAngle(Vector3.UnitZ, MathF.PI / 2),
            "-x" => Quaternion.CreateFromAxisAngle(Vector3.UnitZ, -MathF.PI / 2),
            _ => Quaternion.Identity,
        };
        cloud.Transform(new RigidTransform(rot, Vector3.Zero, entry.MetresPerUnit));
        var (min, max) = cloud.Bounds();
        var ys = Enumerable.Range(0, cloud.Count).Select(i => cloud.Y[i]).Where(float.IsFinite).OrderBy(y => y).ToArray();
        float ground = ys.Length == 0 ? 0 : ys[(int)(ys.Length * 0.05)];
        var size = max - min;
        var center = (min + max) / 2;
        var walk = new WalkableRegion(center.X - size.X * 0.3f, center.X + size.X * 0.3f, center.Z - size.Z * 0.3f, center.Z + size.Z * 0.3f, []);
        float dist = MathF.Max(size.X, size.Z) * 0.9f + 1;
        var target = new Vector3(center.X, ground + 1f, center.Z);
        return new Scene
        {
            Archetype = "library", Description = description, Cloud = cloud, Ground = new GroundPlane(ground), Walkable = walk,
            Landmarks = [new Landmark("the center", ["the middle", "centre"], new Vector3(center.X, ground, center.Z))],
            Background = Vector3.Zero, Seed = seed, Source = $"library:{entry.File}",
            CameraEye = target + new Vector3(0, dist * 0.35f, dist), CameraTarget = target,
        };
    }
}
