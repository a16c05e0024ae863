using System.Text.Json.Nodes;
using Tutor.Sandbox.Store;

namespace Tutor.Sandbox.Tests.Controllers;

public class ControllerTests
{
    private const string DeploymentTemplate =
        """{"metadata":{"name":"NAME"},"spec":{"replicas":REPLICAS,"selector":{"matchLabels":{"app":"NAME"}},"template":{"metadata":{"labels":{"app":"NAME"}},"spec":{"containers":[{"name":"main","image":"IMAGE","ports":[{"name":"http","containerPort":80}]}]}}}}""";

    private static string Deployment(string name, int replicas, string image = "nginx:1.27") =>
        DeploymentTemplate.Replace("NAME", name).Replace("REPLICAS", replicas.ToString()).Replace("IMAGE", image);

    private static int Int(JsonNode? node) => node is null ? 0 : node.GetValue<int>();

    private static bool Ready(JsonObject pod) =>
        pod["status"]?["conditions"]?.AsArray().Any(c => c!["type"]!.GetValue<string>() == "Ready" && c["status"]!.GetValue<string>() == "True") == true;

    [Fact]
    public async Task A_deployment_of_three_becomes_three_ready_pods_and_reports_rolled_out()
    {
        await using var cluster = new SimulatedCluster();
        cluster.Create(ResourceTypes.Deployment, Deployment("web", 3));

        var done = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Deployment, "web"),
            d => Int(d["status"]?["readyReplicas"]) == 3 && Int(d["status"]?["updatedReplicas"]) == 3, "3 ready replicas");

        done["status"]!["observedGeneration"]!.GetValue<long>().Should().Be(1);
        done["status"]!["conditions"]!.AsArray().Should().Contain(c => c!["type"]!.GetValue<string>() == "Progressing" && c["reason"]!.GetValue<string>() == "NewReplicaSetAvailable");
        var pods = cluster.List(ResourceTypes.Pod);
        pods.Should().HaveCount(3).And.OnlyContain(p => Ready(p) && p["status"]!["podIP"] != null && p["spec"]!["nodeName"]!.GetValue<string>() != "sandbox-control-plane");
        cluster.List(ResourceTypes.ReplicaSet).Should().ContainSingle().Which["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>().Should().Be("Deployment");
        cluster.List(ResourceTypes.Event).Should().Contain(e => e["reason"]!.GetValue<string>() == "ScalingReplicaSet");
    }

    [Fact]
    public async Task A_new_image_rolls_out_a_new_replica_set_and_the_old_one_scales_to_zero()
    {
        await using var cluster = new SimulatedCluster();
        cluster.Create(ResourceTypes.Deployment, Deployment("web", 2));
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Deployment, "web"), d => Int(d["status"]?["readyReplicas"]) == 2, "first rollout");

        cluster.Change(ResourceTypes.Deployment, "web", d => d["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:1.25");

        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Deployment, "web"),
            d => d["status"]?["observedGeneration"]?.GetValue<long>() == 2 && Int(d["status"]?["updatedReplicas"]) == 2
                && Int(d["status"]?["readyReplicas"]) == 2 && Int(d["status"]?["replicas"]) == 2, "second rollout");
        var sets = cluster.List(ResourceTypes.ReplicaSet);
        sets.Should().HaveCount(2);
        sets.Should().ContainSingle(rs => Int(rs["spec"]!["replicas"]) == 0);
        cluster.Get(ResourceTypes.Deployment, "web")!["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]!.GetValue<string>().Should().Be("2");
        cluster.List(ResourceTypes.Pod).Should().OnlyContain(p => p["spec"]!["containers"]![0]!["image"]!.GetValue<string>() == "nginx:1.25");
    }

    [Fact]
    public async Task Deleting_a_deployment_collects_its_replica_sets_and_pods()
    {
        await using var cluster = new SimulatedCluster();
        cluster.Create(ResourceTypes.Deployment, Deployment("web", 2));
        await cluster.EventuallyAsync(() => cluster.List(ResourceTypes.Pod), p => p.Count == 2, "pods");

        cluster.Store.Delete(new ObjectKey(ResourceTypes.Deployment, "demo", "web"));

        await cluster.EventuallyAsync(() => cluster.List(ResourceTypes.Pod), p => p.Count == 0, "pods collected");
        cluster.List(ResourceTypes.ReplicaSet).Should().BeEmpty();
    }

    [Fact]
    public async Task A_mistyped_tag_ends_in_image_pull_back_off_and_never_ready()
    {
        await using var cluster = new SimulatedCluster();
        cluster.Create(ResourceTypes.Pod, """{"metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"nginx:1.277"}]}}""");

        var pod = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Pod, "p"),
            p => p["status"]?["containerStatuses"]?[0]?["state"]?["waiting"]?["reason"]?.GetValue<string>() == "ImagePullBackOff", "ImagePullBackOff");

        Ready(pod).Should().BeFalse();
        pod["status"]!["phase"]!.GetValue<string>().Should().Be("Pending");
        cluster.List(ResourceTypes.Event).Should().Contain(e => e["reason"]!.GetValue<string>() == "Failed" && e["message"]!.GetValue<string>().Contains("nginx:1.277"));
    }

    [Fact]
    public async Task A_container_that_exits_climbs_its_restart_count_in_crash_loop_back_off()
    {
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50));
        cluster.Create(ResourceTypes.Pod, """{"metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"busybox:1.36","command":["sh","-c","echo bye; exit 3"]}]}}""");

        var pod = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Pod, "p"),
            p => Int(p["status"]?["containerStatuses"]?[0]?["restartCount"]) >= 2, "two restarts");

        var status = pod["status"]!["containerStatuses"]![0]!;
        status["lastState"]!["terminated"]!["exitCode"]!.GetValue<int>().Should().Be(3);
        Ready(pod).Should().BeFalse();
    }

    [Fact]
    public async Task A_job_runs_its_pod_to_completion()
    {
        await using var cluster = new SimulatedCluster();
        cluster.Create(ResourceTypes.Job, """
            {"metadata":{"name":"once"},"spec":{"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"busybox","command":["sh","-c","echo done"]}]}}}}
            """);

        var job = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Job, "once"),
            j => j["status"]?["conditions"]?.AsArray().Any(c => c!["type"]!.GetValue<string>() == "Complete") == true, "Complete");

        Int(job["status"]!["succeeded"]).Should().Be(1);
        job["status"]!["completionTime"].Should().NotBeNull();
    }

    [Fact]
    public async Task Endpoints_list_only_ready_matching_pods_and_resolve_named_ports()
    {
        await using var cluster = new SimulatedCluster();
        cluster.Create(ResourceTypes.Deployment, Deployment("web", 2));
        cluster.Create(ResourceTypes.Deployment, Deployment("other", 1));
        cluster.Create(ResourceTypes.Service, """{"metadata":{"name":"web"},"spec":{"selector":{"app":"web"},"ports":[{"port":8080,"targetPort":"http"}]}}""");

        var endpoints = await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Endpoints, "web"),
            e => e["subsets"]?[0]?["addresses"]?.AsArray().Count == 2, "two addresses");

        endpoints["subsets"]![0]!["ports"]![0]!["port"]!.GetValue<int>().Should().Be(80);
        endpoints["subsets"]![0]!["addresses"]!.AsArray().Should().OnlyContain(a => a!["targetRef"]!["name"]!.GetValue<string>().StartsWith("web-"));
    }

    [Fact]
    public async Task A_worker_without_its_services_crashes_and_recovers_once_they_exist()
    {
        await using var cluster = new SimulatedCluster(TimeSpan.FromMilliseconds(50));
        cluster.Create(ResourceTypes.Pod, """{"metadata":{"name":"worker"},"spec":{"containers":[{"name":"w","image":"dockersamples/examplevotingapp_worker:latest"}]}}""");
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Pod, "worker"), p => Int(p["status"]?["containerStatuses"]?[0]?["restartCount"]) >= 1, "a crash");

        cluster.Create(ResourceTypes.Service, """{"metadata":{"name":"redis"},"spec":{"selector":{"app":"redis"},"ports":[{"port":6379}]}}""");
        cluster.Create(ResourceTypes.Service, """{"metadata":{"name":"db"},"spec":{"selector":{"app":"db"},"ports":[{"port":5432}]}}""");

        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Pod, "worker"), Ready, "the worker running");
    }

    [Fact]
    public async Task A_deleted_namespace_is_emptied_then_removed_and_a_new_one_gets_its_service_account()
    {
        await using var cluster = new SimulatedCluster();
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.ServiceAccount, "default"), _ => true, "the default ServiceAccount");
        cluster.Create(ResourceTypes.ConfigMap, """{"metadata":{"name":"settings"}}""");

        cluster.Store.Mutate(new ObjectKey(ResourceTypes.Namespace, "", "demo"), ns =>
        {
            ns["metadata"]!["deletionTimestamp"] = "2026-11-24T12:00:00Z";
            return true;
        });

        await cluster.EventuallyAsync(() => (object?)cluster.Store.Get(new ObjectKey(ResourceTypes.Namespace, "", "demo")) ?? "gone", o => o is string, "the namespace gone");
        cluster.List(ResourceTypes.ConfigMap).Should().BeEmpty();
    }

    [Fact]
    public async Task A_settled_cluster_writes_nothing()
    {
        await using var cluster = new SimulatedCluster();
        cluster.Create(ResourceTypes.Deployment, Deployment("web", 3));
        cluster.Create(ResourceTypes.Service, """{"metadata":{"name":"web"},"spec":{"selector":{"app":"web"},"ports":[{"port":80}]}}""");
        await cluster.EventuallyAsync(() => cluster.Get(ResourceTypes.Endpoints, "web"), e => e["subsets"]?[0]?["addresses"]?.AsArray().Count == 3, "settled");
        await Task.Delay(500);
        var version = cluster.Store.CurrentVersion;

        await Task.Delay(1000);

        cluster.Store.CurrentVersion.Should().Be(version, "nothing changes, so nothing is written");
    }
}
