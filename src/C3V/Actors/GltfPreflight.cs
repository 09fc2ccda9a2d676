using System.Buffers.Binary;
using System.Text.Json;
using C3V.Common;

namespace C3V.Actors;

/// <summary>
/// Checks a glTF/GLB file's JSON before the glTF library reads it, so damaged or hostile files get a message that
/// names the file and the field instead of the library's internals: the container (GLB header and JSON chunk),
/// the JSON syntax, external URIs (buffers and images must be files inside the glTF's own folder: no absolute
/// paths, no '..', no other schemes; embedded data: URIs are fine) and accessor types and component types.
/// </summary>
public static class GltfPreflight
{
    static readonly HashSet<string> AccessorTypes = ["SCALAR", "VEC2", "VEC3", "VEC4", "MAT2", "MAT3", "MAT4"];
    static readonly HashSet<int> ComponentTypes = [5120, 5121, 5122, 5123, 5125, 5126];
    const uint GlbMagic = 0x46546C67, JsonChunk = 0x4E4F534A;

    /// <summary>Throws <see cref="InvalidFileException"/> naming <paramref name="path"/> when the file is not a sound glTF container.</summary>
    public static void Check(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new InvalidFileException(path, $"cannot be read ({e.GetType().Name.Replace("Exception", "")})"); }
        var json = bytes.Length >= 4 && BinaryPrimitives.ReadUInt32LittleEndian(bytes) == GlbMagic ? GlbJson(path, bytes) : bytes;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 }); }
        catch (JsonException e)
        {
            throw Unreadable(path, $"its JSON is not valid (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
        }
        using (doc)
        {
            try { CheckDocument(path, doc.RootElement); }
            catch (InvalidOperationException)
            {
                // JsonDocument checks the syntax but decodes strings only when read: bad UTF-8 shows up here.
                throw Unreadable(path, "its JSON holds text that is not valid UTF-8");
            }
        }
    }

    static void CheckDocument(string path, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Unreadable(path, "the JSON is not an object");
        if (!root.TryGetProperty("asset", out var asset) || asset.ValueKind != JsonValueKind.Object)
            throw Unreadable(path, "no \"asset\" object");
        CheckUris(path, root, "buffers");
        CheckUris(path, root, "images");
        if (root.TryGetProperty("accessors", out var accessors) && accessors.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var a in accessors.EnumerateArray())
            {
                if (a.ValueKind != JsonValueKind.Object) throw new InvalidFileException(path, $"accessors[{i}]: expected an object");
                if (!a.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !AccessorTypes.Contains(type.GetString()!))
                    throw new InvalidFileException(path, $"accessors[{i}].type: {Show(type)} is not a glTF accessor type ({string.Join(", ", AccessorTypes)})");
                if (!a.TryGetProperty("componentType", out var ct) || ct.ValueKind != JsonValueKind.Number || !ct.TryGetInt32(out int c) || !ComponentTypes.Contains(c))
                    throw new InvalidFileException(path, $"accessors[{i}].componentType: {Show(ct)} is not a glTF component type");
                i++;
            }
        }
    }

    /// <summary>The JSON chunk of a GLB (header: magic, version 2, total length; then chunk length, type, data).</summary>
    static ReadOnlyMemory<byte> GlbJson(string path, byte[] bytes)
    {
        if (bytes.Length < 20) throw Unreadable(path, $"GLB file of {bytes.Length} bytes is shorter than its 20-byte header");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        if (version != 2) throw Unreadable(path, $"GLB version {version} is not supported (expected 2)");
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        if (length > bytes.Length) throw Unreadable(path, $"GLB header says {length} bytes, the file has {bytes.Length} (truncated?)");
        uint chunk = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        uint type = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16));
        if (type != JsonChunk) throw Unreadable(path, "the first GLB chunk is not JSON");
        if (chunk > bytes.Length - 20) throw Unreadable(path, $"the GLB JSON chunk of {chunk} bytes runs past the end of the file");
        return bytes.AsMemory(20, (int)chunk);
    }

    static void CheckUris(string path, JsonElement root, string list)
    {
        if (!root.TryGetProperty(list, out var items) || items.ValueKind != JsonValueKind.Array) return;
        int i = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("uri", out var uri))
            {
                if (uri.ValueKind != JsonValueKind.String) throw new InvalidFileException(path, $"{list}[{i}].uri: expected a string");
                if (UriProblem(uri.GetString()!) is { } problem) throw new InvalidFileException(path, $"{list}[{i}].uri: {problem}");
            }
            i++;
        }
    }

    /// <summary>Why a glTF URI would reach outside the glTF's folder (or off the disk), or null when it is an embedded or sibling file.</summary>
    public static string? UriProblem(string uri)
    {
        if (uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return null;
        string decoded = Uri.UnescapeDataString(uri);
        if (decoded.Length == 0) return "empty";
        if (Path.IsPathRooted(decoded) || decoded.StartsWith('/') || decoded.StartsWith('\\'))
            return $"'{uri}' is an absolute path; external files must be inside the glTF's folder";
        if (decoded.Contains(':')) return $"'{uri}' is not a file beside the glTF (only relative paths and data: URIs are read)";
        if (decoded.Split('/', '\\').Any(p => p == "..")) return $"'{uri}' leaves the glTF's folder ('..'); external files must be inside it";
        return null;
    }

    static InvalidFileException Unreadable(string path, string what) => new(path, $"not a readable glTF/GLB file: {what}");

    static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined => "(missing)",
        JsonValueKind.String => $"'{value.GetString()}'",
        _ => value.GetRawText().Length > 40 ? value.GetRawText()[..40] + "…" : value.GetRawText(),
    };
}
