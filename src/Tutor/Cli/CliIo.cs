namespace Tutor.Cli;

/// <summary>Where a verb reads and writes, and what it knows of its surroundings; tests pass their own.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Error, TextReader In, Func<string, string?> Environment, string WorkingDirectory, string AppDirectory)
{
    public static CliIo Console() => new(System.Console.Out, System.Console.Error, System.Console.In, System.Environment.GetEnvironmentVariable,
        System.Environment.CurrentDirectory, AppContext.BaseDirectory);

    /// <summary>True when a person is at the keyboard, so Tutor may ask a question.</summary>
    public bool Interactive { get; init; } = !System.Console.IsInputRedirected && !System.Console.IsOutputRedirected;

    /// <summary>Colour only on a terminal and never under NO_COLOR.</summary>
    public bool Colour => Interactive && string.IsNullOrEmpty(Environment("NO_COLOR"));

    public string Home => Environment("HOME") ?? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
}
