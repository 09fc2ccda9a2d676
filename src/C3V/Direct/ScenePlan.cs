using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace C3V.Direct;

/// <summary>
/// The director's decomposition of a prompt (DESIGN.md §3): one scene, the actors with their motions and
/// where they start and end, and the video's length and size. Stored as versioned JSON; every load is
/// checked against the schema generated from these types (<see cref="PlanJson"/>).
/// </summary>
[Description("A prompt decomposed into one scene and its actors, each with a motion and spatial hints.")]
public sealed record ScenePlan
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    [Description("Format version of this plan file (1). Readers reject versions they do not know.")]
    [Range(1, 1)]
    public required int Version { get; init; }

    [Description("The user's prompt, verbatim.")]
    public required string Prompt { get; init; }

    [Description("The place where the video happens.")]
    public required SceneSpec Scene { get; init; }

    [Description("The actors, in the order the prompt names them; a count ('two robots') gives one entry per individual.")]
    [MinLength(1)]
    public required IReadOnlyList<ActorPlan> Actors { get; init; }

    [Description("Length of the video in seconds.")]
    [Range(0.5, 120)]
    public double DurationSeconds { get; init; } = 4;

    [Description("Frames per second of the video.")]
    [Range(1, 120)]
    public int Fps { get; init; } = 24;

    [Description("Width of the video in pixels.")]
    [Range(16, 4096)]
    public int Width { get; init; } = 512;

    [Description("Height of the video in pixels.")]
    [Range(16, 4096)]
    public int Height { get; init; } = 512;

    [Description("How the camera moves while the video plays.")]
    public CameraMove Camera { get; init; } = CameraMove.Static;

    /// <summary>The actor with this id, or null.</summary>
    public ActorPlan? FindActor(string id) => Actors.FirstOrDefault(a => a.Id == id);
}

/// <summary>The scene: a free-text description (what the world stage generates or retrieves) and the landmarks the prompt names.</summary>
public sealed record SceneSpec
{
    [Description("The scene phrase of the prompt, e.g. 'a simple stage' or 'a modern mega villa by the sea'.")]
    [MinLength(1)]
    public required string Description { get; init; }

    [Description("Named things in the scene the prompt refers to (e.g. 'cabin door', 'mower', 'swimming pool').")]
    public IReadOnlyList<string> Landmarks { get; init; } = [];
}

/// <summary>One actor: who it is, how tall it really is, what it does and where.</summary>
public sealed record ActorPlan
{
    [Description("Unique id within the plan: the head noun, numbered when it repeats (e.g. 'alien', 'robot-2').")]
    [MinLength(1)]
    public required string Id { get; init; }

    [Description("The actor's noun phrase with its attributes, e.g. 'a black man wearing a green t-shirt'.")]
    [MinLength(1)]
    public required string Description { get; init; }

    [Description("What kind of being or thing the actor is.")]
    public required ActorCategory Category { get; init; }

    [Description("The head noun naming the actor, e.g. 'man', 'alien', 'robot'.")]
    public string Noun { get; init; } = "";

    [Description("Attribute phrases of the actor: colours, garments, age, gender, build, e.g. 'black', 'green t-shirt'.")]
    public IReadOnlyList<string> Attributes { get; init; } = [];

    [Description("Objects the actor holds or carries, e.g. 'umbrella'.")]
    public IReadOnlyList<string> Props { get; init; } = [];

    [Description("Real standing height of the actor in metres (an adult human is about 1.75).")]
    [Range(0.05, 50)]
    public double HeightMeters { get; init; } = 1.75;

    [Description("What the actor does.")]
    public required MotionPlan Motion { get; init; }

    [Description("Where the actor is when the video starts; absent when the prompt does not say.")]
    public SpatialHint? Start { get; init; }

    [Description("Where the actor is when the video ends; absent when the prompt does not say.")]
    public SpatialHint? End { get; init; }

    [Description("Sequence step: actors with the same order act at the same time; a higher order acts after the lower ones ('then').")]
    [Range(0, 100)]
    public int Order { get; init; }

    [Description("The id of another actor of the plan that this actor's action is aimed at ('waves at him', 'talks to the woman'): it turns to face that actor. Absent when the action is not aimed at anyone.")]
    public string? Target { get; init; }

    /// <summary>Who the actor faces when it is not walking: its <see cref="Target"/>, else the actor it walks to, else nobody.</summary>
    [JsonIgnore]
    public string? FacingTarget => Target ?? End?.Actor;
}

/// <summary>An actor's motion: the phrase (used to retrieve a clip) and how it travels.</summary>
public sealed record MotionPlan
{
    [Description("The motion phrase, e.g. 'playing kung fu', 'dancing', 'walking'.")]
    [MinLength(1)]
    public required string Description { get; init; }

    [Description("Whether the actor travels across the scene (walking, running) rather than acting in place.")]
    public bool Travels { get; init; }

    [Description("The shape of the path the actor follows.")]
    public PathShape Path { get; init; } = PathShape.Auto;
}

/// <summary>
/// Where an actor is at the start or end: a landmark, another actor, or a region of the image, related by a
/// preposition. Any combination may be given; an empty hint means "the director decides".
/// </summary>
public sealed record SpatialHint
{
    [Description("A landmark of the scene, e.g. 'cabin door', 'mower', 'swimming pool'.")]
    public string? Landmark { get; init; }

    [Description("The id of another actor of the plan.")]
    public string? Actor { get; init; }

    [Description("A region of the reference image, e.g. 'bottom-right'.")]
    public ImageRegion? Region { get; init; }

    [Description("How the actor relates to the landmark or actor.")]
    public SpatialRelation Relation { get; init; } = SpatialRelation.At;

    [JsonIgnore]
    public bool IsEmpty => Landmark is null && Actor is null && Region is null;
}

[JsonConverter(typeof(JsonStringEnumConverter<ActorCategory>))]
public enum ActorCategory
{
    /// <summary>A person.</summary>
    [JsonStringEnumMemberName("human")] Human,
    /// <summary>A humanoid fantasy or alien being (fairy, warlock, alien, zombie): a human body with extras.</summary>
    [JsonStringEnumMemberName("creature")] Creature,
    [JsonStringEnumMemberName("robot")] Robot,
    [JsonStringEnumMemberName("animal")] Animal,
    /// <summary>A moving object (ball, car, drone).</summary>
    [JsonStringEnumMemberName("object")] Object,
}

[JsonConverter(typeof(JsonStringEnumConverter<PathShape>))]
public enum PathShape
{
    /// <summary>The director picks a gentle curve.</summary>
    [JsonStringEnumMemberName("auto")] Auto,
    [JsonStringEnumMemberName("straight")] Straight,
    [JsonStringEnumMemberName("curved")] Curved,
    /// <summary>A loop around a landmark, another actor or the middle of the view.</summary>
    [JsonStringEnumMemberName("around")] Around,
    /// <summary>From one side of the view to the other.</summary>
    [JsonStringEnumMemberName("across")] Across,
    [JsonStringEnumMemberName("zigzag")] Zigzag,
    /// <summary>No travel: the actor stays where it starts.</summary>
    [JsonStringEnumMemberName("in-place")] InPlace,
}

[JsonConverter(typeof(JsonStringEnumConverter<ImageRegion>))]
public enum ImageRegion
{
    [JsonStringEnumMemberName("center")] Center,
    [JsonStringEnumMemberName("left")] Left,
    [JsonStringEnumMemberName("right")] Right,
    /// <summary>Far from the camera (higher in the image on a ground plane).</summary>
    [JsonStringEnumMemberName("background")] Background,
    /// <summary>Close to the camera (lower in the image).</summary>
    [JsonStringEnumMemberName("foreground")] Foreground,
    [JsonStringEnumMemberName("top-left")] TopLeft,
    [JsonStringEnumMemberName("top-right")] TopRight,
    [JsonStringEnumMemberName("bottom-left")] BottomLeft,
    [JsonStringEnumMemberName("bottom-right")] BottomRight,
}

[JsonConverter(typeof(JsonStringEnumConverter<SpatialRelation>))]
public enum SpatialRelation
{
    [JsonStringEnumMemberName("at")] At,
    [JsonStringEnumMemberName("near")] Near,
    [JsonStringEnumMemberName("in-front-of")] InFrontOf,
    [JsonStringEnumMemberName("behind")] Behind,
    [JsonStringEnumMemberName("left-of")] LeftOf,
    [JsonStringEnumMemberName("right-of")] RightOf,
    [JsonStringEnumMemberName("on")] On,
}

[JsonConverter(typeof(JsonStringEnumConverter<CameraMove>))]
public enum CameraMove
{
    [JsonStringEnumMemberName("static")] Static,
    [JsonStringEnumMemberName("orbit")] Orbit,
    [JsonStringEnumMemberName("pan")] Pan,
    [JsonStringEnumMemberName("push-in")] PushIn,
    [JsonStringEnumMemberName("pull-out")] PullOut,
    [JsonStringEnumMemberName("follow")] Follow,
}
