using C3V.Actors.Humans;

namespace C3V.Actors;

/// <summary>
/// The embedded motion library, one list of clips per body rig. Human clips are built from body-level
/// controls (<see cref="PoseRig"/>) and planted foot tracks (<see cref="FootTrack"/>) on the default skeleton at
/// 30 fps, grouped by job under <c>Actors/Humans</c>; timing follows ordinary human figures (walk ≈ 1.05 s per
/// stride at 1.25 m/s, run ≈ 0.66 s at 3.6 m/s, ...). Locomotion clips loop and advance along +Z; gestures stand
/// in place.
/// </summary>
public static class ProceduralMotions
{
    static readonly Lazy<IReadOnlyList<MotionClip>> _all = new(Build);
    static readonly Lazy<IReadOnlyList<MotionClip>> _quadruped = new(QuadrupedMotions.Build);

    /// <summary>Every human clip of the library (built once, on first use).</summary>
    public static IReadOnlyList<MotionClip> All => _all.Value;

    /// <summary>The clips made for <paramref name="rig"/>.</summary>
    public static IReadOnlyList<MotionClip> For(BodyRig rig) => rig switch
    {
        BodyRig.Quadruped => _quadruped.Value,
        BodyRig.Bird => BirdMotions.All,
        BodyRig.Rigid => RigidMotions.All,
        _ => All,
    };

    /// <summary>The standing idle of <paramref name="rig"/>: what an actor of that body does while it waits.</summary>
    public static MotionClip Idle(BodyRig rig) => For(rig)[0];

    /// <summary>The clip named <paramref name="name"/> (case-insensitive) of any rig, or null.</summary>
    public static MotionClip? Find(string name) =>
        Enum.GetValues<BodyRig>().SelectMany(For).FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    static IReadOnlyList<MotionClip> Build()
    {
        var s = Skeleton.Default;
        return
        [
            HumanLocomotion.Idle(s), // first: the rig's idle
            .. HumanLocomotion.Build(s),
            .. HumanDances.Build(s),
            .. HumanFighting.Build(s),
            .. HumanActions.Build(s),
        ];
    }
}
