using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Actors;
using C3V.Annotations;
using C3V.CameraPaths;
using C3V.Common;
using C3V.Compose;
using C3V.Direct;
using C3V.Output;
using C3V.Projects;
using C3V.Render;
using C3V.Splats;
using C3V.Splats.Formats;
using C3V.World;

namespace C3V.Pipeline;

/// <summary>What `generate` was asked.</summary>
public sealed record GenerateRequest(string Prompt, string Output, bool Force, GenerationSettings Settings);

/// <summary>One concept changed, as the edit verb and the studio's edit form take it (ID: actor id or 0-based index).</summary>
public record ConceptEdit
{
    public string? Actor { get; init; }
    public string? Object { get; init; }
    public string? Motion { get; init; }
    public string? Scene { get; init; }
    public string? Camera { get; init; }
    public string? AddActor { get; init; }
    public string? RemoveActor { get; init; }
    public bool Replace { get; init; }
}

/// <summary>What `edit` is asked: one concept, or a whole edited plan, or user-drawn placements.</summary>
public sealed record EditRequest : ConceptEdit
{
    public EditRequest() { }

    public EditRequest(ConceptEdit concept) : base(concept) { }

    /// <summary>A whole edited plan (the studio's plan form); what depends on the changed fields is recomputed.</summary>
    public ScenePlan? Plan { get; init; }
    /// <summary>User-drawn placements (boxes and waypoints in the reference view) replacing the director's for these actors:
    /// their paths are lifted, refined and composed again.</summary>
    public IReadOnlyList<Placement>? Placements { get; init; }
}

/// <summary>
/// The whole chain: direct → conceive (scene, actors, motions) → place → lift → refine → compose → render →
/// encode, writing a project folder. Every artefact is keyed by a hash of its inputs, so an edit (a changed
/// plan on an existing project) recomputes only what depends on the change.
/// </summary>
public sealed partial class Generator
{
    /// <summary>Versions of the stages as they are joined here; a change invalidates cached artefacts.</summary>
    public static readonly IReadOnlyDictionary<string, string> StageVersions = new Dictionary<string, string>
    {
        ["scene"] = "procedural-2", ["actor"] = "bodies-1", ["motion"] = "library-4", ["place"] = "3",
        ["lift"] = "1", ["refine"] = "2", ["compose"] = "8", ["render"] = "2",
    };

    readonly Func<ITranscriptSink, IDirector> _director;
    readonly ITextEmbedder? _embedder;
    readonly IPipelineObserver _observer;
    readonly Func<string?>? _ffmpeg;
    readonly GaussianRasterizer _rasterizer = new();
    readonly List<StageTiming> _timings = [];
    readonly List<string> _warnings = [];

    /// <summary>When set, every clip render adds its per-phase wall times to it (for <c>bench pipeline --profile</c>).</summary>
    public ClipProfile? RenderProfile { get; set; }

    /// <param name="director">Makes the director, given where its exchanges are to be recorded; one that is <see cref="IDisposable"/> (a loaded model) is disposed when the command ends.</param>
    /// <param name="ffmpeg">Finds ffmpeg (default <see cref="Ffmpeg.Locate"/>); returning null means it is missing.</param>
    public Generator(Func<ITranscriptSink, IDirector> director, ITextEmbedder? embedder, IPipelineObserver? observer = null, Func<string?>? ffmpeg = null)
    {
        _director = director;
        _embedder = embedder;
        _observer = observer ?? SilentObserver.Instance;
        _ffmpeg = ffmpeg;
    }

    // ───────────────────────────── generate ─────────────────────────────

    public async Task<RunSummary> GenerateAsync(GenerateRequest request, CancellationToken cancellation = default)
    {
        var total = Stopwatch.StartNew();
        var settings = Check(request.Settings);
        CheckPrompt(request.Prompt);
        var folder = ProjectFolder.CreateStaging(request.Output, request.Force);
        bool published = false;
        ProjectLock? held = null;
        try
        {
            // held to the end of the render: the project is published before it is rendered, and a --force
            // generation must not replace a project another command is changing
            held = ProjectLock.Acquire(folder.Target, "generate");
            var director = _director(new FolderTranscript(folder.Transcripts));
            using var owned = director as IDisposable;
            var plan = await Stage("direct", $"{director.Name}: decomposing the prompt", () => director.PlanAsync(request.Prompt.Trim(), cancellation));
            plan = WithSettings(plan, settings);
            var project = new ProjectFile { Version = ProjectFile.CurrentVersion, Prompt = request.Prompt.Trim(), Settings = settings, Plan = plan };
            var cache = new ArtefactCache();
            cache.Record("plan", new ArtefactRecord(InputHash.Of("plan", director.Name, request.Prompt.Trim())), reused: false);
            var built = await BuildAsync(folder, project, director, cache, cancellation);
            folder.Save(built.Project);
            folder.Publish();
            published = true;
            return RenderAndSave(folder, built, cache, "generate", null, replace: true, total, cancellation);
        }
        catch when (!published)
        {
            folder.Discard();
            throw;
        }
        finally { held?.Dispose(); }
    }

    // ───────────────────────────── edit ─────────────────────────────

    /// <summary>
    /// Applies one change and re-renders, as a <see cref="ProjectTransaction"/>: the project changes only if the
    /// whole edit, render included, succeeds.
    /// </summary>
    public async Task<RunSummary> EditAsync(string dir, EditRequest edit, CancellationToken cancellation = default)
    {
        var total = Stopwatch.StartNew();
        using var tx = ProjectTransaction.Begin(dir, "edit");
        var folder = tx.Folder;
        var previous = tx.Project;
        if (previous.Plan is null) throw new InvalidFileException(tx.Target, $"{ProjectFile.FileName}: $.plan: missing (the project was never planned)");
        var director = _director(new FolderTranscript(folder.Transcripts));
        using var owned = director as IDisposable;
        var (plan, settings, change) = await ApplyEditAsync(previous.Plan, previous.Settings, edit, director, cancellation);
        var project = previous with { Plan = plan, Settings = settings };
        var cache = new ArtefactCache(previous.Artefacts, folder.Root);
        cache.Record("plan", previous.Artefacts.GetValueOrDefault("plan") ?? new ArtefactRecord(InputHash.Of("plan", plan.Prompt)), reused: true);
        var drawn = edit.Placements is { } ps ? CheckPlacements(ps, plan, settings) : null;
        var built = await BuildAsync(folder, project, director, cache, cancellation, previous, drawn);
        var summary = RenderAndSave(folder, built, cache, "edit", change, edit.Replace, total, cancellation);
        tx.Commit();
        return summary;
    }

    /// <summary>
    /// Re-renders a project (e.g. after Ctrl-C, or with another camera or size) without regenerating, as a
    /// <see cref="ProjectTransaction"/>: the earlier render moves to renders/previous/ only with the new one complete.
    /// </summary>
    public async Task<RunSummary> RenderProjectAsync(string dir, string? camera, (int W, int H)? size, bool replace, CancellationToken cancellation = default)
    {
        var total = Stopwatch.StartNew();
        using var tx = ProjectTransaction.Begin(dir, "render-project");
        var folder = tx.Folder;
        var previous = tx.Project;
        if (previous.Plan is null) throw new InvalidFileException(tx.Target, $"{ProjectFile.FileName}: $.plan: missing (the project was never planned)");
        var settings = previous.Settings;
        if (camera is not null) settings = settings with { Camera = CameraPath.Name(CameraPath.Parse(camera)) };
        if (size is { } s) settings = settings with { Width = s.W, Height = s.H };
        settings = Check(settings);
        var project = previous with { Settings = settings, Plan = WithSettings(previous.Plan, settings) };
        var cache = new ArtefactCache(previous.Artefacts, folder.Root);
        var director = _director(new FolderTranscript(folder.Transcripts));
        using var owned = director as IDisposable;
        var built = await BuildAsync(folder, project, director, cache, cancellation, previous);
        var summary = RenderAndSave(folder, built, cache, "render-project", null, replace, total, cancellation);
        tx.Commit();
        return summary;
    }

    /// <summary>
    /// Opens a generated project's composed 4D scene without rendering it: the scene, the actors posed at any frame
    /// and the render camera's path (for the studio's 3D view). It works in an uncommitted transaction, so the
    /// project is never changed, even when an artefact has to be made again.
    /// </summary>
    public async Task<ComposedScene> OpenComposedAsync(string dir, CancellationToken cancellation = default)
    {
        using var tx = ProjectTransaction.View(dir);
        return await ComposeAsync(tx, cancellation);
    }

    async Task<ComposedScene> ComposeAsync(ProjectTransaction tx, CancellationToken cancellation)
    {
        var built = await BuildComposedAsync(tx, cancellation);
        return new ComposedScene(built.Scene, built.Actors, built.Composition, ShotPath(built, CameraPath.Parse(built.Project.Settings.Camera)),
            built.Scene.DefaultCamera(built.Project.Settings.Width, built.Project.Settings.Height));
    }

    /// <summary>
    /// Writes the composed 4D scene, one splat file per frame (scene + posed, placed actors), for other
    /// viewers: renders/frames-ply/ or renders/frames-spz/. Returns the folder. A <see cref="ProjectTransaction"/>:
    /// a failure or Ctrl-C leaves the project as it was.
    /// </summary>
    public async Task<string> ExportAsync(string dir, string format, CancellationToken cancellation = default)
    {
        format = format.Trim().ToLowerInvariant();
        if (format is not ("ply" or "spz")) throw new C3VException($"--frames: '{format}' is not ply or spz");
        using var tx = ProjectTransaction.Begin(dir, "export");
        var folder = tx.Folder;
        var composed = await ComposeAsync(tx, cancellation);
        var target = folder.PathOf($"renders/frames-{format}");
        var staging = target + ".partial";
        Directory.CreateDirectory(staging);
        int frames = composed.FrameCount;
        _observer.Started("export", $"{frames} frames as .{format}");
        for (int f = 0; f < frames; f++)
        {
            cancellation.ThrowIfCancellationRequested();
            SplatFile.Write(Path.Combine(staging, $"frame-{f:D5}.{format}"), GaussianCloud.Concat([composed.Scene.Cloud, composed.PosedActors(f)]));
            _observer.Progress("export", f + 1, frames);
        }
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.Move(staging, target);
        var published = folder.Published(target);
        tx.Commit();
        _observer.Finished("export", Path.GetRelativePath(tx.Target, published), reused: false);
        return published;
    }

    /// <summary>A generated project's composition rebuilt from its cached artefacts, in a transaction (for the exports).</summary>
    async Task<Built> BuildComposedAsync(ProjectTransaction tx, CancellationToken cancellation)
    {
        var folder = tx.Folder;
        var project = tx.Project;
        if (project.Plan is null || project.Composition is null)
            throw new InvalidFileException(tx.Target, $"{ProjectFile.FileName}: $.composition: missing (generate the project first)");
        var cache = new ArtefactCache(project.Artefacts, folder.Root);
        var director = _director(new FolderTranscript(folder.Transcripts));
        using var owned = director as IDisposable;
        return await BuildAsync(folder, project, director, cache, cancellation, project);
    }

    // ───────────────────────────── the chain ─────────────────────────────

    /// <summary>Everything the render needs, and the project file describing it.</summary>
    sealed record Built(ProjectFile Project, Scene Scene, IReadOnlyList<ComposedActor> Actors, Composition Composition, string CompositionKey);

    /// <param name="drawn">Placements the user drew, by actor id: they replace the director's (and are kept by later edits
    /// as long as the director's inputs for that actor do not change).</param>
    async Task<Built> BuildAsync(ProjectFolder folder, ProjectFile project, IDirector director, ArtefactCache cache,
        CancellationToken cancellation, ProjectFile? previous = null, IReadOnlyDictionary<string, Placement>? drawn = null)
    {
        var plan = project.Plan!;
        var s = project.Settings;
        var library = LoadLibrary(s.Library);

        // Scene: from its description and the seed (the user's library first); stored as assets/scene.ply.
        string sceneKey = InputHash.Of("scene", StageVersions["scene"], plan.Scene.Text, s.Seed, LibraryEntries(library, AssetKind.Scene));
        var scene = await Stage("scene", plan.Scene.Description, () => Task.FromResult(cache.GetOrCompute("scene", sceneKey,
            () =>
            {
                var made = new SceneFactory(_embedder, library).Create(plan.Scene.Text, s.Seed);
                SceneAsset.Save(made, folder.Root);
                return made;
            },
            _ => SceneAsset.Load(folder.Root), SceneAsset.CloudFile)), cache);
        foreach (var w in scene.Warnings) Warn(w);
        cancellation.ThrowIfCancellationRequested();

        // The reference view the director places actors in (rendered only when placement or lifting needs it:
        // an edit that reuses both never looks at it).
        var refCamera = scene.DefaultCamera(s.Width, s.Height);
        var reference = new Lazy<(Image Image, float[] Depth)>(() =>
        {
            var r = _rasterizer.Render([new CloudInstance(scene.Cloud)], refCamera, new RenderOptions { Background = scene.Background });
            var image = r.ToImage();
            image.SavePng(folder.PathOf("renders/reference.png"));
            return (image, (float[])r.Depth.Clone());
        });

        // Actors and motions.
        var actors = new List<ComposedActor>();
        var motionNames = new Dictionary<string, string>();
        var actorKeys = new Dictionary<string, string>();
        await Stage("actors", $"{plan.Actors.Count} actor(s)", () =>
        {
            for (int i = 0; i < plan.Actors.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                var a = plan.Actors[i];
                string file = $"assets/actor-{a.Id}{ActorAsset.Extension}";
                string key = InputHash.Of("actor", StageVersions["actor"], a.Description, a.Noun, a.Category, a.Attributes, a.Props, a.HeightMeters, s.Seed + i,
                    LibraryEntries(library, AssetKind.Actor));
                actorKeys[a.Id] = key;
                var skin = cache.GetOrCompute($"actor-{a.Id}", key, () =>
                {
                    // The user's library first (a matching glTF character), then a procedural avatar.
                    var made = new ActorFactory(_embedder, library).Create(ActorText(a), s.Seed + i, body: ActorKinds.BodyOf(a));
                    foreach (var note in made.Notes) Warn($"{a.Id}: {note}");
                    ActorAsset.Save(made.Cloud, folder.PathOf(file));
                    return made.Cloud;
                }, rec => ActorAsset.Load(folder.PathOf(rec.File ?? file)), file);
                // Motion: the user's library first, then the procedural clips; recorded by source so an edit reloads it.
                // The clip that sets the pace is the travelling motion's (else the first); the others are chosen alike below.
                var primary = a.Moving;
                var rig = ActorKinds.RigOf(a);
                string motionKey = InputHash.Of("motion", StageVersions["motion"], primary.Description, primary.Travels, primary.Speed, rig.ToString(), LibraryEntries(library, AssetKind.Motion), MotionChooser.ActorKey(a));
                MotionChoice? choice = null;
                if (cache.CanReuse($"motion-{a.Id}", motionKey) && previous?.Artefacts.GetValueOrDefault($"motion-{a.Id}")?.Value is { } source
                    && MotionChooser.Resolve(source, library) is { } again)
                    choice = new MotionChoice(again, source);
                bool motionReused = choice is not null;
                choice ??= MotionChooser.Choose(primary, _embedder, library, rig, a);
                var clip = choice.Clip;
                cache.Record($"motion-{a.Id}", new ArtefactRecord(motionKey, Value: choice.Source), motionReused);
                var segments = Segments(a, primary, clip, library, rig);
                var pace = PaceOf(primary, clip, skin.Skeleton, rig, rig == BodyRig.Human ? AvatarSpec.FromDescription(ActorText(a)).PaceFactor : 1f);
                motionNames[a.Id] = choice.Source + (segments is null ? "" : " | " + string.Join(" | ", segments.Select(x => $"{x.Name}×{x.Count}@{x.Rate}")))
                    + (pace is { } v ? $" @{v:0.###}m/s" : "");
                actors.Add(new ComposedActor(a.Id, skin, clip, segments, pace));
            }
            SeatRiders(plan, actors, motionNames);
            // a handshake, a hug, a bout: the second of the pair plays the partner's part of the same clip
            foreach (var id in Partners.Pair(RelationLayout.Implied(plan), actors, c => c.Name == ProceduralMotions.Idle(c.Rig).Name))
                motionNames[id] += " as partner";
            return Task.FromResult(0);
        }, cache);

        // Placement, one actor after the other (each sees the ones already placed).
        var landmarks = ProjectedLandmark.ProjectAll(scene.Landmarks, refCamera);
        var placements = new List<Placement>();
        var placeKeys = new List<string>();
        var layoutPlaceInputs = new List<string>();
        var prevPlacements = previous?.Placement?.Placements.ToDictionary(p => p.ActorId) ?? [];
        await Stage("place", $"{director.Name}: scale, start, end, waypoints", async () =>
        {
            foreach (var a in plan.Actors)
            {
                cancellation.ThrowIfCancellationRequested();
                // Not the actor's look (description, category, height): a new object keeps the path, as in the method.
                string key = InputHash.Of("place", StageVersions["place"], director.Name, sceneKey, s.Width, s.Height, a.Id,
                    a.Start, a.End, a.Moving.Travels, a.Moving.Path, a.Order, placeKeys);
                Placement placement;
                if (drawn?.GetValueOrDefault(a.Id) is { } mine)
                {
                    placement = mine;
                    cache.Record($"place-{a.Id}", new ArtefactRecord(key, Value: UserProducer), reused: false);
                }
                else if (cache.CanReuse($"place-{a.Id}", key) && prevPlacements.TryGetValue(a.Id, out var old))
                {
                    placement = old;
                    cache.Record($"place-{a.Id}", new ArtefactRecord(key), reused: true);
                }
                else
                {
                    placement = await director.PlaceAsync(new PlacementRequest
                    {
                        Plan = plan, Actor = a, Reference = reference.Value.Image, Depth = reference.Value.Depth, Camera = refCamera,
                        GroundHeight = scene.GroundHeight, Landmarks = landmarks, Placed = placements.ToList(),
                        IsWalkable = scene.Walkable.Contains,
                    }, cancellation);
                    cache.Record($"place-{a.Id}", new ArtefactRecord(key), reused: false);
                }
                foreach (var w in placement.Warnings) Warn($"{a.Id}: {w}");
                placements.Add(placement);
                placeKeys.Add(key);
                // A drawn placement's boxes are inputs of the path (the director's are fixed by its key already).
                layoutPlaceInputs.Add(placement.Producer == UserProducer ? InputHash.Of("drawn", key, placement.Start, placement.End, placement.Scale, placement.Waypoints) : key);
            }
            return 0;
        }, cache);

        // Lift and refine: the refined paths and scales. Keyed by the placements and the actors' looks but not by
        // their motions, so a new motion keeps the actor's path (as the method edits) and is only re-timed along it.
        string layoutKey = InputHash.Of("layout", StageVersions["lift"], StageVersions["refine"], layoutPlaceInputs, actorKeys.Values,
            s.DurationSeconds, s.Fps, s.Quality, s.Seed);
        var obstacles = scene.Walkable.Obstacles.Select(o => new Compose.Obstacle(scene.Ground.OnGround(o.Center.X, o.Center.Y), o.Radius)).ToList();
        var extent = ComposeScene.ExtentOf(scene.Cloud);
        ComposeScene SceneFor(float duration) => new(refCamera, scene.GroundHeight, extent, duration, s.Fps, obstacles, scene.Cloud);
        var refinement = new Dictionary<string, JsonNode>();
        IReadOnlyList<ActorLayout>? layouts = null;
        if (cache.CanReuse("layout", layoutKey) && previous is not null && plan.Actors.All(a => previous.Layouts.ContainsKey(a.Id)))
        {
            layouts = plan.Actors.Select(a => ToLayout(a.Id, previous.Layouts[a.Id])).ToList();
            foreach (var a in plan.Actors)
                if (previous.Refinement.TryGetValue(a.Id, out var r)) refinement[a.Id] = r.DeepClone();
            cache.Record("layout", new ArtefactRecord(layoutKey), reused: true);
            ReusedStage("refine", "lift, refine");
        }
        else
        {
            layouts = await Stage("refine", "lift, refine", () =>
            {
                var lifted = plan.Actors.Select((a, i) => Lifter.Lift(placements[i], reference.Value.Depth, refCamera, scene.GroundHeight, actors[i].Height)).ToList();
                var starts = actors.Select((c, i) => ActorLayout.FromLifted(c.Id, lifted[i])).ToList();
                var refine = Refiner.Refine(SceneFor((float)(s.DurationSeconds ?? NaturalDuration(actors, starts))),
                    actors.Select((c, i) => new RefineActor(c, starts[i], placements[i].Waypoints)).ToList(),
                    RefineOptionsFor(s), cancellation);
                foreach (var r in refine.Reports) refinement[r.ActorId] = r.ToJsonNode();
                return Task.FromResult(refine.Layouts);
            }, cache);
            cache.Record("layout", new ArtefactRecord(layoutKey), reused: false);
        }

        // Compose: each actor's motion timed along its path (cheap; redone whenever a motion or the timing changes).
        // open travels last the shot, then the plan's relations as geometry (side by side, facing each other at the
        // interaction's distance, …); the video's length is settled on the paths as drawn
        float composeDuration = (float)(s.DurationSeconds ?? NaturalDuration(actors, layouts));
        var opened = OpenPaths.KeepPaceOrder(layouts.Select((l, i) => Opened(plan.Actors[i], actors[i], l, composeDuration, refCamera)).ToList(),
            actors, plan.Actors.Select(a => OpenEnded(a) == true).ToList());
        // riders are carried by their mounts (which go their way), and what the plan says of a rider, its mount does
        var mounts = Mounting.Of(plan);
        var (related, facing, pacedBy, touching) = RelationLayout.Apply(Mounting.Carried(RelationLayout.Implied(plan), mounts), actors,
            Mounting.Ways(opened, mounts), refCamera, opened.Select((l, i) => plan.Actors[i].Start is null
                ? actors[i].TravelSpeed * l.Scale * MathF.Max(0, composeDuration - new TimingOptions().StopSeconds) : float.PositiveInfinity).ToList());
        var targets = FacingTargets.Of(plan, facing);
        // "then": the order of events in the prompt (actors later in it start once the earlier ones have arrived)
        var orders = plan.Actors.ToDictionary(a => a.Id, a => a.Order);
        string compKey = InputHash.Of("compose", StageVersions["compose"], layoutKey, motionNames.Values, s.DurationSeconds, s.Fps, targets, orders, pacedBy,
            PlanJson.Serialize(plan.Relations), touching, mounts);
        Composition composition;
        if (cache.CanReuse("composition", compKey) && previous?.Composition is { } oldComp)
        {
            composition = Composition.FromJsonNode(oldComp.DeepClone(), folder.ProjectJson);
            // the actors' sequence clips are laid out while timing: lay them out again, exactly as composing did
            Composer.Prepare(SceneFor(composeDuration), actors.Select((c, i) => (c, related[i])).ToList(), orders: orders, pacedBy: pacedBy, touching: touching, mounts: mounts);
            cache.Record("composition", new ArtefactRecord(compKey), reused: true);
            ReusedStage("compose", "time the motions along the paths");
        }
        else
        {
            composition = await Stage("compose", "time the motions along the paths", () =>
            {
                var composeScene = SceneFor(composeDuration);
                return Task.FromResult(Composer.Compose(composeScene, actors.Select((c, i) => (c, related[i])).ToList(), targets: targets, orders: orders, pacedBy: pacedBy,
                    touching: touching, mounts: mounts));
            });
            cache.Record("composition", new ArtefactRecord(compKey), reused: false);
        }

        var stages = StageVersions.ToDictionary(kv => kv.Key, kv => kv.Value);
        stages["direct"] = director.Name;
        var file = project with
        {
            Placement = new PlacementSet { Version = PlacementSet.CurrentVersion, ReferenceView = "default", ViewWidth = s.Width, ViewHeight = s.Height, Placements = placements },
            Composition = composition.ToJsonNode(),
            Refinement = refinement,
            Layouts = layouts.ToDictionary(l => l.ActorId, l => new LayoutRecord { Scale = l.Scale, Waypoints = l.Waypoints.Select(w => new[] { w.X, w.Y, w.Z }).ToList() }),
            Stages = stages,
            Artefacts = cache.Records.ToDictionary(kv => kv.Key, kv => kv.Value),
            PendingRender = "composed; render pending (run c3v render-project)",
        };
        return new Built(file, scene, actors, composition, compKey);
    }

    RunSummary RenderAndSave(ProjectFolder folder, Built built, ArtefactCache cache, string verb, string? change, bool replace,
        Stopwatch total, CancellationToken cancellation)
    {
        var s = built.Project.Settings;
        var format = s.Format switch { "gif" => VideoFormat.Gif, "png" => VideoFormat.Png, _ => VideoFormat.Mp4 };
        var comp = built.Composition;
        var path = ShotPath(built, CameraPath.Parse(s.Camera));
        string renderKey = InputHash.Of("render", StageVersions["render"], built.CompositionKey, s.Camera, s.Width, s.Height, s.Quality, s.Format);
        var sw = Stopwatch.StartNew();
        var frames = FrameCache.Open(folder.ResumableFramesParent, renderKey, s.Width, s.Height);
        int resumed = Math.Min(frames.CompletePrefix(), comp.FrameCount);
        _observer.Started("render", $"{comp.FrameCount} frames, {s.Width}×{s.Height}, {s.Camera} camera"
            + (resumed > 0 ? $", resuming after the {resumed} frames an interrupted render finished" : ""));
        using var writer = VideoOutput.Open(format, folder.PathOf("renders/video"), new ClipFormat(s.Width, s.Height, s.Fps), s.Quality != "draft", out var notice, _ffmpeg);
        if (notice is not null) Warn(notice);
        var recorder = new AnnotationRecorder(comp.FrameCount, built.Actors.Count);
        var request = new ClipRequest(built.Scene.Cloud, built.Scene.Background,
            built.Actors.Select(a => new RenderActor(a.Id, f => a.Instance(f))).ToList(), comp, path, Antialiased: true, Record: recorder.Record);
        IReadOnlyList<(Image Frame, string Label)> keys;
        try { keys = new ClipRenderer(_rasterizer).Render(request, writer, (d, n) => _observer.Progress("render", d, n), cancellation, frames, RenderProfile); }
        catch (OperationCanceledException)
        {
            throw new RenderInterruptedException(folder.Target, folder.IsStaging ? frames.Folder : null);
        }
        // Only now, with every frame rendered, does the earlier render make way for the new one.
        var kept = folder.RetireRender(built.Project.Render, replace);
        writer.Complete();
        frames.Delete();
        var sheetPath = "renders/contact-sheet.png";
        ContactSheet.Compose(keys).SavePng(folder.PathOf(sheetPath));
        AnnotationJson.Save(Annotate(built, recorder), folder.PathOf(AnnotationsFile));
        _observer.Finished("render", $"{Path.GetRelativePath(folder.Root, writer.OutputPath)} ({comp.FrameCount} frames)", reused: false);
        Time("render", sw, reused: false);
        cache.Record("render", new ArtefactRecord(renderKey, Path.GetRelativePath(folder.Root, writer.OutputPath)), reused: false);

        var videoRel = Path.GetRelativePath(folder.Root, writer.OutputPath).Replace('\\', '/');
        var history = built.Project.History.ToList();
        var summary = new RunSummary
        {
            Project = folder.Target, Video = folder.Published(writer.OutputPath), ContactSheet = folder.Published(folder.PathOf(sheetPath)),
            Annotations = folder.Published(folder.PathOf(AnnotationsFile)),
            Format = writer.Format.ToString().ToLowerInvariant(), Frames = comp.FrameCount,
            Reused = cache.Reused, Recomputed = cache.Recomputed, Warnings = _warnings.ToList(), PreviousRenders = kept,
            Stages = _timings.ToList(), Seconds = total.Elapsed.TotalSeconds, PeakMemoryMb = PeakMb(), ResumedFrames = resumed,
        };
        history.Add(new HistoryEntry { Verb = verb, Change = change, Utc = DateTimeOffset.UtcNow, Reused = summary.Reused, Recomputed = summary.Recomputed, Seconds = summary.Seconds });
        folder.Save(built.Project with
        {
            Artefacts = cache.Records.ToDictionary(kv => kv.Key, kv => kv.Value),
            Render = new RenderRecord
            {
                File = videoRel, Format = summary.Format!, Key = renderKey, Frames = comp.FrameCount, Width = s.Width, Height = s.Height,
                Fps = s.Fps, Camera = s.Camera, ContactSheet = sheetPath, Annotations = AnnotationsFile, CompletedUtc = DateTimeOffset.UtcNow,
            },
            PendingRender = null,
            History = history,
        });
        return summary;
    }

    // ───────────────────────────── helpers ─────────────────────────────

    /// <summary>
    /// The actor's motions as timed segments when it does several things in turn or acts in place (so an in-place
    /// action fills the shot, a count repeats it, a sequence plays in order); null for a single travelling motion,
    /// which its path times alone. <paramref name="primaryClip"/> is the one already chosen for <paramref name="primary"/>.
    /// </summary>
    List<SegmentClip>? Segments(ActorPlan a, MotionPlan primary, MotionClip primaryClip, AssetLibrary? library, BodyRig rig)
    {
        if (a.Segments.Count == 1 && primary.Travels) return null;
        return a.Segments.Select(m => new SegmentClip(
            ReferenceEquals(m, primary) ? primaryClip : MotionChooser.Choose(m, _embedder, library, rig, a).Clip,
            m.Travels && ReferenceEquals(m, primary), m.Count, m.Seconds is { } sec ? (float)sec : null,
            m.Travels ? 1f : m.Speed switch { MotionSpeed.Slow => 0.8f, MotionSpeed.Fast => 1.25f, _ => 1f })).ToList();
    }

    /// <summary>
    /// Every rider (<see cref="Mounting.Of"/>) made to ride: it plays the riding clip of its body's library (sitting on a
    /// high seat, standing on a low deck, by the real heights the plan gives), its own motion words naming what it rides.
    /// </summary>
    static void SeatRiders(ScenePlan plan, List<ComposedActor> actors, Dictionary<string, string> motionNames)
    {
        foreach (var (riderId, mountId) in Mounting.Of(plan))
        {
            int r = actors.FindIndex(a => a.Id == riderId), m = actors.FindIndex(a => a.Id == mountId);
            if (r < 0 || m < 0) continue;
            var mount = actors[m];
            float seat = mount.Seat.Y / mount.Height * (float)plan.Actors[m].HeightMeters;
            var clip = Mounting.RidingClip(Mounting.StandsOn(seat, (float)plan.Actors[r].HeightMeters), ProceduralMotions.For(ActorKinds.RigOf(plan.Actors[r])));
            actors[r] = new ComposedActor(riderId, actors[r].Skin, clip);
            motionNames[riderId] = clip.Name + " (riding " + mountId + ")";
        }
    }

    /// <summary>
    /// The speed the plan asks of the actor's travel (<see cref="Pace"/>): its gait word as a multiple of its body's
    /// walking speed (the rig's walk clip on this skeleton, slower for an old body: <paramref name="paceFactor"/>), scaled by a
    /// manner word; null when it says nothing of speed.
    /// </summary>
    static float? PaceOf(MotionPlan motion, MotionClip clip, Skeleton skeleton, BodyRig rig, float paceFactor)
    {
        if (!motion.Travels) return null;
        float OnThisBody(MotionClip c) => Pace.OnBody(c.NaturalSpeed, skeleton.HipHeight / c.Skeleton.HipHeight);
        var gaits = ProceduralMotions.For(rig);
        var walk = gaits.FirstOrDefault(c => c.Labels.Contains("walk"));
        float natural = OnThisBody(clip);
        // a four-legged body walks at its size's walking Froude number; a person at its walk clip's pace on this body
        float walking = rig == BodyRig.Quadruped ? Pace.AtFroude(Pace.FourLeggedWalkFroude, skeleton.HipHeight) : walk is null ? natural : OnThisBody(walk);
        if (Pace.For(motion, walking, natural, paceFactor, gaits) is { } asked) return asked;
        // nothing said of speed: the clip's own pace on this body — which its size changes (a horse's walk is not a
        // dog's walk made three times as big and fast) — unless that is the clip's pace played as made
        float linear = clip.NaturalSpeed * skeleton.HipHeight / clip.Skeleton.HipHeight;
        return linear > 0 && MathF.Abs(natural / linear - 1) > 0.15f ? natural : null;
    }

    /// <summary>
    /// The layout with a travel the prompt leaves open lengthened to last its time (<see cref="OpenPaths"/>): forward
    /// when no end is given or the end is "away", backward when only the other actor it heads for is.
    /// </summary>
    static ActorLayout Opened(ActorPlan a, ComposedActor actor, ActorLayout layout, float duration, Camera view)
    {
        if (OpenEnded(a) is not { } forward) return layout;
        float seconds = duration;
        if (actor.Segments is not null)
        {
            float length = new CatmullRomPath(layout.Waypoints).Length;
            actor.Timing(length, duration, layout.Scale);
            seconds = actor.Sequence?.Travel?.Duration ?? duration;
        }
        return OpenPaths.Extend(layout, actor, seconds, forward, feet => Seen(view, feet, actor.Height * layout.Scale), turn: a.Moving.Direction is null);
    }

    /// <summary>
    /// Which way the actor's travel is left open: true when its end is (no end, or "away"), false when only its start
    /// is (it heads for another actor from nowhere in particular), null when it does not travel or both are fixed.
    /// </summary>
    static bool? OpenEnded(ActorPlan a)
    {
        var m = a.Moving;
        if (!m.Travels || m.Path is PathShape.Around or PathShape.Zigzag or PathShape.InPlace) return null;
        if (a.End is null || a.End is { Landmark: null, Actor: null, Region: ImageRegion.Background }) return true;
        return a.Start is null && a.End?.Actor is not null ? false : null;
    }

    /// <summary>Whether an actor of <paramref name="height"/> standing at <paramref name="feet"/> is seen whole in <paramref name="view"/>, clear of a 5 % side margin.</summary>
    static bool Seen(Camera view, Vector3 feet, float height)
    {
        var (bottom, near) = view.Project(feet);
        var (top, _) = view.Project(feet + new Vector3(0, height, 0));
        float margin = 0.05f * view.Width, half = 0.25f * MathF.Abs(bottom.Y - top.Y);
        return near > 0 && top.Y >= 0 && bottom.Y <= view.Height && bottom.X - half >= margin && bottom.X + half <= view.Width - margin;
    }

    /// <summary>
    /// The camera path of a render: the reference view zoomed onto where the actors go, moved as the project's
    /// camera setting says. Renders and annotation exports share it, so both see through the same cameras.
    /// </summary>
    static CameraPath ShotPath(Built built, CameraKind kind)
    {
        var s = built.Project.Settings;
        var comp = built.Composition;
        // The reference view, zoomed onto where the actors go (every 4th frame and the last is enough to bound it).
        var heights = built.Actors.ToDictionary(a => a.Id, a => a.Height);
        var samples = comp.Actors.SelectMany(track => track.Frames.Where((_, f) => f % 4 == 0 || f == track.Frames.Count - 1)
            .Select(fr => new ActorSample(fr.Position, heights[track.ActorId] * fr.Scale))).ToList();
        var defaultView = built.Scene.DefaultCamera(s.Width, s.Height);
        var refCamera = ShotFraming.Frame(defaultView, samples, ShotFraming.For(kind), Destinations(built, defaultView));
        // the follow shot follows the group: its centre (feet) at each frame, wide enough for the farthest of them
        Vector3 Centre(int f) => comp.Actors.Aggregate(Vector3.Zero, (acc, a) => acc + a.Frames[Math.Min(f, a.Frames.Count - 1)].Position) / comp.Actors.Count;
        float spread = Enumerable.Range(0, comp.FrameCount).Max(f => comp.Actors.Select((a, i) =>
        {
            var p = a.Frames[Math.Min(f, a.Frames.Count - 1)];
            var d = p.Position - Centre(f);
            var body = built.Actors[i].Footprint;
            return MathF.Sqrt(d.X * d.X + d.Z * d.Z) + MathF.Max(body.FrontReach, body.BackReach) * p.Scale;
        }).Max());
        var subject = comp.Actors.SelectMany(a => a.Frames).Aggregate(Vector3.Zero, (acc, f) => acc + f.Position) / Math.Max(1, comp.Actors.Sum(a => a.Frames.Count))
            + new Vector3(0, 0.6f * built.Actors.Max(a => a.Height), 0);
        float duration = comp.FrameCount / comp.Fps;
        return CameraPath.Create(kind, refCamera, subject, built.Scene.GroundHeight, duration,
            t => Centre(Math.Clamp((int)MathF.Round(t * comp.Fps), 0, comp.FrameCount - 1)), built.Actors.Max(a => a.Height), comp.Actors.Count > 1 ? spread : 0);
    }

    /// <summary>The text the avatar generator reads: the description plus the attributes and props the plan found.</summary>
    static string ActorText(ActorPlan a)
    {
        var parts = new List<string> { a.Description };
        parts.AddRange(a.Attributes.Where(x => !a.Description.Contains(x, StringComparison.OrdinalIgnoreCase)));
        parts.AddRange(a.Props.Select(p => "holding " + p));
        return string.Join(", ", parts);
    }

    /// <summary>The user's asset library, if the project names one; its rejected entries become warnings.</summary>
    AssetLibrary? LoadLibrary(string? folder, bool quiet = false)
    {
        if (string.IsNullOrWhiteSpace(folder)) return null;
        var library = AssetLibrary.Load(folder);
        if (!quiet) foreach (var p in library.Problems) Warn(p);
        return library;
    }

    /// <summary>The landmarks the actors walk to (their plans' end hints), which the shot keeps in view.</summary>
    static IReadOnlyList<SceneryMark> Destinations(Built built, Camera view)
    {
        var landmarks = ProjectedLandmark.ProjectAll(built.Scene.Landmarks, view);
        return (built.Project.Plan?.Actors ?? [])
            .Select(a => a.End?.Landmark is { } name ? ProjectedLandmark.Find(landmarks, name) : null)
            .OfType<ProjectedLandmark>().Distinct()
            .Select(l => new SceneryMark(l.World, l.Radius)).ToList();
    }

    /// <summary>The library entries of one kind as cache-key inputs: the manifest fields and the file's size and
    /// modification time, so a file replaced in place (same entry) invalidates what was made from it.</summary>
    static IReadOnlyList<string> LibraryEntries(AssetLibrary? library, AssetKind kind) =>
        library?.Entries.Where(e => e.Kind == kind)
            .Select(e => $"{e.File}|{e.Description}|{string.Join(',', e.Tags)}|{e.Units}|{e.UpAxis}|{e.Scale}|{FileStamp(library.PathOf(e))}")
            .ToArray() ?? [];

    static string FileStamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{info.Length}@{info.LastWriteTimeUtc.Ticks}" : "missing";
    }

    static ActorLayout ToLayout(string id, LayoutRecord r) => new(id, r.Waypoints.Select(w => new Vector3(w[0], w[1], w[2])).ToList(), r.Scale);

    /// <summary>
    /// The clip's natural length: a travelling actor's path at its natural speed plus the time it takes to stop
    /// and a moment standing (so it is seen arriving), else its motion's length; 4–8 s.
    /// </summary>
    /// <summary>How long a walker is seen standing after it has stopped, in a video of its natural length.</summary>
    const float StandingSeconds = 0.5f;

    static double NaturalDuration(IReadOnlyList<ComposedActor> actors, IReadOnlyList<ActorLayout> layouts)
    {
        double best = 4;
        for (int i = 0; i < actors.Count; i++)
        {
            var pts = layouts[i].Waypoints;
            float length = 0;
            for (int k = 1; k < pts.Count; k++) length += Vector3.Distance(pts[k - 1], pts[k]);
            float speed = actors[i].TravelSpeed * layouts[i].Scale;
            // the motions acted in place take their counted repetitions ("jumps three times, then bows")
            float acting = actors[i].Segments is { } segments ? MotionSequence.InPlaceSeconds(segments) : 0;
            if (speed > 0.2f && length > 0.5f) best = Math.Max(best, acting + length / speed + new TimingOptions().StopSeconds + StandingSeconds);
            else if (actors[i].Segments is not null) best = Math.Max(best, acting);
            else if (!actors[i].Clip.Loop) best = Math.Max(best, actors[i].Clip.Duration);
        }
        return Math.Clamp(best, 4, 8);
    }

    /// <summary>
    /// Refinement effort: final quality runs the compose stage's defaults (40 Adam steps at up to 256 px; on
    /// the director's prompt set they cut the summed loss 37 % against 33 % for 24 steps at 160 px, for a
    /// few CPU seconds per actor: docs/benchmarks.md, Refinement); draft runs 10 at up to 96 px.
    /// </summary>
    static RefineOptions RefineOptionsFor(GenerationSettings s) => s.Quality == "draft"
        ? new RefineOptions { Seed = s.Seed, Iterations = 10, Samples = 12, Resolution = Math.Clamp(Math.Max(s.Width, s.Height), 16, 96) }
        : new RefineOptions { Seed = s.Seed, Iterations = 40, Samples = 24, Resolution = Math.Clamp(Math.Max(s.Width, s.Height), 16, 256) };

    static ScenePlan WithSettings(ScenePlan plan, GenerationSettings s) => plan with
    {
        Fps = s.Fps, Width = s.Width, Height = s.Height,
        DurationSeconds = s.DurationSeconds ?? plan.DurationSeconds,
    };

    /// <summary>Rejects absurd settings with a message naming the option (the ranges are <see cref="SettingsRules"/>).</summary>
    public static GenerationSettings Check(GenerationSettings s)
    {
        if (SettingsRules.FirstProblem(s) is { } p)
        {
            string option = p.Field switch { "width" or "height" => "--size", "durationSeconds" => "--duration", var f => "--" + f };
            throw new C3VException($"{option}: {p.Message}");
        }
        if (s.Library is { } lib) UserPath.ExistingFolder(lib, "--library");
        return s;
    }

    async Task<(ScenePlan Plan, GenerationSettings Settings, string Change)> ApplyEditAsync(ScenePlan plan, GenerationSettings settings,
        EditRequest e, IDirector director, CancellationToken cancellation)
    {
        int changes = new object?[] { e.Object, e.Motion, e.Scene, e.Camera, e.AddActor, e.RemoveActor, e.Plan, e.Placements }.Count(x => x is not null);
        if (changes == 0) throw new C3VException("nothing to change: give one of --object, --motion, --scene, --camera, --add-actor, --remove-actor");
        if (changes > 1) throw new C3VException("edit changes one concept at a time: give only one of --object, --motion, --scene, --camera, --add-actor, --remove-actor");
        if (e.Plan is { } edited)
        {
            CheckPlan(edited);
            // The plan's length is the user's when changed in the plan; its size and rate stay the project's options.
            var withDuration = edited.DurationSeconds != plan.DurationSeconds ? settings with { DurationSeconds = edited.DurationSeconds } : settings;
            Check(withDuration);
            return (WithSettings(edited, withDuration), withDuration, "plan edited");
        }
        if (e.Placements is { } drawn)
            return (plan, settings, $"placement drawn for {string.Join(", ", drawn.Select(p => p.ActorId))}");
        if (e.Object is not null || e.Motion is not null)
        {
            var target = FindActor(plan, e.Actor ?? (plan.Actors.Count == 1 ? plan.Actors[0].Id : throw new C3VException($"--actor: the project has {plan.Actors.Count} actors ({string.Join(", ", plan.Actors.Select(a => a.Id))}); say which")));
            ActorPlan changed;
            string what;
            if (e.Object is { } obj)
            {
                if (string.IsNullOrWhiteSpace(obj)) throw new C3VException("--object: empty description");
                var parsed = (await director.PlanAsync(obj.Trim() + " stands", cancellation)).Actors[0];
                changed = target with { Description = parsed.Description, Category = parsed.Category, Noun = parsed.Noun, Attributes = parsed.Attributes, Props = parsed.Props };
                what = $"actor {target.Id} is now \"{obj.Trim()}\"";
            }
            else
            {
                if (string.IsNullOrWhiteSpace(e.Motion)) throw new C3VException("--motion: empty description");
                var clip = MotionChooser.Choose(new MotionPlan { Description = e.Motion! }, _embedder, LoadLibrary(settings.Library, quiet: true)).Clip;
                changed = target with { Motion = target.Motion with { Description = e.Motion!.Trim(), Travels = clip.NaturalSpeed > 0.3f } };
                what = $"actor {target.Id} now {e.Motion!.Trim()}";
            }
            return (plan with { Actors = plan.Actors.Select(a => a.Id == target.Id ? changed : a).ToList() }, settings, what);
        }
        if (e.Scene is { } sceneText)
        {
            if (string.IsNullOrWhiteSpace(sceneText)) throw new C3VException("--scene: empty description");
            return (plan with { Scene = plan.Scene with { Description = sceneText.Trim() } }, settings, $"scene is now \"{sceneText.Trim()}\"");
        }
        if (e.Camera is { } cam)
        {
            var name = CameraPath.Name(CameraPath.Parse(cam));
            return (plan, settings with { Camera = name }, $"camera is now {name}");
        }
        if (e.RemoveActor is { } id)
        {
            var target = FindActor(plan, id);
            if (plan.Actors.Count == 1) throw new C3VException($"--remove-actor: {target.Id} is the only actor; a video needs one");
            var rest = plan.Actors.Where(a => a.Id != target.Id)
                .Select(a => a with { Start = a.Start?.Actor == target.Id ? null : a.Start, End = a.End?.Actor == target.Id ? null : a.End }).ToList();
            return (plan with { Actors = rest }, settings, $"removed actor {target.Id}");
        }
        var text = e.AddActor!.Trim();
        if (text.Length == 0) throw new C3VException("--add-actor: empty description");
        var added = (await director.PlanAsync(text, cancellation)).Actors[0];
        var ids = plan.Actors.Select(a => a.Id).ToHashSet();
        string newId = added.Id;
        for (int k = 2; ids.Contains(newId); k++) newId = $"{added.Id}-{k}";
        added = added with { Id = newId, Start = added.Start?.Actor is not null ? null : added.Start, End = added.End?.Actor is not null ? null : added.End };
        return (plan with { Actors = plan.Actors.Append(added).ToList() }, settings, $"added actor {newId} (\"{text}\")");
    }

    /// <summary>Who a placement drawn by the user (the studio) names as its producer.</summary>
    public const string UserProducer = "user";

    /// <summary>At most this many actors in a plan (each is conceived, placed and refined; more would take hours).</summary>
    public const int MaxActors = 16;

    /// <summary>At most this many characters in a prompt (a director reads sentences, not documents).</summary>
    public const int MaxPromptChars = 2000;

    /// <summary>Rejects a prompt a director cannot read, naming what is wrong.</summary>
    public static string CheckPrompt(string? prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt)) throw new C3VException("the prompt is empty: say what the video shows, e.g. \"a robot dances on a stage\"");
        if (prompt.Length > MaxPromptChars) throw new C3VException($"the prompt is {prompt.Length} characters long; at most {MaxPromptChars} are read (one or two sentences)");
        return prompt.Trim();
    }

    /// <summary>Rejects an edited plan that is inconsistent or too big, naming the field.</summary>
    public static ScenePlan CheckPlan(ScenePlan plan)
    {
        if (plan.Actors.Count > MaxActors) throw new C3VException($"$.actors: {plan.Actors.Count} actors; at most {MaxActors} can be composed");
        if (plan.Actors.Count == 0) throw new C3VException("$.actors: a video needs at least one actor");
        if (PlanJson.PlanProblem(plan) is { } problem) throw new C3VException(problem);
        return plan;
    }

    /// <summary>
    /// Checks drawn placements against the plan and the reference view (the project's frame size): every actor named
    /// once and known, boxes inside the view, start and end equal to the first and last waypoints. Returns them by
    /// actor id, marked as the user's.
    /// </summary>
    static Dictionary<string, Placement> CheckPlacements(IReadOnlyList<Placement> drawn, ScenePlan plan, GenerationSettings s)
    {
        if (drawn.Count == 0) throw new C3VException("placements: none given");
        var byId = new Dictionary<string, Placement>(StringComparer.Ordinal);
        for (int i = 0; i < drawn.Count; i++)
        {
            var p = drawn[i];
            string at = $"placements[{i}]";
            if (plan.FindActor(p.ActorId) is null) throw new C3VException($"{at}.actorId: no actor '{p.ActorId}' in the plan (ids: {string.Join(", ", plan.Actors.Select(a => a.Id))})");
            if (!byId.TryAdd(p.ActorId, p)) throw new C3VException($"{at}.actorId: '{p.ActorId}' is placed twice");
            if (p.ViewWidth != s.Width || p.ViewHeight != s.Height)
                throw new C3VException($"{at}: drawn in a {p.ViewWidth}×{p.ViewHeight} view, but the project's reference view is {s.Width}×{s.Height}");
            if (p.Waypoints.Count > 200) throw new C3VException($"{at}.waypoints: {p.Waypoints.Count} waypoints; at most 200");
            if (!(p.Scale is > 0.005 and < 2)) throw new C3VException($"{at}.scale: {p.Scale} is outside 0.005..2 (a fraction of the image height)");
            if (p.Problem() is { } problem) throw new C3VException($"{at}: {problem}");
            // The start and end boxes are the path's ends (dragging a box moves the path's first or last point).
            var waypoints = p.Waypoints.ToArray();
            waypoints[0] = p.Start;
            waypoints[^1] = p.End;
            byId[p.ActorId] = p with { Producer = UserProducer, Waypoints = waypoints, Answers = [], Warnings = [] };
        }
        return byId;
    }

    static ActorPlan FindActor(ScenePlan plan, string idOrIndex)
    {
        var byId = plan.FindActor(idOrIndex);
        if (byId is not null) return byId;
        if (int.TryParse(idOrIndex, out int i) && i >= 0 && i < plan.Actors.Count) return plan.Actors[i];
        throw new C3VException($"--actor: no actor '{idOrIndex}' in the project (ids: {string.Join(", ", plan.Actors.Select(a => a.Id))}, or an index 0..{plan.Actors.Count - 1})");
    }

    async Task<T> Stage<T>(string name, string detail, Func<Task<T>> run, ArtefactCache? cache = null)
    {
        _observer.Started(name, detail);
        var sw = Stopwatch.StartNew();
        int reusedBefore = cache?.Reused.Count ?? 0, recomputedBefore = cache?.Recomputed.Count ?? 0;
        var result = await run();
        bool reused = cache is not null && cache.Recomputed.Count == recomputedBefore && cache.Reused.Count > reusedBefore;
        _observer.Finished(name, $"{sw.Elapsed.TotalSeconds:0.0} s", reused);
        Time(name, sw, reused);
        return result;
    }

    void ReusedStage(string name, string detail)
    {
        _observer.Started(name, detail);
        _observer.Finished(name, "reused", reused: true);
        _timings.Add(new StageTiming(name, 0, PeakMb(), Reused: true));
    }

    void Time(string stage, Stopwatch sw, bool reused) => _timings.Add(new StageTiming(stage, sw.Elapsed.TotalSeconds, PeakMb(), reused));

    static double PeakMb()
    {
        using var p = Process.GetCurrentProcess();
        return p.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    void Warn(string message)
    {
        _warnings.Add(message);
        _observer.Warning(message);
    }
}

/// <summary>
/// Rendering was cancelled (Ctrl-C). A new project was saved before its render and is finished with
/// render-project; a change to an existing project was abandoned (the project is unchanged), its frames kept in
/// <paramref name="resumableFrames"/> for the same command to resume.
/// </summary>
public sealed class RenderInterruptedException(string project, string? resumableFrames = null)
    : OperationCanceledException(resumableFrames is null
        ? $"rendering was interrupted; the project is saved in {project}: finish it with c3v render-project {project}"
        : $"rendering was interrupted; {project} is unchanged; the frames rendered so far are kept in {Path.GetRelativePath(project, resumableFrames)}: run the same command again to resume")
{
    public string Project { get; } = project;
}
