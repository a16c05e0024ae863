using Tutor.Core.Catalogue;

namespace Tutor.Tui;

/// <summary>How levels and lessons read in the lesson tree.</summary>
public static class LessonTreeText
{
    public static string Of(Level level) => $"{level.Id} {level.Title}";

    public static string Of(Lesson lesson, LessonProgress progress, GlyphSet glyphs)
    {
        var steps = progress.Mark == LessonMark.Current && lesson.Steps.Count > 0
            ? $" {progress.StepsDone}/{lesson.Steps.Count}"
            : "";
        var waiting = progress.Waiting ? " (waiting)" : "";
        return $"{glyphs.MarkOf(progress.Mark)} {lesson.Id} {lesson.Title}{steps}{waiting}";
    }

    /// <summary>What the message line says when the learner opens a locked lesson.</summary>
    public static string LockedMessage(Lesson lesson, LessonProgress progress) =>
        string.IsNullOrWhiteSpace(progress.LockedReason)
            ? $"Lesson {lesson.Id} is locked: finish the lessons before it first."
            : $"Lesson {lesson.Id} is locked: {progress.LockedReason}";
}
