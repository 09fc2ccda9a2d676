using LLama.Native;

namespace C3V.Models.Chat;

/// <summary>
/// Where llama.cpp's own log lines go: nowhere unless <c>--verbose</c> asked for them (then to the given
/// writer). The last error lines are kept either way, so a failed load can say why in one sentence.
/// </summary>
static class LlamaNativeLog
{
    static readonly Lock Gate = new();
    static readonly Queue<string> Errors = new();
    static Action<string>? verbose;
    static bool installed;

    /// <summary>Routes the native log; call before the first model is loaded (later calls only change the verbose writer).</summary>
    public static void Install(Action<string>? verboseWriter)
    {
        lock (Gate)
        {
            verbose = verboseWriter;
            if (installed) return;
            installed = true;
        }
        try { NativeLibraryConfig.All.WithLogCallback(OnLog); }
        catch (Exception) { NativeLogConfig.llama_log_set(OnLog); } // the library was loaded already: set the callback directly
    }

    static void OnLog(LLamaLogLevel level, string message)
    {
        string line = message.TrimEnd('\n');
        if (line.Length == 0) return;
        Action<string>? sink;
        lock (Gate)
        {
            if (level is LLamaLogLevel.Error or LLamaLogLevel.Warning)
            {
                Errors.Enqueue(line);
                while (Errors.Count > 8) Errors.Dequeue();
            }
            sink = verbose;
        }
        sink?.Invoke(line);
    }

    /// <summary>The last error or warning lines of the native library, joined; empty when there were none.</summary>
    public static string RecentErrors()
    {
        lock (Gate)
        {
            var lines = Errors.ToArray();
            Errors.Clear();
            return string.Join(" | ", lines.Select(l => l.Trim()).Where(l => l.Length > 0).TakeLast(3));
        }
    }
}
