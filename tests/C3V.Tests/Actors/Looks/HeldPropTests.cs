using System.Numerics;
using C3V.Actors;
using C3V.World;

namespace C3V.Tests.Actors.Looks;

public class HeldPropTests
{
    [Theory]
    [InlineData("a woman holding an umbrella", "umbrella", Skeleton.RightWrist)]
    [InlineData("an old man with a cane", "cane", Skeleton.RightWrist)]
    [InlineData("a knight with a shield", "shield", Skeleton.LeftWrist)]
    [InlineData("a man with a briefcase", "bag", Skeleton.LeftWrist)]
    public void Held_props_ride_on_their_hand_through_a_walk(string phrase, string tag, int wrist)
    {
        var avatar = AvatarGenerator.Generate(phrase);
        var mine = Enumerable.Range(0, avatar.Cloud.Count).Where(i => avatar.PartTags[i] == tag).ToArray();
        Assert.True(mine.Length > 100, $"{mine.Length} {tag} Gaussians");
        Assert.All(mine, i => Assert.Equal(wrist, avatar.Cloud.Bones[0][i]));
        var walk = ProceduralMotions.Find("walk")!;
        // Distance from the wrist to the prop's centre is the same at every moment: the prop moves with the hand.
        var distances = new List<float>();
        float swing = 0; Vector3? first = null;
        foreach (float t in new[] { 0.1f, 0.45f, 0.8f })
        {
            var posed = avatar.Cloud.Pose(walk, t);
            var centre = mine.Aggregate(Vector3.Zero, (s, i) => s + posed.GetPosition(i)) / mine.Length;
            var hand = avatar.Cloud.PosedJoints[wrist];
            distances.Add(Vector3.Distance(centre, hand));
            var rel = centre - avatar.Cloud.PosedJoints[Skeleton.Pelvis];
            first ??= rel;
            swing = MathF.Max(swing, Vector3.Distance(rel, first.Value));
        }
        Assert.True(distances.Max() - distances.Min() < 0.01f, string.Join(", ", distances));
        Assert.True(swing > 0.02f, $"the prop should swing with the arm, moved {swing} m");
    }

    [Fact]
    public void Age_roles_patterns_and_props_are_read_from_the_words()
    {
        var old = AvatarSpec.FromDescription("an elderly man in a checked shirt with a walking stick");
        Assert.Equal(AgeGroup.Old, old.Age);
        Assert.True(old.Stoop > 0 && old.PaceFactor < 1);
        Assert.Equal(GarmentPattern.Checked, old.TopPattern);
        Assert.True(old.Props.HasFlag(HeldProp.Cane));
        var kid = AvatarSpec.FromDescription("a kid holding a yellow umbrella");
        Assert.True(kid.Age == AgeGroup.Child && kid.HeadScale > 1.2f);
        Assert.True(kid.PropColor is { } c && c.X > 0.8f && c.Z < 0.3f);
        var suit = AvatarSpec.FromDescription("a runner in a blue tracksuit");
        Assert.Equal(TopKind.TrackTop, suit.Top);
        Assert.Equal(suit.TopColor, suit.BottomColor);
        Assert.True(AvatarSpec.FromDescription("a ballerina").Bottom == BottomKind.Tutu);
        Assert.True(AvatarSpec.FromDescription("a knight").Metallic);
        Assert.Equal("striped", AttributeExtractor.Extract("a red and white striped scarf").Garments[0].Pattern);
    }
}
