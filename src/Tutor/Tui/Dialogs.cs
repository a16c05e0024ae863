using System.Text;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace Tutor.Tui;

/// <summary>
/// Terminal.Gui dialogs. For confirmations the last button is the default and has the focus, so "Cancel" goes
/// last: Enter, Space or Esc pressed by habit answer no, and applying anything takes a deliberate move to the
/// confirm button.
/// </summary>
public sealed class Dialogs(IApplication app) : IDialogs
{
    public bool Confirm(string title, string message, string confirm) =>
        MessageBox.Query(app, title, message, confirm, "Cancel") == 0;

    // A message box centres every line; the key list reads as a table only when left-aligned.
    public void ShowHelp(string text)
    {
        using var dialog = new Dialog
        {
            Title = "Keys",
            Text = text,
            TextAlignment = Alignment.Start,
            HotKeySpecifier = new Rune('\xFFFF'),
        };
        dialog.Buttons = [new Button { Text = "OK" }];
        dialog.Accepting += (_, e) =>
        {
            e.Handled = true;
            dialog.RequestStop();
        };
        app.Run(dialog);
    }
}
