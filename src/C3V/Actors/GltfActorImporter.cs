using System.Numerics;
using System.Text.Json;
using C3V.Common;
using SharpGLTF.Schema2;

namespace C3V.Actors;

/// <summary>Options of <see cref="GltfActorImporter.Load"/>.</summary>
public sealed record GltfImportOptions
{
    /// <summary>Distance between surface samples, metres: about surface area / spacing² Gaussians.</summary>
    public float Spacing { get; init; } = AvatarGenerator.BaseSpacing;
    /// <summary>Upper bound on the Gaussian count (the spacing grows to fit).</summary>
    public int MaxGaussians { get; init; } = 400_000;
    /// <summary>Scale the character to this standing height (metres); null keeps the file's size.</summary>
    public float? Height { get; init; }
    /// <summary>Metres per file unit; null: metres unless the size is implausible, then centimetres, millimetres or inches.</summary>
    public float? MetresPerUnit { get; init; }
    /// <summary>Bake the same soft sky-and-key lighting as the generated avatars (false: the material colour as is).</summary>
    public bool BakeLighting { get; init; } = true;
    public int Seed { get; init; }
}

/// <summary>An imported character: the skinned cloud on our skeleton and what the import found.</summary>
public sealed record GltfActor(SkinnedCloud Cloud, string Rig, int MappedJoints, int Triangles, IReadOnlyList<string> Notes);

/// <summary>
/// Turns a skinned glTF/GLB character into a <see cref="SkinnedCloud"/> on the 22-joint skeleton.
/// </summary>
/// <remarks>
/// <para>Skeleton: the skin's joints are matched to ours by name (<see cref="RigNames"/>: Mixamo, VRM, SMPL,
/// Unreal/Blender, Bandai-Namco, CMU spellings). Joints we have no name for (fingers, twist and helper bones,
/// hair) hand their weight to their nearest matched ancestor.</para>
/// <para>Bind pose: a joint's bind matrix is the inverse of its inverse bind matrix, the mesh's vertices are
/// in that same space; each skin is brought to world space through its hips (hips' world matrix times its
/// inverse bind matrix), so node transforms above the skeleton (a Z-up armature, a 0.01 scale) are honoured.
/// The body is then turned so its up (ankles → head) and its left (right hip → left hip), each snapped to the
/// nearest axis, become +Y and +X (it faces +Z), scaled to metres, grounded and centred on the pelvis.</para>
/// <para>Rest-pose alignment: our rest pose is a T-pose with identity rotations. The limbs of the bind pose
/// (A-pose arms, splayed legs) are swung by skinning the mesh once, from the bind pose to our T-pose: each
/// upper/lower arm and leg turns by the shortest arc that lays its bone along our rest direction, the rest of
/// the body keeps its parent's turn. The skeleton of the result keeps the character's own bone lengths.</para>
/// <para>Surface: triangles are sampled by area (stratified, seeded) into flat Gaussians (the avatars' disc
/// shape: σ = 0.62·spacing in the triangle's plane, thin along its normal). Colour = baseColorFactor ×
/// baseColorTexture at the interpolated TEXCOORD × COLOR_0 (in linear light), stored as sRGB; MASK materials
/// drop samples under the cutoff, BLEND ones set opacity from alpha. Skin weights are the barycentric blend
/// of the three vertices' weights (JOINTS_n/WEIGHTS_n, summed per joint of ours), the four largest kept and
/// renormalised. Meshes without a skin that hang under a joint (a hat on the head bone) follow that joint.</para>
/// </remarks>
public static class GltfActorImporter
{
    /// <summary>True when <paramref name="text"/> names a glTF file (by extension), rather than describing an actor.</summary>
    public static bool IsGltfPath(string text)
    {
        string t = text.Trim();
        return t.EndsWith(".gltf", StringComparison.OrdinalIgnoreCase) || t.EndsWith(".glb", StringComparison.OrdinalIgnoreCase);
    }

    public static GltfActor Load(string path, GltfImportOptions? options = null)
    {
        options ??= new GltfImportOptions();
        if (!(options.Spacing is > 0.0005f and < 0.5f)) throw new C3VException($"glTF import: spacing {options.Spacing} m is outside 0.0005…0.5");
        if (options.MaxGaussians < 100) throw new C3VException($"glTF import: at most {options.MaxGaussians} Gaussians is too few (at least 100)");
        if (options.Height is { } h && !(h is > 0.05f and < 20f)) throw new C3VException($"glTF import: height {h} m is outside 0.05…20");
        if (options.MetresPerUnit is { } m && !(m > 0 && float.IsFinite(m))) throw new C3VException($"glTF import: metres per unit {m} must be positive");
        UserPath.CheckReadable(path, "glTF file");
        if (!File.Exists(path)) throw new InvalidFileException(path, "file not found");
        GltfPreflight.Check(path);
        var model = Read(path);
        try
        {
            return new Import(path, model, options).Run();
        }
        catch (Exception e) when (e is SharpGLTF.Validation.ModelException or ArgumentException or InvalidOperationException or IndexOutOfRangeException
                                      or FormatException or InvalidDataException or NotSupportedException or KeyNotFoundException or NotImplementedException
                                      or ArithmeticException)
        {
            throw new InvalidFileException(path, $"malformed glTF data: {FirstLine(e.Message)}", e);
        }
    }

    static ModelRoot Read(string path)
    {
        try
        {
            return ModelRoot.Load(path, new ReadSettings { Validation = SharpGLTF.Validation.ValidationMode.TryFix });
        }
        catch (FileNotFoundException e)
        {
            throw new InvalidFileException(path, $"missing file {Path.GetFileName(e.FileName ?? e.Message)} (a buffer or image the glTF refers to)", e);
        }
        catch (Exception e) when (e is SharpGLTF.Validation.ModelException or JsonException or IOException or InvalidDataException or ArgumentException
                                      or FormatException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException
                                      or NotImplementedException or OverflowException or KeyNotFoundException)
        {
            throw new InvalidFileException(path, $"not a readable glTF/GLB file: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>The reader's message without its second line or its advice to run a validator.</summary>
    static string FirstLine(string s)
    {
        int nl = s.IndexOfAny(['\r', '\n']);
        if (nl >= 0) s = s[..nl];
        int advice = s.IndexOf("Model generated by", StringComparison.Ordinal);
        if (advice > 0) s = s[..advice];
        return s.Trim();
    }

    sealed class Import(string path, ModelRoot model, GltfImportOptions options)
    {
        readonly List<string> _notes = [];
        readonly Dictionary<int, MaterialTexture?> _textures = [];
        readonly Dictionary<string, int> _ourByName = [];

        public GltfActor Run()
        {
            var scene = model.DefaultScene ?? model.LogicalScenes.FirstOrDefault();
            var nodes = scene is null ? model.LogicalNodes.ToList() : Node.Flatten(scene).ToList();
            var skinnedNodes = nodes.Where(n => n.Mesh is not null && n.Skin is not null).ToList();
            if (skinnedNodes.Count == 0)
                throw new InvalidFileException(path, model.LogicalSkins.Count == 0
                    ? $"no skin: a glTF actor needs a mesh bound to a skeleton, this file has {model.LogicalMeshes.Count} mesh(es) and no skins"
                    : "no mesh in the scene is bound to a skin");

            // The skin whose joint names match our skeleton best drives the mapping.
            var skins = skinnedNodes.Select(n => n.Skin).Distinct().ToList();
            var skin = skins.MaxBy(s => RigNames.Match(JointNames(s)).Map.Count(i => i >= 0))!;
            var (rig, map) = RigNames.MatchRequired(path, JointNames(skin));
            for (int j = 0; j < Skeleton.JointCount; j++)
                if (map[j] >= 0) _ourByName[RigNames.Normalize(skin.Joints[map[j]].Name)] = j;
            int mapped = map.Count(i => i >= 0);

            // Bind pose in world space (each skin through its hips), then the actor frame's axes.
            var bindWorld = BindWorld(skin);
            var real = new bool[Skeleton.JointCount];
            var joints = new Vector3[Skeleton.JointCount];
            for (int j = 0; j < Skeleton.JointCount; j++)
                if (map[j] >= 0) { real[j] = true; joints[j] = bindWorld[map[j]].Translation; }
            var axes = Axes(joints);

            var parts = new List<MeshSurface>();
            foreach (var node in skinnedNodes)
            {
                // glTF ignores a skinned mesh node's own transform: its vertices live in the skin's bind space.
                AddMesh(parts, node.Mesh, MeshToWorld(node.Skin) * axes, node.Skin.Joints.Select(OurJoint).ToArray(), rigidJoint: -1);
            }
            int ignored = 0;
            foreach (var node in nodes.Where(n => n.Mesh is not null && n.Skin is null))
            {
                // A mesh hanging under one of the skin's joints moves rigidly with it.
                var joint = Ancestors(node).FirstOrDefault(a => skin.Joints.Contains(a));
                if (joint is null) { ignored++; continue; }
                int k = IndexOf(skin.Joints, joint);
                Matrix4x4.Invert(joint.WorldMatrix, out var jointInv);
                AddMesh(parts, node.Mesh, node.WorldMatrix * jointInv * bindWorld[k] * axes, [], OurJoint(joint));
            }
            if (ignored > 0) _notes.Add($"{ignored} mesh node(s) neither skinned nor under a joint were left out");
            int triangles = parts.Sum(p => p.Tris.Length);
            if (triangles == 0) throw new InvalidFileException(path, "the skinned meshes have no triangles");

            for (int j = 0; j < Skeleton.JointCount; j++) joints[j] = Vector3.Transform(joints[j], axes);
            float scale = Scale(parts);
            foreach (var p in parts) for (int i = 0; i < p.Pos.Length; i++) p.Pos[i] *= scale;
            for (int j = 0; j < Skeleton.JointCount; j++) joints[j] *= scale;
            FillMissingJoints(joints, real);

            var (turn, rest) = RestPoseTurns(joints, real);
            foreach (var p in parts) Repose(p, joints, rest, turn);
            // Ground the feet and centre the pelvis.
            float floor = parts.Min(p => p.Pos.Length == 0 ? float.PositiveInfinity : p.Pos.Min(v => v.Y));
            var shift = new Vector3(-rest[Skeleton.Pelvis].X, -floor, -rest[Skeleton.Pelvis].Z);
            foreach (var p in parts) for (int i = 0; i < p.Pos.Length; i++) p.Pos[i] += shift;
            for (int j = 0; j < Skeleton.JointCount; j++) rest[j] += shift;
            float top = parts.Max(p => p.Pos.Length == 0 ? 0 : p.Pos.Max(v => v.Y));
            var offsets = new Vector3[Skeleton.JointCount];
            for (int j = 0; j < Skeleton.JointCount; j++) offsets[j] = Skeleton.Parents[j] < 0 ? rest[j] : rest[j] - rest[Skeleton.Parents[j]];
            var skeleton = new Skeleton(offsets, top);

            var cloud = new MeshSampler(options.Spacing, options.MaxGaussians, options.BakeLighting, options.Seed).Sample(parts, skeleton);
            if (cloud.Count == 0) throw new InvalidFileException(path, "no surface left to sample (every sample was transparent)");
            return new GltfActor(cloud, rig.Rig, mapped, triangles, _notes);
        }

        static string[] JointNames(Skin s) => s.Joints.Select(n => n.Name ?? "").ToArray();

        static IEnumerable<Node> Ancestors(Node n)
        {
            for (var a = n.VisualParent; a is not null; a = a.VisualParent) yield return a;
        }

        static int IndexOf(IReadOnlyList<Node> list, Node n)
        {
            for (int i = 0; i < list.Count; i++) if (list[i] == n) return i;
            return -1;
        }

        /// <summary>Our joint for a glTF node: its own name's, else its nearest named ancestor's, else the pelvis.</summary>
        int OurJoint(Node n)
        {
            for (Node? a = n; a is not null; a = a.VisualParent)
                if (a.Name is not null && _ourByName.TryGetValue(RigNames.Normalize(a.Name), out int j)) return j;
            return Skeleton.Pelvis;
        }

        /// <summary>The index of the skin's hips joint (by our mapping's name), or 0.</summary>
        int HipsIndex(Skin s)
        {
            for (int k = 0; k < s.JointsCount; k++)
                if (s.Joints[k].Name is { } name && _ourByName.TryGetValue(RigNames.Normalize(name), out int j) && j == Skeleton.Pelvis) return k;
            return 0;
        }

        /// <summary>From the skin's bind space to world space, through the hips (IBM_hips · World_hips; the same for every joint when the file is saved in its bind pose).</summary>
        Matrix4x4 MeshToWorld(Skin s)
        {
            int h = HipsIndex(s);
            if (h >= s.InverseBindMatrices.Count) throw new InvalidFileException(path, $"skin \"{s.Name}\" has fewer inverse bind matrices than joints");
            return s.InverseBindMatrices[h] * s.Joints[h].WorldMatrix;
        }

        /// <summary>Each joint's bind matrix in world space: inverse(IBM_k) · (IBM_hips · World_hips).</summary>
        Matrix4x4[] BindWorld(Skin s)
        {
            var ibm = s.InverseBindMatrices;
            if (ibm.Count != s.JointsCount) throw new InvalidFileException(path, $"skin \"{s.Name}\" has {s.JointsCount} joints but {ibm.Count} inverse bind matrices");
            var meshToWorld = MeshToWorld(s);
            var result = new Matrix4x4[s.JointsCount];
            for (int k = 0; k < result.Length; k++)
            {
                if (!Matrix4x4.Invert(ibm[k], out var bind) || !float.IsFinite(bind.M41 + bind.M42 + bind.M43))
                    throw new InvalidFileException(path, $"skin \"{s.Name}\": the inverse bind matrix of joint \"{s.Joints[k].Name}\" cannot be inverted");
                result[k] = bind * meshToWorld;
            }
            return result;
        }

        /// <summary>
        /// The rotation into the actor frame: up (ankles → head) to +Y and left (right hip → left hip) to +X,
        /// each snapped to the nearest axis of the file (rigs are authored along axes; a stooping head must not tilt the body).
        /// </summary>
        Matrix4x4 Axes(Vector3[] joints)
        {
            var up = Snap(joints[Skeleton.Head] - 0.5f * (joints[Skeleton.LeftAnkle] + joints[Skeleton.RightAnkle]));
            var across = joints[Skeleton.LeftHip] - joints[Skeleton.RightHip];
            if (across.LengthSquared() < 1e-12f) across = joints[Skeleton.LeftShoulder] - joints[Skeleton.RightShoulder];
            across -= Vector3.Dot(across, up) * up;
            if (up == Vector3.Zero || across.LengthSquared() < 1e-12f)
                throw new InvalidFileException(path, "cannot tell up from left in the bind pose (the head, ankles and hips coincide)");
            var left = Snap(across);
            var forward = Vector3.Cross(left, up);
            return new Matrix4x4(left.X, up.X, forward.X, 0, left.Y, up.Y, forward.Y, 0, left.Z, up.Z, forward.Z, 0, 0, 0, 0, 1);
        }

        static Vector3 Snap(Vector3 v)
        {
            var a = Vector3.Abs(v);
            if (!(a.X + a.Y + a.Z > 0)) return Vector3.Zero;
            return a.X >= a.Y && a.X >= a.Z ? new Vector3(MathF.Sign(v.X), 0, 0) : a.Y >= a.Z ? new Vector3(0, MathF.Sign(v.Y), 0) : new Vector3(0, 0, MathF.Sign(v.Z));
        }

        /// <summary>Metres per actor-frame unit: the requested height, the given units, or a guess from the standing height.</summary>
        float Scale(List<MeshSurface> parts)
        {
            float lo = float.PositiveInfinity, hi = float.NegativeInfinity;
            foreach (var p in parts) foreach (var v in p.Pos) { lo = MathF.Min(lo, v.Y); hi = MathF.Max(hi, v.Y); }
            float height = hi - lo;
            if (!(height > 0) || !float.IsFinite(height)) throw new InvalidFileException(path, "the mesh has no height (all vertices at one level, or not finite)");
            if (options.Height is { } wanted) return wanted / height;
            if (options.MetresPerUnit is { } unit) return unit;
            if (height is > 0.2f and < 4f) return 1;
            float guess = new[] { 0.01f, 0.001f, 0.0254f, 100f }.MinBy(u => MathF.Abs(MathF.Log(height * u / 1.7f)));
            _notes.Add($"the character is {height:G4} units tall: read as {(guess switch { 0.01f => "centimetres", 0.001f => "millimetres", 0.0254f => "inches", _ => "hectometres" })}");
            return guess;
        }

        /// <summary>Positions for our joints the rig has no bone for: along the chain to the next found joint, or at the default offset.</summary>
        static void FillMissingJoints(Vector3[] joints, bool[] real)
        {
            var def = Skeleton.Default;
            float size = (joints[Skeleton.Head].Y - 0.5f * (joints[Skeleton.LeftAnkle].Y + joints[Skeleton.RightAnkle].Y))
                         / (def.RestPositions[Skeleton.Head].Y - def.RestPositions[Skeleton.LeftAnkle].Y);
            for (int j = 1; j < Skeleton.JointCount; j++)
            {
                if (real[j]) continue;
                int parent = Skeleton.Parents[j];
                int d = Skeleton.MainChild(j);
                float along = def.BoneLength(j), total = along;
                while (d >= 0 && !real[d]) { total += def.BoneLength(d); d = Skeleton.MainChild(d); }
                if (d >= 0) total += def.BoneLength(d);
                joints[j] = d >= 0 ? joints[parent] + (joints[d] - joints[parent]) * (along / total) : joints[parent] + def.Offsets[j] * size;
            }
        }

        /// <summary>
        /// Global turns from the bind pose to our T-pose (limbs laid along our rest directions, everything else
        /// following its parent) and the joints' rest positions after the turns.
        /// </summary>
        static (Quaternion[] Turn, Vector3[] Joints) RestPoseTurns(Vector3[] bind, bool[] real)
        {
            var turn = new Quaternion[Skeleton.JointCount];
            var rest = new Vector3[Skeleton.JointCount];
            var def = Skeleton.Default;
            for (int j = 0; j < Skeleton.JointCount; j++)
            {
                int parent = Skeleton.Parents[j];
                turn[j] = parent < 0 ? Quaternion.Identity : turn[parent];
                rest[j] = parent < 0 ? bind[j] : rest[parent] + Vector3.Transform(bind[j] - bind[parent], turn[parent]);
                if (!IsLimb(j)) continue;
                int child = Skeleton.MainChild(j);
                if (!real[j] || !real[child]) continue;
                var bone = Vector3.Transform(bind[child] - bind[j], turn[j]);
                if (bone.LengthSquared() < 1e-12f) continue;
                turn[j] = Quaternion.Normalize(PoseRig.FromTo(Vector3.Normalize(bone), Vector3.Normalize(def.Offsets[child])) * turn[j]);
            }
            return (turn, rest);
        }

        static bool IsLimb(int j) => j is Skeleton.LeftShoulder or Skeleton.RightShoulder or Skeleton.LeftElbow or Skeleton.RightElbow
            or Skeleton.LeftHip or Skeleton.RightHip or Skeleton.LeftKnee or Skeleton.RightKnee;

        /// <summary>Linear blend skinning of a part from the bind pose to the rest pose.</summary>
        static void Repose(MeshSurface p, Vector3[] bind, Vector3[] rest, Quaternion[] turn)
        {
            for (int i = 0; i < p.Pos.Length; i++)
            {
                Vector3 x = Vector3.Zero, n = Vector3.Zero;
                for (int k = 0; k < 4; k++)
                {
                    float w = p.Weight[i * 4 + k];
                    if (w == 0) continue;
                    int j = p.Bone[i * 4 + k];
                    x += w * (Vector3.Transform(p.Pos[i] - bind[j], turn[j]) + rest[j]);
                    if (p.Normal is not null) n += w * Vector3.Transform(p.Normal[i], turn[j]);
                }
                p.Pos[i] = x;
                if (p.Normal is not null) p.Normal[i] = n.LengthSquared() > 1e-12f ? Vector3.Normalize(n) : Vector3.Zero;
            }
        }

        /// <summary>
        /// Adds the triangle primitives of <paramref name="mesh"/>, positions through <paramref name="toFrame"/>,
        /// weights from JOINTS_n/WEIGHTS_n through <paramref name="ourOfSkinJoint"/> (or all on <paramref name="rigidJoint"/>).
        /// </summary>
        void AddMesh(List<MeshSurface> parts, Mesh mesh, Matrix4x4 toFrame, int[] ourOfSkinJoint, int rigidJoint)
        {
            var normalMatrix = Matrix4x4.Invert(toFrame, out var inv) ? Matrix4x4.Transpose(inv) : Matrix4x4.Identity;
            foreach (var prim in mesh.Primitives)
            {
                if (prim.DrawPrimitiveType is not (PrimitiveType.TRIANGLES or PrimitiveType.TRIANGLE_STRIP or PrimitiveType.TRIANGLE_FAN))
                {
                    _notes.Add($"mesh \"{mesh.Name}\": a {prim.DrawPrimitiveType} primitive was left out (only triangles have a surface)");
                    continue;
                }
                var posAcc = prim.GetVertexAccessor("POSITION") ?? throw new InvalidFileException(path, $"mesh \"{mesh.Name}\": a primitive has no POSITION");
                var pos = posAcc.AsVector3Array().ToArray();
                int n = pos.Length;
                for (int i = 0; i < n; i++)
                {
                    if (!float.IsFinite(pos[i].X + pos[i].Y + pos[i].Z)) throw new InvalidFileException(path, $"mesh \"{mesh.Name}\": vertex {i} is not finite");
                    pos[i] = Vector3.Transform(pos[i], toFrame);
                }
                Vector3[]? normals = null;
                if (prim.GetVertexAccessor("NORMAL") is { } na && na.Count == n)
                {
                    normals = na.AsVector3Array().ToArray();
                    for (int i = 0; i < n; i++)
                    {
                        var t = Vector3.TransformNormal(normals[i], normalMatrix);
                        normals[i] = t.LengthSquared() > 1e-12f && float.IsFinite(t.X + t.Y + t.Z) ? Vector3.Normalize(t) : Vector3.Zero;
                    }
                }
                var surface = SurfaceOf(prim.Material);
                Vector2[]? uv = surface.Texture is not null && prim.GetVertexAccessor($"TEXCOORD_{surface.TexCoord}") is { } ua && ua.Count == n ? ua.AsVector2Array().ToArray() : null;
                Vector4[]? colors = prim.GetVertexAccessor("COLOR_0") is { } ca && ca.Count == n ? ca.AsColorArray(1f).ToArray() : null;
                var (bone, weight) = rigidJoint >= 0 ? Rigid(n, rigidJoint) : Weights(mesh, prim, n, ourOfSkinJoint);
                var tris = prim.GetTriangleIndices().ToArray();
                foreach (var (a, b, c) in tris)
                    if ((uint)a >= (uint)n || (uint)b >= (uint)n || (uint)c >= (uint)n)
                        throw new InvalidFileException(path, $"mesh \"{mesh.Name}\": a triangle index is outside its {n} vertices");
                parts.Add(new MeshSurface { Pos = pos, Normal = normals, Uv = uv, Color = colors, Bone = bone, Weight = weight, Tris = tris, Look = surface });
            }
        }

        static (int[] Bone, float[] Weight) Rigid(int n, int joint)
        {
            var bone = new int[n * 4];
            var weight = new float[n * 4];
            for (int i = 0; i < n; i++) { bone[i * 4] = joint; weight[i * 4] = 1; }
            return (bone, weight);
        }

        /// <summary>Per vertex, the four largest of our joints' summed weights (all sets JOINTS_n/WEIGHTS_n), normalised.</summary>
        (int[] Bone, float[] Weight) Weights(Mesh mesh, MeshPrimitive prim, int n, int[] ourOfSkinJoint)
        {
            var sets = new List<(Vector4[] J, Vector4[] W)>();
            for (int s = 0; prim.GetVertexAccessor($"JOINTS_{s}") is { } ja; s++)
            {
                var wa = prim.GetVertexAccessor($"WEIGHTS_{s}") ?? throw new InvalidFileException(path, $"mesh \"{mesh.Name}\": JOINTS_{s} without WEIGHTS_{s}");
                if (ja.Count != n || wa.Count != n) throw new InvalidFileException(path, $"mesh \"{mesh.Name}\": JOINTS_{s}/WEIGHTS_{s} do not have one entry per vertex");
                sets.Add((ja.AsVector4Array().ToArray(), wa.AsVector4Array().ToArray()));
            }
            if (sets.Count == 0) throw new InvalidFileException(path, $"mesh \"{mesh.Name}\" is bound to a skin but has no JOINTS_0/WEIGHTS_0");
            var bone = new int[n * 4];
            var weight = new float[n * 4];
            Span<float> acc = stackalloc float[Skeleton.JointCount];
            for (int i = 0; i < n; i++)
            {
                acc.Clear();
                foreach (var (jv, wv) in sets)
                    for (int c = 0; c < 4; c++)
                    {
                        float w = wv[i][c];
                        if (!(w > 0)) continue;
                        int k = (int)jv[i][c];
                        if ((uint)k >= (uint)ourOfSkinJoint.Length)
                            throw new InvalidFileException(path, $"mesh \"{mesh.Name}\": vertex {i} refers to joint {k} of a skin with {ourOfSkinJoint.Length} joints");
                        acc[ourOfSkinJoint[k]] += w;
                    }
                MeshSampler.TopFour(acc, bone.AsSpan(i * 4, 4), weight.AsSpan(i * 4, 4));
            }
            return (bone, weight);
        }

        SurfaceLook SurfaceOf(Material? material)
        {
            if (material is null) return new SurfaceLook(Vector4.One, null, 0, TextureWrap.Repeat, TextureWrap.Repeat, SurfaceAlpha.Opaque, 0.5f);
            var channel = material.FindChannel("BaseColor") ?? material.FindChannel("Diffuse");
            var factor = channel?.Color ?? Vector4.One;
            MaterialTexture? texture = null;
            var wrapU = TextureWrap.Repeat;
            var wrapV = TextureWrap.Repeat;
            if (channel?.Texture is { } tex)
            {
                texture = TextureOf(tex);
                if (tex.Sampler is { } s) { wrapU = Wrap(s.WrapS); wrapV = Wrap(s.WrapT); }
            }
            return new SurfaceLook(factor, texture, channel?.TextureCoordinate ?? 0, wrapU, wrapV,
                material.Alpha switch { AlphaMode.MASK => SurfaceAlpha.Mask, AlphaMode.BLEND => SurfaceAlpha.Blend, _ => SurfaceAlpha.Opaque }, material.AlphaCutoff);
        }

        static TextureWrap Wrap(TextureWrapMode m) => m switch
        {
            TextureWrapMode.CLAMP_TO_EDGE => TextureWrap.Clamp,
            TextureWrapMode.MIRRORED_REPEAT => TextureWrap.Mirror,
            _ => TextureWrap.Repeat,
        };

        MaterialTexture? TextureOf(Texture tex)
        {
            if (_textures.TryGetValue(tex.LogicalIndex, out var known)) return known;
            MaterialTexture? decoded = null;
            var image = tex.PrimaryImage;
            if (image is not null && !image.Content.IsEmpty) decoded = MaterialTexture.Decode(image.Content.Content.Span);
            if (decoded is null) _notes.Add($"texture {tex.LogicalIndex} could not be decoded ({image?.Content.MimeType ?? "no image"}): its material's colour factor is used");
            _textures[tex.LogicalIndex] = decoded;
            return decoded;
        }
    }
}
