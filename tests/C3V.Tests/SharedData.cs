namespace C3V.Tests;

/// <summary>
/// Locates ../shared (beside the checkout; CI has it). Tests that need it call <see cref="RequireFile"/>,
/// which skips them with a reason when it is absent so a fresh clone still passes.
/// </summary>
public static class SharedData
{
    public static string? Root { get; } = Find();

    static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("C3V_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "C3V.slnx")))
            {
                var shared = Path.Combine(dir.Parent?.FullName ?? dir.FullName, "shared");
                return Directory.Exists(shared) ? shared : null;
            }
        }
        return null;
    }

    /// <summary>Full path of a file under ../shared, or a skip (Skip.If) when it is not there.</summary>
    public static string RequireFile(string relative)
    {
        var path = Root is null ? null : Path.Combine(Root, relative);
        Skip.If(path is null || !File.Exists(path), $"../shared/{relative} is not available (clone the project beside shared/ to run this test)");
        return path!;
    }

    /// <summary>The repository root (the folder holding C3V.slnx).</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "C3V.slnx"))) return dir.FullName;
            throw new InvalidOperationException("repository root not found");
        }
    }
}
