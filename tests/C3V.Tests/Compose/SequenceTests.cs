using System.Numerics;
using C3V.Actors;
using C3V.Compose;

namespace C3V.Tests.Compose;

/// <summary>Issue 14 §3: in-place actions last the shot (looped or chained, with a count when given), sequences play in order.</summary>
public class SequenceTests
{
    const float Fps = 24;
    static readonly Skeleton S = Skeleton.Default;
    static MotionClip Clip(string name) => ProceduralMotions.Find(name)!;

    static ComposedActor Actor(params SegmentClip[] segments) =>
        new("a", TestActors.StickFigure(S), segments.FirstOrDefault(x => x.Travels)?.Clip ?? segments[0].Clip, segments);

    /// <summary>Pelvis height over the video (the jump's signal) sampled at the composition's frames.</summary>
    static float[] PelvisHeights(ComposedActor actor, ActorTrack track)
    {
        var local = new Quaternion[Skeleton.JointCount];
        return track.Frames.Select(f => actor.SampleInto(f.MotionTime, f.Rest, local).Y).ToArray();
    }

    /// <summary>How many times the pelvis rises well above standing and comes back down.</summary>
    static int Jumps(float[] heights)
    {
        float standing = heights.Min(), top = heights.Max(), mid = standing + 0.5f * (top - standing);
        int count = 0;
        for (int i = 1; i < heights.Length; i++) if (heights[i - 1] < mid && heights[i] >= mid) count++;
        return count;
    }

    static ActorTrack Compose(ComposedActor actor, float seconds, params Vector3[] path)
    {
        var scene = new ComposeScene(TestActors.Camera(), 0f, 10f, seconds, Fps);
        var layout = new ActorLayout("a", path.Length > 1 ? path : [path[0], path[0]], 1f);
        return Composer.Compose(scene, [(actor, layout)]).Actors[0];
    }

    [Fact]
    public void A_one_shot_jump_in_place_is_chained_over_the_whole_shot()
    {
        Assert.True(MotionSequence.EndsAsItBegan(Clip("jump")));
        var actor = Actor(new SegmentClip(Clip("jump"), false));
        var track = Compose(actor, 6f, Vector3.Zero);
        int jumps = Jumps(PelvisHeights(actor, track));
        Assert.True(jumps >= 2, $"the jump should repeat over 6 s, jumped {jumps} time(s)");
        // still jumping in the last second, not standing after one cycle
        var last = PelvisHeights(actor, track)[^(int)Fps..];
        Assert.True(last.Max() - last.Min() > 0.1f);
    }

    [Fact]
    public void A_count_repeats_the_action_that_many_times()
    {
        var actor = Actor(new SegmentClip(Clip("jump"), false, Count: 2), new SegmentClip(Clip("wave"), false));
        var track = Compose(actor, 8f, Vector3.Zero);
        Assert.Equal(2, Jumps(PelvisHeights(actor, track)));
        var spans = actor.Sequence!.Spans;
        Assert.Equal(["jump", "wave"], spans.Select(x => x.Name));
        Assert.Equal(2 * Clip("jump").Duration, spans[0].End - spans[0].Start, 2);
        Assert.Equal(8f, spans[^1].End, 1); // the wave fills the rest
        // the annotations' segments: the jumps first, the wave after, together covering the video
        var times = actor.Sequence.TimesIn(track, Fps).ToList();
        Assert.Equal([0, 1], times.Select(x => x.Index));
        Assert.Equal(0, times[0].Start, 2);
        Assert.Equal(times[0].End, times[1].Start, 1);
        Assert.Equal(8, times[1].End, 1);
    }

    [Fact]
    public void A_count_is_kept_when_the_video_is_short_and_the_rest_is_shortened()
    {
        var jump = Clip("jump");
        var actor = Actor(new SegmentClip(jump, false, Count: 2), new SegmentClip(Clip("bow"), false));
        var track = Compose(actor, 2 * jump.Duration + 1f, Vector3.Zero);
        Assert.Equal(2, Jumps(PelvisHeights(actor, track)));
        Assert.Equal(2 * jump.Duration, actor.Sequence!.Spans[0].End, 2);
    }

    [Theory]
    [InlineData(3, 3f)]
    [InlineData(4, 4f)]
    public void A_count_longer_than_the_shot_is_played_faster_so_every_repetition_is_seen(int count, float seconds)
    {
        var jump = Clip("jump");
        Assert.True(count * jump.Duration > seconds, "the case needs a count that does not fit at the clip's own pace");
        var actor = Actor(new SegmentClip(jump, false, Count: count));
        var track = Compose(actor, seconds, Vector3.Zero);
        Assert.Equal(count, Jumps(PelvisHeights(actor, track)));
    }

    [Fact]
    public void Sitting_down_holds_its_end_instead_of_standing_up_again()
    {
        Assert.False(MotionSequence.EndsAsItBegan(Clip("sit down")));
        var actor = Actor(new SegmentClip(Clip("sit down"), false));
        var heights = PelvisHeights(actor, Compose(actor, 6f, Vector3.Zero));
        Assert.True(heights[^1] < heights[0] - 0.2f, "the actor should still be seated at the end");
    }

    [Fact]
    public void A_lead_is_acted_in_place_then_the_actor_travels()
    {
        var actor = Actor(new SegmentClip(Clip("stretch"), false), new SegmentClip(Clip("jog"), true));
        var track = Compose(actor, 6f, new Vector3(0, 0, 0), new Vector3(2, 0, 1), new Vector3(4, 0, 2), new Vector3(6, 0, 3));
        float lead = actor.Sequence!.Lead;
        Assert.InRange(lead, 1f, 3.1f);
        int leadFrames = (int)(lead * Fps) - 1;
        // standing while stretching, moving afterwards: turning from the camera toward the way it will go pivots on a
        // planted foot, which moves the pelvis by at most twice the foot's offset from it
        Assert.True(Vector3.Distance(track.Frames[0].Position, track.Frames[leadFrames].Position) < 0.3f);
        Assert.True(Vector3.Distance(track.Frames[leadFrames].Position, track.Frames[^1].Position) > 3f);
        Assert.All(track.Frames.Take(leadFrames + (int)Fps), f => Assert.Equal(0f, f.Rest, 2)); // not blended into standing while stretching or setting off
        // clip time runs on without a jump at the hand-over
        for (int f = 1; f < track.Frames.Count; f++)
            Assert.True(track.Frames[f].MotionTime - track.Frames[f - 1].MotionTime is >= -1e-4f and < 0.2f);
    }

    [Fact]
    public void After_arriving_the_actor_acts_its_next_motion_instead_of_standing()
    {
        var actor = Actor(new SegmentClip(Clip("walk"), true), new SegmentClip(Clip("wave"), false));
        var track = Compose(actor, 6f, new Vector3(0, 0, 0), new Vector3(1, 0, 0), new Vector3(2, 0, 0));
        var spans = actor.Sequence!.Spans;
        Assert.Equal(["walk", "wave"], spans.Select(s => s.Name));
        Assert.All(track.Frames, f => Assert.True(f.Rest < 0.5f));
        Assert.True(track.Frames[^1].MotionTime > spans[1].Start + 0.5f);
    }

    [Fact]
    public void A_chained_turn_spins_on_instead_of_snapping_back()
    {
        var turn = Clip("turn around");
        Assert.True(MotionSequence.EndsAsItBegan(turn));
        var actor = Actor(new SegmentClip(turn, false, Count: 2));
        actor.Timing(0, 2 * turn.Duration, 1f);
        var clip = actor.Sequence!.Clip;
        float total = TrackBuilder.Wrap(clip.HeadingAt(clip.FrameCount - 1) - clip.HeadingAt(0));
        // two half turns: facing the way it began (a full turn), having passed the back at the middle
        float middle = MathF.Abs(TrackBuilder.Wrap(clip.HeadingAt(clip.FrameCount / 2) - clip.HeadingAt(0)));
        Assert.True(MathF.Abs(total) < 0.5f && middle > 2.5f, $"total {total}, middle {middle}");
    }
}
