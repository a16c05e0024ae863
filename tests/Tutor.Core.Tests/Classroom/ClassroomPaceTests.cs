using System.Text.Json.Nodes;
using Tutor.Core.Classroom;
using Tutor.Core.Progress;

namespace Tutor.Core.Tests.Classroom;

public class ClassroomPaceTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Tutor.Core.Catalogue.Catalogue Catalogue = ClassroomCatalogue.Four;

    private static LearnerProgress Passed(params (string Lesson, int Step)[] steps) =>
        steps.Aggregate(LearnerProgress.Empty, (p, s) => p.MarkPassed(s.Lesson, s.Step, T));

    [Fact]
    public void Lessons_after_the_pace_are_held_and_the_paced_lesson_itself_is_not()
    {
        var pace = new ClassroomPace("k8s-101", "110");
        pace.Holds(Catalogue, "101").Should().BeFalse();
        pace.Holds(Catalogue, "110").Should().BeFalse();
        pace.Holds(Catalogue, "120").Should().BeTrue();
        pace.Holds(Catalogue, "130").Should().BeTrue();
        new ClassroomPace("k8s-101", null).Holds(Catalogue, "130").Should().BeFalse("no unlockTo means no limit");
    }

    [Fact]
    public void A_pace_on_a_lesson_the_catalogue_does_not_have_compares_by_number()
    {
        var pace = new ClassroomPace("k8s-101", "115");
        pace.Holds(Catalogue, "110").Should().BeFalse();
        pace.Holds(Catalogue, "120").Should().BeTrue();
    }

    [Fact]
    public void A_finished_or_started_lesson_after_the_pace_still_waits_for_the_instructor()
    {
        var pace = new ClassroomPace("k8s-101", "101");
        var ahead = Passed(("101", 1), ("101", 2), ("110", 1));
        UnlockRules.IsLessonUnlocked(ahead, Catalogue, "110").Should().BeTrue("on their own the learner may go on");
        UnlockRules.IsLessonUnlocked(ahead, Catalogue, "110", pace).Should().BeFalse();
        UnlockRules.IsStepUnlocked(ahead, Catalogue, "110", 2, pace).Should().BeFalse();
        UnlockRules.StateOf(ahead, Catalogue, "110", pace).Should().Be(LessonState.Locked);
        UnlockRules.IsWaiting(Catalogue, "110", pace).Should().BeTrue();
        UnlockRules.IsWaiting(Catalogue, "101", pace).Should().BeFalse();
    }

    [Fact]
    public void Unlock_rules_still_apply_inside_the_pace()
    {
        var pace = new ClassroomPace("k8s-101", "130");
        UnlockRules.IsLessonUnlocked(LearnerProgress.Empty, Catalogue, "110", pace).Should().BeFalse("lesson 101 is not finished");
    }

    [Fact]
    public void A_learner_who_finished_everything_open_resumes_on_the_last_step_of_the_paced_lesson()
    {
        var pace = new ClassroomPace("k8s-101", "101");
        UnlockRules.CurrentStep(Passed(("101", 1), ("101", 2)), Catalogue, pace).Should().Be(new StepPosition("101", 2));
        UnlockRules.CurrentStep(Passed(("101", 1), ("101", 2)), Catalogue).Should().Be(new StepPosition("110", 1));
    }

    [Fact]
    public void A_remembered_position_after_the_pace_is_not_where_the_learner_resumes()
    {
        var progress = Passed(("101", 1), ("101", 2), ("110", 1)).MoveTo("110", 2, T);
        UnlockRules.CurrentStep(progress, Catalogue, new ClassroomPace("k8s-101", "101")).Should().Be(new StepPosition("101", 2));
    }

    [Theory]
    [InlineData("110", 1, "120")]
    [InlineData("110", -1, "101")]
    [InlineData("101", -1, "101")]
    [InlineData("130", 1, "130")]
    [InlineData(null, -1, "120")]
    [InlineData(null, 1, "130")]
    [InlineData("115", 1, "120")]
    [InlineData("115", -1, "101")]
    public void Moving_the_pace_walks_the_catalogue_and_stays_within_it(string? from, int by, string expected) =>
        ClassroomPace.Move(Catalogue, from, by).Should().Be(expected);

    [Fact]
    public void The_pace_is_read_from_the_instructors_config_map()
    {
        var configMap = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = ClassroomNames.ClassroomConfigMap },
            ["data"] = new JsonObject { [ClassroomNames.ClassroomKey] = "k8s-101", [ClassroomNames.UnlockToKey] = " 150 " },
        };
        ClassroomPace.FromConfigMap(configMap).Should().Be(new ClassroomPace("k8s-101", "150"));
        configMap["data"]![ClassroomNames.UnlockToKey] = "";
        ClassroomPace.FromConfigMap(configMap).Should().Be(new ClassroomPace("k8s-101", null));
        ClassroomPace.FromConfigMap(new JsonObject { ["metadata"] = new JsonObject() }).Should().BeNull();
    }

    [Fact]
    public void The_header_names_the_room_and_its_pace()
    {
        new ClassroomPace("k8s-101", "150").Describe().Should().Be("classroom k8s-101 · paced to 150");
        new ClassroomPace("k8s-101", null).Describe("|").Should().Be("classroom k8s-101 | no pace limit");
    }
}
