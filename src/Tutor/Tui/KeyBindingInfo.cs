namespace Tutor.Tui;

/// <summary>One key as the key bar and the help dialog show it.</summary>
/// <param name="Keys">The key as printed ("a", "n/p").</param>
/// <param name="Label">Short word for the key bar ("apply").</param>
/// <param name="Description">Sentence for the help dialog.</param>
/// <param name="Command">What it does; null for keys that only move (j/k).</param>
public sealed record KeyBindingInfo(string Keys, string Label, string Description, TutorCommand? Command);
