using Tutor.Core.Catalogue;
using Tutor.Core.Checks;
using Tutor.Core.Classroom;
using Tutor.Core.Progress;
using Tutor.Tui;

namespace Tutor.Engine;

/// <summary>
/// Builds the screen's <see cref="TutorState"/> from the catalogue, the learner's progress, the selected step
/// and the latest verdicts. Pure: the files a step shows are passed in, so it is tested without disk or cluster.
/// </summary>
public static class TutorStateBuilder
{
    private const string NetworkPolicy = "NetworkPolicy";

    public static TutorState Build(
        Catalogue catalogue,
        LearnerProgress progress,
        Selection? selection,
        StepContent? content,
        IReadOnlyList<Check> checks,
        IReadOnlyList<CheckVerdict>? verdicts,
        ConnectionStatus connection,
        string? message = null,
        string? busy = null,
        ClusterSnapshot? snapshot = null, ClassroomPace? pace = null)
    {
        var lessons = new Dictionary<string, LessonProgress>();
        foreach (var lesson in catalogue.Lessons)
        {
            var done = progress.PassedSteps(lesson.Id).Count(n => n >= 1 && n <= lesson.Steps.Count);
            var state = UnlockRules.StateOf(progress, catalogue, lesson.Id, pace);
            lessons[lesson.Id] = state switch
            {
                LessonState.Locked when UnlockRules.IsWaiting(catalogue, lesson.Id, pace) && catalogue.IsAvailable(lesson.Id) =>
                    new LessonProgress(LessonMark.Locked, done, WaitingReason(pace!), Waiting: true),
                LessonState.Locked => new LessonProgress(LessonMark.Locked, done, LockedReason(catalogue, progress, lesson)) { Available = catalogue.IsAvailable(lesson.Id) },
                LessonState.Complete => new LessonProgress(LessonMark.Done, done),
                _ when selection?.LessonId == lesson.Id => new LessonProgress(LessonMark.Current, done),
                _ => new LessonProgress(LessonMark.Open, done),
            };
        }

        StepState? step = null;
        var hints = HintState.None;
        if (selection is not null && catalogue.Find(selection.LessonId) is { } selected && selection.Step >= 1 && selection.Step <= selected.Steps.Count)
        {
            var s = selected.Steps[selection.Step - 1];
            var passed = progress.IsPassed(selected.Id, s.Number);
            step = new StepState(selected.Id, s.Number, selected.Steps.Count, s.Title, content?.Markdown ?? "", s.Manifest, content?.ManifestYaml,
                Done: passed, NextUnlocked: passed, HasSolution: s.Solution is not null || s.Removes.Count > 0, Commands: content?.Commands,
                UsesNetworkPolicy: checks.Any(c => c.Reads.Any(k => k.Kind == NetworkPolicy)) || content?.Kinds?.Contains(NetworkPolicy) == true);
            hints = new HintState(s.Hints.Take(Math.Clamp(selection.HintsRevealed, 0, s.Hints.Count)).ToList(), s.Hints.Count);
        }

        var results = checks.Select((c, i) => new CheckResult(c.Title, verdicts is not null && i < verdicts.Count ? verdicts[i] : null)).ToList();
        var total = catalogue.Lessons.Sum(l => l.Steps.Count);
        var doneTotal = lessons.Values.Sum(l => l.StepsDone);
        return new TutorState(catalogue, lessons, step, results, hints, connection, new ProgressSummary(doneTotal, total), message, busy, ObjectRows.From(snapshot), pace);
    }

    /// <summary>Why a lesson after the classroom's pace is locked; reads after "Lesson 160 is".</summary>
    public static string WaitingReason(ClassroomPace pace) => $"waiting for the instructor, who paced classroom {pace.Classroom} to lesson {pace.UnlockTo}.";

    private static string LockedReason(Catalogue catalogue, LearnerProgress progress, Lesson lesson)
    {
        if (catalogue.Unavailable.TryGetValue(lesson.Id, out var unavailable)) return unavailable;
        var before = catalogue.Lessons.TakeWhile(l => l.Id != lesson.Id)
            .LastOrDefault(l => catalogue.IsAvailable(l.Id) && !UnlockRules.IsLessonComplete(progress, l));
        return before is null ? "Finish the lessons before this one first." : $"Finish lesson {before.Id} ({before.Title}) first.";
    }
}
