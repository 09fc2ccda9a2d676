using System.Numerics;
using C3V.Common;
using C3V.Compose;
using C3V.Models.Diffusion;
using C3V.Output;
using C3V.Render;
using C3V.Tests.Compose;

namespace C3V.Tests.Models;

public sealed class SdsTests : IDisposable
{
    const int Res = 64, H = Res / 8, D = 8;
    const float LatentScale = 0.18215f;
    readonly string _dir = Directory.CreateTempSubdirectory("c3v-sds").FullName;
    static readonly Camera Cam = Camera.LookAt(new Vector3(0, 1.2f, -4), new Vector3(0, 0.9f, 0), Vector3.UnitY, 0.8f, Res, Res);
    static readonly float[,] VaeWeight = { { 0.5f, 0.3f, 0.1f }, { -0.2f, 0.6f, 0.2f }, { 0.1f, -0.1f, 0.7f }, { 0.3f, 0.3f, 0.3f } };

    public void Dispose() => Directory.Delete(_dir, true);

    static float[] AlphaBar()
    {
        var ab = new float[1000];
        double p = 1;
        for (int t = 0; t < 1000; t++)
        {
            double b = Math.Pow(Math.Sqrt(0.00085) + (Math.Sqrt(0.012) - Math.Sqrt(0.00085)) * t / 999.0, 2);
            p *= 1 - b;
            ab[t] = (float)p;
        }
        return ab;
    }

    /// <summary>What the tiny VAE computes: 8×8 average of the image in [−1, 1], then a 1×1 convolution.</summary>
    static float[] Latent(Image img)
    {
        var z = new float[4 * H * H];
        for (int cy = 0; cy < H; cy++)
            for (int cx = 0; cx < H; cx++)
            {
                var mean = new float[3];
                for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) for (int c = 0; c < 3; c++) mean[c] += (2 * img.Rgb[((cy * 8 + y) * Res + cx * 8 + x) * 3 + c] - 1) / 64f;
                for (int l = 0; l < 4; l++) for (int c = 0; c < 3; c++) z[l * H * H + cy * H + cx] += VaeWeight[l, c] * mean[c];
            }
        return z;
    }

    /// <summary>
    /// Writes a diffusers-style ONNX folder whose UNet is the ideal denoiser for a single clean latent: it
    /// predicts ε̂ = (z_t − √ᾱ_t·T·c)/√(1 − ᾱ_t), c the mean of the text states (1 here), so SDS pulls z to T.
    /// </summary>
    void WriteModels(float[] target)
    {
        foreach (var d in new[] { "text_encoder", "unet", "vae_encoder", "tokenizer" }) Directory.CreateDirectory(Path.Combine(_dir, d));
        File.WriteAllText(Path.Combine(_dir, "tokenizer/vocab.json"),
            """{"<|startoftext|>":0,"<|endoftext|>":1,"a</w>":2,"r":3,"e":4,"d</w>":5,"re":6,"red</w>":7,"b":8,"o":9,"x</w>":10}""");
        File.WriteAllText(Path.Combine(_dir, "tokenizer/merges.txt"), "#version: 0.2\nr e\nre d</w>\n");
        var table = Enumerable.Repeat(1f, 11 * D).ToArray();
        File.WriteAllBytes(Path.Combine(_dir, "text_encoder/model.onnx"), new TinyOnnx()
            .Input("input_ids", TinyOnnx.Int32, 1, 77)
            .Initializer("table", [11, D], table)
            .Node("Gather", ["table", "input_ids"], ["last_hidden_state"])
            .Output("last_hidden_state", TinyOnnx.Float, 1, 77, D).Build());
        var w = new float[12];
        for (int l = 0; l < 4; l++) for (int c = 0; c < 3; c++) w[l * 3 + c] = VaeWeight[l, c];
        File.WriteAllBytes(Path.Combine(_dir, "vae_encoder/model.onnx"), new TinyOnnx()
            .Input("sample", TinyOnnx.Float, 1, 3, Res, Res)
            .Initializer("w", [4, 3, 1, 1], w)
            .Node("AveragePool", ["sample"], ["pooled"], ("kernel_shape", [8, 8]), ("strides", [8, 8]))
            .Node("Conv", ["pooled", "w"], ["latent_sample"], ("kernel_shape", [1, 1]))
            .Output("latent_sample", TinyOnnx.Float, 1, 4, H, H).Build());
        var ab = AlphaBar();
        File.WriteAllBytes(Path.Combine(_dir, "unet/model.onnx"), new TinyOnnx()
            .Input("sample", TinyOnnx.Float, "batch", 4, H, H)
            .Input("timestep", TinyOnnx.Int64, 1)
            .Input("encoder_hidden_states", TinyOnnx.Float, "batch", 77, D)
            .Initializer("sqrt_ab", [1000], ab.Select(MathF.Sqrt).ToArray())
            .Initializer("sqrt_1mab", [1000], ab.Select(a => MathF.Sqrt(1 - a)).ToArray())
            .Initializer("target", [1, 4, H, H], target)
            .Initializer("shape", [4], new long[] { -1, 1, 1, 1 })
            .Node("Gather", ["sqrt_ab", "timestep"], ["a"])
            .Node("Gather", ["sqrt_1mab", "timestep"], ["b"])
            .Node("ReduceMean", ["encoder_hidden_states"], ["c3"], ("axes", [1, 2]), ("keepdims", [1]))
            .Node("Reshape", ["c3", "shape"], ["c"])
            .Node("Mul", ["c", "target"], ["ct"])
            .Node("Mul", ["a", "ct"], ["act"])
            .Node("Sub", ["sample", "act"], ["d"])
            .Node("Div", ["d", "b"], ["out_sample"])
            .Output("out_sample", TinyOnnx.Float, "batch", 4, H, H).Build());
    }

    [Fact]
    public void Clip_tokenizer_merges_by_rank_and_pads_with_the_end_token()
    {
        WriteModels(new float[4 * H * H]);
        var t = new ClipTokenizer(Path.Combine(_dir, "tokenizer/vocab.json"), Path.Combine(_dir, "tokenizer/merges.txt"));
        var ids = t.Encode("  A   red box");
        Assert.Equal(new[] { 0, 2, 7, 8, 9, 10, 1, 1 }, ids[..8]);
        Assert.Equal(77, ids.Length);
        Assert.All(ids[6..], id => Assert.Equal(1, id));
        Assert.Equal(77, t.Encode(string.Concat(Enumerable.Repeat("red ", 200))).Length);
    }

    [Fact]
    public void Missing_or_broken_model_files_are_named()
    {
        var e = Assert.Throws<InvalidFileException>(() => new StableDiffusionSds(_dir, "a red box", new SdsOptions { Resolution = Res }));
        Assert.Contains("vocab.json", e.Message);
        WriteModels(new float[4 * H * H]);
        File.WriteAllText(Path.Combine(_dir, "unet/model.onnx"), "not a model");
        var e2 = Assert.Throws<InvalidFileException>(() => new StableDiffusionSds(_dir, "a red box", new SdsOptions { Resolution = Res }));
        Assert.Contains("unet", e2.Message);
        Assert.Throws<C3VException>(() => new StableDiffusionSds(_dir, "x", new SdsOptions { Resolution = 60 }));
    }

    [Fact]
    public void Sds_moves_an_actor_toward_the_image_the_denoiser_knows()
    {
        var skel = C3V.Actors.Skeleton.CreateHuman();
        var actor = new ComposedActor("box", TestActors.Column(skel), TestActors.Stand(skel));
        var target = new ActorFrame(new Vector3(0.35f, 0, 0), 0, 1.04f, 0);
        var targetImage = new GaussianRasterizer(1).Render([actor.Instance(target)], Cam, new RenderOptions()).ToImage();
        var latent = Latent(targetImage);
        for (int i = 0; i < latent.Length; i++) latent[i] *= LatentScale;
        WriteModels(latent);

        using var sds = new StableDiffusionSds(_dir, "a red box", new SdsOptions { Resolution = Res, GuidanceScale = 7.5f, MinStep = 50, MaxStep = 950 });
        Assert.True(sds.EncoderFitR2 > 0.999f, $"the tiny VAE is linear: R² {sds.EncoderFitR2}");
        var scene = new ComposeScene(Cam, 0f, 4f, 1f, 10);
        var start = new ActorLayout("box", [Vector3.Zero], 1f);
        var options = new RefineOptions
        {
            Resolution = Res, Iterations = 40, OffsetTau = 1f, LearningRate = 0.1f, Prior = sds,
            BoxWeight = 0, GroundWeight = 0, PenetrationWeight = 0, InFrameWeight = 0, SmoothnessWeight = 0,
        };
        var result = Refiner.Refine(scene, [new RefineActor(actor, start, [])], options);
        var moved = result.Layouts[0].Waypoints[0];
        Assert.True(MathF.Abs(moved.X - 0.35f) < 0.12f, $"x went to {moved.X} (target 0.35, start 0)");
        var report = result.Reports[0];
        Assert.Equal("prior", report.Terms[^1].Name);
        Assert.True(report.Term("prior").Final < report.Term("prior").Initial, $"prior {report.Term("prior").Initial} → {report.Term("prior").Final}");
    }
}
