using C3V.Cli.Verbs;
using C3V.Common;

namespace C3V.Tests.Cli;

public class RefinePromptBenchTests
{
    static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"c3v-prompts-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_prompt_set_file_gives_its_prompts_in_order()
    {
        var file = Write("""[{"prompt": "a robot dances on a stage", "scene": "a stage"}, {"prompt": "a dog runs"}]""");
        try { Assert.Equal(["a robot dances on a stage", "a dog runs"], RefinePromptBench.ReadPrompts(file)); }
        finally { File.Delete(file); }
    }

    [Theory]
    [InlineData("{\"prompt\": \"x\"}", "$: expected an array")]
    [InlineData("[{\"prompt\": \"x\"}, {\"scene\": \"y\"}]", "$[1].prompt")]
    [InlineData("[{\"prompt\": \"  \"}]", "$[0].prompt")]
    [InlineData("[", "not JSON")]
    [InlineData("[]", "no prompts")]
    public void A_bad_prompt_set_file_is_named_with_the_problem(string text, string expected)
    {
        var file = Write(text);
        try
        {
            var e = Assert.Throws<InvalidFileException>(() => RefinePromptBench.ReadPrompts(file));
            Assert.Contains(expected, e.Message);
            Assert.Contains(file, e.Message);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void A_missing_prompt_set_file_is_one_clear_error()
    {
        var e = Assert.Throws<C3VException>(() => RefinePromptBench.ReadPrompts("/nonexistent/prompts.json"));
        Assert.Contains("/nonexistent/prompts.json", e.Message);
    }
}
