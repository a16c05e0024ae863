using Tutor.Core.Catalogue;
using Tutor.Core.Progress;
using CatalogueModel = Tutor.Core.Catalogue.Catalogue;

namespace Tutor.Core.Tests.Progress;

public class UnlockRulesTests
{
    private static readonly DateTimeOffset T = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static Lesson Lesson(string id, int steps) => new(
        id, 100, $"Lesson {id}", 10, $"lessons/{id}.md", LessonRequirements.None, [],
        Enumerable.Range(1, steps).Select(n => new LessonStep(n, $"Step {n}", $"Step {n}", null, null, $"manifests/{id}/step-{n}.checks.yaml", [])).ToList());

    private static readonly CatalogueModel Catalogue = new(
        "/catalogue", [new Level(100, "Deploying apps", "")], [Lesson("101", 2), Lesson("110", 3), Lesson("120", 1)]);

    private static LearnerProgress Passed(params (string Lesson, int Step)[] steps) =>
        steps.Aggregate(LearnerProgress.Empty, (p, s) => p.MarkPassed(s.Lesson, s.Step, T));

    [Fact]
    public void A_new_learner_starts_at_the_first_step_of_the_first_lesson() =>
        UnlockRules.CurrentStep(LearnerProgress.Empty, Catalogue).Should().Be(new StepPosition("101", 1));

    [Fact]
    public void The_first_lesson_is_always_open_and_the_others_locked()
    {
        UnlockRules.IsLessonUnlocked(LearnerProgress.Empty, Catalogue, "101").Should().BeTrue();
        UnlockRules.IsLessonUnlocked(LearnerProgress.Empty, Catalogue, "110").Should().BeFalse();
        UnlockRules.IsLessonUnlocked(LearnerProgress.Empty, Catalogue, "999").Should().BeFalse();
    }

    [Fact]
    public void The_next_step_unlocks_when_the_step_before_passed()
    {
        UnlockRules.IsStepUnlocked(LearnerProgress.Empty, Catalogue, "101", 1).Should().BeTrue();
        UnlockRules.IsStepUnlocked(LearnerProgress.Empty, Catalogue, "101", 2).Should().BeFalse();
        UnlockRules.IsStepUnlocked(Passed(("101", 1)), Catalogue, "101", 2).Should().BeTrue();
        UnlockRules.IsStepUnlocked(Passed(("101", 1)), Catalogue, "101", 3).Should().BeFalse("lesson 101 has no step 3");
    }

    [Fact]
    public void A_lesson_unlocks_when_the_previous_one_is_complete()
    {
        UnlockRules.IsLessonUnlocked(Passed(("101", 1)), Catalogue, "110").Should().BeFalse();
        UnlockRules.IsLessonUnlocked(Passed(("101", 1), ("101", 2)), Catalogue, "110").Should().BeTrue();
        UnlockRules.IsLessonUnlocked(Passed(("101", 1), ("101", 2)), Catalogue, "120").Should().BeFalse();
    }

    [Fact]
    public void A_started_lesson_stays_open_even_if_the_one_before_is_not_complete() =>
        UnlockRules.IsLessonUnlocked(Passed(("120", 1)), Catalogue, "120").Should().BeTrue();

    [Fact]
    public void The_learner_resumes_at_the_first_step_not_passed()
    {
        UnlockRules.CurrentStep(Passed(("101", 1)), Catalogue).Should().Be(new StepPosition("101", 2));
        UnlockRules.CurrentStep(Passed(("101", 1), ("101", 2)), Catalogue).Should().Be(new StepPosition("110", 1));
        UnlockRules.CurrentStep(Passed(("101", 1), ("101", 2), ("110", 1)), Catalogue).Should().Be(new StepPosition("110", 2));
    }

    [Fact]
    public void A_remembered_open_position_wins()
    {
        var progress = Passed(("101", 1), ("101", 2), ("110", 1)).MoveTo("101", 1, T);
        UnlockRules.CurrentStep(progress, Catalogue).Should().Be(new StepPosition("101", 1));
    }

    [Fact]
    public void A_remembered_position_that_is_locked_is_ignored() =>
        UnlockRules.CurrentStep(LearnerProgress.Empty.MoveTo("120", 1, T), Catalogue).Should().Be(new StepPosition("101", 1));

    [Fact]
    public void When_everything_is_done_the_learner_stays_on_the_last_step() =>
        UnlockRules.CurrentStep(Passed(("101", 1), ("101", 2), ("110", 1), ("110", 2), ("110", 3), ("120", 1)), Catalogue)
            .Should().Be(new StepPosition("120", 1));

    [Fact]
    public void An_empty_catalogue_has_no_current_step() =>
        UnlockRules.CurrentStep(LearnerProgress.Empty, new CatalogueModel("/", [], [])).Should().BeNull();

    [Fact]
    public void Lesson_states_for_the_tree()
    {
        var progress = Passed(("101", 1), ("101", 2), ("110", 1));
        UnlockRules.StateOf(progress, Catalogue, "101").Should().Be(LessonState.Complete);
        UnlockRules.StateOf(progress, Catalogue, "110").Should().Be(LessonState.InProgress);
        UnlockRules.StateOf(progress, Catalogue, "120").Should().Be(LessonState.Locked);
        UnlockRules.StateOf(Passed(("101", 1), ("101", 2)), Catalogue, "110").Should().Be(LessonState.Open);
    }

    [Fact]
    public void After_walks_steps_then_lessons()
    {
        UnlockRules.After(Catalogue, new StepPosition("101", 1)).Should().Be(new StepPosition("101", 2));
        UnlockRules.After(Catalogue, new StepPosition("101", 2)).Should().Be(new StepPosition("110", 1));
        UnlockRules.After(Catalogue, new StepPosition("120", 1)).Should().BeNull();
    }

    [Fact]
    public void An_unavailable_lesson_never_unlocks_and_the_lessons_after_it_unlock_as_if_it_were_not_there()
    {
        var classroom = Catalogue with { Unavailable = new Dictionary<string, string> { ["101"] = "needs cluster-wide rights" } };

        UnlockRules.IsLessonUnlocked(Passed(("101", 1), ("101", 2)), classroom, "101").Should().BeFalse();
        UnlockRules.StateOf(LearnerProgress.Empty, classroom, "101").Should().Be(LessonState.Locked);
        UnlockRules.IsLessonUnlocked(LearnerProgress.Empty, classroom, "110").Should().BeTrue();
        UnlockRules.IsLessonUnlocked(LearnerProgress.Empty, classroom, "120").Should().BeFalse();
        UnlockRules.CurrentStep(LearnerProgress.Empty, classroom).Should().Be(new StepPosition("110", 1));
        UnlockRules.After(classroom, new StepPosition("110", 3)).Should().Be(new StepPosition("120", 1));
        var middle = Catalogue with { Unavailable = new Dictionary<string, string> { ["110"] = "no" } };
        UnlockRules.After(middle, new StepPosition("101", 2)).Should().Be(new StepPosition("120", 1));
        UnlockRules.IsLessonUnlocked(Passed(("101", 1), ("101", 2)), middle, "120").Should().BeTrue();
    }
}
