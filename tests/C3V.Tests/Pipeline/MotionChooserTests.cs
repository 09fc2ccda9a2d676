using C3V.Direct;
using C3V.Pipeline;

namespace C3V.Tests.Pipeline;

public class MotionChooserTests
{
    [Theory]
    [InlineData("dances", false, "dance")]
    [InlineData("dancing", false, "dance")]
    [InlineData("playing kung fu", false, "punch")]
    [InlineData("walking", true, "walk")]
    [InlineData("runs", true, "run")]
    [InlineData("waves at the camera", false, "wave")]
    [InlineData("jumping", false, "jump")]
    [InlineData("contemplating the meaning of life", false, "idle")]
    [InlineData("contemplating the meaning of life", true, "walk")]
    public void WordMatching_PicksTheLabelledClip(string phrase, bool travels, string expected)
    {
        var clip = MotionChooser.Choose(new MotionPlan { Description = phrase, Travels = travels }, embedder: null);
        Assert.StartsWith(expected, clip.Name);
    }
}
