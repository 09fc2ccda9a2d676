using System.Numerics;
using C3V.Actors;
using C3V.Compose;

namespace C3V.Tests.Compose;

/// <summary>Open travels (<see cref="OpenPaths"/>): the shot keeps the plan's order of speeds when a way is cut short.</summary>
public class OpenPathsTests
{
    static ComposedActor Mover(string id, float pace) =>
        new(id, TestActors.StickFigure(Skeleton.Default), TestActors.Walk(Skeleton.Default), pace: pace);

    static ActorLayout Line(string id, float length) =>
        new(id, Enumerable.Range(0, 20).Select(i => new Vector3(length * i / 19f, 0, 3)).ToList(), 1f);

    static float Length(ActorLayout l) => Enumerable.Range(1, l.Waypoints.Count - 1).Sum(i => Vector3.Distance(l.Waypoints[i - 1], l.Waypoints[i]));

    [Fact]
    public void A_slower_open_travel_covers_no_more_than_its_share_of_a_faster_one_cut_short()
    {
        // "a courier runs while a tourist ambles": the runner's way ended at the edge of the view after 5 m
        var actors = new[] { Mover("courier", 2.6f), Mover("tourist", 0.9f) };
        var layouts = new[] { Line("courier", 5f), Line("tourist", 4f) };
        var kept = OpenPaths.KeepPaceOrder(layouts, actors, [true, true]);
        Assert.Equal(5f, Length(kept[0]), 2);
        Assert.InRange(Length(kept[1]), 0.9f * 5f / 2.6f * 0.98f, 0.9f * 5f / 2.6f * 1.02f);
        Assert.Equal(layouts[1].Waypoints[0], kept[1].Waypoints[0]);
        Assert.Equal(20, kept[1].Waypoints.Count);
    }

    [Fact]
    public void A_fixed_end_or_an_equal_pace_is_left_as_drawn()
    {
        var actors = new[] { Mover("courier", 2.6f), Mover("tourist", 0.9f), Mover("guide", 0.95f) };
        var layouts = new[] { Line("courier", 5f), Line("tourist", 4f), Line("guide", 4f) };
        // the tourist walks to a landmark (its end is fixed); the guide goes at about the tourist's pace
        var kept = OpenPaths.KeepPaceOrder(layouts, actors, [true, false, true]);
        Assert.Same(layouts[1], kept[1]);
        // but the guide is still slower than the courier
        Assert.True(Length(kept[2]) < 4f);
        var equal = OpenPaths.KeepPaceOrder([Line("a", 5f), Line("b", 6f)], [Mover("a", 1.3f), Mover("b", 1.4f)], [true, true]);
        Assert.Equal(6f, Length(equal[1]), 2);
    }
}
