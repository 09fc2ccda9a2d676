using System.Numerics;
using static C3V.Actors.Humans.HumanClip;

namespace C3V.Actors.Humans;

/// <summary>Human gestures, handling and posture changes made in place: wave, clap, bow, point, sitting, lying, crouching, stretching, picking up, throwing, juggling.</summary>
internal static class HumanActions
{
    /// <summary>The clips of this group, in the library's order.</summary>
    internal static IEnumerable<MotionClip> Build(Skeleton s) =>
    [
        Wave(s),
        Clap(s),
        Bow(s),
        SitDown(s),
        Sit(s),
        StandUp(s),
        LieDown(s),
        Lie(s),
        Point(s),
        PickUp(s),
        Throw(s),
        Juggle(s),
        Crouch(s),
        Stretch(s),
    ];

    internal static MotionClip Wave(Skeleton s) => Make(s, "wave", ["wave", "waving", "wave hello", "greet", "say hi", "wave goodbye"], 3.0f, true, (r, t) =>
    {
        float up = Bump(t, 0.0f, 0.5f, 2.5f, 3.0f);
        float wag = MathF.Sin(Tau * t / 0.55f) * up;
        Planted(r, new Vector3(0.01f, -0.015f, 0), 0, 0, 2);
        r.Spine(1, 0, -3 * up);
        r.Head(-3, 8 * up, 4 * up);
        // Right upper arm out and up, forearm vertical, forearm wags side to side.
        r.Arm(-1, Vector3.Lerp(PoseRig.ArmDirection(-1, 12, 0), new Vector3(-0.85f, 0.4f, 0.25f), up), 90 * up, 12 + 95 * up + 22 * wag);
        r.Wrist(-1, 10 * wag);
        r.Arm(+1, PoseRig.ArmDirection(+1, 12, 0), 0, 12);
    });

    internal static MotionClip Clap(Skeleton s) => Make(s, "clap", ["clap", "clapping", "applaud", "cheer", "clap hands"], 2.4f, true, (r, t) =>
    {
        float raise = Bump(t, 0, 0.3f, 2.1f, 2.4f);
        float open = 0.5f + 0.5f * MathF.Cos(Tau * t / 0.4f);
        Planted(r, new Vector3(0, -0.015f, 0));
        r.Spine(3);
        r.Head(4);
        for (int sd = -1; sd <= 1; sd += 2)
        {
            var dir = Vector3.Lerp(PoseRig.ArmDirection(sd, 12, 0), new Vector3(sd * (0.28f + 0.22f * open), -0.55f, 0.75f), raise);
            r.Arm(sd, dir, 0, 12 + 85 * raise);
            r.Wrist(sd, 0, -sd * 30 * raise);
        }
    });

    internal static MotionClip Bow(Skeleton s) => Make(s, "bow", ["bow", "bowing", "take a bow", "greet politely", "curtsy"], 3.0f, false, (r, t) =>
    {
        float b = Bump(t, 0.2f, 1.0f, 1.8f, 2.7f);
        Planted(r, new Vector3(0, -0.01f, -0.06f * b), 0, 25 * b);
        r.Spine(40 * b);
        r.Head(10 * b);
        r.Arm(+1, PoseRig.ArmDirection(+1, 6, 10 * b), 0, 10);
        r.Arm(-1, new Vector3(-0.25f + 0.3f * b, -0.7f, 0.6f * b), 60 * b, 10 + 80 * b);
    });

    /// <summary>
    /// Sitting on an invisible seat 0.45 m high: <paramref name="down"/> 0 stands, 1 sits (hips back and down, hands
    /// on the thighs); <paramref name="lean"/> tips the trunk forward as the weight passes over the feet.
    /// </summary>
    static void Seat(PoseRig r, float down, float lean)
    {
        var s = r.Skeleton;
        // The feet stay where they stand; the hips go back over the seat's edge.
        r.Pelvis(s.RestPositions[0] + new Vector3(0, -0.5f * down, -0.42f * down), 0, 35 * lean);
        r.Leg(+1, Stand(s, +1), 6);
        r.Leg(-1, Stand(s, -1), -6);
        r.Spine(10 * lean + 4 * down);
        r.Head(-10 * lean + 5 * down);
        for (int sd = -1; sd <= 1; sd += 2)
            r.Arm(sd, Vector3.Lerp(PoseRig.ArmDirection(sd, 10, 0), new Vector3(sd * 0.2f, -0.8f, 0.55f), down), 0, 12 + 40 * down);
    }

    internal static MotionClip SitDown(Skeleton s) => Make(s, "sit down", ["sit down", "take a seat", "sit on a chair", "be seated", "sits down"], 3.0f, false, (r, t) =>
        Seat(r, Ramp(t, 0.3f, 1.6f), MathF.Sin(MathF.PI * Ramp(t, 0.3f, 2.0f))));

    internal static MotionClip StandUp(Skeleton s) => Make(s, "stand up", ["stand up", "get up", "rise", "rise from the chair", "stands up"], 2.6f, false, (r, t) =>
        Seat(r, 1 - Ramp(t, 0.6f, 1.9f), MathF.Sin(MathF.PI * Ramp(t, 0.2f, 2.2f))));

    /// <summary>Seated and at ease: breathing, glancing round, a hand shifting on the thigh; loops.</summary>
    internal static MotionClip Sit(Skeleton s) => Make(s, "sit", ["sit", "sitting", "seated", "sit on a bench", "sit and wait", "sit still"], 4.0f, true, (r, t) =>
    {
        Seat(r, 1, 0);
        float w = MathF.Sin(Tau * t / 4);
        r.Spine(4 + 1.5f * MathF.Sin(Tau * t / 2), 4 * w);
        r.Head(5, 20 * w);
    });

    internal static MotionClip Crouch(Skeleton s) => Make(s, "crouch", ["crouch", "duck", "kneel down", "hide", "crouch down", "hunker down"], 3.0f, false, (r, t) =>
    {
        float d = Bump(t, 0.2f, 0.9f, 2.2f, 2.9f);
        r.Pelvis(s.RestPositions[0] + new Vector3(0, -0.42f * d, -0.12f * d), 0, 30 * d);
        r.Leg(+1, Stand(s, +1), 12, -8 * d);
        r.Leg(-1, Stand(s, -1), -12, -8 * d);
        r.Spine(22 * d);
        r.Head(-35 * d);
        for (int sd = -1; sd <= 1; sd += 2)
            r.Arm(sd, Vector3.Lerp(PoseRig.ArmDirection(sd, 10, 0), new Vector3(sd * 0.25f, -0.5f, 0.8f), d), 50 * d, 12 + 70 * d);
    });

    internal static MotionClip Stretch(Skeleton s) => Make(s, "stretch", ["stretch", "stretching", "warm up", "exercise", "yawn and stretch", "reach up"], 4.0f, false, (r, t) =>
    {
        // Both arms overhead, lean left, lean right, back down.
        float up = Bump(t, 0.2f, 1.0f, 3.2f, 3.9f);
        float lean = MathF.Sin(Tau * Ramp(t, 1.0f, 3.2f));
        Planted(r, new Vector3(-0.03f * lean * up, -0.01f, 0), 0, 0, 4 * lean * up, 1.3f);
        r.Spine(-6 * up, 0, 22 * lean * up);
        r.Head(-12 * up, 0, 8 * lean * up);
        for (int sd = -1; sd <= 1; sd += 2)
            r.Arm(sd, Vector3.Lerp(PoseRig.ArmDirection(sd, 10, 0), new Vector3(sd * 0.15f, 1, 0.05f), up), 0, 10 * (1 - up) + 5, 12 * up);
    });

    /// <summary>
    /// Down to the ground and onto the back: <paramref name="sit"/> lowers the hips behind the feet onto the floor
    /// (hands reaching back to it), <paramref name="extend"/> slides the legs out straight, <paramref name="recline"/>
    /// lays the trunk back; all at 1 is lying on the back, arms at the sides.
    /// </summary>
    static void Lying(PoseRig r, float sit, float extend, float recline, float breath = 0)
    {
        var s = r.Skeleton;
        float hip = s.RestPositions[0].Y;
        var seated = new Vector3(0, 0.13f - hip, -0.45f);
        r.Pelvis(s.RestPositions[0] + seated * sit + new Vector3(0, -0.03f * recline, 0), 0, 40 * MathF.Sin(MathF.PI * sit) * (1 - extend) - 95 * recline);
        for (int sd = -1; sd <= 1; sd += 2)
        {
            // The heels lift a little as the legs swing out straight, rather than scraping along the floor.
            var foot = Stand(s, sd) + new Vector3(0, 0.06f * MathF.Sin(MathF.PI * extend), 0.42f * extend);
            r.Leg(sd, foot, 6 * sd, -75 * extend);
        }
        r.Spine(15 * sit * (1 - recline) + breath, 0, 0);
        r.Head(-10 * sit * (1 - recline) + 10 * recline);
        for (int sd = -1; sd <= 1; sd += 2)
        {
            // Hands to the floor behind while sitting down, then along the body when lying.
            var behind = new Vector3(sd * 0.3f, 0.03f, -0.65f);
            float prop = sit * (1 - recline);
            if (prop > 0.05f && recline < 0.5f) r.Reach(sd, Vector3.Lerp(new Vector3(sd * 0.22f, hip - 0.05f, 0.05f), behind, prop), new Vector3(sd, 0.2f, -0.6f));
            else r.Arm(sd, PoseRig.ArmDirection(sd, 12, 0), 0, 8);
        }
    }

    internal static MotionClip LieDown(Skeleton s) => Make(s, "lie down", ["lie down", "lay down", "lie on the ground", "lie on the back", "go to sleep on the ground"], 3.6f, false, (r, t) =>
        Lying(r, Ramp(t, 0.2f, 1.4f), Ramp(t, 1.4f, 1.9f), Ramp(t, 1.9f, 3.1f)));

    internal static MotionClip Lie(Skeleton s) => Make(s, "lie", ["lie", "lying", "sleep", "sleeping", "nap", "rest on the ground", "sunbathe", "lie still"], 4.0f, true, (r, t) =>
        Lying(r, 1, 1, 1, 1.5f * MathF.Sin(Tau * t / 4)));

    /// <summary>The right arm raised straight at something ahead and to the right at eye level, the head turned to it.</summary>
    internal static MotionClip Point(Skeleton s) => Make(s, "point", ["point", "pointing", "point at", "point to", "show the way", "indicate"], 3.0f, true, (r, t) =>
    {
        float up = Bump(t, 0.2f, 0.7f, 2.3f, 2.9f);
        Planted(r, new Vector3(0, -0.015f, 0), -6 * up);
        r.Spine(0, -8 * up);
        r.Head(-3 * up, -15 * up);
        var hip = s.RestPositions[0].Y;
        r.Reach(-1, Vector3.Lerp(new Vector3(-0.21f, hip - 0.04f, 0.04f), new Vector3(-0.4f, hip + 0.5f, 0.42f), up), new Vector3(-0.5f, -1, -0.4f));
        r.Arm(+1, PoseRig.ArmDirection(+1, 12, 0), 0, 12);
    });

    /// <summary>Bends knees and hips, both hands down to something on the ground in front, stands up holding it at the waist.</summary>
    internal static MotionClip PickUp(Skeleton s) => Make(s, "pick up", ["pick up", "picks up", "pick something up", "lift from the ground", "gather", "collect"], 2.6f, false, (r, t) =>
    {
        float down = Bump(t, 0.2f, 1.0f, 1.3f, 2.1f);
        float hold = Ramp(t, 1.0f, 1.3f);
        float hip = s.RestPositions[0].Y;
        Planted(r, new Vector3(0, -0.42f * down, -0.14f * down), 0, 38 * down, 0, 1.2f);
        r.Spine(30 * down);
        r.Head(-20 * down + 10 * hold * (1 - down));
        for (int sd = -1; sd <= 1; sd += 2)
        {
            var hang = new Vector3(sd * 0.21f, hip - 0.04f, 0.04f);
            var ground = new Vector3(sd * 0.13f, 0.1f, 0.42f);
            var held = new Vector3(sd * 0.15f, hip + 0.05f, 0.3f);
            r.Reach(sd, Vector3.Lerp(Vector3.Lerp(hang, held, hold), ground, down), new Vector3(sd, -0.6f, -0.4f));
        }
    });

    /// <summary>
    /// An overhand throw: the body turns side-on with the right hand drawn back above the shoulder, the left foot
    /// steps forward, the arm whips over the shoulder and follows through across the body.
    /// </summary>
    internal static MotionClip Throw(Skeleton s)
    {
        var left = new FootTrack { StepHeight = 0.08f, Roll = 6 }.Add(0, 0.45f, Stand(s, +1)).Add(0.72f, 9, Stand(s, +1) + new Vector3(0.02f, 0, 0.32f), 10);
        float hip = s.RestPositions[0].Y;
        return Make(s, "throw", ["throw", "throwing", "throw a ball", "toss", "pitch", "hurl", "throws"], 1.8f, false, (r, t) =>
        {
            float wind = Bump(t, 0.1f, 0.55f, 0.6f, 0.85f);
            float release = Bump(t, 0.6f, 0.8f, 0.8f, 1.05f);
            float follow = Bump(t, 0.8f, 1.05f, 1.2f, 1.7f);
            float step = Ramp(t, 0.45f, 0.75f);
            r.Pelvis(s.RestPositions[0] + new Vector3(0, -0.04f - 0.04f * step, 0.16f * step - 0.05f * wind), -35 * wind + 25 * follow, -5 * wind + 15 * follow);
            var (at, yaw, toes, _) = left.At(t);
            r.Leg(+1, at, yaw, toes);
            r.Leg(-1, Stand(s, -1), -4);
            r.Spine(-6 * wind + 18 * follow, -25 * wind + 20 * follow, 8 * wind);
            r.Head(0, 35 * wind - 15 * follow);
            var rest = new Vector3(-0.21f, hip - 0.04f, 0.04f);
            var back = new Vector3(-0.35f, hip + 0.65f, -0.35f);
            var over = new Vector3(-0.18f, hip + 0.62f, 0.45f);
            var across = new Vector3(0.22f, hip - 0.05f, 0.4f);
            var hand = Vector3.Lerp(Vector3.Lerp(Vector3.Lerp(rest, back, wind), over, release), across, follow);
            r.Reach(-1, hand, new Vector3(-1, -0.2f * (1 - wind), -0.3f));
            r.Arm(+1, Vector3.Lerp(PoseRig.ArmDirection(+1, 12, 0), new Vector3(0.3f, 0.1f, 1), wind), 0, 20 + 40 * follow); // aims with the free hand
        });
    }

    /// <summary>Juggling: hands circling in front at the waist in turn (in at the top, out at the bottom), eyes up on the balls.</summary>
    internal static MotionClip Juggle(Skeleton s) => Make(s, "juggle", ["juggle", "juggling", "juggle balls", "toss balls", "juggler act"], 2.4f, true, (r, t) =>
    {
        float hip = s.RestPositions[0].Y;
        Planted(r, new Vector3(0, -0.02f, 0));
        r.Spine(3);
        r.Head(-18, 4 * MathF.Sin(Tau * t / 2.4f));
        for (int sd = -1; sd <= 1; sd += 2)
        {
            float a = Tau * t / 0.6f + (sd > 0 ? MathF.PI : 0);
            // Forearms level at the waist, elbows at the sides; each hand circles 10 cm wide so the throws read from afar.
            var centre = new Vector3(sd * 0.18f, hip + 0.16f, 0.36f);
            var hand = centre + new Vector3(-sd * 0.1f * MathF.Sin(a), 0.09f * MathF.Cos(a), 0);
            r.Reach(sd, hand, new Vector3(sd * 0.6f, -1, -0.3f));
            r.Wrist(sd, 10 * MathF.Cos(a));
        }
    });
}
