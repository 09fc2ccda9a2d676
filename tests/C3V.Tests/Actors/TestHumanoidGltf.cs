using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using SkiaSharp;

namespace C3V.Tests.Actors;

/// <summary>
/// Writes a small skinned humanoid as glTF by hand (JSON + binary, independent of the reader under test):
/// one box per body part, each box's vertices bound to the part's joint, joints named after a rig, textured
/// from a 2×2 PNG (torso red, arms green, legs blue, head white) or coloured by a material factor.
/// The bind pose stands 1.8 m tall at the origin, facing +Z, arms in an A-pose (45° down) unless TPose.
/// </summary>
sealed class TestHumanoidGltf
{
    /// <summary>Joint names by role (Mixamo spelling by default); a finger joint the mapping does not know is added under each hand.</summary>
    public Dictionary<string, string> Names { get; init; } = new()
    {
        ["hips"] = "mixamorig:Hips", ["spine"] = "mixamorig:Spine", ["chest"] = "mixamorig:Spine1", ["neck"] = "mixamorig:Neck", ["head"] = "mixamorig:Head",
        ["lcollar"] = "mixamorig:LeftShoulder", ["larm"] = "mixamorig:LeftArm", ["lfore"] = "mixamorig:LeftForeArm", ["lhand"] = "mixamorig:LeftHand", ["lfinger"] = "mixamorig:LeftHandIndex1",
        ["rcollar"] = "mixamorig:RightShoulder", ["rarm"] = "mixamorig:RightArm", ["rfore"] = "mixamorig:RightForeArm", ["rhand"] = "mixamorig:RightHand", ["rfinger"] = "mixamorig:RightHandIndex1",
        ["lthigh"] = "mixamorig:LeftUpLeg", ["lshin"] = "mixamorig:LeftLeg", ["lfoot"] = "mixamorig:LeftFoot", ["ltoe"] = "mixamorig:LeftToeBase",
        ["rthigh"] = "mixamorig:RightUpLeg", ["rshin"] = "mixamorig:RightLeg", ["rfoot"] = "mixamorig:RightFoot", ["rtoe"] = "mixamorig:RightToeBase",
    };
    public bool TPose { get; init; }
    public bool Skinned { get; init; } = true;
    public bool Textured { get; init; } = true;
    /// <summary>Linear base colour factor (used alone when not textured).</summary>
    public Vector4 Factor { get; init; } = Vector4.One;
    /// <summary>File units per metre (100: centimetres).</summary>
    public float UnitsPerMetre { get; init; } = 1;
    /// <summary>Author the file Z-up (Blender style: x, −z, y).</summary>
    public bool ZUp { get; init; }
    /// <summary>Scale on the root node holding skeleton and mesh (0.01 with centimetre data gives metres).</summary>
    public float RootScale { get; init; } = 1;

    // role, parent role, bind position (metres, Y-up, facing +Z)
    (string Role, string? Parent, Vector3 At)[] Joints()
    {
        var down = Vector3.Normalize(new Vector3(1, -1, 0));
        Vector3 Arm(int side, float along) => new Vector3(side * 0.2f, 1.45f, 0) + along * (TPose ? new Vector3(side, 0, 0) : new Vector3(side * down.X, down.Y, 0));
        return
        [
            ("hips", null, new(0, 0.95f, 0)), ("spine", "hips", new(0, 1.08f, 0)), ("chest", "spine", new(0, 1.25f, 0)),
            ("neck", "chest", new(0, 1.48f, 0)), ("head", "neck", new(0, 1.56f, 0)),
            ("lcollar", "chest", new(0.06f, 1.42f, 0)), ("larm", "lcollar", Arm(1, 0)), ("lfore", "larm", Arm(1, 0.28f)), ("lhand", "lfore", Arm(1, 0.53f)), ("lfinger", "lhand", Arm(1, 0.6f)),
            ("rcollar", "chest", new(-0.06f, 1.42f, 0)), ("rarm", "rcollar", Arm(-1, 0)), ("rfore", "rarm", Arm(-1, 0.28f)), ("rhand", "rfore", Arm(-1, 0.53f)), ("rfinger", "rhand", Arm(-1, 0.6f)),
            ("lthigh", "hips", new(0.1f, 0.9f, 0)), ("lshin", "lthigh", new(0.1f, 0.5f, 0.01f)), ("lfoot", "lshin", new(0.1f, 0.09f, 0)), ("ltoe", "lfoot", new(0.1f, 0.03f, 0.13f)),
            ("rthigh", "hips", new(-0.1f, 0.9f, 0)), ("rshin", "rthigh", new(-0.1f, 0.5f, 0.01f)), ("rfoot", "rshin", new(-0.1f, 0.09f, 0)), ("rtoe", "rfoot", new(-0.1f, 0.03f, 0.13f)),
        ];
    }

    /// <summary>Texture coordinate of each colour's texel centre.</summary>
    public static readonly Vector2 Red = new(0.25f, 0.25f), Green = new(0.75f, 0.25f), Blue = new(0.25f, 0.75f), White = new(0.75f, 0.75f);

    // (joint role the box is bound to, from, to, half width, half depth, uv)
    (string Role, Vector3 From, Vector3 To, float W, float D, Vector2 Uv)[] Boxes(Dictionary<string, Vector3> at)
    {
        var list = new List<(string, Vector3, Vector3, float, float, Vector2)>
        {
            ("hips", at["hips"] - new Vector3(0, 0.1f, 0), at["spine"], 0.16f, 0.1f, Red),
            ("spine", at["spine"], at["chest"], 0.15f, 0.1f, Red),
            ("chest", at["chest"], at["neck"], 0.18f, 0.11f, Red),
            ("neck", at["neck"], at["head"], 0.05f, 0.05f, White),
            ("head", at["head"], at["head"] + new Vector3(0, 0.24f, 0), 0.09f, 0.1f, White),
        };
        foreach (var s in new[] { "l", "r" })
        {
            list.Add((s + "arm", at[s + "arm"], at[s + "fore"], 0.045f, 0.045f, Green));
            list.Add((s + "fore", at[s + "fore"], at[s + "hand"], 0.04f, 0.04f, Green));
            list.Add((s + "finger", at[s + "hand"], at[s + "finger"] + (at[s + "finger"] - at[s + "hand"]), 0.035f, 0.02f, Green));
            list.Add((s + "thigh", at[s + "thigh"], at[s + "shin"], 0.07f, 0.07f, Blue));
            list.Add((s + "shin", at[s + "shin"], at[s + "foot"], 0.055f, 0.055f, Blue));
            list.Add((s + "foot", at[s + "foot"] - new Vector3(0, 0.06f, 0.04f), at[s + "toe"] - new Vector3(0, 0.0f, 0), 0.045f, 0.03f, Blue));
        }
        return list.ToArray();
    }

    /// <summary>Total surface of the boxes, m² (what the importer should cover).</summary>
    public float SurfaceArea => Boxes(Joints().ToDictionary(j => j.Role, j => j.At)).Sum(b =>
    {
        float l = Vector3.Distance(b.From, b.To);
        return 2 * (4 * b.W * b.D + 2 * b.W * l + 2 * b.D * l);
    });

    /// <summary>Writes the model: .glb (one file) or .gltf with a separate .bin.</summary>
    public void Write(string path)
    {
        var joints = Joints();
        var at = joints.ToDictionary(j => j.Role, j => j.At);
        var index = joints.Select((j, i) => (j.Role, i)).ToDictionary(x => x.Role, x => x.i);
        Vector3 Author(Vector3 p) => (ZUp ? new Vector3(p.X, -p.Z, p.Y) : p) * UnitsPerMetre;

        var pos = new List<Vector3>(); var uv = new List<Vector2>(); var jnt = new List<ushort>(); var wgt = new List<float>(); var idx = new List<uint>();
        foreach (var (role, from, to, w, d, tc) in Boxes(at))
        {
            var axis = to - from;
            var side = Vector3.Normalize(Vector3.Cross(axis, MathF.Abs(axis.Z) > 0.9f * axis.Length() ? Vector3.UnitY : Vector3.UnitZ));
            var depth = Vector3.Normalize(Vector3.Cross(side, axis));
            uint b = (uint)pos.Count;
            for (int c = 0; c < 8; c++)
            {
                var p = ((c & 1) == 0 ? from : to) + ((c & 2) == 0 ? -w : w) * side + ((c & 4) == 0 ? -d : d) * depth;
                pos.Add(Author(p));
                uv.Add(tc);
                jnt.AddRange([(ushort)index[role], 0, 0, 0]);
                wgt.AddRange([1f, 0, 0, 0]);
            }
            // 6 faces as 12 triangles (winding does not matter to the sampler).
            int[][] faces = [[0, 2, 6, 4], [1, 5, 7, 3], [0, 1, 3, 2], [4, 6, 7, 5], [0, 4, 5, 1], [2, 3, 7, 6]];
            foreach (var f in faces) idx.AddRange([b + (uint)f[0], b + (uint)f[1], b + (uint)f[2], b + (uint)f[0], b + (uint)f[2], b + (uint)f[3]]);
        }

        var bin = new MemoryStream();
        var views = new JsonArray();
        var accessors = new JsonArray();
        int View(byte[] data, int? target = null)
        {
            while (bin.Length % 4 != 0) bin.WriteByte(0);
            var v = new JsonObject { ["buffer"] = 0, ["byteOffset"] = bin.Length, ["byteLength"] = data.Length };
            if (target is { } t) v["target"] = t;
            bin.Write(data);
            views.Add(v);
            return views.Count - 1;
        }
        int Accessor(byte[] data, int componentType, int count, string type, int? target, JsonArray? min = null, JsonArray? max = null)
        {
            var a = new JsonObject { ["bufferView"] = View(data, target), ["componentType"] = componentType, ["count"] = count, ["type"] = type };
            if (min is not null) { a["min"] = min; a["max"] = max; }
            accessors.Add(a);
            return accessors.Count - 1;
        }
        static byte[] Floats(IEnumerable<float> f) => f.SelectMany(BitConverter.GetBytes).ToArray();
        var lo = pos.Aggregate(Vector3.Min); var hi = pos.Aggregate(Vector3.Max);
        int aPos = Accessor(Floats(pos.SelectMany(p => new[] { p.X, p.Y, p.Z })), 5126, pos.Count, "VEC3", 34962, new JsonArray(lo.X, lo.Y, lo.Z), new JsonArray(hi.X, hi.Y, hi.Z));
        int aUv = Accessor(Floats(uv.SelectMany(t => new[] { t.X, t.Y })), 5126, uv.Count, "VEC2", 34962);
        int aJ = Accessor(jnt.SelectMany(BitConverter.GetBytes).ToArray(), 5123, pos.Count, "VEC4", 34962);
        int aW = Accessor(Floats(wgt), 5126, pos.Count, "VEC4", 34962);
        int aIdx = Accessor(idx.SelectMany(BitConverter.GetBytes).ToArray(), 5125, idx.Count, "SCALAR", 34963);
        // Inverse bind matrices: the joints' bind frames are pure translations in the authored space.
        int aIbm = Accessor(Floats(joints.SelectMany(j =>
        {
            var m = Matrix4x4.CreateTranslation(-Author(j.At));
            return new[] { m.M11, m.M12, m.M13, m.M14, m.M21, m.M22, m.M23, m.M24, m.M31, m.M32, m.M33, m.M34, m.M41, m.M42, m.M43, m.M44 };
        })), 5126, joints.Length, "MAT4", null);

        var nodes = new JsonArray();
        var root = new JsonObject { ["name"] = "Armature", ["children"] = new JsonArray() };
        if (RootScale != 1) root["scale"] = new JsonArray(RootScale, RootScale, RootScale);
        nodes.Add(root);
        foreach (var (role, parent, p) in joints)
        {
            var local = Author(p) - (parent is null ? Vector3.Zero : Author(at[parent]));
            nodes.Add(new JsonObject { ["name"] = Names[role], ["translation"] = new JsonArray(local.X, local.Y, local.Z) });
        }
        foreach (var (role, parent, _) in joints)
        {
            int parentNode = parent is null ? 0 : index[parent] + 1;
            var children = (JsonArray?)nodes[parentNode]!["children"] ?? [];
            children.Add(index[role] + 1);
            nodes[parentNode]!["children"] = children;
        }
        var meshNode = new JsonObject { ["name"] = "Body", ["mesh"] = 0 };
        if (Skinned) meshNode["skin"] = 0;
        nodes.Add(meshNode);
        ((JsonArray)root["children"]!).Add(nodes.Count - 1);

        var attributes = new JsonObject { ["POSITION"] = aPos, ["TEXCOORD_0"] = aUv };
        if (Skinned) { attributes["JOINTS_0"] = aJ; attributes["WEIGHTS_0"] = aW; }
        var pbr = new JsonObject { ["baseColorFactor"] = new JsonArray(Factor.X, Factor.Y, Factor.Z, Factor.W) };
        var gltf = new JsonObject
        {
            ["asset"] = new JsonObject { ["version"] = "2.0", ["generator"] = "c3v tests" },
            ["scene"] = 0,
            ["scenes"] = new JsonArray(new JsonObject { ["nodes"] = new JsonArray(0) }),
            ["nodes"] = nodes,
            ["meshes"] = new JsonArray(new JsonObject { ["name"] = "Body", ["primitives"] = new JsonArray(new JsonObject { ["attributes"] = attributes, ["indices"] = aIdx, ["material"] = 0 }) }),
            ["materials"] = new JsonArray(new JsonObject { ["name"] = "Skin", ["pbrMetallicRoughness"] = pbr }),
            ["accessors"] = accessors,
        };
        if (Skinned)
        {
            var jointNodes = new JsonArray(joints.Select((_, i) => (JsonNode)(i + 1)).ToArray());
            gltf["skins"] = new JsonArray(new JsonObject { ["joints"] = jointNodes, ["inverseBindMatrices"] = aIbm, ["skeleton"] = 1 });
        }
        if (Textured)
        {
            int imageView = View(Png());
            gltf["images"] = new JsonArray(new JsonObject { ["bufferView"] = imageView, ["mimeType"] = "image/png" });
            gltf["samplers"] = new JsonArray(new JsonObject { ["wrapS"] = 33071, ["wrapT"] = 33071 });
            gltf["textures"] = new JsonArray(new JsonObject { ["source"] = 0, ["sampler"] = 0 });
            pbr["baseColorTexture"] = new JsonObject { ["index"] = 0 };
        }
        while (bin.Length % 4 != 0) bin.WriteByte(0);
        gltf["bufferViews"] = views;
        bool glb = path.EndsWith(".glb", StringComparison.OrdinalIgnoreCase);
        string binName = Path.GetFileNameWithoutExtension(path) + ".bin";
        gltf["buffers"] = new JsonArray(glb ? new JsonObject { ["byteLength"] = bin.Length } : new JsonObject { ["byteLength"] = bin.Length, ["uri"] = binName });
        var json = Encoding.UTF8.GetBytes(gltf.ToJsonString());
        if (!glb)
        {
            File.WriteAllBytes(path, json);
            File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(path)!, binName), bin.ToArray());
            return;
        }
        int jsonLength = (json.Length + 3) & ~3;
        using var file = File.Create(path);
        using var writer = new BinaryWriter(file);
        writer.Write(0x46546C67u); writer.Write(2u); writer.Write((uint)(12 + 8 + jsonLength + 8 + bin.Length));
        writer.Write((uint)jsonLength); writer.Write(0x4E4F534Au); writer.Write(json); for (int i = json.Length; i < jsonLength; i++) writer.Write((byte)' ');
        writer.Write((uint)bin.Length); writer.Write(0x004E4942u); writer.Write(bin.ToArray());
    }

    /// <summary>2×2 PNG: red, green / blue, white (top row first).</summary>
    static byte[] Png()
    {
        using var bmp = new SKBitmap(new SKImageInfo(2, 2, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bmp.SetPixel(0, 0, new SKColor(255, 0, 0)); bmp.SetPixel(1, 0, new SKColor(0, 255, 0));
        bmp.SetPixel(0, 1, new SKColor(0, 0, 255)); bmp.SetPixel(1, 1, new SKColor(255, 255, 255));
        using var data = bmp.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
