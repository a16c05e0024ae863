using System.Text.Json.Nodes;

namespace Tutor.Sandbox.Tests.Controllers;

/// <summary>The scheduler over real HTTP: where Pods land, and why one stays Pending, worded as kube-scheduler words it.</summary>
public sealed class SchedulingTests
{
    private const string Pods = "/api/v1/namespaces/default/pods";

    private static string Pod(string name, string spec = "") =>
        "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"app\":\"web\"}},\"spec\":{" + spec + (spec.Trim().Length > 0 ? "," : "")
        + "\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1.27\"}]}}";

    private static string? Node(JsonObject pod) => pod["spec"]?["nodeName"]?.GetValue<string>();

    private static JsonObject? Scheduled(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]!.GetValue<string>() == "PodScheduled");

    [Fact]
    public async Task Seeded_nodes_have_capacity_labels_and_a_tainted_control_plane()
    {
        await using var sandbox = await SandboxHttp.StartAsync();

        var nodes = (await sandbox.GetAsync("/api/v1/nodes"))!["items"]!.AsArray().OfType<JsonObject>().ToList();

        nodes.Should().HaveCount(3);
        nodes.Should().OnlyContain(n => n["status"]!["allocatable"]!["cpu"] != null && n["metadata"]!["labels"]!["kubernetes.io/hostname"]!.GetValue<string>() == n["metadata"]!["name"]!.GetValue<string>());
        var controlPlane = nodes.Single(n => n["metadata"]!["labels"]!["node-role.kubernetes.io/control-plane"] != null);
        controlPlane["spec"]!["taints"]![0]!["key"]!.GetValue<string>().Should().Be("node-role.kubernetes.io/control-plane");
    }

    [Fact]
    public async Task A_pod_is_bound_to_a_worker_with_a_scheduled_event()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Pods, Pod("p"));

        var pod = await sandbox.EventuallyAsync($"{Pods}/p", p => Node(p) is not null, "the pod bound");

        Node(pod).Should().NotBe("sandbox-control-plane");
        var events = await sandbox.EventsAsync("default", "p");
        events.Should().Contain(e => e["reason"]!.GetValue<string>() == "Scheduled"
            && e["message"]!.GetValue<string>() == $"Successfully assigned default/p to {Node(pod)}");
    }

    [Fact]
    public async Task Too_big_a_request_stays_pending_with_the_real_failed_scheduling_message()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Pods, """{"metadata":{"name":"big"},"spec":{"containers":[{"name":"c","image":"nginx","resources":{"requests":{"cpu":"64"}}}]}}""");

        var pod = await sandbox.EventuallyAsync($"{Pods}/big", p => Scheduled(p)?["reason"]?.GetValue<string>() == "Unschedulable", "Unschedulable");

        const string expected = "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. "
            + "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.";
        Scheduled(pod)!["message"]!.GetValue<string>().Should().Be(expected);
        pod["status"]!["phase"]!.GetValue<string>().Should().Be("Pending");
        Node(pod).Should().BeNull();
        (await sandbox.EventsAsync("default", "big")).Should().ContainSingle(e => e["reason"]!.GetValue<string>() == "FailedScheduling")
            .Which["type"]!.GetValue<string>().Should().Be("Warning");
    }

    [Fact]
    public async Task Requests_count_what_is_already_scheduled()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        const string spec = """{"metadata":{"name":"NAME"},"spec":{"containers":[{"name":"c","image":"nginx","resources":{"requests":{"cpu":"3","memory":"1Gi"}}}]}}""";
        await sandbox.CreateAsync(Pods, spec.Replace("NAME", "a"));
        await sandbox.CreateAsync(Pods, spec.Replace("NAME", "b"));
        var a = await sandbox.EventuallyAsync($"{Pods}/a", p => Node(p) is not null, "a bound");
        var b = await sandbox.EventuallyAsync($"{Pods}/b", p => Node(p) is not null, "b bound");

        await sandbox.CreateAsync(Pods, spec.Replace("NAME", "c"));
        var c = await sandbox.EventuallyAsync($"{Pods}/c", p => Scheduled(p)?["reason"] is not null, "c refused");

        Node(a).Should().NotBe(Node(b), "each worker has 4 cpus and each pod asks for 3");
        Scheduled(c)!["message"]!.GetValue<string>().Should().Contain("2 Insufficient cpu");

        await sandbox.SendAsync(HttpMethod.Delete, $"{Pods}/a");
        await sandbox.EventuallyAsync($"{Pods}/c", p => Node(p) == Node(a), "c placed where a freed room");
    }

    [Fact]
    public async Task Node_selector_toleration_and_node_affinity_decide_the_node()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Pods, Pod("selected", """ "nodeSelector":{"kubernetes.io/hostname":"sandbox-worker2"} """));
        await sandbox.CreateAsync(Pods, Pod("tolerant", """
            "nodeSelector":{"node-role.kubernetes.io/control-plane":""},
            "tolerations":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}]
            """));
        await sandbox.CreateAsync(Pods, Pod("intolerant", """ "nodeSelector":{"node-role.kubernetes.io/control-plane":""} """));
        await sandbox.CreateAsync(Pods, Pod("affine", """
            "affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[
              {"key":"node-role.kubernetes.io/control-plane","operator":"DoesNotExist"},
              {"key":"kubernetes.io/hostname","operator":"NotIn","values":["sandbox-worker2"]}]}]}}}
            """));
        await sandbox.CreateAsync(Pods, Pod("nowhere", """
            "affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[
              {"key":"disktype","operator":"In","values":["ssd"]}]}]}}}
            """));

        Node(await sandbox.EventuallyAsync($"{Pods}/selected", p => Node(p) is not null, "selected bound")).Should().Be("sandbox-worker2");
        Node(await sandbox.EventuallyAsync($"{Pods}/tolerant", p => Node(p) is not null, "tolerant bound")).Should().Be("sandbox-control-plane");
        Node(await sandbox.EventuallyAsync($"{Pods}/affine", p => Node(p) is not null, "affine bound")).Should().Be("sandbox-worker");
        var intolerant = await sandbox.EventuallyAsync($"{Pods}/intolerant", p => Scheduled(p)?["message"] is not null, "intolerant refused");
        var nowhere = await sandbox.EventuallyAsync($"{Pods}/nowhere", p => Scheduled(p)?["message"] is not null, "nowhere refused");
        Scheduled(intolerant)!["message"]!.GetValue<string>().Should().StartWith(
            "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector.");
        Scheduled(nowhere)!["message"]!.GetValue<string>().Should().StartWith(
            "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector.");
    }

    [Fact]
    public async Task Required_anti_affinity_spreads_replicas_and_a_third_waits_for_a_node()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        const string anti = """
            "affinity":{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[
              {"labelSelector":{"matchExpressions":[{"key":"app","operator":"In","values":["web"]}]},"topologyKey":"kubernetes.io/hostname"}]}}
            """;
        await sandbox.CreateAsync(Pods, Pod("one", anti));
        await sandbox.CreateAsync(Pods, Pod("two", anti));
        await sandbox.CreateAsync(Pods, Pod("three", anti));

        var one = await sandbox.EventuallyAsync($"{Pods}/one", p => Node(p) is not null, "one bound");
        var two = await sandbox.EventuallyAsync($"{Pods}/two", p => Node(p) is not null, "two bound");
        var three = await sandbox.EventuallyAsync($"{Pods}/three", p => Scheduled(p)?["message"] is not null, "three refused");

        Node(one).Should().NotBe(Node(two));
        Scheduled(three)!["message"]!.GetValue<string>().Should().StartWith(
            "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules.");

        await sandbox.SendAsync(HttpMethod.Delete, $"{Pods}/one");
        await sandbox.EventuallyAsync($"{Pods}/three", p => Node(p) == Node(one), "three placed once one is gone");
    }

    [Fact]
    public async Task Required_pod_affinity_puts_a_pod_next_to_its_partner()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Pods, """{"metadata":{"name":"cache","labels":{"app":"cache"}},"spec":{"nodeSelector":{"kubernetes.io/hostname":"sandbox-worker2"},"containers":[{"name":"c","image":"redis"}]}}""");
        await sandbox.EventuallyAsync($"{Pods}/cache", p => Node(p) is not null, "cache bound");

        await sandbox.CreateAsync(Pods, Pod("near", """
            "affinity":{"podAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[
              {"labelSelector":{"matchLabels":{"app":"cache"}},"topologyKey":"kubernetes.io/hostname"}]}}
            """));

        Node(await sandbox.EventuallyAsync($"{Pods}/near", p => Node(p) is not null, "near bound")).Should().Be("sandbox-worker2");
    }

    [Fact]
    public async Task A_pod_on_a_missing_claim_stays_pending_until_the_claim_exists_and_binds()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Pods, """
            {"metadata":{"name":"db"},"spec":{"containers":[{"name":"c","image":"nginx"}],"volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"data"}}]}}
            """);
        var waiting = await sandbox.EventuallyAsync($"{Pods}/db", p => Scheduled(p)?["message"] is not null, "db refused");
        Scheduled(waiting)!["message"]!.GetValue<string>().Should().Be(
            "0/3 nodes are available: persistentvolumeclaim \"data\" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");

        await sandbox.CreateAsync("/api/v1/namespaces/default/persistentvolumeclaims",
            """{"metadata":{"name":"data"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""");

        var pod = await sandbox.EventuallyAsync($"{Pods}/db", p => Node(p) is not null, "db bound");
        var claim = await sandbox.EventuallyAsync("/api/v1/namespaces/default/persistentvolumeclaims/data", c => c["status"]?["phase"]?.GetValue<string>() == "Bound", "claim bound");
        var volume = await sandbox.GetAsync($"/api/v1/persistentvolumes/{claim["spec"]!["volumeName"]!.GetValue<string>()}");
        volume!["spec"]!["nodeAffinity"]!["required"]!["nodeSelectorTerms"]![0]!["matchExpressions"]![0]!["values"]![0]!.GetValue<string>()
            .Should().Be(Node(pod), "a local-path volume lives on the node of its first consumer");
    }

    [Fact]
    public async Task A_pending_pod_is_placed_as_soon_as_a_node_gets_the_label_it_needs()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Pods, Pod("ssd", """ "nodeSelector":{"disktype":"ssd"} """));
        await sandbox.EventuallyAsync($"{Pods}/ssd", p => Scheduled(p)?["reason"] is not null, "ssd refused");

        var (code, _) = await sandbox.MergePatchAsync("/api/v1/nodes/sandbox-worker2", """{"metadata":{"labels":{"disktype":"ssd"}}}""");

        code.Should().Be(System.Net.HttpStatusCode.OK);
        Node(await sandbox.EventuallyAsync($"{Pods}/ssd", p => Node(p) is not null, "ssd bound")).Should().Be("sandbox-worker2");
    }

    [Fact]
    public async Task Pods_and_claims_that_stay_pending_or_unready_write_nothing_once_settled()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        await sandbox.CreateAsync(Pods, """{"metadata":{"name":"big"},"spec":{"containers":[{"name":"c","image":"nginx","resources":{"requests":{"cpu":"64"}}}]}}""");
        await sandbox.CreateAsync(Pods, """{"metadata":{"name":"unready"},"spec":{"containers":[{"name":"c","image":"nginx","readinessProbe":{"tcpSocket":{"port":8080},"periodSeconds":1}}]}}""");
        await sandbox.CreateAsync("/api/v1/namespaces/default/persistentvolumeclaims",
            """{"metadata":{"name":"later"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""");
        await sandbox.EventuallyAsync($"{Pods}/big", p => Scheduled(p)?["reason"] is not null, "big refused");
        await sandbox.EventuallyAsync($"{Pods}/unready", p => p["status"]?["containerStatuses"]?[0]?["state"]?["running"] is not null, "unready running");
        await Task.Delay(500);
        var version = sandbox.Server.Store.CurrentVersion;

        await Task.Delay(1000);

        sandbox.Server.Store.CurrentVersion.Should().Be(version, "a verdict that does not change is not written again");
    }

    [Fact]
    public async Task Without_nodes_a_pod_waits_with_no_nodes_available()
    {
        await using var sandbox = await SandboxHttp.StartAsync();
        foreach (var node in new[] { "sandbox-control-plane", "sandbox-worker", "sandbox-worker2" })
            await sandbox.SendAsync(HttpMethod.Delete, $"/api/v1/nodes/{node}");

        await sandbox.CreateAsync(Pods, Pod("lonely"));

        var pod = await sandbox.EventuallyAsync($"{Pods}/lonely", p => Scheduled(p)?["message"] is not null, "lonely refused");
        Scheduled(pod)!["message"]!.GetValue<string>().Should().Be("no nodes available to schedule pods");
    }
}
