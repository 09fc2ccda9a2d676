using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Numerics;
using System.Text.Json.Serialization;

namespace C3V.Direct;

/// <summary>
/// An axis-aligned box in pixels of a reference view: left, top, right, bottom (x right, y down, continuous
/// coordinates as <see cref="Render.Camera"/> uses them). An actor's box spans it from head to feet; the
/// feet touch the ground at <see cref="BottomCenter"/>.
/// </summary>
[JsonConverter(typeof(PixelBoxJsonConverter))]
public readonly record struct PixelBox(float Left, float Top, float Right, float Bottom)
{
    public float Width => Right - Left;
    public float Height => Bottom - Top;
    public Vector2 Center => new((Left + Right) / 2, (Top + Bottom) / 2);
    /// <summary>Where the feet touch the ground: the lifting stage reads depth here.</summary>
    public Vector2 BottomCenter => new((Left + Right) / 2, Bottom);

    /// <summary>A box of the given size whose bottom centre is at <paramref name="feet"/>.</summary>
    public static PixelBox FromFeet(Vector2 feet, float width, float height) =>
        new(feet.X - width / 2, feet.Y - height, feet.X + width / 2, feet.Y);

    /// <summary>Why this box is not a valid box inside a <paramref name="width"/>×<paramref name="height"/> view, or null when it is.</summary>
    public string? Problem(int width, int height)
    {
        if (!float.IsFinite(Left) || !float.IsFinite(Top) || !float.IsFinite(Right) || !float.IsFinite(Bottom))
            return "has a coordinate that is not a finite number";
        if (Right <= Left) return $"right ({Right:0.#}) must be greater than left ({Left:0.#})";
        if (Bottom <= Top) return $"bottom ({Bottom:0.#}) must be greater than top ({Top:0.#})";
        const float slack = 0.5f; // rounding of answers given in whole pixels
        if (Left < -slack || Top < -slack || Right > width + slack || Bottom > height + slack)
            return $"[{Left:0.#}, {Top:0.#}, {Right:0.#}, {Bottom:0.#}] is not inside the {width}×{height} image";
        return null;
    }

    public override string ToString() => $"[{Left:0.#}, {Top:0.#}, {Right:0.#}, {Bottom:0.#}]";
}

/// <summary>Who produced a placement step: a chat model, the embedded planner, or the planner standing in for a model that failed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepSource>))]
public enum StepSource
{
    [JsonStringEnumMemberName("model")] Model,
    [JsonStringEnumMemberName("model-repaired")] ModelRepaired,
    [JsonStringEnumMemberName("planner")] Planner,
    [JsonStringEnumMemberName("planner-fallback")] PlannerFallback,
}

/// <summary>The steps of the method's placement protocol, asked in this order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlacementStep>))]
public enum PlacementStep
{
    [JsonStringEnumMemberName("scale")] Scale,
    [JsonStringEnumMemberName("start")] Start,
    [JsonStringEnumMemberName("end")] End,
    [JsonStringEnumMemberName("waypoints")] Waypoints,
}

/// <summary>One step's answer as the producer gave it (verbatim text) and who gave it.</summary>
public sealed record StepAnswer
{
    public required PlacementStep Step { get; init; }
    public required StepSource Source { get; init; }
    [Description("The answer verbatim (a model's reply, or the planner's result as JSON).")]
    public required string Raw { get; init; }
}

/// <summary>
/// Where one actor goes in the reference view (the method's placement): its size as a fraction of the image
/// height, start and end boxes, and N waypoint boxes from start to end inclusive, all in pixels of the named view.
/// </summary>
public sealed record Placement
{
    public const int DefaultWaypointCount = 20;

    [Description("Id of the actor in the plan.")]
    [MinLength(1)]
    public required string ActorId { get; init; }

    [Description("Name of the reference view the pixels refer to.")]
    [MinLength(1)]
    public required string ReferenceView { get; init; }

    [Range(1, 16384)] public required int ViewWidth { get; init; }
    [Range(1, 16384)] public required int ViewHeight { get; init; }

    [Description("The actor's height at the start box as a fraction of the image height.")]
    [Range(0.005, 2)]
    public required double Scale { get; init; }

    [Description("Box at the start of the motion.")]
    public required PixelBox Start { get; init; }

    [Description("Box at the end of the motion.")]
    public required PixelBox End { get; init; }

    [Description("N boxes along the path, the first equal to Start and the last to End.")]
    [MinLength(2)]
    public required IReadOnlyList<PixelBox> Waypoints { get; init; }

    [Description("Who produced the placement: 'rules' or the chat model's name.")]
    public required string Producer { get; init; }

    [Description("Each step's answer verbatim, with its source.")]
    public IReadOnlyList<StepAnswer> Answers { get; init; } = [];

    [Description("Warnings raised while placing (e.g. a model answer replaced by the planner).")]
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why this placement is inconsistent, or null when it is fine.</summary>
    public string? Problem()
    {
        if (Start.Problem(ViewWidth, ViewHeight) is { } s) return $"start box {s}";
        if (End.Problem(ViewWidth, ViewHeight) is { } e) return $"end box {e}";
        if (Waypoints.Count < 2) return "needs at least 2 waypoints";
        for (int i = 0; i < Waypoints.Count; i++)
            if (Waypoints[i].Problem(ViewWidth, ViewHeight) is { } w) return $"waypoint {i} {w}";
        return null;
    }
}

/// <summary>All actors' placements in one reference view: what a project stores.</summary>
public sealed record PlacementSet
{
    public const int CurrentVersion = 1;
    [Range(1, 1)] public required int Version { get; init; }
    [MinLength(1)] public required string ReferenceView { get; init; }
    [Range(1, 16384)] public required int ViewWidth { get; init; }
    [Range(1, 16384)] public required int ViewHeight { get; init; }
    public required IReadOnlyList<Placement> Placements { get; init; }
}
