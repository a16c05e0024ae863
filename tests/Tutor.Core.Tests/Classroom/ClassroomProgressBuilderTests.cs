using Tutor.Core.Classroom;
using Tutor.Core.Progress;

namespace Tutor.Core.Tests.Classroom;

public class ClassroomProgressBuilderTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly StepPosition At110Step2 = new("110", 2);

    private static LearnerProgress Passed(params (string Lesson, int Step)[] steps) =>
        steps.Aggregate(LearnerProgress.Empty, (p, s) => p.MarkPassed(s.Lesson, s.Step, T));

    [Fact]
    public void The_record_says_where_the_learner_is_and_what_they_passed()
    {
        var record = ClassroomProgressBuilder.Next(null, "ada", Passed(("101", 1), ("101", 2), ("110", 1)), At110Step2, "Deployment web exists", T);

        record.Learner.Should().Be("ada");
        record.Lesson.Should().Be("110");
        record.Step.Should().Be(2);
        record.Passed.Should().ContainKey("101").WhoseValue.Should().Equal(1, 2);
        record.Passed["110"].Should().Equal(1);
        record.FailingCheck.Should().Be("Deployment web exists");
        record.FailingSince.Should().Be(T);
        record.UpdatedAt.Should().Be(T);
    }

    [Fact]
    public void The_same_check_failing_on_the_same_step_keeps_its_start_and_a_new_one_starts_over()
    {
        var first = ClassroomProgressBuilder.Next(null, "ada", LearnerProgress.Empty, At110Step2, "A", T);
        var later = ClassroomProgressBuilder.Next(first, "ada", LearnerProgress.Empty, At110Step2, "A", T.AddMinutes(7));
        later.FailingSince.Should().Be(T);

        var other = ClassroomProgressBuilder.Next(later, "ada", LearnerProgress.Empty, At110Step2, "B", T.AddMinutes(8));
        other.FailingSince.Should().Be(T.AddMinutes(8));

        var elsewhere = ClassroomProgressBuilder.Next(other, "ada", LearnerProgress.Empty, new StepPosition("110", 1), "B", T.AddMinutes(9));
        elsewhere.FailingSince.Should().Be(T.AddMinutes(9), "the same title on another step is another failure");

        var passing = ClassroomProgressBuilder.Next(elsewhere, "ada", LearnerProgress.Empty, new StepPosition("110", 1), null, T.AddMinutes(10));
        passing.FailingSince.Should().BeNull();
        ClassroomProgressBuilder.Next(passing, "ada", LearnerProgress.Empty, new StepPosition("110", 1), "B", T.AddMinutes(11))
            .FailingSince.Should().Be(T.AddMinutes(11), "a check that passed in between failed anew");
    }

    [Fact]
    public void Last_progress_moves_only_when_a_new_step_passes()
    {
        var first = ClassroomProgressBuilder.Next(null, "ada", Passed(("101", 1)), At110Step2, null, T);
        first.LastProgress.Should().Be(T);

        var moved = ClassroomProgressBuilder.Next(first, "ada", Passed(("101", 1)), new StepPosition("101", 2), "X", T.AddMinutes(3));
        moved.LastProgress.Should().Be(T, "moving and failing is not progress");

        var passed = ClassroomProgressBuilder.Next(moved, "ada", Passed(("101", 1), ("101", 2)), new StepPosition("101", 2), null, T.AddMinutes(4));
        passed.LastProgress.Should().Be(T.AddMinutes(4));

        var reset = ClassroomProgressBuilder.Next(passed, "ada", Passed(("101", 1)), new StepPosition("101", 1), null, T.AddMinutes(5));
        reset.LastProgress.Should().Be(T.AddMinutes(4), "forgetting a lesson is not progress");
    }

    [Fact]
    public void Two_records_that_differ_only_in_when_they_were_written_say_the_same()
    {
        var a = ClassroomProgressBuilder.Next(null, "ada", Passed(("101", 1)), At110Step2, "A", T);
        var b = ClassroomProgressBuilder.Next(a, "ada", Passed(("101", 1)), At110Step2, "A", T.AddMinutes(1));
        ClassroomProgressBuilder.SameContent(a, b).Should().BeTrue();
        ClassroomProgressBuilder.SameContent(a, ClassroomProgressBuilder.Next(a, "ada", Passed(("101", 1), ("101", 2)), At110Step2, "A", T)).Should().BeFalse();
        ClassroomProgressBuilder.SameContent(a, ClassroomProgressBuilder.Next(a, "ada", Passed(("101", 1)), new StepPosition("110", 1), "A", T)).Should().BeFalse();
        ClassroomProgressBuilder.SameContent(a, null).Should().BeFalse();
    }

    [Fact]
    public void The_record_round_trips_through_its_json_and_garbage_reads_as_none()
    {
        var record = ClassroomProgressBuilder.Next(null, "ada", Passed(("101", 1)), At110Step2, "A", T);
        var json = ClassroomProgressJson.Write(record);
        json.Should().Contain("\"failingCheck\":\"A\"").And.Contain("\"passed\":{\"101\":[1]}");
        ClassroomProgressBuilder.SameContent(ClassroomProgressJson.Read(json), record).Should().BeTrue();
        ClassroomProgressJson.Read("{not json").Should().BeNull();
        ClassroomProgressJson.Read(null).Should().BeNull();
    }
}
