using System.Numerics;

namespace C3V.World;

/// <summary>
/// A suburban family house seen from the pavement: a gabled two-storey house with a front door and a path,
/// an attached garage with a concrete driveway and a car parked on it, a front lawn with a tree, a
/// mailbox and hedges, neighbours' houses either side.
/// </summary>
public sealed class SuburbanHouse : SceneArchetype
{
    public override string Id => "suburban_house";
    public override IReadOnlyList<string> Labels =>
    [
        "a suburban house with a car parked in the driveway", "a family home with a front lawn and a garage",
        "a car parked in front of a house", "the front yard of a house in the suburbs", "a driveway leading to a garage",
        "a detached house with a car outside", "a residential neighbourhood home",
    ];

    protected override void Build(SceneContext ctx)
    {
        var b = ctx.Builder;
        uint seed = ctx.NoiseSeed;
        // The walkable rectangle starts 0.2 m in front of the house and garage fronts (z = −5.8), so it keeps actors out of them.
        ctx.WalkRect = (-8f, 9f, -5.6f, 5f);
        ctx.CameraEye = new Vector3(0.8f, 2.3f, 11f);
        ctx.CameraTarget = new Vector3(1.2f, 1.4f, -4f);
        Props.Sky(ctx);

        var house = new Vector3(-2.3f, 0, -9f);
        var size = new Vector3(9f, 5.6f, 6.4f);
        float frontZ = house.Z + size.Z / 2;
        var garage = new Vector3(5.0f, 0, -8.6f);
        var garageSize = new Vector3(4.6f, 3f, 5.6f);
        float driveX0 = garage.X - 2.1f, driveX1 = garage.X + 2.1f;
        float doorX = house.X - 1.2f;
        float sidewalkZ0 = 4.2f, sidewalkZ1 = 5.8f;

        // Ground: lawn, a concrete driveway to the garage, a stone path to the door, the pavement and the road.
        Props.Field(ctx, (-14, 14, -16, 9), (x, z) =>
        {
            if (z > sidewalkZ1 + 0.25f) return new Vector3(0.26f, 0.26f, 0.28f) * (0.9f + 0.15f * ValueNoise.At(x * 3, z * 3, seed)); // road
            if (z > sidewalkZ1) return new Vector3(0.7f, 0.7f, 0.68f); // kerb
            if (z > sidewalkZ0) return new Vector3(0.72f, 0.71f, 0.68f) * (MathF.Abs(x % 1.5f) < 0.03f ? 0.8f : 1f); // pavement slabs
            if (x > driveX0 && x < driveX1 && z > garage.Z) // driveway: concrete slabs with expansion joints
                return new Vector3(0.66f, 0.65f, 0.62f) * (0.92f + 0.1f * ValueNoise.At(x * 2, z * 2, seed + 1)) * (MathF.Abs(z % 2.5f) < 0.03f ? 0.8f : 1f);
            if (MathF.Abs(x - doorX) < 0.6f && z > frontZ && z < sidewalkZ0) // path of square stepping stones in the grass
                return (MathF.Abs(z % 0.8f) < 0.12f) ? new Vector3(0.3f, 0.5f, 0.2f) : new Vector3(0.7f, 0.63f, 0.52f);
            float n = ValueNoise.Fbm(x * 0.4f, z * 0.4f, seed);
            var grass = Vector3.Lerp(new Vector3(0.25f, 0.52f, 0.18f), new Vector3(0.38f, 0.6f, 0.22f), n);
            return (MathF.Floor(x / 0.8f) % 2 == 0) ? grass : grass * 0.93f; // mowing stripes
        }, 0.12f, 70);

        // House: painted siding (horizontal boards), white-framed windows on two floors, a front door, a gabled roof.
        var siding = ctx.Parameters.Accent ?? new Vector3(0.78f, 0.82f, 0.86f);
        bool night = ctx.Parameters.TimeOfDay == TimeOfDay.Night;
        var glass = night ? new Vector3(1.6f, 1.35f, 0.8f) : new Vector3(0.35f, 0.45f, 0.55f);
        float doorU = doorX - (house.X - size.X / 2);
        b.Box(house, size, 0, 0.07f, (face, u, v) =>
        {
            if (face == 4)
            {
                if (MathF.Abs(u - doorU) < 0.55f && v < 2.2f)
                    return MathF.Abs(u - doorU) > 0.47f || v > 2.12f ? new Vector3(0.95f) : new Vector3(0.55f, 0.12f, 0.1f); // red door, white frame
                foreach (float wu in new[] { 1.3f, 5.6f, 7.6f })
                    foreach (float wv in new[] { 1.0f, 3.6f })
                        if (MathF.Abs(u - wu) < 0.6f && v > wv && v < wv + 1.3f)
                            return MathF.Abs(u - wu) > 0.52f || v < wv + 0.08f || v > wv + 1.22f || MathF.Abs(u - wu) < 0.03f ? new Vector3(0.95f) : glass;
                if (MathF.Abs(u - doorU) < 0.6f && v > 3.6f && v < 4.9f)
                    return MathF.Abs(u - doorU) > 0.52f || v < 3.68f || v > 4.82f ? new Vector3(0.95f) : glass;
            }
            return siding * (v % 0.22f < 0.025f ? 0.82f : 1f);
        }, ctx.Random.Fork("house"), 0.03f);
        Props.GableRoof(ctx, house, size, new Vector3(0.28f, 0.24f, 0.24f), siding, overhang: 0.4f, ridgeHeight: 2.4f, key: "house roof");
        b.Box(house + new Vector3(2.4f, size.Y + 0.8f, -1f), new Vector3(0.7f, 2.2f, 0.7f), 0, 0.06f, new Vector3(0.55f, 0.3f, 0.22f), ctx.Random.Fork("chimney"));
        // Porch step and a little canopy over the door.
        var pr = ctx.Random.Fork("porch");
        b.Box(new Vector3(doorX, 0, frontZ + 0.5f), new Vector3(1.8f, 0.18f, 1f), 0, 0.05f, new Vector3(0.75f, 0.74f, 0.7f), pr);
        b.Quad(new Vector3(doorX - 1f, 2.75f, frontZ), new Vector3(2f, 0, 0), new Vector3(0, -0.3f, 1.1f), 0.05f, new Vector3(0.3f, 0.26f, 0.26f), pr,
            outwardFrom: new Vector3(doorX, 2f, frontZ));

        // Garage with a white panelled up-and-over door; a flat roof.
        b.Box(garage, garageSize, 0, 0.07f, (face, u, v) =>
        {
            if (face == 4 && u > 0.35f && u < garageSize.X - 0.35f && v < 2.3f)
                return new Vector3(0.93f, 0.93f, 0.9f) * (v % 0.55f < 0.04f ? 0.8f : 1f);
            return siding * (v % 0.22f < 0.025f ? 0.82f : 1f);
        }, ctx.Random.Fork("garage"), 0.03f);
        b.Box(garage + new Vector3(0, garageSize.Y, 0), new Vector3(garageSize.X + 0.3f, 0.2f, garageSize.Z + 0.3f), 0, 0.07f, new Vector3(0.3f, 0.28f, 0.28f), ctx.Random.Fork("garage roof"));

        // The car, parked nose-in on the driveway.
        var car = new Vector3(garage.X, 0, -2.4f);
        Props.Car(ctx, car, MathF.PI, ctx.Parameters.Accent is null ? new Vector3(0.15f, 0.3f, 0.6f) : new Vector3(0.7f, 0.1f, 0.1f));

        // Lawn: a tree, hedges along the house, a mailbox by the pavement.
        var tree = new Vector3(-6.2f, 0, -1.2f);
        Props.Tree(ctx, tree, 6.5f);
        for (int i = 0; i < 5; i++)
        {
            float x = house.X - size.X / 2 + 0.6f + i * 1.1f;
            if (MathF.Abs(x - doorX) > 0.9f) Props.Bush(ctx, new Vector3(x, 0, frontZ + 0.5f), 0.9f, new Vector3(0.16f, 0.36f, 0.14f));
        }
        var mailbox = new Vector3(doorX + 1.5f, 0, sidewalkZ0 - 0.4f);
        var mr = ctx.Random.Fork("mailbox");
        b.Rod(mailbox, mailbox + new Vector3(0, 1f, 0), 0.04f, 0.03f, new Vector3(0.35f, 0.25f, 0.15f), mr);
        b.Box(mailbox + new Vector3(0, 1f, 0), new Vector3(0.25f, 0.25f, 0.5f), 0, 0.03f, new Vector3(0.15f, 0.15f, 0.17f), mr);
        // Neighbours: simpler houses either side, further back.
        foreach (float side in new[] { -1f, 1f })
        {
            var foot = new Vector3(side * 15.5f, 0, -10f);
            var nsize = new Vector3(8f, 5f, 6f);
            b.Box(foot, nsize, 0, 0.14f, (face, u, v) => face == 4 && v > 1 && v < 4.5f && (u % 2.6f) > 1.2f && (u % 2.6f) < 2.2f && (v % 2.6f) > 1.0f ? glass
                : (side < 0 ? new Vector3(0.85f, 0.78f, 0.62f) : new Vector3(0.7f, 0.55f, 0.5f)), ctx.Random.Fork("neighbour" + side), 0.03f);
            Props.GableRoof(ctx, foot, nsize, new Vector3(0.35f, 0.2f, 0.16f), new Vector3(0.8f, 0.75f, 0.65f), 0.3f, 2f, key: "neighbour roof" + side);
        }
        var far = ctx.Random.Fork("far trees");
        for (int i = 0; i < (int)(10 * ctx.Parameters.Density); i++)
            Props.Tree(ctx, new Vector3(far.Range(-30, 30), 0, far.Range(-34, -18)), far.Range(7, 11), key: "far" + i);

        ctx.Landmark("the house", ["the home", "the front of the house", "the building", "the porch"], house.X + 1.2f, frontZ + 1.3f, 4f);
        ctx.Landmark("the door", ["the front door", "the house's door", "the entrance", "the doorstep", "the doorway"], doorX, frontZ + 1.3f, 0.5f);
        ctx.Landmark("the car", ["the parked car", "the vehicle", "the automobile"], car.X - 1.7f, car.Z + 0.6f, 1.2f);
        // The car is 1.75 × 4.1 m: two circles along it keep actors out of it.
        ctx.Obstacles.Add(new Obstacle("the car", new Vector2(car.X, car.Z - 1f), 1.15f));
        ctx.Obstacles.Add(new Obstacle("the car", new Vector2(car.X, car.Z + 1f), 1.15f));
        ctx.Landmark("the driveway", ["the drive"], garage.X, 2.6f, 1.5f);
        ctx.Landmark("the garage", ["the garage door"], garage.X - 1.2f, -5.2f, 1.5f);
        ctx.Landmark("the lawn", ["the front yard", "the yard", "the grass", "the garden", "the front lawn"], -3f, 0.5f, 2.5f);
        ctx.Landmark("the tree", ["the big tree"], tree.X + 0.9f, tree.Z + 0.8f, 0.8f);
        ctx.Obstacles.Add(new Obstacle("the tree trunk", new Vector2(tree.X, tree.Z), 0.5f));
        ctx.Landmark("the mailbox", ["the letterbox", "the post box"], mailbox.X + 0.5f, mailbox.Z, 0.3f, 0.3f);
        ctx.Landmark("the sidewalk", ["the pavement", "the street", "the road", "the curb"], 0, 4.8f, 3f);
    }
}
