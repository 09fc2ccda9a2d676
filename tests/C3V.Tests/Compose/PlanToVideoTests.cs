using System.Numerics;
using C3V.Direct;
using C3V.Eval;
using static C3V.Tests.Compose.PlannedVideo;

namespace C3V.Tests.Compose;

/// <summary>
/// Issue 14 §3 end to end: a correct plan, written by hand, made into a real (small) video; the geometry the
/// annotations record honours it. Each scenario is a sentence of its own, not one of the eval sets'.
/// </summary>
public class PlanToVideoTests
{
    static void Holds(Outcome o, string what) => Assert.True(o.Passed, $"{what}: {o.Detail}");

    [Fact]
    public async Task A_listener_turns_to_the_one_who_talks_to_it_for_the_whole_shot()
    {
        // "a waiter talks to a chef": the waiter's action is aimed at the chef, who only stands there
        var v = await MakeAsync(Plan("a park lawn", [Actor("waiter", "talking", target: "chef"), Actor("chef", "standing")]));
        Holds(GeometryChecks.Faces(v["waiter"], v["chef"], atEnd: false), "waiter faces chef");
        Holds(GeometryChecks.Faces(v["chef"], v["waiter"], atEnd: false), "chef turns to the waiter");
        Assert.True(Fraction(v["waiter"], v["chef"], 45) >= 0.99, "from the first frame to the last");
    }

    [Fact]
    public async Task Actors_facing_each_other_in_place_face_each_other_in_every_frame_at_a_talking_distance()
    {
        var v = await MakeAsync(Plan("a park lawn", [Actor("knight", "waving"), Actor("farmer", "standing")],
            [Relation(RelationKind.FacesEachOther, ["knight", "farmer"], with: Interaction.Talking)]));
        Assert.True(Fraction(v["knight"], v["farmer"], 30) >= 0.99, "knight faces the farmer");
        Assert.True(Fraction(v["farmer"], v["knight"], 30) >= 0.99, "farmer faces the knight");
        Holds(GeometryChecks.DistanceBetween(v["knight"], v["farmer"], 0.8, 1.6, atEnd: false), "talking distance");
    }

    [Fact]
    public async Task Two_who_walk_to_meet_face_to_face_end_at_the_handshake_distance_facing_each_other()
    {
        // "two diplomats walk up to each other and shake hands"
        var v = await MakeAsync(Plan("a park lawn",
            [Actor("envoy", "walking", travels: true, start: new SpatialHint { Region = ImageRegion.Left }),
             Actor("consul", "walking", travels: true, start: new SpatialHint { Region = ImageRegion.Right })],
            [Relation(RelationKind.FacesEachOther, ["envoy", "consul"], with: Interaction.Handshake)]), seconds: 4);
        Holds(GeometryChecks.DistanceBetween(v["envoy"], v["consul"], 0.7, 1.3, atEnd: true), "handshake distance");
        Holds(GeometryChecks.Faces(v["envoy"], v["consul"], atEnd: true), "envoy faces consul");
        Holds(GeometryChecks.Faces(v["consul"], v["envoy"], atEnd: true), "consul faces envoy");
    }

    [Fact]
    public async Task Someone_who_walks_up_to_another_arrives_at_a_conversational_distance_facing_them()
    {
        var v = await MakeAsync(Plan("a park lawn",
            [Actor("postman", "walking", travels: true, end: new SpatialHint { Actor = "gardener", Relation = SpatialRelation.Near }), Actor("gardener", "standing")],
            [Relation(RelationKind.Toward, ["postman"], "gardener")]));
        Holds(GeometryChecks.Approaches(v["postman"], v["gardener"]), "approaches");
        Holds(GeometryChecks.DistanceBetween(v["postman"], v["gardener"], 0.6, 1.5, atEnd: true), "arrives close");
        Holds(GeometryChecks.Faces(v["postman"], v["gardener"], atEnd: true), "faces at the end");
    }

    [Fact]
    public async Task An_approach_after_acting_in_place_still_closes_the_distance()
    {
        // "a robot waves, then walks toward a boy"
        var v = await MakeAsync(Plan("a park lawn",
            [Actor("robot", "waving", category: ActorCategory.Robot, end: new SpatialHint { Actor = "boy", Relation = SpatialRelation.Near },
                then: [new MotionPlan { Description = "walking", Travels = true }]),
             Actor("boy", "standing")],
            [Relation(RelationKind.Toward, ["robot"], "boy")]), seconds: 4);
        Holds(GeometryChecks.Approaches(v["robot"], v["boy"]), "approaches");
    }

    [Fact]
    public async Task Left_of_holds_in_the_rendered_image_in_every_frame()
    {
        // "a drummer stands to the left of a singer"
        var v = await MakeAsync(Plan("a park lawn", [Actor("drummer", "standing"), Actor("singer", "singing")],
            [Relation(RelationKind.LeftOf, ["drummer"], "singer")]));
        Holds(GeometryChecks.LeftOf(v["drummer"], v["singer"], v.Annotations.Width), "left of");
    }

    [Fact]
    public async Task Right_of_holds_in_every_frame_while_both_walk()
    {
        // "a nurse walks to the right of a doctor"
        var v = await MakeAsync(Plan("a park lawn", [Actor("nurse", "walking", travels: true), Actor("doctor", "walking", travels: true)],
            [Relation(RelationKind.RightOf, ["nurse"], "doctor")]));
        Holds(GeometryChecks.LeftOf(v["doctor"], v["nurse"], v.Annotations.Width), "the doctor is left of the nurse");
        Holds(GeometryChecks.Travels(v["nurse"], 1), "the nurse walks");
    }

    [Fact]
    public async Task Travellers_side_by_side_go_abreast_about_a_metre_apart()
    {
        var v = await MakeAsync(Plan("a park lawn",
            [Actor("hiker-1", "walking", travels: true), Actor("hiker-2", "walking", travels: true)],
            [Relation(RelationKind.SideBySide, ["hiker-1", "hiker-2"])]));
        Holds(GeometryChecks.SideBySide(v["hiker-1"], v["hiker-2"]), "side by side");
    }

    [Fact]
    public async Task Runners_abreast_across_the_view_stay_abreast()
    {
        // "two soldiers run side by side from the right of the frame to the left"
        MotionPlan Run() => new() { Description = "running", Travels = true, Direction = ImageDirection.RightToLeft };
        ActorPlan Soldier(string id) => Actor(id, "running", travels: true) with
        {
            Motion = Run(), Start = new SpatialHint { Region = ImageRegion.Right }, End = new SpatialHint { Region = ImageRegion.Left },
        };
        var v = await MakeAsync(Plan("a park lawn", [Soldier("soldier-1"), Soldier("soldier-2")], [Relation(RelationKind.SideBySide, ["soldier-1", "soldier-2"])]));
        Holds(GeometryChecks.SideBySide(v["soldier-1"], v["soldier-2"]), "side by side");
    }

    [Fact]
    public async Task A_chaser_runs_behind_what_it_chases_facing_it_and_closing_in()
    {
        // "a dog chases a cat across the yard": the cat runs at its pace; the dog keeps behind it, never through it
        var v = await MakeAsync(Plan("a park lawn",
            [Actor("dog", "chasing the cat", travels: true, category: ActorCategory.Animal, height: 0.6, end: new SpatialHint { Actor = "cat" }),
             Actor("cat", "running", travels: true, category: ActorCategory.Animal, height: 0.3)],
            [Relation(RelationKind.Chases, ["dog"], "cat")]));
        Holds(GeometryChecks.Faces(v["dog"], v["cat"], atEnd: false), "the dog faces the cat");
        Holds(GeometryChecks.Follows(v["dog"], v["cat"]), "the cat stays ahead");
        var d = Enumerable.Range(0, v["dog"].Frames).Select(f => Vector2.Distance(v["dog"].Ground[f], v["cat"].Ground[f])).ToArray();
        Assert.True(d[^1] < d[0] - 0.5f, $"closes in: {d[0]:0.00} → {d[^1]:0.00} m");
        Assert.True(d.Min() > 0.4f, $"never runs into it ({d.Min():0.00} m)");
    }

    [Fact]
    public async Task Running_around_someone_circles_them()
    {
        // "a boy runs around his grandfather"
        var v = await MakeAsync(Plan("a park lawn", [Actor("boy", "running", travels: true, height: 1.3), Actor("grandfather", "standing")],
            [Relation(RelationKind.Around, ["boy"], "grandfather")]));
        var boy = v["boy"];
        var centre = v["grandfather"].Ground[0];
        var d = Enumerable.Range(0, boy.Frames).Select(f => Vector2.Distance(boy.Ground[f], centre)).ToArray();
        Assert.True(d.Min() > 0.5f && d.Max() < 3.5f, $"keeps round him: {d.Min():0.00}–{d.Max():0.00} m");
        // the angle it sweeps about him
        double swept = 0;
        for (int f = 1; f < boy.Frames; f++)
        {
            var a = boy.Ground[f - 1] - centre; var b = boy.Ground[f] - centre;
            swept += Math.Atan2(a.X * b.Y - a.Y * b.X, Vector2.Dot(a, b));
        }
        Assert.True(Math.Abs(swept) > Math.PI, $"goes at least half round ({Math.Abs(swept) * 180 / Math.PI:0}°)");
    }

    [Fact]
    public async Task Walking_past_someone_goes_by_them_close_and_on()
    {
        // "a mailman walks past a woman who reads"
        var v = await MakeAsync(Plan("a park lawn", [Actor("mailman", "walking", travels: true), Actor("reader", "reading")],
            [Relation(RelationKind.Past, ["mailman"], "reader")]));
        var m = v["mailman"]; var r = v["reader"].Ground[0];
        var d = Enumerable.Range(0, m.Frames).Select(f => Vector2.Distance(m.Ground[f], r)).ToArray();
        Assert.InRange(d.Min(), 0.6f, 1.6f);
        var dir = Vector2.Normalize(m.NetDisplacement);
        Assert.True(Vector2.Dot(m.Ground[0] - r, dir) < -0.5f && Vector2.Dot(m.Ground[^1] - r, dir) > 0.5f, "from before the reader to beyond her");
    }

    [Fact]
    public async Task A_travelling_row_keeps_even_gaps()
    {
        var ids = Enumerable.Range(1, 5).Select(i => $"goose-{i}").ToArray();
        var v = await MakeAsync(Plan("a park lawn", ids.Select(id => Actor(id, "walking", travels: true, path: PathShape.Across)).ToList(),
            [Relation(RelationKind.InARow, ids)]));
        Holds(GeometryChecks.InARow(ids.Select(id => v[id]).ToList()), "in a row");
    }

    [Fact]
    public async Task A_sprint_is_much_faster_than_a_stroll_and_a_slow_walk_is_slow()
    {
        var v = await MakeAsync(Plan("a park lawn",
            [Actor("athlete", "sprinting", travels: true, speed: MotionSpeed.Fast), Actor("grandpa", "strolling", travels: true, speed: MotionSpeed.Slow)]));
        Holds(GeometryChecks.Faster(v["athlete"], v["grandpa"]), "faster");
        // at cruise: a sprint about 6 m/s, a stroll under 1 m/s (the sprinter crosses the view in a second, then stands)
        Assert.InRange(CruiseSpeed(v["athlete"]), 4.5f, 8f);
        Assert.InRange(CruiseSpeed(v["grandpa"]), 0.5f, 1.1f);
        Assert.InRange(v["grandpa"].MeanSpeed(), 0.4f, 1.1f);
    }

    [Fact]
    public async Task A_small_body_walking_slowly_is_slower_than_an_adult_walking()
    {
        var v = await MakeAsync(Plan("a park lawn",
            [Actor("toddler", "walking", travels: true, speed: MotionSpeed.Slow, height: 0.9), Actor("mother", "walking", travels: true)]));
        Assert.InRange(CruiseSpeed(v["toddler"]), 0.2f, 0.8f);
        Assert.InRange(CruiseSpeed(v["mother"]), 0.95f, 1.6f);
    }

    /// <summary>Fastest ground speed over half-second windows (m/s): the pace while travelling, whatever it does after.</summary>
    static float CruiseSpeed(ActorTrackView a)
    {
        int k = Math.Max(1, (int)MathF.Round(a.Fps / 2));
        float best = 0;
        for (int f = 0; f + k < a.Frames; f++) best = MathF.Max(best, Vector2.Distance(a.Ground[f], a.Ground[f + k]) * a.Fps / k);
        return best;
    }

    [Fact]
    public async Task An_actor_who_only_watches_stays_put()
    {
        // "a guard watches a runner who runs past"
        var v = await MakeAsync(Plan("a park lawn",
            [Actor("guard", "watching", target: "runner"), Actor("runner", "running", travels: true)],
            [Relation(RelationKind.Past, ["runner"], "guard")]));
        Holds(GeometryChecks.Stays(v["guard"], 0.5), "the guard stays");
        Holds(GeometryChecks.Travels(v["runner"], 2), "the runner travels");
    }

    [Fact]
    public async Task A_later_actor_waits_for_an_earlier_in_place_action()
    {
        // "a coach claps, then two swimmers walk to the pool" (no travel before: the clap must still be seen first)
        var v = await MakeAsync(Plan("a park lawn",
            [Actor("coach", "clapping"), Actor("swimmer", "walking", travels: true, order: 1)]), seconds: 4);
        Holds(GeometryChecks.ActsBefore(v["coach"], v["swimmer"]), "the coach acts first");
        Holds(GeometryChecks.StartsMovingAfter(v["swimmer"], v["coach"]), "the swimmer moves after");
    }

    /// <summary>Share of frames in which <paramref name="a"/> faces <paramref name="b"/> within <paramref name="degrees"/>.</summary>
    static double Fraction(ActorTrackView a, ActorTrackView b, float degrees)
    {
        float cos = MathF.Cos(degrees * MathF.PI / 180);
        int n = 0;
        for (int f = 0; f < a.Frames; f++)
        {
            var to = b.Ground[f] - a.Ground[f];
            if (to.LengthSquared() > 1e-6f && Vector2.Dot(a.Facing[f], Vector2.Normalize(to)) >= cos) n++;
        }
        return n / (double)a.Frames;
    }
}
