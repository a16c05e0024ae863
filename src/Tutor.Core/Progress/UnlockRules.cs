using Tutor.Core.Catalogue;
using Tutor.Core.Classroom;

namespace Tutor.Core.Progress;

/// <summary>
/// What a learner may open: the first lesson always; a lesson once the previous one in catalogue order
/// is complete; a step once the step before it passed. Lessons the catalogue marks unavailable never unlock and
/// are passed over, as if absent. In a classroom, nothing after the instructor's pace (<see cref="ClassroomPace"/>),
/// not even a lesson already started. Pure functions of progress and catalogue.
/// </summary>
public static class UnlockRules
{
    public static bool IsLessonComplete(LearnerProgress progress, Lesson lesson) =>
        lesson.Steps.All(s => progress.IsPassed(lesson.Id, s.Number));

    public static bool IsLessonUnlocked(LearnerProgress progress, Catalogue.Catalogue catalogue, string lessonId, ClassroomPace? pace = null)
    {
        var index = IndexOf(catalogue, lessonId);
        if (index < 0 || !catalogue.IsAvailable(lessonId) || IsWaiting(catalogue, lessonId, pace))
            return false;
        var previous = catalogue.Lessons.Take(index).LastOrDefault(l => catalogue.IsAvailable(l.Id));
        if (previous is null)
            return true;
        // A lesson already started stays open, so inserting a new lesson before it does not lock a learner out.
        return IsLessonComplete(progress, previous) || progress.PassedSteps(lessonId).Count > 0;
    }

    /// <summary>True when the lesson is held back by the classroom's pace, whatever the learner's progress.</summary>
    public static bool IsWaiting(Catalogue.Catalogue catalogue, string lessonId, ClassroomPace? pace) =>
        pace is not null && pace.Holds(catalogue, lessonId);

    public static bool IsStepUnlocked(LearnerProgress progress, Catalogue.Catalogue catalogue, string lessonId, int step, ClassroomPace? pace = null)
    {
        if (!IsLessonUnlocked(progress, catalogue, lessonId, pace))
            return false;
        var steps = catalogue.Find(lessonId)!.Steps;
        var index = steps.ToList().FindIndex(s => s.Number == step);
        if (index < 0)
            return false;
        return index == 0 || progress.IsPassed(lessonId, steps[index - 1].Number) || progress.IsPassed(lessonId, step);
    }

    public static LessonState StateOf(LearnerProgress progress, Catalogue.Catalogue catalogue, string lessonId, ClassroomPace? pace = null)
    {
        var lesson = catalogue.Find(lessonId);
        if (lesson is null || !IsLessonUnlocked(progress, catalogue, lessonId, pace))
            return LessonState.Locked;
        if (IsLessonComplete(progress, lesson))
            return LessonState.Complete;
        return progress.PassedSteps(lessonId).Count > 0 ? LessonState.InProgress : LessonState.Open;
    }

    /// <summary>
    /// Where the learner resumes: their remembered position while it is still open; otherwise the first
    /// step not passed of the first open, unfinished lesson; when everything open is done, the last step open
    /// (the last step of the course, or of the last lesson the classroom's pace allows). Null only for an empty catalogue.
    /// </summary>
    public static StepPosition? CurrentStep(LearnerProgress progress, Catalogue.Catalogue catalogue, ClassroomPace? pace = null)
    {
        if (progress.CurrentLessonId is { } id && IsStepUnlocked(progress, catalogue, id, progress.CurrentStep, pace))
            return new StepPosition(id, progress.CurrentStep);

        foreach (var lesson in catalogue.Lessons.Where(l => catalogue.IsAvailable(l.Id)))
        {
            if (!IsLessonUnlocked(progress, catalogue, lesson.Id, pace))
                break;
            var next = lesson.Steps.FirstOrDefault(s => !progress.IsPassed(lesson.Id, s.Number));
            if (next is not null)
                return new StepPosition(lesson.Id, next.Number);
        }

        var last = catalogue.Lessons.LastOrDefault(l => l.Steps.Count > 0 && catalogue.IsAvailable(l.Id) && !IsWaiting(catalogue, l.Id, pace))
                   ?? catalogue.Lessons.FirstOrDefault(l => l.Steps.Count > 0 && catalogue.IsAvailable(l.Id));
        return last is null ? null : new StepPosition(last.Id, last.Steps[^1].Number);
    }

    /// <summary>The step after a position in catalogue order (next step, or the first step of the next lesson); null at the end.</summary>
    public static StepPosition? After(Catalogue.Catalogue catalogue, StepPosition position)
    {
        var index = IndexOf(catalogue, position.LessonId);
        if (index < 0)
            return null;
        var steps = catalogue.Lessons[index].Steps;
        var stepIndex = steps.ToList().FindIndex(s => s.Number == position.Step);
        if (stepIndex >= 0 && stepIndex + 1 < steps.Count)
            return new StepPosition(position.LessonId, steps[stepIndex + 1].Number);
        return catalogue.Lessons.Skip(index + 1).Where(l => l.Steps.Count > 0 && catalogue.IsAvailable(l.Id))
            .Select(l => new StepPosition(l.Id, l.Steps[0].Number)).FirstOrDefault();
    }

    private static int IndexOf(Catalogue.Catalogue catalogue, string lessonId)
    {
        for (var i = 0; i < catalogue.Lessons.Count; i++)
            if (catalogue.Lessons[i].Id == lessonId)
                return i;
        return -1;
    }
}
