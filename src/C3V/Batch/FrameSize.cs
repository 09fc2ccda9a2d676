using System.Globalization;
using C3V.Common;

namespace C3V.Batch;

/// <summary>Frame sizes written WIDTHxHEIGHT, as the batch file and the --size option give them.</summary>
public static class FrameSize
{
    /// <param name="what">Names the source in the error (an option or a file and line).</param>
    public static (int W, int H) Parse(string text, string what)
    {
        var parts = text.Trim().ToLowerInvariant().Split('x', '×');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h))
            throw new C3VException($"{what}: '{text}' is not WIDTHxHEIGHT (e.g. 256x256)");
        return (w, h);
    }
}
