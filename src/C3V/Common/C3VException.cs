namespace C3V.Common;

/// <summary>
/// An error caused by the user's input (a file, an argument, a server answer). The CLI prints its message as
/// one line and exits non-zero, without a stack trace; anything else reaching the top is a bug.
/// </summary>
public class C3VException : Exception
{
    public C3VException(string message) : base(message) { }
    public C3VException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A file could not be read or decoded; the message names the file and what was wrong.</summary>
public sealed class InvalidFileException : C3VException
{
    public string Path { get; }
    public InvalidFileException(string path, string problem) : base($"{path}: {problem}") => Path = path;
    public InvalidFileException(string path, string problem, Exception inner) : base($"{path}: {problem}", inner) => Path = path;
}
