namespace Tutor.Core.Catalogue;

/// <summary>One lesson. Ids are stable strings ("120") so gaps can be filled later.</summary>
public sealed record Lesson(
    string Id,
    int Level,
    string Title,
    int Minutes,
    string Text,
    LessonRequirements Requires,
    IReadOnlyList<string> Setup,
    IReadOnlyList<LessonStep> Steps)
{
    /// <summary>Where the lesson was written in lessons.json (<see cref="SourceLines.None"/> when built in code).</summary>
    public SourceLines Source { get; init; } = SourceLines.None;
}
