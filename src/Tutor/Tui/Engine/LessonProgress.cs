namespace Tutor.Tui;

/// <summary>
/// A lesson's mark, how many of its steps are done, and for a locked lesson why it is locked. A lesson that cannot
/// be taken here at all (in a classroom: one needing cluster-wide rights) is locked and not <see cref="Available"/>.
/// </summary>
/// <param name="Waiting">Locked by the classroom's pace: it waits for the instructor rather than for the learner.</param>
public sealed record LessonProgress(LessonMark Mark, int StepsDone = 0, string? LockedReason = null, bool Waiting = false)
{
    public bool Available { get; init; } = true;

    public static readonly LessonProgress Open = new(LessonMark.Open);
}
