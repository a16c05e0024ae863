namespace Tutor.Core.Doctor;

/// <summary>Whether this cluster can run one lesson, and what it lacks.</summary>
public sealed record LessonReadiness(string Id, string Title, bool Runnable, IReadOnlyList<string> Missing)
{
    /// <summary>Optional add-ons the cluster lacks: the lesson runs, without the part that uses them.</summary>
    public IReadOnlyList<string> OptionalMissing { get; init; } = [];
}
