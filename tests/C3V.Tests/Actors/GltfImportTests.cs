using System.Numerics;
using C3V.Actors;
using C3V.Common;

namespace C3V.Tests.Actors;

public sealed class GltfImportTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-gltf").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    static readonly GltfImportOptions Plain = new() { BakeLighting = false, Spacing = 0.012f };

    string Write(TestHumanoidGltf model, string name = "humanoid.glb")
    {
        string path = Path.Combine(_dir, name);
        model.Write(path);
        return path;
    }

    static float Weight(SkinnedCloud c, int i, int joint)
    {
        float w = 0;
        for (int k = 0; k < SkinnedCloud.MaxInfluences; k++) if (c.Bones[k][i] == joint) w += c.Weights[k][i];
        return w;
    }

    static int[] BoundTo(SkinnedCloud c, int joint) => Enumerable.Range(0, c.Count).Where(i => Weight(c, i, joint) > 0.999f).ToArray();

    [Fact]
    public void Imports_a_textured_mixamo_glb_into_a_t_posed_skinned_cloud()
    {
        var model = new TestHumanoidGltf();
        var actor = GltfActorImporter.Load(Write(model), Plain);
        var c = actor.Cloud;
        Assert.Equal("Mixamo", actor.Rig);
        Assert.Equal(21, actor.MappedJoints); // all but spine3 (the test rig has Spine, Spine1 only)
        // Count = surface area / spacing².
        Assert.InRange(c.Count, 0.995 * model.SurfaceArea / (0.012 * 0.012), 1.005 * model.SurfaceArea / (0.012 * 0.012) + 1);
        for (int i = 0; i < c.Count; i++)
        {
            float sum = 0;
            for (int k = 0; k < SkinnedCloud.MaxInfluences; k++) sum += c.Weights[k][i];
            Assert.InRange(sum, 0.999f, 1.001f);
        }
        // Standing on the floor at its own height, pelvis over the origin.
        var (min, max) = c.Rest.Bounds();
        Assert.InRange(min.Y, -0.002f, 0.002f);
        Assert.InRange(max.Y, 1.78f, 1.82f);
        Assert.InRange(c.Skeleton.Height, 1.78f, 1.82f);
        var joints = c.Skeleton.RestPositions;
        Assert.InRange(joints[Skeleton.Pelvis].X, -1e-4f, 1e-4f);
        Assert.InRange(joints[Skeleton.Pelvis].Y, 0.94f, 0.96f);
        // Rest-pose alignment: the A-pose arms are laid out along ±X at shoulder height, bone lengths kept.
        Assert.InRange(joints[Skeleton.LeftWrist].Y - joints[Skeleton.LeftShoulder].Y, -0.005f, 0.005f);
        Assert.InRange(joints[Skeleton.LeftWrist].X - joints[Skeleton.LeftShoulder].X, 0.525f, 0.535f);
        Assert.InRange(joints[Skeleton.RightWrist].X - joints[Skeleton.RightShoulder].X, -0.535f, -0.525f);
        foreach (int i in BoundTo(c, Skeleton.LeftElbow))
            Assert.InRange(c.Rest.Y[i], joints[Skeleton.LeftElbow].Y - 0.06f, joints[Skeleton.LeftElbow].Y + 0.06f);
        // The finger joint has no name of ours: its box follows the wrist.
        var hand = BoundTo(c, Skeleton.LeftWrist);
        Assert.NotEmpty(hand);
        Assert.All(hand, i => Assert.True(c.Rest.X[i] > joints[Skeleton.LeftWrist].X - 0.05f));
        // Colours come from the texture: torso red, arms green, legs blue, head white.
        AssertColour(c, BoundTo(c, Skeleton.Spine1), new Vector3(1, 0, 0));
        AssertColour(c, BoundTo(c, Skeleton.LeftElbow), new Vector3(0, 1, 0));
        AssertColour(c, BoundTo(c, Skeleton.RightKnee), new Vector3(0, 0, 1));
        AssertColour(c, BoundTo(c, Skeleton.Head), new Vector3(1, 1, 1));
    }

    static void AssertColour(SkinnedCloud c, int[] indices, Vector3 expected)
    {
        Assert.True(indices.Length > 50, $"only {indices.Length} Gaussians");
        foreach (int i in indices)
        {
            var rgb = c.Rest.GetColor(i);
            Assert.True(Vector3.Distance(rgb, expected) < 0.01f, $"Gaussian {i}: {rgb}, expected {expected}");
        }
    }

    [Fact]
    public void Orientation_units_and_node_transforms_give_the_same_skeleton()
    {
        var reference = GltfActorImporter.Load(Write(new TestHumanoidGltf(), "a.glb"), Plain).Cloud.Skeleton.RestPositions;
        var variants = new (TestHumanoidGltf Model, string Note)[]
        {
            (new TestHumanoidGltf { UnitsPerMetre = 100, ZUp = true, RootScale = 0.01f }, ""),  // Blender-style: Z up, cm, scaled armature
            (new TestHumanoidGltf { UnitsPerMetre = 100 }, "centimetres"),                      // cm with nothing saying so: guessed
            (new TestHumanoidGltf { ZUp = true }, ""),                                           // Z up in the file's world: snapped axes
        };
        int v = 0;
        foreach (var (model, note) in variants)
        {
            var actor = GltfActorImporter.Load(Write(model, $"v{v++}.gltf"), Plain);
            var joints = actor.Cloud.Skeleton.RestPositions;
            for (int j = 0; j < Skeleton.JointCount; j++)
                Assert.True(Vector3.Distance(joints[j], reference[j]) < 0.002f, $"variant {v}: {Skeleton.Names[j]} at {joints[j]}, expected {reference[j]}");
            if (note.Length > 0) Assert.Contains(actor.Notes, n => n.Contains(note));
        }
        // An explicit height scales the whole character.
        var tall = GltfActorImporter.Load(Path.Combine(_dir, "a.glb"), Plain with { Height = 2.7f }).Cloud.Skeleton;
        Assert.InRange(tall.Height, 2.69f, 2.71f);
        Assert.InRange(tall.HipHeight, 0.95f * 1.5f - 0.01f, 0.95f * 1.5f + 0.01f);
    }

    [Fact]
    public void Vrm_names_map_too()
    {
        var vrm = new Dictionary<string, string>
        {
            ["hips"] = "J_Bip_C_Hips", ["spine"] = "J_Bip_C_Spine", ["chest"] = "J_Bip_C_Chest", ["neck"] = "J_Bip_C_Neck", ["head"] = "J_Bip_C_Head",
            ["lcollar"] = "J_Bip_L_Shoulder", ["larm"] = "J_Bip_L_UpperArm", ["lfore"] = "J_Bip_L_LowerArm", ["lhand"] = "J_Bip_L_Hand", ["lfinger"] = "J_Bip_L_Index1",
            ["rcollar"] = "J_Bip_R_Shoulder", ["rarm"] = "J_Bip_R_UpperArm", ["rfore"] = "J_Bip_R_LowerArm", ["rhand"] = "J_Bip_R_Hand", ["rfinger"] = "J_Bip_R_Index1",
            ["lthigh"] = "J_Bip_L_UpperLeg", ["lshin"] = "J_Bip_L_LowerLeg", ["lfoot"] = "J_Bip_L_Foot", ["ltoe"] = "J_Bip_L_ToeBase",
            ["rthigh"] = "J_Bip_R_UpperLeg", ["rshin"] = "J_Bip_R_LowerLeg", ["rfoot"] = "J_Bip_R_Foot", ["rtoe"] = "J_Bip_R_ToeBase",
        };
        var actor = GltfActorImporter.Load(Write(new TestHumanoidGltf { Names = vrm, TPose = true }), Plain);
        Assert.Equal("VRM", actor.Rig);
        Assert.Equal(21, actor.MappedJoints);
    }

    [Fact]
    public void Blender_rigify_deform_names_map_too()
    {
        var rigify = new Dictionary<string, string>
        {
            ["hips"] = "DEF-spine", ["spine"] = "DEF-spine.001", ["chest"] = "DEF-spine.002", ["neck"] = "DEF-spine.004", ["head"] = "DEF-spine.006",
            ["lcollar"] = "DEF-shoulder.L", ["larm"] = "DEF-upper_arm.L", ["lfore"] = "DEF-forearm.L", ["lhand"] = "DEF-hand.L", ["lfinger"] = "DEF-f_index.01.L",
            ["rcollar"] = "DEF-shoulder.R", ["rarm"] = "DEF-upper_arm.R", ["rfore"] = "DEF-forearm.R", ["rhand"] = "DEF-hand.R", ["rfinger"] = "DEF-f_index.01.R",
            ["lthigh"] = "DEF-thigh.L", ["lshin"] = "DEF-shin.L", ["lfoot"] = "DEF-foot.L", ["ltoe"] = "DEF-toe.L",
            ["rthigh"] = "DEF-thigh.R", ["rshin"] = "DEF-shin.R", ["rfoot"] = "DEF-foot.R", ["rtoe"] = "DEF-toe.R",
        };
        var actor = GltfActorImporter.Load(Write(new TestHumanoidGltf { Names = rigify, TPose = true }), Plain);
        Assert.Equal("Unreal/Blender", actor.Rig);
        Assert.Equal(21, actor.MappedJoints);
        var skeleton = actor.Cloud.Skeleton.RestPositions;
        Assert.True(skeleton[Skeleton.LeftWrist].X > skeleton[Skeleton.LeftShoulder].X, "the left arm maps to the character's left");
    }

    [Fact]
    public void Material_factor_colours_an_untextured_model_in_srgb()
    {
        var factor = new Vector4(0.2f, 0.4f, 0.8f, 1);
        var c = GltfActorImporter.Load(Write(new TestHumanoidGltf { Textured = false, Factor = factor }), Plain).Cloud;
        var expected = new Vector3(MaterialTexture.LinearToSrgb(0.2f), MaterialTexture.LinearToSrgb(0.4f), MaterialTexture.LinearToSrgb(0.8f));
        AssertColour(c, Enumerable.Range(0, c.Count).ToArray(), expected);
        Assert.InRange(expected.X, 0.48f, 0.49f); // sRGB of linear 0.2, an independent figure
    }

    [Fact]
    public void Walking_moves_the_leg_gaussians_rigidly_with_the_leg_bones()
    {
        var c = GltfActorImporter.Load(Write(new TestHumanoidGltf()), Plain).Cloud;
        var walk = ProceduralMotions.Find("walk")!;
        var shin = BoundTo(c, Skeleton.LeftKnee);
        Assert.True(shin.Length > 100);
        var rest = c.Skeleton.RestPositions;
        float moved = 0;
        for (float t = 0; t < walk.Duration; t += walk.Duration / 7)
        {
            var posed = c.Pose(walk, t);
            var knee = c.PosedJoints[Skeleton.LeftKnee];
            var ankle = c.PosedJoints[Skeleton.LeftAnkle];
            foreach (int i in shin)
            {
                var r = c.Rest.GetPosition(i);
                var p = posed.GetPosition(i);
                // Rigid: distances to the knee and the ankle are kept.
                Assert.InRange(Vector3.Distance(p, knee) - Vector3.Distance(r, rest[Skeleton.LeftKnee]), -1e-3f, 1e-3f);
                Assert.InRange(Vector3.Distance(p, ankle) - Vector3.Distance(r, rest[Skeleton.LeftAnkle]), -1e-3f, 1e-3f);
            }
            // Relative to the pelvis (the walk also travels), the shin swings.
            var pelvis = c.PosedJoints[Skeleton.Pelvis];
            moved = MathF.Max(moved, MathF.Abs((posed.GetPosition(shin[0]) - pelvis).Z - (c.Rest.GetPosition(shin[0]) - rest[Skeleton.Pelvis]).Z));
        }
        Assert.True(moved > 0.1f, $"the shin swings only {moved:F3} m");
    }

    [Fact]
    public void Bad_files_fail_with_one_clear_error()
    {
        string Fail(string path, string expected)
        {
            var e = Assert.ThrowsAny<C3VException>(() => GltfActorImporter.Load(path, Plain));
            Assert.Contains(Path.GetFileName(path), e.Message);
            Assert.Contains(expected, e.Message);
            Assert.DoesNotContain("\n", e.Message);
            return e.Message;
        }
        Fail(Path.Combine(_dir, "nothing.glb"), "not found");
        Fail(Write(new TestHumanoidGltf { Skinned = false }, "static.glb"), "no skin");
        var junk = new TestHumanoidGltf().Names.ToDictionary(kv => kv.Key, kv => "bone" + kv.Key.Length + kv.Key[0] + kv.Key[^1]);
        Fail(Write(new TestHumanoidGltf { Names = junk }, "junk.glb"), "no joint for pelvis");
        string gltf = Write(new TestHumanoidGltf(), "split.gltf");
        File.Delete(Path.ChangeExtension(gltf, ".bin"));
        Fail(gltf, "split.bin");
        string corrupt = Path.Combine(_dir, "corrupt.glb");
        File.WriteAllBytes(corrupt, [.. "glTF"u8, 2, 0, 0, 0, 9, 9, 9, 9, 1, 2, 3]);
        Fail(corrupt, "not a readable glTF");
        string text = Path.Combine(_dir, "broken.gltf");
        File.WriteAllText(text, "{ \"asset\": { \"version\": \"2.0\" }, \"nodes\": [ { \"mesh\": 7 } ");
        Fail(text, "not a readable glTF");
        string truncated = Write(new TestHumanoidGltf(), "truncated.glb");
        var bytes = File.ReadAllBytes(truncated);
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        Fail(truncated, "truncated.glb");
    }
}

public sealed class ActorFactoryTests
{
    [Fact]
    public void A_library_gltf_actor_matching_the_description_is_imported_else_an_avatar_is_generated()
    {
        string dir = Directory.CreateTempSubdirectory("c3v-actorlib").FullName;
        try
        {
            new TestHumanoidGltf().Write(Path.Combine(dir, "mannequin.glb"));
            new TestHumanoidGltf { UnitsPerMetre = 100 }.Write(Path.Combine(dir, "giant.glb"));
            C3V.World.AssetLibrary.Add(dir, new C3V.World.AssetEntry("mannequin.glb", C3V.World.AssetKind.Actor, "a wooden mannequin", ["mannequin"]));
            var lib = C3V.World.AssetLibrary.Add(dir, new C3V.World.AssetEntry("giant.glb", C3V.World.AssetKind.Actor, "a stone giant", ["giant"], Units: "cm", Scale: 1.5f));
            var factory = new ActorFactory(new C3V.Tests.World.HashingEmbedder(), lib);

            var made = factory.Create("a wooden mannequin", 0);
            Assert.StartsWith("library actor mannequin.glb", made.Summary);
            Assert.Contains("mannequin.glb@", made.Source);
            Assert.InRange(made.Cloud.Skeleton.Height, 1.78f, 1.82f);
            // The entry's units and scale size it: centimetres × 1.5.
            Assert.InRange(factory.Create("a stone giant", 0).Cloud.Skeleton.Height, 2.68f, 2.72f);

            var avatar = factory.Create("a green alien", 0);
            Assert.Equal("procedural", avatar.Source);
            Assert.Contains("procedural", avatar.Summary);
            Assert.Throws<C3VException>(() => factory.Create("a green alien", 0, height: 2));
        }
        finally { Directory.Delete(dir, true); }
    }
}
