using System.Numerics;
using C3V.Actors;
using C3V.Compose;
using C3V.Direct;

namespace C3V.Tests.Compose;

/// <summary>Issue 14 §3: relations become geometry in the camera's view, and actors never stand or pass inside each other.</summary>
public class RelationLayoutTests
{
    const float Fps = 24;
    static readonly C3V.Render.Camera View = TestActors.Camera(); // at z = −6 looking along +Z: camera right is −X

    static ComposedActor Actor(string id, string clip) => new(id, TestActors.StickFigure(Skeleton.Default), ProceduralMotions.Find(clip)!);
    static ActorLayout Still(string id, Vector3 at) => new(id, Enumerable.Repeat(at, 20).ToList(), 1f);
    static ActorLayout Line(string id, Vector3 from, Vector3 to) => new(id, Enumerable.Range(0, 20).Select(i => Vector3.Lerp(from, to, i / 19f)).ToList(), 1f);
    static float ScreenX(Vector3 p) => View.Project(p).Pixel.X;
    static float Ground(Vector3 a, Vector3 b) => new Vector2(a.X - b.X, a.Z - b.Z).Length();

    static ActorRelation Rel(RelationKind kind, string[] actors, string? obj = null, Interaction? with = null) =>
        new() { Kind = kind, Actors = actors, Object = obj, Interaction = with };

    [Theory]
    [InlineData(Interaction.Handshake, 0.8, 1.2)]
    [InlineData(Interaction.Boxing, 1.0, 1.5)]
    [InlineData(Interaction.SwordFight, 1.5, 2.5)]
    public void Actors_facing_each_other_stand_at_the_interactions_distance_and_face_each_other(Interaction interaction, double min, double max)
    {
        var actors = new[] { Actor("a", "punch"), Actor("b", "punch") };
        // placed on top of each other, as a careless director might
        var layouts = new[] { Still("a", new Vector3(0, 0, 2)), Still("b", new Vector3(0.1f, 0, 2)) };
        var (result, facing) = RelationLayout.Apply([Rel(RelationKind.FacesEachOther, ["a", "b"], with: interaction)], actors, layouts, View);
        float d = Ground(result[0].Waypoints[0], result[1].Waypoints[0]);
        Assert.InRange(d, min, max);
        Assert.Equal("b", facing["a"]);
        Assert.Equal("a", facing["b"]);
        // composed, each turns to the other (yaw within 20° of the direction to it)
        var scene = new ComposeScene(View, 0f, 10f, 2f, Fps);
        var comp = Composer.Compose(scene, [(actors[0], result[0]), (actors[1], result[1])], targets: facing);
        var fa = comp.Actors[0].Frames[^1];
        var fb = comp.Actors[1].Frames[^1];
        float want = TrackBuilder.YawOf(fb.Position - fa.Position, 0);
        Assert.True(MathF.Abs(TrackBuilder.Wrap(fa.Yaw - want)) < 0.35f);
    }

    [Fact]
    public void Side_by_side_travellers_walk_parallel_paths_about_a_metre_apart_at_one_pace()
    {
        var actors = new[] { Actor("a", "jog"), Actor("b", "jog") };
        // they were drawn crossing each other in opposite directions
        var layouts = new[] { Line("a", new Vector3(-3, 0, 3), new Vector3(3, 0, 3)), Line("b", new Vector3(3, 0, 3.5f), new Vector3(-3, 0, 3.5f)) with { Scale = 1.05f } };
        var (result, _) = RelationLayout.Apply([Rel(RelationKind.SideBySide, ["a", "b"])], actors, layouts, View);
        Assert.Equal(result[0].Scale, result[1].Scale);
        for (int i = 0; i < 20; i++) Assert.InRange(Ground(result[0].Waypoints[i], result[1].Waypoints[i]), 0.9, 1.3);
        var da = result[0].Waypoints[^1] - result[0].Waypoints[0];
        var db = result[1].Waypoints[^1] - result[1].Waypoints[0];
        Assert.True(Vector3.Dot(Vector3.Normalize(da), Vector3.Normalize(db)) > 0.99f); // same way, not crossing
        var scene = new ComposeScene(View, 0f, 10f, 4f, Fps);
        var comp = Composer.Compose(scene, [(actors[0], result[0]), (actors[1], result[1])]);
        for (int f = 0; f < comp.FrameCount; f += 6) Assert.InRange(Ground(comp.Actors[0].Frames[f].Position, comp.Actors[1].Frames[f].Position), 0.8, 1.4);
    }

    [Fact]
    public void A_row_is_evenly_spaced_across_the_view_in_order()
    {
        var ids = new[] { "a", "b", "c", "d" };
        var actors = ids.Select(id => Actor(id, "idle")).ToArray();
        var layouts = ids.Select((id, i) => Still(id, new Vector3(0.2f * i, 0, 2 + 0.7f * i))).ToArray();
        var (result, _) = RelationLayout.Apply([Rel(RelationKind.InARow, ids)], actors, layouts, View);
        var xs = result.Select(l => ScreenX(l.Waypoints[0])).ToArray();
        for (int i = 1; i < 4; i++) Assert.True(xs[i] > xs[i - 1], "a row runs left to right in the listed order");
        var gaps = Enumerable.Range(1, 3).Select(i => Ground(result[i].Waypoints[0], result[i - 1].Waypoints[0])).ToArray();
        Assert.True(gaps.Max() - gaps.Min() < 0.01f && gaps.Min() >= 1.2f);
    }

    [Theory]
    [InlineData(RelationKind.LeftOf)]
    [InlineData(RelationKind.RightOf)]
    public void Left_and_right_are_the_cameras(RelationKind kind)
    {
        var actors = new[] { Actor("a", "idle"), Actor("b", "idle") };
        // a starts on the wrong side
        float wrong = kind == RelationKind.LeftOf ? -1.5f : 1.5f; // camera right is −X here
        var layouts = new[] { Still("a", new Vector3(wrong, 0, 2)), Still("b", new Vector3(0, 0, 2)) };
        var (result, _) = RelationLayout.Apply([Rel(kind, ["a"], "b")], actors, layouts, View);
        float xa = ScreenX(result[0].Waypoints[0]), xb = ScreenX(result[1].Waypoints[0]);
        Assert.True(kind == RelationKind.LeftOf ? xa < xb : xa > xb);
    }

    [Fact]
    public void A_follower_walks_the_leaders_path_behind_it()
    {
        var actors = new[] { Actor("dog", "walk"), Actor("cat", "walk") };
        var layouts = new[] { Line("dog", new Vector3(2, 0, 5), new Vector3(1, 0, 5)), Line("cat", new Vector3(-1, 0, 2), new Vector3(-1, 0, 6)) };
        var (result, _) = RelationLayout.Apply([Rel(RelationKind.Follows, ["dog"], "cat")], actors, layouts, View);
        var dog = result[0].Waypoints;
        Assert.True(dog[0].Z < 2 - 1f, "the follower starts behind the leader");
        Assert.All(dog, p => Assert.InRange(p.X, -1.05f, -0.95f)); // on the leader's line
        Assert.True(Ground(dog[^1], new Vector3(-1, 0, 6)) >= 1.5f);
    }

    [Fact]
    public void Nobody_starts_or_passes_inside_another()
    {
        var actors = new[] { Actor("runner", "run"), Actor("sitter", "sit down"), Actor("stander", "idle") };
        var layouts = new[]
        {
            Line("runner", new Vector3(-3, 0, 3), new Vector3(3, 0, 3)),   // runs straight through both
            Still("sitter", new Vector3(0, 0, 3)),
            Still("stander", new Vector3(0.1f, 0, 3.05f)),                  // and these two overlap
        };
        var (result, _) = RelationLayout.Apply([], actors, layouts, View);
        var girth = actors.Select(a => a.CapsuleRadius).ToArray();
        var scene = new ComposeScene(View, 0f, 10f, 4f, Fps);
        var comp = Composer.Compose(scene, actors.Select((a, i) => (a, result[i])).ToList());
        for (int f = 0; f < comp.FrameCount; f++)
            for (int i = 0; i < 3; i++)
                for (int j = i + 1; j < 3; j++)
                    Assert.True(Ground(comp.Actors[i].Frames[f].Position, comp.Actors[j].Frames[f].Position) >= girth[i] + girth[j],
                        $"frame {f}: {actors[i].Id} and {actors[j].Id} overlap");
    }
}
