namespace Tutor.Core.Progress;

/// <summary>How a lesson shows in the lesson tree.</summary>
public enum LessonState
{
    Locked,
    Open,
    InProgress,
    Complete,
}
