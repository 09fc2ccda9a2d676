using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// The bird clips (also two-legged dinosaurs), authored on a pigeon (<see cref="Reference"/>) at 30 fps in units of
/// its hip height, so they fit every bird build (root travel is rescaled by hip height). Walking birds fold
/// their wings and bob the head; flying ones beat or hold their wings with the legs tucked, a few body heights
/// above the ground. Loops close exactly; take-off and landing are one-shots.
/// </summary>
public static class BirdMotions
{
    const float Fps = 30;
    const float Tau = MathF.PI * 2;
    const int L = AnimalPoseRig.LeftHind, R = AnimalPoseRig.RightHind;

    public static Skeleton Reference { get; } = BirdSkeleton.Create(BirdBuilds.All["pigeon"], BirdBuilds.All["pigeon"].Height);

    static readonly Lazy<IReadOnlyList<MotionClip>> _all = new(Build);

    /// <summary>Every bird clip; the first is the idle.</summary>
    public static IReadOnlyList<MotionClip> All => _all.Value;

    /// <summary>Hip height of the reference: the unit the clips are written in.</summary>
    static float U => Reference.RestPositions[Skeleton.Pelvis].Y;
    /// <summary>Cruising height of flight above the ground, in hip heights.</summary>
    const float FlightHeight = 12;

    static IReadOnlyList<MotionClip> Build()
    {
        var s = Reference;
        return
        [
            Idle(s), Walk(s, "bird walk", ["walk", "walking", "walks", "waddle", "waddling", "strut", "stroll", "wander", "go", "move to"], 0.5f, 1.4f, 0, 6),
            Walk(s, "bird run", ["run", "running", "runs", "sprint", "race", "dash", "chase", "charge", "stampede"], 0.36f, 4.5f, 0.15f, 3),
            Hop(s), Peck(s), Call(s), Swim(s), Fly(s), Glide(s), TakeOff(s), Land(s),
        ];
    }

    static float S(float x) => x * x * (3 - 2 * x);
    static float Ramp(float t, float a, float b) => t <= a ? 0 : t >= b ? 1 : S((t - a) / (b - a));

    static MotionClip Make(Skeleton s, string name, string[] labels, float duration, bool loop, Action<AnimalPoseRig, float> pose)
    {
        var rig = new AnimalPoseRig(s);
        return MotionClip.FromFunction(name, labels, Fps, duration, loop, s, t =>
        {
            rig.Reset();
            pose(rig, t);
            return rig.ToPose();
        }, BodyRig.Bird);
    }

    static void Folded(AnimalPoseRig r, float flutter = 0)
    {
        r.Wing(+1, flutter, 0, 1);
        r.Wing(-1, flutter, 0, 1);
    }

    static void Standing(AnimalPoseRig r, float dy = 0)
    {
        r.Leg(L, r.RestPaw(L) with { Y = 0 });
        r.Leg(R, r.RestPaw(R) with { Y = 0 });
        _ = dy;
    }

    static MotionClip Idle(Skeleton s) => Make(s, "bird idle", ["idle", "stand", "standing", "perch", "wait", "look around", "sit"], 3, true, (r, t) =>
    {
        // Quick head turns held between glances, a slow breath.
        float glance = MathF.Round(MathF.Sin(Tau * t / 3) * 2) / 2;
        r.Body(new Vector3(0, -0.05f * U + 0.01f * U * MathF.Sin(Tau * t / 1.5f), 0));
        r.Head(0, 35 * glance);
        Folded(r);
        Standing(r);
    });

    /// <summary>Alternating steps (half a cycle apart) at <paramref name="speed"/> hip heights per second, the head thrust forward and held (pigeon bob), a side roll (the penguin's waddle is the same roll on short legs).</summary>
    static MotionClip Walk(Skeleton s, string name, string[] labels, float cycle, float speed, float flight, float roll) =>
        Make(s, name, labels, cycle, true, (r, t) =>
        {
            float u = U, v = speed * u, duty = 0.6f - flight;
            float stride = v * cycle * duty, ph = t / cycle;
            r.Body(new Vector3(0.03f * u * MathF.Sin(Tau * ph), -0.08f * u - 0.03f * u * MathF.Cos(2 * Tau * ph), v * t), 4 * flight * 20, 0, roll * MathF.Sin(Tau * ph));
            // Head bob: thrust forward during the first half of each step, held (moving back relative to the body) in the second.
            float bob = (2 * ph % 1) < 0.5f ? S((2 * ph % 1) * 2) : 1 - S((2 * ph % 1 - 0.5f) * 2);
            r.Head(-6 - 10 * bob, 0, 10 * bob);
            Folded(r);
            for (int leg = 0; leg < 2; leg++)
            {
                float p = ph - leg * 0.5f;
                p -= MathF.Floor(p);
                var rest = r.RestPaw(leg) with { Y = 0 } + new Vector3(0, 0, v * t);
                if (p < duty) r.Leg(leg, rest + new Vector3(0, 0, stride * (0.5f - p / duty)));
                else
                {
                    float q = (p - duty) / (1 - duty);
                    r.Leg(leg, rest + new Vector3(0, 0.45f * u * MathF.Sin(MathF.PI * q), stride * (-0.5f + S(q))), -60 * MathF.Sin(MathF.PI * q));
                }
            }
        });

    static MotionClip Hop(Skeleton s) => Make(s, "bird hop", ["hop", "hopping", "jump", "jumping", "bounce", "skip"], 0.6f, true, (r, t) =>
    {
        // Both feet together: crouch, spring 0.8 hip heights forward and up, land.
        float u = U, ph = t / 0.6f, air = ph > 0.35f && ph < 0.85f ? (ph - 0.35f) / 0.5f : 0;
        float h = 4 * 0.6f * u * air * (1 - air), crouch = ph < 0.35f ? 0.15f * u * MathF.Sin(MathF.PI * ph / 0.35f) : 0;
        float z = 0.8f * u * (ph < 0.35f ? 0 : ph > 0.85f ? 1 : S(air));
        r.Body(new Vector3(0, -0.05f * u - crouch + h, z), -5 * air);
        r.Head(5 * air);
        Folded(r, 8 * air);
        for (int leg = 0; leg < 2; leg++) r.Leg(leg, r.RestPaw(leg) with { Y = 0 } + new Vector3(0, h * 0.9f, z), -30 * air);
    });

    static MotionClip Peck(Skeleton s) => Make(s, "bird peck", ["peck", "pecking", "eat", "eating", "feed", "forage", "drink", "scratch", "graze", "look for food"], 1.5f, true, (r, t) =>
    {
        // Two quick pecks at the ground per loop, body tipping forward with them.
        float u = U, ph = t / 0.75f % 1;
        float down = ph < 0.3f ? S(ph / 0.3f) : ph < 0.45f ? 1 : 1 - S((ph - 0.45f) / 0.3f);
        r.Body(new Vector3(0, -0.1f * u * down, 0.05f * u * down), 25 * down);
        r.Spine(10 * down);
        r.Head(-70 * down, 0, 25 * down);
        Folded(r);
        Standing(r);
    });

    static MotionClip Call(Skeleton s) => Make(s, "bird call", ["call", "sing", "singing", "chirp", "tweet", "squawk", "quack", "honk", "caw", "crow", "cluck", "roar", "roaring", "screech", "hoot"], 1.6f, true, (r, t) =>
    {
        // Head up and the chest puffed on each call, twice a loop.
        float ph = t / 0.8f % 1, c = MathF.Sin(MathF.PI * Math.Clamp(ph / 0.5f, 0, 1));
        r.Body(new Vector3(0, 0, 0), -8 * c);
        r.Head(25 * c, 0, -15 * c);
        Folded(r, 6 * c);
        Standing(r);
    });

    static MotionClip Swim(Skeleton s) => Make(s, "bird swim", ["swim", "swimming", "paddle", "float", "glide on the water", "drift"], 1.2f, true, (r, t) =>
    {
        // Sitting low on the water (the body's underside at ground level), feet paddling under it.
        float u = U, v = 1.2f * u, ph = t / 1.2f;
        r.Body(new Vector3(0, -0.95f * u + 0.01f * u * MathF.Sin(Tau * ph * 2), v * t), -4);
        r.Head(8, 6 * MathF.Sin(Tau * ph));
        Folded(r);
        for (int leg = 0; leg < 2; leg++)
        {
            float k = MathF.Sin(Tau * (ph - 0.5f * leg));
            r.Leg(leg, r.RestPaw(leg) with { Y = 0 } + new Vector3(0, 0.05f * u, v * t + 0.25f * u * k), 30 * MathF.Max(0, k));
        }
    });

    /// <summary>Airborne at <see cref="FlightHeight"/> hip heights with tucked legs; wings raised by <paramref name="raise"/>.</summary>
    static void Airborne(AnimalPoseRig r, float z, float bob, float raise, float fold, float pitch = 0)
    {
        float u = U;
        r.Body(new Vector3(0, FlightHeight * u + bob, z), 20 + pitch);
        r.Head(18);
        r.Wing(+1, raise, 8, fold);
        r.Wing(-1, raise, 8, fold);
        for (int leg = 0; leg < 2; leg++) r.Leg(leg, r.RestPaw(leg) with { Y = FlightHeight * u + bob + 0.55f * u } + new Vector3(0, 0, z - 0.5f * u), -70);
    }

    static MotionClip Fly(Skeleton s) => Make(s, "bird fly", ["fly", "flying", "flies", "flap", "flapping", "fly away", "fly over", "fly across", "flutter"], 0.4f, true, (r, t) =>
    {
        // Wingbeats: down-stroke fast and spread, up-stroke with the hand half folded; the body lifts on each down-stroke.
        float u = U, ph = t / 0.4f, v = 14 * u;
        float beat = MathF.Cos(Tau * ph);
        Airborne(r, v * t, 0.25f * u * MathF.Sin(Tau * ph), 50 * beat, 0.25f * MathF.Max(0, MathF.Sin(Tau * ph)));
    });

    static MotionClip Glide(Skeleton s) => Make(s, "bird glide", ["glide", "gliding", "soar", "soaring", "circle", "hover", "float in the air"], 3, true, (r, t) =>
    {
        float u = U, v = 12 * u, sway = MathF.Sin(Tau * t / 3);
        Airborne(r, v * t, 0.3f * u * sway, 6 + 3 * sway, 0, -10);
    });

    static MotionClip TakeOff(Skeleton s) => Make(s, "bird take off", ["take off", "takes off", "fly up", "lift off", "launch", "fly away"], 1.2f, false, (r, t) =>
    {
        float u = U, up = Ramp(t, 0.2f, 1.2f), beat = MathF.Cos(Tau * t / 0.3f) * Ramp(t, 0.1f, 0.3f);
        float crouch = 0.2f * u * MathF.Sin(MathF.PI * Math.Clamp(t / 0.25f, 0, 1));
        r.Body(new Vector3(0, -crouch + FlightHeight * u * up, 6 * u * up * up), -10 + 30 * up);
        r.Head(10 * up);
        r.Wing(+1, 50 * beat, 8, 1 - Ramp(t, 0, 0.2f));
        r.Wing(-1, 50 * beat, 8, 1 - Ramp(t, 0, 0.2f));
        for (int leg = 0; leg < 2; leg++) r.Leg(leg, r.RestPaw(leg) with { Y = MathF.Max(0, FlightHeight * u * up - 0.3f * u) } + new Vector3(0, 0, 6 * u * up * up - 0.4f * u * up), -70 * up);
    });

    static MotionClip Land(Skeleton s) => Make(s, "bird land", ["land", "lands", "landing", "touch down", "alight", "settle"], 1.2f, false, (r, t) =>
    {
        float u = U, down = Ramp(t, 0, 0.9f), flare = MathF.Sin(MathF.PI * Math.Clamp(t / 1.0f, 0, 1));
        float y = FlightHeight * u * (1 - down);
        r.Body(new Vector3(0, y - 0.1f * u * Ramp(t, 0.85f, 1.0f) * (1 - Ramp(t, 1.0f, 1.2f)), 5 * u * S(down)), 20 - 35 * flare * (1 - down) + 0 * down);
        r.Head(10 - 10 * down);
        float beat = MathF.Cos(Tau * t / 0.3f) * (1 - Ramp(t, 0.8f, 1.0f));
        r.Wing(+1, 40 * beat + 30 * flare, 0, Ramp(t, 0.95f, 1.2f));
        r.Wing(-1, 40 * beat + 30 * flare, 0, Ramp(t, 0.95f, 1.2f));
        for (int leg = 0; leg < 2; leg++) r.Leg(leg, r.RestPaw(leg) with { Y = MathF.Max(0, y - 0.1f * u) } + new Vector3(0, 0, 5 * u * S(down)));
    });
}
