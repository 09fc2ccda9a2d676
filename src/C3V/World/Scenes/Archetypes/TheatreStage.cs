using System.Numerics;

namespace C3V.World;

/// <summary>A theatre stage seen from the stalls: plank floor, red curtains, a gold proscenium, a spotlight.</summary>
public sealed class TheatreStage : SceneArchetype
{
    public override string Id => "theatre_stage";
    public override IReadOnlyList<string> Labels =>
    [
        "a theatre stage", "a theater stage with red curtains", "a stage in an opera house", "a concert stage with a spotlight",
        "performing on stage in front of an audience", "a dance recital on a wooden stage", "a show in an auditorium", "an indoor gym hall with a wooden floor",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        var rng = ctx.Random.Fork("stage");
        float w = 6f * ctx.Parameters.Size;
        ctx.WalkRect = (-w + 1.2f, w - 1.2f, -4.3f, 2.6f);
        ctx.CameraEye = new Vector3(0, 2.6f, 16f);
        ctx.CameraTarget = new Vector3(0, 1.6f, -2f);
        ctx.CameraFovYDegrees = 50;
        ctx.Background = new Vector3(0.02f, 0.02f, 0.03f);
        b.Ambient = 0.75f;
        var curtain = ctx.Parameters.Accent ?? new Vector3(0.62f, 0.05f, 0.07f);
        Vector3 Fold(float u) => curtain * (0.6f + 0.4f * MathF.Abs(MathF.Sin(u * MathF.PI / 0.45f)));

        // Floor: planks along Z; a warm spotlight pool in the middle.
        b.Ground(-w, w, -5f, 3f, 0.12f, ctx.Ground, (x, z) =>
        {
            float plank = 0.85f + 0.15f * ValueNoise.At(MathF.Floor(x / 0.3f) * 3.1f, z * 0.3f, seed);
            var wood = new Vector3(0.5f, 0.32f, 0.17f) * plank * (MathF.Abs(x % 0.3f) < 0.015f ? 0.6f : 1f);
            float d = new Vector2(x, z + 0.8f).Length();
            return wood * (0.7f + 0.9f * MathF.Exp(-d * d / 4.5f));
        }, rng);
        // Stage front wall down to the stalls and a dark stalls floor with rows of seats.
        b.Quad(new Vector3(-w - 6.2f, -1.2f, 3f), new Vector3(2 * w + 12.4f, 0, 0), new Vector3(0, 1.25f, 0), 0.12f, new Vector3(0.18f, 0.1f, 0.06f), rng,
            outwardFrom: new Vector3(0, -0.6f, 0));
        b.Ground(-w - 6.2f, w + 6.2f, 3f, 18f, 0.3f, new GroundPlane(-1.2f), (_, _) => new Vector3(0.08f, 0.05f, 0.05f), rng);
        for (int row = 0; row < 5; row++)
            b.Box(new Vector3(0, -1.2f, 5.5f + row * 1.6f), new Vector3(2 * w - 1, 0.75f + row * 0.12f, 0.5f), 0, 0.1f, new Vector3(0.35f, 0.05f, 0.07f), rng);
        // Back curtain with vertical folds, side curtains (wings), a valance and a gold proscenium arch.
        b.Quad(new Vector3(-w, 0, -5f), new Vector3(2 * w, 0, 0), new Vector3(0, 9.5f, 0), 0.1f, (u, _) => Fold(u), rng, 0.04f);
        foreach (float side in new[] { -1f, 1f })
        {
            float x0 = side < 0 ? -w : w - 2.2f;
            b.Quad(new Vector3(x0, 0, 2.6f), new Vector3(2.2f, 0, 0), new Vector3(0, 7f, 0), 0.1f, (u, _) => Fold(u) * 0.9f, rng, 0.04f);
            b.Box(new Vector3(side * (w + 0.4f), 0, 2.9f), new Vector3(0.8f, 7.6f, 0.5f), 0, 0.1f, new Vector3(0.75f, 0.58f, 0.2f), rng);
        }
        b.Quad(new Vector3(-w, 5.6f, 2.65f), new Vector3(2 * w, 0, 0), new Vector3(0, 1.4f, 0), 0.1f, (u, _) => Fold(u), rng, 0.04f);
        b.Box(new Vector3(0, 7f, 2.9f), new Vector3(2 * w + 1.6f, 0.6f, 0.5f), 0, 0.1f, new Vector3(0.75f, 0.58f, 0.2f), rng);
        // A dark house around it all so nothing shows through: the wall above the proscenium and the side walls.
        b.Quad(new Vector3(-w - 6, 7.2f, 3.2f), new Vector3(2 * w + 12, 0, 0), new Vector3(0, 8f, 0), 0.4f, new Vector3(0.06f, 0.04f, 0.04f), rng);
        b.Quad(new Vector3(-w - 6, -1.2f, 18f), new Vector3(0, 0, -23f), new Vector3(0, 10f, 0), 0.5f, new Vector3(0.05f, 0.03f, 0.03f), rng,
            outwardFrom: new Vector3(0, 3, 0));
        b.Quad(new Vector3(w + 6, -1.2f, 18f), new Vector3(0, 0, -23f), new Vector3(0, 10f, 0), 0.5f, new Vector3(0.05f, 0.03f, 0.03f), rng,
            outwardFrom: new Vector3(0, 3, 0));

        ctx.Landmark("the stage", ["center stage", "centre stage", "the middle of the stage"], 0, -0.8f, 3f);
        ctx.Landmark("the spotlight", ["the light", "the spot"], 0, -0.8f, 1.2f);
        ctx.Landmark("the curtain", ["the back of the stage", "the backdrop", "upstage"], 0, -4.2f, w);
        ctx.Landmark("the front of the stage", ["downstage", "the edge of the stage", "the stage edge"], 0, 2.4f, w);
        ctx.Landmark("stage left", ["the left wing"], w - 2.5f, -1f, 1f);
        ctx.Landmark("stage right", ["the right wing"], -w + 2.5f, -1f, 1f);
    }
}
