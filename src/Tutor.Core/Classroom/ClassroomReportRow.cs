namespace Tutor.Core.Classroom;

/// <summary>One learner's line of the room.</summary>
/// <param name="StepsDone">Steps passed over all lessons.</param>
/// <param name="LastProgress">When a step last passed; null when none has.</param>
/// <param name="FailingFor">How long the failing check has been failing; null when none is.</param>
public sealed record ClassroomReportRow(
    string Learner,
    string Namespace,
    string? Lesson,
    int Step,
    int StepsDone,
    IReadOnlyDictionary<string, int[]> Passed,
    DateTimeOffset? LastProgress,
    string? FailingCheck,
    TimeSpan? FailingFor,
    LearnerStanding Standing)
{
    public bool Started => Lesson is not null;

    public bool Stuck => Standing == LearnerStanding.Stuck;
}
