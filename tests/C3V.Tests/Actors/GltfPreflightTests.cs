using C3V.Actors;
using C3V.Common;

namespace C3V.Tests.Actors;

/// <summary>Issue 19's glTF cases: hostile URIs, unknown accessor types and non-JSON are refused by name, without the glTF library's internals.</summary>
public sealed class GltfPreflightTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-gltfpre-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    string Write(string json)
    {
        var path = Path.Combine(_dir, "model.gltf");
        File.WriteAllText(path, json);
        return path;
    }

    static string Doc(string buffers = "[]", string accessors = "[]") =>
        $"{{\"asset\": {{\"version\": \"2.0\"}}, \"buffers\": {buffers}, \"accessors\": {accessors}}}";

    [Theory]
    [InlineData("../../../../etc/passwd", "leaves the glTF's folder")]
    [InlineData("/etc/hostname", "absolute path")]
    [InlineData("file:///etc/hostname", "not a file beside the glTF")]
    [InlineData("sub/..%2F..%2Fescape.bin", "leaves the glTF's folder")]
    public void ExternalUris_MustStayInTheFilesFolder(string uri, string expected)
    {
        var path = Write(Doc(buffers: $"[{{\"uri\": \"{uri}\", \"byteLength\": 4}}]"));
        var e = Assert.Throws<InvalidFileException>(() => GltfActorImporter.Load(path));
        Assert.Contains("buffers[0].uri", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void SiblingAndEmbeddedUris_AreFine()
    {
        Assert.Null(GltfPreflight.UriProblem("model.bin"));
        Assert.Null(GltfPreflight.UriProblem("textures/skin%20tone.png"));
        Assert.Null(GltfPreflight.UriProblem("data:application/octet-stream;base64,AAAA"));
    }

    [Fact]
    public void AnUnknownAccessorType_IsNamed()
    {
        var path = Write(Doc(accessors: "[{\"type\": \"VEC7\", \"componentType\": 5126, \"count\": 1}]"));
        var e = Assert.Throws<InvalidFileException>(() => GltfActorImporter.Load(path));
        Assert.Contains("accessors[0].type: 'VEC7' is not a glTF accessor type", e.Message);
    }

    [Theory]
    [InlineData("B")]
    [InlineData("{\"asset\": ")]
    [InlineData("[1, 2]")]
    public void NonJson_SaysSoWithoutTheLibrarysText(string text)
    {
        var e = Assert.Throws<InvalidFileException>(() => GltfActorImporter.Load(Write(text)));
        Assert.Contains("not a readable glTF/GLB file", e.Message);
        Assert.DoesNotContain("ModelRoot", e.Message);
    }

    [Fact]
    public void EmptyPathsAndFolders_AreNamed()
    {
        Assert.Contains("path is empty", Assert.Throws<C3VException>(() => GltfActorImporter.Load("")).Message);
        Assert.Contains("is a folder", Assert.Throws<InvalidFileException>(() => GltfActorImporter.Load(_dir)).Message);
    }

    /// <summary>Found by the fuzz (seed 9xtRGMfrT531): a string where the component type's number belongs threw InvalidOperationException.</summary>
    [Fact]
    public void AComponentTypeOfTheWrongType_IsNamed()
    {
        var path = Write(Doc(accessors: "[{\"type\": \"VEC3\", \"componentType\": \"text\", \"count\": 1}]"));
        Assert.Contains("accessors[0].componentType: 'text'", Assert.Throws<InvalidFileException>(() => GltfActorImporter.Load(path)).Message);
    }

    /// <summary>Found by the fuzz (seed 2rSy6deVSAN1): invalid UTF-8 inside a JSON string threw InvalidOperationException when read.</summary>
    [Fact]
    public void InvalidUtf8InTheJson_IsNamed()
    {
        var path = Path.Combine(_dir, "model.gltf");
        File.WriteAllBytes(path, [.. "{\"asset\": {\"version\": \"2.0\"}, \"accessors\": [{\"type\": \""u8, 0xC3, 0x28, .. "\", \"componentType\": 5126}]}"u8]);
        Assert.Contains("not valid UTF-8", Assert.Throws<InvalidFileException>(() => GltfActorImporter.Load(path)).Message);
    }
}
