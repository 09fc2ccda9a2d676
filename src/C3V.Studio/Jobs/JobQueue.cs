using System.Threading.Channels;
using C3V.Common;
using C3V.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace C3V.Studio.Jobs;

/// <summary>A project already has a job waiting or running: answered 409 with the job.</summary>
public sealed class ProjectBusyException(Job job) : C3VException($"project '{job.Project}' is busy: {job.Kind} job {job.Id} is {job.State.ToString().ToLowerInvariant()}")
{
    public Job Job { get; } = job;
}

/// <summary>
/// Runs pipeline jobs one after the other (the machine's cores go to one render at a time), so a project never
/// has two runs at once; a job waiting shows its place in the queue, updated as jobs ahead start or go. Jobs
/// outlive the requests that started them, and their records (<see cref="JobLog"/>) outlive the server: after a
/// restart, earlier jobs are listed again, those cut short as interrupted.
/// </summary>
public sealed class JobQueue : BackgroundService
{
    readonly Channel<Job> _pending = Channel.CreateUnbounded<Job>();
    readonly Lock _gate = new();
    readonly List<Job> _jobs = [];
    readonly ILogger<JobQueue> _log;
    readonly JobLog _records;

    public JobQueue(ILogger<JobQueue> log, JobLog records)
    {
        _log = log;
        _records = records;
        foreach (var record in records.Load(p => log.LogWarning("{Problem}", p)))
        {
            var job = new Job(record);
            if (job.State != record.State) Save(job); // it was cut short: say so in its record too
            _jobs.Add(job);
        }
    }

    void Save(Job job)
    {
        // A full disk or a removed folder must not stop the job itself; the record is a convenience.
        try { _records.Save(job); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { _log.LogWarning("could not write the record of job {Id}: {Message}", job.Id, e.Message); }
    }

    /// <summary>Queues a job for <see cref="Job.Project"/>; refused while another job on that project is not finished.</summary>
    public Job Enqueue(Job job)
    {
        lock (_gate)
        {
            if (_jobs.FirstOrDefault(j => j.Project == job.Project && !j.IsFinished) is { } busy) throw new ProjectBusyException(busy);
            _jobs.Add(job);
            // Told its place under the lock, so no update of the queue's places comes before it.
            job.Changed = Save;
            job.Add("queued", text: job.Description, position: PositionOf(job));
        }
        _pending.Writer.TryWrite(job);
        return job;
    }

    /// <summary>Tells every waiting job its place after the queue moved.</summary>
    void MovedUp()
    {
        lock (_gate)
            foreach (var waiting in _jobs.Where(j => j.State == JobState.Queued))
                if (PositionOf(waiting) is var place && place != waiting.LastPosition) waiting.Add("position", position: place);
    }

    /// <summary>Cancels a job: a waiting one ends at once, a running one at the pipeline's next check.</summary>
    public void Cancel(Job job)
    {
        lock (_gate)
        {
            job.Cancel();
            if (job.State != JobState.Queued) return;
            job.Finish(JobState.Cancelled, null, "cancelled before it started");
        }
        MovedUp();
    }

    public Job? Find(string id)
    {
        lock (_gate) return _jobs.FirstOrDefault(j => j.Id == id);
    }

    /// <summary>Every job, newest first.</summary>
    public IReadOnlyList<Job> All()
    {
        lock (_gate) return _jobs.AsEnumerable().Reverse().ToList();
    }

    /// <summary>The unfinished job on a project, if any (its files are being rewritten).</summary>
    public Job? ActiveOn(string project)
    {
        lock (_gate) return _jobs.FirstOrDefault(j => j.Project == project && !j.IsFinished);
    }

    /// <summary>1 for the next job to run, 2 after it…; 0 when running or finished.</summary>
    public int PositionOf(Job job)
    {
        lock (_gate)
        {
            if (job.State != JobState.Queued) return 0;
            // Jobs run in the order they were queued, which is the list's order.
            return _jobs.TakeWhile(j => j != job).Count(j => j.State == JobState.Queued) + 1;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await foreach (var job in _pending.Reader.ReadAllAsync(stopping))
        {
            if (job.IsFinished) continue; // cancelled while it waited
            job.Start();
            MovedUp();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, job.Cancellation);
            try
            {
                // The pipeline is CPU-bound and synchronous in places: run it off the request threads.
                var summary = await Task.Run(() => job.Work(new JobObserver(job), linked.Token), linked.Token);
                job.Finish(JobState.Done, summary, null);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested && !job.Cancellation.IsCancellationRequested)
            {
                job.Finish(JobState.Interrupted, null, "interrupted: the studio stopped while this job ran; start it again");
            }
            catch (OperationCanceledException e)
            {
                job.Finish(JobState.Cancelled, null, e is RenderInterruptedException r ? $"cancelled: {r.Message}" : "cancelled");
            }
            catch (Exception e)
            {
                job.Finish(JobState.Failed, null, ApiErrors.Describe(e));
                if (e is not C3VException and not IOException) _log.LogError(e, "job {Id} failed", job.Id);
            }
        }
    }
}
