using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Tutor.Engine;
using Tutor.Sandbox;

namespace Tutor.Tests.Cluster;

/// <summary>
/// The sandbox's access control over real HTTP with the Kubernetes client: a learner's ServiceAccount token,
/// bound to a Role in its own namespace, can do what the Role allows there and nothing anywhere else.
/// </summary>
public sealed class SandboxRbacTests : IAsyncLifetime
{
    private SandboxServer _server = null!;
    private Kubernetes _admin = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(200) });
        _admin = new Kubernetes(SandboxClient.Configuration(_server));
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _server.DisposeAsync();
    }

    /// <summary>A namespace with a ServiceAccount bound to a Role; returns a token for it from a TokenRequest.</summary>
    private async Task<string> LearnerAsync(string ns, params V1PolicyRule[] rules)
    {
        await _admin.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await _admin.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "learner" } }, ns);
        await _admin.CreateNamespacedRoleAsync(new V1Role { Metadata = new V1ObjectMeta { Name = "learner" }, Rules = rules }, ns);
        await _admin.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "learner" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "learner" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "learner", NamespaceProperty = ns }],
        }, ns);
        var issued = await _admin.CreateNamespacedServiceAccountTokenAsync(
            new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = 7200 } }, "learner", ns);
        issued.Status.ExpirationTimestamp.Should().BeCloseTo(DateTime.UtcNow.AddHours(2), TimeSpan.FromMinutes(1));
        issued.Spec.ExpirationSeconds.Should().Be(7200);
        return issued.Status.Token;
    }

    /// <summary>A client built from a kubeconfig carrying <paramref name="token"/>, as a workshop hands one out.</summary>
    private Kubernetes ClientWith(string token)
    {
        var kubeconfig = _server.Kubeconfig().Replace(_server.Token, token, StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(kubeconfig));
        return new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(stream));
    }

    private static async Task<(HttpStatusCode Code, JsonNode? Status)> RefusalOf(Func<Task> call)
    {
        var e = await call.Should().ThrowAsync<HttpOperationException>();
        return (e.Which.Response.StatusCode, JsonNode.Parse(e.Which.Response.Content));
    }

    private static V1PolicyRule Rule(string group, string[] resources, params string[] verbs) =>
        new() { ApiGroups = [group], Resources = resources, Verbs = verbs };

    [Fact]
    public async Task Checks_of_a_learner_who_may_not_list_storage_classes_still_run_with_less_diagnosis()
    {
        var token = await LearnerAsync("team-s", Rule("", ["pods", "events", "persistentvolumeclaims"], "get", "list", "watch"));
        var connection = SandboxCluster.Connect(_server, token: token);
        var kinds = new[] { new Core.Checks.ResourceKind("v1", "Pod") }.Concat(Core.Checks.WellKnownKinds.PodDiagnosisReads).Distinct().ToList();

        var snapshot = await Core.Cluster.SnapshotReader.ReadAsync(connection, kinds, "team-s");
        snapshot.Reachable.Should().BeTrue("storage classes and volumes are only read to explain a failure");
        snapshot.List(Core.Checks.WellKnownKinds.StorageClass).Should().BeEmpty("the learner may not list them");

        await using var watcher = new Core.Cluster.SnapshotWatcher(connection, kinds, "team-s");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var seen in watcher.ReadAllAsync(deadline.Token))
        {
            seen.Reachable.Should().BeTrue();
            break;
        }

        var refused = await RefusalOf(() => ClientWith(token).ListStorageClassAsync());
        refused.Code.Should().Be(HttpStatusCode.Forbidden, "the token really lacks the right");
    }

    [Fact]
    public async Task A_learner_token_works_in_its_namespace_and_nowhere_else()
    {
        var token = await LearnerAsync("team-a", Rule("", ["configmaps", "secrets", "pods"], "get", "list", "create", "delete"));
        await _admin.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "other" } });
        using var learner = ClientWith(token);

        await learner.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "mine" } }, "team-a");
        (await learner.ListNamespacedSecretAsync("team-a")).Items.Should().NotBeNull();
        var secrets = await RefusalOf(() => learner.ListNamespacedSecretAsync("other"));
        var ns = await RefusalOf(() => learner.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "mine" } }));
        var nodes = await RefusalOf(() => learner.ListNodeAsync());
        var node = await RefusalOf(() => learner.ReadNodeAsync("sandbox-worker"));
        var deployments = await RefusalOf(() => learner.ListNamespacedDeploymentAsync("team-a"));

        secrets.Code.Should().Be(HttpStatusCode.Forbidden);
        secrets.Status!["kind"]!.GetValue<string>().Should().Be("Status");
        secrets.Status["reason"]!.GetValue<string>().Should().Be("Forbidden");
        secrets.Status["message"]!.GetValue<string>().Should().Be(
            "secrets is forbidden: User \"system:serviceaccount:team-a:learner\" cannot list resource \"secrets\" in API group \"\" in the namespace \"other\"");
        ns.Code.Should().Be(HttpStatusCode.Forbidden);
        ns.Status!["message"]!.GetValue<string>().Should().EndWith("cannot create resource \"namespaces\" in API group \"\" at the cluster scope");
        nodes.Code.Should().Be(HttpStatusCode.Forbidden);
        node.Status!["message"]!.GetValue<string>().Should().StartWith("nodes \"sandbox-worker\" is forbidden:");
        deployments.Status!["message"]!.GetValue<string>().Should().Contain("in API group \"apps\" in the namespace \"team-a\"");

        var review = await learner.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview());
        review.Status.UserInfo.Username.Should().Be("system:serviceaccount:team-a:learner");
        review.Status.UserInfo.Groups.Should().BeEquivalentTo("system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated");
    }

    [Fact]
    public async Task Access_reviews_agree_with_what_requests_get()
    {
        var token = await LearnerAsync("team-a", Rule("", ["secrets"], "get", "list"));
        using var learner = ClientWith(token);
        async Task<bool> Can(string verb, string resource, string? ns, string group = "") =>
            (await _admin.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
            {
                Spec = new V1SubjectAccessReviewSpec
                {
                    User = "system:serviceaccount:team-a:learner",
                    Groups = ["system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated"],
                    ResourceAttributes = new V1ResourceAttributes { Verb = verb, Resource = resource, NamespaceProperty = ns, Group = group },
                },
            })).Status.Allowed;

        (await Can("list", "secrets", "team-a")).Should().BeTrue();
        (await Can("list", "secrets", "other")).Should().BeFalse();
        (await Can("create", "namespaces", null)).Should().BeFalse();
        (await Can("get", "nodes", null)).Should().BeFalse();

        var self = await learner.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec { ResourceAttributes = new V1ResourceAttributes { Verb = "list", Resource = "secrets", NamespaceProperty = "team-a" } },
        });
        self.Status.Allowed.Should().BeTrue();
        self.Status.Reason.Should().Contain("RoleBinding \"learner/team-a\"");

        var local = await _admin.CreateNamespacedLocalSubjectAccessReviewAsync(new V1LocalSubjectAccessReview
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = "other" },
            Spec = new V1SubjectAccessReviewSpec { User = "system:serviceaccount:team-a:learner", ResourceAttributes = new V1ResourceAttributes { Verb = "get", Resource = "secrets" } },
        }, "other");
        local.Status.Allowed.Should().BeFalse();

        var rules = await learner.CreateSelfSubjectRulesReviewAsync(new V1SelfSubjectRulesReview { Spec = new V1SelfSubjectRulesReviewSpec { NamespaceProperty = "team-a" } });
        rules.Status.ResourceRules.Should().Contain(r => r.Resources.Contains("secrets") && r.Verbs.Contains("list"));
        rules.Status.NonResourceRules.Should().Contain(r => r.NonResourceURLs.Contains("/version"));
    }

    [Fact]
    public async Task A_learner_cannot_grant_itself_more_than_it_holds()
    {
        var token = await LearnerAsync("team-a",
            Rule("", ["configmaps"], "get", "list"),
            Rule("rbac.authorization.k8s.io", ["roles", "rolebindings"], "create", "get", "list"));
        using var learner = ClientWith(token);
        V1RoleBinding Binding(string name, string kind, string role) => new()
        {
            Metadata = new V1ObjectMeta { Name = name },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = kind, Name = role },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "default", NamespaceProperty = "team-a" }],
        };

        var admin = await RefusalOf(() => learner.CreateNamespacedRoleBindingAsync(Binding("take-over", "ClusterRole", "cluster-admin"), "team-a"));
        var wider = await RefusalOf(() => learner.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "wider" },
            Rules = [Rule("", ["configmaps", "secrets"], "get", "list")],
        }, "team-a"));
        var cluster = await RefusalOf(() => learner.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "take-over" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "cluster-admin" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "learner", NamespaceProperty = "team-a" }],
        }));
        await learner.CreateNamespacedRoleAsync(new V1Role { Metadata = new V1ObjectMeta { Name = "narrower" }, Rules = [Rule("", ["configmaps"], "get")] }, "team-a");
        await learner.CreateNamespacedRoleBindingAsync(Binding("share", "Role", "narrower"), "team-a");

        admin.Code.Should().Be(HttpStatusCode.Forbidden);
        admin.Status!["message"]!.GetValue<string>().Should().Contain("is attempting to grant RBAC permissions not currently held");
        wider.Code.Should().Be(HttpStatusCode.Forbidden);
        wider.Status!["message"]!.GetValue<string>().Should().Contain("Resources:[\"secrets\"]").And.NotContain("Resources:[\"configmaps\"]");
        cluster.Code.Should().Be(HttpStatusCode.Forbidden);
        (await _admin.ListNamespacedRoleBindingAsync("team-a")).Items.Select(b => b.Metadata.Name).Should().BeEquivalentTo("learner", "share");
    }

    [Fact]
    public async Task Tokens_stop_working_when_their_account_goes_and_unknown_tokens_get_401()
    {
        var token = await LearnerAsync("team-a", Rule("", ["configmaps"], "list"));
        using var learner = ClientWith(token);
        using var stranger = ClientWith("made-up-token");
        (await learner.ListNamespacedConfigMapAsync("team-a")).Items.Should().NotBeNull();

        var unknown = await RefusalOf(() => stranger.ListNamespacedConfigMapAsync("team-a"));
        await _admin.DeleteNamespacedServiceAccountAsync("learner", "team-a");
        var deleted = await RefusalOf(() => learner.ListNamespacedConfigMapAsync("team-a"));
        await _admin.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "learner" } }, "team-a");
        var recreated = await RefusalOf(() => learner.ListNamespacedConfigMapAsync("team-a"));

        unknown.Code.Should().Be(HttpStatusCode.Unauthorized);
        unknown.Status!["kind"]!.GetValue<string>().Should().Be("Status");
        deleted.Code.Should().Be(HttpStatusCode.Unauthorized);
        recreated.Code.Should().Be(HttpStatusCode.Unauthorized, "a token belongs to the account it was issued for, not to its name");
    }

    [Fact]
    public async Task Impersonation_needs_the_right_to_impersonate()
    {
        var token = await LearnerAsync("team-a", Rule("", ["configmaps"], "list"));
        using var learner = ClientWith(token);
        var asLearner = SandboxClient.Configuration(_server);
        using var impersonating = new Kubernetes(asLearner, new ImpersonationHandler("system:serviceaccount:team-a:learner"));
        using var learnerImpersonating = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(
            new MemoryStream(Encoding.UTF8.GetBytes(_server.Kubeconfig().Replace(_server.Token, token, StringComparison.Ordinal)))), new ImpersonationHandler("sandbox-admin"));

        (await impersonating.ListNamespacedConfigMapAsync("team-a")).Items.Should().NotBeNull();
        var asOther = await RefusalOf(() => impersonating.ListNamespacedConfigMapAsync("other"));
        var escalating = await RefusalOf(() => learnerImpersonating.ListNodeAsync());

        asOther.Status!["message"]!.GetValue<string>().Should().Contain("User \"system:serviceaccount:team-a:learner\" cannot list");
        escalating.Code.Should().Be(HttpStatusCode.Forbidden);
        escalating.Status!["message"]!.GetValue<string>().Should().Be(
            "users \"sandbox-admin\" is forbidden: User \"system:serviceaccount:team-a:learner\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope");
    }

    [Fact]
    public async Task Every_namespace_gets_a_default_service_account_that_can_be_issued_a_token()
    {
        await _admin.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "fresh" } });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        V1ServiceAccount? account = null;
        while (account is null && DateTime.UtcNow < deadline)
        {
            try
            {
                account = await _admin.ReadNamespacedServiceAccountAsync("default", "fresh");
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                await Task.Delay(50);
            }
        }

        account.Should().NotBeNull();
        var issued = await _admin.CreateNamespacedServiceAccountTokenAsync(new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec() }, "default", "fresh");
        issued.Spec.ExpirationSeconds.Should().Be(3600);
        using var client = ClientWith(issued.Status.Token);
        var refused = await RefusalOf(() => client.ListNamespacedPodAsync("fresh"));
        refused.Code.Should().Be(HttpStatusCode.Forbidden, "a default account holds no rights of its own");
        var tooShort = await RefusalOf(() => _admin.CreateNamespacedServiceAccountTokenAsync(
            new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = 60 } }, "default", "fresh"));
        tooShort.Code.Should().Be((HttpStatusCode)422);
        tooShort.Status!["message"]!.GetValue<string>().Should().Contain("spec.expirationSeconds");
    }

    [Fact]
    public async Task A_legacy_token_secret_gets_a_token_that_works_while_the_secret_exists()
    {
        await LearnerAsync("team-a", Rule("", ["configmaps"], "list"));
        await _admin.CreateNamespacedSecretAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "learner-token", Annotations = new Dictionary<string, string> { ["kubernetes.io/service-account.name"] = "learner" } },
            Type = "kubernetes.io/service-account-token",
        }, "team-a");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        V1Secret secret;
        do
        {
            secret = await _admin.ReadNamespacedSecretAsync("learner-token", "team-a");
            if (secret.Data?.ContainsKey("token") == true) break;
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        var data = secret.Data ?? new Dictionary<string, byte[]>();
        data.Should().ContainKey("token").And.ContainKey("ca.crt");
        Encoding.UTF8.GetString(data["namespace"]).Should().Be("team-a");
        using var learner = ClientWith(Encoding.UTF8.GetString(data["token"]));
        (await learner.ListNamespacedConfigMapAsync("team-a")).Items.Should().NotBeNull();
        (await RefusalOf(() => learner.ListNamespacedConfigMapAsync("other"))).Code.Should().Be(HttpStatusCode.Forbidden);

        await _admin.DeleteNamespacedSecretAsync("learner-token", "team-a");
        (await RefusalOf(() => learner.ListNamespacedConfigMapAsync("team-a"))).Code.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        var clock = new MovableClock();
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Clock = clock, PodStartDelay = TimeSpan.FromMilliseconds(200) });
        using var admin = new Kubernetes(SandboxClient.Configuration(server));
        await admin.CreateNamespacedServiceAccountAsync(new V1ServiceAccount { Metadata = new V1ObjectMeta { Name = "short" } }, "default");
        var issued = await admin.CreateNamespacedServiceAccountTokenAsync(
            new Authenticationv1TokenRequest { Spec = new V1TokenRequestSpec { ExpirationSeconds = 600 } }, "short", "default");
        using var client = new Kubernetes(SandboxClient.Configuration(server, token: issued.Status.Token));

        var fresh = await client.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview());
        clock.Advance(TimeSpan.FromSeconds(601));
        var expired = await RefusalOf(() => client.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview()));

        fresh.Status.UserInfo.Username.Should().Be("system:serviceaccount:default:short");
        expired.Code.Should().Be(HttpStatusCode.Unauthorized);
    }

    /// <summary>The system clock, moved forward on demand (timers still run in real time).</summary>
    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan _offset;

        public void Advance(TimeSpan by) => _offset += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
    }

    /// <summary>Adds the impersonation header kubectl's <c>--as</c> sends.</summary>
    private sealed class ImpersonationHandler(string user) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("Impersonate-User", user);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
