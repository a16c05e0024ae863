using Tutor.Core.Progress;

namespace Tutor.Core.Tests.Progress;

public class LearnerProgressTests
{
    private static readonly DateTimeOffset T1 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = T1.AddMinutes(5);

    [Fact]
    public void Mark_passed_returns_new_progress_and_leaves_the_old_alone()
    {
        var before = LearnerProgress.Empty;
        var after = before.MarkPassed("120", 2, T1);
        before.IsPassed("120", 2).Should().BeFalse();
        after.IsPassed("120", 2).Should().BeTrue();
        after.UpdatedAt.Should().Be(T1);
    }

    [Fact]
    public void Passing_a_step_twice_keeps_one_entry() =>
        LearnerProgress.Empty.MarkPassed("120", 1, T1).MarkPassed("120", 1, T2).PassedSteps("120").Should().Equal(1);

    [Fact]
    public void Move_to_sets_the_position()
    {
        var moved = LearnerProgress.Empty.MoveTo("130", 2, T2);
        (moved.CurrentLessonId, moved.CurrentStep, moved.UpdatedAt).Should().Be(("130", 2, T2));
    }

    [Fact]
    public void Forget_lesson_clears_only_that_lesson()
    {
        var progress = LearnerProgress.Empty.MarkPassed("110", 1, T1).MarkPassed("120", 1, T1).ForgetLesson("120", T2);
        progress.PassedSteps("120").Should().BeEmpty();
        progress.PassedSteps("110").Should().Equal(1);
    }

    [Fact]
    public void Equal_content_is_equal_progress()
    {
        var a = LearnerProgress.Empty.MarkPassed("101", 1, T1).MarkPassed("101", 2, T1);
        var b = LearnerProgress.Empty.MarkPassed("101", 2, T1).MarkPassed("101", 1, T1);
        a.Should().Be(b);
        a.Should().NotBe(b.MarkPassed("101", 3, T1));
    }
}
