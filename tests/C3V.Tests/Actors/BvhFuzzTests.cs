using System.Text;
using CsCheck;
using C3V.Actors;
using Xunit.Abstractions;

namespace C3V.Tests.Actors;

/// <summary>
/// Mutation fuzzing of BVH (see <see cref="Fuzz"/>): a damaged file is parsed and retargeted onto the project
/// skeleton into a clip of positive, finite length, or refused with a <see cref="C3V.Common.C3VException"/>.
/// </summary>
public sealed class BvhFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedBvh_LoadsAsAClipOrIsRefusedCleanly()
    {
        var seed = Encoding.ASCII.GetBytes(BvhTests.Fixture(BvhTests.Rows(4, BvhTests.Still)));
        var r = Fuzz.Run(Fuzz.Bytes, m =>
        {
            var text = Encoding.Latin1.GetString(Fuzz.Apply(seed, m));
            var clip = Retargeter.ToClip(BvhReader.Parse(text, "fuzz.bvh"), "fuzz", ["fuzz"]);
            Assert.True(clip.Duration > 0 && float.IsFinite(clip.Duration), $"clip of {clip.Duration} s");
        }, Fuzz.Iterations(400));
        output.WriteLine($"fuzz bvh: {r.Cases} cases, {r.Refused} refused with a clear error, {r.Cases - r.Refused} loaded as clips");
    }
}
