using System.Numerics;
using static C3V.Actors.Humans.HumanClip;

namespace C3V.Actors.Humans;

/// <summary>Human clips that stand or travel on the feet: idle, the cyclic gaits, jumps, hops, skips, turning, climbing, falling, flying.</summary>
internal static class HumanLocomotion
{
    /// <summary>The clips of this group, in the library's order.</summary>
    internal static IEnumerable<MotionClip> Build(Skeleton s) =>
    [
        Gait(s, "walk", ["walk", "walking", "stroll forward", "walks across", "go", "move to"], cycle: 1.05f, stride: 1.30f, duty: 0.62f, stepHeight: 0.10f, lower: 0.055f, bob: 0.018f, lean: 4, arms: 22, elbow: 15, roll: 14),
        Gait(s, "walk slowly", ["walk slowly", "stroll", "amble", "saunter", "wander", "slow walk"], cycle: 1.35f, stride: 1.05f, duty: 0.66f, stepHeight: 0.08f, lower: 0.04f, bob: 0.012f, lean: 2, arms: 12, elbow: 12, roll: 10),
        Gait(s, "jog", ["jog", "jogging", "run slowly", "trot"], cycle: 0.74f, stride: 1.75f, duty: 0.42f, stepHeight: 0.16f, lower: 0.09f, bob: 0.035f, lean: 8, arms: 30, elbow: 80, roll: 12, flight: true),
        Gait(s, "run", ["run", "running", "sprint", "dash", "race", "runs fast"], cycle: 0.66f, stride: 2.40f, duty: 0.34f, stepHeight: 0.24f, lower: 0.10f, bob: 0.05f, lean: 12, arms: 45, elbow: 90, roll: 14, flight: true),
        Jump(s),
        Hop(s),
        Skip(s),
        TurnAround(s),
        ClimbStep(s),
        Fly(s),
        Fall(s),
    ];

    internal static MotionClip Idle(Skeleton s) => Make(s, "idle", ["idle", "stand", "standing still", "wait", "stand around", "breathe"], 4, true, (r, t) =>
    {
        float w = MathF.Sin(Tau * t / 4);
        Planted(r, new Vector3(0.015f * w, -0.015f, 0), 0, 0, -1.5f * w);
        r.Spine(2 + 1.2f * MathF.Sin(Tau * t / 2), 0, 1.5f * w);
        r.Head(3, 6 * MathF.Sin(Tau * t / 4 + 1), -1.5f * w);
        r.ArmsDown(2 * MathF.Sin(Tau * t / 2), 2 * MathF.Sin(Tau * t / 2 + 0.5f));
    });

    /// <summary>
    /// A cyclic gait: feet alternate plants every half cycle; each foot is down for <paramref name="duty"/> of
    /// the cycle (below 0.5 gives a flight phase), the body advances <paramref name="stride"/> metres per
    /// cycle along +Z at constant speed, the pelvis bobs twice per cycle, arms swing against the legs.
    /// </summary>
    internal static MotionClip Gait(Skeleton s, string name, string[] labels, float cycle, float stride, float duty, float stepHeight,
        float lower, float bob, float lean, float arms, float elbow, float roll, bool flight = false)
    {
        float v = stride / cycle;
        var tracks = new FootTrack[2];
        for (int f = 0; f < 2; f++)
        {
            int side = f == 0 ? +1 : -1;
            var track = new FootTrack { StepHeight = stepHeight, Roll = roll };
            float phase = f == 0 ? 0 : 0.5f;
            for (int k = -2; k <= 3; k++)
            {
                float t0 = (k + phase) * cycle;
                // Lands ahead of the hip by the distance the body covers in half the stance.
                float z = v * t0 + v * duty * cycle * 0.5f - 0.02f;
                track.Add(t0, t0 + duty * cycle, new Vector3(side * 0.095f, 0, z + s.RestPositions[Skeleton.LeftAnkle].Z), 0);
            }
            tracks[f] = track;
        }
        return Make(s, name, labels, cycle, true, (r, t) =>
        {
            float ph = t / cycle;
            // Mid-stance of either foot at ph = duty/2 (+0.5): walking pelvis is highest there, running lowest.
            float c = MathF.Cos(2 * Tau * (ph - duty / 2));
            float y = -lower + (flight ? -bob * c : bob * c);
            float sway = 0.02f * MathF.Sin(Tau * (ph - duty / 2)) * (flight ? 0.4f : 1);
            float yawOsc = 5 * MathF.Sin(Tau * (ph - 0.25f));
            r.Pelvis(s.RestPositions[0] + new Vector3(sway, y, v * t), yawOsc, lean * 0.3f, -3 * MathF.Sin(Tau * ph));
            var hip = v * t;
            float[] reach = new float[2];
            for (int f = 0; f < 2; f++)
            {
                var (at, yaw, toes, _) = tracks[f].At(t);
                r.Leg(f == 0 ? 1 : -1, at, yaw, toes);
                reach[f] = (at.Z - hip) / (stride * 0.5f);
            }
            r.Spine(lean * 0.7f, -yawOsc * 1.6f, 0);
            r.Head(-lean * 0.5f, yawOsc * 0.5f);
            // Each arm swings with the opposite foot: forward when the other foot is forward.
            r.ArmsDown(arms * reach[1], arms * reach[0], elbow);
        });
    }

    internal static MotionClip Jump(Skeleton s) => Make(s, "jump", ["jump", "jumping", "leap", "jump up", "jump forward"], 2.0f, false, (r, t) =>
    {
        // Crouch 0.2–0.6 s, take off 0.75 s, land 1.25 s, absorb, stand.
        const float takeOff = 0.75f, land = 1.25f, dist = 0.6f;
        float crouch = Bump(t, 0.15f, 0.6f, 0.6f, 0.75f) * 0.22f + Bump(t, land, land + 0.12f, land + 0.2f, 1.8f) * 0.2f;
        float air = t > takeOff && t < land ? (t - takeOff) / (land - takeOff) : 0;
        float height = 4 * 0.35f * air * (1 - air);
        float z = dist * Ramp(t, takeOff - 0.05f, land + 0.05f);
        float feetZ = dist * (t < takeOff ? 0 : t > land ? 1 : S(air));
        float tuck = 0.18f * MathF.Sin(MathF.PI * air);
        r.Pelvis(s.RestPositions[0] + new Vector3(0, -crouch + height, z), 0, 18 * crouch / 0.22f);
        r.Leg(+1, Stand(s, +1) + new Vector3(0, tuck + (height > 0 ? height * 0.2f : 0), feetZ), 4, air > 0 ? 25 : 0);
        r.Leg(-1, Stand(s, -1) + new Vector3(0, tuck + (height > 0 ? height * 0.2f : 0), feetZ), -4, air > 0 ? 25 : 0);
        r.Spine(25 * crouch / 0.22f);
        r.Head(-15 * crouch / 0.22f);
        float armsUp = Ramp(t, 0.6f, 0.85f) * (1 - Ramp(t, land, land + 0.4f));
        float armsBack = Bump(t, 0.2f, 0.55f, 0.6f, 0.75f);
        r.ArmsDown(-40 * armsBack + 150 * armsUp, -40 * armsBack + 150 * armsUp, 20);
    });

    internal static MotionClip Hop(Skeleton s)
    {
        const float period = 0.5f;
        return Make(s, "hop", ["hop", "hop on one leg", "hopping", "bounce on one foot"], period * 4, true, (r, t) =>
        {
            float ph = t / period % 1;
            float air = ph > 0.45f ? (ph - 0.45f) / 0.55f : 0;
            float h = 4 * 0.14f * air * (1 - air);
            float squat = ph <= 0.45f ? 0.08f * MathF.Sin(MathF.PI * ph / 0.45f) : 0;
            r.Pelvis(s.RestPositions[0] + new Vector3(0.04f, -0.04f - squat + h, 0), 0, 5, -4);
            r.Leg(+1, Stand(s, +1) + new Vector3(0, h * 0.9f, 0), 3, air > 0 ? 20 : 0);
            r.Leg(-1, new Vector3(-0.1f, 0.32f + h * 0.5f, -0.18f), 0, 30); // free leg tucked behind
            r.Spine(6);
            r.Arm(+1, PoseRig.ArmDirection(+1, 45, 10), 0, 30);
            r.Arm(-1, PoseRig.ArmDirection(-1, 45, 10), 0, 30);
        });
    }

    internal static MotionClip Skip(Skeleton s)
    {
        // Step-hop on each foot: each half cycle = step (0.55) + hop (0.45) on the same foot.
        const float half = 0.42f, dist = 0.75f;
        float v = dist / half;
        var tracks = new FootTrack[2];
        for (int f = 0; f < 2; f++)
        {
            var track = new FootTrack { StepHeight = 0.16f, Roll = 8 };
            int side = f == 0 ? 1 : -1;
            for (int k = -3; k <= 4; k++)
            {
                if ((k & 1) != f) continue;
                float t0 = k * half;
                float z = v * t0 + 0.12f + s.RestPositions[Skeleton.LeftAnkle].Z;
                track.Add(t0, t0 + half * 0.45f, new Vector3(side * 0.1f, 0, z));
                track.Add(t0 + half * 0.72f, t0 + half * 0.95f, new Vector3(side * 0.1f, 0, z + dist * 0.6f));
            }
            tracks[f] = track;
        }
        return Make(s, "skip", ["skip", "skipping", "skip along", "happy skip"], half * 2, true, (r, t) =>
        {
            float ph = t / half % 1;
            float h = 0.08f * MathF.Sin(MathF.PI * Math.Clamp((ph - 0.45f) / 0.27f, 0, 1)) - 0.05f;
            r.Pelvis(s.RestPositions[0] + new Vector3(0, h, v * t), 0, 6);
            float[] reach = new float[2];
            for (int f = 0; f < 2; f++)
            {
                var (at, yaw, toes, planted) = tracks[f].At(t);
                if (!planted) at.Y += 0.12f * MathF.Sin(MathF.PI * Math.Clamp(at.Y / 0.16f, 0, 1)); // knee lift
                r.Leg(f == 0 ? 1 : -1, at, yaw, toes);
                reach[f] = (at.Z - v * t) / 0.5f;
            }
            r.Spine(4);
            r.ArmsDown(60 * reach[1], 60 * reach[0], 35);
        });
    }

    internal static MotionClip TurnAround(Skeleton s)
    {
        // Three stepping pivots on the spot, 60° each, over 1.8 s; feet re-planted at the new headings.
        const float total = 180, dur = 1.8f;
        var tracks = new FootTrack[2];
        for (int f = 0; f < 2; f++)
        {
            int side = f == 0 ? 1 : -1;
            var track = new FootTrack { StepHeight = 0.07f };
            float yaw0 = 0;
            float t = 0;
            for (int k = 0; k <= 3; k++)
            {
                float yaw = Math.Min(total, k * 60f + (f == 0 ? 0 : 0));
                float step = (k + (f == 0 ? 0 : 0.5f)) * 0.45f;
                if (k == 0) { track.Add(0, f == 0 ? 0.1f : 0.3f, Foot(s, side, 0), 0); t = f == 0 ? 0.1f : 0.3f; continue; }
                float start = Math.Max(t + 0.2f, step);
                float end = k == 3 ? dur + 1 : start + 0.25f;
                track.Add(start, end, Foot(s, side, yaw), yaw);
                t = end; yaw0 = yaw;
            }
            _ = yaw0;
            tracks[f] = track;
        }
        return Make(s, "turn around", ["turn around", "turn", "spin around", "face the other way", "look back"], dur, false, (r, t) =>
        {
            float yaw = total * Ramp(t, 0.1f, 1.6f);
            r.Pelvis(s.RestPositions[0] + new Vector3(0, -0.03f - 0.015f * MathF.Sin(Tau * t / 0.45f), 0), yaw);
            for (int f = 0; f < 2; f++)
            {
                var (at, fy, toes, _) = tracks[f].At(t);
                r.Leg(f == 0 ? 1 : -1, at, fy, toes);
            }
            r.Spine(2, 10 * MathF.Sin(MathF.PI * Ramp(t, 0.1f, 1.6f)));
            r.Head(0, 20 * MathF.Sin(MathF.PI * Ramp(t, 0, 1.4f)));
            r.ArmsDown(5, 5, 15);
        });
    }

    internal static MotionClip ClimbStep(Skeleton s)
    {
        // Steps up onto a 0.3 m high step ahead, then the other foot joins: climbing stairs, stepping up.
        const float h = 0.3f;
        var left = new FootTrack { StepHeight = 0.12f, Roll = 5 }.Add(0, 0.3f, Stand(s, 1)).Add(0.8f, 3, Stand(s, 1) + new Vector3(0, h, 0.4f));
        var right = new FootTrack { StepHeight = 0.15f, Roll = 5 }.Add(0, 1.3f, Stand(s, -1)).Add(1.8f, 3, Stand(s, -1) + new Vector3(0, h, 0.42f));
        return Make(s, "climb", ["climb", "step up", "climb stairs", "go upstairs", "climb onto", "clamber"], 2.4f, false, (r, t) =>
        {
            float rise = Ramp(t, 0.7f, 1.8f);
            r.Pelvis(s.RestPositions[0] + new Vector3(0.03f * MathF.Sin(MathF.PI * Ramp(t, 0, 2)), -0.04f + h * rise, 0.41f * Ramp(t, 0.4f, 1.9f)), 0, 8 * MathF.Sin(MathF.PI * rise));
            var (a, ya, ta, _) = left.At(t);
            var (b, yb, tb, _) = right.At(t);
            r.Leg(+1, a, ya, ta);
            r.Leg(-1, b, yb, tb);
            float e = MathF.Sin(MathF.PI * rise);
            r.Spine(15 * e);
            r.Head(-10 * e);
            r.ArmsDown(-25 * e, 30 * e, 25);
        });
    }

    internal static MotionClip Fly(Skeleton s) => Make(s, "fly", ["fly", "flying", "float", "hover", "levitate", "soar", "flutter"], 3.0f, true, (r, t) =>
    {
        // Hovers 0.5 m up with a slow bob, legs trailing, arms spread gently (wings carry the body).
        float bob = 0.06f * MathF.Sin(Tau * t / 1.5f);
        r.Pelvis(s.RestPositions[0] + new Vector3(0, 0.5f + bob, 0), 0, 12);
        r.Leg(+1, Stand(s, +1) + new Vector3(0, 0.5f + bob + 0.08f, -0.12f), 5, 45);
        r.Leg(-1, Stand(s, -1) + new Vector3(0, 0.5f + bob + 0.14f, -0.2f), -5, 50);
        r.Spine(6 + 3 * MathF.Sin(Tau * t / 1.5f));
        r.Head(-12);
        float flap = MathF.Sin(Tau * t / 1.5f);
        r.Arm(+1, PoseRig.ArmDirection(+1, 55 + 10 * flap, 10), 0, 20);
        r.Arm(-1, PoseRig.ArmDirection(-1, 55 + 10 * flap, 10), 0, 20);
    });

    internal static MotionClip Fall(Skeleton s) => Make(s, "fall", ["fall", "fall down", "trip", "collapse", "fall over", "stumble"], 2.4f, false, (r, t) =>
    {
        // Knees buckle, then the body tips backwards onto the ground and lies there.
        float buckle = Ramp(t, 0.1f, 0.7f);
        float tip = Ramp(t, 0.5f, 1.3f);
        float y = -0.45f * buckle - 0.39f * tip;
        r.Pelvis(s.RestPositions[0] + new Vector3(0, y, -0.25f * buckle - 0.1f * tip), 0, -85 * tip + 20 * buckle * (1 - tip));
        var lf = Stand(s, +1) + new Vector3(0.05f, 0, 0.15f * buckle + 0.3f * tip);
        var rf = Stand(s, -1) + new Vector3(-0.08f, 0, 0.1f * buckle + 0.45f * tip);
        r.Leg(+1, lf, 10, -40 * tip);
        r.Leg(-1, rf, -10, -60 * tip);
        r.Spine(15 * buckle * (1 - tip) - 5 * tip);
        r.Head(30 * tip - 10 * buckle);
        float flail = MathF.Sin(MathF.PI * Ramp(t, 0.2f, 1.4f));
        r.Arm(+1, Vector3.Lerp(PoseRig.ArmDirection(+1, 10, 0), new Vector3(0.8f, -0.2f, 0.5f), flail), 0, 30);
        r.Arm(-1, Vector3.Lerp(PoseRig.ArmDirection(-1, 10, 0), new Vector3(-0.8f, -0.2f, 0.5f), flail), 0, 30);
    });
}
