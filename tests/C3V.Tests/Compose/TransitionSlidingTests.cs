using System.Numerics;
using C3V.Actors;
using C3V.Compose;
using Xunit.Abstractions;

namespace C3V.Tests.Compose;

/// <summary>
/// Foot sliding across the blend from one in-place clip into the next (MotionSequence cross-fades over 0.3 s): while a
/// foot stays on the floor its ground point must not wander, also when the two clips stand with different stances.
/// </summary>
public class TransitionSlidingTests(ITestOutputHelper output)
{
    static readonly Skeleton S = Skeleton.Default;

    /// <summary>
    /// The largest horizontal drift of a foot while it stays on the floor (toe and ankle within 2 cm of their rest
    /// heights; no speed gate, which would hide a fast slide), over <paramref name="from"/>..<paramref name="to"/> seconds.
    /// </summary>
    static float Drift(MotionClip clip, float from, float to)
    {
        var local = new Quaternion[Skeleton.JointCount];
        var rot = new Quaternion[Skeleton.JointCount];
        var pos = new Vector3[Skeleton.JointCount];
        var rest = S.RestPositions;
        float worst = 0;
        Vector2?[] start = [null, null];
        for (float t = from; t <= to; t += 1 / 60f)
        {
            S.ForwardKinematics(local, clip.SampleInto(t, local, S), rot, pos);
            foreach (var (f, toe, ankle) in new[] { (0, Skeleton.LeftFoot, Skeleton.LeftAnkle), (1, Skeleton.RightFoot, Skeleton.RightAnkle) })
            {
                bool down = pos[toe].Y - rest[toe].Y < 0.02f && pos[ankle].Y - rest[ankle].Y < 0.02f;
                if (!down) { start[f] = null; continue; }
                var g = new Vector2(pos[toe].X, pos[toe].Z);
                start[f] ??= g;
                worst = MathF.Max(worst, Vector2.Distance(g, start[f]!.Value));
            }
        }
        return worst;
    }

    /// <summary>
    /// From a narrow stance into a wide one (idle into the kung fu horse stance, into hip hop's wide bounce) and back
    /// from a wide one: across each blend, a foot on the floor drifts less than 3 cm, the bound every clip's own
    /// planted feet keep (HumanMotionTests.Planted_feet_do_not_slide); a cross-fade alone would slide the feet the
    /// whole difference between the stances (10 to 20 cm) in 0.3 s.
    /// </summary>
    [Theory]
    [InlineData("idle", "kung fu")]
    [InlineData("wave", "dance hip hop")]
    [InlineData("kung fu", "idle")]
    [InlineData("squat", "clap")]
    public void Feet_step_rather_than_slide_into_a_new_stance(string first, string second)
    {
        var a = ProceduralMotions.Find(first)!;
        var b = ProceduralMotions.Find(second)!;
        var seq = MotionSequence.Build([new SegmentClip(a, false, Seconds: 2f), new SegmentClip(b, false)], 4f, null, S);
        float at = seq.Spans[1].Start;
        float drift = Drift(seq.Clip, at - 0.05f, at + MotionSequence.Blend + 0.1f);
        output.WriteLine($"{first} → {second}: {drift:F3} m");
        Assert.True(drift < 0.03f, $"{first} → {second}: a planted foot slides {drift:F3} m across the blend");
    }
}
