using Terminal.Gui.Input;

namespace Tutor.Tui;

/// <summary>
/// The app's keys, in one place: the main window dispatches through <see cref="CommandFor"/>, and the key bar
/// and help dialog list <see cref="Bindings"/>, so what is shown is what works.
/// </summary>
public static class KeyMap
{
    public static IReadOnlyList<KeyBindingInfo> Bindings { get; } =
    [
        new("a", "apply", "Apply the step's manifest to the cluster", TutorCommand.Apply),
        new("c", "check", "Run the step's checks now", TutorCommand.Check),
        new("n", "next", "Next step (once this one passes)", TutorCommand.NextStep),
        new("p", "prev", "Previous step", TutorCommand.PreviousStep),
        new("h", "hint", "Reveal the next hint, one at a time", TutorCommand.Hint),
        new("s", "solution", "Apply the step's solution (asks first)", TutorCommand.Solution),
        new("r", "reset", "Reset the lesson to its start (asks first)", TutorCommand.Reset),
        new("x", "run", "Pick a step's command: Enter runs, y copies, Ctrl+C stops", TutorCommand.RunCommand),
        new("d", "diff", "Diff your live objects against the step's solution", TutorCommand.Diff),
        new("e", "edit", "Edit the step's manifest in $VISUAL / $EDITOR", TutorCommand.Edit),
        new("o", "objects", "Show or hide the live objects panel", TutorCommand.Objects),
        new("?", "help", "Show this list of keys", TutorCommand.Help),
        new("q", "quit", "Quit Tutor", TutorCommand.Quit),
    ];

    /// <summary>Keys that move in the lesson tree, listed in the help dialog only.</summary>
    public static IReadOnlyList<KeyBindingInfo> NavigationBindings { get; } =
    [
        new("j/k ↑/↓ Enter", "move", "Move in the lesson tree; Enter opens the lesson", null),
        new("Tab/F6 PgUp/Dn", "pane", "Move between the tree and the text; scroll the text", null),
    ];

    /// <summary>The command for a key press, or null when the key is not one of Tutor's.</summary>
    /// <remarks>Only unmodified letters count, so Ctrl/Alt combinations stay with the focused view.</remarks>
    public static TutorCommand? CommandFor(Key key)
    {
        if (key == Key.F1)
        {
            return TutorCommand.Help;
        }

        if (key.IsCtrl || key.IsAlt)
        {
            return null;
        }

        var rune = key.AsRune;
        if (rune == default || !rune.IsAscii)
        {
            return null;
        }

        var text = char.ToLowerInvariant((char)rune.Value).ToString();
        return Bindings.FirstOrDefault(b => b.Keys == text)?.Command;
    }

    /// <summary>Whether <paramref name="key"/> is the plain (no Ctrl, no Alt) letter <paramref name="letter"/>, case included.</summary>
    public static bool IsLetter(Key key, char letter) => !key.IsCtrl && !key.IsAlt && key.AsRune.Value == letter;

    /// <summary>Esc closes dialogs but must never end the app: the main window swallows it.</summary>
    public static bool IsSwallowedOnMainWindow(Key key) => key == Key.Esc;

    /// <summary>The help dialog's text: one key per line, aligned, then how kubectl reaches the cluster when that needs saying.</summary>
    public static string HelpText(string? kubectlHint = null)
    {
        var all = NavigationBindings.Concat(Bindings).ToList();
        var width = all.Max(b => b.Keys.Length);
        var keys = string.Join('\n', all.Select(b => $"{b.Keys.PadRight(width)}  {b.Description}"));
        // One line, so the dialog still fits a terminal of 24 rows.
        return kubectlHint is null ? keys : $"{keys}\nkubectl: {kubectlHint}";
    }
}
