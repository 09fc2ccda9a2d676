using System.ComponentModel;
using C3V.Common;
using C3V.Direct;
using C3V.Models.Chat;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Decomposes a prompt into a scene plan with the chosen director and prints it.</summary>
[Verb("plan", "Decompose a prompt into a scene plan (scene, actors, motions, hints)",
    Examples = ["plan \"a robot dances on a stage\"", "plan \"two dogs run around a tree\" --json", "plan \"an alien walks to the mower\" --llm ollama:qwen2.5vl"])]
public sealed class PlanVerb : Command<PlanVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PROMPT>")]
        [Description("What the video shows")]
        public string Prompt { get; init; } = "";

        [CommandOption("--llm <SPEC>")]
        [Description(PipelineFactory.LlmHelp)]
        public string? Llm { get; init; }

        [CommandOption("--json")]
        [Description("Print the plan as JSON (the project's plan.json format)")]
        public bool Json { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Also write the plan JSON to FILE")]
        public string? Output { get; init; }

        [CommandOption("--force")]
        [Description("Replace FILE if it exists")]
        public bool Force { get; init; }

        [CommandOption("--transcripts <DIR>")]
        [Description("Save every model exchange verbatim in DIR")]
        public string? Transcripts { get; init; }

        [CommandOption("--verbose")]
        [Description(Directors.VerboseHelp)]
        public bool Verbose { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(settings.Prompt)) throw new C3VException("the prompt is empty");
        ITranscriptSink? sink = settings.Transcripts is { } dir ? new FolderTranscript(dir) : null;
        using var director = DirectorFactory.Create(settings.Llm, sink, warn: w => Console.Error.WriteLine($"c3v: warning: {w}"), options: Directors.Options(settings.Verbose));
        var plan = director.Director.PlanAsync(settings.Prompt, cancellation).GetAwaiter().GetResult();
        if (settings.Output is { } path) PlanJson.SavePlan(plan, path, overwrite: settings.Force);
        if (settings.Json) Console.Out.WriteLine(PlanJson.Serialize(plan));
        else Print(plan, director.Director.Name);
        return 0;
    }

    static void Print(ScenePlan plan, string producer)
    {
        var console = AnsiConsole.Console;
        console.MarkupLine($"[bold]scene[/]   {Markup.Escape(plan.Scene.Description)}" +
            (plan.Scene.Landmarks.Count > 0 ? $"  [grey](landmarks: {Markup.Escape(string.Join(", ", plan.Scene.Landmarks))})[/]" : ""));
        if (plan.Scene.Lighting is { } light) console.MarkupLine($"[bold]light[/]   {Name(light)}");
        console.MarkupLine($"[bold]video[/]   {plan.DurationSeconds:0.#} s at {plan.Fps} fps, {plan.Width}×{plan.Height}, camera {Name(plan.Camera)}  [grey](director: {Markup.Escape(producer)})[/]");
        var table = new Table().AddColumns("id", "category", "description", "height", "motion", "start", "end", "order");
        foreach (var a in plan.Actors)
            table.AddRow(Markup.Escape(a.Id), Name(a.Category), Markup.Escape(a.Description) + (a.Props.Count > 0 ? Markup.Escape($" (props: {string.Join(", ", a.Props)})") : ""),
                $"{a.HeightMeters:0.##} m", Markup.Escape(string.Join(", then ", a.Segments.Select(Motion))),
                Markup.Escape(Hint(a.Start)), Markup.Escape(Hint(a.End)), a.Order.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(table);
        foreach (var r in plan.Relations)
            console.MarkupLine(Markup.Escape($"relation  {string.Join(", ", r.Actors)} {Name(r.Kind)}{(r.Object is { } o ? " " + o : "")}{(r.Interaction is { } i ? $" ({Name(i)})" : "")}"));
    }

    /// <summary>"jumping ×2 fast [in place]": a motion's phrase, count, speed and path.</summary>
    static string Motion(MotionPlan m) =>
        m.Description + (m.Count is { } n ? $" ×{n}" : "") + (m.Speed != MotionSpeed.Normal ? $" {Name(m.Speed)}" : "")
        + $" [{(m.Travels ? Name(m.Path) : "in place")}{(m.Direction is { } d ? ", " + Name(d) : "")}]";

    static string Name<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, PlanJson.Options).Trim('"');

    static string Hint(SpatialHint? h)
    {
        if (h is null) return "-";
        var parts = new List<string>();
        if (h.Relation != SpatialRelation.At) parts.Add(Name(h.Relation));
        if (h.Landmark is { } l) parts.Add(l);
        if (h.Actor is { } a) parts.Add($"actor {a}");
        if (h.Region is { } r) parts.Add($"({Name(r)})");
        return string.Join(" ", parts);
    }
}
