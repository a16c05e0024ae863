namespace Tutor.Tui;

/// <summary>How to open a file in the learner's editor: through <c>/bin/sh</c>, so an EDITOR such as <c>code --wait</c> keeps its arguments.</summary>
/// <param name="Editor">The editor as configured ("vim", "code --wait").</param>
/// <param name="Source">Where it came from: "VISUAL", "EDITOR" or "fallback".</param>
public sealed record EditorCommand(string Editor, string Source)
{
    public string Program => "/bin/sh";

    /// <summary>The file goes in as $1, never spliced into the command line, so no file name needs quoting.</summary>
    public IReadOnlyList<string> Arguments(string file) => ["-c", $"{Editor} \"$1\"", "tutor-edit", file];

    /// <summary>
    /// $VISUAL, then $EDITOR, then vi, then nano (the first found on PATH); null when none is there.
    /// </summary>
    public static EditorCommand? Choose(Func<string, string?> environment, Func<string, bool> onPath)
    {
        foreach (var variable in new[] { "VISUAL", "EDITOR" })
        {
            if (environment(variable) is { } value && !string.IsNullOrWhiteSpace(value)) return new EditorCommand(value.Trim(), variable);
        }

        return new[] { "vi", "nano" }.Where(onPath).Select(e => new EditorCommand(e, "fallback")).FirstOrDefault();
    }

    /// <summary>Whether <paramref name="program"/> is an executable file in one of PATH's folders.</summary>
    public static bool IsOnPath(string program, string? path) =>
        (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    public const string NoneFound = "No editor found: set $EDITOR (e.g. export EDITOR=nano) and start Tutor again.";
}
