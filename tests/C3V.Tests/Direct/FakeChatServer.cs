using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using C3V.Common;

namespace C3V.Tests.Direct;

/// <summary>
/// A chat server on 127.0.0.1 speaking the real wire formats: OpenAI chat completions (POST
/// /v1/chat/completions) and Ollama (POST /api/chat, one NDJSON line). It answers with queued texts in
/// order and keeps every request body so tests can check what the client sent.
/// </summary>
sealed class FakeChatServer : IDisposable
{
    readonly HttpListener listener = new();
    readonly Task loop;
    readonly Lock gate = new();
    readonly Queue<string> answers = new();
    readonly Queue<int> failures = new();

    public int Port { get; }
    public List<(string Path, JsonNode Body)> Requests { get; } = [];

    public FakeChatServer()
    {
        Port = LoopbackPort.Free();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(Serve);
    }

    public string OpenAIUrl => $"http://127.0.0.1:{Port}/v1";
    public string OllamaUrl => $"http://127.0.0.1:{Port}";

    public void Answer(params string[] texts) { lock (gate) foreach (var t in texts) answers.Enqueue(t); }

    /// <summary>Answers cut off at the output limit (finish_reason "length", Ollama done_reason "length").</summary>
    public void AnswerCut(string text) { lock (gate) { answers.Enqueue(text); cut.Add(answers.Count + served - 1); } }

    /// <summary>Response formats the server refuses with HTTP 400, as older servers do: "json_schema", "json_object".</summary>
    public HashSet<string> Refuses { get; } = [];

    readonly HashSet<int> cut = [];
    int served;

    /// <summary>The next requests fail with these HTTP statuses, in order, before answers resume.</summary>
    public void Fail(params int[] statuses) { lock (gate) foreach (var s in statuses) failures.Enqueue(s); }


    async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await listener.GetContextAsync(); }
            catch (Exception) { return; }
            string body;
            using (var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8)) body = await reader.ReadToEndAsync();
            string path = ctx.Request.Url!.AbsolutePath;
            string? answer = null;
            bool truncated = false;
            int status = 200;
            lock (gate)
            {
                var json = JsonNode.Parse(body)!;
                Requests.Add((path, json));
                if (failures.Count > 0) status = failures.Dequeue();
                else if (Refuses.Contains(FormatOf(json))) status = 400;
                else if (answers.Count > 0) { answer = answers.Dequeue(); truncated = cut.Contains(served++); }
                else status = 500;
            }
            string reply;
            if (status != 200) reply = path == "/api/chat" ? "{\"error\":\"injected failure\"}" : "{\"error\":{\"message\":\"injected failure\",\"type\":\"server_error\"}}";
            else if (path == "/v1/chat/completions")
                reply = new JsonObject
                {
                    ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1700000000, ["model"] = Requests[^1].Body["model"]!.GetValue<string>(),
                    ["choices"] = new JsonArray(new JsonObject
                    {
                        ["index"] = 0, ["finish_reason"] = truncated ? "length" : "stop",
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer },
                    }),
                    ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
                }.ToJsonString();
            else if (path == "/api/chat")
                reply = new JsonObject
                {
                    ["model"] = Requests[^1].Body["model"]!.GetValue<string>(), ["created_at"] = "2024-01-01T00:00:00Z",
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer },
                    ["done"] = true, ["done_reason"] = truncated ? "length" : "stop", ["total_duration"] = 1, ["load_duration"] = 1,
                    ["prompt_eval_count"] = 1, ["prompt_eval_duration"] = 1, ["eval_count"] = 1, ["eval_duration"] = 1,
                }.ToJsonString() + "\n";
            else { status = 404; reply = "{}"; }
            var bytes = Encoding.UTF8.GetBytes(reply);
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = path == "/api/chat" ? "application/x-ndjson" : "application/json";
            ctx.Response.ContentLength64 = bytes.Length;
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
        }
    }

    /// <summary>The response format a request asks for: json_schema, json_object, or "" (none).</summary>
    static string FormatOf(JsonNode body) => body["response_format"]?["type"]?.GetValue<string>()
        ?? body["format"] switch { JsonObject => "json_schema", JsonValue v when v.GetValue<string>() == "json" => "json_object", _ => "" };

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try { loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
