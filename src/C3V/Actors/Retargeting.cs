using System.Numerics;
using C3V.Common;

namespace C3V.Actors;

/// <summary>A named table from the 22 joints to one rig's joint names (normalised: lower case, no prefix/_/-/spaces).</summary>
public sealed record RigNames(string Rig, IReadOnlyDictionary<int, string[]> Joints)
{
    static Dictionary<int, string[]> Table(params (int Joint, string[] Names)[] rows) => rows.ToDictionary(r => r.Joint, r => r.Names);
    static (int, string[]) J(int j, params string[] names) => (j, names);

    /// <summary>CMU (MotionBuilder-friendly conversion): Hips, LHipJoint, LeftUpLeg, …, LowerBack, Spine, Spine1, Neck, Neck1, Head.</summary>
    public static readonly RigNames Cmu = new("CMU", Table(
        J(Skeleton.Pelvis, "hips"), J(Skeleton.LeftHip, "leftupleg"), J(Skeleton.RightHip, "rightupleg"),
        J(Skeleton.LeftKnee, "leftleg"), J(Skeleton.RightKnee, "rightleg"), J(Skeleton.LeftAnkle, "leftfoot"), J(Skeleton.RightAnkle, "rightfoot"),
        J(Skeleton.LeftFoot, "lefttoebase"), J(Skeleton.RightFoot, "righttoebase"),
        J(Skeleton.Spine1, "lowerback"), J(Skeleton.Spine2, "spine"), J(Skeleton.Spine3, "spine1"), J(Skeleton.Neck, "neck"), J(Skeleton.Head, "head"),
        J(Skeleton.LeftCollar, "leftshoulder"), J(Skeleton.RightCollar, "rightshoulder"), J(Skeleton.LeftShoulder, "leftarm"), J(Skeleton.RightShoulder, "rightarm"),
        J(Skeleton.LeftElbow, "leftforearm"), J(Skeleton.RightElbow, "rightforearm"), J(Skeleton.LeftWrist, "lefthand"), J(Skeleton.RightWrist, "righthand")));

    /// <summary>Mixamo ("mixamorig:" prefix) and LAFAN1-style: Hips, Spine, Spine1, Spine2, Neck, Head, LeftShoulder, LeftArm, LeftForeArm, LeftHand, LeftUpLeg, LeftLeg, LeftFoot, LeftToeBase/LeftToe.</summary>
    public static readonly RigNames Mixamo = new("Mixamo", Table(
        J(Skeleton.Pelvis, "hips"), J(Skeleton.LeftHip, "leftupleg"), J(Skeleton.RightHip, "rightupleg"),
        J(Skeleton.LeftKnee, "leftleg"), J(Skeleton.RightKnee, "rightleg"), J(Skeleton.LeftAnkle, "leftfoot"), J(Skeleton.RightAnkle, "rightfoot"),
        J(Skeleton.LeftFoot, "lefttoebase", "lefttoe"), J(Skeleton.RightFoot, "righttoebase", "righttoe"),
        J(Skeleton.Spine1, "spine"), J(Skeleton.Spine2, "spine1"), J(Skeleton.Spine3, "spine2"), J(Skeleton.Neck, "neck"), J(Skeleton.Head, "head"),
        J(Skeleton.LeftCollar, "leftshoulder"), J(Skeleton.RightCollar, "rightshoulder"), J(Skeleton.LeftShoulder, "leftarm"), J(Skeleton.RightShoulder, "rightarm"),
        J(Skeleton.LeftElbow, "leftforearm"), J(Skeleton.RightElbow, "rightforearm"), J(Skeleton.LeftWrist, "lefthand"), J(Skeleton.RightWrist, "righthand")));

    /// <summary>Bandai-Namco-style (and Unity humanoid-like) names: Hips, Spine, Chest, Neck, Head, Shoulder_L, UpperArm_L, LowerArm_L, Hand_L, UpperLeg_L, LowerLeg_L, Foot_L, Toes_L.</summary>
    public static readonly RigNames BandaiNamco = new("Bandai-Namco", Table(
        J(Skeleton.Pelvis, "hips", "hip", "pelvis"), J(Skeleton.LeftHip, "upperlegl", "leftupperleg", "thighl"), J(Skeleton.RightHip, "upperlegr", "rightupperleg", "thighr"),
        J(Skeleton.LeftKnee, "lowerlegl", "leftlowerleg", "calfl"), J(Skeleton.RightKnee, "lowerlegr", "rightlowerleg", "calfr"),
        J(Skeleton.LeftAnkle, "footl", "leftfoot"), J(Skeleton.RightAnkle, "footr", "rightfoot"), J(Skeleton.LeftFoot, "toesl", "lefttoes", "toel"), J(Skeleton.RightFoot, "toesr", "righttoes", "toer"),
        J(Skeleton.Spine1, "spine"), J(Skeleton.Spine2, "chest"), J(Skeleton.Spine3, "upperchest"), J(Skeleton.Neck, "neck"), J(Skeleton.Head, "head"),
        J(Skeleton.LeftCollar, "shoulderl", "leftshoulder", "claviclel"), J(Skeleton.RightCollar, "shoulderr", "rightshoulder", "clavicler"),
        J(Skeleton.LeftShoulder, "upperarml", "leftupperarm"), J(Skeleton.RightShoulder, "upperarmr", "rightupperarm"),
        J(Skeleton.LeftElbow, "lowerarml", "leftlowerarm", "forearml"), J(Skeleton.RightElbow, "lowerarmr", "rightlowerarm", "forearmr"),
        J(Skeleton.LeftWrist, "handl", "lefthand"), J(Skeleton.RightWrist, "handr", "righthand")));

    /// <summary>VRM humanoids (J_Bip_C_Hips, J_Bip_L_UpperLeg, J_Bip_L_LowerArm, …).</summary>
    public static readonly RigNames Vrm = new("VRM", Table(
        J(Skeleton.Pelvis, "jbipchips"), J(Skeleton.LeftHip, "jbiplupperleg"), J(Skeleton.RightHip, "jbiprupperleg"),
        J(Skeleton.LeftKnee, "jbipllowerleg"), J(Skeleton.RightKnee, "jbiprlowerleg"), J(Skeleton.LeftAnkle, "jbiplfoot"), J(Skeleton.RightAnkle, "jbiprfoot"),
        J(Skeleton.LeftFoot, "jbipltoebase"), J(Skeleton.RightFoot, "jbiprtoebase"),
        J(Skeleton.Spine1, "jbipcspine"), J(Skeleton.Spine2, "jbipcchest"), J(Skeleton.Spine3, "jbipcupperchest"), J(Skeleton.Neck, "jbipcneck"), J(Skeleton.Head, "jbipchead"),
        J(Skeleton.LeftCollar, "jbiplshoulder"), J(Skeleton.RightCollar, "jbiprshoulder"), J(Skeleton.LeftShoulder, "jbiplupperarm"), J(Skeleton.RightShoulder, "jbiprupperarm"),
        J(Skeleton.LeftElbow, "jbipllowerarm"), J(Skeleton.RightElbow, "jbiprlowerarm"), J(Skeleton.LeftWrist, "jbiplhand"), J(Skeleton.RightWrist, "jbiprhand")));

    /// <summary>Unreal mannequin and Blender (Rigify/metarig) names: pelvis, spine_01, thigh_l / thigh.L, calf_l / shin.L, upperarm_l / upper_arm.L, …</summary>
    public static readonly RigNames UnrealBlender = new("Unreal/Blender", Table(
        J(Skeleton.Pelvis, "pelvis", "hips", "spine"), J(Skeleton.LeftHip, "thighl"), J(Skeleton.RightHip, "thighr"),
        J(Skeleton.LeftKnee, "calfl", "shinl"), J(Skeleton.RightKnee, "calfr", "shinr"), J(Skeleton.LeftAnkle, "footl"), J(Skeleton.RightAnkle, "footr"),
        J(Skeleton.LeftFoot, "balll", "toel"), J(Skeleton.RightFoot, "ballr", "toer"),
        J(Skeleton.Spine1, "spine01", "spine001"), J(Skeleton.Spine2, "spine02", "spine002"), J(Skeleton.Spine3, "spine03", "spine003"),
        J(Skeleton.Neck, "neck01", "neck", "spine004"), J(Skeleton.Head, "head", "spine006"),
        J(Skeleton.LeftCollar, "claviclel", "shoulderl"), J(Skeleton.RightCollar, "clavicler", "shoulderr"), J(Skeleton.LeftShoulder, "upperarml"), J(Skeleton.RightShoulder, "upperarmr"),
        J(Skeleton.LeftElbow, "lowerarml", "forearml"), J(Skeleton.RightElbow, "lowerarmr", "forearmr"), J(Skeleton.LeftWrist, "handl"), J(Skeleton.RightWrist, "handr")));

    /// <summary>The SMPL names themselves (left_hip …) and the SMPL-X add-on's short form (L_Hip, R_Knee, …).</summary>
    public static readonly RigNames Smpl = new("SMPL", Enumerable.Range(0, Skeleton.JointCount).ToDictionary(j => j, j =>
    {
        string n = Skeleton.Names[j];
        string shortForm = n.StartsWith("left_") ? "l" + n[5..] : n.StartsWith("right_") ? "r" + n[6..] : n;
        return new[] { Normalize(n), Normalize(shortForm) }.Distinct().ToArray();
    }));

    /// <summary>The tables tried, best match wins (ties: the earlier; Mixamo before CMU, which spell most joints alike).</summary>
    public static IReadOnlyList<RigNames> Known { get; } = [Mixamo, Cmu, BandaiNamco, Vrm, UnrealBlender, Smpl];

    /// <summary>
    /// The known rig whose table finds the most of <paramref name="names"/> (any spelling: normalised first),
    /// and for each of the 22 joints the index of its name in <paramref name="names"/> (−1: not found).
    /// </summary>
    public static (RigNames Rig, int[] Map) Match(IReadOnlyList<string> names)
    {
        var normal = names.Select(Normalize).ToArray();
        (RigNames Rig, int[] Map, int Found) best = (Cmu, [], -1);
        foreach (var rig in Known)
        {
            var map = new int[Skeleton.JointCount];
            Array.Fill(map, -1);
            int found = 0;
            for (int j = 0; j < Skeleton.JointCount; j++)
            {
                if (!rig.Joints.TryGetValue(j, out var aliases)) continue;
                foreach (var a in aliases)
                {
                    int at = Array.IndexOf(normal, a);
                    if (at >= 0 && Array.IndexOf(map, at) < 0) { map[j] = at; found++; break; }
                }
            }
            if (found > best.Found) best = (rig, map, found);
        }
        return (best.Rig, best.Map);
    }

    /// <summary>
    /// <see cref="Match"/>, failing with <paramref name="path"/> named when a <see cref="Required"/> joint is missing.
    /// </summary>
    public static (RigNames Rig, int[] Map) MatchRequired(string path, IReadOnlyList<string> names)
    {
        var (rig, map) = Match(names);
        var missing = Required.Where(j => map[j] < 0).ToArray();
        if (missing.Length > 0)
            throw new InvalidFileException(path, $"unknown joint names: no joint for {string.Join(", ", missing.Select(j => Skeleton.Names[j]))} " +
                $"(known rigs: {string.Join(", ", Known.Select(r => r.Rig))}; closest was {rig.Rig}; the file has {string.Join(", ", names.Take(12))}{(names.Count > 12 ? ", …" : "")})");
        return (rig, map);
    }

    /// <summary>Joints every mapping must find: without them there is no body to drive.</summary>
    public static readonly int[] Required =
    [
        Skeleton.Pelvis, Skeleton.LeftHip, Skeleton.RightHip, Skeleton.LeftKnee, Skeleton.RightKnee, Skeleton.LeftAnkle, Skeleton.RightAnkle,
        Skeleton.Head, Skeleton.LeftShoulder, Skeleton.RightShoulder, Skeleton.LeftElbow, Skeleton.RightElbow, Skeleton.LeftWrist, Skeleton.RightWrist,
    ];

    /// <summary>"mixamorig:Left_Arm" → "leftarm"; Blender Rigify's deform bones "DEF-upper_arm.L" → "upperarml".</summary>
    public static string Normalize(string name)
    {
        int colon = name.LastIndexOf(':');
        if (colon >= 0) name = name[(colon + 1)..];
        // Only the deform prefix: a Rigify export may also hold ORG-/MCH- bones of the same names that skin nothing.
        if (name.StartsWith("DEF-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("DEF_", StringComparison.OrdinalIgnoreCase)) name = name[4..];
        return new string(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
    }
}

/// <summary>Options of <see cref="Retargeter.ToClip"/>.</summary>
public sealed record RetargetOptions
{
    /// <summary>Metres per file unit; null guesses from the leg length among m, cm, mm, inches and CMU units (0.056444).</summary>
    public float? MetresPerUnit { get; init; }
    /// <summary>Frame rate of the resulting clip (the source is resampled).</summary>
    public float Fps { get; init; } = 30;
    /// <summary>Drop a first frame that jumps away from the rest of the clip (the T-pose calibration frame some conversions add).</summary>
    public bool DropCalibrationFrame { get; init; } = true;
}

/// <summary>
/// Retargets BVH motion onto the 22-joint skeleton: joints are found by name (<see cref="RigNames"/>), the
/// source is turned so its left points to +X (facing +Z), scaled to metres, and each mapped joint's world
/// rotation is transferred relative to its rest pose with a rest-pose alignment: our rest bone is first turned
/// onto the source's rest bone direction (the source's zero pose may splay the legs or lower the arms), then
/// the source's rotation from its rest is applied. Joints of the source between two mapped ones (CMU's
/// LHipJoint, Neck1) are absorbed; unmapped targets follow their parent. The result is grounded (feet on
/// y = 0), starts at the origin and starts facing +Z.
/// </summary>
public static class Retargeter
{
    static readonly float[] Units = [1f, 0.01f, 0.001f, 0.0254f, 0.056444f];

    public static (RigNames Rig, int[] Map) MapJoints(BvhFile bvh) => RigNames.MatchRequired(bvh.Path, bvh.Joints.Select(j => j.Name).ToArray());

    public static MotionClip ToClip(BvhFile bvh, string name, IReadOnlyList<string> labels, RetargetOptions? options = null)
    {
        options ??= new RetargetOptions();
        var (_, map) = MapJoints(bvh);
        int n = bvh.Joints.Count;
        var restRot = new Quaternion[n];
        var restPos = new Vector3[n];
        bvh.Global(-1, restRot, restPos);

        // Facing: the source's left hip should point to +X.
        var left = restPos[map[Skeleton.LeftHip]] - restPos[map[Skeleton.RightHip]];
        var world = Quaternion.CreateFromAxisAngle(Vector3.UnitY, MathF.Atan2(left.Z, left.X));
        var aligned = restPos.Select(p => Vector3.Transform(p, world)).ToArray();

        // Units from the leg: hip to the lowest point of the rest pose (end sites included).
        float lowest = float.PositiveInfinity;
        for (int j = 0; j < n; j++)
        {
            lowest = MathF.Min(lowest, aligned[j].Y);
            if (bvh.Joints[j].EndSite is { } e) lowest = MathF.Min(lowest, Vector3.Transform(restPos[j] + Vector3.Transform(e, restRot[j]), world).Y);
        }
        float legUnits = aligned[map[Skeleton.Pelvis]].Y - lowest;
        if (!(legUnits > 0)) throw new InvalidFileException(bvh.Path, "the rest pose has no legs below the hips (cannot size the skeleton)");
        float unit = options.MetresPerUnit ?? Units.OrderBy(u => MathF.Abs(MathF.Log(legUnits * u / 0.92f))).First();
        float hipHeight = legUnits * unit;
        var target = Skeleton.CreateHuman(Math.Clamp(Skeleton.ReferenceHeight * hipHeight / Skeleton.Default.HipHeight, 0.3f, 4f));

        var correction = RestCorrections(target, map, aligned);

        int first = options.DropCalibrationFrame && IsCalibrationFrame(bvh) ? 1 : 0;
        int frames = bvh.FrameCount - first;
        if (frames < 1) throw new InvalidFileException(bvh.Path, "no motion frames after the calibration frame");
        var rot = new Quaternion[frames * Skeleton.JointCount];
        var root = new Vector3[frames];
        var g = new Quaternion[n];
        var p = new Vector3[n];
        var tg = new Quaternion[Skeleton.JointCount];
        var worldInv = Quaternion.Inverse(world);
        for (int f = 0; f < frames; f++)
        {
            bvh.Global(f + first, g, p);
            for (int j = 0; j < Skeleton.JointCount; j++)
            {
                int s = map[j];
                int parent = Skeleton.Parents[j];
                tg[j] = s >= 0 ? Quaternion.Normalize(world * g[s] * worldInv * correction[j]) : parent >= 0 ? tg[parent] : Quaternion.Identity;
                rot[f * Skeleton.JointCount + j] = parent < 0 ? tg[j] : Quaternion.Normalize(Quaternion.Inverse(tg[parent]) * tg[j]);
            }
            root[f] = Vector3.Transform(p[map[Skeleton.Pelvis]], world) * unit;
            if (!float.IsFinite(root[f].X + root[f].Y + root[f].Z)) throw new InvalidFileException(bvh.Path, $"frame {f + first + 1}: root position is not finite");
        }
        Ground(target, rot, root);
        var clip = new MotionClip(name, labels, 1f / bvh.FrameTime, rot, root, false, target);
        return MathF.Abs(clip.Fps - options.Fps) > 0.01f ? clip.Resample(options.Fps) : clip;
    }

    /// <summary>
    /// Per target joint, the rotation taking our rest bone onto the source's rest bone (both in the aligned
    /// frame). The pelvis uses two directions (up the spine and across the hips) so its twist is fixed too.
    /// </summary>
    static Quaternion[] RestCorrections(Skeleton target, int[] map, Vector3[] src)
    {
        var c = new Quaternion[Skeleton.JointCount];
        var ours = target.RestPositions;
        for (int j = 0; j < Skeleton.JointCount; j++)
        {
            c[j] = Quaternion.Identity;
            if (map[j] < 0) continue;
            int k = Skeleton.MainChild(j);
            while (k >= 0 && map[k] < 0) k = Skeleton.MainChild(k);
            if (k < 0) continue; // end joints keep their rest orientation
            var a = ours[k] - ours[j];
            var b = src[map[k]] - src[map[j]];
            if (a.LengthSquared() < 1e-10f || b.LengthSquared() < 1e-10f) continue;
            c[j] = PoseRig.FromTo(Vector3.Normalize(a), Vector3.Normalize(b));
        }
        // Pelvis: up = towards the neck (robust even when the first spine joint sits on the hips), across = hips.
        int neck = map[Skeleton.Neck] >= 0 ? Skeleton.Neck : Skeleton.Head;
        var upOurs = ours[neck] - ours[Skeleton.Pelvis];
        var upSrc = src[map[neck]] - src[map[Skeleton.Pelvis]];
        var acrossOurs = ours[Skeleton.LeftHip] - ours[Skeleton.RightHip];
        var acrossSrc = src[map[Skeleton.LeftHip]] - src[map[Skeleton.RightHip]];
        c[Skeleton.Pelvis] = Frame(upSrc, acrossSrc) * Quaternion.Inverse(Frame(upOurs, acrossOurs));
        return c;
    }

    static Quaternion Frame(Vector3 up, Vector3 across)
    {
        var y = Vector3.Normalize(up);
        var x = across - Vector3.Dot(across, y) * y;
        x = Vector3.Normalize(x);
        var z = Vector3.Cross(x, y);
        return Quaternion.Normalize(Quaternion.CreateFromRotationMatrix(new Matrix4x4(x.X, x.Y, x.Z, 0, y.X, y.Y, y.Z, 0, z.X, z.Y, z.Z, 0, 0, 0, 0, 1)));
    }

    /// <summary>True when frame 0 differs from frame 1 far more than consecutive frames differ elsewhere (an added T-pose).</summary>
    static bool IsCalibrationFrame(BvhFile bvh)
    {
        if (bvh.FrameCount < 4) return false;
        float Diff(int a, int b)
        {
            float d = 0;
            for (int c = 0; c < bvh.ChannelCount; c++) d += MathF.Abs(bvh.Values[a * bvh.ChannelCount + c] - bvh.Values[b * bvh.ChannelCount + c]);
            return d;
        }
        var steps = Enumerable.Range(1, Math.Min(60, bvh.FrameCount - 2)).Select(f => Diff(f, f + 1)).OrderBy(x => x).ToArray();
        float median = steps[steps.Length / 2];
        return Diff(0, 1) > 10 * MathF.Max(median, 1e-3f) && Diff(0, 1) > 20;
    }

    /// <summary>Moves the clip so its feet rest on y = 0 (the 5th-percentile lowest toe/ankle over the clip sits at rest height), starts at the origin in XZ and starts facing +Z.</summary>
    static void Ground(Skeleton s, Quaternion[] rot, Vector3[] root)
    {
        var gr = new Quaternion[Skeleton.JointCount];
        var gp = new Vector3[Skeleton.JointCount];
        var lows = new float[root.Length];
        float restToe = s.RestPositions[Skeleton.LeftFoot].Y, restAnkle = s.RestPositions[Skeleton.LeftAnkle].Y;
        for (int f = 0; f < root.Length; f++)
        {
            s.ForwardKinematics(rot.AsSpan(f * Skeleton.JointCount, Skeleton.JointCount), root[f], gr, gp);
            lows[f] = MathF.Min(MathF.Min(gp[Skeleton.LeftFoot].Y, gp[Skeleton.RightFoot].Y) - restToe,
                                MathF.Min(gp[Skeleton.LeftAnkle].Y, gp[Skeleton.RightAnkle].Y) - restAnkle);
        }
        var sorted = (float[])lows.Clone();
        Array.Sort(sorted);
        float floor = sorted[(int)(0.05f * (sorted.Length - 1))];
        // Turn the clip so it starts facing +Z (heading averaged over the first half second, as the pelvis sways).
        int span = Math.Min(root.Length, 60);
        var facing = Vector2.Zero;
        for (int f = 0; f < span; f++)
        {
            var fw = Vector3.Transform(Vector3.UnitZ, rot[f * Skeleton.JointCount]);
            facing += new Vector2(fw.X, fw.Z);
        }
        var turn = Quaternion.CreateFromAxisAngle(Vector3.UnitY, facing.LengthSquared() > 1e-8f ? -MathF.Atan2(facing.X, facing.Y) : 0);
        var start = root[0];
        for (int f = 0; f < root.Length; f++)
        {
            var d = Vector3.Transform(new Vector3(root[f].X - start.X, 0, root[f].Z - start.Z), turn);
            root[f] = new Vector3(d.X, root[f].Y - floor, d.Z);
            rot[f * Skeleton.JointCount] = Quaternion.Normalize(turn * rot[f * Skeleton.JointCount]);
        }
    }
}
