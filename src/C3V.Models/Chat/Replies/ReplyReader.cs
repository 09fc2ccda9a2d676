using System.Text.Json;
using System.Text.Json.Nodes;
using C3V.Direct;

namespace C3V.Models.Chat.Replies;

/// <summary>
/// Reads a chat model's reply as a <typeparamref name="T"/>: finds the JSON object (<see cref="ReplyText"/>),
/// parses it allowing trailing commas and comments, brings it to the schema's form where that is unambiguous
/// (<see cref="SchemaCoercion"/>), then validates it against the schema. <c>Format</c> notes say how the text
/// was read (fence, reasoning, prose); <c>Conversions</c> say which values were reinterpreted — those change
/// what the answer means, so the director reports them as warnings too.
/// </summary>
public static class ReplyReader
{
    public sealed record Reading<T>(T? Value, IReadOnlyList<string> Format, IReadOnlyList<string> Conversions, string? Error) where T : class;

    static readonly JsonDocumentOptions Strict = new();
    static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static Reading<T> Read<T>(string? reply, bool cutAtLimit, (int Width, int Height)? image = null) where T : class
    {
        var extracted = ReplyText.Extract(reply, cutAtLimit);
        var format = extracted.Notes.ToList();
        if (extracted.Json is not { } json) return new(null, format, [], extracted.Error);

        JsonNode? node;
        try
        {
            try { node = JsonNode.Parse(json, documentOptions: Strict); }
            catch (JsonException)
            {
                node = JsonNode.Parse(json, documentOptions: Lenient);
                format.Add("allowed trailing commas and comments");
            }
        }
        catch (JsonException e) { return new(null, format, [], $"not valid JSON: {e.Message}"); }

        var coercion = new SchemaCoercion(PlanJson.SchemaFor<T>(), image);
        node = coercion.Apply(node);
        var value = PlanJson.TryParse<T>(node?.ToJsonString() ?? "null", out var error);
        return new(value, format, coercion.Notes, error);
    }
}
