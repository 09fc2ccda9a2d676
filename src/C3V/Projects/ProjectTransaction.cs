using C3V.Common;

namespace C3V.Projects;

/// <summary>
/// A change to an existing project made all-or-nothing. <see cref="Begin"/> validates project.json and mirrors the
/// project into a hidden staging folder beside it (hard links where the file system allows, copies otherwise:
/// every writer in the pipeline replaces a file by renaming a new one over it, so the originals are never written
/// through a link). The command reads and writes only the staging copy; <see cref="Commit"/> then moves what
/// changed into the project, project.json last, and removes what the command deleted. Disposing without
/// committing (an error, Ctrl-C) deletes the staging folder and leaves the project byte-identical — apart from
/// the frames of an unfinished render, which are kept in the project's <c>renders/resumable-frames-*</c> so the
/// same command resumes them (<see cref="ProjectFolder.ResumableFramesParent"/>).
/// A transaction that may commit holds the project's <see cref="ProjectLock"/> from before it reads project.json
/// until it is disposed, so two commands never change one project at once; a read-only <see cref="View"/> does not.
/// </summary>
public sealed class ProjectTransaction : IDisposable
{
    /// <summary>Folders of the project never mirrored nor removed by a commit: the resumable-frame caches.</summary>
    public const string ResumablePrefix = "resumable-frames-";

    bool _done;
    readonly ProjectLock? _lock;

    /// <summary>The staging copy the command works in (its <see cref="ProjectFolder.Target"/> is the project).</summary>
    public ProjectFolder Folder { get; }
    /// <summary>The project as it was when the transaction began (validated).</summary>
    public ProjectFile Project { get; }
    /// <summary>The project folder (absolute).</summary>
    public string Target => Folder.Target;

    ProjectTransaction(ProjectFolder folder, ProjectFile project, ProjectLock? held) { Folder = folder; Project = project; _lock = held; }

    /// <summary>
    /// Locks <paramref name="dir"/> for <paramref name="verb"/> (a busy project is a <see cref="ProjectLockedException"/>),
    /// validates its project.json and stages a copy to work in.
    /// </summary>
    public static ProjectTransaction Begin(string dir, string verb)
    {
        var project = ProjectFolder.Open(dir);
        var held = ProjectLock.Acquire(project.Root, verb);
        try { return Stage(project, held); }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A staged copy to read the project through (artefacts missing from it are made in the copy), never committed
    /// and taking no lock: a viewer does not block a command working on the project.
    /// </summary>
    public static ProjectTransaction View(string dir) => Stage(ProjectFolder.Open(dir), null);

    static ProjectTransaction Stage(ProjectFolder project, ProjectLock? held)
    {
        var loaded = project.Load();
        var target = project.Root;
        var staging = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.staging");
        try
        {
            Mirror(target, staging);
            return new ProjectTransaction(ProjectFolder.Staged(staging, target), loaded, held);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    /// <summary>
    /// Publishes the staged project: new and changed files are renamed into the project (project.json last, so a
    /// reader sees the new project only once its files are there), then files the command removed are deleted.
    /// Not cancellable: it only renames and deletes.
    /// </summary>
    public void Commit()
    {
        if (_done) throw new InvalidOperationException("the transaction is already finished");
        if (_lock is null) throw new InvalidOperationException("a view of a project is never committed");
        string staging = Folder.Root, target = Folder.Target;
        var staged = Files(staging).ToHashSet(StringComparer.Ordinal);
        foreach (var rel in staged.Where(r => r != ProjectFile.FileName).Order(StringComparer.Ordinal))
            MoveInto(Path.Combine(staging, rel), Path.Combine(target, rel));
        foreach (var dir in Directories(staging)) Directory.CreateDirectory(Path.Combine(target, dir));
        MoveInto(Path.Combine(staging, ProjectFile.FileName), Path.Combine(target, ProjectFile.FileName));
        foreach (var rel in Files(target).Where(r => !staged.Contains(r)))
            File.Delete(Path.Combine(target, rel));
        var kept = Directories(staging).ToHashSet(StringComparer.Ordinal);
        foreach (var dir in Directories(target).Where(d => !kept.Contains(d)).OrderByDescending(d => d.Length))
            if (!Directory.EnumerateFileSystemEntries(Path.Combine(target, dir)).Any()) Directory.Delete(Path.Combine(target, dir));
        _done = true;
        TryDelete(staging);
        Folder.MarkPublished();
        _lock.Dispose();
    }

    /// <summary>Abandons an uncommitted transaction: the staging copy is deleted, the project is as it was.</summary>
    public void Dispose()
    {
        if (!_done)
        {
            _done = true;
            TryDelete(Folder.Root);
        }
        _lock?.Dispose();
    }

    static void MoveInto(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
        File.Move(from, to, overwrite: true);
    }

    /// <summary>Files under <paramref name="root"/> (relative, '/'-separated), the resumable-frame caches left out.</summary>
    static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(r => !IsResumable(r));

    static IEnumerable<string> Directories(string root) =>
        Directory.EnumerateDirectories(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(r => !IsResumable(r));

    static bool IsResumable(string relative) => relative.StartsWith("renders/" + ResumablePrefix, StringComparison.Ordinal);

    /// <summary>Recreates <paramref name="from"/>'s tree at <paramref name="to"/>, linking (or copying) every file.</summary>
    static void Mirror(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directories(from)) Directory.CreateDirectory(Path.Combine(to, dir));
        foreach (var rel in Files(from))
        {
            string src = Path.Combine(from, rel), dst = Path.Combine(to, rel);
            if (HardLink.Create(src, dst) != 0)
            {
                File.Copy(src, dst);
                File.SetLastWriteTimeUtc(dst, File.GetLastWriteTimeUtc(src));
            }
        }
    }

    static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
