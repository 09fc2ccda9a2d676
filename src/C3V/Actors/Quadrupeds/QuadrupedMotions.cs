using System.Numerics;

namespace C3V.Actors;

/// <summary>
/// The quadruped clips, authored on the reference dog (<see cref="Reference"/>) at 30 fps in withers units, so
/// they fit every build of the rig (root travel is rescaled by hip height when played on another animal).
/// Gaits place each paw on a planted track (stance) and swing it forward in an arc (swing): the walk is a
/// four-beat lateral sequence, the trot moves diagonal pairs together, the gallop is a transverse gallop with
/// a flexing back. Loops close exactly (the last frame is the first advanced by one cycle); one-shots (sit,
/// lie down, jump, howl, rear) end in a held pose.
/// </summary>
public static class QuadrupedMotions
{
    const float Fps = 30;
    const float Tau = MathF.PI * 2;

    /// <summary>The skeleton the clips are authored on: a medium dog.</summary>
    public static Skeleton Reference { get; } = QuadrupedSkeleton.Create(QuadrupedBuilds.All["dog"], QuadrupedBuilds.All["dog"].Withers);

    static float W => QuadrupedBuilds.All["dog"].Withers;

    public static IReadOnlyList<MotionClip> Build()
    {
        var s = Reference;
        return
        [
            Idle(s),
            // Walk: lateral sequence LH, LF, RH, RF.
            Gait(s, "quadruped walk", ["walk", "walking", "walks", "stroll", "wander", "amble", "go", "move to", "pace", "roam", "sniff around"],
                cycle: 0.9f, speed: 1.6f, duty: 0.65f, phases: [0f, 0.5f, 0.25f, 0.75f], lift: 0.12f, bob: 0.015f, rock: 1.5f, flexBack: 0, headBob: 3),
            Gait(s, "quadruped trot", ["trot", "trotting", "jog", "jogging", "run slowly", "prance", "canter", "lope"],
                cycle: 0.56f, speed: 3.6f, duty: 0.45f, phases: [0f, 0.5f, 0.5f, 0f], lift: 0.2f, bob: 0.03f, rock: 2, flexBack: 2, headBob: 4),
            Gait(s, "quadruped gallop", ["run", "running", "runs", "gallop", "galloping", "sprint", "race", "dash", "chase", "charge", "run fast", "bolt", "rush", "stampede"],
                cycle: 0.42f, speed: 7.5f, duty: 0.28f, phases: [0f, 0.1f, 0.5f, 0.6f], lift: 0.3f, bob: 0.06f, rock: 7, flexBack: 16, headBob: 6),
            Sit(s), LieDown(s), Sleep(s), Jump(s), Eat(s), Bark(s), Howl(s), Rear(s), PlayBow(s), Fly(s),
        ];
    }

    static float S(float x) => x * x * (3 - 2 * x);
    static float Ramp(float t, float a, float b) => t <= a ? 0 : t >= b ? 1 : S((t - a) / (b - a));
    static float Bump(float t, float a, float b, float c, float d) => Ramp(t, a, b) * (1 - Ramp(t, c, d));

    static MotionClip Make(Skeleton s, string name, string[] labels, float duration, bool loop, Action<AnimalPoseRig, float> pose)
    {
        var rig = new AnimalPoseRig(s);
        return MotionClip.FromFunction(name, labels, Fps, duration, loop, s, t =>
        {
            rig.Reset();
            pose(rig, t);
            return rig.ToPose();
        }, BodyRig.Quadruped);
    }

    /// <summary>All four paws at their rest places (offset by <paramref name="spread"/> outwards and <paramref name="fore"/>/<paramref name="hind"/> along the body).</summary>
    static void Stand(AnimalPoseRig r, float fore = 0, float hind = 0, float spread = 0)
    {
        for (int leg = 0; leg < 4; leg++)
        {
            var p = r.RestPaw(leg);
            float side = MathF.Sign(p.X);
            r.Leg(leg, p + new Vector3(side * spread, 0, leg >= 2 ? fore : hind));
        }
    }

    static MotionClip Idle(Skeleton s) => Make(s, "quadruped idle", ["idle", "stand", "standing", "stand still", "wait", "watch", "look around", "stay"], 4, true, (r, t) =>
    {
        float w = W, breathe = MathF.Sin(Tau * t / 2), look = MathF.Sin(Tau * t / 4);
        r.Body(new Vector3(0.01f * w * look, -0.02f * w + 0.004f * w * breathe, 0), 0.5f * breathe, 0, 0.8f * look);
        r.Spine(0.6f * breathe);
        r.Head(4 + 2 * MathF.Sin(Tau * t / 4 + 1), 22 * look, 0, 4 * look);
        Stand(r);
    });

    /// <summary>
    /// A cyclic gait: each paw is planted for <paramref name="duty"/> of the cycle starting at its phase, sliding
    /// back under the body as it advances, then swings forward in an arc <paramref name="lift"/> withers high;
    /// the body moves at <paramref name="speed"/> withers per second, bobs twice per cycle, pitches (rocking) and
    /// the back flexes once per cycle (gallop).
    /// </summary>
    static MotionClip Gait(Skeleton s, string name, string[] labels, float cycle, float speed, float duty, float[] phases,
        float lift, float bob, float rock, float flexBack, float headBob)
    {
        float w = W, v = speed * w, stride = v * cycle * duty;
        return Make(s, name, labels, cycle, true, (r, t) =>
        {
            float ph = t / cycle;
            // Faster gaits crouch a little lower so the legs reach further fore and aft.
            float y = -(0.03f + 0.006f * speed) * w - bob * w * MathF.Cos(2 * Tau * ph);
            float flex = MathF.Sin(Tau * (ph - 0.1f));
            r.Body(new Vector3(0, y, v * t), rock * MathF.Sin(Tau * (ph + 0.15f)));
            r.Spine(flexBack * flex);
            r.Head(-2 + headBob * MathF.Sin(2 * Tau * ph), 0);
            for (int leg = 0; leg < 4; leg++)
            {
                float p = ph - phases[leg];
                p -= MathF.Floor(p);
                var rest = r.RestPaw(leg) + new Vector3(0, 0, v * t);
                float z, h = 0, fold = 0;
                if (p < duty)
                {
                    z = stride * (0.5f - p / duty);
                }
                else
                {
                    float q = (p - duty) / (1 - duty);
                    z = stride * (-0.5f + S(q));
                    h = lift * w * MathF.Sin(MathF.PI * q);
                    fold = 70 * MathF.Sin(MathF.PI * MathF.Min(1, q * 1.3f));
                }
                r.Leg(leg, rest + new Vector3(0, h, z), leg >= 2 ? fold : -0.5f * fold);
            }
        });
    }

    static MotionClip Sit(Skeleton s) => Make(s, "quadruped sit", ["sit", "sit down", "sitting", "sits", "sit on the ground", "wait patiently"], 2.4f, false, (r, t) =>
    {
        float d = Ramp(t, 0.2f, 1.4f);
        Sitting(r, d);
        r.Head(14 * d + 2 * MathF.Sin(Tau * t / 2.4f) * d, 8 * MathF.Sin(Tau * t / 2.4f) * d);
    });

    /// <summary>Sitting, <paramref name="d"/> of the way down: the croup drops to the ground and comes forwards, the front stays up on straight fore legs.</summary>
    static void Sitting(AnimalPoseRig r, float d)
    {
        float w = W;
        r.Body(new Vector3(0, -0.4f * w * d, 0.12f * w * d), -17 * d);
        r.Spine(3 * d);
        for (int leg = 0; leg < 2; leg++) r.Leg(leg, r.RestPaw(leg) + new Vector3(MathF.Sign(r.RestPaw(leg).X) * 0.04f * w * d, 0, 0.3f * w * d));
        for (int leg = 2; leg < 4; leg++) r.Leg(leg, r.RestPaw(leg) + new Vector3(0, 0, -0.02f * w * d));
    }

    static void Lying(AnimalPoseRig r, float d, float headDown)
    {
        float w = W;
        // The chest and belly rest on the ground: the spine comes down to about half the body's depth.
        r.Body(new Vector3(0, -0.56f * w * d, 0.05f * w * d), -3 * d, 0, 4 * d);
        r.Spine(4 * d);
        r.Head(10 * d - headDown, 0, headDown * 0.3f);
        for (int leg = 0; leg < 2; leg++)
        {
            var p = r.RestPaw(leg);
            r.Leg(leg, p + new Vector3(MathF.Sign(p.X) * 0.12f * w * d, 0, 0.42f * w * d));
        }
        for (int leg = 2; leg < 4; leg++) r.Leg(leg, r.RestPaw(leg) + new Vector3(0, 0, 0.45f * w * d), -20 * d);
    }

    static MotionClip LieDown(Skeleton s) => Make(s, "quadruped lie down", ["lie down", "lie", "lying", "lies down", "rest", "lie on the grass", "settle down"], 3f, false,
        (r, t) => Lying(r, Ramp(t, 0.2f, 1.8f), 0));

    static MotionClip Sleep(Skeleton s) => Make(s, "quadruped sleep", ["sleep", "sleeping", "nap", "doze", "curl up", "snooze"], 4f, true, (r, t) =>
    {
        Lying(r, 1, 28);
        // Slow breathing: the spine rises and falls.
        r.Spine(4 + 1.5f * MathF.Sin(Tau * t / 4));
    });

    static MotionClip Jump(Skeleton s) => Make(s, "quadruped jump", ["jump", "jumping", "leap", "jump over", "pounce", "hop", "spring"], 1.6f, false, (r, t) =>
    {
        float w = W;
        const float takeOff = 0.5f, land = 0.95f;
        float crouch = Bump(t, 0.1f, 0.42f, 0.42f, 0.52f) + 0.7f * Bump(t, land, land + 0.08f, land + 0.12f, 1.45f);
        float air = t > takeOff && t < land ? (t - takeOff) / (land - takeOff) : 0;
        float height = 4 * 0.55f * w * air * (1 - air);
        float dist = 1.4f * w;
        float z = dist * Ramp(t, takeOff - 0.05f, land + 0.05f);
        float pitch = -14 * MathF.Sin(MathF.PI * Math.Clamp(air * 1.6f, 0, 1)) + 12 * MathF.Sin(MathF.PI * Math.Clamp(air * 1.6f - 0.6f, 0, 1));
        r.Body(new Vector3(0, -0.12f * w * crouch + height, z), pitch + 8 * crouch);
        r.Spine(-8 * MathF.Sin(MathF.PI * air));
        r.Head(6 * air, 0);
        float hindZ = dist * (t < takeOff + 0.06f ? 0 : t > land + 0.1f ? 1 : S((t - takeOff - 0.06f) / (land + 0.1f - takeOff - 0.06f)));
        float foreZ = dist * (t < takeOff - 0.04f ? 0 : t > land ? 1 : S((t - takeOff + 0.04f) / (land - takeOff + 0.04f)));
        float tuck = 0.25f * w * MathF.Sin(MathF.PI * air);
        for (int leg = 0; leg < 4; leg++)
        {
            bool fore = leg >= 2;
            var p = r.RestPaw(leg) + new Vector3(0, (fore ? 1.6f : 1.0f) * height * 0.55f + tuck, fore ? foreZ : hindZ);
            r.Leg(leg, p, air > 0 ? (fore ? 60 : -30) * MathF.Sin(MathF.PI * air) : 0);
        }
    });

    static MotionClip Eat(Skeleton s) => Make(s, "quadruped eat", ["eat", "eating", "graze", "grazing", "feed", "sniff", "sniff the ground", "drink", "drinking", "forage", "nibble"], 3f, true, (r, t) =>
    {
        float w = W, chew = MathF.Sin(Tau * t / 0.5f);
        r.Body(new Vector3(0, -0.08f * w, 0.02f * w), 12);
        r.Spine(12);
        // Muzzle down to the ground, a small nodding bite every half second and a slow sway.
        r.Head(-110, 8 * MathF.Sin(Tau * t / 3), 15 + 4 * chew);
        Stand(r, 0.1f * w, 0, 0.02f * w);
    });

    static MotionClip Bark(Skeleton s) => Make(s, "quadruped bark", ["bark", "barking", "barks", "growl", "roar", "roaring", "bellow", "moo", "neigh", "bray", "call", "yap", "snarl", "make noise"], 2f, true, (r, t) =>
    {
        float w = W;
        // Two sharp barks per second: the head jerks up and forward, the chest pumps, the front drops a little.
        float ph = t / 0.5f % 1;
        // Each bark lasts 0.18 s of the half-second beat: long enough to be seen at video frame rates.
        float jerk = ph < 0.35f ? MathF.Sin(MathF.PI * ph / 0.35f) : 0;
        r.Body(new Vector3(0, -0.04f * w - 0.02f * w * jerk, -0.02f * w), 3 + 5 * jerk);
        r.Spine(3 * jerk);
        r.Head(12 + 20 * jerk, 0, -16 * jerk);
        Stand(r, 0.03f * w, -0.02f * w, 0.01f * w);
    });

    static MotionClip Howl(Skeleton s) => Make(s, "quadruped howl", ["howl", "howling", "howl at the moon", "wail", "sing"], 3.5f, false, (r, t) =>
    {
        float d = Ramp(t, 0.2f, 1.2f), up = Ramp(t, 1.0f, 1.8f);
        Sitting(r, d);
        // Muzzle to the sky, a slight tremble while it howls.
        r.Head(14 * d + 55 * up + 2 * MathF.Sin(Tau * t * 3) * up, 0, -10 * up);
    });

    static MotionClip Rear(Skeleton s) => Make(s, "quadruped rear", ["rear", "rear up", "rearing", "stand on hind legs", "stand up", "stand tall", "beg"], 3f, false, (r, t) =>
    {
        float w = W, d = Bump(t, 0.3f, 1.2f, 2.2f, 2.9f);
        // The front lifts over the hind paws; fore paws paddle in the air; back down at the end.
        r.Body(new Vector3(0, 0.05f * w * d, 0.25f * w * d), -62 * d);
        r.Spine(-10 * d);
        r.Head(-30 * d, 0);
        for (int leg = 0; leg < 2; leg++) r.Leg(leg, r.RestPaw(leg) + new Vector3(0, 0, 0.12f * w * d));
        for (int leg = 2; leg < 4; leg++)
        {
            float paddle = MathF.Sin(Tau * t / 0.6f + leg) * d;
            r.Leg(leg, r.RestPaw(leg) + new Vector3(0, (0.95f + 0.1f * paddle) * w * d, (-0.35f + 0.1f * paddle) * w * d), 70 * d);
        }
    });

    static MotionClip PlayBow(Skeleton s) => Make(s, "quadruped play", ["play", "playing", "play bow", "frolic", "romp", "wag its tail", "be happy"], 2f, true, (r, t) =>
    {
        float w = W, bounce = MathF.Sin(Tau * t / 1f);
        // Front down on the elbows, rear up, a playful bounce and head tilt.
        r.Body(new Vector3(0, -0.02f * w + 0.02f * w * bounce, 0), 18 + 3 * bounce, 5 * MathF.Sin(Tau * t / 2));
        r.Spine(6);
        r.Head(20, 10 * MathF.Sin(Tau * t / 2), 0, 12 * MathF.Sin(Tau * t / 2));
        for (int leg = 0; leg < 2; leg++) r.Leg(leg, r.RestPaw(leg));
        for (int leg = 2; leg < 4; leg++) r.Leg(leg, r.RestPaw(leg) + new Vector3(0, 0, 0.3f * w), 0);
    });

    static MotionClip Fly(Skeleton s) => Make(s, "quadruped fly", ["fly", "flying", "soar", "soaring", "flap", "glide", "hover", "take off", "fly over"], 1.2f, true, (r, t) =>
    {
        float w = W, beat = MathF.Sin(Tau * t / 1.2f);
        // Airborne one withers high, legs tucked, the blades (and a winged build's wings) beating.
        r.Body(new Vector3(0, 1.0f * w + 0.08f * w * beat, 0), 4 - 4 * beat);
        r.Spine(2 * beat);
        r.Head(10, 0);
        r.Blades(40 * beat, 40 * beat);
        for (int leg = 0; leg < 4; leg++)
        {
            var p = r.RestPaw(leg) + new Vector3(0, 1.0f * w + 0.08f * w * beat + (leg >= 2 ? 0.35f : 0.3f) * w, leg >= 2 ? 0.05f * w : -0.15f * w);
            r.Leg(leg, p, leg >= 2 ? 80 : -40);
        }
    });
}
