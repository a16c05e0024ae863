namespace Tutor.Tui;

/// <summary>A file the learner asked to edit: the screen stops, the editor owns the terminal, then the screen comes back.</summary>
public sealed record EditRequest(EditorCommand Editor, string File);
