namespace Tutor.Tui;

/// <summary>How a lesson stands for the learner, as marked in the lesson tree.</summary>
public enum LessonMark
{
    Open,
    Current,
    Done,
    Locked,
}
