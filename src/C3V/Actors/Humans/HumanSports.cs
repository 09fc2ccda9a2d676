using System.Numerics;
using static C3V.Actors.Humans.HumanClip;

namespace C3V.Actors.Humans;

/// <summary>Human exercise and sport clips: push-ups, squats, swimming, skiing, ice skating.</summary>
internal static class HumanSports
{
    internal static IEnumerable<MotionClip> Build(Skeleton s) => [PushUps(s), Squats(s), Swim(s), Ski(s), Skate(s)];

    /// <summary>
    /// Push-ups, one per 1.6 s: a plank on the toes and the hands (under the shoulders), the straight body lowered
    /// by bending the elbows and pushed back up; hands and toes never move.
    /// </summary>
    static MotionClip PushUps(Skeleton s) => Make(s, "push-ups", ["push-ups", "push ups", "do push-ups", "pushups", "press-ups", "push up"], 1.6f, true, (r, t) =>
    {
        float down = 0.5f - 0.5f * MathF.Cos(Tau * t / 1.6f);
        // The body pivots about the toes: higher angle up, flatter down.
        float pitch = 72 + 12 * down;
        float a = pitch * MathF.PI / 180;
        var toes = new Vector3(0, 0, -0.92f);
        const float toeToPelvis = 0.95f;
        var pelvis = toes + new Vector3(0, toeToPelvis * MathF.Cos(a), toeToPelvis * MathF.Sin(a));
        r.Pelvis(pelvis, 0, pitch);
        for (int sd = -1; sd <= 1; sd += 2)
        {
            r.Leg(sd, new Vector3(sd * 0.1f, 0, -0.92f - 0.15f), 0, pitch - 5); // the foot square to the straight leg
            r.Reach(sd, new Vector3(sd * 0.27f, 0.05f, 0.42f), new Vector3(sd * 0.8f, 0.6f, -0.2f));
            r.Wrist(sd, 0, -sd * 20);
        }
        r.Spine(0);
        r.Head(-40);
    });

    /// <summary>Squats, one per 2 s: hips back and down to thighs level, arms raised forward to balance, feet flat.</summary>
    static MotionClip Squats(Skeleton s) => Make(s, "squat", ["squat", "squats", "do squats", "squat exercise", "knee bends", "deep knee bend"], 2.0f, true, (r, t) =>
    {
        float d = 0.5f - 0.5f * MathF.Cos(Tau * t / 2.0f);
        Planted(r, new Vector3(0, -0.44f * d, -0.16f * d), 0, 32 * d, 0, 1.4f);
        r.Spine(12 * d);
        r.Head(-28 * d);
        for (int sd = -1; sd <= 1; sd += 2) r.Arm(sd, PoseRig.ArmDirection(sd, 12 - 4 * d, 88 * d), 0, 10);
    });

    /// <summary>
    /// Front crawl, 1.5 s per stroke cycle at 0.9 m/s: the body level and face down at 0.46 m (at the water's surface
    /// where the scene has water), arms windmilling half a turn apart, a flutter kick, a breath to the side once
    /// per cycle.
    /// </summary>
    static MotionClip Swim(Skeleton s)
    {
        const float cycle = 1.5f, v = 0.9f;
        return Make(s, "swim", ["swim", "swimming", "front crawl", "freestyle swim", "swim laps", "paddle"], cycle, true, (r, t) =>
        {
            float ph = Tau * t / cycle;
            float y = 0.46f + 0.015f * MathF.Sin(2 * ph);
            r.Pelvis(new Vector3(0, y, v * t), 0, 88, 12 * MathF.Sin(ph));
            for (int sd = -1; sd <= 1; sd += 2)
            {
                float kick = 0.12f * MathF.Sin(4 * ph + (sd > 0 ? 0 : MathF.PI));
                r.Leg(sd, new Vector3(sd * 0.09f, y - 0.1f + kick, v * t - 0.93f), 0, 70);
                // Stroke angle φ: 0 reaching ahead, π/2 pulling under the chest, π at the hip, 3π/2 recovering over the back.
                float phi = ph + (sd > 0 ? 0 : MathF.PI);
                var dir = new Vector3(sd * 0.2f, MathF.Cos(phi), MathF.Sin(phi));
                float elbow = MathF.Sin(phi) < 0 ? 70 * -MathF.Sin(phi) : 45 * MathF.Sin(phi); // bent pull under the body
                r.Arm(sd, dir, 0, elbow);
            }
            r.Spine(0, 0, 0);
            r.Head(-15, 55 * MathF.Max(0, MathF.Sin(ph - 0.6f)) * MathF.Max(0, MathF.Sin(ph - 0.6f))); // breathe to the right
        });
    }

    /// <summary>
    /// Downhill skiing in linked turns at 6 m/s: skis parallel and hip-width apart, knees and hips flexed, the body
    /// inclined into each turn, arms forward with a pole plant at each turn. The skis glide: feet are never planted.
    /// </summary>
    static MotionClip Ski(Skeleton s)
    {
        const float cycle = 2.4f, v = 6f, swing = 0.8f;
        return Make(s, "ski", ["ski", "skiing", "ski downhill", "ski down the slope", "slalom", "snowboard"], cycle, true, (r, t) =>
        {
            float ph = Tau * t / cycle;
            float x = swing * MathF.Sin(ph);
            // Heading follows the path; the body inclines towards the turn's centre.
            float yaw = MathF.Atan2(swing * Tau / cycle * MathF.Cos(ph), v) * 180 / MathF.PI;
            float lean = -20 * MathF.Sin(ph);
            float z = v * t;
            r.Pelvis(new Vector3(x, s.RestPositions[0].Y - 0.2f, z), yaw, 22, lean);
            var heading = Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw * MathF.PI / 180);
            for (int sd = -1; sd <= 1; sd += 2)
            {
                var foot = Vector3.Transform(new Vector3(sd * 0.13f + 0.12f * MathF.Sin(ph), 0.02f * MathF.Max(0, sd * MathF.Sin(ph)), 0.12f), heading);
                r.Leg(sd, new Vector3(x, 0, z) + foot, yaw, 0);
            }
            r.Spine(10, -0.6f * yaw, -0.5f * lean);
            r.Head(-8, -0.8f * yaw);
            for (int sd = -1; sd <= 1; sd += 2)
            {
                float plant = MathF.Max(0, -sd * MathF.Cos(ph)); // the inside pole reaches forward as the turn begins
                r.Arm(sd, PoseRig.ArmDirection(sd, 22, 25 + 25 * plant), 0, 60 - 20 * plant);
            }
        });
    }

    /// <summary>
    /// Ice skating at 3.5 m/s: each stroke pushes one skate out sideways and back while the other glides under the
    /// body, then the pushing foot lifts and comes back in; body crouched and leaning forward, arms swinging across.
    /// </summary>
    static MotionClip Skate(Skeleton s)
    {
        const float cycle = 1.6f, v = 3.5f;
        return Make(s, "skate", ["skate", "skating", "ice skate", "ice skating", "roller skate", "inline skating", "rollerblade"], cycle, true, (r, t) =>
        {
            float ph = Tau * t / cycle;
            float z = v * t;
            float shift = 0.1f * MathF.Sin(ph); // weight over the gliding foot
            r.Pelvis(new Vector3(shift, s.RestPositions[0].Y - 0.17f, z), 10 * MathF.Sin(ph), 28, -6 * MathF.Sin(ph));
            for (int sd = -1; sd <= 1; sd += 2)
            {
                // push: 0 → 1 over the stroke of this side, then the foot recovers (lifted) to under the body.
                float p = 0.5f - 0.5f * MathF.Cos(ph + (sd > 0 ? MathF.PI : 0));
                float lift = MathF.Max(0, MathF.Sin(ph + (sd > 0 ? MathF.PI : 0) + MathF.PI / 2)) * 0.12f * p;
                var foot = new Vector3(sd * (0.1f + 0.38f * p) + shift, lift, z + 0.1f - 0.3f * p);
                r.Leg(sd, foot, sd * 25 * p, 0);
            }
            r.Spine(18, -12 * MathF.Sin(ph));
            r.Head(-25);
            float swingArm = MathF.Sin(ph);
            r.Arm(+1, PoseRig.ArmDirection(+1, 25, 50 * swingArm), 0, 25);
            r.Arm(-1, PoseRig.ArmDirection(-1, 25, -50 * swingArm), 0, 25);
        });
    }
}
