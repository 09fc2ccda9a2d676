using System.Numerics;
using C3V.Actors;
using C3V.Direct;
using C3V.Pipeline;

namespace C3V.Tests.Actors.Humans;

/// <summary>The human repertoire: loops close, planted feet stay put, pairs meet at their partner distance, every clip is found by words.</summary>
public class HumanMotionTests
{
    static Vector3[] At(MotionClip c, float t) => c.Skeleton.JointPositions(c.Sample(t));
    static Vector3[] Frame(MotionClip c, int f) => c.Skeleton.JointPositions(new Pose(c.FrameRotations(f).ToArray(), c.Root[f]));

    public static TheoryData<string> HumanClips() => [.. ProceduralMotions.All.Select(c => c.Name)];

    [Fact]
    public void The_issue_list_of_human_motions_is_covered()
    {
        string[] wanted =
        [
            "walk", "walk slowly", "walk old", "march", "jog", "run", "sprint", "jump", "jump forward", "hop", "skip",
            "dance disco", "dance hip hop", "dance salsa", "pirouette", "dance together", "bow", "wave", "clap", "point",
            "sit down", "sit", "stand up", "lie down", "lie", "stretch", "push-ups", "squat", "kick", "punch",
            "boxing exchange", "sword fight", "juggle", "climb", "crawl", "swim", "ski", "skate", "handshake", "hug",
            "pick up", "throw", "carry",
        ];
        var missing = wanted.Where(w => ProceduralMotions.Find(w) is null).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    /// <summary>
    /// A looping clip's last frame is its first moved by one cycle: every joint, relative to the pelvis's ground
    /// point, within 1 cm; and the step across the seam is no bigger than the clip's largest step inside.
    /// </summary>
    [Theory]
    [MemberData(nameof(HumanClips))]
    public void Loops_close_without_a_seam_and_one_shots_have_a_natural_length(string name)
    {
        var c = ProceduralMotions.Find(name)!;
        if (!c.Loop)
        {
            Assert.InRange(c.Duration, 1.5f, 4.5f);
            return;
        }
        Vector3[] Rel(int f)
        {
            var p = Frame(c, f);
            var g = new Vector3(c.Root[f].X, 0, c.Root[f].Z);
            return p.Select(x => x - g).ToArray();
        }
        var first = Rel(0);
        var last = Rel(c.FrameCount - 1);
        float seam = first.Zip(last, Vector3.Distance).Max();
        Assert.True(seam < 0.01f, $"{name}: joints jump {seam:F3} m at the seam");
        float inside = 0;
        for (int f = 1; f < c.FrameCount; f++) inside = MathF.Max(inside, Rel(f).Zip(Rel(f - 1), Vector3.Distance).Max());
        float across = Rel(1).Zip(last, Vector3.Distance).Max(); // the step from the end into the next lap's second frame
        Assert.True(across <= inside * 1.1f + 0.005f, $"{name}: seam step {across:F3} m vs at most {inside:F3} m inside");
    }

    /// <summary>
    /// While a foot is flagged planted, the part of it on the floor stays put: the toe joint while it is down (within
    /// 1.5 cm of its rest height), and the ankle while the heel is down, each drift less than 3 cm over the stance.
    /// (The contact flag alone allows 1.6 cm a frame; rolling from heel to toe moves the joint not on the floor.)
    /// </summary>
    [Theory]
    [MemberData(nameof(HumanClips))]
    public void Planted_feet_do_not_slide(string name)
    {
        var c = ProceduralMotions.Find(name)!;
        var rest = c.Skeleton.RestPositions;
        foreach (var (joints, contact) in new[] { ((int[])[Skeleton.LeftFoot, Skeleton.LeftAnkle], c.LeftContact), ([Skeleton.RightFoot, Skeleton.RightAnkle], c.RightContact) })
            foreach (int joint in joints)
            {
                Vector3? start = null;
                for (int f = 0; f < c.FrameCount; f++)
                {
                    var p = Frame(c, f)[joint];
                    if (!contact[f] || p.Y - rest[joint].Y > 0.015f) { start = null; continue; }
                    start ??= p;
                    float drift = Vector2.Distance(new(p.X, p.Z), new(start.Value.X, start.Value.Z));
                    Assert.True(drift < 0.03f, $"{name}: planted {Skeleton.Names[joint]} slides {drift:F3} m by frame {f}");
                }
            }
    }

    [Fact]
    public void Feet_and_hands_stay_above_the_floor()
    {
        foreach (var c in ProceduralMotions.All)
            for (int f = 0; f < c.FrameCount; f++)
            {
                var p = Frame(c, f);
                foreach (int j in new[] { Skeleton.LeftFoot, Skeleton.RightFoot, Skeleton.LeftWrist, Skeleton.RightWrist })
                    Assert.True(p[j].Y > -0.03f, $"{c.Name}: {Skeleton.Names[j]} at {p[j].Y:F3} m in frame {f}");
            }
    }

    [Fact]
    public void Gaits_differ_in_speed_and_the_old_walk_is_slow_and_stooped()
    {
        float Speed(string n) => ProceduralMotions.Find(n)!.NaturalSpeed;
        Assert.True(Speed("sprint") > 1.4f * Speed("run"), $"sprint {Speed("sprint")} run {Speed("run")}");
        Assert.True(Speed("run") > Speed("jog") && Speed("jog") > Speed("march") && Speed("march") > Speed("walk old"));
        Assert.InRange(Speed("walk old"), 0.5f, 0.8f);
        // Stoop: the head ahead of the pelvis, further than in the ordinary walk.
        float Lean(string n) { var c = ProceduralMotions.Find(n)!; var p = At(c, 0.3f); return p[Skeleton.Head].Z - p[Skeleton.Pelvis].Z; }
        Assert.True(Lean("walk old") > Lean("walk") + 0.08f, $"old {Lean("walk old"):F2} walk {Lean("walk"):F2}");
        // A march lifts the knees higher than a walk.
        float Knee(string n) { var c = ProceduralMotions.Find(n)!; return Enumerable.Range(0, c.FrameCount).Max(f => Frame(c, f)[Skeleton.LeftKnee].Y); }
        Assert.True(Knee("march") > Knee("walk") + 0.1f, $"march knee {Knee("march"):F2} walk {Knee("walk"):F2}");
    }

    [Fact]
    public void Floor_motions_keep_the_body_low_and_level()
    {
        // Push-ups: hands and toes fixed, the chest dipping by at least 12 cm.
        var pu = ProceduralMotions.Find("push-ups")!;
        var p0 = At(pu, 0);
        var down = At(pu, pu.Duration / 2);
        foreach (int j in new[] { Skeleton.LeftWrist, Skeleton.RightWrist, Skeleton.LeftFoot, Skeleton.RightFoot })
            Assert.True(Vector3.Distance(p0[j], down[j]) < 0.04f, $"push-ups: {Skeleton.Names[j]} moves {Vector3.Distance(p0[j], down[j]):F3}");
        Assert.True(p0[Skeleton.Spine3].Y - down[Skeleton.Spine3].Y > 0.12f);
        Assert.True(p0[Skeleton.LeftWrist].Y < 0.1f, "hands on the floor");
        // Crawl: knees on the floor while the trunk is level at hip height.
        var cr = ProceduralMotions.Find("crawl")!;
        var c0 = At(cr, 0.2f);
        Assert.True(MathF.Min(c0[Skeleton.LeftKnee].Y, c0[Skeleton.RightKnee].Y) < 0.12f, $"knee at {c0[Skeleton.LeftKnee].Y:F2}");
        Assert.True(MathF.Abs(c0[Skeleton.Spine3].Y - c0[Skeleton.Pelvis].Y) < 0.15f, "level trunk");
        Assert.True(cr.NaturalSpeed is > 0.1f and < 0.6f);
        // Lying: the head and the pelvis near the floor, the body stretched out along the ground.
        var lie = At(ProceduralMotions.Find("lie")!, 1);
        Assert.True(lie[Skeleton.Head].Y < 0.3f && lie[Skeleton.Pelvis].Y < 0.25f, $"head {lie[Skeleton.Head].Y:F2} pelvis {lie[Skeleton.Pelvis].Y:F2}");
        Assert.True(Vector2.Distance(new(lie[Skeleton.Head].X, lie[Skeleton.Head].Z), new(lie[Skeleton.LeftAnkle].X, lie[Skeleton.LeftAnkle].Z)) > 1.2f);
        // Swimming: level, face down, travelling.
        var sw = ProceduralMotions.Find("swim")!;
        var s0 = At(sw, 0.3f);
        Assert.True(MathF.Abs(s0[Skeleton.Head].Y - s0[Skeleton.LeftAnkle].Y) < 0.3f && s0[Skeleton.Head].Z - s0[Skeleton.LeftAnkle].Z > 1.2f);
        Assert.True(sw.NaturalSpeed > 0.5f);
    }

    [Fact]
    public void The_pirouette_turns_once_on_the_toes_of_one_foot()
    {
        var c = ProceduralMotions.Find("pirouette")!;
        var mid = At(c, 1.45f);
        Assert.True(mid[Skeleton.RightAnkle].Y > 0.3f, "the free foot is drawn up to the knee");
        Assert.True(mid[Skeleton.LeftAnkle].Y > 0.1f, "up on the toes of the standing foot");
        float total = 0;
        for (int f = 1; f < c.FrameCount; f++)
        {
            float d = c.HeadingAt(f) - c.HeadingAt(f - 1);
            total += MathF.Atan2(MathF.Sin(d), MathF.Cos(d));
        }
        Assert.InRange(MathF.Abs(total) * 180 / MathF.PI, 340, 380);
    }

    /// <summary>Poses of both partners in this actor's frame: the partner stands PartnerDistance ahead, turned round, playing <see cref="MotionClip.AsPartner"/>.</summary>
    static (Vector3[] Me, Vector3[] Partner) Both(MotionClip c, float t)
    {
        var me = At(c, t);
        var turn = Quaternion.CreateFromAxisAngle(Vector3.UnitY, MathF.PI);
        var partner = At(c.AsPartner(), t).Select(p => Vector3.Transform(p, turn) + new Vector3(0, 0, c.PartnerDistance!.Value)).ToArray();
        return (me, partner);
    }

    [Fact]
    public void Pairs_declare_their_distance_and_only_pairs_do()
    {
        string[] pairs = ["handshake", "hug", "boxing exchange", "sword fight", "dance together"];
        foreach (var c in ProceduralMotions.All)
            Assert.True(pairs.Contains(c.Name) == c.PartnerDistance is not null, c.Name);
        Assert.InRange(ProceduralMotions.Find("hug")!.PartnerDistance!.Value, 0.3f, 0.55f);
        Assert.InRange(ProceduralMotions.Find("handshake")!.PartnerDistance!.Value, 0.6f, 1.0f);
        Assert.True(ProceduralMotions.Find("sword fight")!.PartnerDistance > ProceduralMotions.Find("boxing exchange")!.PartnerDistance);
    }

    [Fact]
    public void Handshake_right_hands_meet_at_the_partner_distance()
    {
        var c = ProceduralMotions.Find("handshake")!;
        var (me, partner) = Both(c, 1.5f);
        float gap = Vector3.Distance(me[Skeleton.RightWrist], partner[Skeleton.RightWrist]);
        Assert.InRange(gap, 0.06f, 0.2f); // a hand's length apart: the palms overlap between the wrists
        Assert.InRange(me[Skeleton.RightWrist].Y, 0.85f, 1.2f);
        var (me0, partner0) = Both(c, 0);
        Assert.True(Vector3.Distance(me0[Skeleton.RightWrist], partner0[Skeleton.RightWrist]) > 0.4f, "hands apart before the shake");
    }

    [Fact]
    public void Hug_arms_close_round_the_partners_back()
    {
        var c = ProceduralMotions.Find("hug")!;
        var (me, partner) = Both(c, 2.0f);
        foreach (int w in new[] { Skeleton.LeftWrist, Skeleton.RightWrist })
        {
            // Behind the partner's chest (the partner faces −Z here) and within its shoulders' width of its spine.
            Assert.True(me[w].Z > partner[Skeleton.Spine3].Z - 0.02f, $"{Skeleton.Names[w]} at z {me[w].Z:F2}, partner chest {partner[Skeleton.Spine3].Z:F2}");
            Assert.True(MathF.Abs(me[w].X - partner[Skeleton.Spine3].X) < 0.3f);
            Assert.InRange(me[w].Y, partner[Skeleton.Pelvis].Y, partner[Skeleton.Head].Y);
        }
        // The trunks do not pass through each other.
        Assert.True(partner[Skeleton.Spine3].Z - me[Skeleton.Spine3].Z > 0.18f, $"chests {me[Skeleton.Spine3].Z:F2} / {partner[Skeleton.Spine3].Z:F2}");
    }

    [Fact]
    public void Boxing_exchange_punches_land_at_the_partners_head_in_turn()
    {
        var c = ProceduralMotions.Find("boxing exchange")!;
        Assert.Equal(c.Duration / 2, c.PartnerTimeOffset, 3);
        foreach (var (t, wrist) in new[] { (0.31f, Skeleton.LeftWrist), (0.81f, Skeleton.RightWrist) })
        {
            var (me, partner) = Both(c, t);
            float d = Vector3.Distance(me[wrist], partner[Skeleton.Head]);
            Assert.True(d < 0.25f, $"{Skeleton.Names[wrist]} lands {d:F2} m from the partner's head");
            // Meanwhile the partner's fists are up at its own chin, guarding, not punching.
            Assert.True(Vector3.Distance(partner[Skeleton.LeftWrist], partner[Skeleton.Head]) < 0.35f);
        }
    }

    [Fact]
    public void Swords_meet_between_the_fighters_and_the_waltz_keeps_the_couple_together()
    {
        var sword = ProceduralMotions.Find("sword fight")!;
        float d = sword.PartnerDistance!.Value;
        var (me, partner) = Both(sword, 0.6f);
        // The sword hands, mirrored, stop a blade's reach short of the middle: the blades cross there.
        Assert.InRange(me[Skeleton.RightWrist].Z, d / 2 - 0.6f, d / 2 - 0.25f);
        Assert.InRange(Vector3.Distance(me[Skeleton.RightWrist], partner[Skeleton.RightWrist]), 0.5f, 1.2f);

        var waltz = ProceduralMotions.Find("dance together")!;
        for (float t = 0; t < waltz.Duration; t += 0.25f)
        {
            var (a, b) = Both(waltz, t);
            var gap = b[Skeleton.Pelvis] - a[Skeleton.Pelvis];
            Assert.True(MathF.Abs(gap.X) < 0.03f && MathF.Abs(gap.Z - waltz.PartnerDistance!.Value) < 0.03f, $"t {t}: partners drift to {gap}");
            Assert.True(Vector3.Distance(a[Skeleton.RightWrist], b[Skeleton.Spine3]) < 0.35f, $"t {t}: right hand off the partner's back");
        }
    }

    /// <summary>Every clip is found under at least three of its own phrasings (word matching, no embedder).</summary>
    [Theory]
    [MemberData(nameof(HumanClips))]
    public void Each_clip_is_retrieved_by_several_phrasings(string name)
    {
        var c = ProceduralMotions.Find(name)!;
        var hits = c.Labels.Where(l => MotionChooser.Choose(new MotionPlan { Description = l }, embedder: null).Name == name).ToList();
        Assert.True(hits.Count >= 3, $"{name}: only [{string.Join(", ", hits)}] of [{string.Join(", ", c.Labels)}] find it");
    }
}
