using System.Security.Cryptography;
using System.Text;
using C3V.Projects;

namespace C3V.Batch;

/// <summary>
/// One video to make: a prompt line of the batch file (1-based <see cref="Line"/>), its variant (0..K-1) and the
/// generate settings that line resolved to. <see cref="Id"/> is derived from the content (prompt, settings,
/// variant), so a rerun of the same file finds the same jobs whatever their order.
/// </summary>
public sealed record BatchJob(string Id, int Line, int Variant, string Prompt, GenerationSettings Settings)
{
    /// <summary>A readable, stable id: the prompt's first words and a hash of everything that shapes the video.</summary>
    public static string MakeId(string prompt, GenerationSettings s, int variant)
    {
        var words = new string(prompt.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("a" or "an" or "the")).Take(4);
        var stem = string.Join('-', words);
        if (stem.Length == 0) stem = "job";
        var key = string.Join('\n', prompt.Trim(), s.Seed, s.DurationSeconds?.ToString("R") ?? "-", s.Fps, s.Width, s.Height,
            s.Camera, s.Quality, s.Format, s.Llm, s.Library ?? "-", variant);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
        return $"{stem}-{hash}";
    }
}
