using C3V.Output;

namespace C3V.Compose;

/// <summary>
/// A prior on how a rendered frame should look, used by refinement: it scores an image and says how each
/// pixel should change. The embedded geometric losses need none; a score-distillation prior backed by a
/// diffusion model (C3V.Models) is the published choice.
/// </summary>
public interface IImagePrior
{
    /// <summary>Name recorded in the refinement report.</summary>
    string Name { get; }

    /// <summary>Side of the square image the prior wants (e.g. 512 for Stable Diffusion 1.x); renders are made at this size.</summary>
    int Resolution { get; }

    /// <summary>
    /// True when <see cref="Evaluate"/> draws random samples (timesteps, noise), so its value is not
    /// comparable between calls; such a prior's value does not take part in choosing the best iterate.
    /// </summary>
    bool Stochastic { get; }

    /// <summary>
    /// Scores <paramref name="image"/> (RGB 0..1, <see cref="Resolution"/> square) and writes dLoss/dPixel
    /// [H·W·3] into <paramref name="gradient"/>. Returns the loss value (for a score-distillation prior,
    /// the surrogate w(t)·‖ε̂ − ε‖²).
    /// </summary>
    float Evaluate(Image image, Span<float> gradient, Random random);
}
