namespace Tutor.Tests.Kubectl;

/// <summary>
/// <c>kubectl drain</c>, which deletes a node's pods with a protobuf DeleteOptions body (the sandbox serves no
/// eviction subresource). Skipped without kubectl 1.28+.
/// </summary>
public sealed class DrainKubectlTests(KubectlSandbox sandbox) : IClassFixture<KubectlSandbox>
{
    private (int Code, string Out, string Error) Ok(params string[] args)
    {
        var result = sandbox.Kubectl(args);
        result.Code.Should().Be(0, $"kubectl {string.Join(' ', args)}: {result.Error}");
        return result;
    }

    [SkippableFact]
    public void Drain_moves_a_nodes_pods_elsewhere_and_uncordon_opens_it_again()
    {
        Skip.If(KubectlSandbox.Unavailable is not null, KubectlSandbox.Unavailable);
        Ok("create", "namespace", "drain");
        Ok("create", "deployment", "web", "--image=nginx:1.27", "--replicas=4", "-n", "drain");
        Ok("rollout", "status", "deployment/web", "-n", "drain", "--timeout=20s");

        var drained = Ok("drain", "sandbox-worker", "--ignore-daemonsets", "--timeout=30s");
        Ok("rollout", "status", "deployment/web", "-n", "drain", "--timeout=20s");
        var nodes = Ok("get", "pods", "-n", "drain", "-o", "jsonpath={.items[*].spec.nodeName}").Out.Split(' ');
        var cordoned = Ok("get", "node", "sandbox-worker").Out;
        var uncordoned = Ok("uncordon", "sandbox-worker").Out;

        drained.Out.Should().Contain("node/sandbox-worker cordoned").And.Contain("node/sandbox-worker drained");
        nodes.Should().HaveCount(4).And.NotContain("sandbox-worker");
        cordoned.Should().MatchRegex(@"sandbox-worker\s+Ready,SchedulingDisabled");
        uncordoned.Should().Contain("node/sandbox-worker uncordoned");
    }
}
