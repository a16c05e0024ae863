using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>Terminal.Gui message boxes. Esc or "Cancel" answers no, so a stray key never applies anything.</summary>
public sealed class Dialogs(IApplication app) : IDialogs
{
    public bool Confirm(string title, string message, string confirm) =>
        MessageBox.Query(app, title, message, "Cancel", confirm) == 1;

    public void ShowHelp(string text) => MessageBox.Query(app, "Keys", text, "OK");
}
