using C3V.Common;

namespace C3V.Studio;

/// <summary>How the studio runs: where projects live, the default director, where to listen, the built front end.</summary>
public sealed record StudioOptions
{
    /// <summary>The folder every project lives in; no file outside it is ever served or written.</summary>
    public required string ProjectsRoot { get; init; }
    /// <summary>Default director spec ("rules" or a chat model) for generations that do not name one.</summary>
    public string Llm { get; init; } = "rules";
    /// <summary>Where a local model's llama.cpp log lines go (serve --verbose); null hides them.</summary>
    public Action<string>? NativeLog { get; init; }
    public int Port { get; init; } = 5173;
    /// <summary>The address to bind; loopback unless the user said otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>The built front end (index.html and its assets); null when it is not built.</summary>
    public string? WebRoot { get; init; }
    /// <summary>What is missing when the front end could not be built (shown on the page instead).</summary>
    public string? WebProblem { get; init; }

    public bool IsLoopback => Host is "127.0.0.1" or "localhost" or "::1" or "[::1]";

    /// <summary>For the standalone entry: --projects DIR --port N --host H --llm SPEC --web DIR --verbose.</summary>
    public static StudioOptions FromArgs(string[] args)
    {
        string? Value(string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int port = 5173;
        if (Value("--port") is { } p && (!int.TryParse(p, out port) || port is < 0 or > 65535))
            throw new C3VException($"--port: '{p}' is not a port number (0..65535)");
        return new StudioOptions
        {
            ProjectsRoot = Path.GetFullPath(Value("--projects") ?? "."),
            Port = port,
            Host = Value("--host") ?? "127.0.0.1",
            Llm = Value("--llm") ?? "rules",
            NativeLog = args.Contains("--verbose") ? line => Console.Error.WriteLine($"llama.cpp: {line}") : null,
            WebRoot = Value("--web"),
        };
    }
}
