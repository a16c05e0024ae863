namespace Tutor.Tests.Kubectl;

/// <summary>
/// The kubectl a learner has, against the sandbox, for what the level-100 lessons ask of it. Skipped, with
/// the reason, on a machine without kubectl 1.28 or newer.
/// </summary>
public sealed class KubectlTests(KubectlSandbox sandbox) : IClassFixture<KubectlSandbox>
{
    private static readonly Lazy<string?> Unavailable = new(() => KubectlSandbox.Unavailable);

    private (int Code, string Out, string Error) Kubectl(params string[] args) => sandbox.Kubectl(args);

    private static string Manifest(string relative) => Path.Combine(Engine.ShippedCatalogue.Root, relative);

    [SkippableFact]
    public void Apply_with_default_validation_then_get_prints_the_real_columns()
    {
        Skip.If(Unavailable.Value is not null, Unavailable.Value);

        var created = Kubectl("create", "-f", Manifest("manifests/101-meet-your-cluster/step-1.yaml"));
        created.Code.Should().Be(0, created.Error);
        var applied = Kubectl("apply", "-f", Manifest("manifests/120-deployments/step-2.solution.yaml"));
        applied.Code.Should().Be(0, applied.Error);
        applied.Out.Should().Contain("deployment.apps/vote created");
        var rollout = Kubectl("rollout", "status", "deployment/vote", "--timeout=20s");
        rollout.Code.Should().Be(0, rollout.Error);

        var pods = Kubectl("get", "pods");
        var deployments = Kubectl("get", "deployments");
        var nodes = Kubectl("get", "nodes");

        pods.Out.Split('\n')[0].Should().MatchRegex(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s*$");
        pods.Out.Should().MatchRegex(@"vote-\S+\s+1/1\s+Running\s+0\s+");
        deployments.Out.Should().MatchRegex(@"NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE").And.MatchRegex(@"vote\s+3/3\s+3\s+3\s+");
        nodes.Out.Should().Contain("sandbox-control-plane").And.Contain("control-plane");
    }

    [SkippableFact]
    public void Scale_labels_and_server_side_apply_work_as_the_lessons_say()
    {
        Skip.If(Unavailable.Value is not null, Unavailable.Value);
        Kubectl("apply", "-f", sandbox.File("scaling.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: scaling\n")).Code.Should().Be(0);
        Kubectl("apply", "-n", "scaling", "-f", Manifest("manifests/120-deployments/step-1.solution.yaml")).Code.Should().Be(0);

        var scaled = Kubectl("scale", "-n", "scaling", "deployment", "vote", "--replicas=2");
        var labelled = Kubectl("label", "namespace", "scaling", "environment=learning");
        var selected = Kubectl("get", "namespaces", "-l", "environment=learning", "-o", "name");
        var serverSide = Kubectl("apply", "-n", "scaling", "--server-side", "-f", Manifest("manifests/120-deployments/step-2.solution.yaml"));
        var replicas = Kubectl("get", "-n", "scaling", "deployment", "vote", "-o", "jsonpath={.spec.replicas}");

        scaled.Code.Should().Be(0, scaled.Error);
        labelled.Code.Should().Be(0, labelled.Error);
        selected.Out.Trim().Should().Be("namespace/scaling");
        serverSide.Code.Should().Be(0, serverSide.Error);
        serverSide.Out.Should().Contain("serverside-applied");
        replicas.Out.Should().Be("3");
    }
}
