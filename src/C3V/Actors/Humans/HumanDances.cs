using System.Numerics;
using static C3V.Actors.Humans.HumanClip;

namespace C3V.Actors.Humans;

/// <summary>Human dance clips, each in its own style (disco, hip hop, salsa, a ballet pirouette); the couple's waltz is in <see cref="HumanPairs"/>.</summary>
internal static class HumanDances
{
    /// <summary>The clips of this group, in the library's order.</summary>
    internal static IEnumerable<MotionClip> Build(Skeleton s) =>
    [
        DanceDisco(s),
        DanceHipHop(s),
        DanceSalsa(s),
        Pirouette(s),
    ];

    internal static MotionClip DanceDisco(Skeleton s) => Make(s, "dance disco", ["dance", "dancing", "disco dance", "party dance", "groove", "boogie"], 4.0f, true, (r, t) =>
    {
        // Beat 0.5 s (120 bpm); side-step every 2 beats, right arm points up-left / down-right.
        float beat = t / 0.5f;
        float bounce = 0.035f * (0.5f + 0.5f * MathF.Cos(Tau * beat));
        float side = MathF.Sin(Tau * beat / 4);
        float shift = 0.09f * side;
        r.Pelvis(s.RestPositions[0] + new Vector3(shift, -0.05f - bounce, 0), 10 * side, 3, -6 * side);
        r.Leg(+1, Stand(s, +1) + new Vector3(0.08f, 0.06f * MathF.Max(0, -MathF.Sin(Tau * beat / 2)), 0), 10);
        r.Leg(-1, Stand(s, -1) + new Vector3(-0.08f, 0.06f * MathF.Max(0, MathF.Sin(Tau * beat / 2)), 0), -10);
        r.Spine(3, -8 * side, 6 * side);
        r.Head(-4, 15 * side);
        float point = 0.5f + 0.5f * MathF.Sin(Tau * beat / 2);
        r.Arm(-1, Vector3.Lerp(new Vector3(0.3f, 1.0f, 0.3f), new Vector3(-0.6f, -0.8f, 0.3f), point), 0, 5);
        r.Arm(+1, PoseRig.ArmDirection(+1, 25, 30), 0, 100);
        r.Wrist(+1, 20);
    });

    internal static MotionClip DanceHipHop(Skeleton s) => Make(s, "dance hip hop", ["hip hop dance", "dance", "breakdance", "street dance", "bounce to the beat", "funky dance"], 4.0f, true, (r, t) =>
    {
        // Knee bounce on every beat (0.45 s), shoulders pump, arms punch down/across alternately.
        float beat = t / 0.5f;
        float down = 0.5f + 0.5f * MathF.Cos(Tau * beat);
        float alt = MathF.Sin(MathF.PI * beat);
        r.Pelvis(s.RestPositions[0] + new Vector3(0.03f * alt, -0.1f - 0.06f * down, -0.03f), 15 * MathF.Sin(Tau * beat / 4), 12 + 6 * down);
        r.Leg(+1, Stand(s, +1) * new Vector3(1.7f, 1, 1), 20);
        r.Leg(-1, Stand(s, -1) * new Vector3(1.7f, 1, 1), -20);
        r.Spine(8 + 8 * down, 20 * alt);
        r.Head(-6 + 12 * down, 10 * alt);
        float a = MathF.Max(0, alt), b = MathF.Max(0, -alt);
        r.Arm(+1, Vector3.Lerp(PoseRig.ArmDirection(+1, 30, 20), new Vector3(-0.2f, -0.3f, 1), a), 60 * a, 70 + 30 * b, 10 * down);
        r.Arm(-1, Vector3.Lerp(PoseRig.ArmDirection(-1, 30, 20), new Vector3(0.2f, -0.3f, 1), b), 60 * b, 70 + 30 * a, 10 * down);
    });

    internal static MotionClip DanceSalsa(Skeleton s) => Make(s, "dance salsa", ["salsa", "latin dance", "dance", "sway hips", "cha cha", "ballroom"], 3.2f, true, (r, t) =>
    {
        // Basic step: forward-back rocking on a 1.6 s bar, hips sway, arms in a frame.
        float bar = t / 1.6f;
        float fwd = MathF.Sin(Tau * bar);
        float hips = MathF.Sin(Tau * bar * 2);
        var lf = Stand(s, +1) + new Vector3(0, 0.05f * MathF.Max(0, MathF.Sin(Tau * bar * 2 + 1.5f)), 0.22f * MathF.Max(0, fwd));
        var rf = Stand(s, -1) + new Vector3(0, 0.05f * MathF.Max(0, -MathF.Sin(Tau * bar * 2 + 1.5f)), -0.22f * MathF.Max(0, -fwd));
        r.Pelvis(s.RestPositions[0] + new Vector3(0.05f * hips, -0.05f, 0.08f * fwd), 8 * fwd, 0, -9 * hips);
        r.Leg(+1, lf, 8);
        r.Leg(-1, rf, -8);
        r.Spine(2, -10 * fwd, 7 * hips);
        r.Head(-3, 12 * fwd);
        // Elbows bent about 90° with the forearms forward at the waist, swaying with the hips (twisted far up, they read as hands-up).
        r.Arm(+1, new Vector3(0.7f, -0.45f, 0.55f), 15, 85 + 15 * hips);
        r.Arm(-1, new Vector3(-0.7f, -0.5f, 0.5f), 15, 90 - 15 * hips);
        r.Wrist(+1, 15 * hips); r.Wrist(-1, -15 * hips);
    });

    /// <summary>
    /// A ballet pirouette: a plié with the arms opening, up onto the toes of the left foot with the right foot drawn
    /// to the left knee (retiré) and the arms rounded in front, one full turn on the spot, down into fifth position.
    /// The standing foot turns about itself; the clip starts and ends in the same pose, so it loops.
    /// </summary>
    internal static MotionClip Pirouette(Skeleton s) => Make(s, "pirouette", ["pirouette", "spin", "spinning", "twirl", "ballet", "ballet dance", "dance ballet", "spin on the spot"], 3.0f, true, (r, t) =>
    {
        float plie = Bump(t, 0.2f, 0.7f, 0.7f, 0.95f) + Bump(t, 2.0f, 2.3f, 2.3f, 2.7f);
        float up = Bump(t, 0.8f, 1.0f, 1.9f, 2.1f);
        float turn = 360 * Ramp(t, 0.95f, 1.95f);
        float hip = s.RestPositions[0].Y;
        var heading = Quaternion.CreateFromAxisAngle(Vector3.UnitY, turn * MathF.PI / 180);
        // The standing (left) foot under the body's axis while up; feet in fifth position while down.
        var support = Vector3.Lerp(Stand(s, +1) * new Vector3(0.5f, 1, 1), new Vector3(0.02f, 0, Stand(s, +1).Z), up);
        r.Pelvis(new Vector3(-0.03f * up, hip - 0.1f * plie + 0.07f * up, 0), turn, 0);
        r.Leg(+1, Vector3.Transform(support, heading), turn + 30 * (1 - up), 55 * up);
        var fifth = Stand(s, -1) * new Vector3(0.5f, 1, 1) + new Vector3(0, 0, 0.05f);
        var retire = new Vector3(-0.12f, 0.42f + 0.07f, 0.12f);
        r.Leg(-1, Vector3.Transform(Vector3.Lerp(fifth, retire, up), heading), turn - 30 * (1 - up) - 40 * up, 60 * up);
        r.Spine(-2, 0, 0);
        r.Head(-4, 0);
        float open = Bump(t, 0.2f, 0.7f, 0.8f, 1.0f);
        for (int sd = -1; sd <= 1; sd += 2)
        {
            var low = PoseRig.ArmDirection(sd, 20, 15);
            var side = PoseRig.ArmDirection(sd, 80, 10);
            var round = new Vector3(sd * 0.45f, -0.15f, 0.88f); // first position: rounded in front at the chest
            r.Arm(sd, Vector3.Lerp(Vector3.Lerp(low, side, open), round, up), 70 * up, 25 + 50 * up);
        }
    });
}
