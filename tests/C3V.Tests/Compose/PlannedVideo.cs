using C3V.Annotations;
using C3V.Direct;
using C3V.Eval;
using C3V.Pipeline;
using C3V.Projects;

namespace C3V.Tests.Compose;

/// <summary>
/// A small real video made from a plan written by hand (the composer's input), placed by the rule planner and run
/// through the whole pipeline: what the composition tests measure on, from the annotations the render writes. A
/// plan written here tests plan → composition alone, whatever the language stage makes of a sentence.
/// </summary>
internal static class PlannedVideo
{
    /// <summary>The director that answers every prompt with one plan and places its actors as the rule planner does.</summary>
    sealed class FixedPlan(ScenePlan plan) : IDirector
    {
        readonly RuleDirector rules = new();
        public string Name => "fixed-plan";
        public Task<ScenePlan> PlanAsync(string prompt, CancellationToken cancellation = default) => Task.FromResult(plan);
        public Task<Placement> PlaceAsync(PlacementRequest request, CancellationToken cancellation = default) => rules.PlaceAsync(request, cancellation);
    }

    public static ActorPlan Actor(string id, string motion, bool travels = false, ActorCategory category = ActorCategory.Human,
        MotionSpeed speed = MotionSpeed.Normal, string? target = null, SpatialHint? start = null, SpatialHint? end = null, int order = 0,
        PathShape path = PathShape.Auto, double height = 1.75, IReadOnlyList<MotionPlan>? then = null) => new()
    {
        Id = id, Description = "a " + id, Noun = id, Category = category, HeightMeters = height, Target = target, Start = start, End = end, Order = order,
        Motion = new MotionPlan { Description = motion, Travels = travels, Speed = speed, Path = travels ? path : PathShape.InPlace },
        Then = then ?? [],
    };

    public static ActorRelation Relation(RelationKind kind, string[] actors, string? obj = null, Interaction? with = null) =>
        new() { Kind = kind, Actors = actors, Object = obj, Interaction = with };

    public static ScenePlan Plan(string scene, IReadOnlyList<ActorPlan> actors, IReadOnlyList<ActorRelation>? relations = null) => new()
    {
        Version = ScenePlan.CurrentVersion, Prompt = "(a plan written by a test)", Scene = new SceneSpec { Description = scene },
        Actors = actors, Relations = relations ?? [],
    };

    /// <summary>Generates the plan's video (draft, GIF) in a temporary folder and returns its annotations, one view per actor id.</summary>
    public static async Task<Video> MakeAsync(ScenePlan plan, double seconds = 3, int fps = 8, int size = 128)
    {
        var root = Path.Combine(Path.GetTempPath(), "c3v-planned-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var generator = new Generator(_ => new FixedPlan(plan), embedder: null, observer: null, ffmpeg: () => null);
            var settings = new GenerationSettings { Seed = 1, DurationSeconds = seconds, Fps = fps, Width = size, Height = size, Quality = "draft", Format = "gif" };
            var run = await generator.GenerateAsync(new GenerateRequest("planned", Path.Combine(root, "p"), Force: true, settings));
            var ann = AnnotationJson.Load(run.Annotations!);
            return new Video(ann, ann.Actors.ToDictionary(a => a.Id, a => new ActorTrackView(ann, a)));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    public sealed record Video(VideoAnnotations Annotations, IReadOnlyDictionary<string, ActorTrackView> Actors)
    {
        public ActorTrackView this[string id] => Actors[id];
    }
}
