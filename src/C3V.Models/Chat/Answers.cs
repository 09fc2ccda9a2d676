using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using C3V.Direct;

namespace C3V.Models.Chat;

/// <summary>The decomposition a chat model is asked for (the plan without what the program fills in itself).</summary>
[Description("A video prompt decomposed into one scene and its actors.")]
public sealed record PlanAnswer
{
    [Description("The place where the video happens.")]
    public required SceneSpec Scene { get; init; }

    [Description("Every individual actor (a count gives one entry each, ids numbered: robot-1, robot-2).")]
    [MinLength(1)]
    public required IReadOnlyList<ActorPlan> Actors { get; init; }

    [Description("Length of the video in seconds when the prompt says so.")]
    [Range(0.5, 120)]
    public double? DurationSeconds { get; init; }

    [Description("How the camera moves when the prompt says so.")]
    public CameraMove? Camera { get; init; }

    [Description("Relations between actors and to the camera, and what actors do together, when the prompt says so.")]
    public IReadOnlyList<ActorRelation> Relations { get; init; } = [];
}

[Description("Step 1: the actor's apparent height at its start as a fraction of the image height.")]
public sealed record ScaleAnswer
{
    [Description("Actor height in the image divided by the image height.")]
    [Range(0.01, 1)]
    public required double Scale { get; init; }
}

[Description("Steps 2 and 3: a bounding box of the actor.")]
public sealed record BoxAnswer
{
    public required PixelBox Box { get; init; }
}

[Description("Step 4: the actor's boxes along its path, first = start box, last = end box.")]
public sealed record WaypointsAnswer
{
    [MinLength(2)]
    public required IReadOnlyList<PixelBox> Waypoints { get; init; }
}
