using System.Numerics;
using static C3V.Actors.Humans.HumanClip;

namespace C3V.Actors.Humans;

/// <summary>Human fighting clips: a kung fu form, a boxing combination, a front kick.</summary>
internal static class HumanFighting
{
    /// <summary>The clips of this group, in the library's order.</summary>
    internal static IEnumerable<MotionClip> Build(Skeleton s) =>
    [
        KungFu(s),
        Punches(s),
        Kick(s),
    ];

    /// <summary>
    /// A kung fu form that reads from the front: a wide horse stance with the fists chambered at the ribs;
    /// three punches (left across the body, right straight, left out to the side) with the waist turning into
    /// each; the weight shifts onto the left leg for a chambered side kick to the right at hip height; the foot
    /// comes back down to the stance; the body turns 50° to the right with a double palm strike and turns back.
    /// The left foot never leaves its place, the right one only for the kick; the clip starts and ends in the
    /// same still stance, so it loops without a seam.
    /// </summary>
    internal static MotionClip KungFu(Skeleton s) => Make(s, "kung fu",
        ["kung fu", "martial arts", "karate", "fight", "fighting", "kung fu fighting", "martial arts routine", "shaolin form", "fighting stance", "wushu"], 4.0f, true, (r, t) =>
    {
        t *= 4.8f / 4.0f; // the form below is timed on 4.8 s and played in 4 s, a default video's length
        var leftFoot = Stand(s, +1) + new Vector3(0.19f, 0, 0.04f);
        var rightStance = Stand(s, -1) + new Vector3(-0.19f, 0, -0.04f);
        // Strikes: fast out (0.12 s), a short hold, slower recoil.
        static float Strike(float t, float at, float end) => Bump(t, at, at + 0.12f, at + 0.22f, end);
        float p1 = Strike(t, 0.15f, 0.6f), p2 = Strike(t, 0.6f, 1.05f), p3 = Strike(t, 1.05f, 1.55f);
        float shift = Bump(t, 1.55f, 2.1f, 3.15f, 3.6f);   // weight over the left foot
        float chamber = Bump(t, 2.05f, 2.35f, 2.95f, 3.3f); // right knee up
        float kick = Bump(t, 2.35f, 2.5f, 2.75f, 2.95f);    // foot driven out to the right
        float turn = Bump(t, 3.55f, 3.85f, 4.2f, 4.6f);     // waist and stance turn right
        float palms = Bump(t, 3.8f, 3.95f, 4.1f, 4.35f);

        float twist = 28 * p1 - 24 * p2 + 30 * p3;           // waist turns into each punch
        float yaw = twist * 0.5f - 50 * turn;
        float drop = 0.19f - 0.1f * chamber;                 // deep horse stance, rising on one leg
        var pelvis = new Vector3(0.14f * shift - 0.08f * turn, -drop, -0.04f * turn);
        r.Pelvis(s.RestPositions[0] + pelvis, yaw, 6 + 4 * turn, -9 * chamber);
        r.Leg(+1, leftFoot, 25);
        // Right foot: planted, then knee up in front, then driven out sideways at hip height, and back.
        var kneeUp = rightStance + new Vector3(0.05f, 0.42f, 0.12f);
        var extended = new Vector3(-0.92f, 0.78f, 0.02f);
        var rf = Vector3.Lerp(Vector3.Lerp(rightStance, kneeUp, chamber), extended, kick);
        r.Leg(-1, rf, -25 - 60 * chamber, 15 * kick);
        r.Spine(5 + 6 * chamber, twist * 0.7f, -16 * kick + 4 * chamber);
        r.Head(0, 40 * p3 - 45 * chamber, 6 * kick); // looks along the side punch and the kick

        // Arms: chambered fists by the ribs → punches; a high guard during the kick; palms pushed out in the turn.
        for (int sd = -1; sd <= 1; sd += 2)
        {
            var chamberDir = new Vector3(sd * 0.3f, -0.85f, -0.4f);
            var guardDir = new Vector3(sd * 0.45f, -0.45f, 0.6f);
            float guard = Math.Clamp(chamber + 0.6f * shift, 0, 1);
            var dir = Vector3.Lerp(chamberDir, guardDir, guard);
            float elbow = 95 + 15 * guard; // forearm level by the ribs; fists up at the chin in the guard
            float ext = 0;
            Vector3 target = dir;
            if (sd > 0 && p1 > 0) { ext = p1; target = new Vector3(-0.25f, 0.08f, 1f); }          // left, across the body
            if (sd < 0 && p2 > 0) { ext = p2; target = new Vector3(0.05f, 0.05f, 1f); }           // right, straight
            if (sd > 0 && p3 > 0) { ext = p3; target = new Vector3(1f, 0.1f, 0.15f); }            // left, out to the side
            if (palms > 0) { ext = palms; target = new Vector3(-sd * 0.1f, 0.2f, 1f); }           // double palm strike
            float bend = elbow * (1 - ext) + 5;
            if (kick > 0) // with the kick: right arm flung out along the leg, left fist raised above the head
            {
                (ext, target) = (kick, sd < 0 ? new Vector3(-1f, -0.15f, 0.15f) : new Vector3(0.35f, 1f, 0.25f));
                bend = Lerp(elbow, sd < 0 ? 5 : 25, kick);
            }
            r.Arm(sd, Vector3.Lerp(dir, target, ext), 0, bend, 0);
            r.Wrist(sd, palms > 0 ? -50 * palms : 0);
        }
    });

    /// <summary>
    /// Boxing: an orthodox stance (left foot forward) bouncing lightly on the knees, fists up at the chin; a
    /// jab, a cross with the hips turning into it, a left hook swinging in from the side and a right uppercut
    /// rising from the hip, back to the guard. The hook and the uppercut move across and up the picture, so
    /// the combination reads from the front where straight punches are foreshortened. Feet stay planted.
    /// </summary>
    internal static MotionClip Punches(Skeleton s) => Make(s, "punch", ["punch", "throw punches", "box", "boxing", "jab", "strike", "spar"], 2.4f, true, (r, t) =>
    {
        static float Strike(float t, float at, float end) => Bump(t, at, at + 0.1f, at + 0.18f, end);
        float jab = Strike(t, 0.1f, 0.42f), cross = Strike(t, 0.5f, 0.85f);
        float hook = Bump(t, 0.95f, 1.2f, 1.28f, 1.5f), upper = Bump(t, 1.55f, 1.8f, 1.88f, 2.15f);
        float load = Bump(t, 1.45f, 1.6f, 1.6f, 1.8f); // dip before the uppercut
        float bounce = 0.5f - 0.5f * MathF.Cos(Tau * t / 0.6f);
        float twist = 8 * jab - 26 * cross + 30 * hook - 20 * upper; // + turns the chest left
        r.Pelvis(s.RestPositions[0] + new Vector3(0, -0.07f - 0.03f * bounce - 0.08f * load, 0), -15 + 0.5f * twist, 8);
        r.Leg(+1, Stand(s, +1) + new Vector3(0.06f, 0, 0.2f), 10);
        r.Leg(-1, Stand(s, -1) + new Vector3(-0.06f, 0, -0.16f), -30);
        r.Spine(6 + 6 * load, twist, -8 * hook);
        r.Head(4, 15 - 0.8f * twist);
        for (int sd = -1; sd <= 1; sd += 2)
        {
            // Guard: upper arm down and forward, forearm up, fist in front of the chin.
            Vector3 dir = new(sd * 0.25f, -0.65f, 0.55f);
            float elbow = 135, ext = 0;
            Vector3 target = dir;
            float targetElbow = elbow;
            if (sd > 0 && jab > 0) (ext, target, targetElbow) = (jab, new Vector3(-0.05f, 0.1f, 1f), 5);
            if (sd < 0 && cross > 0) (ext, target, targetElbow) = (cross, new Vector3(0.15f, 0.1f, 1f), 5);
            if (sd > 0 && hook > 0) (ext, target, targetElbow) = (hook, new Vector3(0.95f, 0.15f, 0.35f), 85);
            if (sd < 0 && upper > 0) (ext, target, targetElbow) = (upper, new Vector3(-0.05f, 0.45f, 0.8f), 75);
            if (sd < 0 && load > 0 && upper == 0) (ext, target, targetElbow) = (load, new Vector3(-0.2f, -1f, 0f), 50);
            r.Arm(sd, Vector3.Lerp(dir, target, ext), 0, Lerp(elbow, targetElbow, ext));
            r.Wrist(sd, 0);
        }
    });

    internal static MotionClip Kick(Skeleton s) => Make(s, "kick", ["kick", "martial arts kick", "karate kick", "front kick", "kung fu kick", "kick a ball"], 2.0f, true, (r, t) =>
    {
        // Chamber the right knee, snap a front kick at hip height, retract, put the foot down.
        float chamber = Bump(t, 0.3f, 0.6f, 1.0f, 1.35f);
        float snap = Bump(t, 0.6f, 0.75f, 0.85f, 1.0f);
        r.Pelvis(s.RestPositions[0] + new Vector3(0.05f * chamber, -0.06f, 0), 0, -10 * snap, 4 * chamber);
        r.Leg(+1, Stand(s, +1), 8);
        var kneeUp = new Vector3(-0.08f, 0.45f, 0.28f);
        var extended = new Vector3(-0.08f, 0.78f, 0.75f);
        var foot = Vector3.Lerp(Stand(s, -1), kneeUp, chamber);
        foot = Vector3.Lerp(foot, extended, snap);
        r.Leg(-1, foot, 0, 10 + 40 * snap);
        r.Spine(-6 * snap + 8 * chamber);
        for (int sd = -1; sd <= 1; sd += 2)
            r.Arm(sd, new Vector3(sd * 0.35f - 0.1f * sd * chamber, -0.7f, 0.5f), 80, 110);
    });
}
