using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Tutor.Core.Cluster;
using static Tutor.Tests.Cluster.Objects;

namespace Tutor.Tests.Cluster;

/// <summary>Reset deletes only inside Tutor's namespaces: these tests are the proof.</summary>
public class LessonResetterTests
{
    [Fact]
    public async Task Reset_deletes_lesson_objects_and_applies_the_setup()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        var applied = await new ManifestApplier(cluster.Connection).ApplyAsync(
            [LearnerNamespace(), DeploymentOf("vote", 2), ServiceOf("vote"), ConfigMapOf("leftover")], ns);
        applied.Errors.Should().BeEmpty();

        var result = await new LessonResetter(cluster.Connection).ResetAsync(ns, [ConfigMapOf("setup", "fresh")]);

        result.Error.Should().BeNull();
        result.Ok.Should().BeTrue();
        result.Deleted.Should().Contain(["deployment.apps/vote", "service/vote", "configmap/leftover"]);
        (await cluster.GetAsync($"apis/apps/v1/namespaces/{ns}/deployments/vote")).Should().BeNull();
        (await cluster.GetAsync($"api/v1/namespaces/{ns}/services/vote")).Should().BeNull();
        (await cluster.GetAsync($"api/v1/namespaces/{ns}/configmaps/leftover")).Should().BeNull();
        var pods = await cluster.GetAsync($"api/v1/namespaces/{ns}/pods");
        pods!["items"]!.AsArray().Should().BeEmpty("the Deployment's pods go too");
        (await cluster.GetAsync($"api/v1/namespaces/{ns}/configmaps/setup"))!["data"]!["value"]!.GetValue<string>().Should().Be("fresh");
        (await NamespaceGuard.CheckAsync(cluster.Connection, ns)).IsTutors.Should().BeTrue("the namespace itself stays");
    }

    [Fact]
    public async Task Removing_a_statefulset_pod_ends_when_that_pod_is_gone_though_its_successor_has_the_name()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        var spec = (JsonObject)DeploymentOf("db", 1).Body["spec"]!.DeepClone();
        spec["serviceName"] = "db";
        var statefulSet = Make(new Core.Checks.ResourceKind("apps/v1", "StatefulSet"), "db", new JsonObject { ["spec"] = spec }, 1);
        (await new ManifestApplier(cluster.Connection).ApplyAsync([LearnerNamespace(), statefulSet], ns)).Errors.Should().BeEmpty();
        string? before = null;
        for (var i = 0; i < 100 && before is null; i++, await Task.Delay(50))
            before = (await cluster.GetAsync($"api/v1/namespaces/{ns}/pods/db-0"))?["metadata"]?["uid"]?.GetValue<string>();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await new LessonResetter(cluster.Connection).RemoveAsync(ns, [new Core.Checks.ResourceRef(Objects.Pod, "db-0")]);

        result.Error.Should().BeNull();
        result.Deleted.Should().Equal("pod/db-0");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "it waits for the deleted Pod, not for the name to stay free");
        before.Should().NotBeNull("the StatefulSet made db-0");
        var after = (await cluster.GetAsync($"api/v1/namespaces/{ns}/pods/db-0"))?["metadata"]?["uid"]?.GetValue<string>();
        after.Should().NotBe(before, "what is there now is the successor, if anything");
    }

    [Fact]
    public async Task Reset_of_a_namespace_that_does_not_exist_applies_the_setup()
    {
        await using var cluster = await SandboxCluster.StartAsync();

        var result = await new LessonResetter(cluster.Connection).ResetAsync(cluster.LearnerNamespace, [ConfigMapOf("setup")]);

        result.Ok.Should().BeTrue();
        result.Deleted.Should().BeEmpty();
        (await cluster.GetAsync($"api/v1/namespaces/{cluster.LearnerNamespace}/configmaps/setup")).Should().NotBeNull();
    }

    [Fact]
    public async Task Reset_never_deletes_from_default()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        await CreateConfigMapAsync(cluster, "default", "precious");
        // Even labelled as Tutor's, default is never Tutor's.
        await LabelNamespaceAsync(cluster, "default", tutors: true);
        var resetter = new LessonResetter(cluster.Connection);

        var reset = await resetter.ResetAsync("default", []);
        var all = await resetter.ResetAllAsync("default");

        reset.Failure.Should().Be(ClusterFailure.Refused);
        reset.Error.Should().Contain("default");
        reset.Deleted.Should().BeEmpty();
        all.Failure.Should().Be(ClusterFailure.Refused);
        (await cluster.GetAsync("api/v1/namespaces/default/configmaps/precious")).Should().NotBeNull();
        (await cluster.GetAsync("api/v1/namespaces/default")).Should().NotBeNull();
    }

    [Fact]
    public async Task Reset_refuses_a_namespace_without_tutors_labels()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var plain = cluster.LearnerNamespace;
        await cluster.Connection.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = plain } });
        await CreateConfigMapAsync(cluster, plain, "theirs");
        var resetter = new LessonResetter(cluster.Connection);

        var reset = await resetter.ResetAsync(plain, [ConfigMapOf("setup")]);
        var all = await resetter.ResetAllAsync(plain);

        reset.Failure.Should().Be(ClusterFailure.Refused);
        reset.Error.Should().Contain(TutorLabels.ManagedBy);
        all.Failure.Should().Be(ClusterFailure.Refused);
        (await cluster.GetAsync($"api/v1/namespaces/{plain}/configmaps/theirs")).Should().NotBeNull();
        (await cluster.GetAsync($"api/v1/namespaces/{plain}/configmaps/setup")).Should().BeNull("a refused reset applies nothing either");
        (await cluster.GetAsync($"api/v1/namespaces/{plain}")).Should().NotBeNull();
    }

    [Fact]
    public async Task Reset_refuses_kube_system_even_with_tutors_labels()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        await LabelNamespaceAsync(cluster, "kube-system", tutors: true);
        await CreateConfigMapAsync(cluster, "kube-system", "cluster-config");

        var reset = await new LessonResetter(cluster.Connection).ResetAsync("kube-system", []);
        var all = await new LessonResetter(cluster.Connection).ResetAllAsync("kube-system");

        reset.Failure.Should().Be(ClusterFailure.Refused);
        all.Failure.Should().Be(ClusterFailure.Refused);
        (await cluster.GetAsync("api/v1/namespaces/kube-system/configmaps/cluster-config")).Should().NotBeNull();
        (await cluster.GetAsync("api/v1/namespaces/kube-system")).Should().NotBeNull();
    }

    [Fact]
    public async Task Reset_all_deletes_the_learners_namespace_and_waits_until_it_is_gone()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var ns = cluster.LearnerNamespace;
        (await new ManifestApplier(cluster.Connection).ApplyAsync([LearnerNamespace(), ConfigMapOf("x")], ns)).Ok.Should().BeTrue();

        var result = await new LessonResetter(cluster.Connection).ResetAllAsync(ns);

        result.Error.Should().BeNull();
        result.Deleted.Should().Equal($"namespace/{ns}");
        (await cluster.GetAsync($"api/v1/namespaces/{ns}")).Should().BeNull();
    }

    private static async Task CreateConfigMapAsync(SandboxCluster cluster, string ns, string name) =>
        await cluster.Connection.Client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name }, Data = new Dictionary<string, string> { ["k"] = "v" } }, ns);

    private static async Task LabelNamespaceAsync(SandboxCluster cluster, string ns, bool tutors)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Namespace",
            ["metadata"] = new JsonObject
            {
                ["name"] = ns,
                ["labels"] = tutors
                    ? new JsonObject { [TutorLabels.ManagedBy] = "tutor", [TutorLabels.Learner] = ns }
                    : new JsonObject(),
            },
        };
        await cluster.Connection.Client.CustomObjects.PatchClusterCustomObjectAsync(new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch),
            "", "v1", "namespaces", ns, fieldManager: "test", force: true);
    }
}
