using System.Text.Json.Nodes;
using C3V.Common;
using C3V.Direct;

namespace C3V.Tests.Direct;

public class PlanJsonTests
{
    internal static ScenePlan Sample() => new()
    {
        Version = ScenePlan.CurrentVersion,
        Prompt = "an alien walking from the cabin's door to the mower",
        Scene = new SceneSpec { Description = "a garden", Landmarks = ["cabin door", "mower"] },
        Actors =
        [
            new ActorPlan
            {
                Id = "alien", Description = "an alien", Category = ActorCategory.Creature, Noun = "alien",
                Motion = new MotionPlan { Description = "walking", Travels = true },
                Start = new SpatialHint { Landmark = "cabin door" },
                End = new SpatialHint { Landmark = "mower", Region = ImageRegion.BottomRight, Relation = SpatialRelation.Near },
            },
        ],
    };

    [Fact]
    public void Schema_is_generated_from_the_types_with_descriptions_bounds_and_enums()
    {
        var schema = PlanJson.SchemaFor<ScenePlan>();
        var actor = schema["properties"]!["actors"]!["items"]!;
        Assert.Equal(0.05, actor["properties"]!["heightMeters"]!["minimum"]!.GetValue<double>());
        Assert.Contains("metres", actor["properties"]!["heightMeters"]!["description"]!.GetValue<string>());
        Assert.Contains("id", actor["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        var categories = actor["properties"]!["category"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("creature", categories);
        Assert.False(actor["additionalProperties"]!.GetValue<bool>());
        var box = PlanJson.SchemaFor<Placement>()["properties"]!["start"]!;
        Assert.Equal(4, box["minItems"]!.GetValue<int>());
    }

    [Fact]
    public void Plan_round_trips_through_json()
    {
        var plan = Sample();
        string json = PlanJson.Serialize(plan);
        Assert.Contains("\"category\": \"creature\"", json);
        Assert.Contains("\"region\": \"bottom-right\"", json);
        var back = PlanJson.ParsePlan(json, "plan.json");
        Assert.Equal(json, PlanJson.Serialize(back));
    }

    [Theory]
    [InlineData("heightMeters", "80", "$.actors[0].heightMeters: 80 is above the maximum 50")]
    [InlineData("category", "\"dragon\"", "$.actors[0].category: \"dragon\" is not one of")]
    [InlineData("colour", "\"red\"", "$.actors[0]: unknown field 'colour'")]
    [InlineData("id", "3", "$.actors[0].id: expected a string, found the number 3")]
    [InlineData("target", "\"nobody\"", "$.actors[0].target: 'nobody' is not another actor of the plan")]
    [InlineData("target", "\"alien\"", "$.actors[0].target: 'alien' is not another actor of the plan")]
    public void Bad_fields_are_named(string field, string value, string expected)
    {
        var node = JsonNode.Parse(PlanJson.Serialize(Sample()))!;
        node["actors"]![0]![field] = JsonNode.Parse(value);
        var e = Assert.Throws<InvalidFileException>(() => PlanJson.ParsePlan(node.ToJsonString(), "p.json"));
        Assert.StartsWith("p.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Missing_required_field_newer_version_duplicate_ids_and_syntax_are_reported()
    {
        var node = JsonNode.Parse(PlanJson.Serialize(Sample()))!;
        node["actors"]![0]!.AsObject().Remove("motion");
        Assert.Contains("$.actors[0]: the required field 'motion' is missing",
            Assert.Throws<InvalidFileException>(() => PlanJson.ParsePlan(node.ToJsonString(), "p.json")).Message);

        node = JsonNode.Parse(PlanJson.Serialize(Sample()))!;
        node["version"] = 7;
        Assert.Contains("newer than this build", Assert.Throws<InvalidFileException>(() => PlanJson.ParsePlan(node.ToJsonString(), "p.json")).Message);

        var twice = Sample() with { Actors = [Sample().Actors[0], Sample().Actors[0]] };
        Assert.Contains("$.actors[1].id: 'alien' is used by two actors",
            Assert.Throws<InvalidFileException>(() => PlanJson.ParsePlan(PlanJson.Serialize(twice), "p.json")).Message);

        Assert.Contains("not valid JSON", Assert.Throws<InvalidFileException>(() => PlanJson.ParsePlan("{\"version\": 1,", "p.json")).Message);
        Assert.Contains("file not found", Assert.Throws<InvalidFileException>(() => PlanJson.LoadPlan("/nonexistent/plan.json")).Message);
    }

    [Fact]
    public void Save_is_atomic_and_does_not_overwrite_unasked()
    {
        string dir = Directory.CreateTempSubdirectory("c3v-plan").FullName;
        try
        {
            string path = Path.Combine(dir, "plan.json");
            PlanJson.SavePlan(Sample(), path, overwrite: false);
            Assert.Equal(Sample().Prompt, PlanJson.LoadPlan(path).Prompt);
            Assert.Throws<C3VException>(() => PlanJson.SavePlan(Sample(), path, overwrite: false));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Placement_set_validates_boxes_inside_the_view()
    {
        var box = new PixelBox(10, 20, 50, 120);
        var placement = new Placement
        {
            ActorId = "alien", ReferenceView = "default", ViewWidth = 256, ViewHeight = 256, Scale = 0.4,
            Start = box, End = box with { Left = 100, Right = 140 }, Waypoints = [box, box], Producer = "rules",
        };
        var set = new PlacementSet { Version = 1, ReferenceView = "default", ViewWidth = 256, ViewHeight = 256, Placements = [placement] };
        string json = PlanJson.Serialize(set);
        Assert.Contains("[\n        10,", json.Replace("\r", ""));
        Assert.Equal(json, PlanJson.Serialize(PlanJson.ParsePlacements(json, "x")));
        var bad = set with { Placements = [placement with { End = new PixelBox(100, 20, 300, 120) }] };
        Assert.Contains("$.placements[0]: end box [100, 20, 300, 120] is not inside the 256×256 image",
            Assert.Throws<InvalidFileException>(() => PlanJson.ParsePlacements(PlanJson.Serialize(bad), "x")).Message);
    }
}
