namespace Tutor.Core.Progress;

/// <summary>A place in the catalogue: a lesson and one of its step numbers.</summary>
public sealed record StepPosition(string LessonId, int Step)
{
    public override string ToString() => $"{LessonId} step {Step}";
}
