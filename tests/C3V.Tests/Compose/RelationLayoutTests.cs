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

    [Fact]
    public void An_overtaker_starts_behind_goes_faster_the_same_way_and_ends_ahead()
    {
        // "a courier on foot overtakes a postman": drawn on crossing ways, at one walking pace
        var actors = new[] { Actor("courier", "jog"), Actor("postman", "walk") };
        var layouts = new[] { Line("courier", new Vector3(2, 0, 3), new Vector3(-2, 0, 5)), Line("postman", new Vector3(-2, 0, 4), new Vector3(2, 0, 4)) };
        var related = RelationLayout.Apply([Rel(RelationKind.Past, ["courier"], "postman")], actors, layouts, View);
        Assert.Equal("postman", related.PacedBy["courier"]);
        var comp = Composer.Compose(new ComposeScene(View, 0f, 10f, 4f, Fps), [(actors[0], related.Layouts[0]), (actors[1], related.Layouts[1])], pacedBy: related.PacedBy);
        var c = comp.Actors[0].Frames; var p = comp.Actors[1].Frames;
        var way = Vector3.Normalize(p[^1].Position - p[0].Position);
        Assert.True(Vector3.Dot(c[0].Position - p[0].Position, way) < -0.5f, "starts behind");
        Assert.True(Vector3.Dot(c[^1].Position - p[^1].Position, way) > 0.5f, "ends ahead");
        Assert.True(Vector3.Dot(Vector3.Normalize(c[^1].Position - c[0].Position), way) > 0.95f, "the same way");
        float Travelled(IReadOnlyList<ActorFrame> f) => Enumerable.Range(1, f.Count - 1).Sum(i => Ground(f[i].Position, f[i - 1].Position));
        Assert.True(Travelled(c) >= 1.3f * Travelled(p), $"faster: {Travelled(c):0.0} m vs {Travelled(p):0.0} m in the same time");
        for (int f = 0; f < comp.FrameCount; f++) Assert.True(Ground(c[f].Position, p[f].Position) >= 0.6f, $"frame {f}: passes beside it, not through it");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Actors_far_apart_stand_several_metres_apart_across_the_view(bool group)
    {
        var actors = new[] { Actor("a", "idle"), Actor("b", "idle") };
        var layouts = new[] { Still("a", new Vector3(0.5f, 0, 3)), Still("b", new Vector3(-0.5f, 0, 3.5f)) };
        var relation = group ? Rel(RelationKind.FarFrom, ["a", "b"]) : Rel(RelationKind.FarFrom, ["a"], "b");
        var (result, _) = RelationLayout.Apply([relation], actors, layouts, View);
        Assert.True(Ground(result[0].Waypoints[0], result[1].Waypoints[0]) >= 4f);
        Assert.True(ScreenX(result[0].Waypoints[0]) < ScreenX(result[1].Waypoints[0]), "each keeps its side");
        // far apart already: left where they were
        var wide = new[] { Still("a", new Vector3(3, 0, 3)), Still("b", new Vector3(-3, 0, 3)) };
        Assert.Equal(wide[0].Waypoints[0], RelationLayout.Apply([relation], actors, wide, View).Layouts[0].Waypoints[0]);
    }

    [Fact]
    public void Partners_stand_where_their_two_person_clip_was_made_to_be_played()
    {
        var grapple = ProceduralMotions.Find("punch")!;
        var clip = new MotionClip("grapple", ["grapple"], grapple.Fps, grapple.Rotations, grapple.Root, true, grapple.Skeleton) { PartnerDistance = 0.7f };
        var skin = TestActors.StickFigure(Skeleton.Default);
        var actors = new[] { new ComposedActor("a", skin, clip), new ComposedActor("b", skin, clip) };
        var layouts = new[] { Still("a", new Vector3(0, 0, 3)), Still("b", new Vector3(0.2f, 0, 3)) };
        var (result, _) = RelationLayout.Apply([Rel(RelationKind.FacesEachOther, ["a", "b"], with: Interaction.Fighting)], actors, layouts, View);
        float want = MathF.Max(0.7f, 2 * actors[0].CapsuleRadius + 0.1f);
        Assert.Equal(want, Ground(result[0].Waypoints[0], result[1].Waypoints[0]), 2);
    }

    [Theory]
    [InlineData("chatting", 1.0, 1.4)]
    [InlineData("hugging", 0.3, 0.8)]
    public void One_who_talks_to_or_hugs_another_faces_it_at_the_actions_distance(string motion, double min, double max)
    {
        // "the baker chats with the mayor": the plan aims the baker's action at the mayor and says no relation
        var plan = PlannedVideo.Plan("a square", [PlannedVideo.Actor("baker", motion, target: "mayor"), PlannedVideo.Actor("mayor", "standing")]);
        var relations = RelationLayout.Implied(plan);
        var r = Assert.Single(relations);
        Assert.Equal(RelationKind.FacesEachOther, r.Kind);
        var actors = new[] { Actor("baker", "idle"), Actor("mayor", "idle") };
        var (result, facing) = RelationLayout.Apply(relations, actors, [Still("baker", new Vector3(2, 0, 3)), Still("mayor", new Vector3(-1.5f, 0, 5))], View);
        Assert.InRange(Ground(result[0].Waypoints[0], result[1].Waypoints[0]), min, max);
        Assert.Equal("mayor", facing["baker"]);
        // an action that is not done together ("waving at") leaves them where they are
        Assert.Empty(RelationLayout.Implied(PlannedVideo.Plan("a square", [PlannedVideo.Actor("baker", "waving", target: "mayor"), PlannedVideo.Actor("mayor", "standing")])));
    }
}
