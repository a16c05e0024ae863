using Tutor.Core.Checks;
using Tutor.Core.Cluster;
using static Tutor.Tests.Cluster.Objects;

namespace Tutor.Tests.Cluster;

public class ManifestApplierTests
{
    [Fact]
    public async Task Apply_creates_then_updates_by_server_side_apply()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        var applier = new ManifestApplier(cluster.Connection);

        var first = await applier.ApplyAsync([LearnerNamespace(), DeploymentOf("vote", 1), ServiceOf("vote")], ns);
        var second = await applier.ApplyAsync([LearnerNamespace(), DeploymentOf("vote", 3), ServiceOf("vote")], ns);

        first.Errors.Should().BeEmpty();
        first.Applied.Select(o => o.ToString()).Should().Equal($"namespace/{ns} created", "deployment.apps/vote created", "service/vote created");
        second.Errors.Should().BeEmpty();
        second.Applied.Should().Contain(new ApplyOutcome("deployment.apps/vote", ApplyAction.Configured));
        var deployment = await cluster.GetAsync($"apis/apps/v1/namespaces/{ns}/deployments/vote");
        deployment!["spec"]!["replicas"]!.GetValue<int>().Should().Be(3);
        var managers = deployment["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>());
        managers.Should().Contain("tutor");
    }

    [Fact]
    public async Task Applying_the_same_objects_again_reports_unchanged()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var applier = new ManifestApplier(cluster.Connection);
        await applier.ApplyAsync([ConfigMapOf("settings", "a")], cluster.LearnerNamespace);

        var again = await applier.ApplyAsync([ConfigMapOf("settings", "a")], cluster.LearnerNamespace);

        again.Applied.Should().Equal(new ApplyOutcome("configmap/settings", ApplyAction.Unchanged));
    }

    [Fact]
    public async Task Missing_learner_namespace_is_created_with_tutors_labels()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;

        var result = await new ManifestApplier(cluster.Connection).ApplyAsync([ConfigMapOf("settings")], ns);

        result.Applied.Select(o => o.ToString()).Should().Equal($"namespace/{ns} created", "configmap/settings created");
        (await NamespaceGuard.CheckAsync(cluster.Connection, ns)).IsTutors.Should().BeTrue();
        (await cluster.GetAsync($"api/v1/namespaces/{ns}/configmaps/settings")).Should().NotBeNull();
    }

    [Fact]
    public async Task One_invalid_object_means_nothing_is_applied()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        var unserved = Make(new ResourceKind("apps/v2", "Deployment"), "vote", null, line: 14);

        var result = await new ManifestApplier(cluster.Connection).ApplyAsync([ConfigMapOf("first", line: 1), unserved, ConfigMapOf("other", line: 20, @namespace: "default")], ns);

        result.Ok.Should().BeFalse();
        result.Applied.Should().BeEmpty();
        result.Errors.Select(e => (e.File, e.Line)).Should().Equal(("manifests/test.yaml", 14), ("manifests/test.yaml", 20));
        result.Errors[0].Message.Should().Contain("the cluster does not serve apps/v2 Deployment");
        (await cluster.GetAsync($"api/v1/namespaces/{ns}")).Should().BeNull("not even the namespace is created");
        (await cluster.GetAsync($"api/v1/namespaces/{ns}/configmaps/first")).Should().BeNull();
        (await cluster.GetAsync("api/v1/namespaces/default/configmaps/other")).Should().BeNull();
    }
}
