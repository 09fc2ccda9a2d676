using C3V.Common;
using C3V.Projects;

namespace C3V.Tests.Projects;

public sealed class ProjectFolderTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-proj-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static ProjectFile Minimal(string prompt = "a robot dances") => new()
    {
        Version = ProjectFile.CurrentVersion, Prompt = prompt, Settings = new GenerationSettings { Seed = 7 },
        Artefacts = new() { ["scene"] = new ArtefactRecord("abc", "assets/scene.ply") },
    };

    [Fact]
    public void Staging_IsInvisibleUntilPublished_ThenRoundTrips()
    {
        var target = Path.Combine(_dir, "p");
        var folder = ProjectFolder.CreateStaging(target, force: false);
        folder.Save(Minimal());
        Assert.False(Directory.Exists(target));
        folder.Publish();
        Assert.True(File.Exists(Path.Combine(target, "project.json")));
        Assert.Single(Directory.GetDirectories(_dir));
        var back = ProjectFolder.Open(target).Load();
        Assert.Equal("a robot dances", back.Prompt);
        Assert.Equal(7, back.Settings.Seed);
        Assert.Equal("assets/scene.ply", back.Artefacts["scene"].File);
    }

    [Fact]
    public void ExistingFolder_IsRefused_WithoutForce_AndReplacedOnlyAtPublish()
    {
        var target = Path.Combine(_dir, "p");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "mine.txt"), "keep");
        var e = Assert.Throws<C3VException>(() => ProjectFolder.CreateStaging(target, force: false));
        Assert.Contains("--force", e.Message);
        var folder = ProjectFolder.CreateStaging(target, force: true);
        Assert.True(File.Exists(Path.Combine(target, "mine.txt")));
        folder.Discard();
        Assert.True(File.Exists(Path.Combine(target, "mine.txt")));
        Assert.Single(Directory.GetFileSystemEntries(_dir));
        folder = ProjectFolder.CreateStaging(target, force: true);
        folder.Save(Minimal());
        folder.Publish();
        Assert.False(File.Exists(Path.Combine(target, "mine.txt")));
        Assert.Single(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void Open_NonProject_IsAClearError()
    {
        Assert.Contains("no such project", Assert.Throws<C3VException>(() => ProjectFolder.Open(Path.Combine(_dir, "nope"))).Message);
        Assert.Contains("not a c3v project", Assert.Throws<C3VException>(() => ProjectFolder.Open(_dir)).Message);
    }

    [Theory]
    [InlineData("{", "project.json")]
    [InlineData("{\"version\": 99, \"prompt\": \"x\", \"settings\": {}}", "newer")]
    [InlineData("{\"version\": 1, \"settings\": {}}", "prompt")]
    [InlineData("{\"version\": 1, \"prompt\": \"x\", \"settings\": {\"fps\": \"fast\"}}", "$.settings.fps")]
    [InlineData("{\"version\": 1, \"prompt\": \"x\", \"settings\": {}, \"layouts\": {\"robot\": {\"scale\": 1, \"waypoints\": [[0, 0]]}}}", "$.layouts.robot.waypoints[0]")]
    [InlineData("{\"version\": 1, \"prompt\": \"x\", \"settings\": {}, \"layouts\": {\"robot\": {\"scale\": -1, \"waypoints\": [[0, 0, 0]]}}}", "$.layouts.robot.scale")]
    public void CorruptProjectJson_NamesFileAndProblem(string json, string expected)
    {
        File.WriteAllText(Path.Combine(_dir, "project.json"), json);
        var e = Assert.Throws<InvalidFileException>(() => ProjectFolder.Open(_dir).Load());
        Assert.Contains("project.json", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void RetireRender_KeepsThePreviousClip_UnlessReplace()
    {
        var folder = ProjectFolder.CreateStaging(Path.Combine(_dir, "p"), false);
        folder.Publish();
        File.WriteAllText(folder.PathOf("renders/video.mp4"), "v1");
        File.WriteAllText(folder.PathOf("renders/contact-sheet.png"), "s1");
        var rec = new RenderRecord { File = "renders/video.mp4", Format = "mp4", Key = "k", ContactSheet = "renders/contact-sheet.png", CompletedUtc = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) };
        var kept = folder.RetireRender(rec, replace: false);
        Assert.Equal(["renders/previous/video-20260102-030405.mp4", "renders/previous/contact-sheet-20260102-030405.png"], kept.Select(k => k.Replace('\\', '/')));
        Assert.False(File.Exists(folder.PathOf("renders/video.mp4")));
        File.WriteAllText(folder.PathOf("renders/video.mp4"), "v2");
        Assert.Single(folder.RetireRender(rec, replace: false), k => k.Contains("video"));
        Assert.Equal(2, Directory.GetFiles(folder.PreviousRenders, "video-*").Length);
        File.WriteAllText(folder.PathOf("renders/video.mp4"), "v3");
        Assert.Empty(folder.RetireRender(rec, replace: true));
        Assert.False(File.Exists(folder.PathOf("renders/video.mp4")));
    }
}

public class ArtefactCacheTests
{
    [Fact]
    public void Keys_ChangeExactlyWithInputs()
    {
        Assert.Equal(InputHash.Of("scene", "a stage", 7), InputHash.Of("scene", "a stage", 7));
        Assert.NotEqual(InputHash.Of("scene", "a stage", 7), InputHash.Of("scene", "a stage", 8));
        Assert.NotEqual(InputHash.Of("scene", "a", "b c"), InputHash.Of("scene", "a b", "c"));
        Assert.NotEqual(InputHash.Of("scene", "x"), InputHash.Of("actor", "x"));
    }

    [Fact]
    public void ReusesWhenKeyMatches_RecomputesOtherwise_AndReportsWhich()
    {
        var previous = new Dictionary<string, ArtefactRecord> { ["scene"] = new("k1"), ["actor-a"] = new("k2") };
        var cache = new ArtefactCache(previous);
        int computed = 0;
        Assert.Equal("old", cache.GetOrCompute("scene", "k1", () => { computed++; return "new"; }, _ => "old"));
        Assert.Equal("new", cache.GetOrCompute("actor-a", "k-changed", () => { computed++; return "new"; }, _ => "old"));
        Assert.Equal("new", cache.GetOrCompute("motion-a", "k3", () => { computed++; return "new"; }, _ => "old"));
        Assert.Equal(2, computed);
        Assert.Equal(["scene"], cache.Reused);
        Assert.Equal(["actor-a", "motion-a"], cache.Recomputed);
        Assert.Equal("k-changed", cache.Records["actor-a"].Key);
    }

    [Fact]
    public void ALoadThatFails_FallsBackToComputing()
    {
        var cache = new ArtefactCache(new Dictionary<string, ArtefactRecord> { ["scene"] = new("k1") });
        Assert.Equal("new", cache.GetOrCompute<string>("scene", "k1", () => "new", _ => throw new InvalidFileException("x", "corrupt")));
        Assert.Equal(["scene"], cache.Recomputed);
    }

    [Fact]
    public void AMissingFile_IsNotReused()
    {
        var root = Directory.CreateTempSubdirectory("c3v-cache-").FullName;
        try
        {
            var cache = new ArtefactCache(new Dictionary<string, ArtefactRecord> { ["scene"] = new("k1", "assets/scene.ply") }, root);
            Assert.False(cache.CanReuse("scene", "k1"));
            Directory.CreateDirectory(Path.Combine(root, "assets"));
            File.WriteAllText(Path.Combine(root, "assets/scene.ply"), "x");
            Assert.True(cache.CanReuse("scene", "k1"));
        }
        finally { Directory.Delete(root, true); }
    }
}
