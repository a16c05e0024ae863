using System.Collections.Immutable;

namespace Tutor.Core.Progress;

/// <summary>
/// What one learner has done on one cluster: the passed step numbers of each lesson, where they are,
/// and when this last changed. Immutable; every operation returns a new value.
/// </summary>
public sealed record LearnerProgress(
    ImmutableDictionary<string, ImmutableSortedSet<int>> Passed,
    string? CurrentLessonId,
    int CurrentStep,
    DateTimeOffset UpdatedAt)
{
    /// <summary>A learner who has not started: nothing passed, no position (the unlock rules place them at the first step).</summary>
    public static readonly LearnerProgress Empty =
        new(ImmutableDictionary<string, ImmutableSortedSet<int>>.Empty, null, 0, DateTimeOffset.MinValue);

    public IReadOnlySet<int> PassedSteps(string lessonId) =>
        Passed.TryGetValue(lessonId, out var steps) ? steps : ImmutableSortedSet<int>.Empty;

    public bool IsPassed(string lessonId, int step) => Passed.TryGetValue(lessonId, out var steps) && steps.Contains(step);

    public LearnerProgress MarkPassed(string lessonId, int step, DateTimeOffset at)
    {
        var steps = Passed.TryGetValue(lessonId, out var existing) ? existing : ImmutableSortedSet<int>.Empty;
        return this with { Passed = Passed.SetItem(lessonId, steps.Add(step)), UpdatedAt = at };
    }

    public LearnerProgress MoveTo(string lessonId, int step, DateTimeOffset at) =>
        this with { CurrentLessonId = lessonId, CurrentStep = step, UpdatedAt = at };

    /// <summary>Forgets a lesson's passed steps, as resetting the lesson starts it over.</summary>
    public LearnerProgress ForgetLesson(string lessonId, DateTimeOffset at) =>
        this with { Passed = Passed.Remove(lessonId), UpdatedAt = at };

    // Records compare collections by reference; progress is equal when its content is.
    public bool Equals(LearnerProgress? other) =>
        other is not null &&
        CurrentLessonId == other.CurrentLessonId && CurrentStep == other.CurrentStep && UpdatedAt == other.UpdatedAt &&
        Passed.Count == other.Passed.Count &&
        Passed.All(p => other.Passed.TryGetValue(p.Key, out var steps) && steps.SetEquals(p.Value));

    public override int GetHashCode() => HashCode.Combine(CurrentLessonId, CurrentStep, UpdatedAt, Passed.Count);
}
