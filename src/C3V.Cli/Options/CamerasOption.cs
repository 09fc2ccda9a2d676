using System.Globalization;
using C3V.Common;
using C3V.Render;

namespace C3V.Cli.Options;

/// <summary>
/// The <c>--cameras FILE[:INDEX]</c> option, parsed once for every verb so it means the same everywhere:
/// FILE is a cameras JSON list, INDEX (when given) picks one camera of it.
/// </summary>
public sealed record CamerasOption(string Path, int? Index)
{
    public static CamerasOption Parse(string spec)
    {
        int colon = spec.LastIndexOf(':');
        // a colon followed by digits only is an index; anything else (a drive letter, a colon in a name) is part of the path
        if (colon > 0 && colon < spec.Length - 1 && spec[(colon + 1)..].All(char.IsAsciiDigit))
        {
            if (!int.TryParse(spec[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                throw new C3VException($"--cameras '{spec}': the index is too large");
            return new CamerasOption(spec[..colon], index);
        }
        return new CamerasOption(spec, null);
    }

    /// <summary>The cameras the option names: the one at INDEX, else all of them.</summary>
    public IReadOnlyList<Camera> Load()
    {
        var cameras = Camera.LoadJson(Path);
        if (Index is not { } i) return cameras;
        if (i >= cameras.Count) throw new C3VException($"--cameras: {Path} has {cameras.Count} camera(s); index {i} does not exist");
        return [cameras[i]];
    }

    /// <summary>The camera at INDEX, or the first when no index is given.</summary>
    public Camera LoadOne() => (this with { Index = Index ?? 0 }).Load()[0];
}
