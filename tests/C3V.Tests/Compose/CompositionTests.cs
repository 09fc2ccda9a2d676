using System.Numerics;
using C3V.Common;
using C3V.Compose;

namespace C3V.Tests.Compose;

public class CompositionTests
{
    static Composition Sample() => new(24, 2,
    [
        new ActorTrack("alien", [new ActorFrame(new Vector3(1, 0, 2), 0.5f, 1.1f, 0f), new ActorFrame(new Vector3(1.05f, 0, 2.1f), 0.52f, 1.1f, 1 / 24f)]),
        new ActorTrack("woman", [new ActorFrame(new Vector3(-1, 0, 3), 3f, 0.9f, 0f), new ActorFrame(new Vector3(-1, 0, 3), 3f, 0.9f, 1 / 24f, 0.25f)]),
    ]);

    [Fact]
    public void Json_round_trips_exactly()
    {
        var c = Sample();
        var back = Composition.Parse(c.ToJson());
        Assert.Equal(c.Fps, back.Fps);
        Assert.Equal(c.FrameCount, back.FrameCount);
        for (int a = 0; a < 2; a++)
        {
            Assert.Equal(c.Actors[a].ActorId, back.Actors[a].ActorId);
            Assert.Equal(c.Actors[a].Frames, back.Actors[a].Frames);
        }
        Assert.Equal(c.ToJson(), back.ToJson());
        Assert.Equal(0.25f, back.Actors[1].Frames[1].Rest);
        Assert.DoesNotContain("\"rest\"", c.ToJsonNode()["actors"]![0]!.ToJsonString()); // written only when not 0
    }

    [Fact]
    public void Save_and_load_through_a_file()
    {
        string dir = Directory.CreateTempSubdirectory("c3v-comp").FullName;
        try
        {
            string path = Path.Combine(dir, "composition.json");
            Sample().Save(path);
            Assert.Equal(2, Composition.Load(path).Actors.Count);
            Assert.Throws<C3VException>(() => Sample().Save(path, overwrite: false));
            var e = Assert.Throws<InvalidFileException>(() => Composition.Load(Path.Combine(dir, "missing.json")));
            Assert.Contains("not found", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("""{"version":2,"fps":24,"frameCount":0,"actors":[]}""", "$.version")]
    [InlineData("""{"version":1,"fps":-1,"frameCount":0,"actors":[]}""", "$.fps")]
    [InlineData("""{"version":1,"fps":24,"frameCount":1,"actors":[{"id":"a","frames":[]}]}""", "$.actors[0].frames")]
    [InlineData("""{"version":1,"fps":24,"frameCount":1,"actors":[{"id":"a","frames":[{"position":[0,0],"yaw":0,"scale":1,"motionTime":0}]}]}""", "$.actors[0].frames[0].position")]
    [InlineData("""{"version":1,"fps":24,"frameCount":1,"actors":[{"id":"a","frames":[{"position":[0,0,0],"yaw":0,"scale":0,"motionTime":0}]}]}""", "$.actors[0].frames[0].scale")]
    [InlineData("""{"version":1,"fps":24,"frameCount":0,"actors":[{"id":"a","frames":[]},{"id":"a","frames":[]}]}""", "appears twice")]
    [InlineData("""{"version":1,"fps":24,"frameCount":0,"actors":[{"frames":[]}]}""", "$.actors[0].id")]
    [InlineData("""{"version":1,"fps":24,"frameCount":1,"actors":[{"id":"a","frames":[{"position":[0,0,0],"yaw":0,"scale":1,"motionTime":0,"rest":1.5}]}]}""", "$.actors[0].frames[0].rest")]
    public void Bad_json_names_the_field(string json, string expected)
    {
        var e = Assert.Throws<InvalidFileException>(() => Composition.Parse(json, "c.json"));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith("c.json: ", e.Message);
    }
}
