using Tutor.Tui;

namespace Tutor.Tests.Tui;

/// <summary>Answers confirmations with a preset answer and records what was asked.</summary>
internal sealed class FakeDialogs : IDialogs
{
    public bool Answer { get; set; }

    public List<string> Asked { get; } = [];

    public bool Confirm(string title, string message, string confirm)
    {
        Asked.Add(title);
        return Answer;
    }

    public void ShowHelp(string text) => Asked.Add("help");
}
