using System.Diagnostics;
using System.Text.Json;
using C3V.Common;
using C3V.Projects;

namespace C3V.Tests.Projects;

/// <summary>
/// One writer at a time on a project, across processes: a busy project is an immediate error naming the holder,
/// a lock left by a dead (or pid-reusing) process is taken over, and racing takers never both win. No test waits
/// on a lock; the child processes used as holders are bounded and killed in finally.
/// </summary>
public sealed class ProjectLockTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-lock-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string Project(string name = "p")
    {
        var dir = Path.Combine(_dir, name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A lock file as another c3v process would have written it.</summary>
    static void WriteLock(string dir, int pid, string? processStart, string verb = "render-project") =>
        File.WriteAllText(ProjectLock.PathFor(dir), JsonSerializer.Serialize(new LockHolder(verb, pid, DateTimeOffset.UtcNow.AddMinutes(-3),
            Environment.MachineName, processStart, "someone-else")));

    static Process Child(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    [Fact]
    public void ASecondHandle_IsRefused_NamingVerbPidAndTime_UntilTheFirstIsReleased()
    {
        var dir = Project();
        using (var first = ProjectLock.Acquire(dir, "render-project"))
        {
            Assert.True(File.Exists(ProjectLock.PathFor(dir)));
            Assert.False(File.Exists(Path.Combine(dir, ".c3v-lock")), "the lock lives beside the project, not in it");
            var e = Assert.Throws<ProjectLockedException>(() => ProjectLock.Acquire(dir, "edit"));
            Assert.Matches($@"project is busy: render-project \(pid {Environment.ProcessId}\) since \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC", e.Message);
            Assert.StartsWith(dir, e.Message);
            Assert.Equal("render-project", ProjectLock.HolderOf(dir)!.Verb);
        }
        Assert.False(File.Exists(ProjectLock.PathFor(dir)));
        Assert.Null(ProjectLock.HolderOf(dir));
        ProjectLock.Acquire(dir, "edit").Dispose();
    }

    [Fact]
    public void ALockOfALiveProcess_IsRespected_AndTakenOverOnceItDies()
    {
        var dir = Project();
        using var holder = Child("sleep", "60");
        try
        {
            WriteLock(dir, holder.Id, ProjectLock.ProcessStart(holder.Id));
            var e = Assert.Throws<ProjectLockedException>(() => ProjectLock.Acquire(dir, "edit"));
            Assert.Contains($"render-project (pid {holder.Id})", e.Message);
            Assert.Throws<ProjectLockedException>(() => ProjectLock.ThrowIfHeld(dir));

            holder.Kill();
            Assert.True(holder.WaitForExit(10_000));
            using var mine = ProjectLock.Acquire(dir, "edit");
            Assert.Equal(Environment.ProcessId, mine.Holder.Pid);
            Assert.Contains("\"verb\":\"edit\"", File.ReadAllText(ProjectLock.PathFor(dir)));
        }
        finally
        {
            if (!holder.HasExited) holder.Kill();
        }
    }

    [Fact]
    public void ALockOfAProcessThatEnded_IsTakenOver()
    {
        var dir = Project();
        using var gone = Child("true");
        Assert.True(gone.WaitForExit(10_000));
        WriteLock(dir, gone.Id, "12345");
        using var mine = ProjectLock.Acquire(dir, "edit");
        Assert.Equal("edit", ProjectLock.HolderOf(dir)!.Verb);
    }

    [Fact]
    public void APidReusedByAnotherProcess_IsNotTheHolder()
    {
        // our own pid, but a start time that is not ours: the holder that wrote it is gone and the pid was reused
        var dir = Project();
        WriteLock(dir, Environment.ProcessId, "1");
        using var mine = ProjectLock.Acquire(dir, "edit");
        Assert.Equal(ProjectLock.ProcessStart(Environment.ProcessId), mine.Holder.ProcessStart);
    }

    [Fact]
    public void AnUnreadableLockFile_IsNobodys()
    {
        var dir = Project();
        File.WriteAllText(ProjectLock.PathFor(dir), "not json {");
        Assert.Null(ProjectLock.HolderOf(dir));
        ProjectLock.Acquire(dir, "edit").Dispose();
        Assert.False(File.Exists(ProjectLock.PathFor(dir)));
    }

    [Fact]
    public void ReleasingALockThatWasTakenOver_LeavesTheNewHoldersLock()
    {
        var dir = Project();
        var mine = ProjectLock.Acquire(dir, "edit");
        WriteLock(dir, Environment.ProcessId, ProjectLock.ProcessStart(Environment.ProcessId), "generate");
        mine.Dispose();
        Assert.Equal("generate", ProjectLock.HolderOf(dir)!.Verb);
    }

    [Fact]
    public void RacingTakersOfAStaleLock_OneWins_TheOthersAreToldWho()
    {
        var dir = Project();
        using var gone = Child("true");
        Assert.True(gone.WaitForExit(10_000));
        for (int round = 0; round < 20; round++)
        {
            WriteLock(dir, gone.Id, "12345");
            var won = new System.Collections.Concurrent.ConcurrentBag<ProjectLock>();
            var refused = new System.Collections.Concurrent.ConcurrentBag<ProjectLockedException>();
            using var start = new Barrier(6);
            var takers = Enumerable.Range(0, 6).Select(i => new Thread(() =>
            {
                start.SignalAndWait(10_000);
                try { won.Add(ProjectLock.Acquire(dir, $"taker-{i}")); }
                catch (ProjectLockedException e) { refused.Add(e); }
            })).ToList();
            takers.ForEach(t => t.Start());
            Assert.All(takers, t => Assert.True(t.Join(30_000)));
            var winner = Assert.Single(won);
            Assert.Equal(5, refused.Count);
            Assert.All(refused, e => Assert.Contains($"{winner.Holder.Verb} (pid {Environment.ProcessId})", e.Message));
            winner.Dispose();
            Assert.False(File.Exists(ProjectLock.PathFor(dir)));
        }
    }

    [Fact]
    public void AFolderWhoseParentIsMissing_IsAClearError()
    {
        var e = Assert.Throws<C3VException>(() => ProjectLock.Acquire(Path.Combine(_dir, "none", "p"), "edit"));
        Assert.Contains("does not exist", e.Message);
    }
}
