using System.Text;
using C3V.Common;
using C3V.Splats.Formats;

namespace C3V.Tests.Splats.Formats;

/// <summary>Issue 19: a PLY header whose count is smaller than its data (0 splats, then megabytes) is a wrong count, not an empty cloud.</summary>
public sealed class DeclaredCountTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void DataBeyondTheDeclaredCount_IsRefused(int declared)
    {
        using var ms = new MemoryStream();
        SplatFile.Write(ms, RoundTripTests.Cloud(10, 0, 3), SplatFormat.Ply);
        var bytes = ms.ToArray();
        var text = Encoding.Latin1.GetString(bytes);
        var damaged = Encoding.Latin1.GetBytes(text.Replace("element vertex 10\n", $"element vertex {declared}\n"));
        var e = Assert.Throws<InvalidFileException>(() => SplatFile.Read(new MemoryStream(damaged), "x.ply", damaged.Length));
        Assert.Contains("wrong count", e.Message);
    }

    [Fact]
    public void AStrayTrailingNewline_IsTolerated()
    {
        using var ms = new MemoryStream();
        SplatFile.Write(ms, RoundTripTests.Cloud(10, 0, 3), SplatFormat.Ply);
        var bytes = ms.ToArray().Append((byte)'\n').ToArray();
        Assert.Equal(10, SplatFile.Read(new MemoryStream(bytes), "x.ply", bytes.Length).Cloud.Count);
    }
}
