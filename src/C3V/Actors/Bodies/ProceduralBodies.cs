namespace C3V.Actors;

/// <summary>
/// The procedural body for a description: the animal, bird, vehicle or thing it names (<see cref="BodyCatalog"/>)
/// on its own rig, else a humanoid avatar. What <see cref="ActorFactory"/> builds when no user asset matches.
/// </summary>
public static class ProceduralBodies
{
    /// <summary>A built body: the skinned cloud, the rig its clips must fit, and a one-line summary.</summary>
    public sealed record Body(SkinnedCloud Cloud, BodyRig Rig, ActorKind Kind, string Summary);

    /// <summary>Builds the body <paramref name="description"/> names; <paramref name="body"/> overrides the noun lookup (the plan's head noun).</summary>
    public static Body Generate(string description, int seed, BodyType? body = null)
    {
        body ??= BodyCatalog.Find(description);
        if (body is not null && body.Rig == BodyRig.Quadruped)
        {
            // The plan's noun may differ from the first noun of the text: read the species from the noun, the coat from the text.
            var spec = QuadrupedSpec.FromDescription($"{description} {body.Noun}", seed) ?? QuadrupedSpec.FromDescription(body.Noun, seed);
            if (spec is not null)
            {
                var q = QuadrupedGenerator.Generate(spec, seed);
                return new Body(q.Cloud, BodyRig.Quadruped, body.Kind,
                    $"procedural {spec.Build.Id}, {spec.Withers:F2} m at the withers, {q.Cloud.Skeleton.Height:F2} m tall, {q.Cloud.Count} Gaussians");
            }
        }
        if (body is not null && body.Rig == BodyRig.Bird && BirdSpec.FromDescription($"{description} {body.Noun}", seed) is { } bird)
        {
            var cloud = BirdGenerator.Generate(bird, seed);
            return new Body(cloud, BodyRig.Bird, body.Kind, $"procedural {bird.Build.Id}, {cloud.Skeleton.Height:F2} m tall, {cloud.Count} Gaussians");
        }
        if (body is not null && body.Rig == BodyRig.Rigid && RigidSpec.FromDescription(description, body) is { } thing)
        {
            var cloud = RigidBuilder.Generate(thing, seed);
            return new Body(cloud, BodyRig.Rigid, body.Kind, $"procedural {thing.Build}, {cloud.Skeleton.Height:F2} m high, {cloud.Count} Gaussians");
        }
        var avatar = AvatarGenerator.Generate(description, seed);
        return new Body(avatar.Cloud, BodyRig.Human, body?.Kind ?? ActorKind.Human,
            $"procedural {avatar.Spec.Kind}, {avatar.Spec.Height:F2} m, {avatar.Cloud.Count} Gaussians");
    }
}
