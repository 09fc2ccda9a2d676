using C3V.Common;

namespace C3V.Tests.Common;

public class AtomicFileTests
{
    [Fact]
    public void FailedWrite_LeavesExistingFileAndNoTemp()
    {
        var dir = Directory.CreateTempSubdirectory("c3v-atomic").FullName;
        var path = Path.Combine(dir, "out.bin");
        File.WriteAllText(path, "original");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s => { s.WriteByte(1); throw new InvalidOperationException("boom"); }));
        Assert.Equal("original", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void NoOverwrite_RefusesExistingFile()
    {
        var dir = Directory.CreateTempSubdirectory("c3v-atomic").FullName;
        var path = Path.Combine(dir, "out.txt");
        File.WriteAllText(path, "mine");
        var e = Assert.Throws<C3VException>(() => AtomicFile.WriteAllText(path, "new", overwrite: false));
        Assert.Contains("already exists", e.Message);
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void AFolderAtTheTarget_IsNamedAsAFolder_WithoutTheTemporaryName()
    {
        var dir = Directory.CreateTempSubdirectory("c3v-atomic").FullName;
        var path = Path.Combine(dir, "out.png");
        Directory.CreateDirectory(path);
        var e = Assert.Throws<C3VException>(() => AtomicFile.WriteAllText(path, "new"));
        Assert.Equal($"{path}: is a folder, not a file", e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
        Assert.Empty(Directory.GetFiles(dir));
        Assert.Empty(Directory.GetFileSystemEntries(path));
    }
}
