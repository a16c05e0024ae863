using System.Text.Json.Nodes;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;

namespace Tutor.Core.Tests.Checks;

/// <summary>The canI form: how it is read from a checks file, and how the authorizer's answers are judged.</summary>
public class CanICheckTests
{
    private const string File = "manifests/510-rbac-least-privilege/step-2.checks.yaml";

    private static readonly AccessQuestion PatchApiToken = new(
        new AccessSubject(AccessSubjectKind.ServiceAccount, "token-refresher"), "patch", "", "secrets", null, "api-token", null);

    private static CheckParseResult Parse(string yaml) => CheckParser.Parse(yaml, File);

    private static string SingleError(string yaml)
    {
        var result = Parse(yaml);
        result.Errors.Should().HaveCount(1, "expected one error but got: {0}", string.Join(" | ", result.Errors));
        return result.Errors[0].ToString();
    }

    [Fact]
    public void Reads_the_form_with_the_question_it_asks()
    {
        var result = Parse("""
            - title: may patch api-token
              canI:
                as: serviceaccount token-refresher
                verb: patch
                resource: secrets
                name: api-token
                expect: true
            - title: may not list deployments elsewhere
              canI: { as: user alice, verb: list, resource: deployments, namespace: kube-system, expect: false }
            - title: custom resources name their group
              canI: { as: serviceaccount ci, verb: get, resource: kustomizations.kustomize.toolkit.fluxcd.io, subresource: status, expect: true }
            """);

        result.Errors.Should().BeEmpty();
        var checks = result.Checks.Cast<CanICheck>().ToList();
        checks[0].Question.Should().Be(PatchApiToken);
        checks[0].Expect.Should().BeTrue();
        checks[0].Asks.Should().Equal(PatchApiToken);
        checks[0].Reads.Should().Equal(WellKnownKinds.Role, WellKnownKinds.RoleBinding);
        checks[1].Question.Should().Be(new AccessQuestion(new AccessSubject(AccessSubjectKind.User, "alice"), "list", "apps", "deployments", null, null, "kube-system"));
        checks[1].Expect.Should().BeFalse();
        checks[2].Question.Group.Should().Be("kustomize.toolkit.fluxcd.io");
        checks[2].Question.Resource.Should().Be("kustomizations");
        checks[2].Question.Subresource.Should().Be("status");
        result.Checks.Select(c => c.Line).Should().Equal(1, 8, 10);
    }

    [Fact]
    public void The_learner_namespace_placeholder_means_no_other_namespace()
    {
        var check = (CanICheck)Parse("""
            - title: t
              canI: { as: serviceaccount a, verb: get, resource: pods, namespace: "{namespace}", expect: true }
            """).Checks.Single();

        check.Question.Namespace.Should().BeNull();
    }

    [Theory]
    [InlineData("canI: { as: serviceaccount a, verb: pacth, resource: secrets, expect: true }", "3: \"pacth\" is not a verb the RBAC authorizer knows; did you mean \"patch\"?")]
    [InlineData("canI: { as: serviceacount a, verb: get, resource: secrets, expect: true }", "3: canI as starts with serviceaccount or user, found \"serviceacount\"; did you mean \"serviceaccount\"?")]
    [InlineData("canI: { as: token-refresher, verb: get, resource: secrets, expect: true }", "3: canI as must be `serviceaccount <name>` or `user <name>`, found \"token-refresher\"")]
    [InlineData("canI: { as: serviceaccount a, verb: get, resource: secret, expect: true }", "3: unknown resource \"secret\"; did you mean \"secrets\"?")]
    [InlineData("canI: { as: serviceaccount a, verb: get, resource: Secret, expect: true }", "3: canI names the resource as the API does, lower-case and plural: write \"secrets\", not the kind \"Secret\"")]
    [InlineData("canI: { as: serviceaccount a, verb: get, resource: widgets, expect: true }", "3: resource \"widgets\" is not one Tutor knows the group of; add it as kubectl does: widgets.<group>")]
    [InlineData("canI: { as: serviceaccount a, verb: get, resource: secrets, expect: yes }", "3: canI expect must be true (the answer should be yes) or false (no), found \"yes\"")]
    [InlineData("canI: { as: serviceaccount a, verb: get, resource: secrets }", "3: canI needs expect: true when the answer should be yes, false when it should be no")]
    [InlineData("canI: { as: serviceaccount a, verb: get, resource: secrets, nmae: x, expect: true }", "3: unknown key \"nmae\" in canI; did you mean \"name\"?")]
    [InlineData("canI: { as: serviceaccount a, verb: get, resource: secrets, namespace: Kube_System, expect: true }", "3: \"Kube_System\" is not a valid namespace name, or write {namespace} for the learner's namespace")]
    [InlineData("canI: serviceaccount a may get secrets", "3: canI takes a map such as { as: serviceaccount token-refresher, verb: patch, resource: secrets, name: api-token, expect: true }, found \"serviceaccount a may get secrets\"")]
    public void Reports_mistakes_with_file_line_and_a_suggestion(string form, string expected)
    {
        SingleError($"""
            - title: t

              {form}
            """).Should().Be($"{File}:{expected}");
    }

    [Fact]
    public void A_resource_beside_canI_is_moved_inside_it()
    {
        SingleError("""
            - title: t
              resource: v1 Secret api-token
              canI: { as: serviceaccount a, verb: get, resource: secrets, expect: true }
            """).Should().Be($"{File}:2: canI names its resource inside it: move resource under canI (as kubectl names it: `secrets`, `deployments`)");
    }

    [Fact]
    public void A_misspelt_required_key_is_reported_once()
    {
        SingleError("""
            - title: t
              canI: { as: serviceaccount a, verb: get, resource: secrets, expcet: true }
            """).Should().Be($"{File}:2: unknown key \"expcet\" in canI; did you mean \"expect\"?");
    }

    [Fact]
    public void Passes_when_the_answer_is_the_one_expected()
    {
        var snapshot = Fixtures.Snapshot().WithAnswers(new Dictionary<AccessQuestion, AccessAnswer>
        {
            [PatchApiToken] = new(true, "RBAC: allowed by RoleBinding \"b/tutor\" of Role \"r\" to ServiceAccount \"tutor/token-refresher\""),
        });

        var yes = CheckEvaluator.Evaluate(new CanICheck("t", null, 1, PatchApiToken, true), snapshot);
        var no = CheckEvaluator.Evaluate(new CanICheck("t", null, 1, PatchApiToken, false), snapshot);

        yes.Passed.Should().BeTrue();
        yes.Message.Should().Be($"ServiceAccount token-refresher may patch secrets/api-token in namespace {Fixtures.Ns} (RBAC: allowed by RoleBinding \"b/tutor\" of Role \"r\" to ServiceAccount \"tutor/token-refresher\")");
        no.Passed.Should().BeFalse();
        no.Message.Should().StartWith($"expected ServiceAccount token-refresher not to be allowed to patch secrets/api-token in namespace {Fixtures.Ns}, but it is (RBAC: allowed by");
    }

    [Fact]
    public void An_unasked_or_unanswerable_question_fails_and_says_why()
    {
        var check = new CanICheck("t", null, 1, PatchApiToken, false);

        CheckEvaluator.Evaluate(check, Fixtures.Snapshot()).Message.Should().StartWith("the API server has not been asked yet");
        var refused = Fixtures.Snapshot().WithAnswers(new Dictionary<AccessQuestion, AccessAnswer>
        {
            [PatchApiToken] = AccessAnswer.Failed("you lack the right to create subjectaccessreviews (403 Forbidden)"),
        });
        var verdict = CheckEvaluator.Evaluate(check, refused);
        verdict.Passed.Should().BeFalse("a question that could not be asked proves nothing, not even a denial");
        verdict.Message.Should().EndWith(": you lack the right to create subjectaccessreviews (403 Forbidden)");
    }

    [Theory]
    [InlineData("[]", "[]", "no RoleBinding in namespace tutor names ServiceAccount token-refresher among its subjects")]
    [InlineData("[]", """[{"kind": "User", "name": "token-refresher"}]""", "RoleBinding b names token-refresher, but not as `kind: ServiceAccount`")]
    [InlineData("[]", """[{"kind": "ServiceAccount", "name": "token-refresher"}]""", "RoleBinding b refers to Role writer, which does not exist in namespace tutor")]
    [InlineData("""[{"apiGroups": ["v1"], "resources": ["secrets"], "verbs": ["patch"]}]""", """[{"kind": "ServiceAccount", "name": "token-refresher"}]""", "Role writer has no rule for secrets in apiGroup \"\" (the core group is written \"\")")]
    [InlineData("""[{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get"]}]""", """[{"kind": "ServiceAccount", "name": "token-refresher"}]""", "Role writer's rules for secrets do not list the verb patch")]
    [InlineData("""[{"apiGroups": [""], "resources": ["secrets"], "resourceNames": ["db-password"], "verbs": ["patch"]}]""", """[{"kind": "ServiceAccount", "name": "token-refresher", "namespace": "tutor"}]""", "Role writer's rules for secrets name other objects in resourceNames, not api-token")]
    public void A_denial_that_should_be_allowed_is_explained_from_the_roles_and_bindings(string rules, string subjects, string expected)
    {
        var role = Fixtures.Obj($$"""{ "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": { "name": "writer" }, "rules": {{rules}} }""");
        var binding = Fixtures.Obj($$"""
            { "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": { "name": "b" },
              "roleRef": { "apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "writer" }, "subjects": {{subjects}} }
            """);
        var roles = rules == "[]" ? new List<JsonObject>() : [role];
        var bindings = subjects == "[]" ? new List<JsonObject>() : [binding];

        RbacDiagnosis.ExplainDenial(PatchApiToken, "tutor", roles, bindings).Should().StartWith(expected);
    }

    [Fact]
    public void The_evaluator_attaches_the_explanation_to_an_unexpected_denial()
    {
        var snapshot = Fixtures.Snapshot().WithAnswers(new Dictionary<AccessQuestion, AccessAnswer> { [PatchApiToken] = new(false, "") });

        var verdict = CheckEvaluator.Evaluate(new CanICheck("t", null, 1, PatchApiToken, true), snapshot);

        verdict.Passed.Should().BeFalse();
        verdict.Message.Should().Be($"expected ServiceAccount token-refresher to be allowed to patch secrets/api-token in namespace {Fixtures.Ns}, but it is not");
        verdict.Diagnosis.Should().Be($"no RoleBinding in namespace {Fixtures.Ns} names ServiceAccount token-refresher among its subjects");
    }

    [Fact]
    public void A_service_account_is_asked_about_as_its_user_with_its_groups()
    {
        var question = PatchApiToken with { Namespace = "default" };

        var review = AccessReviewer.Review(question, "tutor-ada");

        review.Spec.User.Should().Be("system:serviceaccount:tutor-ada:token-refresher");
        review.Spec.Groups.Should().Equal("system:serviceaccounts", "system:serviceaccounts:tutor-ada", "system:authenticated");
        review.Spec.ResourceAttributes.Should().BeEquivalentTo(new { Verb = "patch", Group = "", Resource = "secrets", Name = "api-token", NamespaceProperty = "default" });
    }
}
