using Tutor.Sandbox;

namespace Tutor.Tests.Kubectl;

/// <summary>
/// kubectl's RBAC commands against the sandbox, as lesson 510 and the workshops use them: auth can-i (with
/// --as and --list), auth whoami, create token, and the role and binding listings. Skipped without kubectl 1.28+.
/// </summary>
public sealed class RbacKubectlTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tutor-kubectl-rbac-" + Guid.NewGuid().ToString("N")[..8]);
    private SandboxServer _server = null!;
    private string _kubeconfig = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _server = await SandboxServer.StartAsync(new SandboxOptions { PodStartDelay = TimeSpan.FromMilliseconds(200) });
        _kubeconfig = Path.Combine(_dir, "kubeconfig");
        await File.WriteAllTextAsync(_kubeconfig, _server.Kubeconfig());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private (int Code, string Out, string Error) Kubectl(params string[] args) => KubectlAs(_kubeconfig, args);

    private (int Code, string Out, string Error) KubectlAs(string kubeconfig, params string[] args) =>
        KubectlSandbox.Run(kubeconfig, null, ["--cache-dir", Path.Combine(_dir, "cache"), .. args]);

    /// <summary>Namespace <c>ns</c> with ServiceAccount <c>sa</c> allowed to read and write ConfigMaps there.</summary>
    private void Learner()
    {
        var manifest = Path.Combine(_dir, "learner.yaml");
        File.WriteAllText(manifest, """
            apiVersion: v1
            kind: Namespace
            metadata: {name: ns}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: other}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: sa, namespace: ns}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: config-editor, namespace: ns}
            rules:
            - apiGroups: [""]
              resources: [configmaps]
              verbs: [get, list, create, delete]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: sa-config-editor, namespace: ns}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: config-editor}
            subjects:
            - {kind: ServiceAccount, name: sa, namespace: ns}
            """);
        var applied = Kubectl("apply", "-f", manifest);
        applied.Code.Should().Be(0, applied.Error);
    }

    [SkippableFact]
    public void Auth_can_i_answers_for_an_impersonated_service_account()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        Learner();

        var inside = Kubectl("auth", "can-i", "create", "configmaps", "-n", "ns", "--as", "system:serviceaccount:ns:sa");
        var secrets = Kubectl("auth", "can-i", "list", "secrets", "-n", "other", "--as", "system:serviceaccount:ns:sa");
        var nodes = Kubectl("auth", "can-i", "get", "nodes", "--as", "system:serviceaccount:ns:sa");
        var admin = Kubectl("auth", "can-i", "delete", "nodes");

        inside.Out.Trim().Should().Be("yes", inside.Error);
        inside.Code.Should().Be(0);
        secrets.Out.Trim().Should().Be("no", secrets.Error);
        secrets.Code.Should().Be(1, "kubectl auth can-i exits 1 for no");
        nodes.Out.Trim().Should().Be("no", nodes.Error);
        admin.Out.Trim().Should().Be("yes", admin.Error);
    }

    [SkippableFact]
    public void Create_token_gives_a_kubeconfig_that_works_only_in_its_namespace()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        Learner();

        var token = Kubectl("create", "token", "sa", "-n", "ns", "--duration=1h");
        token.Code.Should().Be(0, token.Error);
        var learnerConfig = Path.Combine(_dir, "learner");
        File.WriteAllText(learnerConfig, _server.Kubeconfig().Replace(_server.Token, token.Out.Trim(), StringComparison.Ordinal));

        var whoami = KubectlAs(learnerConfig, "auth", "whoami");
        var notes = Path.Combine(_dir, "notes.yaml");
        File.WriteAllText(notes, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: notes, namespace: ns}\ndata: {a: b}\n");
        var created = KubectlAs(learnerConfig, "create", "-f", notes);
        var listed = KubectlAs(learnerConfig, "get", "configmaps", "-n", "ns");
        var elsewhere = KubectlAs(learnerConfig, "get", "secrets", "-n", "other");
        var namespaces = KubectlAs(learnerConfig, "get", "nodes");
        var rules = KubectlAs(learnerConfig, "auth", "can-i", "--list", "-n", "ns");

        whoami.Code.Should().Be(0, whoami.Error);
        whoami.Out.Should().MatchRegex(@"Username\s+system:serviceaccount:ns:sa").And.Contain("system:serviceaccounts:ns");
        created.Code.Should().Be(0, created.Error);
        listed.Out.Should().Contain("notes");
        elsewhere.Code.Should().NotBe(0);
        elsewhere.Error.Should().Contain("secrets is forbidden: User \"system:serviceaccount:ns:sa\" cannot list resource \"secrets\" in API group \"\" in the namespace \"other\"");
        namespaces.Code.Should().NotBe(0);
        namespaces.Error.Should().Contain("nodes is forbidden: User \"system:serviceaccount:ns:sa\" cannot list resource \"nodes\" in API group \"\" at the cluster scope");
        rules.Code.Should().Be(0, rules.Error);
        rules.Out.Should().MatchRegex(@"configmaps\s+\[\]\s+\[\]\s+\[get list create delete\]")
            .And.MatchRegex(@"selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]")
            .And.NotContain("secrets");
    }

    [SkippableFact]
    public void Roles_bindings_and_service_accounts_list_with_their_columns()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        Learner();

        var roles = Kubectl("get", "roles", "-n", "ns");
        var bindings = Kubectl("get", "rolebindings", "-n", "ns", "-o", "wide");
        var accounts = Kubectl("get", "serviceaccounts", "-n", "ns");
        var clusterRoles = Kubectl("get", "clusterroles");

        roles.Out.Should().MatchRegex(@"NAME\s+CREATED AT").And.MatchRegex(@"config-editor\s+\d{4}-\d\d-\d\dT");
        bindings.Out.Should().MatchRegex(@"NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS")
            .And.MatchRegex(@"sa-config-editor\s+Role/config-editor\s+\S+\s+ns:sa");
        accounts.Out.Should().MatchRegex(@"NAME\s+SECRETS\s+AGE").And.MatchRegex(@"sa\s+0\s+");
        clusterRoles.Out.Should().Contain("cluster-admin").And.Contain("view").And.Contain("system:discovery");
    }
}
