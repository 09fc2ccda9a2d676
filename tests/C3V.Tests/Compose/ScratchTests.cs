using System.Numerics;
using C3V.Render;
using C3V.Splats;

namespace C3V.Tests.Compose;

public class ScratchTests
{
    [Fact]
    public void Transform_gradient_scratch()
    {
        var skel = C3V.Actors.Skeleton.CreateHuman();
        var cloud = TestActors.Column(skel).Rest;
        var cam = TestActors.Camera();
        var rng = new Random(1);
        var wts = Enumerable.Range(0, cam.Width * cam.Height).Select(_ => (float)rng.NextDouble()).ToArray();
        var r = new GaussianRasterizer(1);
        double L(RigidTransform t)
        {
            var res = r.Render([new CloudInstance(cloud, t)], cam, new RenderOptions { ShDegree = 0 });
            double s = 0; for (int i = 0; i < wts.Length; i++) s += wts[i] * res.Alpha[i]; return s;
        }
        var t0 = RigidTransform.FromYaw(0.3f, new Vector3(0.2f, 0, 2.3f), 1.02f);
        var res0 = r.Render([new CloudInstance(cloud, t0)], cam, new RenderOptions { ShDegree = 0 });
        var g = r.Backward(res0, null, wts).Transforms[0];
        float h = 1e-3f;
        for (int c = 0; c < 3; c++)
        {
            var d = Vector3.Zero; d[c] = h;
            double fd = (L(t0 with { Translation = t0.Translation + d }) - L(t0 with { Translation = t0.Translation - d })) / (2 * h);
            Console.Error.WriteLine($"T{c}: analytic {g.Translation[c]} fd {fd}");
        }
        double fds = (L(t0 with { Scale = t0.Scale + h }) - L(t0 with { Scale = t0.Scale - h })) / (2 * h);
        Console.Error.WriteLine($"S: analytic {g.Scale} fd {fds}");
    }
}
