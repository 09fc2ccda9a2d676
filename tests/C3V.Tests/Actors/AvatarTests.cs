using System.Numerics;
using C3V.Actors;
using C3V.Splats;

namespace C3V.Tests.Actors;

public class AvatarTests
{
    [Fact]
    public void Description_maps_words_to_garments_colours_and_kinds()
    {
        var a = AvatarSpec.FromDescription("a woman in a red dress with a blue hat");
        Assert.Equal(AvatarKind.Human, a.Kind);
        Assert.True(a.Feminine);
        Assert.Equal(TopKind.Dress, a.Top);
        Assert.True(a.TopColor.X > 0.7f && a.TopColor.Z < 0.3f, $"dress should be red, got {a.TopColor}");
        Assert.Equal(HeadwearKind.Hat, a.Headwear);
        Assert.True(a.HeadwearColor.Z > 0.5f && a.HeadwearColor.X < 0.3f);

        var b = AvatarSpec.FromDescription("a man in a yellow t-shirt and black shorts");
        Assert.False(b.Feminine);
        Assert.Equal(TopKind.TShirt, b.Top);
        Assert.Equal(BottomKind.Shorts, b.Bottom);
        Assert.True(b.BottomColor.Length() < 0.3f);

        Assert.Equal(AvatarKind.Alien, AvatarSpec.FromDescription("a green alien").Kind);
        Assert.True(AvatarSpec.FromDescription("a green alien").Skin.Y > 0.4f);
        var robot = AvatarSpec.FromDescription("a robot");
        Assert.Equal(AvatarKind.Robot, robot.Kind);
        var fairy = AvatarSpec.FromDescription("a fairy");
        Assert.True(fairy.Extras.HasFlag(AvatarExtras.Wings) && fairy.Height < 1.3f);
        var warlock = AvatarSpec.FromDescription("a warlock with a purple robe");
        Assert.Equal(TopKind.Robe, warlock.Top);
        Assert.True(warlock.Extras.HasFlag(AvatarExtras.Staff));
        Assert.Equal(HeadwearKind.WizardHat, warlock.Headwear);
        Assert.True(warlock.TopColor.X > 0.3f && warlock.TopColor.Z > 0.3f && warlock.TopColor.Y < 0.3f);
        var astro = AvatarSpec.FromDescription("an astronaut");
        Assert.Equal(TopKind.SpaceSuit, astro.Top);
        Assert.Equal(HeadwearKind.Helmet, astro.Headwear);
        Assert.Equal(TopKind.SkiSuit, AvatarSpec.FromDescription("a woman in ski clothes").Top);
        Assert.True(AvatarSpec.FromDescription("a hiker with a backpack and a cape").Extras.HasFlag(AvatarExtras.Backpack | AvatarExtras.Cape));
        // Unnamed choices depend on the text too: people of different prompts with one seed are not dressed alike.
        string[] people = ["a man", "a teenager", "a cowboy", "a businessman", "a teacher", "a tourist", "a runner", "a farmer"];
        Assert.True(people.Select(p => AvatarSpec.FromDescription(p, 1).TopColor).Distinct().Count() >= 4, "eight people of seed 1 share their shirt colours");
        Assert.Equal(AvatarSpec.FromDescription("a farmer", 1), AvatarSpec.FromDescription("a farmer", 1));
        // A vampire dresses the part whatever the seed; a named cape colour still wins.
        var vampire = AvatarSpec.FromDescription("a vampire in a black cape");
        Assert.True(vampire.Extras.HasFlag(AvatarExtras.Cape));
        Assert.True(vampire.ExtrasColor.X < 0.15f && vampire.TopColor.X < 0.15f && vampire.BottomColor.X < 0.15f, "black cape, dark suit");
        Assert.True(vampire.Skin.X > 0.85f, "pale");
        Assert.True(AvatarSpec.FromDescription("a vampire").ExtrasColor.X > 3 * AvatarSpec.FromDescription("a vampire").ExtrasColor.Y, "red-lined cape by default");
        Assert.True(AvatarSpec.FromDescription("a tall man").Height > AvatarSpec.FromDescription("a man").Height);
        Assert.Equal(AvatarSpec.FromDescription("a person", 3), AvatarSpec.FromDescription("a person", 3));
    }

    [Fact]
    public void Generated_avatar_is_dense_stands_on_the_floor_and_is_deterministic()
    {
        var spec = AvatarSpec.FromDescription("a man in a blue jacket and jeans");
        var a = AvatarGenerator.Generate(spec, 5);
        var cloud = a.Cloud.Rest;
        Assert.InRange(cloud.Count, 20000, 120000);
        var (min, max) = cloud.Bounds();
        Assert.InRange(min.Y, -0.01f, 0.02f);
        Assert.InRange(max.Y, spec.Height - 0.04f, spec.Height + 0.04f);
        Assert.True(max.X > 0.7f && min.X < -0.7f, "T-pose arms reach out");
        for (int i = 0; i < cloud.Count; i += 97)
        {
            Assert.True(float.IsFinite(cloud.X[i]) && float.IsFinite(cloud.ScaleX[i]));
            float w = 0;
            for (int k = 0; k < 4; k++) w += a.Cloud.Weights[k][i];
            Assert.Equal(1f, w, 4);
        }
        var again = AvatarGenerator.Generate(spec, 5).Cloud.Rest;
        Assert.Equal(cloud.X, again.X);
        Assert.Equal(cloud.Sh, again.Sh);
    }

    [Fact]
    public void Face_front_shows_skin_and_dark_eye_pixels_and_the_jacket_is_blue()
    {
        var spec = AvatarSpec.FromDescription("a man in a blue jacket");
        var cloud = AvatarGenerator.Generate(spec, 1).Cloud.Rest;
        // Gaussians on the face front (near the head centre line, facing +Z).
        int eyes = 0, blue = 0;
        for (int i = 0; i < cloud.Count; i++)
        {
            var p = cloud.GetPosition(i);
            var c = cloud.GetColor(i);
            if (p.Y > spec.Height * 0.88f && p.Z > 0.05f && c.Length() < 0.12f) eyes++;
            if (p.Y > 1.0f && p.Y < 1.35f && p.Z > 0.08f && c.Z > 0.45f && c.X < 0.25f) blue++;
        }
        Assert.True(eyes > 10, $"dark pupil/lash Gaussians on the face: {eyes}");
        Assert.True(blue > 500, $"blue jacket Gaussians on the chest: {blue}");
    }

    [Fact]
    public void Posed_avatar_moves_hands_with_the_arms()
    {
        var a = AvatarGenerator.Generate("a robot", 2);
        var posed = a.Cloud.Pose(ProceduralMotions.Find("idle")!, 1f);
        var (min, max) = posed.Bounds();
        // Arms hang down in idle: the figure is narrow, and feet stay on the floor.
        Assert.True(max.X - min.X < 0.9f, $"width {max.X - min.X}");
        Assert.InRange(min.Y, -0.03f, 0.03f);
    }

    [Fact]
    public void Props_are_closed_clouds_standing_on_the_floor()
    {
        foreach (var name in Props.Names)
        {
            var c = Props.Create(name);
            Assert.True(c.Count > 2000, name);
            var (min, _) = c.Bounds();
            Assert.InRange(min.Y, -0.01f, 0.03f);
        }
        var car = Props.FromDescription("a blue car")!;
        Assert.NotNull(car);
        Assert.Null(Props.FromDescription("a cloud of thoughts"));
        Assert.Throws<C3V.Common.C3VException>(() => Props.Create("spaceship"));
    }

    [Theory]
    [InlineData("a red ball", true)]
    [InlineData("an old wooden chair", true)]
    [InlineData("a traffic cone", true)]
    [InlineData("a man with a ball", false)]
    [InlineData("a robot carrying a box", false)]
    [InlineData("a woman in a red dress", false)]
    public void A_description_is_a_prop_when_it_names_one_before_any_character(string text, bool prop) =>
        Assert.Equal(prop, Props.IsPropDescription(text));

    [Fact]
    public void A_prop_as_an_actor_stays_where_it_is()
    {
        var ball = Props.Create("ball");
        var actor = Props.AsActor(ball);
        Assert.InRange(actor.Skeleton.Height, 0.2f, 0.25f);
        var posed = actor.Pose(MotionClip.Still(actor.Skeleton), 3.7f);
        for (int i = 0; i < ball.Count; i += 97)
            Assert.True(System.Numerics.Vector3.Distance(ball.GetPosition(i), posed.GetPosition(i)) < 1e-5f);
    }
}
