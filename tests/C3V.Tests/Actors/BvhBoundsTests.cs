using C3V.Actors;
using C3V.Common;

namespace C3V.Tests.Actors;

/// <summary>Issue 19's BVH cases: deep nesting (no stack overflow), sane frame times and counts.</summary>
public sealed class BvhBoundsTests
{
    static string Nested(int depth)
    {
        var sb = new System.Text.StringBuilder("HIERARCHY\nROOT r\n{\nOFFSET 0 0 0\nCHANNELS 3 Xrotation Yrotation Zrotation\n");
        for (int i = 0; i < depth; i++) sb.Append($"JOINT j{i}\n{{\nOFFSET 0 1 0\nCHANNELS 0\n");
        for (int i = 0; i < depth; i++) sb.Append("}\n");
        sb.Append("}\nMOTION\nFrames: 1\nFrame Time: 0.04\n0 0 0\n");
        return sb.ToString();
    }

    [Fact]
    public void TwentyThousandNestedJoints_AreRefused_WithoutOverflowingTheStack()
    {
        var e = Assert.Throws<InvalidFileException>(() => BvhReader.Parse(Nested(20_000), "deep.bvh"));
        Assert.Contains($"more than {BvhReader.MaxJoints} joints", e.Message);
    }

    [Fact]
    public void ADeepButAllowedChain_Reads() => Assert.Equal(1000, BvhReader.Parse(Nested(999), "chain.bvh").Joints.Count);

    [Theory]
    [InlineData("Frames: 1\nFrame Time: 1e-30\n0 0 0\n", "Frame Time")]
    [InlineData("Frames: 1\nFrame Time: 100\n0 0 0\n", "Frame Time")]
    [InlineData("Frames: 2000000000\nFrame Time: 0.04\n0 0 0\n", "ends after 1 rows")]
    [InlineData("Frames: 0\nFrame Time: 0.04\n", "at least 1")]
    public void FrameTimesAndCounts_OutOfRange_AreRefused(string motion, string expected)
    {
        var text = "HIERARCHY\nROOT r\n{\nOFFSET 0 0 0\nCHANNELS 3 Xrotation Yrotation Zrotation\nEnd Site\n{\nOFFSET 0 1 0\n}\n}\nMOTION\n" + motion;
        Assert.Contains(expected, Assert.Throws<InvalidFileException>(() => BvhReader.Parse(text, "x.bvh")).Message);
    }
}
