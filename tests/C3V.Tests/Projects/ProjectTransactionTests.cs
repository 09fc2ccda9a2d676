using C3V.Common;
using C3V.Projects;

namespace C3V.Tests.Projects;

public sealed class ProjectTransactionTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-tx-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string MakeProject()
    {
        var target = Path.Combine(_dir, "p");
        var folder = ProjectFolder.CreateStaging(target, force: false);
        folder.Save(new ProjectFile { Version = 1, Prompt = "a robot dances", Settings = new GenerationSettings() });
        File.WriteAllText(folder.PathOf("assets/keep.txt"), "kept");
        File.WriteAllText(folder.PathOf("assets/change.txt"), "old");
        File.WriteAllText(folder.PathOf("renders/remove.txt"), "gone");
        Directory.CreateDirectory(folder.PathOf("renders/previous/old-frames"));
        File.WriteAllText(folder.PathOf("renders/previous/old-frames/f0.png"), "png");
        folder.Publish();
        return target;
    }

    [Fact]
    public void Commit_PublishesChangesAdditionsAndRemovals_AndLeavesNoStaging()
    {
        var target = MakeProject();
        using (var tx = ProjectTransaction.Begin(target, "test"))
        {
            Assert.NotEqual(target, tx.Folder.Root);
            AtomicFile.WriteAllText(tx.Folder.PathOf("assets/change.txt"), "new");
            AtomicFile.WriteAllText(tx.Folder.PathOf("assets/added.txt"), "added");
            File.Delete(tx.Folder.PathOf("renders/remove.txt"));
            Directory.Delete(tx.Folder.PathOf("renders/previous/old-frames"), recursive: true);
            tx.Folder.Save(tx.Project with { Prompt = "a robot dances well" });
            // Nothing is visible in the project before the commit.
            Assert.Equal("old", File.ReadAllText(Path.Combine(target, "assets/change.txt")));
            Assert.False(File.Exists(Path.Combine(target, "assets/added.txt")));
            tx.Commit();
            Assert.Equal(target, tx.Folder.Root);
        }
        Assert.Equal("kept", File.ReadAllText(Path.Combine(target, "assets/keep.txt")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "assets/change.txt")));
        Assert.Equal("added", File.ReadAllText(Path.Combine(target, "assets/added.txt")));
        Assert.False(File.Exists(Path.Combine(target, "renders/remove.txt")));
        Assert.False(Directory.Exists(Path.Combine(target, "renders/previous/old-frames")));
        Assert.Equal("a robot dances well", ProjectLoader.Load(target).Prompt);
        ProjectSnapshot.AssertNoStagingLeft(target);
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesTheProjectByteIdentical()
    {
        var target = MakeProject();
        var before = new ProjectSnapshot(target);
        using (var tx = ProjectTransaction.Begin(target, "test"))
        {
            // A writer that replaces a linked file must not reach the original through the link.
            AtomicFile.WriteAllText(tx.Folder.PathOf("assets/keep.txt"), "overwritten");
            File.Delete(tx.Folder.PathOf("assets/change.txt"));
            tx.Folder.Save(tx.Project with { Prompt = "changed" });
        }
        before.AssertSameAs(new ProjectSnapshot(target));
        ProjectSnapshot.AssertNoStagingLeft(target);
    }

    [Fact]
    public void ResumableFrames_AreNeitherStagedNorRemovedByACommit()
    {
        var target = MakeProject();
        var cache = Path.Combine(target, "renders", ProjectTransaction.ResumablePrefix + "abc");
        Directory.CreateDirectory(cache);
        File.WriteAllText(Path.Combine(cache, "frame-00000.rgb"), "rgb");
        using var tx = ProjectTransaction.Begin(target, "test");
        Assert.False(Directory.Exists(tx.Folder.PathOf("renders/" + ProjectTransaction.ResumablePrefix + "abc")));
        Assert.Equal(Path.Combine(target, "renders"), tx.Folder.ResumableFramesParent);
        tx.Commit();
        Assert.True(File.Exists(Path.Combine(cache, "frame-00000.rgb")));
    }

    [Fact]
    public void Begin_OnAnInvalidProject_FailsBeforeStaging()
    {
        var target = MakeProject();
        File.WriteAllText(Path.Combine(target, "project.json"), "{\"version\": 1, \"prompt\": \"x\", \"settings\": {\"camera\": \"teleport\"}}");
        var e = Assert.Throws<InvalidFileException>(() => ProjectTransaction.Begin(target, "test"));
        Assert.Contains("$.settings.camera", e.Message);
        ProjectSnapshot.AssertNoStagingLeft(target);
    }
}
