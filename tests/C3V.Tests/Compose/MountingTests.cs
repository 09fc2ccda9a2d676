using System.Numerics;
using C3V.Actors;
using C3V.Compose;
using C3V.Direct;
using static C3V.Tests.Compose.PlannedVideo;

namespace C3V.Tests.Compose;

/// <summary>Issue 14 §3: a rider is carried on its mount (on it, moving with it), not beside it.</summary>
public class MountingTests
{
    static readonly C3V.Render.Camera View = TestActors.Camera();

    [Fact]
    public void A_rider_is_read_from_a_rides_relation_an_on_hint_or_a_motion_that_rides_the_other_by_name()
    {
        var byMotion = Plan("a meadow", [Actor("ranger", "riding a camel", travels: true), Actor("camel", "walking", travels: true, category: ActorCategory.Animal)],
            [Relation(RelationKind.SideBySide, ["ranger", "camel"]), Relation(RelationKind.Toward, ["ranger"], "well")]);
        var mounts = Mounting.Of(byMotion);
        Assert.Equal("camel", mounts["ranger"]);
        // side by side with what it rides means nothing now; what it does to others, its mount does
        var carried = Mounting.Carried(byMotion.Relations, mounts);
        Assert.DoesNotContain(carried, r => r.Kind == RelationKind.SideBySide);
        Assert.Contains(carried, r => r.Kind == RelationKind.Toward && r.Actors.SequenceEqual(["camel"]) && r.Object == "well");

        var byHint = Plan("a street", [Actor("girl", "rolling", travels: true, start: new SpatialHint { Actor = "scooter", Relation = SpatialRelation.On }),
            Actor("scooter", "standing", category: ActorCategory.Object)]);
        Assert.Equal("scooter", Mounting.Of(byHint)["girl"]);
        var byRelation = Plan("a road", [Actor("postman", "waving"), Actor("moped", "driving", travels: true, category: ActorCategory.Object)],
            [Relation(RelationKind.Rides, ["postman"], "moped")]);
        Assert.Equal("moped", Mounting.Of(byRelation)["postman"]);
        // someone walking beside a horse does not ride it
        Assert.Empty(Mounting.Of(Plan("a meadow", [Actor("groom", "walking", travels: true), Actor("horse", "walking", travels: true, category: ActorCategory.Animal)])));
    }

    [Fact]
    public void A_rider_sits_on_its_horse_moving_and_turning_with_it_at_every_frame()
    {
        var horse = new ComposedActor("horse", TestActors.StickFigure(QuadrupedSkeleton.Create(QuadrupedBuilds.All["horse"], 1.6f)), ProceduralMotions.Find("quadruped trot")!);
        var sit = Mounting.RidingClip(stands: false, ProceduralMotions.For(BodyRig.Human));
        var rider = new ComposedActor("rider", TestActors.StickFigure(Skeleton.Default), sit);
        // the horse bends its way round; the rider was placed somewhere else entirely
        var way = Enumerable.Range(0, 20).Select(i => new Vector3(-3 + 0.3f * i, 0, 3 + MathF.Sin(i * 0.3f))).ToList();
        var layouts = Mounting.Ways([new ActorLayout("rider", Enumerable.Repeat(new Vector3(2, 0, 1), 20).ToList(), 1f), new ActorLayout("horse", way, 1f)],
            new Dictionary<string, string> { ["rider"] = "horse" });
        var comp = Composer.Compose(new ComposeScene(View, 0f, 10f, 3f, 10), [(rider, layouts[0]), (horse, layouts[1])],
            mounts: new Dictionary<string, string> { ["rider"] = "horse" });
        Span<Quaternion> local = stackalloc Quaternion[Skeleton.JointCount];
        for (int f = 0; f < comp.FrameCount; f++)
        {
            var r = comp.Actors[0].Frames[f]; var h = comp.Actors[1].Frames[f];
            var seat = h.Transform.Apply(horse.Seat);
            Assert.Equal(h.Yaw, r.Yaw, 4);
            Assert.True(Vector2.Distance(new(r.Position.X, r.Position.Z), new(seat.X, seat.Z)) < 0.01f, $"frame {f}: over the seat");
            // its pelvis rests on the horse's back, a thigh above it: well off the ground
            float pelvis = r.Position.Y + r.Scale * rider.SampleInto(r.MotionTime, r.Rest, local).Y;
            Assert.InRange(pelvis - seat.Y, 0, 0.15f);
            Assert.True(seat.Y > 1f);
        }
        // and it went where the horse went, not where it was placed
        Assert.True(Vector3.Distance(comp.Actors[0].Frames[^1].Position with { Y = 0 }, comp.Actors[1].Frames[^1].Position with { Y = 0 }) < 1.5f);
    }

    [Fact]
    public void A_deck_below_the_knee_is_stood_on_and_a_saddle_sat_on()
    {
        Assert.True(Mounting.StandsOn(0.12f, 1.7f));   // a skateboard
        Assert.False(Mounting.StandsOn(0.9f, 1.7f));   // a bicycle's saddle
        Assert.False(Mounting.StandsOn(1.5f, 1.7f));   // a horse's back
    }
}
