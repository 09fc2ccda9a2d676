using System.Numerics;

namespace C3V.World;

/// <summary>A clearing ringed by dense woods, with a fallen log, a stump and a mossy rock.</summary>
public sealed class ForestClearing : SceneArchetype
{
    public override string Id => "forest_clearing";
    public override IReadOnlyList<string> Labels =>
    [
        "a forest clearing", "a glade in the woods", "an opening among tall trees in a forest", "a woodland clearing with a fallen log",
        "deep in the woods", "a pine forest", "the jungle",
    ];

    protected override void Build(SceneContext ctx)
    {
        uint seed = ctx.NoiseSeed;
        ctx.WalkRect = (-6f, 6f, -7f, 5f);
        ctx.CameraEye = new Vector3(0, 2.0f, 9f);
        ctx.CameraTarget = new Vector3(0, 1.0f, -3f);
        Props.Sky(ctx);
        var center = new Vector2(0, -1f);
        Props.Field(ctx, (-11, 11, -16, 8), (x, z) =>
        {
            float d = Vector2.Distance(new Vector2(x, z), center);
            float n = ValueNoise.Fbm(x * 0.4f, z * 0.4f, seed);
            var grass = Vector3.Lerp(new Vector3(0.3f, 0.48f, 0.16f), new Vector3(0.42f, 0.55f, 0.2f), n);
            var litter = Vector3.Lerp(new Vector3(0.32f, 0.25f, 0.15f), new Vector3(0.22f, 0.3f, 0.12f), n);
            return Vector3.Lerp(grass, litter, Math.Clamp((d - 6.5f) / 3f, 0, 1));
        });
        var r = ctx.Random.Fork("forest");
        int n = (int)(70 * ctx.Parameters.Density);
        for (int i = 0; i < n; i++)
        {
            float ang = r.Range(0, 2 * MathF.PI), rad = r.Range(8.5f, 26f);
            var p = new Vector3(center.X + rad * MathF.Cos(ang), 0, center.Y + rad * MathF.Sin(ang));
            if (p.Z > 6 && MathF.Abs(p.X) < 12) continue; // keep the view open
            if (r.Next() < 0.55f) Props.Pine(ctx, p, r.Range(7, 12) * ctx.Parameters.Size, key: "pine" + i);
            else Props.Tree(ctx, p, r.Range(6, 10) * ctx.Parameters.Size, new Vector3(0.16f, 0.36f, 0.12f) * r.Range(0.8f, 1.2f), key: "tree" + i);
        }
        var tree = new Vector3(-6.8f, 0, -3.5f);
        Props.Tree(ctx, tree, 8f, new Vector3(0.2f, 0.42f, 0.14f), key: "landmark tree");
        // A fallen log, a stump and a mossy rock.
        var log = new Vector3(2.8f, 0.3f, -4f);
        ctx.Builder.Rod(log + new Vector3(-1.6f, 0, -0.3f), log + new Vector3(1.6f, 0, 0.3f), 0.3f, 0.07f, new Vector3(0.4f, 0.28f, 0.17f), ctx.Random.Fork("log"), caps: true);
        var stump = new Vector3(-2.8f, 0, 0.5f);
        ctx.Builder.Cylinder(stump, 0.35f, 0.5f, 0.05f, new Vector3(0.42f, 0.3f, 0.18f), ctx.Random.Fork("stump"));
        var rock = new Vector3(4.2f, 0, 1.5f);
        Props.Rock(ctx, rock, new Vector3(0.9f, 0.7f, 0.8f), new Vector3(0.45f, 0.5f, 0.4f));
        for (int i = 0; i < 8; i++) Props.Bush(ctx, new Vector3(r.Range(-9, 9), 0, r.Range(-9, -6.5f)), r.Range(0.7f, 1.3f));

        ctx.Landmark("the clearing", ["the glade", "the middle of the clearing", "the open grass"], center.X, center.Y + 1f, 5f);
        ctx.Landmark("the log", ["the fallen log", "the fallen tree", "the trunk"], log.X, log.Z + 0.9f, 1.6f);
        ctx.Obstacles.Add(new Obstacle("the log", new Vector2(log.X, log.Z), 1.7f));
        ctx.Landmark("the stump", ["the tree stump"], stump.X, stump.Z + 0.6f, 0.4f, 0.4f);
        ctx.Landmark("the rock", ["the boulder", "the mossy rock", "the stone"], rock.X - 0.3f, rock.Z + 1.1f, 0.9f, 0.9f);
        ctx.Landmark("the tree", ["the big tree", "the edge of the forest", "the woods", "the forest"], tree.X + 1f, tree.Z + 0.8f, 1f);
    }
}
