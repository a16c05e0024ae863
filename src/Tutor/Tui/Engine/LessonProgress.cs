namespace Tutor.Tui;

/// <summary>A lesson's mark, how many of its steps are done, and for a locked lesson why it is locked.</summary>
/// <param name="Waiting">Locked by the classroom's pace: it waits for the instructor rather than for the learner.</param>
public sealed record LessonProgress(LessonMark Mark, int StepsDone = 0, string? LockedReason = null, bool Waiting = false)
{
    public static readonly LessonProgress Open = new(LessonMark.Open);
}
