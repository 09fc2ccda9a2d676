using System.Reflection;
using C3V.Cli;
using Spectre.Console.Cli;

namespace C3V.Tests.Cli;

/// <summary>
/// The argument checks every verb gets from <see cref="ArgumentRules"/>, the cases of issue 19 one by one, and a
/// walk of every registered verb (present and future) with bad arguments that fails if any reaches the
/// catch-all "internal error".
/// </summary>
[Collection("Console")]
public sealed class ArgumentRulesTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-args-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static (int Code, string Err) Run(params string[] args) => CliAppTests.Run(args);

    [Theory]
    [InlineData(2, "Unknown option 'bogus-option'", "generate", "a robot dances", "--bogus-option")]
    [InlineData(1, "the file argument is empty", "info", "")]
    [InlineData(1, "--bvh: the value is empty", "actor", "a robot", "-o", "x.png", "--bvh", "")]
    [InlineData(1, "--waypoints: 1000000000 is outside 2..200", "place", "a robot walks", "--waypoints", "1000000000")]
    [InlineData(1, "--ground: NaN is not a finite number", "place", "a robot walks", "--ground", "NaN")]
    [InlineData(2, "--width: 'abc' is not a number", "render", "x.ply", "--orbit", "0", "-o", "x.png", "--width", "abc")]
    [InlineData(2, "--duration: 'abc' is not a number", "generate", "a robot", "--duration=abc")]
    [InlineData(1, "names no actor", "actor", "|||", "-o", "x.png")]
    [InlineData(1, "--fps: 0 is outside 1..120", "generate", "a robot", "--fps", "0")]
    [InlineData(1, "--duration: 100000 is outside 0.5..120", "generate", "a robot", "--duration", "100000")]
    public void BadArguments_AreOneLineErrorsNamingTheOption(int code, string expected, params string[] args)
    {
        var (c, err) = Run(args);
        Assert.Equal(code, c);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("Nullable", err);
        Assert.DoesNotContain("Parameter '", err);
    }

    [Fact]
    public void AFolderGivenAsAFile_IsNamedAsSuch()
    {
        var (c, err) = Run("info", _dir);
        Assert.Equal(1, c);
        Assert.Contains("is a folder, not a splat file", err);
    }

    /// <summary>Every registered verb and its settings type.</summary>
    internal static IEnumerable<(string Verb, Type Settings)> Verbs() => typeof(CliApp).Assembly.GetTypes()
        .Select(t => (Type: t, Verb: t.GetCustomAttribute<VerbAttribute>()))
        .Where(v => v.Verb is not null && !v.Type.IsAbstract)
        .Select(v => (v.Verb!.Name, SettingsOf(v.Type)));

    static Type SettingsOf(Type command)
    {
        for (var t = command; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericArguments() is [var s] && typeof(CommandSettings).IsAssignableFrom(s)) return s;
        throw new InvalidOperationException($"{command.Name}: no settings type");
    }

    static bool IsNumeric(Type t) => (Nullable.GetUnderlyingType(t) ?? t) is var u && (u == typeof(int) || u == typeof(long) || u == typeof(float) || u == typeof(double));

    [Fact]
    public void EveryNumericOption_DeclaresItsBounds()
    {
        var missing = Verbs().SelectMany(v => v.Settings.GetProperties()
                .Where(p => ArgumentRules.NameOf(p) is not null && IsNumeric(p.PropertyType) && p.GetCustomAttribute<BoundsAttribute>() is null)
                .Select(p => $"c3v {v.Verb} {ArgumentRules.NameOf(p)}"))
            .ToList();
        Assert.True(missing.Count == 0, "add [Bounds(min, max)] to: " + string.Join(", ", missing));
    }

    /// <summary>
    /// Every verb, every option: an unknown option, non-numbers, NaN and out-of-range numbers, empty strings, and
    /// (for verbs whose arguments are paths) a garbage file and a folder where files are expected. Arguments are
    /// given as garbage files (or empty, for text), so no case runs real work; none may end in the catch-all.
    /// </summary>
    [Fact]
    public void EveryVerb_WithBadArguments_NeverReachesTheInternalError()
    {
        var garbage = Path.Combine(_dir, "garbage.ply");
        File.WriteAllText(garbage, "this is not a file of any format c3v reads");
        var failures = new List<string>();
        int runs = 0;
        foreach (var (verb, settings) in Verbs())
        {
            var props = settings.GetProperties().Where(p => ArgumentRules.NameOf(p) is not null).ToList();
            var arguments = props.Where(p => p.GetCustomAttribute<CommandArgumentAttribute>() is not null)
                .OrderBy(p => p.GetCustomAttribute<CommandArgumentAttribute>()!.Position).ToList();
            var defaults = Activator.CreateInstance(settings);
            // Text arguments stay empty (refused before any work); path-like ones get the garbage file.
            bool pathArgs = arguments.Count > 0 && arguments.All(a => IsPathName(a.GetCustomAttribute<CommandArgumentAttribute>()!.ValueName));
            string[] Args(string value) => arguments.Select(_ => value).ToArray();
            var baseArgs = pathArgs ? Args(garbage) : Args("");
            List<string[]> cases = [[.. baseArgs, "--bogus-option-xyz"]];
            if (arguments.Count > 0) cases.Add(Args(""));
            if (pathArgs) cases.Add(Args(_dir));
            foreach (var p in props.Where(p => p.GetCustomAttribute<CommandOptionAttribute>() is not null))
            {
                var name = ArgumentRules.NameOf(p)!;
                var type = p.PropertyType;
                if (type == typeof(bool)) continue;
                var values = new List<string>();
                if (IsNumeric(type)) values.AddRange(["NaN", "abc", "1e12", "-1e12"]);
                else
                {
                    if (!Equals(p.GetValue(defaults), "")) values.Add("");
                    // Plausible strings only where an argument is sure to stop the verb before it works.
                    if (arguments.Count > 0) values.AddRange(["zzz", _dir, garbage]);
                }
                foreach (var v in values) cases.Add([.. baseArgs, name, v]);
            }
            foreach (var args in cases)
            {
                runs++;
                var (code, err) = Run([.. verb.Split(' '), .. args]);
                if (code == 70 || err.Contains("internal error")) failures.Add($"c3v {verb} {string.Join(' ', args.Select(a => $"'{a}'"))} → {err.Trim()}");
            }
        }
        Assert.True(runs > 200, $"only {runs} cases ran");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    static bool IsPathName(string valueName) => valueName.ToUpperInvariant() is "FILE" or "FILES" or "IN" or "INPUT" or "OUTPUT" or "OUT" or "CLOUDS" or "DIR" or "FOLDER" or "PATH";
}
