using System.Numerics;
using C3V.Actors;

namespace C3V.Tests.Actors.Humans;

/// <summary>
/// Two-person clips measured on bodies, not only joints: the trunk as an elliptic tube along the spine, the head as a
/// ball, the arms as capsules (sizes of the default 1.75 m avatar: AvatarBuilder's torso keys, head and arm radii).
/// Bodies may touch but not pass through each other.
/// </summary>
public class PairBodyTests
{
    const float HeadRadius = 0.095f, UpperArm = 0.045f, Forearm = 0.034f;
    static readonly int[] Spine = [Skeleton.Pelvis, Skeleton.Spine1, Skeleton.Spine2, Skeleton.Spine3, Skeleton.Neck];
    /// <summary>The trunk's half-width and half-depth at each spine joint (narrowing to the neck), linear in between.</summary>
    static readonly Vector2[] Section = [new(0.155f, 0.105f), new(0.15f, 0.1f), new(0.138f, 0.092f), new(0.155f, 0.105f), new(0.07f, 0.055f)];

    sealed record Body(Vector3[] P, Quaternion[] R)
    {
        public Vector3 HeadCentre => P[Skeleton.Head] + Vector3.Transform(new Vector3(0, 0.085f, 0.012f), R[Skeleton.Head]);

        /// <summary>
        /// How far <paramref name="x"/> lies inside the trunk grown by <paramref name="grow"/> (metres along the depth, negative
        /// outside), and whether it lies on the back side; null when it is above or below every trunk segment.
        /// </summary>
        public (float Depth, bool Behind)? Inside(Vector3 x, float grow = 0)
        {
            (float, bool)? best = null;
            for (int k = 0; k + 1 < Spine.Length; k++)
            {
                var a = P[Spine[k]];
                var axis = P[Spine[k + 1]] - a;
                float u = Vector3.Dot(x - a, axis) / axis.LengthSquared();
                if (u < 0 || u > 1) continue;
                var local = Vector3.Transform(x - a, Quaternion.Inverse(R[Spine[k]]));
                var size = Vector2.Lerp(Section[k], Section[k + 1], u) + new Vector2(grow);
                float ex = local.X / size.X, ez = local.Z / size.Y;
                float depth = (1 - MathF.Sqrt(ex * ex + ez * ez)) * size.Y;
                if (best is null || depth > best.Value.Item1) best = (depth, local.Z < 0);
            }
            return best;
        }

        /// <summary>Points on the trunk's surface: 6 heights on each spine segment, 24 round.</summary>
        public IEnumerable<Vector3> TrunkSurface()
        {
            for (int k = 0; k + 1 < Spine.Length; k++)
                for (int h = 0; h < 6; h++)
                    for (int i = 0; i < 24; i++)
                    {
                        float ang = MathF.Tau * i / 24;
                        float u = (h + 0.5f) / 6;
                        var at = Vector3.Lerp(P[Spine[k]], P[Spine[k + 1]], u);
                        var size = Vector2.Lerp(Section[k], Section[k + 1], u);
                        yield return at + Vector3.Transform(new Vector3(size.X * MathF.Cos(ang), 0, size.Y * MathF.Sin(ang)), R[Spine[k]]);
                    }
        }

        /// <summary>Points along both arms' bones with their radii.</summary>
        public IEnumerable<(Vector3 At, float Radius, string Bone)> Arms()
        {
            foreach (var (from, to, r) in new[] { (Skeleton.LeftShoulder, Skeleton.LeftElbow, UpperArm), (Skeleton.LeftElbow, Skeleton.LeftWrist, Forearm),
                         (Skeleton.RightShoulder, Skeleton.RightElbow, UpperArm), (Skeleton.RightElbow, Skeleton.RightWrist, Forearm) })
                for (int i = 0; i <= 10; i++) yield return (Vector3.Lerp(P[from], P[to], i / 10f), r, Skeleton.Names[from]);
        }
    }

    static Body Posed(Pose pose, Skeleton s, Quaternion turn, Vector3 offset)
    {
        var r = new Quaternion[Skeleton.JointCount];
        var p = new Vector3[Skeleton.JointCount];
        s.ForwardKinematics(pose.Local, pose.Root, r, p);
        return new Body(p.Select(x => Vector3.Transform(x, turn) + offset).ToArray(), r.Select(q => Quaternion.Normalize(turn * q)).ToArray());
    }

    /// <summary>This actor and its partner (PartnerDistance ahead, turned round, playing AsPartner) at <paramref name="t"/>.</summary>
    static (Body Me, Body Partner) Both(MotionClip c, float t)
    {
        var s = c.Skeleton;
        return (Posed(c.Sample(t), s, Quaternion.Identity, Vector3.Zero),
            Posed(c.AsPartner().Sample(t), s, Quaternion.CreateFromAxisAngle(Vector3.UnitY, MathF.PI), new Vector3(0, 0, c.PartnerDistance!.Value)));
    }

    /// <summary>The deepest any part of <paramref name="a"/> (trunk surface, arms, head) goes into <paramref name="b"/>'s trunk or head.</summary>
    static (float Depth, string What) Penetration(Body a, Body b)
    {
        (float, string) worst = (float.NegativeInfinity, "");
        void Keep(float d, string what) { if (d > worst.Item1) worst = (d, what); }
        foreach (var x in a.TrunkSurface())
            if (b.Inside(x) is { } hit) Keep(hit.Depth, "trunk into trunk");
        foreach (var (x, r, bone) in a.Arms())
        {
            if (b.Inside(x, r) is { } hit) Keep(hit.Depth, $"{bone} into trunk");
            Keep(HeadRadius + r - Vector3.Distance(x, b.HeadCentre), $"{bone} into head");
        }
        Keep(2 * HeadRadius - Vector3.Distance(a.HeadCentre, b.HeadCentre), "head into head");
        return worst;
    }

    /// <summary>
    /// The hug, every 0.1 s: no part sinks more than 2 cm into the partner (clothes and flesh give that much, and the
    /// splat surfaces are soft by about a centimetre), yet at the full embrace the chests touch (the trunks come within
    /// 3 cm: a hug at arm's length would pass the first check too) and both hands lie on the partner's back.
    /// </summary>
    [Fact]
    public void The_hug_closes_round_the_partner_without_passing_through()
    {
        var c = ProceduralMotions.Find("hug")!;
        AssertApart(c);
        var (a, b) = Both(c, 2.0f);
        float gap = -a.TrunkSurface().Select(x => b.Inside(x)?.Depth ?? float.NegativeInfinity).Max();
        Assert.True(gap < 0.03f, $"the chests stay {gap:F3} m apart");
        foreach (int w in new[] { Skeleton.LeftWrist, Skeleton.RightWrist })
        {
            var hit = b.Inside(a.P[w], 0.06f);
            Assert.True(hit is { Behind: true, Depth: >= 0 }, $"{Skeleton.Names[w]} is not on the partner's back ({hit})");
        }
    }

    /// <summary>The other pairs keep their bodies apart too (they touch only with the hands, which are not measured here).</summary>
    [Theory]
    [InlineData("handshake")]
    [InlineData("boxing exchange")]
    [InlineData("sword fight")]
    [InlineData("dance together")]
    public void Other_pairs_do_not_pass_through_each_other(string name)
    {
        AssertApart(ProceduralMotions.Find(name)!);
    }

    /// <summary>Every 0.1 s of <paramref name="c"/>, no part of either partner sinks 2 cm or more into the other; lists every moment that does.</summary>
    static void AssertApart(MotionClip c)
    {
        var bad = new List<string>();
        for (float t = 0; t <= c.Duration; t += 0.1f)
        {
            var (me, partner) = Both(c, t);
            var (depth, what) = Penetration(me, partner);
            if (depth >= 0.02f) bad.Add($"t {t:F1}: {what} {depth:F3} m");
        }
        Assert.True(bad.Count == 0, $"{c.Name}: " + string.Join("; ", bad));
    }
}
