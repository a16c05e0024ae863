namespace Tutor.Tui.Classroom;

/// <summary>One line of the room's grid: the text, how it is coloured, and the learner it stands for (none for the header).</summary>
public sealed record InstructorLine(string Text, PanelLineKind Kind, string? Learner = null);
