using C3V.Actors;
using C3V.Annotations;
using C3V.CameraPaths;
using C3V.Common;
using C3V.Compose;
using C3V.Direct;
using C3V.Output;
using C3V.Projects;
using C3V.Render;

namespace C3V.Pipeline;

/// <summary>The ground-truth half of the generator: annotations.json with every render, and its export.</summary>
public sealed partial class Generator
{
    /// <summary>Where a render's annotations are written, relative to the project folder.</summary>
    public const string AnnotationsFile = "renders/" + AnnotationJson.FileName;

    /// <summary>
    /// Writes a project's ground truth without rendering colour: renders/annotations.json from the same
    /// composition and camera path a render uses and, with <paramref name="maps"/>, per-frame depth
    /// (renders/maps/depth-NNNNN.png, 16-bit millimetres) and instance masks (renders/maps/mask-NNNNN.png,
    /// 0 = scene, i + 1 = actor i). Returns the annotations file.
    /// </summary>
    public async Task<string> ExportAnnotationsAsync(string dir, bool maps, CancellationToken cancellation = default)
    {
        using var tx = ProjectTransaction.Begin(dir, "export");
        var folder = tx.Folder;
        var built = await BuildComposedAsync(tx, cancellation);
        var project = built.Project;
        var comp = built.Composition;
        var path = ShotPath(built, CameraPath.Parse(project.Settings.Camera));
        var recorder = new AnnotationRecorder(comp.FrameCount, built.Actors.Count);
        string mapsDir = folder.PathOf("renders/maps"), staging = mapsDir + ".partial";
        var mapper = maps ? new AnnotationMaps(_rasterizer) : null;
        if (maps) Directory.CreateDirectory(staging);
        _observer.Started("annotations", $"{comp.FrameCount} frames" + (maps ? ", with depth and mask maps" : ""));
        var instances = new CloudInstance[built.Actors.Count];
        var posed = new Splats.GaussianCloud[built.Actors.Count];
        int w = project.Settings.Width, h = project.Settings.Height;
        var depth = new ushort[w * h];
        var mask = new byte[w * h];
        for (int f = 0; f < comp.FrameCount; f++)
        {
            cancellation.ThrowIfCancellationRequested();
            var camera = path.At(f / comp.Fps);
            for (int a = 0; a < built.Actors.Count; a++)
            {
                var track = comp.Actor(built.Actors[a].Id);
                var inst = built.Actors[a].Instance(track.Frames[Math.Min(f, track.Frames.Count - 1)]);
                // the actor reuses its posing buffer: keep this frame's pose while the others are posed
                posed[a] ??= new Splats.GaussianCloud(inst.Cloud.Count, inst.Cloud.ShDegree);
                posed[a].CopyFrom(inst.Cloud);
                instances[a] = inst with { Cloud = posed[a] };
            }
            recorder.Record(f, camera, instances);
            if (mapper is not null)
            {
                mapper.Render(built.Scene.Cloud, instances, camera, depth, mask);
                GrayPng.Save16(Path.Combine(staging, $"depth-{f:D5}.png"), w, h, depth);
                GrayPng.Save8(Path.Combine(staging, $"mask-{f:D5}.png"), w, h, mask);
            }
            _observer.Progress("annotations", f + 1, comp.FrameCount);
        }
        var file = folder.PathOf(AnnotationsFile);
        AnnotationJson.Save(Annotate(built, recorder), file);
        if (maps)
        {
            if (Directory.Exists(mapsDir)) Directory.Delete(mapsDir, recursive: true);
            Directory.Move(staging, mapsDir);
        }
        var published = folder.Published(file);
        tx.Commit();
        _observer.Finished("annotations", Path.GetRelativePath(tx.Target, published), reused: false);
        return published;
    }

    /// <summary>The recorded frames joined with the plan and the composition.</summary>
    static VideoAnnotations Annotate(Built built, AnnotationRecorder recorder)
    {
        var comp = built.Composition;
        var plan = built.Project.Plan!;
        var scene = built.Scene;
        // a library scene is named by its entry (the file the library indexed), a procedural one by its archetype
        string label = scene.Source.StartsWith("library:", StringComparison.Ordinal) ? scene.Source["library:".Length..] : scene.Archetype;
        var actors = built.Actors.Select(actor =>
        {
            var a = plan.FindActor(actor.Id)!;
            var track = comp.Actor(actor.Id);
            // an actor doing several things in turn has one segment per motion of its plan, timed as composed
            if (actor.Sequence is { } seq && seq.Spans.Count == a.Segments.Count)
                return new AnnotatedActor(a.Description, ActorKinds.Of(a), actor, track, seq.TimesIn(track, comp.Fps)
                    .Select(x => new MotionSegment(a.Segments[x.Index].Description, seq.Spans[x.Index].Name, x.Start, x.End)).ToList());
            // the clip chosen for the motion, unless the actor plays another (a rider's riding clip, a partner's part)
            string? chosen = built.Project.Artefacts.GetValueOrDefault($"motion-{actor.Id}")?.Value;
            string source = chosen is not null && (chosen.StartsWith("library:", StringComparison.Ordinal) || chosen.EndsWith(actor.Clip.Name, StringComparison.OrdinalIgnoreCase))
                ? chosen : actor.Clip.Name;
            return new AnnotatedActor(a.Description, ActorKinds.Of(a), actor, track,
                AnnotationRecorder.SegmentsOf(track, comp.Fps, [(a.Motion.Description, source, float.NegativeInfinity, float.PositiveInfinity)]));
        }).ToList();
        return recorder.Build(comp.Fps, new SceneLabel(label, plan.Scene.Description), actors, scene.Ground.HeightAt);
    }
}
