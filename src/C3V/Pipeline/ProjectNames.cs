namespace C3V.Pipeline;

/// <summary>Names for new project folders (the CLI's default -o and the studio's new projects).</summary>
public static class ProjectNames
{
    /// <summary>
    /// The prompt's first words joined by dashes (articles dropped), numbered "-2", "-3"… until
    /// <paramref name="taken"/> says the name is free, so a new project never replaces an existing one.
    /// </summary>
    public static string FromPrompt(string prompt, Func<string, bool> taken)
    {
        var words = new string(prompt.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("a" or "an" or "the")).Take(5);
        var stem = string.Join('-', words);
        if (stem.Length == 0) stem = "c3v-project";
        var name = stem;
        for (int k = 2; taken(name); k++) name = $"{stem}-{k}";
        return name;
    }
}
