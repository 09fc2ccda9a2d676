using C3V.Common;
using C3V.World;

namespace C3V.Actors;

/// <summary>
/// Actors from a description, as <see cref="SceneFactory"/> does for scenes: a .gltf/.glb path is imported;
/// otherwise the user's asset library is searched first (an actor entry whose description or tags match at or
/// above the threshold is imported, in the entry's units), then a procedural avatar is generated.
/// </summary>
public sealed class ActorFactory(ITextEmbedder? embedder = null, AssetLibrary? library = null, float threshold = AssetLibrary.DefaultThreshold)
{
    /// <summary>A made actor, where it came from (for the user and for cache keys) and the importer's notes.</summary>
    public sealed record Made(SkinnedCloud Cloud, string Source, string Summary, IReadOnlyList<string> Notes)
    {
        /// <summary>The rig the actor's clips must fit (imported characters are humanoid).</summary>
        public BodyRig Rig { get; init; } = BodyRig.Human;
    }

    /// <param name="body">The body the plan names (its head noun); null reads it from the description.</param>
    public Made Create(string description, int seed, float? height = null, BodyType? body = null)
    {
        if (GltfActorImporter.IsGltfPath(description)) return Import(description.Trim(), seed, height, metresPerUnit: null, how: "");
        string how = "";
        if (library is not null && embedder is not null && !string.IsNullOrWhiteSpace(description))
        {
            var hits = library.Search(embedder, description, AssetKind.Actor, 1);
            if (hits.Count > 0 && hits[0].Candidate.Score >= threshold)
            {
                var (entry, c) = hits[0];
                string path = library.PathOf(entry);
                if (!GltfActorImporter.IsGltfPath(path))
                    throw new C3VException($"library actor {entry.File}: only skinned glTF/GLB characters can be actors");
                // glTF is metres by definition: only a stated other unit or scale overrides the importer's own sizing.
                float? unit = MathF.Abs(entry.MetresPerUnit - 1) > 1e-6f ? entry.MetresPerUnit : null;
                return Import(path, seed, height, unit, $"library actor {entry.File} (cosine {c.Score:F2} ≥ {threshold:F2}, matched \"{c.BestLabel}\"): ");
            }
            if (hits.Count > 0) how = $"best library actor {hits[0].Entry.File} scored {hits[0].Candidate.Score:F2} < {threshold:F2}; ";
        }
        if (height is not null) throw new C3VException("a height applies to glTF characters; describe a generated avatar's size in words (tall, short, child…)");
        var made = ProceduralBodies.Generate(description, seed, body);
        return new Made(made.Cloud, "procedural", how + made.Summary, []) { Rig = made.Rig };
    }

    static Made Import(string path, int seed, float? height, float? metresPerUnit, string how)
    {
        var imported = GltfActorImporter.Load(path, new GltfImportOptions { Height = height, MetresPerUnit = metresPerUnit, Seed = seed });
        var c = imported.Cloud;
        var stamp = File.GetLastWriteTimeUtc(path);
        return new Made(c, $"{Path.GetFullPath(path)}@{stamp.Ticks}",
            $"{how}{Path.GetFileName(path)}: {imported.Rig} rig ({imported.MappedJoints} of {Skeleton.JointCount} joints named), " +
            $"{imported.Triangles} triangles, {c.Skeleton.Height:F2} m, {c.Count} Gaussians", imported.Notes);
    }
}
