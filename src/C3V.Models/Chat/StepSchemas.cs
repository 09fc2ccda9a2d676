using System.Text.Json.Nodes;
using C3V.Direct;

namespace C3V.Models.Chat;

/// <summary>
/// The placement steps' schemas narrowed to the request, so a schema-constrained model (a grammar, a
/// server's structured output) is held to what can be right: box coordinates within the image, exactly N
/// waypoints. What a schema cannot say (left &lt; right, sizes) stays with the director's checks.
/// </summary>
static class StepSchemas
{
    public static JsonNode Box(int width, int height)
    {
        var s = PlanJson.SchemaFor<BoxAnswer>();
        Bound(s["properties"]!["box"]!, width, height);
        return s;
    }

    public static JsonNode Waypoints(int count, int width, int height)
    {
        var s = PlanJson.SchemaFor<WaypointsAnswer>();
        var list = s["properties"]!["waypoints"]!;
        list["minItems"] = count;
        list["maxItems"] = count;
        Bound(list["items"]!, width, height);
        return s;
    }

    static void Bound(JsonNode box, int width, int height)
    {
        var items = box["items"]!;
        items["minimum"] = 0;
        items["maximum"] = Math.Max(width, height);
    }
}
