using System.Text.RegularExpressions;
using C3V.Common;
using C3V.Projects;

namespace C3V.Studio.Files;

/// <summary>A request for something outside the projects folder, or a name that cannot be a project: answered 400/403.</summary>
public sealed class PathRefusedException(string message) : C3VException(message);

/// <summary>A project or file that is not there (never made, or removed behind the server's back): answered 404.</summary>
public sealed class NotFoundException(string message) : C3VException(message);

/// <summary>
/// The projects folder and every path the studio reads or writes in it. Project names are single plain folder
/// names; file paths inside a project are relative, without "..", and every existing component is checked so a
/// symbolic link cannot lead outside the folder. Nothing here knows the pipeline: it only confines paths.
/// </summary>
public sealed partial class ProjectStore
{
    public string Root { get; }

    public ProjectStore(string root)
    {
        Root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        Directory.CreateDirectory(Root);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();

    /// <summary>Refuses anything but a plain folder name (letters, digits, '.', '_', '-'; not starting with a dot).</summary>
    public static string CheckName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name) || name.Contains(".."))
            throw new PathRefusedException($"'{Shorten(name)}' is not a project name (1–100 letters, digits, '.', '_' or '-', starting with a letter or digit)");
        return name;
    }

    /// <summary>The folder of project <paramref name="name"/> (which need not exist yet), confined to the root.</summary>
    public string FolderOf(string name)
    {
        var full = Path.GetFullPath(Path.Combine(Root, CheckName(name)));
        if (Path.GetDirectoryName(full) != Root) throw new PathRefusedException($"'{name}' is not inside the projects folder");
        CheckNoLinkOut(full);
        return full;
    }

    /// <summary>The folder of an existing project (holding project.json); a clear 404 when it is gone.</summary>
    public string Existing(string name)
    {
        var dir = FolderOf(name);
        if (!Directory.Exists(dir)) throw new NotFoundException($"project '{name}' does not exist (was it deleted or moved?)");
        if (!File.Exists(Path.Combine(dir, ProjectFile.FileName))) throw new NotFoundException($"project '{name}' has no {ProjectFile.FileName} (not a c3v project, or removed behind the server's back)");
        return dir;
    }

    /// <summary>
    /// An existing project the pipeline may write in: as <see cref="Existing"/>, and no file or folder inside it
    /// is a link leading out of the projects folder (the pipeline would follow it and write outside).
    /// </summary>
    public string Writable(string name)
    {
        var dir = Existing(name);
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            if (entry.LinkTarget is not null) CheckNoLinkOut(entry.FullName);
        return dir;
    }

    public bool Exists(string name) => Directory.Exists(Path.Combine(Root, name)) || File.Exists(Path.Combine(Root, name));

    /// <summary>
    /// An existing file of an existing project, given by a relative path as a URL carries it. Refuses absolute
    /// paths, "..", backslashes, control characters, hidden components and links leading out of the project.
    /// </summary>
    public string FileOf(string name, string? relative)
    {
        var dir = Existing(name);
        if (string.IsNullOrEmpty(relative)) throw new PathRefusedException("no file named");
        if (relative.Length > 400) throw new PathRefusedException("the file path is too long");
        if (relative.Any(c => char.IsControl(c) || c == '\\' || c == ':') || Path.IsPathRooted(relative) || relative.StartsWith('/'))
            throw new PathRefusedException($"'{Shorten(relative)}' is not a relative path inside the project");
        var parts = relative.Split('/');
        if (parts.Any(p => p.Length == 0 || p == "." || p == ".." || p.StartsWith('.') || p.Contains('%')))
            throw new PathRefusedException($"'{Shorten(relative)}' is not a plain path inside the project ('..', hidden or encoded parts are refused)");
        var full = Path.GetFullPath(Path.Combine(dir, Path.Combine(parts)));
        if (!full.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new PathRefusedException($"'{Shorten(relative)}' is outside the project");
        CheckNoLinkOut(full);
        if (!File.Exists(full)) throw new NotFoundException($"project '{name}' has no file '{relative}'");
        return full;
    }

    /// <summary>Refuses a path any existing component of which is a link resolving outside the projects folder.</summary>
    void CheckNoLinkOut(string full)
    {
        var rel = Path.GetRelativePath(Root, full);
        var at = Root;
        foreach (var part in rel.Split(Path.DirectorySeparatorChar))
        {
            at = Path.Combine(at, part);
            FileSystemInfo info = Directory.Exists(at) ? new DirectoryInfo(at) : new FileInfo(at);
            if (!info.Exists || info.LinkTarget is null) continue;
            var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is null || !(target + Path.DirectorySeparatorChar).StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new PathRefusedException($"'{Path.GetRelativePath(Root, at)}' is a link leading outside the projects folder");
        }
    }

    /// <summary>The projects (folders holding project.json), newest first.</summary>
    public IReadOnlyList<string> List() =>
        new DirectoryInfo(Root).EnumerateDirectories()
            .Where(d => NamePattern().IsMatch(d.Name) && d.LinkTarget is null && File.Exists(Path.Combine(d.FullName, ProjectFile.FileName)))
            .OrderByDescending(d => File.GetLastWriteTimeUtc(Path.Combine(d.FullName, ProjectFile.FileName)))
            .Select(d => d.Name).ToList();

    /// <summary>Copies project <paramref name="name"/> to <paramref name="copy"/> (a new name; links are not followed).</summary>
    public void Duplicate(string name, string copy)
    {
        var from = Existing(name);
        var to = FolderOf(copy);
        if (Exists(copy)) throw new C3VException($"a project named '{copy}' already exists; choose another name");
        var staging = Path.Combine(Root, $".{copy}.{Guid.NewGuid():N}.partial");
        // the copy is taken while no command changes the project, so it is never half old, half new
        using var held = ProjectLock.Acquire(from, "duplicate");
        try
        {
            CopyTree(new DirectoryInfo(from), staging);
            Directory.Move(staging, to);
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    static void CopyTree(DirectoryInfo from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in from.EnumerateFiles().Where(f => f.LinkTarget is null)) f.CopyTo(Path.Combine(to, f.Name));
        foreach (var d in from.EnumerateDirectories().Where(d => d.LinkTarget is null)) CopyTree(d, Path.Combine(to, d.Name));
    }

    /// <summary>Deletes project <paramref name="name"/> (the caller has the user's confirmation).</summary>
    public void Delete(string name)
    {
        var dir = Existing(name);
        using var held = ProjectLock.Acquire(dir, "delete");
        // Moved aside first so a half-deleted folder never looks like a project.
        var aside = Path.Combine(Root, $".{name}.{Guid.NewGuid():N}.deleted");
        Directory.Move(dir, aside);
        Directory.Delete(aside, recursive: true);
    }

    static string Shorten(string? s) => s is null ? "" : s.Length <= 60 ? s : s[..60] + "…";
}
