namespace Tutor.Tui;

/// <summary>The modal questions the main window asks; behind an interface so UI tests can answer them.</summary>
public interface IDialogs
{
    /// <summary>Asks a yes/no question; true only when the learner chose <paramref name="confirm"/>.</summary>
    bool Confirm(string title, string message, string confirm);

    /// <summary>Shows the list of keys.</summary>
    void ShowHelp(string text);
}
