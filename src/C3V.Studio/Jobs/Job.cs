using System.Text.Json.Serialization;
using C3V.Pipeline;

namespace C3V.Studio.Jobs;

[JsonConverter(typeof(JsonStringEnumConverter<JobState>))]
public enum JobState
{
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("done")] Done,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    /// <summary>The studio stopped (or crashed) before the job ended; known from its record in the projects folder.</summary>
    [JsonStringEnumMemberName("interrupted")] Interrupted,
}

/// <summary>
/// One thing the pipeline was heard doing, as the page shows it: a stage started / progressed / finished (with its
/// figures), a warning, or the job's end. <see cref="Seq"/> numbers them so a page that reconnects gets the rest.
/// </summary>
public sealed record JobEvent
{
    public required int Seq { get; init; }
    /// <summary>queued, position, running, started, progress, finished, warning, done, failed, cancelled, interrupted.</summary>
    public required string Type { get; init; }
    public string? Stage { get; init; }
    public string? Text { get; init; }
    public int? Done { get; init; }
    public int? Total { get; init; }
    public bool? Reused { get; init; }
    /// <summary>The job's place in the queue when it was queued or moved up (1 = next).</summary>
    public int? Position { get; init; }
    public DateTimeOffset Utc { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>What a job is asked to do: the pipeline call, given an observer and the cancellation.</summary>
public delegate Task<RunSummary?> JobWork(IPipelineObserver observer, CancellationToken cancellation);

/// <summary>
/// A queued pipeline run on one project (generate, edit, render, export). It lives in the server, not in the
/// page: closing the tab does not stop it, and its events are replayed to whoever reconnects.
/// </summary>
public sealed class Job
{
    readonly Lock _gate = new();
    readonly List<JobEvent> _events = [];
    TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly CancellationTokenSource _cancel = new();

    public Job(string kind, string project, string description, JobWork work)
    {
        Kind = kind;
        Project = project;
        Description = description;
        Work = work;
    }

    /// <summary>A job of an earlier run of the studio, as its record left it (it cannot run again).</summary>
    internal Job(JobRecord record)
    {
        Id = record.Id;
        Kind = record.Kind;
        Project = record.Project;
        Description = record.Description;
        Created = record.Created;
        State = record.State;
        Summary = record.Summary;
        Error = record.Error;
        _events.AddRange(record.Events);
        Work = (_, _) => throw new InvalidOperationException($"job {Id} is a record of an earlier run");
        if (!IsFinished)
            Finish(JobState.Interrupted, null, State == JobState.Queued
                ? "interrupted: the studio stopped before this job started; start it again"
                : "interrupted: the studio stopped while this job ran; start it again");
    }

    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];
    public string Kind { get; }
    public string Project { get; }
    public string Description { get; }
    public DateTimeOffset Created { get; } = DateTimeOffset.UtcNow;
    public JobState State { get; private set; } = JobState.Queued;
    public RunSummary? Summary { get; private set; }
    public string? Error { get; private set; }
    internal JobWork Work { get; }
    /// <summary>Told after each event worth keeping across a restart (not per-frame progress): the queue writes the job's record.</summary>
    internal Action<Job>? Changed { get; set; }
    internal CancellationToken Cancellation => _cancel.Token;
    public bool IsFinished => State is JobState.Done or JobState.Failed or JobState.Cancelled or JobState.Interrupted;

    public void Cancel() => _cancel.Cancel();

    /// <summary>The events from <paramref name="after"/> on, and a task that completes when more arrive.</summary>
    public (IReadOnlyList<JobEvent> Events, Task Changed, bool Finished) EventsAfter(int after)
    {
        lock (_gate) return (_events.Where(e => e.Seq > after).ToList(), _changed.Task, IsFinished);
    }

    /// <summary>The last place in the queue the job was told, if any.</summary>
    internal int? LastPosition
    {
        get { lock (_gate) return _events.LastOrDefault(e => e.Position is not null)?.Position; }
    }

    /// <summary>The job as its record keeps it.</summary>
    internal JobRecord Record()
    {
        lock (_gate) return new JobRecord(Id, Kind, Project, Description, Created, State, Error, Summary, [.. _events]);
    }

    internal void Add(string type, string? stage = null, string? text = null, int? done = null, int? total = null, bool? reused = null, int? position = null)
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            // Render progress comes per frame, positions with every job ahead; keep only the latest for the replay
            // (the page needs the bar and the place now, not their history).
            if (type is "progress" or "position" && _events.Count > 0 && _events[^1].Type == type && _events[^1].Stage == stage) _events.RemoveAt(_events.Count - 1);
            _events.Add(new JobEvent { Seq = (_events.Count == 0 ? 0 : _events[^1].Seq) + 1, Type = type, Stage = stage, Text = text, Done = done, Total = total, Reused = reused, Position = position });
            wake = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.TrySetResult();
        if (type != "progress") Changed?.Invoke(this);
    }

    internal void Start()
    {
        lock (_gate) State = JobState.Running;
        Add("running", text: Description);
    }

    internal void Finish(JobState state, RunSummary? summary, string? error)
    {
        lock (_gate)
        {
            Summary = summary;
            Error = error;
        }
        // The state changes with the last event, so a reader that sees "finished" has every event.
        TaskCompletionSource wake;
        lock (_gate)
        {
            State = state;
            var type = state switch { JobState.Done => "done", JobState.Cancelled => "cancelled", JobState.Interrupted => "interrupted", _ => "failed" };
            _events.Add(new JobEvent { Seq = (_events.Count == 0 ? 0 : _events[^1].Seq) + 1, Type = type, Text = error ?? summary?.Video });
            wake = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.TrySetResult();
        Changed?.Invoke(this);
    }
}

/// <summary>Turns the pipeline's observer calls into the job's events.</summary>
sealed class JobObserver(Job job) : IPipelineObserver
{
    public void Started(string stage, string detail) => job.Add("started", stage, detail);
    public void Progress(string stage, int done, int total) => job.Add("progress", stage, done: done, total: total);
    public void Finished(string stage, string summary, bool reused) => job.Add("finished", stage, summary, reused: reused);
    public void Warning(string message) => job.Add("warning", text: message);
}
