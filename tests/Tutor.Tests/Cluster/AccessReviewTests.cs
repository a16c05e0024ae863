using k8s;
using k8s.Models;
using Tutor.Core.Checks;
using Tutor.Core.Cluster;
using Tutor.Core.Manifests;

namespace Tutor.Tests.Cluster;

/// <summary>
/// canI questions put to the real sandbox's RBAC authorizer through SubjectAccessReviews: by the one-shot reader,
/// and by the watcher, which asks again when a Role or RoleBinding changes and makes no requests while nothing does.
/// </summary>
public class AccessReviewTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly ResourceKind Role = WellKnownKinds.Role;
    private static readonly ResourceKind RoleBinding = WellKnownKinds.RoleBinding;
    private static readonly AccessSubject Refresher = new(AccessSubjectKind.ServiceAccount, "token-refresher");
    private static readonly AccessQuestion PatchApiToken = new(Refresher, "patch", "", "secrets", null, "api-token", null);
    private static readonly AccessQuestion PatchDbPassword = PatchApiToken with { Name = "db-password" };
    private static readonly AccessQuestion ListSecrets = PatchApiToken with { Verb = "list", Name = null };
    private static readonly AccessQuestion GetElsewhere = PatchApiToken with { Verb = "get", Namespace = "default" };
    private static readonly AccessQuestion[] Questions = [PatchApiToken, PatchDbPassword, ListSecrets, GetElsewhere];

    private const string LeastPrivilege = """
        apiVersion: v1
        kind: ServiceAccount
        metadata: { name: token-refresher }
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: { name: api-token-writer }
        rules:
          - apiGroups: [""]
            resources: ["secrets"]
            resourceNames: ["api-token"]
            verbs: ["get", "patch"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: { name: token-refresher }
        roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: api-token-writer }
        subjects:
          - kind: ServiceAccount
            name: token-refresher
        """;

    private static IReadOnlyList<ManifestObject> Manifest(string yaml)
    {
        var read = ManifestReader.Read(yaml, "test.yaml");
        read.Errors.Should().BeEmpty();
        return read.Objects;
    }

    [Fact]
    public async Task The_reader_asks_each_question_and_the_sandbox_answers_with_its_rbac()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        (await new ManifestApplier(cluster.Connection).ApplyAsync(Manifest(LeastPrivilege), ns)).Errors.Should().BeEmpty();

        var snapshot = await SnapshotReader.ReadAsync(cluster.Connection, [Role, RoleBinding], Questions, ns);

        snapshot.Answer(PatchApiToken)!.Allowed.Should().BeTrue();
        snapshot.Answer(PatchApiToken)!.Reason.Should().Contain("RoleBinding").And.Contain("api-token-writer");
        snapshot.Answer(PatchDbPassword)!.Allowed.Should().BeFalse("resourceNames limits the rule to api-token");
        snapshot.Answer(ListSecrets)!.Allowed.Should().BeFalse("a list has no name, so resourceNames never covers it");
        snapshot.Answer(GetElsewhere)!.Allowed.Should().BeFalse("a RoleBinding grants in its own namespace only");
        var verdicts = CheckEvaluator.EvaluateAll(
            [new CanICheck("patch", null, 1, PatchApiToken, true), new CanICheck("list", null, 2, ListSecrets, false)], snapshot);
        verdicts.Should().OnlyContain(v => v.Passed);
    }

    [Fact]
    public async Task The_watcher_asks_again_when_a_binding_changes_and_not_while_nothing_does()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        var applier = new ManifestApplier(cluster.Connection);
        (await applier.ApplyAsync(Manifest("apiVersion: v1\nkind: ServiceAccount\nmetadata: { name: token-refresher }\n"), ns)).Errors.Should().BeEmpty();
        await using var watcher = new SnapshotWatcher(cluster.Connection, [Role, RoleBinding], ns, questions: Questions);

        var before = await FirstAsync(watcher, s => s.Reachable && s.Answer(PatchApiToken) is not null);
        before.Answer(PatchApiToken)!.Allowed.Should().BeFalse("nothing is bound yet");
        await Task.Delay(300); // let the watch requests arrive
        var quiet = cluster.Server.RequestCount;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        cluster.Server.RequestCount.Should().Be(quiet, "questions are asked again on a change, never on a timer");

        (await applier.ApplyAsync(Manifest(LeastPrivilege), ns)).Errors.Should().BeEmpty();
        var after = await FirstAsync(watcher, s => s.Answer(PatchApiToken)?.Allowed == true);

        after.Answer(ListSecrets)!.Allowed.Should().BeFalse();
        after.Get(RoleBinding, "token-refresher").Should().NotBeNull();
    }

    [Fact]
    public async Task A_learner_who_may_not_ask_gets_a_failed_answer_not_a_denial()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        var admin = cluster.Connection.Client;
        await admin.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await admin.CoreV1.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "learner" } }, ns);
        await admin.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "learner" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "admin" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "learner", NamespaceProperty = ns }],
        }, ns);
        var token = await admin.CoreV1.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec() }, "learner", ns);
        using var learner = SandboxCluster.Connect(cluster.Server, token: token.Status.Token);

        var snapshot = await SnapshotReader.ReadAsync(learner, [Role, RoleBinding], [PatchApiToken], ns);

        snapshot.Reachable.Should().BeTrue();
        var answer = snapshot.Answer(PatchApiToken)!;
        answer.Error.Should().Contain("403");
        CheckEvaluator.Evaluate(new CanICheck("t", null, 1, PatchApiToken, false), snapshot).Passed.Should().BeFalse();
    }

    private static async Task<ClusterSnapshot> FirstAsync(SnapshotWatcher watcher, Func<ClusterSnapshot, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await foreach (var snapshot in watcher.ReadAllAsync(timeout.Token))
        {
            if (predicate(snapshot)) return snapshot;
        }

        throw new TimeoutException("no matching snapshot");
    }
}
