using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>
/// Terminal.Gui message boxes. The last button is the default and has the focus, so "Cancel" goes last: Enter,
/// Space or Esc pressed by habit answer no, and applying anything takes a deliberate move to the confirm button.
/// </summary>
public sealed class Dialogs(IApplication app) : IDialogs
{
    public bool Confirm(string title, string message, string confirm) =>
        MessageBox.Query(app, title, message, confirm, "Cancel") == 0;

    public void ShowHelp(string text) => MessageBox.Query(app, "Keys", text, "OK");
}
