using System.Numerics;
using C3V.Actors;
using C3V.Compose;
using C3V.Render;
using C3V.Splats;

namespace C3V.Tests.Compose;

/// <summary>Small actors and clips made here so the compose tests need nothing else: a stick figure of Gaussians and a walk that plants its feet.</summary>
internal static class TestActors
{
    /// <summary>Gaussians along every bone (following the bone's parent joint), a head and toes.</summary>
    public static SkinnedCloud StickFigure(Skeleton skeleton, int perBone = 5, float radius = 0.05f)
    {
        var pts = new List<(Vector3 P, int Bone, float R)>();
        var rest = skeleton.RestPositions;
        for (int j = 1; j < Skeleton.JointCount; j++)
        {
            int p = Skeleton.Parents[j];
            for (int k = 0; k < perBone; k++)
                pts.Add((Vector3.Lerp(rest[p], rest[j], (k + 0.5f) / perBone), p, radius));
        }
        pts.Add((rest[Skeleton.Head] + new Vector3(0, 0.08f, 0), Skeleton.Head, 0.09f));
        pts.Add((rest[Skeleton.LeftFoot] + new Vector3(0, 0, 0.06f), Skeleton.LeftFoot, 0.04f));
        pts.Add((rest[Skeleton.RightFoot] + new Vector3(0, 0, 0.06f), Skeleton.RightFoot, 0.04f));
        var cloud = new GaussianCloud(pts.Count);
        var bones = new int[SkinnedCloud.MaxInfluences][];
        var weights = new float[SkinnedCloud.MaxInfluences][];
        for (int k = 0; k < SkinnedCloud.MaxInfluences; k++) { bones[k] = new int[pts.Count]; weights[k] = new float[pts.Count]; }
        for (int i = 0; i < pts.Count; i++)
        {
            cloud.SetPosition(i, pts[i].P);
            float l = MathF.Log(pts[i].R);
            cloud.SetLogScale(i, new Vector3(l, l, l));
            cloud.Opacity[i] = 3f;
            cloud.SetColor(i, new Vector3(0.8f, 0.3f, 0.2f));
            bones[0][i] = pts[i].Bone;
            weights[0][i] = 1;
        }
        return new SkinnedCloud(cloud, skeleton, bones, weights);
    }

    /// <summary>
    /// A looping walk at <paramref name="speed"/> m/s, period 1 s: each hip sweeps the planted foot straight back
    /// under a pelvis that bobs to keep the foot on the floor, then swings it forward with a bent knee.
    /// </summary>
    public static MotionClip Walk(Skeleton skeleton, float speed = 1.3f)
    {
        var rest = skeleton.RestPositions;
        float leg = rest[Skeleton.LeftHip].Y - rest[Skeleton.LeftAnkle].Y;
        float phi = MathF.Asin(Math.Clamp(speed * 0.5f / (2 * leg), 0, 0.9f));
        float hip = rest[Skeleton.Pelvis].Y;
        return MotionClip.FromFunction("walk", ["walk"], 30, 1f, true, skeleton, t =>
        {
            var q = new Quaternion[Skeleton.JointCount];
            Array.Fill(q, Quaternion.Identity);
            foreach (var (h, k, phase) in new[] { (Skeleton.LeftHip, Skeleton.LeftKnee, 0f), (Skeleton.RightHip, Skeleton.RightKnee, 0.5f) })
            {
                float u = (t + phase) % 1f;
                float theta, knee = 0;
                if (u < 0.5f) { theta = -phi + 2 * phi * (u / 0.5f); }
                else { float w = (u - 0.5f) / 0.5f; theta = phi - 2 * phi * w; knee = 1.0f * MathF.Sin(MathF.PI * w); }
                q[h] = Quaternion.CreateFromAxisAngle(Vector3.UnitX, theta);
                q[k] = Quaternion.CreateFromAxisAngle(Vector3.UnitX, knee);
            }
            // the planted leg is straight: the pelvis sits at its height
            float plantedDrop = 0;
            foreach (float phase in new[] { 0f, 0.5f })
            {
                float u = (t + phase) % 1f;
                if (u < 0.5f) plantedDrop = leg * (1 - MathF.Cos(-phi + 2 * phi * (u / 0.5f)));
            }
            return new Pose(q, new Vector3(rest[Skeleton.Pelvis].X, hip - plantedDrop, rest[Skeleton.Pelvis].Z + speed * t));
        });
    }

    /// <summary>A column of round Gaussians on the vertical axis (looks the same from every yaw), all following the pelvis.</summary>
    public static SkinnedCloud Column(Skeleton skeleton, int count = 12, float radius = 0.12f)
    {
        var cloud = new GaussianCloud(count);
        float l = MathF.Log(radius);
        for (int i = 0; i < count; i++)
        {
            cloud.SetPosition(i, new Vector3(0, skeleton.Height * (i + 0.5f) / count, 0));
            cloud.SetLogScale(i, new Vector3(l, l, l));
            cloud.Opacity[i] = 2f;
            cloud.SetColor(i, new Vector3(0.2f, 0.5f, 0.8f));
        }
        return SkinnedCloud.Rigid(cloud, skeleton, Skeleton.Pelvis);
    }

    /// <summary>One frame of the rest pose: an actor standing still.</summary>
    public static MotionClip Stand(Skeleton skeleton) =>
        MotionClip.FromFunction("stand", ["stand"], 30, 0f, false, skeleton, _ => Pose.Rest(skeleton));

    public static ComposedActor Walker(string id = "walker", float height = 1.75f) =>
        new(id, StickFigure(Skeleton.CreateHuman(height)), Walk(Skeleton.CreateHuman(height)));

    /// <summary>A camera 6 m back from the origin, 1.6 m up, looking at (0, 0.9, 2).</summary>
    public static Camera Camera(int width = 96, int height = 72) =>
        C3V.Render.Camera.LookAt(new Vector3(0, 1.6f, -6), new Vector3(0, 0.9f, 2), Vector3.UnitY, 0.8f, width, height);

    /// <summary>The box around where a rendered actor's alpha exceeds ½ (what a perfect director would draw).</summary>
    public static C3V.Direct.PixelBox AlphaBox(ComposedActor actor, ActorFrame frame, Camera camera)
    {
        var r = new GaussianRasterizer(1).Render([actor.Instance(frame)], camera, new RenderOptions { ShDegree = 0 });
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (int y = 0; y < r.Height; y++)
            for (int x = 0; x < r.Width; x++)
                if (r.Alpha[y * r.Width + x] > 0.5f) { x0 = Math.Min(x0, x); y0 = Math.Min(y0, y); x1 = Math.Max(x1, x); y1 = Math.Max(y1, y); }
        if (x1 < 0) throw new InvalidOperationException("actor not visible");
        return new C3V.Direct.PixelBox(x0, y0, x1 + 1, y1 + 1);
    }
}
