namespace Tutor.Tui;

/// <summary>A lesson's mark, how many of its steps are done, and for a locked lesson why it is locked.</summary>
public sealed record LessonProgress(LessonMark Mark, int StepsDone = 0, string? LockedReason = null)
{
    public static readonly LessonProgress Open = new(LessonMark.Open);
}
