using Tutor.Core.Checks;
using Tutor.Core.Progress;
using Tutor.Engine;
using Tutor.Tui;

namespace Tutor.Tests.Engine;

public class TutorStateBuilderTests
{
    private static readonly ConnectionStatus Connected = new("kind-tutor", "tutor", ConnectionState.Connected);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly Core.Catalogue.Catalogue _catalogue = ShippedCatalogue.Files().Catalogue;

    [Fact]
    public void A_new_learner_sees_the_first_lesson_current_and_the_next_locked_with_a_reason()
    {
        var state = TutorStateBuilder.Build(_catalogue, LearnerProgress.Empty, new Selection("101", 1), null, [], null, Connected);

        state.ProgressOf("101").Mark.Should().Be(LessonMark.Current);
        state.ProgressOf("110").Mark.Should().Be(LessonMark.Locked);
        state.ProgressOf("110").LockedReason.Should().Contain("101");
        state.Step!.NextUnlocked.Should().BeFalse();
        state.Progress.StepsDone.Should().Be(0);
        state.Progress.StepsTotal.Should().Be(_catalogue.Lessons.Sum(l => l.Steps.Count));
    }

    [Fact]
    public void In_a_classroom_a_lesson_needing_cluster_wide_rights_is_unavailable_and_the_next_one_opens()
    {
        var classroom = Core.Classroom.ClassroomLessons.ForClassroom(_catalogue);

        var state = TutorStateBuilder.Build(classroom, LearnerProgress.Empty, new Selection("110", 1), null, [], null, Connected);

        state.ProgressOf("101").Mark.Should().Be(LessonMark.Locked);
        state.ProgressOf("101").Available.Should().BeFalse();
        state.ProgressOf("101").LockedReason.Should().Be(Core.Classroom.ClassroomLessons.UnavailableReason);
        state.ProgressOf("110").Mark.Should().Be(LessonMark.Current);
        state.ProgressOf("120").Available.Should().BeTrue();
        state.ProgressOf("120").LockedReason.Should().Contain("110").And.NotContain("101");
        UnlockRules.CurrentStep(LearnerProgress.Empty, classroom).Should().Be(new StepPosition("110", 1));
    }

    [Fact]
    public void A_passed_step_unlocks_next_and_a_finished_lesson_is_done()
    {
        var progress = LearnerProgress.Empty.MarkPassed("101", 1, Now).MarkPassed("101", 2, Now).MarkPassed("110", 1, Now);

        var state = TutorStateBuilder.Build(_catalogue, progress, new Selection("110", 1), null, [], null, Connected);

        state.ProgressOf("101").Mark.Should().Be(LessonMark.Done);
        state.ProgressOf("110").Mark.Should().Be(LessonMark.Current);
        state.ProgressOf("110").StepsDone.Should().Be(1);
        state.ProgressOf("120").Mark.Should().Be(LessonMark.Locked);
        state.Step!.Done.Should().BeTrue();
        state.Step.NextUnlocked.Should().BeTrue();
        state.Progress.StepsDone.Should().Be(3);
    }

    [Fact]
    public void Hints_are_revealed_in_order_and_never_past_the_last()
    {
        var step = _catalogue.Find("120")!.Steps[0];

        var two = TutorStateBuilder.Build(_catalogue, LearnerProgress.Empty, new Selection("120", 1, HintsRevealed: 2), null, [], null, Connected);
        var many = TutorStateBuilder.Build(_catalogue, LearnerProgress.Empty, new Selection("120", 1, HintsRevealed: 99), null, [], null, Connected);

        two.Hints.Revealed.Should().Equal(step.Hints.Take(2));
        two.Hints.AnyLeft.Should().BeTrue();
        many.Hints.Revealed.Should().Equal(step.Hints);
        many.Hints.AnyLeft.Should().BeFalse();
    }

    [Fact]
    public void Verdicts_pair_with_checks_in_order_and_unevaluated_checks_have_none()
    {
        var checks = ShippedCatalogue.Files().Checks(_catalogue.Find("120")!.Steps[0]);
        var verdicts = new[] { CheckVerdict.Pass("gone"), CheckVerdict.Fail("expected x, found y", "why") };

        var state = TutorStateBuilder.Build(_catalogue, LearnerProgress.Empty, new Selection("120", 1), new StepContent("# text", "kind: Pod"), checks, verdicts, Connected);

        state.Checks.Select(c => c.Title).Should().Equal(checks.Select(c => c.Title));
        state.Checks[0].Verdict!.Passed.Should().BeTrue();
        state.Checks[1].Verdict!.Diagnosis.Should().Be("why");
        state.Checks[2].Verdict.Should().BeNull();
        state.Step!.Markdown.Should().Be("# text");
        state.Step.ManifestYaml.Should().Be("kind: Pod");
    }

    [Fact]
    public void A_step_whose_checks_or_manifests_name_NetworkPolicy_says_so_and_its_commands_pass_through()
    {
        var policyChecks = CheckParser.Parse("- title: The policy exists\n  resource: networking.k8s.io/v1 NetworkPolicy deny-all\n  exists: true\n", "checks.yaml").Checks;
        var plain = new StepContent("# text", null, ["kubectl get pods"], ["Deployment"]);

        var byChecks = TutorStateBuilder.Build(_catalogue, LearnerProgress.Empty, new Selection("120", 1), plain, policyChecks, null, Connected);
        var byManifest = TutorStateBuilder.Build(_catalogue, LearnerProgress.Empty, new Selection("120", 1), plain with { Kinds = ["NetworkPolicy"] }, [], null, Connected);
        var neither = TutorStateBuilder.Build(_catalogue, LearnerProgress.Empty, new Selection("120", 1), plain, [], null, Connected);

        byChecks.Step!.UsesNetworkPolicy.Should().BeTrue();
        byManifest.Step!.UsesNetworkPolicy.Should().BeTrue();
        neither.Step!.UsesNetworkPolicy.Should().BeFalse();
        neither.Step.Commands.Should().Equal("kubectl get pods");
    }
}
