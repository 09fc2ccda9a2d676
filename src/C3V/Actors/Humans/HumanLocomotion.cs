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
        Gait(s, "run", ["run", "running", "race", "run along", "runs", "go running"], cycle: 0.66f, stride: 2.40f, duty: 0.34f, stepHeight: 0.24f, lower: 0.10f, bob: 0.05f, lean: 12, arms: 45, elbow: 90, roll: 14, flight: true),
        Gait(s, "sprint", ["sprint", "sprinting", "dash", "run fast", "runs fast", "full speed", "race to"], cycle: 0.6f, stride: 3.6f, duty: 0.28f, stepHeight: 0.32f, lower: 0.10f, bob: 0.05f, lean: 18, arms: 65, elbow: 90, roll: 16, flight: true),
        // Old: bent forward, knees bent, short low steps, small arm swing.
        Gait(s, "walk old", ["old man walking", "elderly walk", "hobble", "shuffle", "walk with a stoop", "totter", "old walk"], cycle: 1.25f, stride: 0.85f, duty: 0.68f, stepHeight: 0.06f, lower: 0.075f, bob: 0.01f, lean: 18, arms: 8, elbow: 22, roll: 5),
        // High knees, straight arms swung far.
        Gait(s, "march", ["march", "marching", "parade", "march in step", "soldier march", "stomp"], cycle: 1.0f, stride: 1.3f, duty: 0.58f, stepHeight: 0.26f, lower: 0.05f, bob: 0.02f, lean: 0, arms: 48, elbow: 4, roll: 12),
        Gait(s, "carry", ["carry", "carrying", "carry a box", "carry something", "haul", "transport", "deliver"], cycle: 1.1f, stride: 1.15f, duty: 0.63f, stepHeight: 0.09f, lower: 0.06f, bob: 0.015f, lean: -3, arms: 0, elbow: 0, roll: 10,
            hold: (r, at) =>
            {
                // Both hands under a box held against the chest.
                float y = r.Skeleton.RestPositions[0].Y + 0.22f;
                r.Reach(+1, at + new Vector3(0.17f, y, 0.3f), new Vector3(1, -1, -0.4f));
                r.Reach(-1, at + new Vector3(-0.17f, y, 0.3f), new Vector3(-1, -1, -0.4f));
            }),
        Jump(s, "jump", ["jump", "jumping", "jump up", "jump in place", "jump up and down", "bounce"], 0),
        Jump(s, "jump forward", ["jump forward", "leap", "leap forward", "long jump", "jump over", "bound"], 0.6f),
        Hop(s),
        Skip(s),
        TurnAround(s),
        ClimbStep(s),
        ClimbLadder(s),
        Fly(s),
        Fall(s),
        Crawl(s),
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
    /// cycle along +Z at constant speed, the pelvis bobs twice per cycle, arms swing against the legs — or, with
    /// <paramref name="hold"/>, are posed by it (given the pelvis's ground point) to carry something.
    /// </summary>
    internal static MotionClip Gait(Skeleton s, string name, string[] labels, float cycle, float stride, float duty, float stepHeight,
        float lower, float bob, float lean, float arms, float elbow, float roll, bool flight = false, Action<PoseRig, Vector3>? hold = null)
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
            if (hold is null) r.ArmsDown(arms * reach[1], arms * reach[0], elbow);
            else hold(r, new Vector3(sway, 0, v * t));
        });
    }

    /// <summary>A two-footed jump covering <paramref name="dist"/> metres forward (0: straight up and down on the spot).</summary>
    internal static MotionClip Jump(Skeleton s, string name, string[] labels, float dist) => Make(s, name, labels, 2.0f, false, (r, t) =>
    {
        // Crouch 0.2–0.6 s, take off 0.75 s, land 1.25 s, absorb, stand.
        const float takeOff = 0.75f, land = 1.25f;
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

    /// <summary>
    /// Up a vertical ladder whose rungs are 0.28 m apart, 0.3 m in front of the body: hands and feet move in diagonal
    /// pairs (left foot with right hand, then right foot with left hand), each foot two rungs at a time, each limb
    /// arcing out from the ladder between rungs rather than through them. From standing at its foot to 1.7 m up in
    /// 4.4 s; one-shot, it ends holding on (the ladder itself is the scene's or a prop's).
    /// </summary>
    internal static MotionClip ClimbLadder(Skeleton s)
    {
        const float rung = 0.28f, front = 0.3f, half = 0.7f, move = 0.45f, first = 0.3f;
        // Rung held after each of the six moves (even moves: left foot and right hand; odd: right foot and left hand), from the start.
        int[] leftFoot = [0, 1, 3, 5], rightFoot = [0, 2, 4, 6], rightHand = [5, 6, 8, 10], leftHand = [4, 7, 9, 11];
        // Where a limb is at t: on its rung, or swinging to the next (eased, out from the ladder by `away` at mid-swing).
        float Height(int[] rungs, int parity, float t, out float away)
        {
            away = 0;
            float h = rungs[0] * rung;
            for (int k = 1; k < rungs.Length; k++)
            {
                float start = first + (2 * (k - 1) + parity) * half;
                if (t <= start) break;
                float u = Math.Clamp((t - start) / move, 0, 1);
                h = Lerp(rungs[k - 1], rungs[k], S(u)) * rung;
                away = MathF.Sin(MathF.PI * u);
            }
            return h;
        }
        return Make(s, "climb ladder", ["climb a ladder", "climb ladder", "climbing a ladder", "climb up the ladder", "go up a ladder", "climb a tree", "scale a wall", "climb a rope ladder"], 4.4f, false, (r, t) =>
        {
            float lf = Height(leftFoot, 0, t, out float lfAway), rf = Height(rightFoot, 1, t, out float rfAway);
            float rh = Height(rightHand, 0, t, out float rhAway), lh = Height(leftHand, 1, t, out float lhAway);
            // The hips ride over the mean foot height, knees a little bent, the body upright close to the ladder.
            float hip = s.RestPositions[0].Y - 0.08f + (lf + rf) / 2;
            r.Pelvis(new Vector3(0.02f * (lf - rf) / rung, hip, -0.02f), 0, 4);
            // The ball of each foot on its rung: the foot's ground point is under the ankle, 0.12 m behind the toes.
            r.Leg(+1, new Vector3(0.12f, lf, front - 0.12f - 0.12f * lfAway), 0);
            r.Leg(-1, new Vector3(-0.12f, rf, front - 0.12f - 0.12f * rfAway), 0);
            r.Spine(-2);
            r.Head(-15 + 5 * MathF.Sin(Tau * t / (2 * half)));
            r.Reach(+1, new Vector3(0.2f, lh + 0.03f, front - 0.03f - 0.12f * lhAway), new Vector3(0.8f, -1, -0.3f));
            r.Reach(-1, new Vector3(-0.2f, rh + 0.03f, front - 0.03f - 0.12f * rhAway), new Vector3(-0.8f, -1, -0.3f));
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
        // The feet hold their place while the knees give, then fly up and forward as the body goes down backwards.
        float kick = Ramp(t, 0.75f, 1.15f), up = 0.12f * MathF.Sin(MathF.PI * kick);
        var lf = Stand(s, +1) + new Vector3(0.05f * kick, up, 0.4f * kick);
        var rf = Stand(s, -1) + new Vector3(-0.08f * kick, up, 0.55f * kick);
        r.Leg(+1, lf, 10, -40 * tip);
        r.Leg(-1, rf, -10, -60 * tip);
        r.Spine(15 * buckle * (1 - tip) - 5 * tip);
        r.Head(30 * tip - 10 * buckle);
        float flail = MathF.Sin(MathF.PI * Ramp(t, 0.2f, 1.4f));
        r.Arm(+1, Vector3.Lerp(PoseRig.ArmDirection(+1, 10, 0), new Vector3(0.8f, -0.2f, 0.5f), flail), 0, 30);
        r.Arm(-1, Vector3.Lerp(PoseRig.ArmDirection(-1, 10, 0), new Vector3(-0.8f, -0.2f, 0.5f), flail), 0, 30);
    });

    /// <summary>
    /// Crawling on hands and knees at 0.3 m/s: diagonal pairs (left hand with right knee) move together, the trunk
    /// level, shins and the tops of the feet on the ground. Hands are placed under the shoulders, knees under the hips.
    /// </summary>
    internal static MotionClip Crawl(Skeleton s)
    {
        const float cycle = 1.4f, stride = 0.42f, duty = 0.62f, pelvisY = 0.47f;
        float v = stride / cycle;
        // With the foot pitched 120° (toes pointing back along the floor) the ankle sits 0.09 m up and 0.29 m ahead
        // of the ground point PoseRig.Leg takes (see its pivot): place that point so the knee rests under the hip.
        var kneeFoot = new Vector3(0, 0, -0.36f - 0.29f);
        var hands = new FootTrack[2];
        var knees = new FootTrack[2];
        for (int f = 0; f < 2; f++)
        {
            int side = f == 0 ? +1 : -1;
            hands[f] = new FootTrack { StepHeight = 0.08f };
            knees[f] = new FootTrack { StepHeight = 0.05f };
            for (int k = -2; k <= 3; k++)
            {
                // The left hand and the right knee swing in the first half of the cycle, the others in the second.
                float handT = (k + (f == 0 ? 0 : 0.5f)) * cycle, kneeT = (k + (f == 0 ? 0.5f : 0)) * cycle;
                float lead = v * duty * cycle * 0.5f;
                hands[f].Add(handT, handT + duty * cycle, new Vector3(side * 0.2f, 0.04f, v * handT + lead + 0.47f));
                knees[f].Add(kneeT, kneeT + duty * cycle, new Vector3(side * 0.1f, 0, v * kneeT + lead) + kneeFoot);
            }
        }
        return Make(s, "crawl", ["crawl", "crawling", "crawl on all fours", "on hands and knees", "creep", "baby crawl"], cycle, true, (r, t) =>
        {
            float ph = Tau * t / cycle;
            r.Pelvis(new Vector3(0.02f * MathF.Sin(ph), pelvisY + 0.01f * MathF.Cos(2 * ph), v * t), 4 * MathF.Sin(ph), 84, 4 * MathF.Sin(ph));
            for (int f = 0; f < 2; f++)
            {
                int side = f == 0 ? +1 : -1;
                var (k, _, _, _) = knees[f].At(t);
                r.Leg(side, k, 0, 120);
                var (h, _, _, _) = hands[f].At(t);
                r.Reach(side, h, new Vector3(side * 0.5f, 0.2f, -1));
            }
            r.Spine(-8, -3 * MathF.Sin(ph));
            r.Head(-55);
        });
    }
}
