using Tutor.Tests.Kubectl;

namespace Tutor.Tests.Classroom;

/// <summary>
/// A workshop as it happens: the instructor runs `tutor classroom provision`, a learner points the real kubectl at
/// the kubeconfig it wrote. Skipped, with the reason, without kubectl 1.28 or newer.
/// </summary>
public sealed class ClassroomKubectlTests(ClassroomSandbox room) : IClassFixture<ClassroomSandbox>
{
    private (int Code, string Out, string Error) Kubectl(string kubeconfig, params string[] args) =>
        KubectlSandbox.Run(kubeconfig, null, ["--cache-dir", Path.Combine(room.Directory, "kubectl-cache"), .. args]);

    [SkippableFact]
    public async Task A_learner_uses_kubectl_with_the_kubeconfig_provision_wrote_inside_their_namespace_only()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        using var cli = room.Instructor();
        var provision = await cli.RunAsync("classroom", "provision", "--name", "kc", "--learners", "2", "--out", room.Out("kc"));
        provision.Exit.Should().Be(0, provision.Error);
        var mine = room.KubeconfigOf("kc", "learner-01");
        await File.WriteAllTextAsync(Path.Combine(room.Directory, "ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: mine}\n");
        var manifest = Path.Combine(room.Directory, "web.yaml");
        await File.WriteAllTextAsync(manifest, """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: "nginx:1.27"}]
            """);

        var context = Kubectl(mine, "config", "view", "--minify", "-o", "jsonpath={.contexts[0].context.namespace}");
        var apply = Kubectl(mine, "apply", "-f", manifest);
        var rollout = Kubectl(mine, "rollout", "status", "deployment/web", "--timeout=30s");
        var pods = Kubectl(mine, "get", "pods", "-l", "app=web", "-o", "name");
        var events = Kubectl(mine, "get", "events");
        var canDeploy = Kubectl(mine, "auth", "can-i", "create", "deployments");
        var otherSecrets = Kubectl(mine, "get", "secrets", "-n", "kc-learner-02");
        var nodes = Kubectl(mine, "get", "nodes");
        var newNamespace = Kubectl(mine, "create", "-f", Path.Combine(room.Directory, "ns.yaml"));
        var allNamespaces = Kubectl(mine, "get", "pods", "-A");

        context.Out.Should().Be("kc-learner-01");
        apply.Code.Should().Be(0, apply.Error);
        apply.Out.Should().Contain("deployment.apps/web created");
        rollout.Code.Should().Be(0, rollout.Error);
        pods.Out.Should().StartWith("pod/web-");
        events.Code.Should().Be(0, events.Error);
        canDeploy.Out.Trim().Should().Be("yes");
        otherSecrets.Code.Should().NotBe(0);
        otherSecrets.Error.Should().Contain("Forbidden").And.Contain("system:serviceaccount:kc-learner-01:tutor-learner");
        nodes.Error.Should().Contain("Forbidden");
        allNamespaces.Error.Should().Contain("Forbidden");
        newNamespace.Error.Should().Contain("Forbidden");
    }
}
