using C3V.Projects;
using C3V.Tests.Batch;
using C3V.Tests.Pipeline;
using C3V.Tests.Projects;

namespace C3V.Tests.Cli;

/// <summary>Two processes, one project: the c3v command run while this process holds the project is refused in one line.</summary>
[Collection(SmallProject.Collection)]
public sealed class BusyProjectTests(SmallProject small)
{
    [Fact]
    public async Task AnEditInAnotherProcess_WhileTheProjectIsHeld_SaysWhoHoldsIt_AndChangesNothing()
    {
        var dir = small.Copy("cli-busy");
        var before = new ProjectSnapshot(dir);
        using (ProjectLock.Acquire(dir, "render-project"))
        {
            var (code, err) = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), "edit", dir, "--camera", "orbit", "-q");
            Assert.Equal(1, code);
            Assert.Contains($"project is busy: render-project (pid {Environment.ProcessId}) since", err);
            Assert.DoesNotContain("internal error", err);
            Assert.DoesNotContain("   at ", err);
        }
        before.AssertSameAs(new ProjectSnapshot(dir));
        ProjectSnapshot.AssertNoStagingLeft(dir);
    }
}
