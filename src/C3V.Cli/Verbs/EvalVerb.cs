using System.ComponentModel;
using C3V.Eval;
using C3V.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

[Verb("eval", "Generate every prompt of a prompt file and score what the videos show against its expectations (from annotations.json)",
    Examples = ["eval docs/eval/dev-set.json -o eval-dev", "eval docs/eval/dev-set.json --llm ollama:qwen2.5 --size 256x256 -o eval-qwen"])]
public sealed class EvalVerb : Command<EvalVerb.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PROMPTS>")]
        [Description("A prompt file (format c3v-eval-prompts, docs/eval/README.md)")]
        public string Prompts { get; init; } = "";

        [CommandOption("--llm <SPEC>")]
        [Description(PipelineFactory.LlmHelp)]
        public string? Llm { get; init; }

        [CommandOption("--verbose")]
        [Description(Directors.VerboseHelp)]
        public bool Verbose { get; init; }

        [CommandOption("--size <WxH>")]
        [Description("Frame size. Default 256x256")]
        public string Size { get; init; } = "256x256";

        [CommandOption("-o|--output <DIR>")]
        [Description("Folder for the projects, report.json and the montages. Default eval-<prompt file name>")]
        public string? Output { get; init; }

        [CommandOption("--force")]
        [Description("Replace the output folder's earlier projects and report")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var set = EvalPromptSet.Load(settings.Prompts);
        var (w, h) = PipelineFactory.ParseSize(settings.Size);
        string llm = PipelineFactory.LlmSpec(settings.Llm);
        var options = new EvalOptions(settings.Output ?? "eval-" + Path.GetFileNameWithoutExtension(settings.Prompts), w, h, llm, settings.Force);
        var runner = new EvalRunner(PipelineFactory.Generator(llm, SilentObserver.Instance, settings.Verbose));
        var console = AnsiConsole.Console;
        EvalReport report = null!;
        console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{set.Prompts.Count} prompts", maxValue: set.Prompts.Count);
                report = await runner.RunAsync(set, options, (done, total, id) =>
                {
                    task.Value = done;
                    task.Description = done < total ? $"{done + 1}/{total} {Markup.Escape(id)}" : $"{total} prompts";
                }, cancellation);
            }).GetAwaiter().GetResult();
        var table = new Table().AddColumns("category", "prompts", "fully right", "%", "checks passed");
        foreach (var c in report.ByCategory())
            table.AddRow(c.Category == "total" ? "[bold]total[/]" : Markup.Escape(c.Category), $"{c.Prompts}", $"{c.FullyRight}", $"{c.Share * 100:0}",
                $"{c.ChecksPassed}/{c.Checks} ({c.CheckShare * 100:0}%)");
        console.Write(table);
        foreach (var p in report.Prompts.Where(p => !p.Passed))
        {
            string why = p.Error ?? string.Join("; ", p.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}"));
            console.MarkupLine($"[red]✗[/] {Markup.Escape(p.Id)}: {Markup.Escape(why)}");
        }
        console.MarkupLine($"report: {Markup.Escape(Path.Combine(options.Output, EvalRunner.ReportFile))}, montage: {Markup.Escape(Path.Combine(options.Output, EvalRunner.MontageFile))} ({report.Seconds:0} s)");
        return 0;
    }
}
