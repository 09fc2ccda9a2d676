using C3V.Studio.Jobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace C3V.Studio.Tests.Jobs;

/// <summary>Job records outlive the server: a restarted studio lists earlier jobs, those cut short as interrupted.</summary>
public sealed class JobLogTests : IDisposable
{
    readonly string _root = Directory.CreateTempSubdirectory("c3v-joblog-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    static Job Make(string project) => new("render", project, "render the video", (_, _) => Task.FromResult<C3V.Pipeline.RunSummary?>(null));

    [Fact]
    public void A_job_cut_short_by_a_restart_comes_back_interrupted_with_its_events_and_a_finished_one_as_it_ended()
    {
        var log = new JobLog(_root);
        var running = Make("a");
        running.Changed = log.Save;
        running.Add("queued", text: "render the video", position: 1);
        running.Start();
        running.Add("started", "render", "8 frames");
        running.Add("progress", "render", done: 3, total: 8);
        var done = Make("b");
        done.Changed = log.Save;
        done.Start();
        done.Finish(JobState.Done, null, null);

        // A new server over the same projects folder (the first one died without a word).
        var queue = new JobQueue(NullLogger<JobQueue>.Instance, new JobLog(_root));
        var restored = queue.Find(running.Id)!;
        Assert.Equal(JobState.Interrupted, restored.State);
        Assert.Contains("studio stopped while this job ran", restored.Error);
        var events = restored.EventsAfter(0);
        Assert.True(events.Finished);
        Assert.Equal(["queued", "running", "started", "interrupted"], events.Events.Select(e => e.Type));
        Assert.Equal(JobState.Done, queue.Find(done.Id)!.State);
        Assert.Null(queue.ActiveOn("a"));
        // The interruption is written back, so a third start reads the same.
        Assert.Equal(JobState.Interrupted, new JobQueue(NullLogger<JobQueue>.Instance, new JobLog(_root)).Find(running.Id)!.State);
    }

    [Fact]
    public void An_unreadable_record_is_skipped_and_only_the_newest_records_are_kept()
    {
        var log = new JobLog(_root);
        Directory.CreateDirectory(log.Folder);
        File.WriteAllText(Path.Combine(log.Folder, "broken.json"), "{ not json");
        for (int i = 0; i < JobLog.Keep + 3; i++)
        {
            var job = Make($"p{i}");
            job.Start();
            job.Finish(JobState.Done, null, null);
            log.Save(job);
        }
        var problems = new List<string>();
        var records = new JobLog(_root).Load(problems.Add);
        Assert.Equal(JobLog.Keep, records.Count);
        Assert.Single(problems, p => p.Contains("broken.json"));
        Assert.Equal(JobLog.Keep + 1, Directory.GetFiles(log.Folder).Length); // the broken one is left for the user to look at
    }
}
