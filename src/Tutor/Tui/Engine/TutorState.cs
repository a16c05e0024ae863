using Tutor.Core.Catalogue;

namespace Tutor.Tui;

/// <summary>Everything the screen shows, as one immutable snapshot.</summary>
/// <param name="Catalogue">Levels and lessons, in order.</param>
/// <param name="Lessons">Progress of every lesson by id; a lesson missing here is shown as open.</param>
/// <param name="Step">The selected step, or null before any lesson is selected.</param>
/// <param name="Checks">The latest verdicts of the selected step's checks, in the order of its checks file.</param>
/// <param name="Hints">Hints of the selected step revealed so far, and how many there are.</param>
/// <param name="Connection">Which cluster, which namespace, and whether it answers.</param>
/// <param name="Progress">Steps done of all steps in the catalogue.</param>
/// <param name="Message">A transient line such as "applied 3 objects"; null when there is nothing to say.</param>
/// <param name="Busy">What the engine is doing right now ("applying…"), or null when idle.</param>
/// <param name="Objects">The lesson's live objects as the watch last saw them, for the objects panel; null before the first look.</param>
/// <param name="Classroom">The classroom the learner is in and its pace, or null for a learner on their own.</param>
public sealed record TutorState(
    Catalogue Catalogue,
    IReadOnlyDictionary<string, LessonProgress> Lessons,
    StepState? Step,
    IReadOnlyList<CheckResult> Checks,
    HintState Hints,
    ConnectionStatus Connection,
    ProgressSummary Progress,
    string? Message = null,
    string? Busy = null,
    IReadOnlyList<ObjectRow>? Objects = null,
    Tutor.Core.Classroom.ClassroomPace? Classroom = null)
{
    public LessonProgress ProgressOf(string lessonId) =>
        Lessons.TryGetValue(lessonId, out var progress) ? progress : LessonProgress.Open;
}
