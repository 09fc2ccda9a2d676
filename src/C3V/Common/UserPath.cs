namespace C3V.Common;

/// <summary>
/// Checks a path the user typed before anything uses it, so an empty path, a folder given for a file or a file
/// given for a folder is reported as such (naming <c>what</c>: an option like <c>--bvh</c> or "the project
/// folder") instead of as the runtime's "value cannot be an empty string (Parameter 'path')" or "file not found".
/// </summary>
public static class UserPath
{
    /// <summary>The absolute form of <paramref name="path"/>; refuses an empty or malformed path.</summary>
    public static string Full(string? path, string what)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new C3VException($"{what}: the path is empty");
        if (path.Contains('\0')) throw new C3VException($"{what}: the path contains a NUL character");
        try { return Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new C3VException($"{what}: '{path}' is not a usable path");
        }
    }

    /// <summary>An existing file to read: refuses an empty path, a folder and a missing file, each by name.</summary>
    public static string ExistingFile(string? path, string what)
    {
        var full = Full(path, what);
        if (Directory.Exists(full)) throw new C3VException($"{what}: {path} is a folder, not a file");
        if (!File.Exists(full)) throw new C3VException($"{what}: {path}: no such file");
        return full;
    }

    /// <summary>
    /// For file readers: an empty path or a folder becomes an error naming the path and what it is
    /// (<paramref name="kind"/>: "splat file", "BVH file"…), before the runtime's own exceptions could. A missing
    /// file is left to the reader's own message.
    /// </summary>
    public static void CheckReadable(string path, string kind)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new C3VException($"the {kind} path is empty");
        if (Directory.Exists(path)) throw new InvalidFileException(path, $"is a folder, not a {kind}");
    }

    /// <summary>An existing folder: refuses an empty path, a file and a missing folder, each by name.</summary>
    public static string ExistingFolder(string? path, string what)
    {
        var full = Full(path, what);
        if (File.Exists(full)) throw new C3VException($"{what}: {path} is a file, not a folder");
        if (!Directory.Exists(full)) throw new C3VException($"{what}: {path}: no such folder");
        return full;
    }

    /// <summary>A file to write: refuses an empty path and an existing folder in its place.</summary>
    public static string OutputFile(string? path, string what)
    {
        var full = Full(path, what);
        if (Directory.Exists(full)) throw new C3VException($"{what}: {path} is a folder; give a file name");
        return full;
    }
}
