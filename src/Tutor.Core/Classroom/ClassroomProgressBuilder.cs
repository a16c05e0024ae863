using Tutor.Core.Progress;

namespace Tutor.Core.Classroom;

/// <summary>
/// The record a learner's Tutor publishes, computed from what it already knows. Pure: the previous record carries
/// what only history can tell (when a step last passed, since when the same check has failed).
/// </summary>
public static class ClassroomProgressBuilder
{
    /// <param name="previous">The record published before (or read back from the cluster at start), if any.</param>
    /// <param name="failingCheck">Title of the open step's first failing check; null when all pass or none ran yet.</param>
    public static ClassroomProgressRecord Next(ClassroomProgressRecord? previous, string learner, LearnerProgress progress,
        StepPosition? position, string? failingCheck, DateTimeOffset now)
    {
        var passed = progress.Passed
            .Where(p => p.Value.Count > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        // A step passed that the previous record did not have; forgetting a lesson (reset) is not progress.
        var progressed = passed.Any(p => previous is null || !previous.Passed.TryGetValue(p.Key, out var steps) || p.Value.Except(steps).Any());
        var sameFailure = failingCheck is not null && previous is not null && previous.FailingCheck == failingCheck
                          && previous.Lesson == position?.LessonId && previous.Step == (position?.Step ?? 0);
        return new ClassroomProgressRecord
        {
            Learner = learner,
            Lesson = position?.LessonId,
            Step = position?.Step ?? 0,
            Passed = passed,
            LastProgress = progressed ? now : previous?.LastProgress,
            FailingCheck = failingCheck,
            FailingSince = failingCheck is null ? null : sameFailure ? previous!.FailingSince ?? now : now,
            UpdatedAt = now,
        };
    }

    /// <summary>True when two records say the same thing apart from when they were written: only then is there nothing to publish.</summary>
    public static bool SameContent(ClassroomProgressRecord? a, ClassroomProgressRecord? b) =>
        a is not null && b is not null
        && a.Learner == b.Learner && a.Lesson == b.Lesson && a.Step == b.Step
        && a.LastProgress == b.LastProgress && a.FailingCheck == b.FailingCheck && a.FailingSince == b.FailingSince
        && a.Passed.Count == b.Passed.Count
        && a.Passed.All(p => b.Passed.TryGetValue(p.Key, out var steps) && steps.SequenceEqual(p.Value));
}
