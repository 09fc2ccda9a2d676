using System.ComponentModel;
using System.Diagnostics;
using C3V.Actors.Looks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

[Verb("looks", "Generate every phrase of an attribute test set as an actor, render it and measure in the pixels the named parts' colours, props and shapes",
    Examples = ["looks docs/eval/looks-set.json", "looks docs/eval/looks-set.json --seed 3 --all"])]
public sealed class LooksVerb : Command<LooksVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SET>")]
        [Description("An attribute test set: JSON with a cases array of phrase, colors, props and shapes (docs/looks.md)")]
        public string Set { get; init; } = "";

        [CommandOption("--seed <N>")]
        [Bounds(int.MinValue, int.MaxValue)]
        [Description("Seed of the generated actors (default 0)")]
        public int Seed { get; init; }

        [CommandOption("--size <PIXELS>")]
        [Bounds(64, 1024)]
        [Description("Side of the probe renders (default 192)")]
        public int Size { get; init; } = 192;

        [CommandOption("--all")]
        [Description("Print every check, not only the failures")]
        public bool All { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var cases = LookSet.Load(settings.Set);
        var console = AnsiConsole.Console;
        var clock = Stopwatch.StartNew();
        int phrases = 0, checks = 0, passed = 0;
        foreach (var c in cases)
        {
            cancellation.ThrowIfCancellationRequested();
            var r = LookSet.Run(c, settings.Seed, settings.Size);
            if (r.Passed) phrases++;
            checks += r.Checks.Count; passed += r.Checks.Count(k => k.Passed);
            var shown = settings.All ? r.Checks : r.Checks.Where(k => !k.Passed);
            string line = string.Join("; ", shown.Select(k => $"{(k.Passed ? "" : "✗ ")}{k.Check}: {k.Detail}"));
            console.MarkupLine($"{(r.Passed ? "[green]✓[/]" : "[red]✗[/]")} {Markup.Escape(c.Phrase)}{(line.Length > 0 ? "  [grey]" + Markup.Escape(line) + "[/]" : "")}");
        }
        console.MarkupLine($"[bold]{phrases}/{cases.Count} phrases[/] fully right ({100.0 * phrases / cases.Count:0}%), {passed}/{checks} checks ({100.0 * passed / Math.Max(1, checks):0}%), {clock.Elapsed.TotalSeconds:0} s");
        return 0;
    }
}
