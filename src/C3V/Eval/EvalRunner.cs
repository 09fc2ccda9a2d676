using System.Diagnostics;
using C3V.Annotations;
using C3V.Common;
using C3V.Output;
using C3V.Pipeline;
using C3V.Projects;

namespace C3V.Eval;

/// <summary>Where and how `c3v eval` generates: the output folder, the frame size and the director's name.</summary>
public sealed record EvalOptions(string Output, int Width = 256, int Height = 256, string Director = "rules", bool Force = false);

/// <summary>
/// Generates every prompt of a set with the library's pipeline (a project per prompt under DIR/projects/),
/// scores each from its annotations, and writes DIR/report.json and the contact-sheet montages
/// (DIR/montage.png, every prompt; DIR/failures.png, the prompts not fully right). A prompt that fails to
/// generate is recorded with its error and the run goes on.
/// </summary>
public sealed class EvalRunner(Generator generator)
{
    public const string ReportFile = "report.json", MontageFile = "montage.png", FailuresFile = "failures.png";

    /// <param name="progress">Called before each prompt (index, total, id) and once at the end (total, total, "").</param>
    public async Task<EvalReport> RunAsync(EvalPromptSet set, EvalOptions options, Action<int, int, string>? progress = null, CancellationToken cancellation = default)
    {
        Generator.Check(new GenerationSettings { Width = options.Width, Height = options.Height });
        PrepareOutput(options);
        var total = Stopwatch.StartNew();
        var scores = new List<PromptScore>();
        for (int i = 0; i < set.Prompts.Count; i++)
        {
            var p = set.Prompts[i];
            progress?.Invoke(i, set.Prompts.Count, p.Id);
            scores.Add(await RunOneAsync(set, p, options, cancellation));
        }
        progress?.Invoke(set.Prompts.Count, set.Prompts.Count, "");
        var report = new EvalReport
        {
            PromptFile = set.Source, Director = options.Director, Width = options.Width, Height = options.Height,
            Generation = set.Generation, Prompts = scores, Seconds = total.Elapsed.TotalSeconds,
        };
        report.Save(Path.Combine(options.Output, ReportFile));
        WriteMontage(scores, Path.Combine(options.Output, MontageFile));
        var failed = scores.Where(s => !s.Passed).ToList();
        if (failed.Count > 0) WriteMontage(failed, Path.Combine(options.Output, FailuresFile));
        else File.Delete(Path.Combine(options.Output, FailuresFile));
        return report;
    }

    async Task<PromptScore> RunOneAsync(EvalPromptSet set, EvalPrompt p, EvalOptions options, CancellationToken cancellation)
    {
        string project = Path.Combine(options.Output, "projects", p.Id);
        var settings = new GenerationSettings
        {
            Seed = set.Generation.Seed, DurationSeconds = p.DurationSeconds ?? set.Generation.DurationSeconds, Fps = set.Generation.Fps,
            Width = options.Width, Height = options.Height, Quality = set.Generation.Quality, Format = "mp4", Llm = options.Director,
        };
        try
        {
            var run = await generator.GenerateAsync(new GenerateRequest(p.Prompt, project, Force: true, settings), cancellation);
            var ann = AnnotationJson.Load(run.Annotations ?? Path.Combine(project, Generator.AnnotationsFile));
            return Scorer.Score(p, ann, Path.GetRelativePath(options.Output, project));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested) { throw; }
        catch (Exception e)
        {
            // keep going: the prompt counts as failed, with what went wrong
            string message = e is C3VException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            return new PromptScore(p.Id, p.Category, p.Prompt, [], message, Directory.Exists(project) ? Path.GetRelativePath(options.Output, project) : null);
        }
    }

    static void PrepareOutput(EvalOptions options)
    {
        if (File.Exists(options.Output)) throw new C3VException($"-o: {options.Output} is a file");
        if (Directory.Exists(options.Output) && Directory.EnumerateFileSystemEntries(options.Output).Any())
        {
            if (!options.Force) throw new C3VException($"-o: {options.Output} exists and is not empty (add --force to replace its projects and report)");
            var projects = Path.Combine(options.Output, "projects");
            if (Directory.Exists(projects)) Directory.Delete(projects, recursive: true);
        }
        Directory.CreateDirectory(Path.Combine(options.Output, "projects"));
    }

    /// <summary>Each prompt's contact sheet, two to a row, labelled with its id, verdict and checks passed.</summary>
    static void WriteMontage(IReadOnlyList<PromptScore> scores, string path)
    {
        var tiles = new List<(Image, string)>();
        foreach (var s in scores)
        {
            var sheet = s.Project is null ? null : Path.Combine(Path.GetDirectoryName(path)!, s.Project, "renders", "contact-sheet.png");
            var image = sheet is not null && File.Exists(sheet) ? Image.Load(sheet) : new Image(512, 276);
            string verdict = s.Error is not null ? "ERROR" : s.Passed ? "ok" : "FAIL";
            tiles.Add((image, $"{s.Id}  {verdict}  {s.Checks.Count(c => c.Passed)}/{s.Checks.Count}"));
        }
        if (tiles.Count > 0) ContactSheet.Compose(tiles, columns: 2, thumbWidth: 512).SavePng(path);
    }
}
