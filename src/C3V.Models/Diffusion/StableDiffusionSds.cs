using C3V.Common;
using C3V.Compose;
using C3V.Output;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace C3V.Models.Diffusion;

/// <summary>How the SDS gradient is weighted over timesteps.</summary>
public enum SdsWeighting
{
    /// <summary>w(t) = 1 − ᾱ_t (DreamFusion).</summary>
    OneMinusAlphaBar,
    /// <summary>w(t) = 1.</summary>
    Uniform,
}

/// <summary>Options of <see cref="StableDiffusionSds"/>.</summary>
public sealed record SdsOptions
{
    /// <summary>Image side the renders are made at (512 for Stable Diffusion 1.x); latents are 8× smaller.</summary>
    public int Resolution { get; init; } = 512;
    /// <summary>Timesteps are drawn uniformly from [MinStep, MaxStep] of the 1000-step schedule (DreamFusion: 20..980).</summary>
    public int MinStep { get; init; } = 20;
    public int MaxStep { get; init; } = 980;
    /// <summary>Classifier-free guidance scale (score distillation uses large ones: DreamFusion 100).</summary>
    public float GuidanceScale { get; init; } = 100f;
    public SdsWeighting Weighting { get; init; } = SdsWeighting.OneMinusAlphaBar;
    /// <summary>Latent scaling factor of the VAE (0.18215 for Stable Diffusion 1.x).</summary>
    public float LatentScale { get; init; } = 0.18215f;
    /// <summary>Scaled-linear β schedule of Stable Diffusion 1.x.</summary>
    public float BetaStart { get; init; } = 0.00085f;
    public float BetaEnd { get; init; } = 0.012f;
}

/// <summary>
/// Score distillation sampling (Poole et al. 2022, DreamFusion) with a Stable Diffusion model in ONNX form,
/// laid out as the diffusers ONNX export: <c>text_encoder/model.onnx</c>, <c>unet/model.onnx</c>,
/// <c>vae_encoder/model.onnx</c>, <c>tokenizer/vocab.json</c> + <c>merges.txt</c>. Per call: encode the
/// rendered image to latents z, draw t and ε, noise z_t = √ᾱ_t·z + √(1−ᾱ_t)·ε, predict ε̂ with
/// classifier-free guidance, and take the SDS gradient g = w(t)·(ε̂ − ε) on z.
/// </summary>
/// <remarks>
/// OnnxRuntime gives no gradients, so g is carried back to pixels through a linear model of the VAE
/// encoder — latent ≈ A·(8×8-average of the image in [−1, 1]) + b, fitted by least squares on the
/// encoder's own outputs for a set of flat colour images when the prior is created (SD's latents are
/// close to linear in local colour; the fit's R² is reported). The encoder itself still makes z exactly.
/// </remarks>
public sealed class StableDiffusionSds : IImagePrior, IDisposable
{
    readonly InferenceSession _text, _unet, _vae;
    readonly SdsOptions _o;
    readonly float[] _alphaBar = new float[1000];
    readonly DenseTensor<float> _cond, _uncond;
    readonly float[,] _a = new float[4, 3];   // latent (unscaled) per unit of [−1,1] colour
    readonly string _unetSample, _unetTime, _unetText;
    readonly bool _timeIsInt;

    public string Name => "sds";
    public int Resolution => _o.Resolution;
    public bool Stochastic => true;
    /// <summary>R² of the linear encoder model on its fitting set.</summary>
    public float EncoderFitR2 { get; }

    public StableDiffusionSds(string modelDir, string prompt, SdsOptions? options = null, string negativePrompt = "")
    {
        _o = options ?? new SdsOptions();
        if (_o.Resolution % 8 != 0 || _o.Resolution < 8) throw new C3VException($"SDS resolution {_o.Resolution}: must be a positive multiple of 8");
        if (_o.MinStep < 0 || _o.MaxStep > 999 || _o.MinStep > _o.MaxStep) throw new C3VException($"SDS timestep range {_o.MinStep}..{_o.MaxStep}: expected 0 ≤ min ≤ max ≤ 999");
        string Need(string rel) => File.Exists(Path.Combine(modelDir, rel)) ? Path.Combine(modelDir, rel)
            : throw new InvalidFileException(Path.Combine(modelDir, rel), "file not found (expected a diffusers ONNX export: text_encoder/, unet/, vae_encoder/, tokenizer/)");
        var tokenizer = new ClipTokenizer(Need("tokenizer/vocab.json"), Need("tokenizer/merges.txt"));
        _text = Open(Need("text_encoder/model.onnx"));
        _unet = Open(Need("unet/model.onnx"));
        _vae = Open(Need("vae_encoder/model.onnx"));

        var inputs = _unet.InputMetadata;
        _unetSample = inputs.Keys.FirstOrDefault(k => k == "sample") ?? throw new InvalidFileException(Need("unet/model.onnx"), "no 'sample' input");
        _unetTime = inputs.Keys.FirstOrDefault(k => k == "timestep") ?? throw new InvalidFileException(Need("unet/model.onnx"), "no 'timestep' input");
        _unetText = inputs.Keys.FirstOrDefault(k => k == "encoder_hidden_states") ?? throw new InvalidFileException(Need("unet/model.onnx"), "no 'encoder_hidden_states' input");
        _timeIsInt = inputs[_unetTime].ElementType == typeof(long);

        double ab = 1;
        for (int t = 0; t < 1000; t++)
        {
            double sb = Math.Sqrt(_o.BetaStart) + (Math.Sqrt(_o.BetaEnd) - Math.Sqrt(_o.BetaStart)) * t / 999.0;
            ab *= 1 - sb * sb;
            _alphaBar[t] = (float)ab;
        }
        _cond = Embed(tokenizer.Encode(prompt));
        _uncond = Embed(tokenizer.Encode(negativePrompt));
        EncoderFitR2 = FitEncoder();
    }

    static InferenceSession Open(string path)
    {
        try { return new InferenceSession(path, new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL }); }
        catch (OnnxRuntimeException e) { throw new InvalidFileException(path, $"not a model OnnxRuntime can load ({e.Message})"); }
    }

    DenseTensor<float> Embed(int[] ids)
    {
        var meta = _text.InputMetadata.First();
        NamedOnnxValue input = meta.Value.ElementType == typeof(long)
            ? NamedOnnxValue.CreateFromTensor(meta.Key, new DenseTensor<long>(ids.Select(i => (long)i).ToArray(), [1, ids.Length]))
            : NamedOnnxValue.CreateFromTensor(meta.Key, new DenseTensor<int>(ids, [1, ids.Length]));
        using var r = _text.Run([input]);
        var t = r.First().AsTensor<float>();
        return new DenseTensor<float>(t.ToArray(), t.Dimensions.ToArray());
    }

    /// <summary>Unscaled latents of an image (RGB 0..1) through the VAE encoder: [4, h, w].</summary>
    float[] Encode(Image image)
    {
        int s = _o.Resolution;
        var x = new DenseTensor<float>([1, 3, s, s]);
        for (int y = 0; y < s; y++)
            for (int xx = 0; xx < s; xx++)
                for (int c = 0; c < 3; c++) x[0, c, y, xx] = 2 * image.Rgb[(y * s + xx) * 3 + c] - 1;
        using var r = _vae.Run([NamedOnnxValue.CreateFromTensor(_vae.InputMetadata.Keys.First(), x)]);
        return r.First().AsTensor<float>().ToArray();
    }

    /// <summary>Least-squares fit latent_c ≈ Σ_k A[c,k]·colour_k + b_c over flat images; returns the mean R².</summary>
    float FitEncoder()
    {
        int s = _o.Resolution, h = s / 8;
        var rng = new Random(12345);
        const int n = 12;
        var X = new double[n, 4];
        var Y = new double[n, 4];
        for (int i = 0; i < n; i++)
        {
            var col = new float[3];
            for (int c = 0; c < 3; c++) col[c] = (float)rng.NextDouble();
            var img = new Image(s, s);
            for (int p = 0; p < s * s; p++) for (int c = 0; c < 3; c++) img.Rgb[p * 3 + c] = col[c];
            var z = Encode(img);
            for (int c = 0; c < 3; c++) X[i, c] = 2 * col[c] - 1;
            X[i, 3] = 1;
            for (int c = 0; c < 4; c++) { double m = 0; for (int p = 0; p < h * h; p++) m += z[c * h * h + p]; Y[i, c] = m / (h * h); }
        }
        // normal equations (4×4) per latent channel
        var xtx = new double[4, 4];
        for (int i = 0; i < n; i++) for (int a = 0; a < 4; a++) for (int b = 0; b < 4; b++) xtx[a, b] += X[i, a] * X[i, b];
        double r2 = 0;
        for (int c = 0; c < 4; c++)
        {
            var xty = new double[4];
            for (int i = 0; i < n; i++) for (int a = 0; a < 4; a++) xty[a] += X[i, a] * Y[i, c];
            var coef = Solve4((double[,])xtx.Clone(), xty);
            for (int k = 0; k < 3; k++) _a[c, k] = (float)coef[k];
            double mean = 0, ssr = 0, sst = 0;
            for (int i = 0; i < n; i++) mean += Y[i, c] / n;
            for (int i = 0; i < n; i++)
            {
                double pred = coef[3]; for (int k = 0; k < 3; k++) pred += coef[k] * X[i, k];
                ssr += (Y[i, c] - pred) * (Y[i, c] - pred); sst += (Y[i, c] - mean) * (Y[i, c] - mean);
            }
            r2 += (sst > 1e-12 ? 1 - ssr / sst : 1) / 4;
        }
        return (float)r2;
    }

    static double[] Solve4(double[,] m, double[] v)
    {
        for (int d = 0; d < 4; d++) m[d, d] += 1e-9; // keep it invertible
        for (int col = 0; col < 4; col++)
        {
            int piv = col;
            for (int r = col + 1; r < 4; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[piv, col])) piv = r;
            for (int k = 0; k < 4; k++) (m[col, k], m[piv, k]) = (m[piv, k], m[col, k]);
            (v[col], v[piv]) = (v[piv], v[col]);
            for (int r = 0; r < 4; r++)
            {
                if (r == col) continue;
                double f = m[r, col] / m[col, col];
                for (int k = 0; k < 4; k++) m[r, k] -= f * m[col, k];
                v[r] -= f * v[col];
            }
        }
        return [.. Enumerable.Range(0, 4).Select(i => v[i] / m[i, i])];
    }

    public float Evaluate(Image image, Span<float> gradient, Random random)
    {
        int s = _o.Resolution, h = s / 8, hw = h * h;
        if (image.Width != s || image.Height != s) throw new ArgumentException($"the SDS prior takes {s}×{s} images");
        var z = Encode(image);
        for (int i = 0; i < z.Length; i++) z[i] *= _o.LatentScale;
        int t = random.Next(_o.MinStep, _o.MaxStep + 1);
        float ab = _alphaBar[t], sa = MathF.Sqrt(ab), sb = MathF.Sqrt(1 - ab);
        var eps = new float[z.Length];
        for (int i = 0; i < eps.Length; i++) eps[i] = Gaussian(random);
        var noisy = new DenseTensor<float>([2, 4, h, h]);
        for (int b = 0; b < 2; b++) for (int i = 0; i < z.Length; i++) noisy.Buffer.Span[b * z.Length + i] = sa * z[i] + sb * eps[i];
        var text = new DenseTensor<float>([2, .. _cond.Dimensions[1..]]);
        _uncond.Buffer.Span.CopyTo(text.Buffer.Span);
        _cond.Buffer.Span.CopyTo(text.Buffer.Span[_uncond.Buffer.Length..]);
        NamedOnnxValue time = _timeIsInt
            ? NamedOnnxValue.CreateFromTensor(_unetTime, new DenseTensor<long>(new long[] { t }, [1]))
            : NamedOnnxValue.CreateFromTensor(_unetTime, new DenseTensor<float>(new float[] { t }, [1]));
        using var r = _unet.Run([NamedOnnxValue.CreateFromTensor(_unetSample, noisy), time, NamedOnnxValue.CreateFromTensor(_unetText, text)]);
        var pred = r.First().AsTensor<float>().ToArray();
        float w = _o.Weighting == SdsWeighting.Uniform ? 1 : 1 - ab;
        var g = new float[z.Length];
        double loss = 0;
        for (int i = 0; i < z.Length; i++)
        {
            float e = pred[i] + _o.GuidanceScale * (pred[z.Length + i] - pred[i]);
            g[i] = w * (e - eps[i]);
            loss += (double)g[i] * (e - eps[i]);
        }
        // latents → pixels through the linear encoder model: dz/dx for pixel p in cell q = scale·A·2/64
        gradient.Clear();
        float k = _o.LatentScale * 2f / 64f;
        for (int y = 0; y < s; y++)
            for (int x = 0; x < s; x++)
            {
                int q = (y / 8) * h + x / 8;
                for (int c = 0; c < 3; c++)
                {
                    float acc = 0;
                    for (int l = 0; l < 4; l++) acc += _a[l, c] * g[l * hw + q];
                    gradient[(y * s + x) * 3 + c] = k * acc;
                }
            }
        return (float)(loss / z.Length);
    }

    static float Gaussian(Random r)
    {
        double u1 = 1 - r.NextDouble(), u2 = r.NextDouble();
        return (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    public void Dispose() { _text.Dispose(); _unet.Dispose(); _vae.Dispose(); }
}
