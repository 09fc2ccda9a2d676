using System.Text.Json;
using System.Text.Json.Serialization;

namespace C3V.Direct;

/// <summary>
/// A <see cref="PixelBox"/> is written as the list [left, top, right, bottom]: the form chat models are
/// asked for and the shortest to read in a project file.
/// </summary>
sealed class PixelBoxJsonConverter : JsonConverter<PixelBox>
{
    public override PixelBox Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a box must be a list [left, top, right, bottom]");
        Span<float> v = stackalloc float[4];
        int n = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || n == 4) throw new JsonException("a box must be 4 numbers [left, top, right, bottom]");
            v[n++] = reader.GetSingle();
        }
        if (n != 4) throw new JsonException("a box must be 4 numbers [left, top, right, bottom]");
        return new PixelBox(v[0], v[1], v[2], v[3]);
    }

    public override void Write(Utf8JsonWriter writer, PixelBox value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(MathF.Round(value.Left, 2));
        writer.WriteNumberValue(MathF.Round(value.Top, 2));
        writer.WriteNumberValue(MathF.Round(value.Right, 2));
        writer.WriteNumberValue(MathF.Round(value.Bottom, 2));
        writer.WriteEndArray();
    }
}
