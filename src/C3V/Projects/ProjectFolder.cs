using C3V.Common;

namespace C3V.Projects;

/// <summary>
/// A project folder (DESIGN.md §3): <c>project.json</c>, <c>assets/</c> (scene.*, actor-&lt;id&gt;.*),
/// <c>transcripts/</c> (director exchanges), <c>renders/</c> (video, contact sheet, <c>previous/</c> renders).
/// A new project is built in a hidden staging folder beside the target and moved into place by
/// <see cref="Publish"/> once it is consistent, so an interrupted run never leaves a half-made project.
/// </summary>
public sealed class ProjectFolder
{
    public string Root { get; private set; }
    /// <summary>Where the project will live once published (equal to <see cref="Root"/> afterwards).</summary>
    public string Target { get; }
    public bool IsStaging => Root != Target;

    public string ProjectJson => Path.Combine(Root, ProjectFile.FileName);
    public string Assets => Path.Combine(Root, "assets");
    public string Transcripts => Path.Combine(Root, "transcripts");
    public string Renders => Path.Combine(Root, "renders");
    public string PreviousRenders => Path.Combine(Renders, "previous");

    ProjectFolder(string root, string target) { Root = root; Target = target; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// Starts a new project for <paramref name="target"/>. An existing non-empty folder is refused unless
    /// <paramref name="force"/>; even then it is replaced only at <see cref="Publish"/>.
    /// </summary>
    public static ProjectFolder CreateStaging(string target, bool force)
    {
        var full = Path.GetFullPath(target);
        if (File.Exists(full)) throw new C3VException($"{target}: is a file, not a project folder");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !force)
            throw new C3VException($"{target}: folder already exists and is not empty (use --force to replace it, or -o to choose another)");
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial");
        var folder = new ProjectFolder(staging, full);
        folder.CreateLayout();
        return folder;
    }

    /// <summary>
    /// Opens an existing project (must hold project.json) without changing anything in it. Verbs that change a
    /// project work through <see cref="ProjectTransaction"/> instead, which stages their writes.
    /// </summary>
    public static ProjectFolder Open(string dir)
    {
        var full = UserPath.Full(dir, "the project folder");
        if (File.Exists(full)) throw new C3VException($"{dir}: is a file, not a project folder");
        if (!Directory.Exists(full)) throw new C3VException($"{dir}: no such project folder");
        if (Directory.Exists(Path.Combine(full, ProjectFile.FileName))) throw new C3VException($"{dir}: {ProjectFile.FileName} is a folder, not a file");
        if (!File.Exists(Path.Combine(full, ProjectFile.FileName))) throw new C3VException($"{dir}: not a c3v project (no {ProjectFile.FileName})");
        return new ProjectFolder(full, full);
    }

    /// <summary>A staging copy of the project at <paramref name="target"/> (see <see cref="ProjectTransaction"/>).</summary>
    internal static ProjectFolder Staged(string staging, string target)
    {
        var folder = new ProjectFolder(staging, target);
        folder.CreateLayout();
        return folder;
    }

    void CreateLayout()
    {
        Directory.CreateDirectory(Assets);
        Directory.CreateDirectory(Transcripts);
        Directory.CreateDirectory(Renders);
    }

    /// <summary>
    /// Where the frames of an unfinished render are kept (<c>renders/resumable-frames-*</c>): in the project
    /// itself, not in a staging copy, because they are meant to outlive a failed or cancelled run.
    /// </summary>
    public string ResumableFramesParent => Path.Combine(Target, "renders");

    /// <summary>Where <paramref name="pathInRoot"/> (a path under <see cref="Root"/>) is once the project is published.</summary>
    public string Published(string pathInRoot) => Path.Combine(Target, Path.GetRelativePath(Root, pathInRoot));

    /// <summary>Reads and validates project.json (see <see cref="ProjectLoader"/>).</summary>
    public ProjectFile Load() => ProjectLoader.LoadFile(ProjectJson);

    public void Save(ProjectFile project) => AtomicFile.WriteAllText(ProjectJson, project.ToJson());

    /// <summary>
    /// Moves a staged project to its target. A folder already there (allowed by --force) is moved aside first
    /// and deleted only once the new one is in place.
    /// </summary>
    public void Publish()
    {
        if (!IsStaging) return;
        string? aside = null;
        if (Directory.Exists(Target))
        {
            aside = Target + $".{Environment.ProcessId}.replaced";
            Directory.Move(Target, aside);
        }
        try { Directory.Move(Root, Target); }
        catch
        {
            if (aside is not null) Directory.Move(aside, Target);
            throw;
        }
        Root = Target;
        if (aside is not null) Directory.Delete(aside, recursive: true);
    }

    internal void MarkPublished() => Root = Target;

    /// <summary>Removes a staging folder that will not be published (cancelled or failed run).</summary>
    public void Discard()
    {
        if (!IsStaging || !Directory.Exists(Root)) return;
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Moves the files of the last render into renders/previous/ under a time-stamped name (so a new render does
    /// not replace it), or deletes them when <paramref name="replace"/>. Returns the new paths kept.
    /// </summary>
    public IReadOnlyList<string> RetireRender(RenderRecord? render, bool replace)
    {
        if (render is null) return [];
        var kept = new List<string>();
        var stamp = render.CompletedUtc.ToUniversalTime().ToString("yyyyMMdd-HHmmss");
        foreach (var rel in new[] { render.File, render.ContactSheet, render.Annotations }.OfType<string>())
        {
            var src = PathOf(rel);
            bool isDir = Directory.Exists(src);
            if (!isDir && !File.Exists(src)) continue;
            if (replace)
            {
                if (isDir) Directory.Delete(src, true); else File.Delete(src);
                continue;
            }
            Directory.CreateDirectory(PreviousRenders);
            var name = Path.GetFileNameWithoutExtension(rel) + "-" + stamp + Path.GetExtension(rel);
            var dst = Path.Combine(PreviousRenders, name);
            for (int k = 2; File.Exists(dst) || Directory.Exists(dst); k++)
                dst = Path.Combine(PreviousRenders, Path.GetFileNameWithoutExtension(rel) + "-" + stamp + "-" + k + Path.GetExtension(rel));
            if (isDir) Directory.Move(src, dst); else File.Move(src, dst);
            kept.Add(Path.GetRelativePath(Root, dst));
        }
        return kept;
    }
}
