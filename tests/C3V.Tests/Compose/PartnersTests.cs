using System.Numerics;
using C3V.Actors;
using C3V.Compose;
using C3V.Direct;

namespace C3V.Tests.Compose;

/// <summary>Issue 14 §3: a two-person action composes as an aligned pair — the second plays the partner's part, at the clip's distance.</summary>
public class PartnersTests
{
    static readonly C3V.Render.Camera View = TestActors.Camera();

    static ComposedActor InPlace(string id, MotionClip clip) =>
        new(id, TestActors.StickFigure(Skeleton.Default), clip, [new SegmentClip(clip, false)]);

    static ActorRelation Facing(string a, string b, Interaction with) => new() { Kind = RelationKind.FacesEachOther, Actors = [a, b], Interaction = with };

    static bool Idle(MotionClip c) => c.Name == ProceduralMotions.Idle(c.Rig).Name;

    [Fact]
    public void The_second_boxer_plays_the_exchange_half_a_beat_on_and_both_stand_at_the_clips_distance()
    {
        var bout = ProceduralMotions.Find("boxing exchange")!;
        Assert.True(bout.PartnerTimeOffset > 0 && bout.PartnerDistance is not null);
        var actors = new List<ComposedActor> { InPlace("red", bout), InPlace("blue", bout) };
        var partners = Partners.Pair([Facing("red", "blue", Interaction.Boxing)], actors, Idle);
        Assert.Equal(["blue"], partners);
        // the partner's field survive taking the travel out of the clip, so the layout puts them at the clip's distance
        Assert.NotNull(actors[1].PartnerDistance);
        var layouts = new[] { new ActorLayout("red", Enumerable.Repeat(new Vector3(0, 0, 3), 10).ToList(), 1f), new ActorLayout("blue", Enumerable.Repeat(new Vector3(0.2f, 0, 3), 10).ToList(), 1f) };
        var related = RelationLayout.Apply([Facing("red", "blue", Interaction.Boxing)], actors, layouts, View);
        float apart = Vector2.Distance(new(related.Layouts[0].Waypoints[0].X, related.Layouts[0].Waypoints[0].Z), new(related.Layouts[1].Waypoints[0].X, related.Layouts[1].Waypoints[0].Z));
        Assert.Equal(actors[0].PartnerDistance!.Value, apart, 2);
        // composed: at every frame blue's pose is red's pose the clip's offset later
        var comp = Composer.Compose(new ComposeScene(View, 0f, 10f, 3f, 10), [(actors[0], related.Layouts[0]), (actors[1], related.Layouts[1])]);
        Span<Quaternion> a = stackalloc Quaternion[Skeleton.JointCount], b = stackalloc Quaternion[Skeleton.JointCount];
        for (int f = 0; f < comp.FrameCount; f += 3)
        {
            var fr = comp.Actors[0].Frames[f]; var fb = comp.Actors[1].Frames[f];
            Assert.Equal(fr.MotionTime, fb.MotionTime, 3); // they start together
            actors[0].SampleInto((fr.MotionTime + bout.PartnerTimeOffset) % bout.Duration, fr.Rest, a);
            actors[1].SampleInto(fb.MotionTime, fb.Rest, b);
            for (int j = 1; j < Skeleton.JointCount; j++) Assert.True(MathF.Abs(Quaternion.Dot(a[j], b[j])) > 0.995f, $"frame {f}, joint {j}");
        }
    }

    [Fact]
    public void One_who_only_stands_by_joins_the_handshake_and_a_different_action_is_left_alone()
    {
        var shake = ProceduralMotions.Find("handshake")!;
        var idle = ProceduralMotions.Idle(BodyRig.Human);
        var actors = new List<ComposedActor> { InPlace("host", idle), InPlace("guest", shake) };
        Assert.Equal(["host"], Partners.Pair([Facing("host", "guest", Interaction.Handshake)], actors, Idle));
        Assert.Equal("handshake", actors[0].Segments![0].Clip.Name);

        var wave = ProceduralMotions.Find("wave")!;
        var others = new List<ComposedActor> { InPlace("host", wave), InPlace("guest", shake) };
        Assert.Empty(Partners.Pair([Facing("host", "guest", Interaction.Handshake)], others, Idle));
        Assert.Equal("wave", others[0].Segments![0].Clip.Name);
    }
}
