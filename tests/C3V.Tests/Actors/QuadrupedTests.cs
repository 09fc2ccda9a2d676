using System.Numerics;
using C3V.Actors;
using C3V.Output;

namespace C3V.Tests.Actors;

public class QuadrupedTests
{
    static readonly Vector3 Sky = new(0.80f, 0.85f, 0.90f);

    /// <summary>Mean colour of the pixels the actor covers in a rest-pose render (background excluded).</summary>
    static Vector3 RenderedColour(SkinnedCloud actor)
    {
        var img = new ActorPreview { Width = 96, Height = 96, OrbitSpeed = 0 }.Frame(actor, MotionClip.Still(actor.Skeleton), 0);
        var sum = Vector3.Zero;
        int n = 0;
        for (int i = 0; i < img.Rgb.Length; i += 3)
        {
            var c = new Vector3(img.Rgb[i], img.Rgb[i + 1], img.Rgb[i + 2]);
            if (Vector3.Distance(c, Sky) < 0.04f) continue;
            sum += c; n++;
        }
        Assert.True(n > 200, $"the animal covers {n} pixels");
        return sum / n;
    }

    [Theory]
    [InlineData("a white horse", 0.55f, 1.01f)]
    [InlineData("a black cat", 0.0f, 0.2f)]
    [InlineData("a brown dog", 0.2f, 0.5f)]
    public void Coat_colour_named_in_the_text_is_what_the_render_shows(string text, float lo, float hi)
    {
        var q = QuadrupedGenerator.Generate(text, 1)!;
        var c = RenderedColour(q.Cloud);
        float lum = (c.X + c.Y + c.Z) / 3;
        Assert.InRange(lum, lo, hi);
        if (text.Contains("brown")) Assert.True(c.X > c.Z + 0.08f, $"brown reads warm: {c}");
    }

    [Theory]
    [InlineData("a cat", 0.2f, 0.32f)]
    [InlineData("a dog", 0.45f, 0.65f)]
    [InlineData("a horse", 1.45f, 1.75f)]
    [InlineData("a cow", 1.25f, 1.55f)]
    [InlineData("a puppy", 0.2f, 0.4f)]
    public void Species_have_real_sizes(string text, float lo, float hi)
    {
        var spec = QuadrupedSpec.FromDescription(text, 0)!;
        Assert.InRange(spec.Withers, lo, hi);
        var skel = QuadrupedSkeleton.Create(spec.Build, spec.Withers);
        // Paws on the ground, back at the withers, the head above the back for a standing animal.
        Assert.InRange(skel.RestPositions[Skeleton.LeftFoot].Y, 0, 0.05f * spec.Withers);
        Assert.InRange(skel.Height, spec.Withers * 0.95f, spec.Withers * 1.8f);
    }

    [Fact]
    public void Patterns_and_variants_follow_the_words()
    {
        Assert.Equal(CoatPattern.Spots, QuadrupedSpec.FromDescription("a spotted cow")!.Build.Pattern);
        Assert.Equal(CoatPattern.Stripes, QuadrupedSpec.FromDescription("a tiger")!.Build.Pattern);
        Assert.Equal(CoatPattern.Spots, QuadrupedSpec.FromDescription("a dalmatian")!.Build.Pattern);
        Assert.True(QuadrupedSpec.FromDescription("a polar bear")!.Build.Coat.Y > 0.85f, "polar bears are white");
        Assert.False(QuadrupedSpec.FromDescription("a lioness")!.Build.Features.HasFlag(QuadrupedFeatures.Mane));
        Assert.True(QuadrupedSpec.FromDescription("a lion")!.Build.Features.HasFlag(QuadrupedFeatures.Mane));
        Assert.Null(QuadrupedSpec.FromDescription("a woman in a red dress"));
    }

    [Theory]
    [InlineData("quadruped walk", 0.6f, 1.2f)]
    [InlineData("quadruped trot", 1.5f, 2.5f)]
    [InlineData("quadruped gallop", 3.5f, 6f)]
    public void Gaits_loop_seamlessly_with_planted_paws(string name, float lo, float hi)
    {
        var clip = ProceduralMotions.Find(name)!;
        Assert.Equal(BodyRig.Quadruped, clip.Rig);
        Assert.True(clip.Loop);
        Assert.InRange(clip.NaturalSpeed, lo, hi);
        var s = clip.Skeleton;
        int[] paws = [Skeleton.LeftFoot, Skeleton.RightFoot, Skeleton.LeftWrist, Skeleton.RightWrist];
        var first = s.JointPositions(clip.Sample(0));
        var last = s.JointPositions(clip.Sample(clip.Duration - 1e-4f));
        for (int j = 0; j < Skeleton.JointCount; j++)
            Assert.True(Vector3.Distance(first[j] + clip.CycleDisplacement, last[j]) < 0.02f, $"{name}: joint {Skeleton.Names[j]} does not close the loop");
        // A planted hind paw stays put while the body moves over it, and no paw sinks into the ground.
        int planted = 0;
        for (int f = 1; f < clip.FrameCount; f++)
        {
            var a = s.JointPositions(new Pose(clip.FrameRotations(f - 1).ToArray(), clip.Root[f - 1]));
            var b = s.JointPositions(new Pose(clip.FrameRotations(f).ToArray(), clip.Root[f]));
            foreach (int p in paws) Assert.True(b[p].Y > -0.01f, $"{name} frame {f}: {Skeleton.Names[p]} below ground");
            if (clip.LeftContact[f - 1] && clip.LeftContact[f])
            {
                planted++;
                Assert.True(Vector3.Distance(a[Skeleton.LeftFoot], b[Skeleton.LeftFoot]) < 0.01f, $"{name} frame {f}: planted paw slides");
            }
        }
        Assert.True(planted > 0, "the hind paw touches down");
    }

    [Fact]
    public void Sit_lowers_the_croup_and_keeps_the_fore_paws_down()
    {
        var clip = ProceduralMotions.Find("quadruped sit")!;
        Assert.False(clip.Loop);
        var s = clip.Skeleton;
        var end = s.JointPositions(clip.Sample(clip.Duration));
        Assert.True(end[Skeleton.Pelvis].Y < 0.55f * s.RestPositions[Skeleton.Pelvis].Y, "croup down");
        Assert.True(end[Skeleton.Spine3].Y > 0.8f * s.RestPositions[Skeleton.Spine3].Y, "front up");
        Assert.InRange(end[Skeleton.LeftWrist].Y, 0, s.RestPositions[Skeleton.LeftWrist].Y + 0.01f);
    }

    [Fact]
    public void Eat_brings_the_muzzle_to_the_ground()
    {
        var dog = QuadrupedGenerator.Generate("a dog", 1)!;
        var clip = ProceduralMotions.Find("quadruped eat")!;
        var posed = dog.Cloud.Pose(clip, 1);
        // The lowest point of the head (skinned to the head bone) reaches down to the grass.
        float low = float.MaxValue;
        for (int i = 0; i < posed.Count; i++)
            if (dog.Cloud.Bones[0][i] == Skeleton.Head) low = MathF.Min(low, posed.Y[i]);
        Assert.True(low < 0.2f * dog.Spec.Withers, $"muzzle at {low:F2} m");
    }

    [Fact]
    public void Animal_clips_pose_other_species_without_nan()
    {
        var horse = QuadrupedGenerator.Generate("a horse", 2)!.Cloud;
        foreach (var clip in ProceduralMotions.For(BodyRig.Quadruped))
        {
            var posed = horse.Pose(clip, clip.Duration * 0.5f);
            for (int i = 0; i < posed.Count; i += 97) Assert.True(float.IsFinite(posed.X[i] + posed.Y[i] + posed.Z[i]), clip.Name);
        }
    }
}
