using System.Diagnostics;
using C3V.Common;

namespace C3V.Batch;

/// <summary>
/// A dataset folder: <c>projects/&lt;job id&gt;/</c> (one published project per finished job, each holding its
/// <c>batch-job.json</c>), <c>manifest.jsonl</c> (one record per job), <c>index.json</c> (totals) and a hidden
/// <c>.staging/</c> where jobs are made before they are moved into <c>projects/</c> in one rename — so a project is
/// either complete or absent, whoever (a local worker, a silo) made it and however it stopped.
/// </summary>
public sealed class DatasetFolder
{
    public const string ManifestName = "manifest.jsonl", IndexName = "index.json", ProjectsName = "projects", JobFileName = "batch-job.json";

    public string Root { get; }
    public string Manifest => Path.Combine(Root, ManifestName);
    public string Index => Path.Combine(Root, IndexName);
    public string Projects => Path.Combine(Root, ProjectsName);
    public string Staging => Path.Combine(Root, ".staging");

    DatasetFolder(string root) => Root = root;

    /// <summary>
    /// Opens a dataset, creating it when the folder is absent or empty. An existing folder that is not a dataset
    /// (no index.json or manifest.jsonl) is refused unless <paramref name="force"/>; even then nothing in it is
    /// deleted.
    /// </summary>
    public static DatasetFolder Open(string dir, bool create, bool force = false)
    {
        var full = UserPath.Full(dir, "the dataset folder");
        if (File.Exists(full)) throw new C3VException($"{dir}: is a file, not a dataset folder");
        bool exists = Directory.Exists(full);
        if (!exists && !create) throw new C3VException($"{dir}: no such dataset folder");
        var ds = new DatasetFolder(full);
        if (exists && !ds.LooksLikeDataset && Directory.EnumerateFileSystemEntries(full).Any())
        {
            if (!create) throw new C3VException($"{dir}: not a c3v dataset (no {IndexName} or {ManifestName})");
            if (!force) throw new C3VException($"{dir}: folder exists and is not a c3v dataset (no {IndexName} or {ManifestName}); use --force to add the dataset to it anyway, or -o another folder");
        }
        if (create)
        {
            Directory.CreateDirectory(ds.Projects);
            Directory.CreateDirectory(ds.Staging);
        }
        return ds;
    }

    bool LooksLikeDataset => File.Exists(Index) || File.Exists(Manifest);

    /// <summary>The published project folder of a job (present only once it is complete).</summary>
    public string ProjectOf(string jobId) => Path.Combine(Projects, jobId);

    public string RelativeProject(string jobId) => $"{ProjectsName}/{jobId}";

    /// <summary>
    /// Takes the dataset for this batch (the same <see cref="C3V.Projects.ProjectLock"/> project verbs take, released when
    /// disposed; a lock left by a killed batch is taken over), so two batches never write one manifest.
    /// </summary>
    public IDisposable Lock() => C3V.Projects.ProjectLock.Acquire(Root, "batch", "dataset");

    /// <summary>A fresh staging path for one attempt at a job (not created: the pipeline makes it).</summary>
    public string NewStaging(string jobId) =>
        Path.Combine(Staging, $"{jobId}.{Host}.{Environment.ProcessId}.{Guid.NewGuid():N}");

    /// <summary>
    /// Removes what killed attempts left in .staging: entries made on this machine by processes no longer running,
    /// and entries of other machines untouched for a day. A live worker's staging is never touched.
    /// </summary>
    public int CleanStaging()
    {
        if (!Directory.Exists(Staging)) return 0;
        int removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(Staging))
        {
            // Names are <id>.<host>.<pid>.<guid> (the pipeline's own temporaries add a leading dot and a suffix).
            var parts = Path.GetFileName(entry).TrimStart('.').Split('.');
            bool stale = parts.Length >= 4 && int.TryParse(parts[2], out int pid)
                ? parts[1] == Host ? !IsAlive(pid) : DateTime.UtcNow - Directory.GetLastWriteTimeUtc(entry) > TimeSpan.FromDays(1)
                : DateTime.UtcNow - Directory.GetLastWriteTimeUtc(entry) > TimeSpan.FromDays(1);
            if (!stale) continue;
            try
            {
                if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true); else File.Delete(entry);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return removed;
    }

    /// <summary>
    /// Moves a finished attempt into projects/ in one rename, with its record inside. Returns false (and removes
    /// the attempt) when the job's project is already there: another worker finished it first, so a job's output
    /// appears exactly once.
    /// </summary>
    public bool Publish(string staging, JobRecord record)
    {
        AtomicFile.WriteAllText(Path.Combine(staging, JobFileName), record.ToJsonLine());
        var target = ProjectOf(record.Id);
        try
        {
            if (!Directory.Exists(target))
            {
                // rename(2) onto a non-empty folder fails, so of two racing attempts only one lands.
                Directory.Move(staging, target);
                return true;
            }
        }
        catch (IOException) when (Directory.Exists(target)) { }
        Discard(staging);
        return false;
    }

    public static void Discard(string staging)
    {
        try { if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>The record a published project carries, or null when the job has no complete project.</summary>
    public JobRecord? Finished(string jobId)
    {
        var file = Path.Combine(ProjectOf(jobId), JobFileName);
        if (!File.Exists(file)) return null;
        try { return JobRecord.TryParse(File.ReadAllText(file)); }
        catch (IOException) { return null; }
    }

    /// <summary>Every published job's record (projects without batch-job.json are not the batch's and are ignored).</summary>
    public IEnumerable<JobRecord> AllFinished()
    {
        if (!Directory.Exists(Projects)) yield break;
        foreach (var dir in Directory.EnumerateDirectories(Projects).Order(StringComparer.Ordinal))
            if (Finished(Path.GetFileName(dir)) is { } r) yield return r;
    }

    /// <summary>The manifest's records (none when there is no manifest yet).</summary>
    public IReadOnlyList<JobRecord> ReadManifest()
    {
        if (!File.Exists(Manifest)) return [];
        var records = new List<JobRecord>();
        int n = 0;
        foreach (var line in File.ReadLines(Manifest))
        {
            n++;
            if (line.Trim().Length == 0) continue;
            records.Add(JobRecord.TryParse(line)
                ?? throw new InvalidFileException(Manifest, $"line {n}: not a job record (the manifest is rebuilt from projects/ if you delete it)"));
        }
        return records;
    }

    public void WriteManifest(IEnumerable<JobRecord> records) =>
        AtomicFile.WriteAllText(Manifest, string.Concat(records.Select(r => r.ToJsonLine() + "\n")));

    public void WriteIndex(DatasetIndex index) => AtomicFile.WriteAllText(Index, index.ToJson());

    /// <summary>This machine's name as staging names carry it (no dots, so names split cleanly).</summary>
    static readonly string Host = Environment.MachineName.Replace('.', '-');

    static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
