using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using C3V.Common;

namespace C3V.Projects;

/// <summary>Who holds a folder's lock: the command, its process, since when, on which machine.</summary>
public sealed record LockHolder(
    [property: JsonPropertyName("verb")] string Verb,
    [property: JsonPropertyName("pid")] int Pid,
    [property: JsonPropertyName("since")] DateTimeOffset Since,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("processStart")] string? ProcessStart,
    [property: JsonPropertyName("token")] string Token);

/// <summary>Another command holds the folder's lock: "project is busy: edit (pid 123) since 03:10:22 UTC".</summary>
public sealed class ProjectLockedException(string dir, string noun, LockHolder holder) : C3VException(
    $"{dir}: {noun} is busy: {holder.Verb} (pid {holder.Pid}{(holder.Host == Environment.MachineName ? "" : $" on {holder.Host}")}) " +
    $"since {holder.Since.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC; wait for it to finish")
{
    public LockHolder Holder { get; } = holder;
}

/// <summary>
/// One writer at a time on a project (or a batch's dataset) folder, across processes: a lock file beside the
/// folder (<c>.NAME.c3v-lock</c>, so it is never part of the project's files nor of its staging copies) holding
/// the holder's verb, pid, start time and machine. It is created atomically with its content (a complete temporary
/// file hard-linked to the lock's name, which fails if a lock is there). A lock whose process is gone (killed, crashed) is stale and is
/// taken over; the takeover itself is serialised by a short-lived breaker file so two takers cannot both win.
/// Not re-entrant: a second acquire in the same process is refused like any other.
/// </summary>
public sealed class ProjectLock : IDisposable
{
    /// <summary>A breaker file older than this belongs to a taker that died mid-takeover.</summary>
    static readonly TimeSpan BreakerLifetime = TimeSpan.FromSeconds(10);

    static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    readonly string _path;
    readonly string _token;
    bool _released;

    public LockHolder Holder { get; }

    ProjectLock(string path, LockHolder holder) { _path = path; _token = holder.Token; Holder = holder; }

    /// <summary>The lock file of <paramref name="dir"/>: beside it, hidden.</summary>
    public static string PathFor(string dir)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        return Path.Combine(Path.GetDirectoryName(full) ?? full, $".{Path.GetFileName(full)}.c3v-lock");
    }

    /// <summary>
    /// Takes the lock of <paramref name="dir"/> for <paramref name="verb"/>, or throws <see cref="ProjectLockedException"/>
    /// naming the live holder. Never waits: a busy folder is an immediate, clear error.
    /// </summary>
    public static ProjectLock Acquire(string dir, string verb, string noun = "project")
    {
        string path = PathFor(dir);
        if (!Directory.Exists(Path.GetDirectoryName(path)))
            throw new C3VException($"{dir}: its folder {Path.GetDirectoryName(path)} does not exist");
        var mine = new LockHolder(verb, Environment.ProcessId, DateTimeOffset.UtcNow, Environment.MachineName, ProcessStart(Environment.ProcessId), Guid.NewGuid().ToString("N"));
        // Each round either creates the lock, meets a live holder (error) or removes a stale lock; bounded so a
        // folder where locks cannot be written or read fails instead of spinning.
        for (int round = 0; round < 20; round++)
        {
            if (TryCreate(path, mine)) return new ProjectLock(path, mine);
            var (holder, text) = Read(path);
            if (text is null) continue; // released between our attempt and the read
            if (holder is not null && IsAlive(holder)) throw new ProjectLockedException(dir, noun, holder);
            if (!TryBreak(path, text)) Thread.Sleep(50); // another process is taking it over: see who won
        }
        throw new C3VException($"{dir}: its lock {path} could not be taken (another process keeps replacing it)");
    }

    /// <summary>The live holder of <paramref name="dir"/>'s lock, or null when it is free (or held by a dead process).</summary>
    public static LockHolder? HolderOf(string dir)
    {
        var (holder, _) = Read(PathFor(dir));
        return holder is not null && IsAlive(holder) ? holder : null;
    }

    /// <summary>Refuses (<see cref="ProjectLockedException"/>) to start work on <paramref name="dir"/> while a live process holds its lock.</summary>
    public static void ThrowIfHeld(string dir, string noun = "project")
    {
        if (HolderOf(dir) is { } holder) throw new ProjectLockedException(dir, noun, holder);
    }

    /// <summary>Releases the lock (only if the file is still this lock: a lock taken over is not deleted).</summary>
    public void Dispose()
    {
        if (_released) return;
        _released = true;
        var (holder, _) = Read(_path);
        if (holder?.Token == _token) TryDelete(_path);
    }

    static bool TryCreate(string path, LockHolder holder)
    {
        string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(holder, Json));
            // The complete file gets the lock's name in one step, or not at all if a lock is there.
            int error = HardLink.Create(temp, path);
            if (error == 0) return true;
            if (error == HardLink.Exists) return false;
            // no hard links on this file system: a move that refuses an existing lock (atomic on Windows, nearly so elsewhere)
            File.Move(temp, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new C3VException($"{path}: cannot write the lock file ({e.Message})");
        }
        finally { TryDelete(temp); }
    }

    /// <summary>The lock's holder (null when unreadable) and its raw text (null when there is no lock).</summary>
    static (LockHolder? Holder, string? Text) Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (FileNotFoundException) { return (null, null); }
        catch (DirectoryNotFoundException) { return (null, null); }
        catch (IOException e) { throw new C3VException($"{path}: cannot read the lock file ({e.Message})"); }
        try { return (JsonSerializer.Deserialize<LockHolder>(text, Json), text); }
        catch (JsonException) { return (null, text); } // not written by c3v: nobody holds it
    }

    /// <summary>
    /// Removes a stale lock whose text is <paramref name="staleText"/>, under the breaker file so that two takers
    /// cannot both remove it and one of them delete the other's fresh lock. False if another taker is at work.
    /// </summary>
    static bool TryBreak(string path, string staleText)
    {
        string breaker = path + ".break";
        try
        {
            using (new FileStream(breaker, FileMode.CreateNew, FileAccess.Write, FileShare.None)) { }
        }
        catch (IOException)
        {
            // Another taker holds the breaker — or held it: it may be gone already, so its existence is no test of
            // this error (a filter on it let the exception escape). A missing file reads as written in 1601.
            var written = File.GetLastWriteTimeUtc(breaker);
            if (written.Year > 1601 && DateTime.UtcNow - written > BreakerLifetime) TryDelete(breaker);
            return false;
        }
        try
        {
            var (_, now) = Read(path);
            if (now == staleText) TryDelete(path);
            return true;
        }
        finally { TryDelete(breaker); }
    }

    /// <summary>
    /// Whether the holder still runs: a process with its pid exists and started when the holder's did (a pid reused
    /// by a later process is not the holder). A lock from another machine cannot be checked and counts as held.
    /// </summary>
    static bool IsAlive(LockHolder h)
    {
        if (h.Host != Environment.MachineName) return true;
        var start = ProcessStart(h.Pid);
        return start is not null && (h.ProcessStart is null || h.ProcessStart == start);
    }

    /// <summary>
    /// An identity of the running process <paramref name="pid"/> that a reused pid does not share (on Linux its start
    /// in clock ticks since boot, from /proc); null when no such process runs (a zombie counts as gone).
    /// </summary>
    internal static string? ProcessStart(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            string stat;
            try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
            // "pid (command) state ppid …": the command may hold spaces and parentheses, so fields count from the last ')'
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 && fields[0] != "Z" && fields[0] != "X" ? fields[19] : null;
        }
        try
        {
            using var p = Process.GetProcessById(pid);
            return p.HasExited ? null : p.StartTime.ToUniversalTime().Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception) { return null; }
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
