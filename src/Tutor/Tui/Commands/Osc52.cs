using System.Text;

namespace Tutor.Tui;

/// <summary>
/// The OSC 52 escape sequence that asks the terminal to put text on the system clipboard. It works over SSH and,
/// with tmux's <c>set-clipboard on</c>, inside tmux, where no clipboard program of the host can be reached.
/// </summary>
public static class Osc52
{
    public static string Copy(string text) => $"\u001b]52;c;{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}\u0007";
}
