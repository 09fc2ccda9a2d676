using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// Clips for the rigid rig (<see cref="RigidSkeleton"/>), authored on a car-sized reference whose body joint is
/// at its wheel radius: driving turns every wheel joint by distance / radius (so, rescaled by hip height on
/// another vehicle, its wheels roll without slipping), a loop covering exactly one wheel turn so it closes;
/// rolling turns the whole body (a ball), bouncing follows a damped parabola, floating bobs (boats, balloons),
/// flying lifts the body and spins rotors.
/// </summary>
public static class RigidMotions
{
    const float Fps = 30;
    const float Tau = MathF.PI * 2;
    /// <summary>Reference wheel radius (a car's), the unit the clips are written in.</summary>
    const float Radius = 0.33f;

    public static Skeleton Reference { get; } = RigidSkeleton.Create(Radius, 1.45f,
        new(0.78f, Radius, -1.3f), new(-0.78f, Radius, -1.3f), new(0.78f, Radius, 1.3f), new(-0.78f, Radius, 1.3f));

    static readonly Lazy<IReadOnlyList<MotionClip>> _all = new(Build);

    /// <summary>Every rigid clip; the first stands still.</summary>
    public static IReadOnlyList<MotionClip> All => _all.Value;

    static IReadOnlyList<MotionClip> Build()
    {
        var s = Reference;
        return
        [
            Make(s, "rigid still", ["still", "stand", "park", "parked", "stand still", "wait", "idle", "rest", "lie"], 1, false, (_, _) => { }),
            Drive(s, "rigid drive", ["drive", "drives", "driving", "move", "moves", "go", "ride", "ride along", "roll along", "travel", "cruise", "pass", "pass by", "race", "speed", "run", "walk"], 9),
            Drive(s, "rigid drive slowly", ["drive slowly", "slowly", "crawl", "pull up", "pedal", "cycle", "ride slowly", "skate", "glide along"], 4),
            Stop(s), Roll(s), Bounce(s), Float(s), Fly(s), Sail(s),
        ];
    }

    static MotionClip Make(Skeleton s, string name, string[] labels, float duration, bool loop, Action<Quaternion[], (float T, Vector3[] Root)> pose)
    {
        var q = new Quaternion[Skeleton.JointCount];
        var root = new Vector3[1];
        return MotionClip.FromFunction(name, labels, Fps, duration, loop, s, t =>
        {
            Array.Fill(q, Quaternion.Identity);
            root[0] = s.RestPositions[Skeleton.Pelvis];
            pose(q, (t, root));
            return new Pose((Quaternion[])q.Clone(), root[0]);
        }, BodyRig.Rigid);
    }

    static readonly int[] Wheels = [RigidSkeleton.RearLeft, RigidSkeleton.RearRight, RigidSkeleton.FrontLeft, RigidSkeleton.FrontRight, RigidSkeleton.FrontWheel];

    /// <summary>One wheel turn per loop at <paramref name="speed"/> m/s: every wheel joint turned by distance / radius.</summary>
    static MotionClip Drive(Skeleton s, string name, string[] labels, float speed)
    {
        float lap = Tau * Radius;
        return Make(s, name, labels, lap / speed, true, (q, c) =>
        {
            float d = speed * c.T;
            var spin = Quaternion.CreateFromAxisAngle(Vector3.UnitX, d / Radius);
            foreach (int w in Wheels) q[w] = spin;
            c.Root[0] += new Vector3(0, 0.004f * MathF.Sin(Tau * 2 * d / lap), d);
        });
    }

    /// <summary>
    /// Braking to a halt from driving speed: 9 m/s down to 0 at 3.6 m/s² over 2.5 s (11 m), the wheels turning with
    /// the distance, the nose dipping as it brakes and rocking back once it stands. One-shot: it ends standing.
    /// </summary>
    static MotionClip Stop(Skeleton s) => Make(s, "rigid stop", ["stop", "stops", "brake", "brakes", "halt", "come to a stop", "pull over", "stop at the light"], 3.2f, false, (q, c) =>
    {
        const float v0 = 9, brake = 2.5f;
        float t = MathF.Min(c.T, brake);
        float d = v0 * t - 0.5f * (v0 / brake) * t * t;
        var spin = Quaternion.CreateFromAxisAngle(Vector3.UnitX, d / Radius);
        foreach (int w in Wheels) q[w] = spin;
        // Pitch: nose down while braking, a damped rock back after the stop.
        float after = MathF.Max(0, c.T - brake);
        float pitch = c.T < brake ? 1.5f * MathF.Min(1, c.T / 0.3f) : 1.5f * MathF.Exp(-6 * after) * MathF.Cos(Tau * after / 0.5f);
        q[Skeleton.Pelvis] = PoseRig.Euler(pitch, 0, 0);
        c.Root[0] += new Vector3(0, 0, d);
    });

    static MotionClip Roll(Skeleton s) => Make(s, "rigid roll", ["roll", "rolls", "rolling", "roll across", "tumble", "kicked", "spin"], Tau * Radius / 3, true, (q, c) =>
    {
        // The whole body turns about its centre (a ball's centre is the body joint, one radius up).
        float d = 3 * c.T;
        q[Skeleton.Pelvis] = Quaternion.CreateFromAxisAngle(Vector3.UnitX, d / Radius);
        c.Root[0] += new Vector3(0, 0, d);
    });

    static MotionClip Bounce(Skeleton s) => Make(s, "rigid bounce", ["bounce", "bounces", "bouncing", "jump", "jumps", "hop", "dribble", "fall", "drop"], 1.2f, true, (q, c) =>
    {
        // Two bounces a loop, each up 4 radii, forwards a little, squashing slightly at contact.
        float ph = c.T / 0.6f % 1, h = 4 * 4 * Radius * ph * (1 - ph);
        c.Root[0] += new Vector3(0, h, 1.2f * c.T);
        q[Skeleton.Pelvis] = Quaternion.CreateFromAxisAngle(Vector3.UnitX, 1.2f * c.T / Radius);
    });

    static MotionClip Float(Skeleton s) => Make(s, "rigid float", ["float", "floats", "floating", "drift", "drifts", "bob", "sway", "rise", "hover", "hang"], 4, true, (q, c) =>
    {
        float a = MathF.Sin(Tau * c.T / 4), b = MathF.Sin(Tau * c.T / 2 + 1);
        c.Root[0] += new Vector3(0.05f * a, 0.04f * b, 0.4f * c.T);
        q[Skeleton.Pelvis] = PoseRig.Euler(2 * b, 3 * a, 3 * a);
    });

    static MotionClip Sail(Skeleton s) => Make(s, "rigid sail", ["sail", "sails", "sailing", "row", "rows", "paddle", "cross the lake", "boat", "navigate", "cruise"], 4, true, (q, c) =>
    {
        // Advancing at 2 m/s, pitching and rolling on the swell.
        float a = MathF.Sin(Tau * c.T / 4), b = MathF.Sin(Tau * c.T / 2);
        c.Root[0] += new Vector3(0, 0.03f * b, 2 * c.T);
        q[Skeleton.Pelvis] = PoseRig.Euler(2 * b, 0, 4 * a);
    });

    static MotionClip Fly(Skeleton s) => Make(s, "rigid fly", ["fly", "flies", "flying", "hover", "soar", "take off", "buzz", "circle", "fly over", "fly across"], 2, true, (q, c) =>
    {
        // Airborne six radii up with a slow sway, rotors spinning (eight turns per second).
        float a = MathF.Sin(Tau * c.T / 2);
        c.Root[0] += new Vector3(0.1f * a, 6 * Radius + 0.08f * a, 3 * c.T);
        q[Skeleton.Pelvis] = PoseRig.Euler(6, 0, 5 * a);
        var rotor = Quaternion.CreateFromAxisAngle(Vector3.UnitY, Tau * 8 * c.T);
        foreach (int w in Wheels) q[w] = rotor;
        q[RigidSkeleton.Fork] = rotor;
        q[RigidSkeleton.FrontWheel] = Quaternion.Identity;
    });
}
