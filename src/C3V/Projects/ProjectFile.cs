using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using C3V.Common;
using C3V.Direct;

namespace C3V.Projects;

/// <summary>What the user asked for: the options of <c>generate</c>, kept so edits and re-renders use the same.</summary>
public sealed record GenerationSettings
{
    public int Seed { get; init; } = 1;
    [Description("Clip length in seconds; null = the motions' natural length (4–8 s).")]
    public double? DurationSeconds { get; init; }
    public int Fps { get; init; } = 24;
    public int Width { get; init; } = 512;
    public int Height { get; init; } = 512;
    [Description("static, orbit, dolly, follow or crane.")]
    public string Camera { get; init; } = "static";
    [Description("draft or final.")]
    public string Quality { get; init; } = "final";
    [Description("mp4, gif or png.")]
    public string Format { get; init; } = "mp4";
    [Description("The director: 'rules' (embedded) or a chat-model spec.")]
    public string Llm { get; init; } = "rules";
    [Description("The user's asset library folder (library.json), searched for scenes and motions before the procedural ones; null = none.")]
    public string? Library { get; init; }
}

/// <summary>The clip a project last rendered.</summary>
public sealed record RenderRecord
{
    public required string File { get; init; }
    public required string Format { get; init; }
    public required string Key { get; init; }
    public int Frames { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public int Fps { get; init; }
    public string Camera { get; init; } = "static";
    public string? ContactSheet { get; init; }
    /// <summary>The render's ground truth (renders/annotations.json); retired with the video.</summary>
    public string? Annotations { get; init; }
    public DateTimeOffset CompletedUtc { get; init; }
}

/// <summary>
/// An actor's refined layout: the path's waypoints (world, metres, feet on the ground) and its uniform scale.
/// Kept so an edit that only swaps a motion re-times the new motion along the same path without refining again.
/// </summary>
public sealed record LayoutRecord
{
    public required float Scale { get; init; }
    public required IReadOnlyList<float[]> Waypoints { get; init; }

    /// <summary>Null when sound, else what is wrong (for an error naming the field).</summary>
    public string? Problem()
    {
        if (!(Scale > 0) || !float.IsFinite(Scale)) return "scale: must be a positive number";
        if (Waypoints is null || Waypoints.Count == 0) return "waypoints: expected at least one [x, y, z]";
        for (int i = 0; i < Waypoints.Count; i++)
            if (Waypoints[i] is not { Length: 3 } w || !w.All(float.IsFinite)) return $"waypoints[{i}]: expected [x, y, z] of finite numbers";
        return null;
    }
}

/// <summary>One run of a verb on the project and what it reused.</summary>
public sealed record HistoryEntry
{
    public required string Verb { get; init; }
    public string? Change { get; init; }
    public DateTimeOffset Utc { get; init; }
    public IReadOnlyList<string> Reused { get; init; } = [];
    public IReadOnlyList<string> Recomputed { get; init; } = [];
    public double Seconds { get; init; }
}

/// <summary>
/// <c>project.json</c>: everything needed to edit or re-render a generation without redoing it: the prompt and
/// options, the director's plan and placement, the composition, each actor's refinement report, the seeds and
/// versions of every stage, the keys of the cached artefacts, the last render and the history of runs.
/// </summary>
public sealed record ProjectFile
{
    public const int CurrentVersion = 1;
    public const string FileName = "project.json";

    public required int Version { get; init; }
    public required string Prompt { get; init; }
    public required GenerationSettings Settings { get; init; }
    public ScenePlan? Plan { get; init; }
    public PlacementSet? Placement { get; init; }
    [Description("The 4D composition: per actor per frame position, yaw, scale and motion time (see C3V.Compose).")]
    public JsonNode? Composition { get; init; }
    [Description("Per actor id: the refinement report (parameters before/after, losses).")]
    public Dictionary<string, JsonNode> Refinement { get; init; } = [];
    [Description("Per actor id: the refined path (waypoints) and scale the composition walks the motion along.")]
    public Dictionary<string, LayoutRecord> Layouts { get; init; } = [];
    [Description("Per stage: the name and version of what produced its artefacts.")]
    public Dictionary<string, string> Stages { get; init; } = [];
    public Dictionary<string, ArtefactRecord> Artefacts { get; init; } = [];
    public RenderRecord? Render { get; init; }
    [Description("Set while the project waits for its render (e.g. after Ctrl-C): run c3v render-project.")]
    public string? PendingRender { get; init; }
    public List<HistoryEntry> History { get; init; } = [];

    public static JsonSerializerOptions JsonOptions { get; } = new(PlanJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";
}
