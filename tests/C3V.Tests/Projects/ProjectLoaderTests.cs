using System.Text.Json.Nodes;
using C3V.Common;
using C3V.Projects;
using C3V.Tests.Pipeline;

namespace C3V.Tests.Projects;

/// <summary>
/// The project loader on a real generated project.json with one field damaged at a time: every case of issue 19
/// (and the neighbouring ones) is refused with the field named, before any verb starts work.
/// </summary>
[Collection(SmallProject.Collection)]
public sealed class ProjectLoaderTests(SmallProject small)
{
    JsonObject Valid() => JsonNode.Parse(File.ReadAllText(Path.Combine(small.Project, "project.json")))!.AsObject();

    static string Fail(JsonNode project)
    {
        var e = Assert.Throws<InvalidFileException>(() => ProjectLoader.Parse(project.ToJsonString(), "p/project.json"));
        Assert.StartsWith("p/project.json: ", e.Message);
        return e.Message;
    }

    [Fact]
    public void TheGeneratedProject_Loads() => Assert.Equal("robot", ProjectLoader.Parse(Valid().ToJsonString(), "x").Plan!.Actors[0].Id);

    [Theory]
    [InlineData("camera", "\"teleport\"", "$.settings.camera")]
    [InlineData("width", "0", "$.settings.width")]
    [InlineData("width", "99999", "$.settings.width")]
    [InlineData("fps", "0", "$.settings.fps")]
    [InlineData("durationSeconds", "0", "$.settings.durationSeconds")]
    [InlineData("durationSeconds", "100000", "$.settings.durationSeconds")]
    [InlineData("quality", "\"ultra\"", "$.settings.quality")]
    [InlineData("format", "\"avi\"", "$.settings.format")]
    [InlineData("fps", "\"fast\"", "$.settings.fps")]
    [InlineData("seed", "1e300", "$.settings.seed")]
    public void BadSettings_AreNamed(string field, string value, string expected)
    {
        var p = Valid();
        p["settings"]![field] = JsonNode.Parse(value);
        Assert.Contains(expected, Fail(p));
    }

    [Fact]
    public void AnEmptyActorList_IsRefused()
    {
        var p = Valid();
        p["plan"]!["actors"] = new JsonArray();
        Assert.Contains("$.plan.actors", Fail(p));
    }

    [Fact]
    public void ACompositionActorMissingFromThePlan_IsRefused()
    {
        var p = Valid();
        p["composition"]!["actors"]![0]!["id"] = "ghost";
        Assert.Contains("$.composition.actors[0].id: no actor 'ghost'", Fail(p));
    }

    [Fact]
    public void APlanActorWithoutATrack_IsRefused()
    {
        var p = Valid();
        p["plan"]!["actors"]![0]!["id"] = "other";
        var message = Fail(p);
        Assert.Contains("'robot'", message);
    }

    [Theory]
    [InlineData("1e30", "beyond")]
    [InlineData("\"NaN\"", "finite")]
    [InlineData("null", "finite")]
    public void HugeOrNonFinitePositions_AreRefused(string value, string expected)
    {
        var p = Valid();
        p["composition"]!["actors"]![0]!["frames"]![2]!["position"]![1] = JsonNode.Parse(value);
        var message = Fail(p);
        Assert.Contains("$.composition.actors[0].frames[2].position", message);
        Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData("../../../../etc/passwd", "inside the project")]
    [InlineData("/etc/hostname", "absolute")]
    public void ArtefactFilesOutsideTheProject_AreRefused(string file, string expected)
    {
        var p = Valid();
        p["artefacts"]!["scene"]!["file"] = file;
        var message = Fail(p);
        Assert.Contains("$.artefacts.scene.file", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void WrongTypesMissingFieldsAndExtraNestedFields_AreNamed()
    {
        var p = Valid();
        p["plan"]!["actors"]![0]!["heightMeters"] = "tall";
        Assert.Contains("$.plan.actors[0].heightMeters", Fail(p));
        p = Valid();
        p.Remove("prompt");
        Assert.Contains("'prompt'", Fail(p));
        p = Valid();
        p["settings"]!["colour"] = "red";
        Assert.Contains("$.settings: unknown field 'colour'", Fail(p));
        p = Valid();
        p["layouts"]!["ghost"] = p["layouts"]!["robot"]!.DeepClone();
        Assert.Contains("$.layouts.ghost: no actor 'ghost'", Fail(p));
    }

    [Fact]
    public void UnknownTopLevelFields_AreAllowed_ForLaterVersions()
    {
        var p = Valid();
        p["annotations"] = new JsonObject { ["file"] = "annotations.json" };
        Assert.NotNull(ProjectLoader.Parse(p.ToJsonString(), "x"));
    }

    [Fact]
    public void NotJsonOrNotAnObject_IsNamed()
    {
        Assert.Contains("not valid JSON (line 1", Assert.Throws<InvalidFileException>(() => ProjectLoader.Parse("{\"version\": 1,", "p")).Message);
        Assert.Contains("expected a JSON object", Fail(new JsonArray()));
    }

    [Fact]
    public void AKeyGivenTwice_IsRefusedAsJson_NotACrash()
    {
        // Found by the byte fuzzer: a composition frame with "yaw" twice reached the composition reader, whose
        // JsonObject threw "An item with the same key has already been added".
        var text = Valid().ToJsonString();
        int yaw = text.IndexOf("\"yaw\":", StringComparison.Ordinal);
        Assert.True(yaw > 0, "the generated project has a composed yaw");
        var twice = text[..yaw] + "\"yaw\":0," + text[yaw..];
        var e = Assert.Throws<InvalidFileException>(() => ProjectLoader.Parse(twice, "p/project.json"));
        Assert.Contains("not valid JSON", e.Message);
        Assert.Contains("a key is given twice", e.Message);
    }
}
