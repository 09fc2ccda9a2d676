using System.Globalization;
using System.Text;
using System.Text.Json;
using C3V.Direct;
using C3V.Direct.Rules;
using Microsoft.Extensions.AI;

namespace C3V.Models.Chat;

/// <summary>
/// The method's LLM director over any <see cref="IChatClient"/>: one schema-constrained request decomposes
/// the prompt; placement asks step by step with the rendered view attached — (1) scale, (2) start box,
/// (3) end box, (4) N waypoints — in one conversation, each answer validated (inside the image, ordered, sane
/// sizes). An invalid answer gets one repair round quoting the error; a second failure falls back to the
/// embedded planner for that step, with a warning. Every exchange goes to the transcript verbatim.
/// </summary>
public sealed class ChatDirector : IDirector
{
    readonly ChatSession session;
    readonly RuleDirector rules;
    readonly Action<string> warn;

    public ChatDirector(IChatClient client, string name, string model, string endpoint, ChatDirectorOptions? options = null,
        ITranscriptSink? transcript = null, Action<string>? warn = null, RuleDirector? fallback = null)
    {
        Name = name;
        session = new ChatSession(client, model, endpoint, options ?? new ChatDirectorOptions(), transcript);
        rules = fallback ?? new RuleDirector();
        this.warn = warn ?? (_ => { });
    }

    public string Name { get; }

    bool SeesImage => !session.Options.DescribeImageInWords;
    bool toldBlind;

    const string PlanSystem =
        "You are the director of a short 3D video. Decompose the user's prompt into one scene and its actors. " +
        "Each actor is one individual: 'two robots' are two actors with ids robot-1 and robot-2. For each actor give " +
        "its noun phrase with attributes as the description, its category, its real standing height in metres, its motion " +
        "(travels = true when it moves across the scene), and where it starts and ends when the prompt says so: a landmark " +
        "of the scene, another actor's id, or a region of the image. When an actor's action is aimed at another actor ('waves at him', " +
        "'talks to the woman'), give that actor's id as its target. Different actors acting one after another ('then') get increasing order; " +
        "one actor doing several things in turn ('stretches, then jogs away') has its first motion as motion and the rest, in order, in then. " +
        "Give a motion's count ('twice' = 2), speed ('slowly', 'sprints') and image direction ('from left to right', 'toward the camera') when said. " +
        "'Three children: one runs, one jumps' are three actors, each with its own motion; 'two runners race, one fast and one slow' are two " +
        "runners with speeds fast and slow. Ids come from the head noun ('five pigeons peck' = pigeon-1..pigeon-5). Every person, animal, " +
        "vehicle or moved thing the prompt names is an actor, also as an object ('hugs her daughter', 'kicks a ball', 'stands next to a car'); " +
        "furniture and buildings are landmarks; a likeness ('a toy train', 'a stone lion') is not an actor. The agent of a passive ('a cat is chased by a dog', " +
        "'a ball kicked by a boy') is an actor doing the action. A companion ('with her dog', 'with a dog far behind him', 'with a cat nearby') is an actor; " +
        "a vehicle ridden ('rides a bicycle') travels with its rider. 'Runs faster than his father' makes the father an actor running at speed slow " +
        "(the subject fast); 'overtakes a walking man' gives the man the motion walking (slow) and the overtaker fast. " +
        "'After B, A' and 'A after B' give B's actors the lower order. Put how actors stand or move relative to each other " +
        "or to the camera ('side by side', 'in a row', 'facing each other', 'left of', 'toward', 'follows', 'chases') and what they do together " +
        "('shake hands', 'box') in relations. The scene is the place phrase only ('a snowy mountain slope'); 'at night' or 'at sunset' is its lighting. " +
        "List the scene's landmarks the prompt names. Answer with one JSON object only.";

    public async Task<ScenePlan> PlanAsync(string prompt, CancellationToken cancellation = default)
    {
        if (string.IsNullOrWhiteSpace(prompt)) throw new Common.C3VException("the prompt is empty");
        var conversation = new List<ChatMessage>
        {
            new(ChatRole.System, PlanSystem),
            new(ChatRole.User, $"Prompt: {prompt}\nJSON schema of the answer: {PlanJson.SchemaFor<PlanAnswer>().ToJsonString()}"),
        };
        var answer = await session.AskAsync<PlanAnswer>("plan", conversation, a => PlanJson.PlanProblem(ToPlan(prompt, a)), cancellation,
            resolve: PlanIds.Resolve).ConfigureAwait(false);
        if (answer.Value is { } value)
        {
            foreach (var c in answer.Conversions) warn($"{Name}'s plan was read leniently: {c}");
            return ToPlan(prompt, value);
        }
        warn($"{Name} gave no valid plan twice ({answer.Error}); the embedded rule parser planned the prompt instead");
        return rules.Plan(prompt);
    }

    static ScenePlan ToPlan(string prompt, PlanAnswer a) => new()
    {
        Version = ScenePlan.CurrentVersion,
        Prompt = prompt,
        Scene = a.Scene,
        Actors = a.Actors,
        DurationSeconds = a.DurationSeconds ?? 4,
        Camera = a.Camera ?? CameraMove.Static,
        Relations = a.Relations,
    };

    public async Task<Placement> PlaceAsync(PlacementRequest request, CancellationToken cancellation = default)
    {
        var planner = rules.Planner;
        var ctx = planner.Prepare(request);
        var actor = request.Actor;
        int w = request.Camera.Width, h = request.Camera.Height, n = request.WaypointCount;
        var answers = new List<StepAnswer>();
        var warnings = new List<string>();
        string stage = $"place/{actor.Id}";
        var conversation = new List<ChatMessage>
        {
            new(ChatRole.System, "You are the director of a short 3D video. You place actors in a rendered image of the scene, " +
                "one step at a time. Pixel coordinates: x grows to the right from 0 to the image width, y grows downwards from 0 " +
                "to the image height; a box is [left, top, right, bottom] and spans the actor from head to feet. Answer with one JSON object only."),
            SeesImage
                ? new(ChatRole.User, [new DataContent(request.Reference.EncodePng(), "image/png"), new TextContent(Brief(request) + "\n\n" + ScaleQuestion())])
                : new(ChatRole.User, Brief(request) + "\n" + ViewInWords.Describe(request, ctx.Walkable) + "\n\n" + ScaleQuestion()),
        };
        if (!SeesImage && !toldBlind)
        {
            toldBlind = true;
            warn($"{Name} has no image input (no projector): the reference view is described to it in words (landmark boxes, ground region)");
        }


        // (1) scale
        var scaleAnswer = await session.AskAsync<ScaleAnswer>($"{stage}/scale", conversation, _ => null, cancellation, (w, h)).ConfigureAwait(false);
        Lenient(scaleAnswer, PlacementStep.Scale);
        double scale = scaleAnswer.Value?.Scale ?? FallBack(PlacementStep.Scale, scaleAnswer.Error, () => planner.Scale(ctx), warnings);
        answers.Add(Step(PlacementStep.Scale, scaleAnswer.Value is null ? StepSource.PlannerFallback : scaleAnswer.Source, scaleAnswer.Raw, scaleAnswer.Value is null ? new { scale } : null));

        // (2) start box
        conversation.Add(new ChatMessage(ChatRole.User, StartQuestion(request, scale)));
        var startAnswer = await session.AskAsync<BoxAnswer>($"{stage}/start", conversation, a => CheckBox(a.Box, w, h, scale * h), cancellation, (w, h),
            schema: StepSchemas.Box(w, h)).ConfigureAwait(false);
        Lenient(startAnswer, PlacementStep.Start);
        var start = startAnswer.Value?.Box ?? FallBack(PlacementStep.Start, startAnswer.Error, () => planner.StartBox(ctx, scale), warnings);
        answers.Add(Step(PlacementStep.Start, startAnswer.Value is null ? StepSource.PlannerFallback : startAnswer.Source, startAnswer.Raw, startAnswer.Value is null ? new { box = start } : null));

        PixelBox end;
        IReadOnlyList<PixelBox> waypoints;
        if (!actor.Moving.Travels || actor.Moving.Path == PathShape.InPlace)
        {
            // An actor that stays put ends where it starts: no question to ask.
            end = start;
            waypoints = Enumerable.Repeat(start, n).ToList();
            answers.Add(Step(PlacementStep.End, StepSource.Planner, "", new { box = end }));
            answers.Add(Step(PlacementStep.Waypoints, StepSource.Planner, "", new { waypoints }));
        }
        else
        {
            // (3) end box
            conversation.Add(new ChatMessage(ChatRole.User, EndQuestion(request)));
            var endAnswer = await session.AskAsync<BoxAnswer>($"{stage}/end", conversation, a => CheckBox(a.Box, w, h, null) ?? CheckEnd(a.Box, start), cancellation, (w, h),
                schema: StepSchemas.Box(w, h)).ConfigureAwait(false);
            Lenient(endAnswer, PlacementStep.End);
            end = endAnswer.Value?.Box ?? FallBack(PlacementStep.End, endAnswer.Error, () => planner.EndBox(ctx, start), warnings);
            answers.Add(Step(PlacementStep.End, endAnswer.Value is null ? StepSource.PlannerFallback : endAnswer.Source, endAnswer.Raw, endAnswer.Value is null ? new { box = end } : null));

            // (4) N waypoints
            conversation.Add(new ChatMessage(ChatRole.User, WaypointsQuestion(request, start, end)));
            var pathAnswer = await session.AskAsync<WaypointsAnswer>($"{stage}/waypoints", conversation, a => CheckWaypoints(a.Waypoints, n, start, end, w, h), cancellation, (w, h),
                schema: StepSchemas.Waypoints(n, w, h)).ConfigureAwait(false);
            Lenient(pathAnswer, PlacementStep.Waypoints);
            waypoints = pathAnswer.Value is { } p
                ? [start, .. p.Waypoints.Skip(1).Take(n - 2), end]
                : FallBack(PlacementStep.Waypoints, pathAnswer.Error, () => planner.Waypoints(ctx, start, end, n), warnings);
            answers.Add(Step(PlacementStep.Waypoints, pathAnswer.Value is null ? StepSource.PlannerFallback : pathAnswer.Source, pathAnswer.Raw, pathAnswer.Value is null ? new { waypoints } : null));
        }

        return new Placement
        {
            ActorId = actor.Id,
            ReferenceView = request.ReferenceView,
            ViewWidth = w,
            ViewHeight = h,
            Scale = Math.Round(Math.Clamp(scale, 0.005, 2), 4),
            Start = start,
            End = end,
            Waypoints = waypoints,
            Producer = Name,
            Answers = answers,
            Warnings = [.. ctx.Warnings, .. warnings],
        };

        // values the model gave in another form (boxes normalised or as {x, y, w, h}) change what it said: say so
        void Lenient<T>(ChatSession.Answer<T> a, PlacementStep step) where T : class
        {
            foreach (var c in a.Conversions)
            {
                string message = $"{Name}'s {Names(step)} answer for '{actor.Id}' was read leniently: {c}";
                warnings.Add(message);
                warn(message);
            }
        }

        T FallBack<T>(PlacementStep step, string? error, Func<T> plan, List<string> list)
        {
            string message = $"{Name} answered the {Names(step)} step for '{actor.Id}' invalidly twice ({error}); the embedded planner answered that step";
            list.Add(message);
            warn(message);
            return plan();
        }
    }

    static readonly JsonSerializerOptions Compact = new(PlanJson.Options) { WriteIndented = false };

    /// <summary>A step's record: the model's verbatim text, or the planner's result as JSON when it stood in.</summary>
    static StepAnswer Step(PlacementStep step, StepSource source, string raw, object? plannerValue) => new()
    {
        Step = step,
        Source = source,
        Raw = plannerValue is null ? raw : JsonSerializer.Serialize(plannerValue, Compact),
    };

    static string Names<T>(T value) => JsonSerializer.Serialize(value, PlanJson.Options).Trim('"');

    static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The scene, the landmarks and actors in view, and the actor to place with its hints.</summary>
    static string Brief(PlacementRequest r)
    {
        int w = r.Camera.Width, h = r.Camera.Height;
        var a = r.Actor;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"The image is the rendered scene \"{r.Plan.Scene.Description}\", {w}×{h} pixels.");
        var visible = r.Landmarks.Where(l => l.IsVisible(w, h)).ToList();
        if (visible.Count > 0)
            sb.Append(" Landmarks (where they touch the ground): " + string.Join("; ", visible.Select(l => $"{l.Name} at ({F(l.Pixel.X)}, {F(l.Pixel.Y)})")) + ".");
        foreach (var p in r.Placed)
            sb.Append(CultureInfo.InvariantCulture, $" Actor '{p.ActorId}' is already placed, from box {p.Start} to box {p.End}; keep clear of it.");
        sb.Append(CultureInfo.InvariantCulture, $"\nPlace the actor '{a.Id}': {a.Description}, about {F(a.HeightMeters)} m tall, {a.Motion.Description}");
        sb.Append(a.Moving.Travels ? $" (it moves across the scene{(a.Moving.Path is PathShape.Auto ? "" : $", path: {Names(a.Moving.Path)}")})." : " (it stays in place).");
        if (a.Start is { } s) sb.Append(" It starts " + HintText(s) + ".");
        if (a.End is { } e) sb.Append(" It ends " + HintText(e) + ".");
        sb.Append(" Its feet must stand on the ground and the whole actor must stay inside the image. We go in four steps.");
        return sb.ToString();
    }

    static string HintText(SpatialHint h)
    {
        var parts = new List<string>();
        string rel = h.Relation switch
        {
            SpatialRelation.Near => "near",
            SpatialRelation.InFrontOf => "in front of",
            SpatialRelation.Behind => "behind",
            SpatialRelation.LeftOf => "left of",
            SpatialRelation.RightOf => "right of",
            SpatialRelation.On => "on",
            _ => "at",
        };
        if (h.Landmark is { } l) parts.Add($"{rel} the {l}");
        if (h.Actor is { } other) parts.Add($"{rel} actor '{other}'");
        if (h.Region is { } region) parts.Add($"in the {Names(region)} part of the image");
        return string.Join(", ", parts);
    }

    static string ScaleQuestion() =>
        "Step 1 of 4, scale: how tall does the actor appear at its start, as a fraction of the image height (0.01 to 1)? " +
        "Judge from its real height and the size of things around it in the image. Answer {\"scale\": number}.";

    static string StartQuestion(PlacementRequest r, double scale) =>
        $"Step 2 of 4, start box: the actor's bounding box when the video starts, [left, top, right, bottom] in pixels, " +
        $"about {F(scale * r.Camera.Height)} pixels tall, the bottom edge where its feet touch the ground" +
        (r.Actor.Start is { } s ? $", {HintText(s)}" : "") + ". Answer {\"box\": [left, top, right, bottom]}.";

    static string EndQuestion(PlacementRequest r) =>
        "Step 3 of 4, end box: the actor's bounding box when the video ends" + (r.Actor.End is { } e ? $", {HintText(e)}" : "") +
        ". Size it by perspective (bigger nearer the camera, lower in the image). Answer {\"box\": [left, top, right, bottom]}.";

    static string WaypointsQuestion(PlacementRequest r, PixelBox start, PixelBox end) =>
        $"Step 4 of 4, path: give exactly {r.WaypointCount} boxes from the start box {start} to the end box {end}, the first equal " +
        "to the start box and the last to the end box, along a smooth natural path on the ground" +
        (r.Actor.Moving.Path is PathShape.Auto ? "" : $" ({Names(r.Actor.Moving.Path)})") +
        ", sized by perspective, clear of other actors and inside the image. Answer {\"waypoints\": [[left, top, right, bottom], ...]}.";

    /// <summary>Inside the image, ordered, of a sane size (near the asked height when one was asked).</summary>
    internal static string? CheckBox(PixelBox b, int w, int h, double? expectedHeight)
    {
        if (b.Problem(w, h) is { } p) return $"the box {p}";
        if (b.Height < 0.01 * h) return $"the box {b} is only {F(b.Height)} pixels tall; an actor needs at least {F(0.01 * h)}";
        double aspect = b.Width / b.Height;
        if (aspect is < 0.08 or > 4) return $"the box {b} has width/height {F(aspect)}, not the shape of an actor (0.08 to 4)";
        if (expectedHeight is { } e && (b.Height < 0.5 * e || b.Height > 2 * e))
            return $"the box {b} is {F(b.Height)} pixels tall but the scale you gave means about {F(e)}";
        return null;
    }

    internal static string? CheckEnd(PixelBox end, PixelBox start)
    {
        double ratio = end.Height / start.Height;
        return ratio is < 0.2 or > 5 ? $"the end box is {F(ratio)} times as tall as the start box {start}; perspective alone cannot explain that" : null;
    }

    internal static string? CheckWaypoints(IReadOnlyList<PixelBox> list, int n, PixelBox start, PixelBox end, int w, int h)
    {
        if (list.Count != n) return $"expected exactly {n} boxes, got {list.Count}";
        for (int i = 0; i < list.Count; i++)
            if (CheckBox(list[i], w, h, null) is { } p) return $"waypoint {i}: {p}";
        float tol = 0.1f * MathF.Max(w, h);
        if (System.Numerics.Vector2.Distance(list[0].BottomCenter, start.BottomCenter) > tol) return $"the first box {list[0]} should be the start box {start}";
        if (System.Numerics.Vector2.Distance(list[^1].BottomCenter, end.BottomCenter) > tol) return $"the last box {list[^1]} should be the end box {end}";
        for (int i = 1; i < list.Count; i++)
            if (System.Numerics.Vector2.Distance(list[i].BottomCenter, list[i - 1].BottomCenter) > 0.5f * MathF.Max(w, h))
                return $"waypoints {i - 1} and {i} are more than half the image apart; the path must be smooth";
        return null;
    }
}
