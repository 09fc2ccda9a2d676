using C3V.Projects;

namespace C3V.Tests.Projects;

/// <summary>Every file of a project folder and its bytes (the resumable-frame caches left out), to prove a failed command changed nothing.</summary>
public sealed class ProjectSnapshot
{
    readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    readonly SortedSet<string> _folders = new(StringComparer.Ordinal);

    public ProjectSnapshot(string root)
    {
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            if (Keep(Rel(root, f))) _files[Rel(root, f)] = File.ReadAllBytes(f);
        foreach (var d in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories))
            if (Keep(Rel(root, d))) _folders.Add(Rel(root, d));
    }

    static string Rel(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
    static bool Keep(string rel) => !rel.StartsWith("renders/" + ProjectTransaction.ResumablePrefix, StringComparison.Ordinal);

    /// <summary>Fails naming the first file that was added, removed or changed.</summary>
    public void AssertSameAs(ProjectSnapshot after)
    {
        Assert.Equal(_folders, after._folders);
        Assert.Equal(_files.Keys, after._files.Keys);
        foreach (var (rel, bytes) in _files)
            Assert.True(bytes.AsSpan().SequenceEqual(after._files[rel]), $"{rel} changed");
    }

    public static void AssertNoStagingLeft(string projectDir)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(projectDir))!;
        Assert.DoesNotContain(Directory.GetDirectories(parent, ".*"), d => d.EndsWith(".staging", StringComparison.Ordinal));
    }
}
