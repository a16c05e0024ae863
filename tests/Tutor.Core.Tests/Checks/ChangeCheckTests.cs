using Tutor.Core.Checks;
using static Tutor.Core.Tests.Checks.Fixtures;

namespace Tutor.Core.Tests.Checks;

/// <summary>`changed` / `unchanged`: a field now against the same field when the step started (lesson 230's proof).</summary>
public class ChangeCheckTests
{
    private const string ChecksFile = """
        - title: db-0 is a new Pod
          resource: v1 Pod db-0
          changed: metadata.uid
        - title: The claim is the same one
          resource: v1 PersistentVolumeClaim data-db-0
          unchanged: metadata.uid
        """;

    private static IReadOnlyList<Check> Checks()
    {
        var parsed = CheckParser.Parse(ChecksFile, "step-2.checks.yaml");
        parsed.Errors.Should().BeEmpty();
        return parsed.Checks;
    }

    private static System.Text.Json.Nodes.JsonObject Pod(string uid) =>
        Obj($$"""{ "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "db-0", "uid": "{{uid}}" } }""");

    private static System.Text.Json.Nodes.JsonObject Claim(string uid) =>
        Obj($$"""{ "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": { "name": "data-db-0", "uid": "{{uid}}" } }""");

    [Fact]
    public void A_replaced_pod_with_the_same_claim_passes_both()
    {
        var start = Snapshot(Pod("p-1"), Claim("c-1"));
        var verdicts = CheckEvaluator.EvaluateAll(Checks(), Snapshot(Pod("p-2"), Claim("c-1")), start);
        verdicts.Should().OnlyContain(v => v.Passed);
        verdicts[0].Message.Should().Be("Pod db-0: metadata.uid changed from \"p-1\" to \"p-2\" since the step started");
        verdicts[1].Message.Should().Be("PersistentVolumeClaim data-db-0: metadata.uid is still \"c-1\", as when the step started");
    }

    [Fact]
    public void Nothing_done_since_the_start_fails_the_change_and_says_so()
    {
        var state = Snapshot(Pod("p-1"), Claim("c-1"));
        var verdicts = CheckEvaluator.EvaluateAll(Checks(), state, state);
        verdicts[0].Passed.Should().BeFalse();
        verdicts[0].Message.Should().Be("expected metadata.uid of Pod db-0 to change since the step started, it is still \"p-1\"");
        verdicts[1].Passed.Should().BeTrue();
    }

    [Fact]
    public void A_claim_made_afresh_is_not_the_same_claim()
    {
        var start = Snapshot(Pod("p-1"), Claim("c-1"));
        var verdict = CheckEvaluator.EvaluateAll(Checks(), Snapshot(Pod("p-2"), Claim("c-9")), start)[1];
        verdict.Passed.Should().BeFalse();
        verdict.Message.Should().Be("expected metadata.uid of PersistentVolumeClaim data-db-0 to stay \"c-1\" as when the step started, found \"c-9\"");
    }

    [Fact]
    public void An_object_that_did_not_exist_at_the_start_is_new_but_not_the_same()
    {
        var verdicts = CheckEvaluator.EvaluateAll(Checks(), Snapshot(Pod("p-2"), Claim("c-1")), Snapshot());
        verdicts[0].Passed.Should().BeTrue();
        verdicts[1].Passed.Should().BeFalse();
        verdicts[1].Message.Should().StartWith("PersistentVolumeClaim data-db-0 did not exist when the step started");
    }

    [Fact]
    public void Without_a_start_both_fail_and_say_how_to_give_one()
    {
        var verdicts = CheckEvaluator.EvaluateAll(Checks(), Snapshot(Pod("p-2"), Claim("c-1")));
        verdicts.Should().OnlyContain(v => !v.Passed && v.Message.Contains("tutor check --wait"));
    }

    [Fact]
    public void An_object_gone_now_is_not_found()
    {
        var verdict = CheckEvaluator.EvaluateAll(Checks(), Snapshot(Claim("c-1")), Snapshot(Pod("p-1"), Claim("c-1")))[0];
        verdict.Passed.Should().BeFalse();
        verdict.Message.Should().Be($"Pod db-0 not found in namespace {Ns}");
    }

    [Fact]
    public void The_start_remembers_each_object_as_first_seen_so_a_restored_lesson_can_still_pass()
    {
        // Opened on an empty namespace (a sandbox being restored): the objects appear afterwards.
        var start = ClusterSnapshot.FirstSeen(null, Snapshot());
        start = ClusterSnapshot.FirstSeen(start, Snapshot(Pod("p-1")));
        start = ClusterSnapshot.FirstSeen(start, Snapshot(Pod("p-1"), Claim("c-1")));
        var now = Snapshot(Pod("p-2"), Claim("c-1"));
        start = ClusterSnapshot.FirstSeen(start, now);

        CheckEvaluator.EvaluateAll(Checks(), now, start).Should().OnlyContain(v => v.Passed);
        start.Get(new ResourceKind("v1", "Pod"), "db-0")!["metadata"]!["uid"]!.GetValue<string>().Should().Be("p-1", "the first Pod seen is kept");
    }

    [Fact]
    public void An_unreachable_look_does_not_replace_what_was_seen()
    {
        var start = ClusterSnapshot.FirstSeen(null, Snapshot(Pod("p-1")));
        ClusterSnapshot.FirstSeen(start, ClusterSnapshot.Unreachable(Ns)).Should().BeSameAs(start);
    }

    [Fact]
    public void Only_these_checks_ask_for_a_start() =>
        (CheckEvaluator.NeedsStart(Checks()), CheckEvaluator.NeedsStart(CheckParser.Parse("- title: x\n  reachable: true\n", "f").Checks))
            .Should().Be((true, false));

    [Theory]
    [InlineData("changed: true", "changed takes the dotted path of one field, such as `metadata.uid`; found")]
    [InlineData("changed: metadata..uid", "changed takes the dotted path of one field")]
    [InlineData("unchanged: { uid: 1 }", "unchanged takes the dotted path of one field")]
    public void A_path_that_is_not_one_is_reported_with_its_line(string form, string message)
    {
        var parsed = CheckParser.Parse($"- title: x\n  resource: v1 Pod db-0\n  {form}\n", "step.checks.yaml");
        parsed.Checks.Should().BeEmpty();
        parsed.Errors.Should().ContainSingle().Which.ToString().Should().Contain("step.checks.yaml:3").And.Contain(message);
    }

    [Fact]
    public void The_form_needs_a_resource() =>
        CheckParser.Parse("- title: x\n  changed: metadata.uid\n", "f").Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("changed needs a resource");
}
