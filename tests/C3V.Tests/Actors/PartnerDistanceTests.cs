using C3V.Actors;

namespace C3V.Tests.Actors;

public class PartnerDistanceTests
{
    [Fact]
    public void Partner_distance_survives_retiming_trimming_and_root_splitting_and_scales_with_the_legs()
    {
        var clip = ProceduralMotions.Find("wave")!.WithLoop(true);
        Assert.Null(clip.PartnerDistance);
        var pair = new MotionClip(clip.Name, clip.Labels, clip.Fps, clip.Rotations, clip.Root, true, clip.Skeleton) { PartnerDistance = 1.1f };
        Assert.Equal(1.1f, pair.WithSpeed(0.5f).PartnerDistance);
        Assert.Equal(1.1f, pair.Trim(0.2f, 1f).PartnerDistance);
        Assert.Equal(1.1f, pair.SplitRootMotion().InPlace.PartnerDistance);
        Assert.Equal(1.1f, pair.WithLabels("x", ["x"]).PartnerDistance);
        var tall = Skeleton.CreateHuman(Skeleton.ReferenceHeight * 1.2f);
        Assert.Equal(1.1f * tall.HipHeight / clip.Skeleton.HipHeight, pair.PartnerDistanceFor(tall)!.Value, 4);
    }
}
