using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// The embedded motion library: labelled clips built from body-level controls (<see cref="PoseRig"/>) and
/// planted foot tracks (<see cref="FootTrack"/>), authored on the default skeleton at 30 fps. Timing follows
/// ordinary human figures (walk ≈ 1.05 s per stride at 1.25 m/s, run ≈ 0.66 s at 3.6 m/s, ...).
/// Locomotion clips loop and advance along +Z; gestures stand in place.
/// </summary>
public static class ProceduralMotions
{
    const float Fps = 30;
    const float Tau = MathF.PI * 2;

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
            Idle(s),
            Gait(s, "walk", ["walk", "walking", "stroll forward", "walks across", "go", "move to"], cycle: 1.05f, stride: 1.30f, duty: 0.62f, stepHeight: 0.10f, lower: 0.055f, bob: 0.018f, lean: 4, arms: 22, elbow: 15, roll: 14),
            Gait(s, "walk slowly", ["walk slowly", "stroll", "amble", "saunter", "wander", "slow walk"], cycle: 1.35f, stride: 1.05f, duty: 0.66f, stepHeight: 0.08f, lower: 0.04f, bob: 0.012f, lean: 2, arms: 12, elbow: 12, roll: 10),
            Gait(s, "jog", ["jog", "jogging", "run slowly", "trot"], cycle: 0.74f, stride: 1.75f, duty: 0.42f, stepHeight: 0.16f, lower: 0.09f, bob: 0.035f, lean: 8, arms: 30, elbow: 80, roll: 12, flight: true),
            Gait(s, "run", ["run", "running", "sprint", "dash", "race", "runs fast"], cycle: 0.66f, stride: 2.40f, duty: 0.34f, stepHeight: 0.24f, lower: 0.10f, bob: 0.05f, lean: 12, arms: 45, elbow: 90, roll: 14, flight: true),
            Jump(s),
            Hop(s),
            Skip(s),
            DanceDisco(s),
            DanceHipHop(s),
            DanceSalsa(s),
            KungFu(s),
            Punches(s),
            Kick(s),
            Wave(s),
            Clap(s),
            Bow(s),
            TurnAround(s),
            SitDown(s),
            Crouch(s),
            ClimbStep(s),
            Fly(s),
            Fall(s),
            Stretch(s),
        ];
    }

    static float S(float x) => x * x * (3 - 2 * x);
    static float Lerp(float a, float b, float t) => a + (b - a) * t;
    /// <summary>Smooth 0→1 ramp between times a and b.</summary>
    static float Ramp(float t, float a, float b) => t <= a ? 0 : t >= b ? 1 : S((t - a) / (b - a));
    /// <summary>0→1→0 bump: up over [a,b], hold to c, down over [c,d].</summary>
    static float Bump(float t, float a, float b, float c, float d) => Ramp(t, a, b) * (1 - Ramp(t, c, d));

    static Vector3 Stand(Skeleton s, int side) => new(side * s.RestPositions[Skeleton.LeftAnkle].X, 0, s.RestPositions[Skeleton.LeftAnkle].Z);

    static MotionClip Make(Skeleton s, string name, string[] labels, float duration, bool loop, Action<PoseRig, float> pose)
    {
        var rig = new PoseRig(s);
        return MotionClip.FromFunction(name, labels, Fps, duration, loop, s, t =>
        {
            rig.Reset();
            pose(rig, t);
            return rig.ToPose();
        });
    }

    /// <summary>Stands with both feet planted at their rest places, pelvis at <paramref name="pelvis"/> (offset from rest) and heading yaw.</summary>
    static void Planted(PoseRig r, Vector3 pelvis, float yaw = 0, float pitch = 0, float roll = 0, float feetApart = 1)
    {
        var s = r.Skeleton;
        r.Pelvis(s.RestPositions[0] + pelvis, yaw, pitch, roll);
        r.Leg(+1, Stand(s, +1) * new Vector3(feetApart, 1, 1), 4);
        r.Leg(-1, Stand(s, -1) * new Vector3(feetApart, 1, 1), -4);
    }

    static MotionClip Idle(Skeleton s) => Make(s, "idle", ["idle", "stand", "standing still", "wait", "stand around", "breathe"], 4, true, (r, t) =>
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
    static MotionClip Gait(Skeleton s, string name, string[] labels, float cycle, float stride, float duty, float stepHeight,
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

    static MotionClip Jump(Skeleton s) => Make(s, "jump", ["jump", "jumping", "leap", "jump up", "jump forward"], 2.0f, false, (r, t) =>
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

    static MotionClip Hop(Skeleton s)
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

    static MotionClip Skip(Skeleton s)
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

    static MotionClip DanceDisco(Skeleton s) => Make(s, "dance disco", ["dance", "dancing", "disco dance", "party dance", "groove", "boogie"], 4.0f, true, (r, t) =>
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

    static MotionClip DanceHipHop(Skeleton s) => Make(s, "dance hip hop", ["hip hop dance", "dance", "breakdance", "street dance", "bounce to the beat", "funky dance"], 4.0f, true, (r, t) =>
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

    static MotionClip DanceSalsa(Skeleton s) => Make(s, "dance salsa", ["salsa", "latin dance", "dance", "sway hips", "cha cha", "ballroom"], 3.2f, true, (r, t) =>
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
        r.Arm(+1, new Vector3(0.8f, -0.1f, 0.5f), 80, 70 + 15 * hips);
        r.Arm(-1, new Vector3(-0.7f, -0.5f, 0.45f), 40, 90 - 15 * hips);
        r.Wrist(+1, 15 * hips); r.Wrist(-1, -15 * hips);
    });

    /// <summary>
    /// A kung fu form that reads from the front: a wide horse stance with the fists chambered at the ribs;
    /// three punches (left across the body, right straight, left out to the side) with the waist turning into
    /// each; the weight shifts onto the left leg for a chambered side kick to the right at hip height; the foot
    /// comes back down to the stance; the body turns 50° to the right with a double palm strike and turns back.
    /// The left foot never leaves its place, the right one only for the kick; the clip starts and ends in the
    /// same still stance, so it loops without a seam.
    /// </summary>
    static MotionClip KungFu(Skeleton s) => Make(s, "kung fu",
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
    static MotionClip Punches(Skeleton s) => Make(s, "punch", ["punch", "throw punches", "box", "boxing", "jab", "strike", "spar"], 2.4f, true, (r, t) =>
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

    static MotionClip Kick(Skeleton s) => Make(s, "kick", ["kick", "martial arts kick", "karate kick", "front kick", "kung fu kick", "kick a ball"], 2.0f, true, (r, t) =>
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

    static MotionClip Wave(Skeleton s) => Make(s, "wave", ["wave", "waving", "wave hello", "greet", "say hi", "wave goodbye"], 3.0f, true, (r, t) =>
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

    static MotionClip Clap(Skeleton s) => Make(s, "clap", ["clap", "clapping", "applaud", "cheer", "clap hands"], 2.4f, true, (r, t) =>
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

    static MotionClip Bow(Skeleton s) => Make(s, "bow", ["bow", "bowing", "take a bow", "greet politely", "curtsy"], 3.0f, false, (r, t) =>
    {
        float b = Bump(t, 0.2f, 1.0f, 1.8f, 2.7f);
        Planted(r, new Vector3(0, -0.01f, -0.06f * b), 0, 25 * b);
        r.Spine(40 * b);
        r.Head(10 * b);
        r.Arm(+1, PoseRig.ArmDirection(+1, 6, 10 * b), 0, 10);
        r.Arm(-1, new Vector3(-0.25f + 0.3f * b, -0.7f, 0.6f * b), 60 * b, 10 + 80 * b);
    });

    static MotionClip TurnAround(Skeleton s)
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

    /// <summary>Rest ground point of a foot turned about the body's vertical axis by <paramref name="yaw"/> degrees.</summary>
    static Vector3 Foot(Skeleton s, int side, float yaw) =>
        Vector3.Transform(Stand(s, side), Quaternion.CreateFromAxisAngle(Vector3.UnitY, yaw * MathF.PI / 180));

    static MotionClip SitDown(Skeleton s) => Make(s, "sit down", ["sit down", "sit", "take a seat", "sit on a chair", "be seated"], 3.0f, false, (r, t) =>
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

    static MotionClip Crouch(Skeleton s) => Make(s, "crouch", ["crouch", "squat", "duck", "kneel down", "hide", "crouch down"], 3.0f, false, (r, t) =>
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

    static MotionClip ClimbStep(Skeleton s)
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

    static MotionClip Fly(Skeleton s) => Make(s, "fly", ["fly", "flying", "float", "hover", "levitate", "soar", "flutter"], 3.0f, true, (r, t) =>
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

    static MotionClip Fall(Skeleton s) => Make(s, "fall", ["fall", "fall down", "trip", "collapse", "fall over", "stumble"], 2.4f, false, (r, t) =>
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

    static MotionClip Stretch(Skeleton s) => Make(s, "stretch", ["stretch", "stretching", "warm up", "exercise", "yawn and stretch", "reach up"], 4.0f, false, (r, t) =>
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
