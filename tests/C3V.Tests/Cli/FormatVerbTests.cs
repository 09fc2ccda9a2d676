using System.Text.Json;
using C3V.Splats.Formats;
using C3V.Tests.Splats.Formats;

namespace C3V.Tests.Cli;

/// <summary>The info and convert verbs, run in-process: results, refusals and error lines.</summary>
[Collection("Console")]
public class FormatVerbTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-verbs").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    string P(string name) => Path.Combine(_dir, name);

    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var old = Console.Out;
        var sw = new StringWriter();
        Console.SetOut(sw);
        try
        {
            var (code, err) = CliAppTests.Run(args);
            return (code, sw.ToString(), err);
        }
        finally { Console.SetOut(old); }
    }

    [Fact]
    public void Convert_ChangesFormatAndShDegree_AndInfoDescribesTheResult()
    {
        File.Copy(ReferenceFileTests.Fixture("source.ply"), P("in.ply"));
        var (code, _, err) = Run("convert", P("in.ply"), P("out.spz"), "--sh-degree", "1");
        Assert.True(code == 0, err);
        var (infoCode, json, _) = Run("info", P("out.spz"), "--json");
        Assert.Equal(0, infoCode);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("Spz", doc.RootElement.GetProperty("format").GetString());
        Assert.Equal(300, doc.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("shDegree").GetInt32());
        var (textCode, text, _) = Run("info", P("out.spz"));
        Assert.Equal(0, textCode);
        Assert.Contains("SPZ v3 (gzip)", text);
        Assert.Contains("splats:      300", text);
    }

    [Fact]
    public void Convert_NeverOverwritesWithoutForce()
    {
        File.Copy(ReferenceFileTests.Fixture("source.ply"), P("in.ply"));
        File.WriteAllText(P("out.splat"), "precious");
        var (code, _, err) = Run("convert", P("in.ply"), P("out.splat"));
        Assert.Equal(1, code);
        Assert.Contains("already exists (use --force", err);
        Assert.Equal("precious", File.ReadAllText(P("out.splat")));
        (code, _, err) = Run("convert", P("in.ply"), P("out.splat"), "--force");
        Assert.True(code == 0, err);
        Assert.Equal(300, SplatFile.Read(P("out.splat")).Count);
    }

    [Fact]
    public void Convert_BadInput_OneErrorLineAndNoOutput()
    {
        byte[] ply = File.ReadAllBytes(ReferenceFileTests.Fixture("source.ply"));
        File.WriteAllBytes(P("cut.ply"), ply[..(ply.Length / 2)]);
        var (code, _, err) = Run("convert", P("cut.ply"), P("out.spz"));
        Assert.Equal(1, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith($"c3v: error: {P("cut.ply")}: truncated", err);
        Assert.Equal(P("cut.ply"), Assert.Single(Directory.GetFiles(_dir)));
    }

    [Fact]
    public void BadArguments_AreUsageErrors()
    {
        Assert.Equal(1, Run("convert", ReferenceFileTests.Fixture("source.ply"), P("out.obj")).Code);
        Assert.Equal(1, Run("convert", ReferenceFileTests.Fixture("source.ply"), P("out.compressed.ply")).Code);
        var (code, _, err) = Run("convert", ReferenceFileTests.Fixture("source.ply"), P("x.ply"), "--sh-degree", "5");
        Assert.Equal(2, code);
        Assert.Contains("--sh-degree", err);
        (code, _, err) = Run("info", P("missing.ply"));
        Assert.Equal(1, code);
        Assert.Contains("missing.ply: no such file", err);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Help_IsAvailableOnEachVerb()
    {
        foreach (var verb in new[] { "info", "convert" })
            Assert.Equal(0, Run(verb, "--help").Code);
    }
}
