using System.Numerics;
using static C3V.Actors.Humans.HumanClip;

namespace C3V.Actors.Humans;

/// <summary>
/// Two-person clips, each authored for one partner facing +Z with the other standing <see cref="MotionClip.PartnerDistance"/>
/// metres ahead, turned to face it. Both partners play the same clip, the second one
/// <see cref="MotionClip.PartnerTimeOffset"/> seconds later (see <see cref="MotionClip.AsPartner"/>). The partner's
/// body is therefore known in this actor's frame — mirrored through the vertical axis half-way between them —
/// and hands are placed on it with arm IK (<see cref="PoseRig.Reach"/>): right hands meet for the handshake,
/// arms close around the partner's back for the hug and the dance hold, punches reach the partner's head.
/// </summary>
internal static class HumanPairs
{
    internal static IEnumerable<MotionClip> Build(Skeleton s) => [Handshake(s), Hug(s), BoxingExchange(s), SwordFight(s), DanceTogether(s)];

    /// <summary>Where the elbows go: down and out for a hand held in front, out to the side for an arm wrapping round.</summary>
    static Vector3 ElbowDownOut(int side) => new(side * 0.6f, -1f, -0.3f);

    /// <summary>The wrist hanging at the side, where a reach starts from and returns to.</summary>
    static Vector3 Hanging(Skeleton s, int side) => new(side * 0.21f, s.RestPositions[Skeleton.Pelvis].Y - 0.04f, 0.04f);

    static MotionClip Pair(MotionClip c, float distance, float offset = 0) =>
        new(c.Name, c.Labels, c.Fps, c.Rotations, c.Root, c.Loop, c.Skeleton, c.LeftContact, c.RightContact)
        { PartnerDistance = distance, PartnerTimeOffset = offset };

    /// <summary>
    /// Right hands meet on the line between the two, at hand-shake height: reach, three pumps, let go. The grip is
    /// half-way between the partners; each wrist stops a hand's length short of it.
    /// </summary>
    static MotionClip Handshake(Skeleton s)
    {
        const float d = 0.78f;
        return Pair(Make(s, "handshake", ["handshake", "shake hands", "shaking hands", "greet with a handshake", "shake hands with"], 3.0f, false, (r, t) =>
        {
            float reach = Bump(t, 0.2f, 0.8f, 2.3f, 2.9f);
            float pump = 0.035f * MathF.Sin(Tau * Ramp(t, 0.8f, 2.2f) * 3);
            Planted(r, new Vector3(0, -0.015f, 0.03f * reach), 0, 2 * reach);
            r.Spine(7 * reach, 4 * reach);
            r.Head(4 * reach, 5 * reach);
            var grip = new Vector3(-0.03f, s.RestPositions[Skeleton.Pelvis].Y + 0.07f + pump * reach, d / 2 - 0.07f);
            r.Reach(-1, Vector3.Lerp(Hanging(s, -1), grip, reach), ElbowDownOut(-1));
            r.Wrist(-1, 0, 70 * reach); // palm turned to the side, thumb up
            r.Arm(+1, PoseRig.ArmDirection(+1, 12, 0), 0, 12);
        }), d);
    }

    /// <summary>
    /// A criss-cross hug: each steps the hips a little to its own left (so the heads pass beside each other, cheek by
    /// cheek, each over the partner's right shoulder) and leans in until the chests touch; the right arm goes high over
    /// the partner's left shoulder and the left arm low round its waist, both hands flat on the partner's back; two
    /// pats, then letting go. The partner plays the same clip at the same time, so its body is this one's turned round
    /// about the point half-way between them: the hands are placed on that body's back (found by forward kinematics
    /// of this pose).
    /// </summary>
    static MotionClip Hug(Skeleton s)
    {
        const float d = 0.4f;
        // The back's surface behind the spine joints, with the palm's thickness (metres, for the 1.75 m reference).
        const float back = 0.145f;
        var half = Quaternion.CreateFromAxisAngle(Vector3.UnitY, MathF.PI);
        var g = new Quaternion[Skeleton.JointCount];
        var p = new Vector3[Skeleton.JointCount];
        float k = s.Height / Skeleton.ReferenceHeight;
        return Pair(Make(s, "hug", ["hug", "hugging", "embrace", "hug each other", "give a hug", "cuddle"], 3.6f, false, (r, t) =>
        {
            float open = Bump(t, 0.1f, 0.6f, 0.6f, 1.1f);
            float wrap = Bump(t, 0.6f, 1.2f, 2.8f, 3.5f);
            float pat = 0.02f * MathF.Max(0, MathF.Sin(Tau * Ramp(t, 1.5f, 2.5f) * 2));
            Planted(r, new Vector3(0.07f * wrap, -0.02f * wrap, 0.075f * wrap), 0, 5 * wrap);
            r.Spine(5 * wrap, 0, -4 * wrap);
            r.Head(-3 * wrap, 20 * wrap, 4 * wrap); // face turned away from the partner's, past its right ear
            var pose = r.ToPose();
            s.ForwardKinematics(pose.Local, pose.Root, g, p);
            // A point on this body mirrored onto the partner's: turned half round about the vertical half-way between.
            Vector3 OnPartner(int joint, Vector3 local) => Vector3.Transform(p[joint] + Vector3.Transform(local * k, g[joint]), half) + new Vector3(0, 0, d);
            // This body's own back seen from behind: the partner's left shoulder blade is where this one's left one is, mirrored.
            var high = OnPartner(Skeleton.Spine3, new Vector3(0.0f, 0.08f - pat, -back + 0.02f)); // the upper back narrows
            var low = OnPartner(Skeleton.Spine2, new Vector3(-0.08f, -0.04f, -back + 0.015f)); // the waist is 1.5 cm shallower
            // Arms open wide to the sides, so the hands come in round the partner and leave the same way.
            var openR = new Vector3(-0.55f, p[Skeleton.Pelvis].Y + 0.35f, 0.12f);
            var openL = new Vector3(0.55f, p[Skeleton.Pelvis].Y + 0.2f, 0.12f);
            float reach = MathF.Min(1, open + wrap);
            // The high arm's elbow goes out and up over the partner's shoulder, clear of its head; the low one's out and forward round its flank.
            // On the way in and out it arcs up and out, over the shoulder rather than through it.
            var arc = new Vector3(-0.1f, 0.15f, 0) * MathF.Sin(MathF.PI * wrap);
            r.Reach(-1, Vector3.Lerp(Vector3.Lerp(Hanging(s, -1), openR, reach), high, wrap) + arc, new Vector3(-1, 0.6f, 0.1f));
            r.Reach(+1, Vector3.Lerp(Vector3.Lerp(Hanging(s, +1), openL, reach), low, wrap), new Vector3(1, -0.3f, 0.4f));
        }), d);
    }

    /// <summary>
    /// Sparring in turns: a jab and a cross, each landing at the partner's head, with the weight shifting onto the
    /// front foot; then the guard held high and the head slipping back while the partner (playing the same clip half
    /// a cycle later) does the same. Feet stay planted in an orthodox stance.
    /// </summary>
    static MotionClip BoxingExchange(Skeleton s)
    {
        const float d = 0.8f, cycle = 2.4f;
        float hip = s.RestPositions[Skeleton.Pelvis].Y;
        return Pair(Make(s, "boxing exchange", ["boxing match", "box each other", "spar", "sparring", "boxers fight", "exchange punches", "boxing exchange"], cycle, true, (r, t) =>
        {
            static float Strike(float t, float at) => Bump(t, at, at + 0.12f, at + 0.2f, at + 0.42f);
            float jab = Strike(t, 0.15f), cross = Strike(t, 0.65f);
            float attack = Bump(t, 0.05f, 0.2f, 0.9f, 1.15f);            // weight forward while punching
            float defend = Bump(t, 1.3f, 1.45f, 2.1f, 2.3f);            // the partner's turn: slip back
            float slip = defend * (0.5f + 0.5f * MathF.Sin(Tau * (t - 1.3f) / 0.5f));
            float bounce = 0.5f - 0.5f * MathF.Cos(Tau * t / (cycle / 4));
            r.Pelvis(s.RestPositions[0] + new Vector3(0.02f * slip, -0.08f - 0.02f * bounce, 0.1f * attack - 0.08f * defend), -18 + 14 * cross, 6 + 4 * attack);
            r.Leg(+1, Stand(s, +1) + new Vector3(0.05f, 0, 0.18f), 10);
            r.Leg(-1, Stand(s, -1) + new Vector3(-0.05f, 0, -0.2f), -30);
            r.Spine(6 + 6 * attack - 10 * slip, 4 * jab + 16 * cross, 0);
            r.Head(6 + 6 * defend, 18 - 14 * cross, 0);
            // Guard: fists in front of the chin; each punch reaches for the partner's face (guarded or slipping).
            var face = new Vector3(0.0f, hip + 0.56f, d - 0.2f);
            for (int sd = -1; sd <= 1; sd += 2)
            {
                var guard = new Vector3(sd * 0.1f, hip + 0.47f + 0.05f * defend, 0.28f + 0.1f * attack - 0.12f * defend);
                float p = sd > 0 ? jab : cross;
                r.Reach(sd, Vector3.Lerp(guard, face, p), new Vector3(sd * 0.7f, -1, -0.2f));
            }
        }), d, cycle / 2);
    }

    /// <summary>
    /// Swords clash between the two: from an en-garde stance (right foot forward, body turned side-on) a high cut
    /// from the right, a backhand cut from the left and a low cut, each meeting the partner's mirrored cut in the
    /// middle. The sword itself is a prop held in the right hand; the wrists stop where the blades cross.
    /// </summary>
    static MotionClip SwordFight(Skeleton s)
    {
        const float d = 1.8f, cycle = 3.2f;
        float hip = s.RestPositions[Skeleton.Pelvis].Y;
        return Pair(Make(s, "sword fight", ["sword fight", "sword fighting", "fence", "fencing", "duel", "swordplay", "fight with swords", "cross swords"], cycle, true, (r, t) =>
        {
            // Three cuts: wind-up, cut to the clash point, hold, recover to the guard.
            (float Wind, float Cut) Phase(float at) => (Bump(t, at - 0.35f, at - 0.1f, at - 0.1f, at + 0.05f), Bump(t, at - 0.05f, at + 0.1f, at + 0.25f, at + 0.55f));
            var (w1, c1) = Phase(0.45f);
            var (w2, c2) = Phase(1.45f);
            var (w3, c3) = Phase(2.45f);
            float lunge = MathF.Max(c1, MathF.Max(c2, c3));
            r.Pelvis(s.RestPositions[0] + new Vector3(0, -0.12f - 0.04f * lunge, 0.12f * lunge), 28 - 10 * lunge, 8 * lunge);
            r.Leg(+1, Stand(s, +1) + new Vector3(0.05f, 0, -0.22f), 55);
            r.Leg(-1, Stand(s, -1) + new Vector3(-0.02f, 0, 0.28f), 5);
            r.Spine(5 + 8 * lunge, -10 * c2 + 8 * c1, 0);
            r.Head(4, -22 + 10 * lunge);
            var guard = new Vector3(-0.12f, hip + 0.18f, 0.4f);
            var clash = new Vector3(-0.02f, hip + 0.35f, d / 2 - 0.42f);
            var wind = w1 * new Vector3(-0.4f, hip + 0.75f, 0.1f) + w2 * new Vector3(0.3f, hip + 0.5f, 0.15f) + w3 * new Vector3(-0.45f, hip - 0.05f, 0.2f);
            float wound = w1 + w2 + w3, cut = c1 + c2 + c3;
            var hand = Vector3.Lerp(guard, wind / MathF.Max(wound, 1e-3f), wound);
            hand = Vector3.Lerp(hand, clash + new Vector3(0, -0.25f * c3, 0), cut);
            r.Reach(-1, hand, new Vector3(-0.8f, -1, -0.3f));
            r.Wrist(-1, 20 - 30 * cut, 0);
            // The free arm out behind for balance.
            r.Arm(+1, PoseRig.ArmDirection(+1, 50, -20), 0, 60);
        }), d);
    }

    /// <summary>
    /// A waltz box step in a close hold (a slow dance): forward, side, close, back, side, close on six beats of a
    /// 3/4 waltz; the partner, half a cycle behind, steps back when this one steps forward, so both travel together.
    /// The right hand rests on the partner's left shoulder blade, the left on the partner's right upper arm.
    /// The box is centred on the start so its corners are point-symmetric, which keeps the partners aligned.
    /// </summary>
    static MotionClip DanceTogether(Skeleton s)
    {
        const float d = 0.45f, beat = 2f / 3, box = 0.3f;
        float hip = s.RestPositions[Skeleton.Pelvis].Y;
        // Pelvis corners at the ends of beats 0..6 (the close beats hold), centred on the box's middle.
        Vector3[] corner = [new(0, 0, 0), new(0, 0, box), new(-box, 0, box), new(-box, 0, box), new(-box, 0, 0), new(0, 0, 0), new(0, 0, 0)];
        var centre = new Vector3(-box / 2, 0, box / 2);
        // Foot moves (beat, foot side, new place relative to the box corner under the pelvis).
        (int Beat, int Side, Vector3 To)[] moves =
        [
            (0, +1, new(0, 0, box)), (1, -1, new(-box, 0, box)), (2, +1, new(-box, 0, box)),
            (3, -1, new(-box, 0, 0)), (4, +1, new(0, 0, 0)), (5, -1, new(0, 0, 0)),
        ];
        var tracks = new FootTrack[2];
        for (int f = 0; f < 2; f++)
        {
            int side = f == 0 ? +1 : -1;
            var track = new FootTrack { StepHeight = 0.05f, Roll = 6 };
            var at = Vector3.Zero;
            float since = -2 * 6 * beat;
            for (int lap = -2; lap <= 1; lap++)
                foreach (var m in moves.Where(m => m.Side == side))
                {
                    float start = (lap * 6 + m.Beat) * beat;
                    track.Add(since, start, Stand(s, side) + at - centre);
                    at = m.To;
                    since = start + 0.45f * beat;
                }
            track.Add(since, since + 100, Stand(s, side) + at - centre);
            tracks[f] = track;
        }
        return Pair(Make(s, "dance together", ["dance together", "waltz", "slow dance", "ballroom dance", "dance with", "couple dance", "dance as a couple"], 6 * beat, true, (r, t) =>
        {
            int b = Math.Min(5, (int)(t / beat));
            float u = Ramp(t - b * beat, 0.05f * beat, 0.85f * beat);
            var p = Vector3.Lerp(corner[b], corner[b + 1], u) - centre;
            float rise = 0.025f * MathF.Sin(MathF.PI * ((t / (3 * beat)) % 1)); // rise through each bar, lower at its end
            r.Pelvis(s.RestPositions[0] + p + new Vector3(0, -0.03f + rise, 0), 0, 3);
            for (int f = 0; f < 2; f++)
            {
                var (at, yaw, toes, _) = tracks[f].At(t);
                r.Leg(f == 0 ? 1 : -1, at, yaw, toes);
            }
            r.Spine(-3, 0, 0);
            r.Head(-5, 35); // looking over the partner's right shoulder
            var onBack = new Vector3(p.X - 0.12f, hip + 0.34f + rise, p.Z + d + 0.14f); // on the back's surface, 0.105 m behind the spine
            var onArm = new Vector3(p.X + 0.2f, hip + 0.28f + rise, p.Z + d - 0.02f);
            r.Reach(-1, onBack, new Vector3(-1, -0.6f, 0));
            r.Reach(+1, onArm, new Vector3(1, -1, -0.3f));
        }), d, 3 * beat);
    }
}
