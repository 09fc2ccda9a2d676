using C3V.Batch;
using C3V.Common;
using C3V.Projects;

namespace C3V.Tests.Batch;

public class DatasetFolderTests
{
    static string Temp() => Directory.CreateTempSubdirectory("c3v-ds-").FullName;

    static JobRecord Record(string id) => new() { Id = id, Prompt = "p", Options = new GenerationSettings(), Status = JobStatus.Done };

    [Fact]
    public void AFolderThatIsNotADataset_IsRefusedWithoutForce_AndKeptWithIt()
    {
        var dir = Temp();
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        var e = Assert.Throws<C3VException>(() => DatasetFolder.Open(dir, create: true));
        Assert.Contains("not a c3v dataset", e.Message);
        Assert.Contains("--force", e.Message);
        var ds = DatasetFolder.Open(dir, create: true, force: true);
        Assert.True(File.Exists(Path.Combine(dir, "notes.txt")));
        Assert.True(Directory.Exists(ds.Projects));
        // Empty and absent folders are simply created; a file is refused.
        DatasetFolder.Open(Path.Combine(dir, "new"), create: true);
        Assert.Contains("is a file", Assert.Throws<C3VException>(() => DatasetFolder.Open(Path.Combine(dir, "notes.txt"), create: true)).Message);
    }

    [Fact]
    public void Publish_PutsAJobsOutputThereExactlyOnce()
    {
        var ds = DatasetFolder.Open(Temp(), create: true);
        string first = ds.NewStaging("job-1"), second = ds.NewStaging("job-1");
        foreach (var (s, text) in new[] { (first, "first"), (second, "second") })
        {
            Directory.CreateDirectory(s);
            File.WriteAllText(Path.Combine(s, "video.gif"), text);
        }
        Assert.True(ds.Publish(first, Record("job-1")));
        Assert.False(ds.Publish(second, Record("job-1")));
        Assert.Equal("first", File.ReadAllText(Path.Combine(ds.ProjectOf("job-1"), "video.gif")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(ds.Staging));
        Assert.Equal("job-1", Assert.Single(ds.AllFinished()).Id);
    }

    [Fact]
    public void CleanStaging_RemovesDeadProcessesAttempts_NotLiveOnes()
    {
        var ds = DatasetFolder.Open(Temp(), create: true);
        var live = ds.NewStaging("a");
        Directory.CreateDirectory(live);
        // The same name pattern with a process id that cannot be running.
        var dead = live.Replace($".{Environment.ProcessId}.", ".2147483646.");
        Directory.CreateDirectory(Path.Combine(dead, "renders"));
        Assert.Equal(1, ds.CleanStaging());
        Assert.True(Directory.Exists(live));
        Assert.False(Directory.Exists(dead));
    }

    [Fact]
    public void Lock_KeepsASecondBatchOut()
    {
        var ds = DatasetFolder.Open(Temp(), create: true);
        using (ds.Lock())
            Assert.Contains($"dataset is busy: batch (pid {Environment.ProcessId})", Assert.Throws<C3V.Projects.ProjectLockedException>(() => ds.Lock()).Message);
        ds.Lock().Dispose();
    }
}
