using System.Diagnostics;

namespace C3V.Batch;

/// <summary>
/// The state of a batch run over a dataset: a record per job (the dataset's earlier jobs included), counts for the
/// progress display, and the manifest and index, rewritten atomically at most once a second (and at the end).
/// Both engines keep one; it is thread-safe.
/// </summary>
public sealed class BatchLedger
{
    readonly DatasetFolder _dataset;
    readonly Dictionary<string, JobRecord> _records = new(StringComparer.Ordinal);
    readonly HashSet<string> _thisRun = new(StringComparer.Ordinal);
    readonly IReadOnlyList<LineProblem> _problems;
    readonly string _source, _engine;
    readonly int _workers;
    readonly Stopwatch _clock = Stopwatch.StartNew();
    readonly object _gate = new();
    TimeSpan? _lastFlush;
    int _finishedThisRun, _doneThisRun;

    /// <summary>The jobs of this run that have no published project (in file order).</summary>
    public IReadOnlyList<BatchJob> Pending { get; }
    /// <summary>Jobs of this run already done before it started.</summary>
    public int Skipped { get; }

    public BatchLedger(DatasetFolder dataset, PromptFileResult input, string source, string engine, int workers)
    {
        _dataset = dataset;
        _problems = input.Problems;
        _source = source;
        _engine = engine;
        _workers = workers;
        foreach (var r in dataset.ReadManifest()) _records[r.Id] = r;
        // The projects are the truth: a job published just before a crash is done even if the manifest missed it.
        foreach (var r in dataset.AllFinished()) _records[r.Id] = r;
        var pending = new List<BatchJob>();
        foreach (var job in input.Jobs)
        {
            _thisRun.Add(job.Id);
            if (_records.TryGetValue(job.Id, out var r) && r.Status == JobStatus.Done && dataset.Finished(job.Id) is not null) { Skipped++; continue; }
            _records[job.Id] = JobRecord.PendingFor(job);
            pending.Add(job);
        }
        // A record saying done whose project is gone (deleted by hand) is not done any more.
        foreach (var r in _records.Values.Where(r => r.Status == JobStatus.Done && !_thisRun.Contains(r.Id) && dataset.Finished(r.Id) is null).ToList())
            _records[r.Id] = r with { Status = JobStatus.Pending, Error = "project missing" };
        Pending = pending;
    }

    public void Update(JobRecord record)
    {
        lock (_gate)
        {
            bool wasFinished = _records.TryGetValue(record.Id, out var old) && old.Status is JobStatus.Done or JobStatus.Failed;
            _records[record.Id] = record;
            if (!wasFinished && record.Status is JobStatus.Done or JobStatus.Failed)
            {
                _finishedThisRun++;
                if (record.Status == JobStatus.Done) _doneThisRun++;
            }
        }
        Flush(force: false);
    }

    public JobRecord? Get(string id)
    {
        lock (_gate) return _records.GetValueOrDefault(id);
    }

    public BatchStatus Status()
    {
        lock (_gate)
        {
            int done = 0, failed = 0, running = 0, pending = 0;
            foreach (var id in _thisRun)
            {
                switch (_records[id].Status)
                {
                    case JobStatus.Done: done++; break;
                    case JobStatus.Failed: failed++; break;
                    case JobStatus.Running: running++; break;
                    default: pending++; break;
                }
            }
            var elapsed = _clock.Elapsed;
            // Throughput counts videos made; the ETA counts every finished job (a failure also clears the queue).
            double hours = elapsed.TotalHours;
            double perHour = _doneThisRun > 0 && hours > 0 ? _doneThisRun / hours : 0;
            TimeSpan? eta = _finishedThisRun > 0 && hours > 0 ? TimeSpan.FromHours((running + pending) * hours / _finishedThisRun) : null;
            return new BatchStatus(_thisRun.Count, done - Skipped, failed, running, pending, Skipped, elapsed, perHour, eta);
        }
    }

    /// <summary>Writes manifest.jsonl and index.json (at most once a second unless forced).</summary>
    public void Flush(bool force)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (!force && _lastFlush is { } last && now - last < TimeSpan.FromSeconds(1)) return;
            _lastFlush = now;
            var all = _records.Values.OrderBy(r => _thisRun.Contains(r.Id) ? 0 : 1).ThenBy(r => r.Line).ThenBy(r => r.Variant).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            _dataset.WriteManifest(all);
            var status = Status();
            _dataset.WriteIndex(new DatasetIndex
            {
                UpdatedUtc = DateTimeOffset.UtcNow, Source = _source, Jobs = all.Count,
                Done = all.Count(r => r.Status == JobStatus.Done), Failed = all.Count(r => r.Status == JobStatus.Failed),
                Pending = all.Count(r => r.Status is JobStatus.Pending or JobStatus.Running),
                Problems = _problems.Select(p => p.ToString()).ToList(),
                JobSeconds = Math.Round(all.Where(r => r.Status == JobStatus.Done).Sum(r => r.Seconds ?? 0), 1),
                RunSeconds = Math.Round(now.TotalSeconds, 1), RunFinished = _finishedThisRun, VideosPerHour = Math.Round(status.VideosPerHour, 1),
                Engine = _engine, Workers = _workers,
            });
        }
    }
}
