namespace C3V.Common;

/// <summary>
/// Writes files so that a reader never sees half of one: the content goes to a temporary file in the same
/// folder, which is renamed over the target only when writing succeeded. On failure nothing is left behind
/// and an existing target is untouched.
/// </summary>
public static class AtomicFile
{
    /// <param name="overwrite">When false, an existing target is an error (the user's files are never replaced unasked).</param>
    public static void Write(string path, Action<Stream> write, bool overwrite = true)
    {
        string temp = TempPathBeside(path, out string full);
        if (!overwrite && File.Exists(full))
            throw new C3VException($"{path}: already exists (use --force to replace it)");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(true);
            }
            File.Move(temp, full, overwrite);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// A fresh temporary path in the folder of <paramref name="path"/> (hidden, unique per process and call),
    /// for writers that stream into a file over time and rename it onto <paramref name="fullPath"/> when done.
    /// The folder must exist.
    /// </summary>
    public static string TempPathBeside(string path, out string fullPath)
    {
        fullPath = System.IO.Path.GetFullPath(path);
        string dir = System.IO.Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(dir))
            throw new C3VException($"{path}: folder {dir} does not exist");
        // Checked here, by the user's name for it: the rename would fail later naming the hidden temporary file.
        if (Directory.Exists(fullPath))
            throw new C3VException($"{path}: is a folder, not a file");
        return System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, bool overwrite = true)
    {
        byte[] copy = bytes.ToArray();
        Write(path, s => s.Write(copy), overwrite);
    }

    public static void WriteAllText(string path, string text, bool overwrite = true) =>
        Write(path, s => { using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true); w.Write(text); }, overwrite);

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
