using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json.Nodes;

namespace C3V.Studio.Tests.View;

/// <summary>
/// The data the browser skins actors with (rest splats, skins, per-frame rig): posing the rest splats with it the way
/// the page's shader does (skinning.ts) must give the splats the library poses on the CPU for the same frame.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class ActorRigTests(StudioFactory studio)
{
    const string Base = StudioFactory.Base;

    [Fact]
    public async Task Skinning_the_rest_splats_with_the_rig_gives_the_cpu_posed_actors()
    {
        var client = studio.CreateClient();
        var view = (await client.GetFromJsonAsync<JsonObject>($"/api/projects/{Base}/view"))!;
        int frames = view["frames"]!.GetValue<int>(), joints = view["bones"]!.GetValue<int>(), rigFloats = view["rigFloats"]!.GetValue<int>();
        var actors = view["actors"]!.AsArray();
        var rigBytes = await client.GetByteArrayAsync($"/api/projects/{Base}/splats/rig.bin");
        Assert.Equal(frames * actors.Count * rigFloats * 4, rigBytes.Length);
        var rig = new float[rigBytes.Length / 4];
        Buffer.BlockCopy(rigBytes, 0, rig, 0, rigBytes.Length);

        var rest = new List<byte[]>();
        var skins = new List<byte[]>();
        foreach (var a in actors)
        {
            string id = a!["id"]!.GetValue<string>();
            int splats = a["splats"]!.GetValue<int>();
            rest.Add(await client.GetByteArrayAsync($"/api/projects/{Base}/splats/rest/{id}.splat"));
            skins.Add(await client.GetByteArrayAsync($"/api/projects/{Base}/splats/skin/{id}.bin"));
            Assert.Equal(32 * splats, rest[^1].Length);
            Assert.Equal(8 * splats, skins[^1].Length);
        }

        foreach (int f in new[] { 0, frames / 2, frames - 1 })
        {
            var cpu = await client.GetByteArrayAsync($"/api/projects/{Base}/splats/actors/{f}.splat");
            int at = 0; // the CPU cloud is the actors' clouds one after another, in the view's order
            float worst = 0, worstTurn = 1;
            for (int a = 0; a < actors.Count; a++)
            {
                var r = rig.AsSpan((f * actors.Count + a) * rigFloats, rigFloats);
                for (int i = 0; i < rest[a].Length / 32; i++, at++)
                {
                    var (p, q) = Skin(rest[a].AsSpan(i * 32, 32), skins[a].AsSpan(i * 8, 8), r, joints);
                    var (cp, cq) = Read(cpu.AsSpan(at * 32, 32));
                    worst = MathF.Max(worst, Vector3.Distance(p, cp));
                    worstTurn = MathF.Min(worstTurn, MathF.Abs(Quaternion.Dot(q, cq)));
                }
            }
            Assert.Equal(cpu.Length / 32, at);
            Assert.True(worst < 0.002f, $"frame {f}: a GPU-skinned splat lands {worst * 100:0.00} cm from the CPU-posed one");
            Assert.True(worstTurn > 0.99f, $"frame {f}: a GPU-skinned splat's orientation differs from the CPU-posed one (|q·q'| = {worstTurn:0.000})");
        }
        // And the rig moves: the first and last frames' joints differ.
        Assert.False(rig.AsSpan(0, rigFloats).SequenceEqual(rig.AsSpan((frames - 1) * actors.Count * rigFloats, rigFloats)));
    }

    [Fact]
    public async Task An_unknown_actor_is_answered_404_naming_it()
    {
        var client = studio.CreateClient();
        var res = await client.GetAsync($"/api/projects/{Base}/splats/skin/nobody.bin");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.Contains("'nobody'", (await res.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
    }

    /// <summary>The page's shader in C#: blend the joints' affines and quaternions by the 8-bit weights, then place.</summary>
    static (Vector3, Quaternion) Skin(ReadOnlySpan<byte> splat, ReadOnlySpan<byte> skin, ReadOnlySpan<float> rig, int joints)
    {
        var (x, restQ) = Read(splat);
        Span<float> m = stackalloc float[16];
        float wsum = 0;
        for (int k = 0; k < 4; k++) wsum += skin[2 * k];
        for (int k = 0; k < 4; k++)
        {
            float w = skin[2 * k] / wsum;
            int j = skin[2 * k + 1];
            Assert.InRange(j, 0, joints - 1);
            for (int c = 0; c < 16; c++) m[c] += w * rig[j * 16 + c];
        }
        var posed = new Vector3(m[0] * x.X + m[1] * x.Y + m[2] * x.Z + m[3], m[4] * x.X + m[5] * x.Y + m[6] * x.Z + m[7], m[8] * x.X + m[9] * x.Y + m[10] * x.Z + m[11]);
        var q = Quaternion.Normalize(new Quaternion(m[12], m[13], m[14], m[15])) * restQ;
        var place = rig[(joints * 16)..];
        var turn = new Quaternion(place[3], place[4], place[5], place[6]);
        return (Vector3.Transform(posed, turn) * place[7] + new Vector3(place[0], place[1], place[2]), Quaternion.Normalize(turn * q));
    }

    static (Vector3, Quaternion) Read(ReadOnlySpan<byte> splat)
    {
        var q = new Quaternion((splat[29] - 128) / 128f, (splat[30] - 128) / 128f, (splat[31] - 128) / 128f, (splat[28] - 128) / 128f);
        var p = new Vector3(BinaryPrimitives.ReadSingleLittleEndian(splat), BinaryPrimitives.ReadSingleLittleEndian(splat[4..]), BinaryPrimitives.ReadSingleLittleEndian(splat[8..]));
        return (p, Quaternion.Normalize(q));
    }
}
