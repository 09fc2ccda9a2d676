using System.Numerics;
using C3V.Render;
using C3V.Splats;

namespace C3V.Actors.Looks;

/// <summary>A body region of a humanoid, found from the skinning (the bone that moves a Gaussian most), not from the garments.</summary>
public enum LookRegion { Head, Face, HeadBack, Torso, Back, Arms, Hands, Legs, Shins, Feet }

/// <summary>From where a probe render looks at the actor (it faces +Z).</summary>
public enum LookView { Front, Back, Side }

/// <summary>
/// Renders an avatar with the real rasterizer in a relaxed standing pose and finds, per pixel, which body region or
/// prop it shows. Regions come from the skin weights and the rest shape (the chest is what the spine bones move, the
/// crown is the top of what the head bone moves…), props from the parts' tags: so a check of "the torso is yellow"
/// reads the colour of the pixels where the chest is seen, whatever the garment code did.
/// </summary>
/// <remarks>
/// Label maps are rendered by the same rasterizer with every Gaussian recoloured: one render holds three labels (one per
/// channel, 1 for the label's Gaussians and 0 for all others), so a pixel belongs to a label when that channel is
/// nearly 1 — the label's splats are in front there and cover it.
/// </remarks>
public sealed class LookProbe
{
    readonly GaussianRasterizer _rasterizer = new(maxThreads: 1);
    readonly Avatar _avatar;
    readonly GaussianCloud _posed;
    readonly LookRegion?[] _region;
    readonly Dictionary<LookView, (Camera Camera, RenderResult Render)> _views = [];

    public int Size { get; }
    /// <summary>World positions of the joints in the probe pose.</summary>
    public Vector3[] Joints { get; }
    public Avatar Avatar => _avatar;

    public LookProbe(Avatar avatar, int size = 192)
    {
        if (size < 32) throw new ArgumentOutOfRangeException(nameof(size), "probe images need at least 32 pixels");
        _avatar = avatar;
        Size = size;
        var rig = new PoseRig(avatar.Skeleton);
        rig.ArmsDown();
        _posed = avatar.Cloud.Pose(rig.ToPose());
        Joints = avatar.Cloud.PosedJoints.ToArray();
        _region = Regions(avatar);
    }

    /// <summary>The colour render from <paramref name="view"/> (sky-grey background).</summary>
    public RenderResult Render(LookView view) => View(view).Render;

    public Camera Camera(LookView view) => View(view).Camera;

    (Camera Camera, RenderResult Render) View(LookView view)
    {
        if (_views.TryGetValue(view, out var v)) return v;
        float h = _avatar.Skeleton.Height;
        // Room above the head for an umbrella or a tall hat, and at the sides for a sword or a cane.
        var target = new Vector3(0, h * 0.55f, 0);
        float distance = h * 1.35f / (2 * MathF.Tan(0.25f)) + 0.3f;
        var dir = view switch { LookView.Front => Vector3.UnitZ, LookView.Back => -Vector3.UnitZ, _ => Vector3.UnitX };
        var cam = C3V.Render.Camera.LookAt(target + dir * distance + new Vector3(0, h * 0.05f, 0), target, Vector3.UnitY, 0.5f, Size, Size);
        var result = _rasterizer.Render([new CloudInstance(_posed)], cam, new RenderOptions { Background = new Vector3(0.5f, 0.52f, 0.55f) });
        return _views[view] = (cam, result);
    }

    /// <summary>Per pixel, whether the Gaussians selected by <paramref name="select"/> are what is seen there.</summary>
    public bool[][] Masks(LookView view, IReadOnlyList<Func<int, bool>> selects)
    {
        var cam = View(view).Camera;
        var masks = new bool[selects.Count][];
        var coded = _posed.Clone();
        for (int first = 0; first < selects.Count; first += 3)
        {
            for (int i = 0; i < coded.Count; i++)
            {
                var c = Vector3.Zero;
                for (int ch = 0; ch < 3 && first + ch < selects.Count; ch++)
                    if (selects[first + ch](i)) c[ch] = 1;
                coded.SetColor(i, c);
            }
            var r = _rasterizer.Render([new CloudInstance(coded)], cam, new RenderOptions { Background = Vector3.Zero });
            for (int ch = 0; ch < 3 && first + ch < selects.Count; ch++)
            {
                var m = masks[first + ch] = new bool[Size * Size];
                for (int p = 0; p < m.Length; p++) m[p] = r.Color[p * 3 + ch] > 0.85f;
            }
        }
        return masks;
    }

    /// <summary>Selects the Gaussians of a body region (props excluded).</summary>
    public Func<int, bool> Region(LookRegion region) => i => _region[i] == region && _avatar.PartTags.ElementAtOrDefault(i) is null;

    /// <summary>Selects the Gaussians of the prop tagged <paramref name="tag"/>.</summary>
    public Func<int, bool> Prop(string tag) => i => _avatar.PartTags.ElementAtOrDefault(i) == tag;

    /// <summary>Selects every Gaussian of the actor.</summary>
    public static Func<int, bool> All => _ => true;

    /// <summary>The view a region is judged from (the back of the head and the back from behind, the rest from the front).</summary>
    public static LookView ViewOf(LookRegion region) => region is LookRegion.HeadBack or LookRegion.Back ? LookView.Back : LookView.Front;

    /// <summary>
    /// Region of every Gaussian: the joint with the largest skin weight names the limb segment; the head is split by
    /// the rest shape into the crown (top 7 cm) and the back of the head; the chest is seen from the front as the
    /// torso and from behind as the back.
    /// </summary>
    static LookRegion?[] Regions(Avatar avatar)
    {
        var cloud = avatar.Cloud;
        var rest = cloud.Rest;
        var joints = avatar.Skeleton.RestPositions;
        float k = avatar.Skeleton.Height / Skeleton.ReferenceHeight;
        var dominant = new int[cloud.Count];
        float headTop = float.NegativeInfinity;
        for (int i = 0; i < cloud.Count; i++)
        {
            int best = cloud.Bones[0][i]; float bw = cloud.Weights[0][i];
            for (int q = 1; q < SkinnedCloud.MaxInfluences; q++)
                if (cloud.Weights[q][i] > bw) { bw = cloud.Weights[q][i]; best = cloud.Bones[q][i]; }
            dominant[i] = best;
            if (best == Skeleton.Head && avatar.PartTags.ElementAtOrDefault(i) is null) headTop = MathF.Max(headTop, rest.GetPosition(i).Y);
        }
        var regions = new LookRegion?[cloud.Count];
        var head = joints[Skeleton.Head];
        for (int i = 0; i < cloud.Count; i++)
        {
            var p = rest.GetPosition(i);
            regions[i] = dominant[i] switch
            {
                Skeleton.Head when p.Y > headTop - 0.07f * k => LookRegion.Head,
                Skeleton.Head when p.Z < head.Z - 0.03f * k && p.Y > head.Y => LookRegion.HeadBack,
                Skeleton.Head => LookRegion.Face,
                Skeleton.Spine2 or Skeleton.Spine3 => p.Z >= joints[Skeleton.Spine3].Z ? LookRegion.Torso : LookRegion.Back,
                Skeleton.LeftShoulder or Skeleton.RightShoulder => LookRegion.Arms,
                Skeleton.LeftWrist or Skeleton.RightWrist => LookRegion.Hands,
                Skeleton.LeftHip or Skeleton.RightHip => LookRegion.Legs,
                Skeleton.LeftKnee or Skeleton.RightKnee => LookRegion.Shins,
                Skeleton.LeftAnkle or Skeleton.RightAnkle or Skeleton.LeftFoot or Skeleton.RightFoot => LookRegion.Feet,
                _ => null,
            };
        }
        return regions;
    }
}
