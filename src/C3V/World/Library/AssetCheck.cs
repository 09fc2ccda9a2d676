using C3V.Actors;
using C3V.Common;
using C3V.Splats.Formats;

namespace C3V.World;

/// <summary>
/// Reads a library asset the way the pipeline will (a splat file, a skinned glTF character, a BVH clip retargeted
/// onto the project skeleton), so a file that cannot be used is caught when it is added or listed, not minutes
/// into a generation.
/// </summary>
public static class AssetCheck
{
    /// <summary>What is wrong with the file at <paramref name="path"/> as a <paramref name="kind"/>, or null when it reads.</summary>
    public static string? Problem(string path, AssetKind kind)
    {
        try
        {
            switch (kind)
            {
                case AssetKind.Scene or AssetKind.Prop:
                    if (SplatFile.Read(path).Count == 0) return $"{path}: holds no splats";
                    break;
                case AssetKind.Actor:
                    GltfActorImporter.Load(path);
                    break;
                case AssetKind.Motion:
                    MotionLibrary.LoadClip(path);
                    break;
            }
            return null;
        }
        catch (C3VException e) { return e.Message; }
    }
}
