using Microsoft.ML.OnnxRuntime;

namespace C3V.Models.Doctor;

/// <summary>
/// A Stable Diffusion ONNX folder (a diffusers export) as the SDS prior reads it: the tokenizer files, and
/// text_encoder, unet and vae_encoder models that OnnxRuntime loads, the UNet taking sample, timestep and
/// encoder_hidden_states, each model giving an output.
/// </summary>
public static class DiffusionFolderCheck
{
    const string Check = "Stable Diffusion (--sd)";
    const string Export = "export the model with diffusers' ONNX exporter (optimum-cli export onnx --model MODEL DIR) and pass that folder";

    public static DoctorRow Run(string folder)
    {
        if (!Directory.Exists(folder)) return DoctorRow.Problem(Check, $"{folder}: folder not found", Export);
        var missing = new[] { "tokenizer/vocab.json", "tokenizer/merges.txt", "text_encoder/model.onnx", "unet/model.onnx", "vae_encoder/model.onnx" }
            .Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        if (missing.Count > 0) return DoctorRow.Problem(Check, $"{folder}: missing {string.Join(", ", missing)}", Export);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (model, inputs) in new[] { ("text_encoder", Array.Empty<string>()), ("vae_encoder", []), ("unet", ["sample", "timestep", "encoder_hidden_states"]) })
        {
            string path = Path.Combine(folder, model, "model.onnx");
            try
            {
                using var session = new InferenceSession(path);
                var absent = inputs.Where(i => !session.InputMetadata.ContainsKey(i)).ToList();
                if (absent.Count > 0)
                    return DoctorRow.Problem(Check, $"{model}/model.onnx has no input {string.Join(", ", absent)} (it has {string.Join(", ", session.InputMetadata.Keys)})",
                        "the SDS prior needs a diffusers UNet export; " + Export);
                if (session.InputMetadata.Count == 0 || session.OutputMetadata.Count == 0)
                    return DoctorRow.Problem(Check, $"{model}/model.onnx has no inputs or no outputs", Export);
            }
            catch (OnnxRuntimeException e)
            {
                return DoctorRow.Problem(Check, $"{model}/model.onnx cannot be loaded: {e.Message.Split('\n')[0]}", Export);
            }
        }
        return DoctorRow.Ok(Check, $"{folder}: tokenizer, text encoder, UNet (sample, timestep, encoder_hidden_states), VAE encoder", clock.Elapsed.TotalSeconds);
    }
}
