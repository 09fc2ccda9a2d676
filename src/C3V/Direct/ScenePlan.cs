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
    /// <summary>The format version this build writes; version 1 (no segments, relations or lighting) is still read.</summary>
    public const int CurrentVersion = 2;

    [Description("Format version of this plan file (2; 1 is still read). Readers reject versions they do not know.")]
    [Range(1, 2)]
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

    [Description("How actors stand and move relative to each other and to the camera ('side by side', 'facing each other', 'to the left of the tree'), and what they do together ('shake hands', 'box').")]
    public IReadOnlyList<ActorRelation> Relations { get; init; } = [];

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

    [Description("Time of day and its light when the prompt says so ('at night', 'at sunset'); absent: daylight.")]
    public Lighting? Lighting { get; init; }

    /// <summary>
    /// What the world stage is asked to make: the description, with the lighting said in words when the
    /// description does not already say it (the scene generators read "at night", "at sunset" from the text).
    /// </summary>
    [JsonIgnore]
    public string Text => Lighting switch
    {
        null or Direct.Lighting.Day => Description,
        { } l when Description.Contains(LightingWord(l), StringComparison.OrdinalIgnoreCase) => Description,
        { } l => $"{Description} at {LightingWord(l)}",
    };

    static string LightingWord(Lighting l) => l switch { Direct.Lighting.Dawn => "dawn", Direct.Lighting.Sunset => "sunset", _ => "night" };
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

    [Description("What the actor does (first, when it does several things one after another).")]
    public required MotionPlan Motion { get; init; }

    [Description("What the actor does next, in order, after its motion ('stretches, then jogs away': motion 'stretching', then 'jogging away'). Empty when it does one thing.")]
    public IReadOnlyList<MotionPlan> Then { get; init; } = [];

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

    /// <summary>Every motion in the order the actor does them: <see cref="Motion"/>, then <see cref="Then"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<MotionPlan> Segments => [Motion, .. Then];

    /// <summary>The motion that carries the actor across the scene (its path's shape), else its first motion: what placement plans for.</summary>
    [JsonIgnore]
    public MotionPlan Moving => Segments.FirstOrDefault(m => m.Travels) ?? Motion;
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

    [Description("How many times the action is done ('twice' = 2, 'three times' = 3); absent: it goes on for as long as it lasts.")]
    [Range(1, 20)]
    public int? Count { get; init; }

    [Description("How fast, from the manner words ('slowly', 'quickly', 'sprints', 'strolls').")]
    public MotionSpeed Speed { get; init; } = MotionSpeed.Normal;

    [Description("The direction of travel as seen in the video ('from left to right', 'toward the camera'); absent when not said.")]
    public ImageDirection? Direction { get; init; }

    [Description("Seconds this motion lasts when the prompt says so; absent: the composer shares the video between the motions.")]
    [Range(0.2, 120)]
    public double? Seconds { get; init; }
}

/// <summary>
/// A relation between actors, or between actors and the camera: where they stand and move relative to each
/// other, and what they do together. The composer turns each into geometry (docs/director.md).
/// </summary>
public sealed record ActorRelation
{
    [Description("The kind of relation.")]
    public required RelationKind Kind { get; init; }

    [Description("Ids of the actors the relation is about: the subject(s) of a directed relation ('A is left of B': [A]); every member of a group relation ('side by side', 'in a row' from left to right, 'facing each other').")]
    [MinLength(1)]
    public required IReadOnlyList<string> Actors { get; init; }

    [Description("For a directed relation, the id of the other actor, or 'camera' ('walks toward the camera'); absent for group relations.")]
    public string? Object { get; init; }

    [Description("What the actors do together, which sets how close they stand ('shake hands' ≈ 1 m, 'box' ≈ 1.3 m, 'sword fight' ≈ 2 m).")]
    public Interaction? Interaction { get; init; }

    /// <summary>The value of <see cref="Object"/> that means the camera.</summary>
    public const string Camera = "camera";
}

[JsonConverter(typeof(JsonStringEnumConverter<RelationKind>))]
public enum RelationKind
{
    [JsonStringEnumMemberName("left-of")] LeftOf,
    [JsonStringEnumMemberName("right-of")] RightOf,
    /// <summary>Close beside the other actor, at about a metre.</summary>
    [JsonStringEnumMemberName("next-to")] NextTo,
    /// <summary>Beside each other, moving on parallel paths about a metre apart at the same speed.</summary>
    [JsonStringEnumMemberName("side-by-side")] SideBySide,
    /// <summary>Evenly spaced on a line across the view, in the order listed (left to right).</summary>
    [JsonStringEnumMemberName("in-a-row")] InARow,
    /// <summary>Nearer the camera than the other actor.</summary>
    [JsonStringEnumMemberName("in-front-of")] InFrontOf,
    [JsonStringEnumMemberName("behind")] Behind,
    /// <summary>Turned toward the other actor (or the camera).</summary>
    [JsonStringEnumMemberName("facing")] Facing,
    /// <summary>Two actors turned toward each other at the distance their interaction needs.</summary>
    [JsonStringEnumMemberName("faces-each-other")] FacesEachOther,
    [JsonStringEnumMemberName("toward")] Toward,
    [JsonStringEnumMemberName("away-from")] AwayFrom,
    [JsonStringEnumMemberName("past")] Past,
    [JsonStringEnumMemberName("around")] Around,
    /// <summary>Moves behind the other actor on its path, at walking distance.</summary>
    [JsonStringEnumMemberName("follows")] Follows,
    /// <summary>Runs after the other actor, closing in.</summary>
    [JsonStringEnumMemberName("chases")] Chases,
    /// <summary>Far from the other actor ("far from", "far apart": every pair of a group): several metres between them.</summary>
    [JsonStringEnumMemberName("far-from")] FarFrom,
    /// <summary>Carried on the other actor, its mount ("rides a horse", "on a skateboard"): Actors = [rider], Object = the mount.</summary>
    [JsonStringEnumMemberName("rides")] Rides,
}

/// <summary>What two actors do together; it sets the distance they keep.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Interaction>))]
public enum Interaction
{
    [JsonStringEnumMemberName("handshake")] Handshake,
    [JsonStringEnumMemberName("hug")] Hug,
    [JsonStringEnumMemberName("boxing")] Boxing,
    [JsonStringEnumMemberName("fighting")] Fighting,
    [JsonStringEnumMemberName("sword-fight")] SwordFight,
    [JsonStringEnumMemberName("talking")] Talking,
    [JsonStringEnumMemberName("dancing")] Dancing,
    [JsonStringEnumMemberName("playing")] Playing,
}

[JsonConverter(typeof(JsonStringEnumConverter<MotionSpeed>))]
public enum MotionSpeed
{
    [JsonStringEnumMemberName("normal")] Normal,
    [JsonStringEnumMemberName("slow")] Slow,
    [JsonStringEnumMemberName("fast")] Fast,
}

[JsonConverter(typeof(JsonStringEnumConverter<ImageDirection>))]
public enum ImageDirection
{
    [JsonStringEnumMemberName("left-to-right")] LeftToRight,
    [JsonStringEnumMemberName("right-to-left")] RightToLeft,
    [JsonStringEnumMemberName("toward-camera")] TowardCamera,
    [JsonStringEnumMemberName("away-from-camera")] AwayFromCamera,
}

/// <summary>Time of day, which sets the scene's light.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Lighting>))]
public enum Lighting
{
    [JsonStringEnumMemberName("day")] Day,
    [JsonStringEnumMemberName("dawn")] Dawn,
    [JsonStringEnumMemberName("sunset")] Sunset,
    [JsonStringEnumMemberName("night")] Night,
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
