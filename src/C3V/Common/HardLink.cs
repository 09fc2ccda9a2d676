using System.Runtime.InteropServices;

namespace C3V.Common;

/// <summary>
/// link(2): a second name for an existing file, made atomically and never over an existing name — what project
/// staging uses to mirror files without copying them, and what the project lock uses to create its file with its
/// content in one step (File.Move without overwrite is not atomic on Unix: it checks, then renames).
/// </summary>
static class HardLink
{
    /// <summary>The errno of "the new name exists".</summary>
    public const int Exists = 17;

    /// <summary>0 when <paramref name="link"/> now names <paramref name="existing"/>; else the errno, or -1 where there is no link(2).</summary>
    public static int Create(string existing, string link)
    {
        if (OperatingSystem.IsWindows()) return -1;
        try { return Link(existing, link) == 0 ? 0 : Marshal.GetLastPInvokeError(); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return -1; }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    static extern int Link(string existing, string link);
}
