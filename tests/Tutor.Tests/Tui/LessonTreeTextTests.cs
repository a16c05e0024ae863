using Tutor.Tui;

namespace Tutor.Tests.Tui;

public class LessonTreeTextTests
{
    private static readonly Tutor.Core.Catalogue.Lesson Deployments = SampleState.Catalogue.Find("120")!;

    [Fact]
    public void Lessons_read_mark_id_and_title()
    {
        LessonTreeText.Of(Deployments, new LessonProgress(LessonMark.Done, 3), GlyphSet.Unicode).Should().Be("✓ 120 Deployments");
        LessonTreeText.Of(Deployments, new LessonProgress(LessonMark.Locked), GlyphSet.Ascii).Should().Be("# 120 Deployments");
        LessonTreeText.Of(Deployments, LessonProgress.Open, GlyphSet.Unicode).Should().Be("· 120 Deployments");
    }

    [Fact]
    public void The_current_lesson_shows_its_steps_done()
    {
        LessonTreeText.Of(Deployments, new LessonProgress(LessonMark.Current, 1), GlyphSet.Unicode).Should().Be("▶ 120 Deployments 1/3");
    }

    [Fact]
    public void Levels_read_id_and_title()
    {
        LessonTreeText.Of(SampleState.Catalogue.Levels[0]).Should().Be("100 Deploying apps");
    }

    [Fact]
    public void A_locked_lesson_says_why()
    {
        LessonTreeText.LockedMessage(Deployments, new LessonProgress(LessonMark.Locked, 0, "finish 110 first"))
            .Should().Be("Lesson 120 is locked: finish 110 first");
        LessonTreeText.LockedMessage(Deployments, new LessonProgress(LessonMark.Locked)).Should().Contain("finish the lessons before it");
    }

    [Fact]
    public void The_tree_has_one_root_per_level_with_its_lessons_in_order()
    {
        var roots = LessonTreeNode.Build(SampleState.Catalogue);

        roots.Select(r => r.Level!.Id).Should().Equal(100, 200);
        roots[0].Children.Select(c => c.Lesson!.Id).Should().Equal("101", "110", "120");
        roots[1].Children.Select(c => c.Lesson!.Id).Should().Equal("210");
    }
}
