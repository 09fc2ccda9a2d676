using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace C3V.Projects;

/// <summary>
/// Keys for cached artefacts: SHA-256 over the JSON of everything an artefact is computed from (the stage's
/// name and version, its settings, and the keys of the artefacts it consumes), so a key changes exactly when
/// an input does. Hex, first 16 bytes (collisions are not a concern at this scale).
/// </summary>
public static class InputHash
{
    static readonly JsonSerializerOptions Options = new(C3V.Direct.PlanJson.Options) { WriteIndented = false };

    public static string Of(string stage, params object?[] inputs)
    {
        var sb = new StringBuilder(stage);
        foreach (var input in inputs)
        {
            sb.Append('\u001f');
            sb.Append(input switch
            {
                null => "null",
                string s => JsonSerializer.Serialize(s),
                _ => JsonSerializer.Serialize(input, input.GetType(), Options),
            });
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())).AsSpan(0, 16));
    }
}
