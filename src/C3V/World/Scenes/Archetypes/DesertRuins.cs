using System.Numerics;

namespace C3V.World;

/// <summary>A post-apocalyptic city in a desert: sand drifts, broken scorched buildings, car wrecks, rubble, haze.</summary>
public sealed class DesertRuins : SceneArchetype
{
    public override string Id => "desert_ruins";
    public override IReadOnlyList<string> Labels =>
    [
        "a post-apocalyptic city in a desert", "ruined buildings in the sand", "an abandoned wasteland city",
        "the ruins of a destroyed town with wrecked cars", "a dusty desert with rubble and ruins", "a war-torn dystopian city",
    ];

    protected override void Build(SceneContext ctx)
    {
        uint seed = ctx.NoiseSeed;
        ctx.WalkRect = (-6.5f, 6.5f, -9f, 5f);
        ctx.CameraEye = new Vector3(0, 2.0f, 9.5f);
        ctx.CameraTarget = new Vector3(0, 1.2f, -5f);
        Props.Sky(ctx, new Vector3(0.9f, 0.78f, 0.6f), new Vector3(0.62f, 0.6f, 0.58f), clouds: false);
        var sand = ctx.Parameters.Accent ?? new Vector3(0.82f, 0.68f, 0.47f);
        // Dunes rise outside the walkable street.
        float Dune(float x, float z)
        {
            float edge = MathF.Max(0, MathF.Abs(x) - 8) + MathF.Max(0, -z - 30);
            return MathF.Min(edge * 0.15f, 3f) * ValueNoise.Fbm(x * 0.05f, z * 0.05f, seed);
        }
        Props.Field(ctx, (-10, 10, -20, 8), (x, z) =>
            sand * (0.85f + 0.25f * ValueNoise.Fbm(x * 0.2f, z * 0.6f, seed)) * (MathF.Abs(x) < 3 ? 0.92f : 1f), 0.16f, 90, Dune);
        var r = ctx.Random.Fork("ruins");
        var walls = new[] { new Vector3(0.6f, 0.55f, 0.5f), new Vector3(0.55f, 0.5f, 0.44f), new Vector3(0.68f, 0.6f, 0.5f) };
        int k = 0;
        foreach (float side in new[] { -1f, 1f })
            for (float z = 2; z > -60; z -= r.Range(8, 12))
            {
                float width = r.Range(6, 9), height = r.Range(4, 14) * ctx.Parameters.Size;
                var foot = new Vector3(side * (7.5f + width / 2 + r.Range(0, 2)), 0, z);
                Props.Building(ctx, foot, new Vector3(width, height, r.Range(6, 9)), r.Range(-0.15f, 0.15f), walls[k % 3], walls[0], ruined: true, key: "ruin" + k);
                // A broken upper storey: a smaller, offset block.
                if (r.Next() < 0.6f)
                    Props.Building(ctx, foot + new Vector3(r.Range(-1, 1), height, 0), new Vector3(width * 0.6f, r.Range(1.5f, 4), 4), 0.2f, walls[(k + 1) % 3], walls[0], ruined: true, key: "ruinb" + k);
                k++;
            }
        var wreck = new Vector3(3.6f, 0, -4.5f);
        Props.Car(ctx, wreck, 0.5f, new Vector3(0.3f, 0.35f, 0.4f), wreck: true);
        Props.Car(ctx, new Vector3(-4.5f, 0, -14f), -0.3f, new Vector3(0.5f, 0.2f, 0.15f), wreck: true);
        for (int i = 0; i < (int)(14 * ctx.Parameters.Density); i++)
        {
            float x = r.Range(-9, 9), z = r.Range(-25, 3);
            if (MathF.Abs(x) < 2.5f && z > -10) continue; // keep the street in front of the camera clear
            Props.Rock(ctx, new Vector3(x, 0, z), new Vector3(r.Range(0.3f, 0.9f), r.Range(0.2f, 0.6f), r.Range(0.3f, 0.9f)),
                new Vector3(0.5f, 0.46f, 0.42f), "rubble" + i);
        }
        ctx.Landmark("the wrecked car", ["the car", "the wreck", "the car wreck", "the rusty car"], wreck.X - 1.6f, wreck.Z + 1.8f, 2f);
        ctx.Obstacles.Add(new Obstacle("the wrecked car", new Vector2(wreck.X, wreck.Z), 2.2f));
        ctx.Landmark("the street", ["the road", "the middle of the street"], 0, -2f, 3f);
        ctx.Landmark("the ruins", ["the ruined building", "the building", "the rubble"], -6.5f, -6f, 3f);
        ctx.Landmark("the dunes", ["the sand dune", "the desert", "the sand"], 0, -8.5f, 6f);
    }
}
