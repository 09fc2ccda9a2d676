using System.Numerics;

namespace C3V.World;

/// <summary>A log cabin with a door, in a meadow with a lawn mower, a tree, a fence and a path.</summary>
public sealed class CabinMeadow : SceneArchetype
{
    public override string Id => "cabin_meadow";
    public override IReadOnlyList<string> Labels =>
    [
        "a cabin in a meadow", "a log cabin on a grassy field", "a wooden hut with a lawn", "a cottage in the countryside",
        "a small house on a farm with a lawn mower", "a meadow with a cabin and a fence", "a rural cabin yard", "an open field of grass on a farm", "pasture fields in the countryside", "a green grassy hill",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        float s = ctx.Parameters.Size;
        ctx.WalkRect = (-6.5f, 6.5f, -5.2f, 5f);
        ctx.CameraEye = new Vector3(0, 2.1f, 9.5f);
        ctx.CameraTarget = new Vector3(0, 0.9f, -3f);
        Props.Sky(ctx);

        // Cabin: log walls (horizontal stripes), a gabled roof, a door and two windows on the front (+Z) face.
        var cabinFoot = new Vector3(-2.2f, 0, -7.5f);
        var size = new Vector3(6f, 2.7f, 4.2f) * new Vector3(s, 1, s);
        var logs = ctx.Parameters.Accent ?? new Vector3(0.52f, 0.34f, 0.19f);
        float doorU = size.X / 2 - 0.5f, doorW = 1.0f, doorH = 2.0f;
        b.Box(cabinFoot, size, 0, 0.06f, (face, u, v) =>
        {
            float stripe = 0.8f + 0.2f * MathF.Abs(MathF.Sin(v * MathF.PI / 0.3f));
            if (face == 4)
            {
                if (u > doorU && u < doorU + doorW && v < doorH) return new Vector3(0.25f, 0.14f, 0.07f) * (u - doorU < 0.08f || doorU + doorW - u < 0.08f ? 0.6f : 1f);
                if (v > 1.0f && v < 2.0f && ((u > 0.8f && u < 2.0f) || (u > size.X - 2.0f && u < size.X - 0.8f)))
                    return ctx.Parameters.TimeOfDay == TimeOfDay.Night ? new Vector3(2f, 1.7f, 0.9f) : new Vector3(0.45f, 0.6f, 0.72f);
            }
            return logs * stripe;
        }, ctx.Random.Fork("cabin"), 0.05f);
        Props.GableRoof(ctx, cabinFoot, size, new Vector3(0.35f, 0.16f, 0.12f), logs * 0.9f, overhang: 0.35f, ridgeHeight: 1.7f);
        b.Box(cabinFoot + new Vector3(size.X * 0.3f, size.Y + 0.6f, -0.6f), new Vector3(0.6f, 1.8f, 0.6f), 0, 0.06f,
            new Vector3(0.45f, 0.42f, 0.4f), ctx.Random.Fork("chimney"));
        float frontZ = cabinFoot.Z + size.Z / 2;
        float doorX = cabinFoot.X - size.X / 2 + doorU + doorW / 2;
        ctx.Obstacles.Add(new Obstacle("the cabin", new Vector2(cabinFoot.X, cabinFoot.Z), MathF.Max(size.X, size.Z) / 2));

        // Meadow with a dirt path from the door towards the camera.
        float PathDist(float x, float z) => MathF.Abs(x - (doorX + 0.6f * MathF.Sin((z - frontZ) * 0.35f)));
        Props.Field(ctx, (-10, 10, -14, 8), (x, z) =>
        {
            if (z > frontZ && z < 7 && PathDist(x, z) < 0.55f + 0.1f * ValueNoise.At(x * 3, z * 3, seed)) return new Vector3(0.55f, 0.45f, 0.32f);
            float n = ValueNoise.Fbm(x * 0.35f, z * 0.35f, seed);
            var grass = Vector3.Lerp(new Vector3(0.26f, 0.5f, 0.16f), new Vector3(0.45f, 0.6f, 0.2f), n);
            float f = ValueNoise.At(x * 6.3f, z * 6.3f, seed + 9);
            if (f > 0.93f) return new Vector3(0.95f, 0.9f, 0.3f); // dandelions
            if (f < 0.05f) return new Vector3(0.95f, 0.95f, 0.95f); // daisies
            return grass;
        });

        // Props: a mower on the lawn, a big tree, a fence at the back, bushes, trees far behind.
        var mower = new Vector3(2.5f, 0, 2.4f); // near the bottom right of the default view, where the method's example prompt puts it
        Props.Mower(ctx, mower, -0.6f);
        var tree = new Vector3(5.2f, 0, -6f);
        Props.Tree(ctx, tree, 6.5f * s);
        Props.Fence(ctx, new Vector3(-9, 0, -11), new Vector3(9, 0, -11));
        var r = ctx.Random.Fork("woods");
        int far = (int)(14 * ctx.Parameters.Density);
        for (int i = 0; i < far; i++)
            Props.Tree(ctx, new Vector3(r.Range(-30, 30), 0, r.Range(-38, -16)), r.Range(6, 10), key: "far" + i);
        for (int i = 0; i < 4; i++)
            Props.Bush(ctx, new Vector3(cabinFoot.X + size.X / 2 + 0.6f, 0, frontZ - 0.4f - i * 1.1f), r.Range(0.8f, 1.2f));

        ctx.Landmark("the cabin's door", ["the door", "cabin door", "the front door", "the entrance", "the doorway", "the cabin door"],
            doorX, frontZ + 0.5f, 0.5f);
        ctx.Landmark("the cabin", ["the house", "the hut", "the log cabin", "the cottage"], cabinFoot.X, frontZ + 0.8f, size.X / 2);
        ctx.Landmark("the mower", ["the lawn mower", "the lawnmower", "mower"], mower.X, mower.Z, 0.6f, 0.55f);
        ctx.Landmark("the tree", ["the big tree", "the oak", "tree"], tree.X - 0.8f, tree.Z + 0.8f, 0.8f);
        ctx.Obstacles.Add(new Obstacle("the tree trunk", new Vector2(tree.X, tree.Z), 0.5f));
        ctx.Landmark("the meadow", ["the lawn", "the grass", "the field", "the yard"], 0.5f, 1.5f, 4f);
        ctx.Landmark("the path", ["the dirt path", "the trail", "the walkway"], doorX, 2.5f, 0.6f);
        ctx.Landmark("the fence", ["the wooden fence"], 0, -10.5f, 9f);
    }
}
