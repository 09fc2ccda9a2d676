using C3V.Studio.Files;

namespace C3V.Studio.Tests.Files;

public sealed class ProjectStoreTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), $"c3v-store-{Guid.NewGuid():N}");
    readonly ProjectStore _store;

    public ProjectStoreTests()
    {
        _store = new ProjectStore(_root);
        Directory.CreateDirectory(Path.Combine(_root, "p", "renders"));
        File.WriteAllText(Path.Combine(_root, "p", "project.json"), "{}");
        File.WriteAllText(Path.Combine(_root, "p", "renders", "video.mp4"), "v");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("/etc")]
    [InlineData("a..b")]
    [InlineData("name with space")]
    public void Names_that_are_not_one_plain_folder_are_refused(string name) =>
        Assert.Throws<PathRefusedException>(() => ProjectStore.CheckName(name));

    [Theory]
    [InlineData("../p/project.json")]
    [InlineData("renders/../../p/project.json")]
    [InlineData("/etc/passwd")]
    [InlineData("renders/./video.mp4")]
    [InlineData("renders//video.mp4")]
    [InlineData("renders/%2e%2e/project.json")]
    [InlineData(".git/config")]
    [InlineData("c:/windows")]
    public void File_paths_that_leave_or_hide_are_refused(string path) =>
        Assert.Throws<PathRefusedException>(() => _store.FileOf("p", path));

    [Fact]
    public void A_plain_path_inside_the_project_resolves() =>
        Assert.Equal(Path.Combine(_root, "p", "renders", "video.mp4"), _store.FileOf("p", "renders/video.mp4"));

    [Fact]
    public void Missing_projects_and_files_say_so()
    {
        Assert.Contains("does not exist", Assert.Throws<NotFoundException>(() => _store.Existing("q")).Message);
        Assert.Contains("no file", Assert.Throws<NotFoundException>(() => _store.FileOf("p", "renders/none.mp4")).Message);
    }

    [Fact]
    public void Duplicate_copies_and_never_replaces()
    {
        _store.Duplicate("p", "q");
        Assert.True(File.Exists(Path.Combine(_root, "q", "renders", "video.mp4")));
        Assert.Throws<Common.C3VException>(() => _store.Duplicate("p", "q"));
        Assert.Equal(["q", "p"], _store.List().Order().Reverse());
    }
}
