using C3V.Output;

namespace C3V.Tests.Output;

public class ContactSheetTests
{
    [Fact]
    public void KeyFrames_SpanFirstToLast()
    {
        Assert.Equal([0, 14, 27, 41, 54, 68, 81, 95], ContactSheet.KeyFrameIndices(96));
        Assert.Equal([0, 1, 2], ContactSheet.KeyFrameIndices(3));
        Assert.Empty(ContactSheet.KeyFrameIndices(0));
    }

    [Fact]
    public void Compose_LaysOutGrid_WithFramePixels()
    {
        var frames = Enumerable.Range(0, 6).Select(k =>
        {
            var img = new Image(64, 32);
            Array.Fill(img.Rgb, k / 5f);
            return (img, $"t={k}");
        }).ToList();
        var sheet = ContactSheet.Compose(frames, columns: 4, thumbWidth: 64);
        Assert.Equal(4 + 4 * 68, sheet.Width);
        Assert.Equal(4 + 2 * (32 + 18 + 4), sheet.Height);
        // Centre of the 6th thumbnail (row 1, column 1) carries its frame's grey.
        int x = 4 + 68 + 32, y = 4 + 54 + 16;
        Assert.Equal(1f, sheet.Rgb[(y * sheet.Width + x) * 3], 2);
    }
}
