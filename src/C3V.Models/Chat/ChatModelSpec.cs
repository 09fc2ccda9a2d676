using C3V.Common;

namespace C3V.Models.Chat;

public enum ChatProvider { Rules, OpenAI, Ollama, Gguf }

/// <summary>
/// Which director to use, as written on the command line (<c>--llm</c>) or in C3V_LLM:
/// <c>rules</c>, <c>openai:MODEL[@URL]</c> (any OpenAI-compatible server: OpenAI, vLLM, llama.cpp, LM Studio;
/// URL is the API base, e.g. http://127.0.0.1:8080/v1), <c>ollama:MODEL[@URL]</c> (default
/// http://localhost:11434), <c>gguf:PATH[,mmproj=PATH][,ctx=TOKENS]</c> (a local model file run by LLamaSharp on the CPU).
/// The API key of OpenAI-compatible servers comes only from the environment (C3V_API_KEY, else OPENAI_API_KEY).
/// </summary>
public sealed record ChatModelSpec(ChatProvider Provider, string Model, Uri? Endpoint, string? Projector)
{
    /// <summary>A local model's context length in tokens (gguf:PATH,ctx=N); null = the model's own, at most 4096.</summary>
    public int? ContextSize { get; init; }

    public const string EnvironmentVariable = "C3V_LLM";
    public static readonly Uri DefaultOpenAIEndpoint = new("https://api.openai.com/v1");
    public static readonly Uri DefaultOllamaEndpoint = new("http://localhost:11434");

    /// <summary>Where requests go (a URL, or the model file), for messages and transcripts.</summary>
    public string Where => Provider == ChatProvider.Gguf ? Model : (Endpoint ?? DefaultOpenAIEndpoint).ToString();

    /// <summary>The producer name recorded in plans and placements: "ollama:qwen2.5vl", "gguf:model.gguf".</summary>
    public string Name => Provider switch
    {
        ChatProvider.Rules => "rules",
        ChatProvider.Gguf => $"gguf:{Path.GetFileName(Model)}",
        _ => $"{Provider.ToString().ToLowerInvariant()}:{Model}",
    };

    /// <summary>Parses <paramref name="text"/>, or C3V_LLM when it is null; "rules" when both are empty.</summary>
    public static ChatModelSpec Parse(string? text)
    {
        text = string.IsNullOrWhiteSpace(text) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : text;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "rules") return new ChatModelSpec(ChatProvider.Rules, "rules", null, null);
        text = text.Trim();
        int colon = text.IndexOf(':');
        if (colon <= 0) throw Bad(text, "expected PROVIDER:MODEL");
        string provider = text[..colon], rest = text[(colon + 1)..];
        switch (provider)
        {
            case "openai":
            case "ollama":
            {
                int at = rest.IndexOf('@');
                string model = at >= 0 ? rest[..at] : rest;
                if (model.Length == 0) throw Bad(text, "the model name is missing");
                Uri? url = null;
                if (at >= 0)
                {
                    if (!Uri.TryCreate(rest[(at + 1)..], UriKind.Absolute, out url) || url.Scheme is not ("http" or "https"))
                        throw Bad(text, $"'{rest[(at + 1)..]}' is not an http(s) URL");
                }
                return provider == "openai"
                    ? new ChatModelSpec(ChatProvider.OpenAI, model, url ?? DefaultOpenAIEndpoint, null)
                    : new ChatModelSpec(ChatProvider.Ollama, model, url ?? DefaultOllamaEndpoint, null);
            }
            case "gguf":
            {
                var parts = rest.Split(',');
                string path = parts[0];
                string? mmproj = null;
                int? ctx = null;
                foreach (var p in parts.Skip(1))
                {
                    if (p.StartsWith("mmproj=", StringComparison.Ordinal)) mmproj = p["mmproj=".Length..];
                    else if (p.StartsWith("ctx=", StringComparison.Ordinal))
                        ctx = int.TryParse(p["ctx=".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int c) && c is >= 256 and <= 1 << 20
                            ? c : throw Bad(text, $"'{p}': the context must be a whole number of tokens from 256 to 1048576");
                    else throw Bad(text, $"unknown option '{p}' (expected mmproj=PATH or ctx=TOKENS)");
                }
                if (path.Length == 0) throw Bad(text, "the model file is missing");
                if (!File.Exists(path)) throw new InvalidFileException(path, "model file not found");
                if (mmproj is not null && !File.Exists(mmproj)) throw new InvalidFileException(mmproj, "projector (mmproj) file not found");
                return new ChatModelSpec(ChatProvider.Gguf, path, null, mmproj) { ContextSize = ctx };
            }
            default:
                throw Bad(text, $"unknown provider '{provider}'");
        }
    }

    static C3VException Bad(string text, string problem) =>
        new($"--llm '{text}': {problem} (use rules, openai:MODEL@URL, ollama:MODEL[@URL] or gguf:PATH[,mmproj=PATH][,ctx=TOKENS])");

    /// <summary>The API key for OpenAI-compatible servers, from the environment only (never logged).</summary>
    public static string? ApiKey() =>
        Environment.GetEnvironmentVariable("C3V_API_KEY") is { Length: > 0 } k ? k : Environment.GetEnvironmentVariable("OPENAI_API_KEY");
}
