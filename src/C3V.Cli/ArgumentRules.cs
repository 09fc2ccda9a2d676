using System.Globalization;
using System.Reflection;
using C3V.Common;
using Spectre.Console.Cli;

namespace C3V.Cli;

/// <summary>The inclusive range a numeric option or argument must lie in; checked for every verb by <see cref="ArgumentRules"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BoundsAttribute(double min, double max) : Attribute
{
    public double Min { get; } = min;
    public double Max { get; } = max;
}

/// <summary>An option or argument naming a file that must exist (not a folder); checked by <see cref="ArgumentRules"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ExistingFileAttribute : Attribute;

/// <summary>
/// Checks every verb's parsed settings before it runs, from the settings' declarations alone, so a new verb gets
/// the same checks without code of its own: a string given empty is refused (naming the option), a floating-point
/// value must be finite, a number with <see cref="BoundsAttribute"/> must be in its range, a path with
/// <see cref="ExistingFileAttribute"/> must be an existing file. Unknown options are refused by strict parsing
/// (<see cref="CliApp"/>). Each problem is a <see cref="C3VException"/> naming the option.
/// </summary>
public sealed class ArgumentRules : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings) => Check(settings);

    public static void Check(CommandSettings settings)
    {
        var defaults = DefaultsOf(settings.GetType());
        // Options before arguments: a bad option is reported even when an argument is wrong too.
        foreach (var p in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .OrderBy(p => p.GetCustomAttribute<CommandOptionAttribute>() is null))
        {
            if (NameOf(p) is not { } name) continue;
            var value = p.GetValue(settings);
            // An option left at its default was not given (or given as the default): only what the user typed is
            // checked. Arguments are always typed.
            bool isOption = name.StartsWith('-');
            if (value is null || (isOption && defaults is not null && Equals(value, p.GetValue(defaults)))) continue;
            switch (value)
            {
                case string s: CheckText(s, name, p); break;
                case string[] many: foreach (var s in many) CheckText(s, name, p); break;
                case float f: CheckNumber(f, name, p); break;
                case double d: CheckNumber(d, name, p); break;
                case int i: CheckNumber(i, name, p); break;
                case long l: CheckNumber(l, name, p); break;
            }
        }
    }

    /// <summary>"--fps" for an option, "PROMPT" for an argument, null for a property that is neither.</summary>
    public static string? NameOf(PropertyInfo p)
    {
        if (p.GetCustomAttribute<CommandOptionAttribute>() is { } o)
            return o.LongNames.Count > 0 ? "--" + o.LongNames[0] : "-" + o.ShortNames[0];
        return p.GetCustomAttribute<CommandArgumentAttribute>()?.ValueName;
    }

    static void CheckText(string s, string name, PropertyInfo p)
    {
        if (string.IsNullOrWhiteSpace(s))
            throw new C3VException(name.StartsWith('-') ? $"{name}: the value is empty" : $"the {name.ToLowerInvariant()} argument is empty");
        if (p.GetCustomAttribute<ExistingFileAttribute>() is not null) UserPath.ExistingFile(s, name.StartsWith('-') ? name : name.ToLowerInvariant());
    }

    static void CheckNumber(double v, string name, PropertyInfo p)
    {
        string shown = v.ToString(CultureInfo.InvariantCulture);
        if (!double.IsFinite(v)) throw new C3VException($"{name}: {shown} is not a finite number");
        if (p.GetCustomAttribute<BoundsAttribute>() is { } b && !(v >= b.Min && v <= b.Max))
            throw new C3VException($"{name}: {shown} is outside {b.Min.ToString(CultureInfo.InvariantCulture)}..{b.Max.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// The parser's "Failed to convert 'abc' to Nullable`1." turned into "--width: 'abc' is not a whole number",
    /// finding the option the value followed on the command line; null when the message is not a conversion failure.
    /// </summary>
    public static string? ConversionMessage(string message, IReadOnlyList<string> args)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^Failed to convert '(?<value>.*)' to (?<type>[^ ]+?)\.?$");
        if (!m.Success) return null;
        string value = m.Groups["value"].Value, type = m.Groups["type"].Value;
        string? option = null;
        for (int i = 0; i < args.Count && option is null; i++)
        {
            if (args[i] == value && i > 0 && args[i - 1].StartsWith('-')) option = args[i - 1];
            else if (args[i].StartsWith('-') && args[i].EndsWith("=" + value, StringComparison.Ordinal)) option = args[i][..args[i].IndexOf('=')];
        }
        string expected = type switch
        {
            "Int32" or "Int64" or "Int16" or "Byte" => "a whole number",
            "Boolean" => "true or false",
            _ => "a number",
        };
        return $"{option ?? "an option"}: '{value}' is not {expected}";
    }

    static object? DefaultsOf(Type type)
    {
        try { return type.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(type); }
        catch (TargetInvocationException) { return null; }
    }
}
