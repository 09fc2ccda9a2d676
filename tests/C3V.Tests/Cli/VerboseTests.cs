using C3V.Cli;
using C3V.Pipeline;
using C3V.Tests.Batch;
using C3V.Tests.Models.Gguf;
using C3V.Tests.Pipeline;

namespace C3V.Tests.Cli;

/// <summary>
/// llama.cpp's own log lines (model loading, tensors, context) reach the terminal only with --verbose, on every
/// verb that takes --llm: checked on real c3v processes loading the tiny GGUF model, one per way the CLI makes a
/// director (plan's own, the pipeline's for generate/edit/render-project/batch/eval, doctor's probe).
/// </summary>
[Collection("Gguf")]
public sealed class VerboseTests(TinyModel model) : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-verbose-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>What llama.cpp writes while it loads any model (its loader's and context's own lines).</summary>
    static bool HasNativeLines(string stderr) => stderr.Contains("llama_model_loader") || stderr.Contains("llama_context") || stderr.Contains("load_tensors");

    static Task<(int Code, string Err)> Run(params string[] args) => CliProcess.RunAsync(TimeSpan.FromMinutes(4), args);

    async Task Check(params string[] args)
    {
        var (quiet, quietErr) = await Run(args);
        Assert.True(quiet == 0, $"c3v {string.Join(' ', args)} exited {quiet}: {quietErr}");
        Assert.False(HasNativeLines(quietErr), $"llama.cpp's log reached stderr without --verbose: {quietErr}");
        Assert.DoesNotContain("llama.cpp: ", quietErr);

        var (loud, loudErr) = await Run([.. args, "--verbose"]);
        Assert.True(loud == 0, $"c3v {string.Join(' ', args)} --verbose exited {loud}: {loudErr}");
        Assert.True(HasNativeLines(loudErr), $"no llama.cpp log with --verbose: {loudErr}");
        Assert.Contains("llama.cpp: ", loudErr);
    }

    [Fact]
    public Task Plan_ShowsTheNativeLogOnlyWithVerbose() => Check("plan", "a robot dances", "--llm", $"gguf:{model.Path}");

    [Fact]
    public Task Doctor_ShowsTheNativeLogOnlyWithVerbose() => Check("doctor", "--llm", $"gguf:{model.Path}");

    [Fact]
    public async Task ThePipelineVerbs_ShowTheNativeLogOnlyWithVerbose()
    {
        // a camera change re-renders without asking the director, but the director (the model) is loaded
        var project = Path.Combine(_dir, "p");
        await GeneratorTests.Make().GenerateAsync(new GenerateRequest("a robot dances on a stage", project, false, SmallProject.Settings));
        await Check("edit", project, "--camera", "orbit", "-q", "--llm", $"gguf:{model.Path}");
    }

    [Fact]
    public void EveryVerbTakingLlm_TakesVerbose()
    {
        var verbs = ArgumentRulesTests.Verbs().Select(v => (Name: v.Verb, Options: v.Settings.GetProperties().Select(ArgumentRules.NameOf).ToHashSet())).ToList();
        var withLlm = verbs.Where(v => v.Options.Contains("--llm")).ToList();
        Assert.True(withLlm.Count >= 9, $"only {withLlm.Count} verbs take --llm: {string.Join(", ", withLlm.Select(v => v.Name))}");
        Assert.All(withLlm, v => Assert.True(v.Options.Contains("--verbose"), $"c3v {v.Name} takes --llm but not --verbose"));
    }
}
