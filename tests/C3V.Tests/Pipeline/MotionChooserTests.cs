using C3V.Direct;
using C3V.Pipeline;
using C3V.Projects;
using C3V.World;

namespace C3V.Tests.Pipeline;

public class MotionChooserTests
{
    [Theory]
    [InlineData("dances", false, "dance")]
    [InlineData("dancing", false, "dance")]
    [InlineData("playing kung fu", false, "kung fu")]
    [InlineData("practising martial arts", false, "kung fu")]
    [InlineData("doing karate", false, "kung fu")]
    [InlineData("fights", false, "kung fu")]
    [InlineData("boxing", false, "punch")]
    [InlineData("throws punches", false, "punch")]
    [InlineData("kicks", false, "kick")]
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

    /// <summary>A user library (temporary folder) with two CMU clips added as `library add` does.</summary>
    internal static string BvhLibrary(string root)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "library")).FullName;
        File.Copy(SharedData.RequireFile("motions/cmu/02_09.bvh"), Path.Combine(folder, "sword.bvh"));
        File.Copy(SharedData.RequireFile("motions/cmu/02_04.bvh"), Path.Combine(folder, "jump.bvh"));
        AssetLibrary.Add(folder, new AssetEntry("sword.bvh", AssetKind.Motion, "sword fighting", ["swordplay", "fencing"]));
        AssetLibrary.Add(folder, new AssetEntry("jump.bvh", AssetKind.Motion, "jump in place", ["jumping"]));
        return folder;
    }

    [SkippableFact]
    public void TheUsersLibrary_IsSearchedFirst_ThenTheProceduralClips()
    {
        var root = Directory.CreateTempSubdirectory("c3v-motionlib-").FullName;
        try
        {
            var library = AssetLibrary.Load(BvhLibrary(root));
            var sword = MotionChooser.Choose(new MotionPlan { Description = "practising sword fighting" }, null, library);
            Assert.Equal("library:sword.bvh", sword.Source);
            Assert.True(sword.Clip.Duration > 5, $"the CMU swordplay clip lasts 8.6 s, got {sword.Clip.Duration}");
            // A procedural jump exists too: the library's comes first.
            Assert.Equal("library:jump.bvh", MotionChooser.Choose(new MotionPlan { Description = "jumping" }, null, library).Source);
            // Nothing in the library dances: the procedural clip does.
            var dance = MotionChooser.Choose(new MotionPlan { Description = "dances" }, null, library);
            Assert.StartsWith("dance", dance.Source);
            Assert.Same(dance.Clip, MotionChooser.Resolve(dance.Source, library));
            // A recorded choice is found again, and is gone once its entry is.
            Assert.Equal(sword.Clip.FrameCount, MotionChooser.Resolve(sword.Source, library)!.FrameCount);
            Assert.Null(MotionChooser.Resolve(sword.Source, null));
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
