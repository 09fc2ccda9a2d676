using System.Numerics;
using static C3V.Actors.Humans.HumanClip;

namespace C3V.Actors.Humans;

/// <summary>Human gestures and posture changes made standing in place: wave, clap, bow, sit down, crouch, stretch.</summary>
internal static class HumanActions
{
    /// <summary>The clips of this group, in the library's order.</summary>
    internal static IEnumerable<MotionClip> Build(Skeleton s) =>
    [
        Wave(s),
        Clap(s),
        Bow(s),
        SitDown(s),
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

    internal static MotionClip SitDown(Skeleton s) => Make(s, "sit down", ["sit down", "sit", "take a seat", "sit on a chair", "be seated"], 3.0f, false, (r, t) =>
    {
        // Hips go back and down onto an invisible seat 0.45 m high, trunk leans forward then back upright.
        float d = Ramp(t, 0.3f, 1.6f);
        float lean = MathF.Sin(MathF.PI * Ramp(t, 0.3f, 2.0f));
        var pelvis = new Vector3(0, -0.5f * d, -0.3f * d);
        r.Pelvis(s.RestPositions[0] + pelvis, 0, 35 * lean);
        r.Leg(+1, Stand(s, +1) + new Vector3(0.03f * d, 0, 0.12f * d), 6);
        r.Leg(-1, Stand(s, -1) + new Vector3(-0.03f * d, 0, 0.12f * d), -6);
        r.Spine(10 * lean + 4 * d);
        r.Head(-10 * lean + 5 * d);
        for (int sd = -1; sd <= 1; sd += 2)
            r.Arm(sd, Vector3.Lerp(PoseRig.ArmDirection(sd, 10, 0), new Vector3(sd * 0.2f, -0.8f, 0.55f), d), 0, 12 + 40 * d);
    });

    internal static MotionClip Crouch(Skeleton s) => Make(s, "crouch", ["crouch", "squat", "duck", "kneel down", "hide", "crouch down"], 3.0f, false, (r, t) =>
    {
        float d = Bump(t, 0.2f, 0.9f, 2.2f, 2.9f);
        r.Pelvis(s.RestPositions[0] + new Vector3(0, -0.42f * d, -0.12f * d), 0, 30 * d);
        r.Leg(+1, Stand(s, +1) + new Vector3(0.06f * d, 0, 0), 12, -8 * d);
        r.Leg(-1, Stand(s, -1) + new Vector3(-0.06f * d, 0, 0), -12, -8 * d);
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
}
