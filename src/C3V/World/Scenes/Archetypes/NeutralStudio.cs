using System.Numerics;

namespace C3V.World;

/// <summary>
/// The fallback for descriptions that name no known place: a neutral grey studio floor fading into a soft
/// backdrop, so actors still have a ground to stand on and a clean view.
/// </summary>
public sealed class NeutralStudio : SceneArchetype
{
    public const string ArchetypeId = "neutral";
    public override string Id => ArchetypeId;
    public override IReadOnlyList<string> Labels => ["an empty neutral studio", "a plain grey floor", "an empty space"];

    protected override void Build(SceneContext ctx)
    {
        ctx.WalkRect = (-5, 5, -6, 4);
        ctx.CameraEye = new Vector3(0, 2.0f, 9f);
        ctx.CameraTarget = new Vector3(0, 0.8f, -3f);
        var horizon = new Vector3(0.78f, 0.78f, 0.8f);
        ctx.Background = horizon;
        var rng = ctx.Random.Fork("backdrop");
        // A cyclorama: the floor curves up into a back wall, so there is no visible horizon line.
        ctx.Builder.Surface((u, v) =>
        {
            float x = -30 + 60 * u, t = v * 1.6f;
            float z = t < 1 ? 10 - 28 * t : -18, y = t < 1 ? 0 : (t - 1) * 25;
            if (t >= 1) z = -18 - 4 * MathF.Sin((t - 1) * 1.2f);
            return new Vector3(x, y, z);
        }, 0.25f, (u, v) => Vector3.Lerp(new Vector3(0.5f, 0.5f, 0.52f), horizon, MathF.Min(1, v * v * 2.2f)), rng, 0.02f,
            outwardFrom: new Vector3(0, 5, 0));
        ctx.Landmark("the floor", ["the ground", "the studio"], 0, 0, 4);
    }
}
