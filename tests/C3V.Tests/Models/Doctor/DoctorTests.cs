using C3V.Models.Doctor;
using C3V.Tests.Direct;
using C3V.Tests.Models.Gguf;
using C3V.World;
using C3V.Tests.World;

namespace C3V.Tests.Models.Doctor;

/// <summary>Every row of c3v doctor, fine and failing, with the fix it prints.</summary>
[Collection("Gguf")]
public class DoctorTests
{
    [Fact]
    public void Dotnet_older_than_10_is_a_problem_with_a_fix()
    {
        Assert.Equal(DoctorStatus.Ok, ToolChecks.Dotnet(Environment.Version).Status);
        var old = ToolChecks.Dotnet(new Version(8, 0, 11));
        Assert.Equal(DoctorStatus.Problem, old.Status);
        Assert.Contains(".NET 10", old.Fix);
    }

    [Fact]
    public void Missing_tools_are_named_with_how_to_install_them()
    {
        foreach (var row in new[] { ToolChecks.Ffmpeg("c3v-no-such-ffmpeg"), ToolChecks.Node("c3v-no-such-node"), ToolChecks.Npm("c3v-no-such-npm") })
        {
            Assert.Equal(DoctorStatus.Warning, row.Status);
            Assert.Contains("is not on PATH", row.Found);
            Assert.Contains("apt-get install", row.Fix);
        }
        // a program that runs but fails
        var failing = ToolChecks.Ffmpeg("false");
        Assert.Contains("exited with 1", failing.Found);
    }

    sealed class BrokenEmbedder : ITextEmbedder
    {
        public string ModelName => "broken";
        public int Dimension => 384;
        public float[][] Embed(IReadOnlyList<string> texts) => [[float.NaN]];
    }

    [Fact]
    public void MiniLm_loads_offline_and_a_broken_one_is_a_problem()
    {
        var ok = ModelChecks.MiniLm(() => new HashingEmbedder());
        Assert.Equal(DoctorStatus.Ok, ok.Status);
        var broken = ModelChecks.MiniLm(() => new BrokenEmbedder());
        Assert.Equal(DoctorStatus.Problem, broken.Status);
        Assert.Contains("dotnet restore", broken.Fix);
        var failing = ModelChecks.MiniLm(() => throw new FileNotFoundException("model.onnx is missing"));
        Assert.Contains("model.onnx is missing", failing.Found);
    }

    [Fact]
    public async Task A_chat_server_is_probed_for_schema_and_image_support()
    {
        using var server = new FakeChatServer();
        server.Answer("{\"colour\": \"red\"}");
        var ok = await ModelChecks.ChatModel($"openai:m@{server.OpenAIUrl}");
        Assert.Equal(DoctorStatus.Ok, ok.Status);
        Assert.Contains("JSON schema: yes; images: yes", ok.Found);
        var first = server.Requests[0].Body;
        Assert.Equal("json_schema", first["response_format"]!["type"]!.GetValue<string>());
        Assert.Contains("image_url", first["messages"]!.ToJsonString());

        // a server refusing json_schema: the row says so and how c3v copes
        using var old = new FakeChatServer();
        old.Refuses.Add("json_schema");
        old.Answer("{\"colour\": \"red\"}");
        var warn = await ModelChecks.ChatModel($"ollama:m@{old.OllamaUrl}");
        Assert.Equal(DoctorStatus.Warning, warn.Status);
        Assert.Contains("JSON schema: refused", warn.Found);
        Assert.Contains("json_object", warn.Fix);
    }

    [Fact]
    public async Task An_unreachable_server_or_a_bad_spec_is_a_problem_with_a_fix()
    {
        int port;
        using (var s = new FakeChatServer()) port = s.Port;
        var down = await ModelChecks.ChatModel($"ollama:qwen@http://127.0.0.1:{port}");
        Assert.Equal(DoctorStatus.Problem, down.Status);
        Assert.Contains("cannot be reached", down.Found);
        Assert.Contains("ollama serve", down.Fix);

        var bad = await ModelChecks.ChatModel("claude");
        Assert.Equal(DoctorStatus.Problem, bad.Status);
        Assert.Contains("expected PROVIDER:MODEL", bad.Found);
    }

    [Fact]
    public async Task A_gguf_model_is_loaded_and_a_broken_one_is_a_problem()
    {
        string dir = Directory.CreateTempSubdirectory("c3v-doctor-gguf").FullName;
        try
        {
            string model = Path.Combine(dir, "tiny.gguf");
            TinyLlama.Write(model, "a robot dances", merges: 20);
            var ok = await ModelChecks.ChatModel($"gguf:{model}");
            Assert.Equal(DoctorStatus.Ok, ok.Status);
            Assert.Contains("JSON schema: yes (grammar); images: no", ok.Found);

            string junk = Path.Combine(dir, "junk.gguf");
            File.WriteAllText(junk, "this is text, not a model file");
            var bad = await ModelChecks.ChatModel($"gguf:{junk}");
            Assert.Equal(DoctorStatus.Problem, bad.Status);
            Assert.Contains("not a GGUF file", bad.Found);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_stable_diffusion_folder_must_hold_every_file_and_the_unet_inputs_the_prior_needs()
    {
        string dir = Directory.CreateTempSubdirectory("c3v-doctor-sd").FullName;
        try
        {
            Assert.Contains("folder not found", DiffusionFolderCheck.Run(Path.Combine(dir, "none")).Found);
            foreach (var d in new[] { "text_encoder", "unet", "vae_encoder", "tokenizer" }) Directory.CreateDirectory(Path.Combine(dir, d));
            File.WriteAllText(Path.Combine(dir, "tokenizer/vocab.json"), "{}");
            var missing = DiffusionFolderCheck.Run(dir);
            Assert.Equal(DoctorStatus.Problem, missing.Status);
            Assert.Contains("tokenizer/merges.txt", missing.Found);
            Assert.Contains("unet/model.onnx", missing.Found);

            File.WriteAllText(Path.Combine(dir, "tokenizer/merges.txt"), "#version: 0.2\n");
            byte[] Identity(params string[] inputs)
            {
                var m = new TinyOnnx();
                foreach (var i in inputs) m.Input(i, TinyOnnx.Float, 1, 4);
                return m.Node("Identity", [inputs[0]], ["out"]).Output("out", TinyOnnx.Float, 1, 4).Build();
            }
            File.WriteAllBytes(Path.Combine(dir, "text_encoder/model.onnx"), Identity("input_ids"));
            File.WriteAllBytes(Path.Combine(dir, "vae_encoder/model.onnx"), Identity("sample"));
            File.WriteAllBytes(Path.Combine(dir, "unet/model.onnx"), Identity("sample", "encoder_hidden_states"));
            var noTime = DiffusionFolderCheck.Run(dir);
            Assert.Equal(DoctorStatus.Problem, noTime.Status);
            Assert.Contains("unet/model.onnx has no input timestep", noTime.Found);

            File.WriteAllBytes(Path.Combine(dir, "unet/model.onnx"), Identity("sample", "timestep", "encoder_hidden_states"));
            Assert.Equal(DoctorStatus.Ok, DiffusionFolderCheck.Run(dir).Status);

            File.WriteAllText(Path.Combine(dir, "vae_encoder/model.onnx"), "not onnx");
            Assert.Contains("vae_encoder/model.onnx cannot be loaded", DiffusionFolderCheck.Run(dir).Found);
        }
        finally { Directory.Delete(dir, true); }
    }

    [SkippableFact]
    public void A_node_older_than_20_is_named_with_the_fix()
    {
        Skip.If(OperatingSystem.IsWindows(), "the stand-in node is a POSIX shell script");
        string dir = Directory.CreateTempSubdirectory("c3v-doctor-node").FullName;
        try
        {
            var old = FakeProgram(dir, "node", "v18.19.1");
            var row = ToolChecks.Node(old);
            Assert.Equal(DoctorStatus.Warning, row.Status);
            Assert.Contains("Node v18.19.1 is older than 20", row.Found);
            Assert.Contains("Node.js 20 or newer", row.Fix);
            Assert.Equal(DoctorStatus.Ok, ToolChecks.Node(FakeProgram(dir, "node20", "v20.11.1")).Status);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>A program that prints <paramref name="version"/> and exits 0, whatever it is asked.</summary>
    static string FakeProgram(string dir, string name, string version)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, $"#!/bin/sh\necho {version}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Theory]
    [InlineData("ollama", "ollama pull m")]
    [InlineData("openai", "check the model name 'm'")]
    public async Task A_model_the_server_does_not_have_is_a_problem_with_the_fix(string provider, string fix)
    {
        using var server = new FakeChatServer();
        server.Fail(404);
        var row = await ModelChecks.ChatModel(provider == "ollama" ? $"ollama:m@{server.OllamaUrl}" : $"openai:m@{server.OpenAIUrl}");
        Assert.Equal(DoctorStatus.Problem, row.Status);
        Assert.Contains("404", row.Found);
        Assert.Contains(fix, row.Fix);
    }

    [Fact]
    public async Task A_server_refusing_images_is_a_warning_naming_vision_models()
    {
        using var server = new FakeChatServer();
        server.Fail(400);                      // the request with the image
        server.Answer("{\"colour\": \"red\"}");   // the same without it
        var row = await ModelChecks.ChatModel($"openai:m@{server.OpenAIUrl}");
        Assert.Equal(DoctorStatus.Warning, row.Status);
        Assert.Contains("JSON schema: yes; images: refused", row.Found);
        Assert.Contains("vision model", row.Fix);
        Assert.DoesNotContain("image_url", server.Requests[1].Body["messages"]!.ToJsonString());
    }

    [Fact]
    public async Task The_doctor_table_has_a_row_per_check_a_fix_per_problem_and_exits_1_on_a_problem()
    {
        int port;
        using (var s = new FakeChatServer()) port = s.Port;
        var failing = new DoctorChecks
        {
            Runtime = new Version(8, 0, 11), Ffmpeg = "c3v-no-such-ffmpeg", Node = "c3v-no-such-node", Npm = "c3v-no-such-npm",
            MiniLm = () => throw new FileNotFoundException("model.onnx is missing"),
            Models = [$"ollama:qwen@http://127.0.0.1:{port}"], StableDiffusion = "/c3v/no/such/sd",
        };
        var rows = await failing.RunAsync();
        Assert.Equal([".NET", "ffmpeg", "MiniLM embeddings", $"--llm ollama:qwen@http://127.0.0.1:{port}", "Stable Diffusion (--sd)", "Node", "npm"], rows.Select(r => r.Check));
        Assert.All(rows, r => Assert.NotEqual(DoctorStatus.Ok, r.Status));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Fix), $"{r.Check}: no fix"));
        Assert.Equal(1, DoctorChecks.ExitCode(rows));

        var text = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            { Out = new Spectre.Console.AnsiConsoleOutput(text), Ansi = Spectre.Console.AnsiSupport.No, ColorSystem = Spectre.Console.ColorSystemSupport.NoColors });
        console.Profile.Width = 1000;
        console.Write(C3V.Cli.Verbs.DoctorVerb.Table(rows));
        foreach (var r in rows) Assert.Contains(r.Fix![..30], text.ToString());
        Assert.Equal(4, rows.Count(r => r.Status == DoctorStatus.Problem)); // .NET, MiniLM, the model, the SD folder

        // only warnings (optional tools missing): c3v works, the exit code says so
        var fine = failing with { Runtime = Environment.Version, MiniLm = () => new HashingEmbedder(), Models = [], StableDiffusion = null };
        var fineRows = await fine.RunAsync();
        Assert.DoesNotContain(fineRows, r => r.Status == DoctorStatus.Problem);
        Assert.Equal(0, DoctorChecks.ExitCode(fineRows));
    }
}
