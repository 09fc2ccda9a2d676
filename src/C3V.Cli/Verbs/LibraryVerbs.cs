using System.ComponentModel;
using System.Globalization;
using C3V.Common;
using C3V.Models.Embeddings;
using C3V.World;
using Spectre.Console.Cli;

namespace C3V.Cli.Verbs;

/// <summary>Options shared by the library verbs.</summary>
public class LibrarySettings : CommandSettings
{
    [CommandOption("--library <FOLDER>")]
    [Description("Library folder holding library.json (default: the current folder)")]
    public string Library { get; init; } = ".";
}

static class LibraryOutput
{
    public static void Problems(AssetLibrary lib)
    {
        foreach (var p in lib.Problems) Console.Error.WriteLine($"c3v: warning: {p}");
    }
}

[Verb("library add", "Add an asset (.ply/.splat/.spz scene or prop, glTF actor, BVH motion) to a library.json",
    Examples = ["library add garden.ply --kind scene --description \"a garden with a table\" --tags garden,outdoor"])]
public sealed class LibraryAddVerb : Command<LibraryAddVerb.Settings>
{
    public sealed class Settings : LibrarySettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The asset, a path inside the library folder")]
        public string File { get; init; } = "";
        [CommandOption("--kind <KIND>")]
        [Description("scene, prop, actor or motion")]
        public string Kind { get; init; } = "";
        [CommandOption("--description <TEXT>")]
        public string Description { get; init; } = "";
        [CommandOption("--tags <LIST>")]
        [Description("Comma-separated tags")]
        public string Tags { get; init; } = "";
        [CommandOption("--units <UNITS>")]
        public string Units { get; init; } = "metres";
        [CommandOption("--up <AXIS>")]
        public string Up { get; init; } = "y";
        [CommandOption("--scale <FACTOR>")]
        public string Scale { get; init; } = "1";
        [CommandOption("--force")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        if (!Enum.TryParse<AssetKind>(s.Kind, true, out var kind) || s.Kind.Any(char.IsDigit))
            throw new C3VException("--kind must be scene, prop, actor or motion");
        if (string.IsNullOrWhiteSpace(s.Description)) throw new C3VException("--description is required");
        if (!float.TryParse(s.Scale, NumberStyles.Float, CultureInfo.InvariantCulture, out float scale))
            throw new C3VException($"--scale must be a number (got \"{s.Scale}\")");
        string folder = Path.GetFullPath(s.Library);
        string full = Path.GetFullPath(s.File);
        string rel = Path.GetRelativePath(folder, full).Replace('\\', '/');
        var entry = new AssetEntry(rel, kind, s.Description.Trim(),
            s.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), s.Units, s.Up.ToLowerInvariant(), scale);
        var lib = AssetLibrary.Add(folder, entry, s.Force);
        LibraryOutput.Problems(lib);
        Console.WriteLine($"added {rel} ({kind.ToString().ToLowerInvariant()}) to {Path.Combine(folder, AssetLibrary.ManifestName)}; {lib.Entries.Count} entries");
        return 0;
    }
}

[Verb("library list", "List a library's entries, reading each file: unusable ones are marked BROKEN")]
public sealed class LibraryListVerb : Command<LibrarySettings>
{
    public override int Execute(CommandContext context, LibrarySettings s, CancellationToken cancellation)
    {
        var lib = AssetLibrary.Load(s.Library);
        LibraryOutput.Problems(lib);
        int broken = 0;
        foreach (var e in lib.Entries)
        {
            // Every file is read as its kind, so one that was replaced or damaged since it was added is marked.
            var problem = AssetCheck.Problem(lib.PathOf(e), e.Kind);
            if (problem is not null) broken++;
            Console.WriteLine($"{(problem is null ? "" : "BROKEN ")}{e.Kind.ToString().ToLowerInvariant(),-7} {e.File,-30} {e.Units}, up {e.UpAxis}, scale {e.Scale.ToString(CultureInfo.InvariantCulture)}  \"{e.Description}\" [{string.Join(", ", e.Tags)}]"
                + (problem is null ? "" : $"\n       ({problem})"));
        }
        Console.WriteLine($"{lib.Entries.Count - broken} valid entries, {broken} broken, {lib.Problems.Count} problems");
        return 0;
    }
}

[Verb("library search", "Rank a library's entries by meaning against a text")]
public sealed class LibrarySearchVerb : Command<LibrarySearchVerb.Settings>
{
    public sealed class Settings : LibrarySettings
    {
        [CommandArgument(0, "<TEXT>")]
        public string Text { get; init; } = "";
        [CommandOption("--kind <KIND>")]
        public string? Kind { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(s.Text)) throw new C3VException("library search: the text is empty");
        AssetKind? kind = null;
        if (s.Kind != null)
            kind = Enum.TryParse<AssetKind>(s.Kind, true, out var k) && !s.Kind.Any(char.IsDigit) ? k : throw new C3VException("--kind must be scene, prop, actor or motion");
        var lib = AssetLibrary.Load(s.Library);
        LibraryOutput.Problems(lib);
        var hits = lib.Search(new CachedTextEmbedder(MiniLmEmbedder.Shared), s.Text, kind, 10);
        if (hits.Count == 0) { Console.WriteLine("no entries"); return 0; }
        foreach (var (e, c) in hits)
            Console.WriteLine($"{c.Score.ToString("F3", CultureInfo.InvariantCulture)}  {(c.Score >= AssetLibrary.DefaultThreshold ? "match" : "below"),-5}  {e.File}  \"{c.BestLabel}\"");
        return 0;
    }
}
