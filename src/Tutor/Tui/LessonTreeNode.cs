using Tutor.Core.Catalogue;

namespace Tutor.Tui;

/// <summary>A row of the lesson tree: a level (with its lessons below) or a lesson.</summary>
public sealed class LessonTreeNode
{
    private LessonTreeNode(Level? level, Lesson? lesson, IReadOnlyList<LessonTreeNode> children)
    {
        Level = level;
        Lesson = lesson;
        Children = children;
    }

    public Level? Level { get; }

    public Lesson? Lesson { get; }

    public IReadOnlyList<LessonTreeNode> Children { get; }

    /// <summary>One root per level, holding that level's lessons in catalogue order.</summary>
    public static IReadOnlyList<LessonTreeNode> Build(Catalogue catalogue) =>
        catalogue.Levels
            .Select(level => new LessonTreeNode(
                level,
                null,
                catalogue.LessonsOf(level).Select(lesson => new LessonTreeNode(null, lesson, [])).ToList()))
            .ToList();
}
